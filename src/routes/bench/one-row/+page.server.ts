import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';

/** The benchmark's reference page that reads one row (only with BENCH_ROUTES=1). */
export const load: PageServerLoad = async () => {
	if (!config().benchRoutes) error(404, 'Not found');
	const row = await db().selectFrom('department').select(['id', 'code', 'name']).orderBy('id').limit(1).executeTakeFirst();
	return { row: row ?? null };
};
