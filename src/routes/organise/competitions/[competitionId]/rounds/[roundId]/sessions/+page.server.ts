import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { newSessionSchema } from '$lib/server/pitch/sessions.schema';
import { createSession, listRoundSessions } from '$lib/server/pitch/sessions.service';

/** A round's pitch sessions, per jury (organisers; anyone else finds nothing). One statement. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await orNotFound(listRoundSessions(db(), user, idParam(params.roundId)));
	if (page.round.competitionId !== idParam(params.competitionId)) error(404, 'Not found');
	return page;
};

export const actions: Actions = {
	create: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'create',
			schema: newSessionSchema,
			run: async (input, user) => {
				const { competitionId, roundId } = event.params;
				const made = await createSession(db(), user, idParam(roundId), input);
				redirect(303, `/organise/competitions/${idParam(competitionId)}/rounds/${idParam(roundId)}/sessions/${made.id}?created`);
			}
		})
};
