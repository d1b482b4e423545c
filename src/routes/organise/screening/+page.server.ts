import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { getScreeningQueue } from '$lib/server/ideas/screening.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.screen');
	return { queue: await getScreeningQueue(db(), user) };
};
