import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { exportRound } from '$lib/server/competitions/round-results.service';
import { download, spreadsheetCsv, idParam, orNotFound } from '$lib/server/http';

/** ?table=matrix (every sheet, every criterion) or ?table=ranking (per scope), UTF-8 with BOM for Excel. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	const table = url.searchParams.get('table') === 'ranking' ? 'ranking' : 'matrix';
	const data = await orNotFound(exportRound(db(), user, idParam(params.competitionId), idParam(params.roundId)));
	const t = data[table];
	const csv = spreadsheetCsv([t.header, ...t.rows]);
	return download(csv, `round-${data.round.id}-${table}-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
};
