/**
 * Judging, seen from the juror: the queue, the scoring sheet (safe to save twice, never
 * overwriting a newer save, locked once the round closes), conflicts of interest, the
 * offline sheet, and the feedback teams read once results are published.
 *
 * Blind: nothing here returns another juror's scores to a juror unless `mayViewOtherScores`
 * says so; the queue is in presentation order, never in an order that depends on scores.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, canReadFeedback, canScoreIdea, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { conflictSet, mayViewOtherScores, weightedScore, type RoundStatus, type ScoreVisibility } from '../../domain/scoring.js';
import { computeResults, criterionMeans, toCriteria } from './results.js';
import { NotASheet, readUpload, renderCsv, renderXlsx, sheetHeader, type OfflineRow } from './offline-sheet.js';
import type { SheetInput } from './scoring.schema.js';
import * as q from './scoring.queries.js';

const roundLocked = () => new DomainError('round_locked', 'This round is closed: its scores are locked.', 409);
const sheetStale = () =>
	new DomainError(
		'sheet_stale',
		'These scores were changed elsewhere (another tab or device) after you opened them. Reload to see them; what you typed is kept below.',
		409
	);
const conflicted = () => new DomainError('conflicted', 'You have a conflict of interest with this idea: you do not score it.', 409);

export type RubricLevel = { level: number; text: string };

export function rubricOf(value: unknown): RubricLevel[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter(
			(l): l is RubricLevel =>
				!!l && typeof l === 'object' && typeof (l as RubricLevel).level === 'number' && typeof (l as RubricLevel).text === 'string'
		)
		.sort((a, b) => a.level - b.level);
}

function withPercent<C extends { weight: number | string }>(criteria: readonly C[]) {
	const total = criteria.reduce((n, c) => n + Number(c.weight), 0);
	return criteria.map((c) => ({
		...c,
		weight: Number(c.weight),
		weightPercent: total > 0 ? Math.round((1000 * Number(c.weight)) / total) / 10 : 0
	}));
}

/** The juror's relation to one idea of a round: on its jury? conflicted (and why)? */
async function scoringFacts(db: Db, actor: Actor, roundId: number, ideaId: number) {
	const [queue, pairs] = await Promise.all([q.listJurorQueue(db, roundId, actor.id), q.listConflictPairs(db, roundId, actor.id)]);
	const entry = queue.find((e) => e.ideaId === ideaId);
	const sources = pairs.filter((p) => p.ideaId === ideaId).map((p) => p.source);
	return { entry, onJury: !!entry, conflicted: sources.length > 0, sources };
}

// ---------------------------------------------------------------- the queue

/** Every round the juror sits in: open ones with their queue, progress and deadline; closed ones with outcomes once published. */
export async function getJuryHome(db: Database, actor: Actor) {
	if (!can(actor, 'jury.score')) throw notFound();
	const memberships = await q.listJurorMemberships(db, actor.id);
	const seen = new Set<number>();
	const rounds = [];
	for (const m of memberships) {
		if (seen.has(m.roundId) || m.status === 'draft') continue;
		seen.add(m.roundId);
		const [queue, pairs] = await Promise.all([q.listJurorQueue(db, m.roundId, actor.id), q.listConflictPairs(db, m.roundId, actor.id)]);
		const excluded = new Set(pairs.map((p) => p.ideaId));
		const ideas = queue
			.filter((e) => !excluded.has(e.ideaId))
			.map((e) => ({
				ideaId: e.ideaId,
				title: e.title,
				departmentName: e.departmentName,
				slotStartsAt: e.slotStartsAt,
				slotLocation: e.slotLocation,
				state: e.submittedAt ? ('submitted' as const) : e.version ? ('draft' as const) : ('todo' as const),
				// Outcomes only once the organiser published them, and only of ideas this juror scored.
				outcome: m.status === 'published' && e.submittedAt ? e.outcome : null
			}));
		rounds.push({
			roundId: m.roundId,
			roundName: m.roundName,
			competitionName: m.competitionName,
			juryName: m.juryName,
			status: m.status,
			kind: m.kind,
			scoringClosesAt: m.scoringClosesAt,
			ideas,
			excludedCount: new Set(queue.filter((e) => excluded.has(e.ideaId)).map((e) => e.ideaId)).size,
			done: ideas.filter((i) => i.state === 'submitted').length
		});
	}
	return { rounds };
}

