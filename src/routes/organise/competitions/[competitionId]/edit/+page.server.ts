import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { competitionFormSchema, competitionStatusFormSchema, toCompetitionInput } from '$lib/server/competitions/competition-setup.schema';
import { changeCompetitionStatus, getCompetitionForEdit, updateCompetition } from '$lib/server/competitions/competition-setup.service';
import { formDataToCompetitionValues } from '$lib/forms/competition-values';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	return orNotFound(getCompetitionForEdit(db(), user, idParam(params.competitionId)));
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'competition.manage',
			schema: competitionFormSchema,
			values: formDataToCompetitionValues,
			run: async (input, user) => {
				const competitionId = idParam(event.params.competitionId);
				await updateCompetition(db(), user, competitionId, toCompetitionInput(input));
				redirect(303, `/organise/competitions/${competitionId}/edit?saved=1`);
			}
		}),
	status: (event) =>
		formAction(event, {
			access: 'competition.manage',
			action: 'status',
			schema: competitionStatusFormSchema,
			run: async (input, user) => {
				const competitionId = idParam(event.params.competitionId);
				const changed = await changeCompetitionStatus(db(), user, competitionId, input.status);
				redirect(303, `/organise/competitions/${competitionId}/edit?status=${changed.to}`);
			}
		})
};
