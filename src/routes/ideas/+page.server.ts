import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { listMyIdeas } from '$lib/server/ideas/idea-lists.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.listOwn');
	return await listMyIdeas(db(), user);
};
