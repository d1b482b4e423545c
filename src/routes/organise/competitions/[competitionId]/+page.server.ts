import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { createRoundsFromTemplate, getCompetitionRounds } from '$lib/server/competitions/competitions.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	try {
		return await getCompetitionRounds(db(), user, ideaIdParam(params.competitionId));
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	template: async ({ locals, url, params }) => {
		const user = requirePermission(locals, url, 'competition.manage');
		const competitionId = ideaIdParam(params.competitionId);
		let created: { semiFinalId: number };
		try {
			created = await createRoundsFromTemplate(db(), user, competitionId);
		} catch (e) {
			return failFromDomain(e, {});
		}
		redirect(303, `/organise/competitions/${competitionId}/rounds/${created.semiFinalId}?created=1`);
	}
};
