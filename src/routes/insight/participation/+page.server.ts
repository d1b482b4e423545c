import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadParticipationDashboard } from '$lib/server/insight/participation.service';

/** Who takes part, compared with who works here: organisers, admins and department managers (their departments). */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('participation')) error(404, 'Not found');
	return { dashboard: await loadParticipationDashboard(db(), filter, { now: new Date() }) };
};
