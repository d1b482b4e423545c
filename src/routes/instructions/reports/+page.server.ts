import type { PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { parseQuery, requireAccess } from '$lib/server/http';
import { reportListQuerySchema } from '$lib/server/instructions/reports.schema';
import { listReportsPage } from '$lib/server/instructions/reports.service';

/** My reports, those to handle, and for organisers all open ones; `?instruction={id}` keeps one instruction's. Two statements. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAccess({ locals, url }, 'kb.read');
	const { instruction } = parseQuery(reportListQuerySchema, url.searchParams);
	return listReportsPage(db(), user, instruction ?? null);
};
