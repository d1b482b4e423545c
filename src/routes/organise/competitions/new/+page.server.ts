import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { competitionFormSchema, toCompetitionInput } from '$lib/server/competitions/competition-setup.schema';
import { createCompetition, getCompetitionFormOptions } from '$lib/server/competitions/competition-setup.service';
import { blankCompetitionValues, formDataToCompetitionValues } from '$lib/forms/competition-values';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	const { departments, leads, defaultDepartmentIds } = await getCompetitionFormOptions(db(), user);
	return { departments, leads, values: { ...blankCompetitionValues(), departmentIds: defaultDepartmentIds } };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'competition.manage',
			schema: competitionFormSchema,
			values: formDataToCompetitionValues,
			run: async (input, user) => {
				const created = await createCompetition(db(), user, toCompetitionInput(input));
				redirect(303, `/organise/competitions/${created.id}/edit?created=1`);
			}
		})
};
