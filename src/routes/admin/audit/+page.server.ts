import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { listAuditLog } from '$lib/server/audit/audit.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.audit');
	return { entries: await listAuditLog(db(), user) };
};
