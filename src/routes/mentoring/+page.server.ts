import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { failMentoring, formValues } from '$lib/server/mentoring/mentoring.actions';
import { answerSchema } from '$lib/server/mentoring/mentoring.schema';
import { answerProposal, getMentorHome } from '$lib/server/mentoring/mentoring.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	try {
		return { home: await getMentorHome(db(), user), notice: url.searchParams.get('done') === 'declined' ? 'declined' : null };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	/** Accept or decline a proposal, from the list of ideas waiting for my answer. */
	answer: async (event) => {
		const user = requireUser(event.locals, event.url);
		const form = await event.request.formData();
		const ideaId = ideaIdParam(String(form.get('ideaId') ?? ''));
		const parsed = parseForm(answerSchema, form);
		if (!parsed.ok) return fail(400, { action: 'answer', ideaId, values: parsed.values, errors: parsed.errors });
		try {
			await answerProposal(db(), user, ideaId, parsed.data);
		} catch (e) {
			const failed = failMentoring(e, 'answer', formValues(form));
			return fail(failed.status, { ...failed.data, ideaId });
		}
		return { done: parsed.data.decision === 'accept' ? 'accepted' : 'declined', ideaId };
	}
};
