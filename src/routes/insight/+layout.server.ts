import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { dashboardOfPath, resolveInsight } from '$lib/server/insight/scope';

/**
 * Every insight page: who may see which dashboard, and the filters (edition, department with
 * its sub-departments, period) resolved once here; the pages read them with parent().
 * A dashboard the reader may not open answers 404.
 */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const dashboard = dashboardOfPath(url.pathname);
	const resolved = await resolveInsight(db(), user, url.searchParams, dashboard);
	if (!resolved || !dashboard || !resolved.access.dashboards.includes(dashboard)) error(404, 'Not found');
	return {
		access: resolved.access,
		filter: resolved.filter,
		filterForm: resolved.form,
		filterErrors: resolved.errors,
		editions: resolved.options.editions,
		departmentChoices: resolved.departmentChoices,
		dashboard
	};
};
