import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { idParam, orNotFound } from '$lib/server/http';
import { findSimilarIdeas, getIdeaForEdit, getIdeaFormOptions } from '$lib/server/ideas/idea-form.service';
import { ideaFormActions } from '$lib/server/ideas/idea-form.actions';
import { ideaToFormValues } from '$lib/forms/idea-values';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const ideaId = idParam(params.ideaId);
	const { idea, attachments } = await orNotFound(getIdeaForEdit(db(), user, ideaId)).catch((e: unknown) => {
		if (e instanceof DomainError) error(409, e.message);
		throw e;
	});
	const [options, similar] = await Promise.all([
		getIdeaFormOptions(
			db(),
			idea.team.map((t) => t.id)
		),
		findSimilarIdeas(db(), user, { title: idea.title, problem: idea.problem, exclude: ideaId })
	]);
	return { idea, options, similar, attachments, values: ideaToFormValues(idea), problem: url.searchParams.get('problem') };
};

export const actions: Actions = ideaFormActions((event) => idParam(event.params.ideaId));
