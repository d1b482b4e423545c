import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { startSession } from '$lib/server/org/sessions.service';
import { completeSetup, isSetupLinkValid } from '$lib/server/people/setup.service';
import { setupSchema } from '$lib/server/people/setup.schema';
import { failForm, failFrom, parseForm, readForm, setSessionCookie } from '$lib/server/http';
import { formValues } from '$lib/forms/values';

/** The one-time setup link from the server log: anything but the current link is "not found". */
export const load: PageServerLoad = async ({ params }) => {
	if (!(await isSetupLinkValid(db(), params.token))) error(404, 'Not found');
	return {};
};

export const actions: Actions = {
	/** The top department and the first administrator; then they are signed in and welcomed. */
	setup: async (event) => {
		const form = await readForm(event.request);
		const values = formValues(form);
		const parsed = parseForm(setupSchema, form);
		if (!parsed.ok) return failForm(parsed.errors, values);
		let userId: number;
		try {
			({ userId } = await completeSetup(db(), parsed.data, { token: event.params.token }));
		} catch (e) {
			return failFrom(e, values);
		}
		const session = await startSession(db(), userId);
		if (!session) redirect(303, '/signin');
		setSessionCookie(event.cookies, session.token, session.expiresAt);
		redirect(303, '/setup/welcome');
	}
};
