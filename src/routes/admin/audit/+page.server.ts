import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { auditQuerySchema } from '$lib/server/audit/audit.schema';
import { getAuditPage } from '$lib/server/audit/audit.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.audit');
	const query = parseQuery(auditQuerySchema, url.searchParams);
	return { ...(await getAuditPage(db(), user, query)), query };
};
