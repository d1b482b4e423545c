import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { colleagueQuerySchema } from '$lib/server/ideas/ideas.schema';
import { findColleagues } from '$lib/server/ideas/idea-form.service';

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const parsed = colleagueQuerySchema.safeParse({ q: (url.searchParams.get('q') ?? '').replace(/\0/g, '') });
	if (!parsed.success) return json([]);
	return json(await findColleagues(db(), user, parsed.data.q), { headers: { 'cache-control': 'private, no-store' } });
};
