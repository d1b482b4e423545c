import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadSummaryDashboard } from '$lib/server/insight/summary.service';

/** The company summary: everyone may open it; the department filter does not apply. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('summary')) error(404, 'Not found');
	return { dashboard: await loadSummaryDashboard(db(), filter, { now: new Date() }) };
};
