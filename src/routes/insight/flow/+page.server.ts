import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadFlowDashboard } from '$lib/server/insight/flow.service';

/** Where ideas wait: organisers, admins and department managers (their departments). */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('flow')) error(404, 'Not found');
	return { dashboard: await loadFlowDashboard(db(), filter, { now: new Date() }) };
};
