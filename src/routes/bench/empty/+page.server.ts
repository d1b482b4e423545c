import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { config } from '$lib/server/config';

/** The benchmark's reference page that reads nothing (only with BENCH_ROUTES=1): the cost of the layout and the session alone. */
export const load: PageServerLoad = () => {
	if (!config().benchRoutes) error(404, 'Not found');
	return {};
};
