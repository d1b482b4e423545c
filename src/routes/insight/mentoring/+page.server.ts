import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { loadMentoringDashboard } from '$lib/server/insight/mentoring.service';

/** Mentors' load, answers and what coaching brought: organisers, admins and department managers (their departments). */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireUser(locals, url);
	const { access, filter } = await parent();
	if (!access.dashboards.includes('mentoring')) error(404, 'Not found');
	return { dashboard: await loadMentoringDashboard(db(), filter, { now: new Date() }) };
};
