import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { idParam, orNotFound } from '$lib/server/http';
import { getSessionPrint } from '$lib/server/pitch/print.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { print: await orNotFound(getSessionPrint(db(), user, idParam(params.sessionId), 'agenda')) };
};
