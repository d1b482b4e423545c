import { error } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { exportRound } from '$lib/server/competitions/competitions.service';
import { download } from '$lib/server/scoring/scoring.http';

/** ?table=matrix (every sheet, every criterion) or ?table=ranking (per scope), UTF-8 with BOM for Excel. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	const table = url.searchParams.get('table') === 'ranking' ? 'ranking' : 'matrix';
	try {
		const data = await exportRound(db(), user, ideaIdParam(params.roundId));
		const t = data[table];
		const csv = '\uFEFF' + stringify([t.header, ...t.rows]);
		return download(csv, `round-${data.round.id}-${table}-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};
