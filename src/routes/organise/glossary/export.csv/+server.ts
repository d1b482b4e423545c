import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, spreadsheetCsv } from '$lib/server/http';
import { exportGlossary } from '$lib/server/glossary/glossary.service';

/** The whole glossary as CSV (columns en, nl, note), as the import reads it back. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'glossary.manage');
	const rows = await exportGlossary(db(), user);
	return download(spreadsheetCsv(rows), `glossary-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
};
