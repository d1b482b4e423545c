import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import { createRoundsFromTemplate, getCompetitionRounds } from '$lib/server/competitions/round-setup.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	return orNotFound(getCompetitionRounds(db(), user, idParam(params.competitionId)));
};

export const actions: Actions = {
	template: (event) =>
		formAction(event, {
			access: 'competition.manage',
			schema: noFields,
			run: async (_input, user) => {
				const competitionId = idParam(event.params.competitionId);
				const created = await createRoundsFromTemplate(db(), user, competitionId);
				redirect(303, `/organise/competitions/${competitionId}/rounds/${created.semiFinalId}?created=1`);
			}
		})
};
