import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { searchQuerySchema } from '$lib/server/knowledge-base/kb.schema';
import { searchKb } from '$lib/server/knowledge-base/kb.service';
import { listPendingPublications } from '$lib/server/knowledge-base/publication.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const query = parseQuery(searchQuerySchema, url.searchParams);
	const [result, pending] = await Promise.all([searchKb(db(), user, query), listPendingPublications(db(), user)]);
	return { result, pendingCount: pending.length };
};
