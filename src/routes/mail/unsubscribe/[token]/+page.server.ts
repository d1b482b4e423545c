import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { orNotFound, readForm } from '$lib/server/http';
import { readUnsubscribeLink, unsubscribeByLink } from '$lib/server/mail/preferences.service';

/**
 * The unsubscribe link of every e-mail. No sign-in: the signed token is the proof, and a
 * token that is not ours is the 404 page. GET only asks (mail scanners open links); the
 * button, or a mail program's one-click POST (RFC 8058: `List-Unsubscribe=One-Click`, from
 * another origin or none, which hooks.server.ts lets through for this path only) turns the
 * group off.
 */
export const load: PageServerLoad = ({ params }) => ({ group: readLink(params.token).group });

export const actions: Actions = {
	default: async ({ params, request }) => {
		readLink(params.token);
		const form = await readForm(request);
		const oneClick = form.get('List-Unsubscribe') === 'One-Click';
		const { group } = await orNotFound(unsubscribeByLink(db(), config().authSecret, params.token, { oneClick }));
		return { done: true, group };
	}
};

function readLink(token: string) {
	try {
		return readUnsubscribeLink(config().authSecret, token);
	} catch {
		error(404, 'Not found');
	}
}
