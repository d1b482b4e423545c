/**
 * The offline sheet: the juror's queue as a CSV or Excel file to fill in without the portal
 * (only their own scores, nobody else's), and reading it back row by row, each row checked
 * like the sheet itself and written with the version it was downloaded at.
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { checkScores, rubricOf, withWeightPercent, type CheckedScore } from '../../domain/rubric.js';
import { NotASheet, readUpload, SheetTooLarge, renderCsv, renderXlsx, sheetHeader, type OfflineRow } from './offline-sheet.js';
import type { SheetInput } from './jury-sheet.schema.js';
import { sameSheet, writeOwnSheets } from './jury-sheet.service.js';
import * as q from './jury-sheet.queries.js';

/** The round, its criteria, the ideas left to the juror (conflicts left out) and their own sheets: one statement. */
async function offlineData(db: Database, actor: Actor, roundId: number) {
	if (!can(actor, 'jury.score')) throw notFound();
	const data = await q.findOfflineSheetData(db, roundId, actor.id);
	if (!data) throw notFound();
	const { round, criteria, own } = data;
	if (round.status === 'draft' || !round.isJuror) throw notFound();
	const queue = round.queue.filter((e) => !e.conflicts.length);
	return { round, criteria, queue, own };
}

/** The juror's queue as a sheet to fill in offline: only their own scores, nobody else's. */
export async function exportOfflineSheet(db: Database, actor: Actor, roundId: number, format: 'csv' | 'xlsx') {
	const { round, criteria, queue, own } = await offlineData(db, actor, roundId);
	const sheets = new Map(own.map((s) => [s.ideaId, s]));
	const rows: OfflineRow[] = queue.map((i) => {
		const s = sheets.get(i.ideaId);
		return {
			roundId,
			ideaId: i.ideaId,
			title: i.title,
			version: s?.version ?? 0,
			scores: Object.fromEntries((s?.scores ?? []).map((x) => [x.criterionId, { value: x.value, comment: x.comment }])),
			overallComment: s?.overallComment ?? ''
		};
	});
	const fileBase = `scores-round-${roundId}-${new Date().toISOString().slice(0, 10)}`;
	if (format === 'csv')
		return { fileName: `${fileBase}.csv`, contentType: 'text/csv; charset=utf-8', body: renderCsv(rows, criteria) as string | Uint8Array };
	const body = await renderXlsx(
		rows,
		withWeightPercent(criteria).map((c) => ({ ...c, rubric: rubricOf(c.rubric) })),
		`${round.competitionName} · ${round.name}`
	);
	return {
		fileName: `${fileBase}.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: body as string | Uint8Array
	};
}

export type UploadRowReport = {
	row: number;
	ideaId: number | null;
	title: string;
	result: 'taken' | 'refused' | 'skipped';
	/** Codes with the column they concern, worded by the page. */
	reasons: { code: string; column?: string }[];
};

export type UploadReport = { fileRefused: string | null; rows: UploadRowReport[]; taken: number; refused: number; skipped: number };

/**
 * Reads an offline sheet back. The whole file is refused (nothing changes) when it is not a
 * sheet of this round (header, round id); otherwise each row is checked on its own and the
 * report says which rows were taken and which were refused, and why.
 */
export async function importOfflineSheet(
	db: Database,
	actor: Actor,
	roundId: number,
	file: { bytes: Uint8Array; name: string }
): Promise<UploadReport> {
	const { criteria, queue, own } = await offlineData(db, actor, roundId);
	const refuseFile = (code: string): UploadReport => ({ fileRefused: code, rows: [], taken: 0, refused: 0, skipped: 0 });
	let table: string[][];
	try {
		table = await readUpload(file.bytes, file.name);
	} catch (e) {
		if (e instanceof NotASheet) return refuseFile('not_a_sheet');
		if (e instanceof SheetTooLarge) return refuseFile('sheet_unpacks_too_large');
		throw e;
	}
	const header = sheetHeader(criteria);
	const got = (table[0] ?? []).slice(0, header.length);
	while (got.length && got[got.length - 1] === '') got.pop();
	if (got.length !== header.length || header.some((h, i) => h.toLowerCase() !== (got[i] ?? '').toLowerCase()))
		return refuseFile('wrong_columns');
	const body = table
		.slice(1)
		.map((cells, i) => ({ row: i + 2, cells }))
		.filter((r) => r.cells.some((c) => c !== ''));
	if (!body.length) return refuseFile('no_rows');
	if (body.some((r) => r.cells[0] !== String(roundId))) return refuseFile('other_round');

	const inQueue = new Map(queue.map((i) => [i.ideaId, i]));
	const stored = new Map(own.map((s) => [s.ideaId, s]));
	const seen = new Set<number>();
	const plans: {
		report: UploadRowReport;
		write?: { ideaId: number; version: number; overallComment: string; submit: boolean; values: CheckedScore[] };
	}[] = [];
	for (const { row, cells } of body) {
		const report: UploadRowReport = { row, ideaId: null, title: cells[2] ?? '', result: 'refused', reasons: [] };
		plans.push({ report });
		const ideaId = /^\d{1,9}$/.test(cells[1] ?? '') ? Number(cells[1]) : null;
		const version = /^\d{1,9}$/.test(cells[3] ?? '') ? Number(cells[3]) : null;
		report.ideaId = ideaId;
		if (ideaId === null) report.reasons.push({ code: 'bad_idea_id', column: 'idea_id' });
		else if (!inQueue.has(ideaId)) report.reasons.push({ code: 'not_in_queue', column: 'idea_id' });
		else if (seen.has(ideaId)) report.reasons.push({ code: 'duplicate_row', column: 'idea_id' });
		if (version === null) report.reasons.push({ code: 'bad_version', column: 'sheet_version' });
		if (report.reasons.length || ideaId === null || version === null) continue;
		seen.add(ideaId);
		report.title = inQueue.get(ideaId)!.title;
		const scores: SheetInput['scores'] = {};
		criteria.forEach((c, i) => {
			const at = 4 + 2 * i;
			scores[c.id] = { value: cells[at] ?? '', comment: cells[at + 1] ?? '' };
		});
		const overallComment = cells[4 + 2 * criteria.length] ?? '';
		const { values, refusals } = checkScores(criteria, scores);
		if (overallComment.length > 5000) report.reasons.push({ code: 'too_long', column: 'overall_comment' });
		for (const r of refusals) {
			const c = criteria.find((x) => r.field.endsWith(`_${x.id}`));
			report.reasons.push({ code: r.code, column: c ? (r.field.startsWith('comment') ? `${c.code}_comment` : c.code) : r.field });
		}
		if (report.reasons.length) continue;
		const current = stored.get(ideaId);
		const unchanged = current
			? sameSheet(current, values, overallComment, false) && (!!current.submittedAt || values.some((v) => v.value === null))
			: values.every((v) => v.value === null && !v.comment) && !overallComment;
		if (unchanged) {
			report.result = 'skipped';
			report.reasons.push({ code: 'unchanged' });
			continue;
		}
		plans[plans.length - 1].write = { ideaId, version, overallComment, submit: values.every((v) => v.value !== null), values };
	}

	// Every row to write in one statement (writeOwnSheets), refused as a whole when the round is not open.
	const writes = plans.filter((p) => p.write);
	if (writes.length) {
		const { status, results } = await writeOwnSheets(
			db,
			roundId,
			actor.id,
			writes.map((p) => p.write!)
		);
		if (status !== 'open') return refuseFile('round_locked');
		for (const plan of writes) {
			const result = results.get(plan.write!.ideaId);
			if (result instanceof DomainError) plan.report.reasons.push({ code: result.code });
			else plan.report.result = 'taken';
		}
	}
	const rows = plans.map((p) => p.report);
	return {
		fileRefused: null,
		rows,
		taken: rows.filter((r) => r.result === 'taken').length,
		refused: rows.filter((r) => r.result === 'refused').length,
		skipped: rows.filter((r) => r.result === 'skipped').length
	};
}
