import { redirect, type Actions } from '@sveltejs/kit';
import { db } from '$lib/server/runtime';
import { endSession } from '$lib/server/org/sessions.service';
import { clearSessionCookie, sessionToken } from '$lib/server/http';

export const load = () => redirect(303, '/');

export const actions: Actions = {
	/** This session ends on the server: the same cookie opens nothing any more. */
	default: async ({ cookies }) => {
		await endSession(db(), sessionToken(cookies));
		clearSessionCookie(cookies);
		redirect(303, '/signin');
	}
};
