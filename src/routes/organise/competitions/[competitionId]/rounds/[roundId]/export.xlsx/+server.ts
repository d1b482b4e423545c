import ExcelJS from 'exceljs';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { exportRound } from '$lib/server/competitions/round-results.service';
import { download, idParam, orNotFound } from '$lib/server/http';

/** One workbook: the ranking per scope and the full score matrix. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	const data = await orNotFound(exportRound(db(), user, idParam(params.competitionId), idParam(params.roundId)));
	const book = new ExcelJS.Workbook();
	book.creator = 'IdeaCup';
	for (const [name, t] of [
		['Ranking', data.ranking],
		['Score matrix', data.matrix]
	] as const) {
		const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(t.header).font = { bold: true };
		for (const row of t.rows) sheet.addRow(row);
		sheet.columns.forEach((col, i) => (col.width = i === 3 ? 44 : 16));
	}
	const body = new Uint8Array(await book.xlsx.writeBuffer());
	return download(
		body,
		`round-${data.round.id}-results-${new Date().toISOString().slice(0, 10)}.xlsx`,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
};