// ---------------------------------------------------------------- the sheet

export async function getScoringSheet(db: Database, actor: Actor, roundId: number, ideaId: number) {
	if (!can(actor, 'jury.score')) throw notFound();
	const round = await q.findRound(db, roundId);
	if (!round || round.status === 'draft') throw notFound();
	const facts = await scoringFacts(db, actor, roundId, ideaId);
	if (!facts.onJury) throw notFound();
	const [criteria, idea, sheet, queue] = await Promise.all([
		q.listCriteria(db, roundId),
		q.findIdeaSummary(db, ideaId),
		q.findSheet(db, roundId, ideaId, actor.id),
		getJuryHome(db, actor)
	]);
	if (!idea) throw notFound();
	const myQueue = queue.rounds.find((r) => r.roundId === roundId)?.ideas ?? [];
	const at = myQueue.findIndex((i) => i.ideaId === ideaId);
	const domainCriteria = toCriteria(criteria);
	const ownComplete = !!sheet?.submittedAt;
	let others: { jurors: number; weighted: number[]; criterionMeans: { criterionId: number; mean: number | null }[] } | null = null;
	if (
		!facts.conflicted &&
		mayViewOtherScores({
			visibility: round.scoresVisible as ScoreVisibility,
			roundStatus: round.status as RoundStatus,
			ownSheetComplete: ownComplete,
			isOrganiser: false
		})
	) {
		const [all, pairs, juries] = await Promise.all([
			q.listRoundSheets(db, roundId),
			q.listConflictPairs(db, roundId),
			q.listJuries(db, roundId)
		]);
		const juryId = (await q.listEntries(db, roundId)).find((e) => e.ideaId === ideaId)?.juryId;
		const jurorIds = new Set(juries.find((j) => j.id === juryId)?.members.map((m) => m.userId) ?? []);
		const excluded = conflictSet(pairs);
		const counted = all.filter(
			(s) =>
				s.ideaId === ideaId && s.jurorId !== actor.id && s.submittedAt && jurorIds.has(s.jurorId) && !excluded.has(`${s.jurorId}:${ideaId}`)
		);
		const weighted = counted
			.map((s) => weightedScore({ scores: Object.fromEntries(s.scores.map((x) => [x.criterionId, x.value])) }, domainCriteria))
			.filter((j): j is number => j !== null)
			.sort((a, b) => a - b);
		others = {
			jurors: weighted.length,
			weighted,
			criterionMeans: criterionMeans({ criteria, sheets: counted, conflicts: [] }, ideaId, jurorIds)
		};
	}
	return {
		round: {
			id: round.id,
			name: round.name,
			status: round.status,
			competitionName: round.competitionName,
			scoringClosesAt: round.scoringClosesAt,
			scoresVisible: round.scoresVisible
		},
		criteria: withPercent(criteria).map((c) => ({ ...c, rubric: rubricOf(c.rubric) })),
		idea,
		conflict: facts.conflicted ? facts.sources : null,
		sheet: sheet
			? {
					version: sheet.version,
					submittedAt: sheet.submittedAt,
					updatedAt: sheet.updatedAt,
					overallComment: sheet.overallComment,
					scores: Object.fromEntries(sheet.scores.map((s) => [s.criterionId, { value: s.value, comment: s.comment }])) as Record<
						number,
						{ value: number; comment: string }
					>
				}
			: null,
		canScore: canScoreIdea(actor, { onJury: facts.onJury, conflicted: facts.conflicted, roundStatus: round.status }),
		others,
		previousId: at > 0 ? myQueue[at - 1].ideaId : null,
		nextId: at >= 0 && at < myQueue.length - 1 ? myQueue[at + 1].ideaId : null,
		position: at + 1,
		total: myQueue.length
	};
}

