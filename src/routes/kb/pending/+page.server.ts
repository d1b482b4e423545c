import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { listPendingPublications } from '$lib/server/knowledge-base/publication.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'kb.manage');
	return { pending: await listPendingPublications(db(), user) };
};
