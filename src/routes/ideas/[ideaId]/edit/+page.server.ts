import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { findSimilarIdeas, getIdeaForEdit, getIdeaFormOptions } from '$lib/server/ideas/ideas.service';
import { ideaFormActions, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { listIdeaAttachments } from '$lib/server/attachments/attachments.service';
import { ideaToFormValues } from '$lib/ideas/form-values';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const ideaId = ideaIdParam(params.ideaId);
	try {
		const { idea } = await getIdeaForEdit(db(), user, ideaId);
		const [options, similar, attachments] = await Promise.all([
			getIdeaFormOptions(
				db(),
				idea.team.map((t) => t.id)
			),
			findSimilarIdeas(db(), user, { title: idea.title, problem: idea.problem, exclude: ideaId }),
			listIdeaAttachments(db(), ideaId)
		]);
		return { idea, options, similar, attachments, values: ideaToFormValues(idea), problem: url.searchParams.get('problem') };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		if (e instanceof DomainError) error(409, e.message);
		throw e;
	}
};

export const actions: Actions = ideaFormActions((event) => ideaIdParam(event.params.ideaId));