type CheckedScore = { criterionId: number; value: number | null; comment: string };
type Refusal = { field: string; code: string };

/** Every cell checked against its criterion: a whole number on the scale, or empty. */
function checkScores(criteria: readonly q.CriterionRow[], scores: SheetInput['scores']): { values: CheckedScore[]; refusals: Refusal[] } {
	const refusals: Refusal[] = [];
	const known = new Set(criteria.map((c) => c.id));
	for (const id of Object.keys(scores).map(Number)) if (!known.has(id)) refusals.push({ field: `score_${id}`, code: 'unknown_criterion' });
	const values = criteria.map((c) => {
		const typed = scores[c.id] ?? { value: '', comment: '' };
		const comment = typed.comment ?? '';
		if (comment.length > 2000) refusals.push({ field: `comment_${c.id}`, code: 'too_long' });
		const text = String(typed.value ?? '').trim();
		if (text === '') return { criterionId: c.id, value: null, comment };
		if (!/^-?\d+$/.test(text)) {
			refusals.push({ field: `score_${c.id}`, code: 'not_a_whole_number' });
			return { criterionId: c.id, value: null, comment };
		}
		const value = Number(text);
		if (value < c.scaleMin || value > c.scaleMax) refusals.push({ field: `score_${c.id}`, code: 'outside_scale' });
		return { criterionId: c.id, value, comment };
	});
	return { values, refusals };
}

function sameSheet(
	stored: NonNullable<Awaited<ReturnType<typeof q.findSheet>>>,
	values: CheckedScore[],
	overallComment: string,
	submit: boolean
) {
	if (stored.overallComment !== overallComment) return false;
	if (submit && !stored.submittedAt) return false;
	const byId = new Map(stored.scores.map((s) => [s.criterionId, s]));
	const filled = values.filter((v) => v.value !== null);
	if (filled.length !== stored.scores.length) return false;
	return filled.every((v) => byId.get(v.criterionId)?.value === v.value && byId.get(v.criterionId)?.comment === v.comment);
}

/**
 * Inside the caller's transaction, with the round row held FOR SHARE: write one sheet if
 * the version the juror read is still current. A repeat of the same save (double click,
 * retry) finds its own result and succeeds; anything else newer refuses with 'sheet_stale'.
 */
async function writeOwnSheet(
	trx: Transaction<DB>,
	input: {
		roundId: number;
		ideaId: number;
		jurorId: number;
		version: number;
		overallComment: string;
		submit: boolean;
		values: CheckedScore[];
	}
) {
	const complete = input.values.every((v) => v.value !== null);
	const written = await q.writeSheet(trx, {
		roundId: input.roundId,
		ideaId: input.ideaId,
		jurorId: input.jurorId,
		expectedVersion: input.version,
		overallComment: input.overallComment,
		submitted: input.submit ? 'now' : complete ? 'keep' : 'clear'
	});
	if (!written) {
		const now = await q.findSheet(trx, input.roundId, input.ideaId, input.jurorId);
		if (now && sameSheet(now, input.values, input.overallComment, input.submit))
			return { version: now.version, submitted: !!now.submittedAt, repeated: true };
		throw sheetStale();
	}
	await q.replaceScores(
		trx,
		written.id,
		input.values
			.filter((v): v is CheckedScore & { value: number } => v.value !== null)
			.map((v) => ({ criterionId: v.criterionId, value: v.value, comment: v.comment }))
	);
	const after = await q.findSheet(trx, input.roundId, input.ideaId, input.jurorId);
	return { version: written.version, submitted: !!after?.submittedAt, repeated: false };
}

