import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadJuriesDashboard } from '$lib/server/insight/juries.service';

/** How the juries judge: organisers and admins only (insightAccess); anyone else gets 404. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('juries')) error(404, 'Not found');
	return { dashboard: await loadJuriesDashboard(db(), filter, { now: new Date() }) };
};
