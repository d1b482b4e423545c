import type { SessionUser } from '$lib/server/org/users.service';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** The user's unread notifications when the request came in (read with the session). */
			unread: number;
			locale: 'en' | 'nl';
		}
		interface Error {
			message: string;
			errorId?: string;
		}
		interface PageState {}
		interface Platform {}
	}
}

export {};
