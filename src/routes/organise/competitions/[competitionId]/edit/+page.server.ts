import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { competitionFormSchema, competitionStatusFormSchema, toCompetitionInput } from '$lib/server/competitions/competition-setup.schema';
import { changeCompetitionStatus, getCompetitionForEdit, updateCompetition } from '$lib/server/competitions/competition-setup.service';
import { formDataToCompetitionValues } from '$lib/components/judging/competition-form-values';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	try {
		return await getCompetitionForEdit(db(), user, ideaIdParam(params.competitionId));
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'competition.manage');
		const competitionId = ideaIdParam(params.competitionId);
		const form = await request.formData();
		const values = formDataToCompetitionValues(form);
		const parsed = parseForm(competitionFormSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await updateCompetition(db(), user, competitionId, toCompetitionInput(parsed.data));
		} catch (e) {
			return failFromDomain(e, values);
		}
		redirect(303, `/organise/competitions/${competitionId}/edit?saved=1`);
	},
	status: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'competition.manage');
		const competitionId = ideaIdParam(params.competitionId);
		const parsed = parseForm(competitionStatusFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { statusError: 'unknown_status' });
		let changed: { to: string };
		try {
			changed = await changeCompetitionStatus(db(), user, competitionId, parsed.data.status);
		} catch (e) {
			if (e instanceof DomainError && e.status !== 404) return fail(e.status, { statusError: e.code });
			if (e instanceof DomainError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/organise/competitions/${competitionId}/edit?status=${changed.to}`);
	}
};
