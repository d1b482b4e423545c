import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, spreadsheetCsv, parseQuery } from '$lib/server/http';
import { auditQuerySchema } from '$lib/server/audit/audit.schema';
import { exportAuditLog } from '$lib/server/audit/audit.service';
import { detailsText } from '$lib/server/audit/audit-details';

/** The filtered log as CSV (UTF-8 with BOM so Excel reads accents): readable details, and the raw JSON beside them. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.audit');
	const lines = await exportAuditLog(db(), user, parseQuery(auditQuerySchema, url.searchParams));
	const csv = spreadsheetCsv(
		lines.map((l) => [
			l.id,
			new Date(l.createdAt).toISOString(),
			l.actor?.text ?? '',
			l.actorEmail ?? '',
			l.action,
			l.objectType,
			l.objectId ?? '',
			l.object.text,
			detailsText(l.details),
			JSON.stringify(l.data)
		]),
		{ header: true, columns: ['id', 'at', 'actor', 'actor_email', 'action', 'object_type', 'object_id', 'object', 'details', 'data'] }
	);
	return download(csv, `audit-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
};
