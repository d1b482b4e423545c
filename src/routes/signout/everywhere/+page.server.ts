import { redirect, type Actions } from '@sveltejs/kit';
import { db } from '$lib/server/runtime';
import { endAllSessions } from '$lib/server/org/sessions.service';
import { clearSessionCookie, formAction, noFields } from '$lib/server/http';

export const load = () => redirect(303, '/');

export const actions: Actions = {
	/** Every session of mine ends: a phone left signed in somewhere, a shared computer. */
	default: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: noFields,
			run: async (_input, user) => {
				await endAllSessions(db(), user, user.id);
				clearSessionCookie(event.cookies);
				redirect(303, '/signin');
			}
		})
};
