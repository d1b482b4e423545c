import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { idParam, orNotFound } from '$lib/server/http';
import { getFeedback } from '$lib/server/scoring/feedback.service';

/** The team's feedback of every published round of this idea; nobody else's business before publication. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return orNotFound(getFeedback(db(), user, idParam(params.ideaId)));
};
