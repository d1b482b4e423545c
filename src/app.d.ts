import type { SessionUser } from '$lib/server/org/users.service';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
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
