import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { wallQuerySchema } from '$lib/server/ideas/wall.schema';
import { getWall } from '$lib/server/ideas/wall.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.wall');
	const query = parseQuery(wallQuerySchema, url.searchParams);
	const wall = await getWall(db(), user, query);
	return {
		...wall,
		query,
		viewerDepartmentId: user.departmentId,
		returnTo: url.pathname + url.search
	};
};
