import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadResultsDashboard } from '$lib/server/insight/results.service';

/** What the improvements brought: organisers, admins and department managers (their departments). */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('results')) error(404, 'Not found');
	return { dashboard: await loadResultsDashboard(db(), filter, { now: new Date() }) };
};
