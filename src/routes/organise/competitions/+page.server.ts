import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { listCompetitionsForOrganiser } from '$lib/server/competitions/round-setup.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	return { competitions: await listCompetitionsForOrganiser(db(), user) };
};
