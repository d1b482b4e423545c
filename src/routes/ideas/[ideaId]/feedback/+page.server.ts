import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { getFeedback } from '$lib/server/scoring/scoring.service';

/** The team's feedback of every published round of this idea; nobody else's business before publication. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	try {
		return await getFeedback(db(), user, ideaIdParam(params.ideaId));
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};
