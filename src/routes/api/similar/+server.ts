import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { similarQuerySchema } from '$lib/server/ideas/ideas.schema';
import { findSimilarIdeas } from '$lib/server/ideas/idea-form.service';

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const input = parseQuery(similarQuerySchema, url.searchParams);
	return json(await findSimilarIdeas(db(), user, input), { headers: { 'cache-control': 'private, no-store' } });
};