/** Save (draft) or submit the juror's sheet for one idea. */
export async function saveSheet(db: Database, actor: Actor, roundId: number, ideaId: number, input: SheetInput) {
	if (!can(actor, 'jury.score')) throw notFound();
	const criteria = await q.listCriteria(db, roundId);
	const { values, refusals } = checkScores(criteria, input.scores);
	if (input.submit)
		for (const v of values)
			if (v.value === null && !refusals.some((r) => r.field === `score_${v.criterionId}`))
				refusals.push({ field: `score_${v.criterionId}`, code: 'required' });
	if (refusals.length) {
		const fields: Record<string, string[]> = {};
		for (const r of refusals) (fields[r.field] ??= []).push(r.code);
		throw new FieldErrors(fields);
	}
	return db.transaction().execute(async (trx) => {
		const round = await q.lockRound(trx, roundId, 'share');
		if (!round) throw notFound();
		const facts = await scoringFacts(trx, actor, roundId, ideaId);
		if (!facts.onJury) throw notFound();
		if (facts.conflicted) throw conflicted();
		if (round.status !== 'open') throw roundLocked();
		return writeOwnSheet(trx, {
			roundId,
			ideaId,
			jurorId: actor.id,
			version: input.version,
			overallComment: input.overallComment,
			submit: input.submit,
			values
		});
	});
}

/** The juror declares a conflict with a reason: the pair is excluded from then on. */
export async function declareConflict(db: Database, actor: Actor, roundId: number, ideaId: number, reason: string) {
	if (!can(actor, 'jury.score')) throw notFound();
	await db.transaction().execute(async (trx) => {
		const round = await q.lockRound(trx, roundId, 'share');
		if (!round) throw notFound();
		const facts = await scoringFacts(trx, actor, roundId, ideaId);
		if (!facts.onJury) throw notFound();
		if (round.status !== 'open' && round.status !== 'draft') throw roundLocked();
		await q.insertDeclaredConflict(trx, { userId: actor.id, ideaId, reason });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'conflict.declared',
			objectType: 'idea',
			objectId: ideaId,
			data: { roundId, reason }
		});
	});
}

// ---------------------------------------------------------------- the offline sheet

