import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain } from '$lib/server/ideas/ideas.actions';
import { competitionFormSchema, toCompetitionInput } from '$lib/server/competitions/competition-setup.schema';
import { createCompetition, getCompetitionFormOptions } from '$lib/server/competitions/competition-setup.service';
import { blankCompetitionValues, formDataToCompetitionValues } from '$lib/components/judging/competition-form-values';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	return { ...(await getCompetitionFormOptions(db(), user)), values: blankCompetitionValues() };
};

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'competition.manage');
		const form = await request.formData();
		const values = formDataToCompetitionValues(form);
		const parsed = parseForm(competitionFormSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		let created: { id: number };
		try {
			created = await createCompetition(db(), user, toCompetitionInput(parsed.data));
		} catch (e) {
			return failFromDomain(e, values);
		}
		redirect(303, `/organise/competitions/${created.id}/edit?created=1`);
	}
};
