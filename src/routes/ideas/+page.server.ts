import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { listMyIdeas } from '$lib/server/ideas/ideas.service';
import { listOpenCalls } from '$lib/server/competitions/competitions.queries';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.listOwn');
	const [ideas, calls] = await Promise.all([listMyIdeas(db(), user), listOpenCalls(db())]);
	return { ideas, calls };
};