async function offlineData(db: Database, actor: Actor, roundId: number) {
	if (!can(actor, 'jury.score')) throw notFound();
	const round = await q.findRound(db, roundId);
	if (!round || round.status === 'draft') throw notFound();
	const [home, criteria, own] = await Promise.all([
		getJuryHome(db, actor),
		q.listCriteria(db, roundId),
		q.listOwnSheets(db, roundId, actor.id)
	]);
	const mine = home.rounds.find((r) => r.roundId === roundId);
	if (!mine) throw notFound();
	return { round, criteria, queue: mine.ideas, own };
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
		withPercent(criteria).map((c) => ({ ...c, rubric: rubricOf(c.rubric) })),
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
			? sameSheet({ ...current, updatedAt: new Date() }, values, overallComment, false) &&
				(!!current.submittedAt || values.some((v) => v.value === null))
			: values.every((v) => v.value === null && !v.comment) && !overallComment;
		if (unchanged) {
			report.result = 'skipped';
			report.reasons.push({ code: 'unchanged' });
			continue;
		}
		plans[plans.length - 1].write = { ideaId, version, overallComment, submit: values.every((v) => v.value !== null), values };
	}

	const writes = plans.filter((p) => p.write);
	if (writes.length) {
		const locked = await db.transaction().execute(async (trx) => {
			const round = await q.lockRound(trx, roundId, 'share');
			if (!round || round.status !== 'open') return true;
			for (const plan of writes) {
				const w = plan.write!;
				try {
					await writeOwnSheet(trx, { roundId, jurorId: actor.id, ...w });
					plan.report.result = 'taken';
				} catch (e) {
					if (!(e instanceof DomainError)) throw e;
					plan.report.reasons.push({ code: e.code });
				}
			}
			return false;
		});
		if (locked) return refuseFile('round_locked');
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

// ---------------------------------------------------------------- feedback

/** What the team reads once the results of a round are published. */
export async function getFeedback(db: Database, actor: Actor, ideaId: number) {
	const idea = await q.findIdeaSummary(db, ideaId);
	if (!idea) throw notFound();
	const isMember = idea.team.some((m) => m.id === actor.id);
	const entries = await q.listPublishedEntriesOfIdea(db, ideaId);
	if (!canReadFeedback(actor, { isMember, published: entries.length > 0 })) throw notFound();
	const rounds = [];
	for (const e of entries) {
		const [round, criteria, juries, allEntries, sheets, conflicts] = await Promise.all([
			q.findRound(db, e.roundId),
			q.listCriteria(db, e.roundId),
			q.listJuries(db, e.roundId),
			q.listEntries(db, e.roundId),
			q.listRoundSheets(db, e.roundId),
			q.listConflictPairs(db, e.roundId)
		]);
		if (!round) continue;
		const results = computeResults({ round, criteria, juries, entries: allEntries, sheets, conflicts });
		const scope = results.scopes.find((s) => s.juryId === e.juryId);
		const row = scope?.rows.find((r) => r.ideaId === ideaId);
		const jury = juries.find((j) => j.id === e.juryId);
		const jurorIds = new Set(jury?.members.map((m) => m.userId) ?? []);
		const excluded = conflictSet(conflicts);
		const counted = sheets.filter(
			(s) => s.ideaId === ideaId && s.submittedAt && jurorIds.has(s.jurorId) && !excluded.has(`${s.jurorId}:${ideaId}`)
		);
		const means = criterionMeans({ criteria, sheets, conflicts }, ideaId, jurorIds);
		// Comments without names, in alphabetical order so the order tells nothing about who wrote them.
		const byText = (a: string, b: string) => a.localeCompare(b);
		rounds.push({
			roundId: e.roundId,
			roundName: e.roundName,
			kind: e.kind,
			competitionName: e.competitionName,
			scopeName: scope?.departmentName ?? scope?.name ?? '',
			scoreBasis: round.scoreBasis,
			outcome: e.outcome,
			outcomeReason: e.outcomeReason,
			rank: e.rank ?? row?.rank ?? null,
			ofCount: scope?.rows.length ?? 0,
			raw: row?.raw ?? null,
			normalised: row?.normalised ?? null,
			score: row?.score ?? null,
			distanceToCut: row?.distanceToCut ?? null,
			jurors: row?.jurors ?? 0,
			criteria: withPercent(criteria).map((c) => ({
				id: c.id,
				name: c.name,
				weightPercent: c.weightPercent,
				scaleMin: c.scaleMin,
				scaleMax: c.scaleMax,
				mean: means.find((m) => m.criterionId === c.id)?.mean ?? null,
				comments: counted
					.map((s) => s.scores.find((x) => x.criterionId === c.id)?.comment ?? '')
					.filter(Boolean)
					.sort(byText)
			})),
			overallComments: counted
				.map((s) => s.overallComment)
				.filter(Boolean)
				.sort(byText)
		});
	}
	return {
		idea: { id: idea.id, title: idea.title, status: idea.status, departmentName: idea.departmentName },
		rounds,
		isOrganiser: hasRole(actor, 'organiser')
	};
}

/**
 * For the idea page: may this reader open /ideas/[ideaId]/feedback now? (a published round
 * and the reader on the team, or an organiser). Cheap: one query.
 */
export async function feedbackAvailable(db: Database, actor: Actor, ideaId: number, isMember: boolean): Promise<boolean> {
	const entries = await q.listPublishedEntriesOfIdea(db, ideaId);
	return canReadFeedback(actor, { isMember, published: entries.length > 0 });
}
