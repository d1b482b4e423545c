import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { ideaListQuerySchema, IDEA_PAGE_SIZE } from '$lib/server/ideas/ideas.schema';
import { getIdeaListChoices } from '$lib/server/ideas/idea-form.service';
import { listAllIdeas } from '$lib/server/ideas/idea-lists.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.listAll');
	const query = parseQuery(ideaListQuerySchema, url.searchParams);
	const [result, choices] = await Promise.all([listAllIdeas(db(), user, query), getIdeaListChoices(db())]);
	return {
		...result,
		query,
		pageSize: IDEA_PAGE_SIZE,
		...choices
	};
};
