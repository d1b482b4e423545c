import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { getDepartmentsOverview } from '$lib/server/knowledge-base/kb.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'kb.read');
	return { departments: await getDepartmentsOverview(db(), user) };
};
