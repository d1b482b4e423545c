/**
 * Judging, seen from the juror: the rounds they sit in and their queue, the scoring sheet
 * (safe to save twice, never overwriting a newer save, locked once the round closes) and
 * conflicts of interest.
 *
 * Blind: nothing here returns another juror's scores to a juror unless `mayViewOtherScores`
 * says so; the queue is in presentation order, never in an order that depends on scores.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, canScoreIdea, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { mayViewOtherScores, weightedScore, type RoundStatus, type ScoreVisibility } from '../../domain/scoring.js';
import { checkScores, rubricOf, withWeightPercent, type CheckedScore } from '../../domain/rubric.js';
import { criterionMeans, toCriteria } from './results.js';
import type { SheetInput } from './jury-sheet.schema.js';
import * as rq from './round.queries.js';
import * as q from './jury-sheet.queries.js';

const roundLocked = () => new DomainError('round_locked', 'This round is closed: its scores are locked.', 409);
const sheetStale = () =>
	new DomainError(
		'sheet_stale',
		'These scores were changed elsewhere (another tab or device) after you opened them. Reload to see them; what you typed is kept below.',
		409
	);
const conflicted = () => new DomainError('conflicted', 'You have a conflict of interest with this idea: you do not score it.', 409);

// ---------------------------------------------------------------- the queue

/**
 * Every round the juror sits in: open ones with their queue, progress and deadline; closed
 * ones with outcomes once published. One statement, whatever the number of rounds.
 */
export async function getJuryHome(db: Database, actor: Actor) {
	if (!can(actor, 'jury.score')) throw notFound();
	const memberships = await q.listJuryHome(db, actor.id);
	// One entry per round (a juror may sit on two juries of a round); rounds in preparation stay hidden.
	const seen = new Set<number>();
	const shown: typeof memberships = [];
	for (const m of memberships) {
		if (seen.has(m.roundId) || m.status === 'draft') continue;
		seen.add(m.roundId);
		shown.push(m);
	}
	const rounds = shown.map((m) => {
		const queue = m.queue;
		const ideas = queue
			.filter((e) => !e.conflicts.length)
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
		return {
			roundId: m.roundId,
			roundName: m.roundName,
			competitionName: m.competitionName,
			juryName: m.juryName,
			status: m.status,
			kind: m.kind,
			scoringClosesAt: m.scoringClosesAt,
			ideas,
			excludedCount: new Set(queue.filter((e) => e.conflicts.length).map((e) => e.ideaId)).size,
			// The ideas left out, each with why: the juror may ask, and may see a mistake in the org chart.
			excluded: queue.filter((e) => e.conflicts.length).map((e) => ({ ideaId: e.ideaId, title: e.title, reasons: e.conflicts })),
			done: ideas.filter((i) => i.state === 'submitted').length
		};
	});
	return { rounds };
}

// ---------------------------------------------------------------- the sheet

/**
 * The juror's place in a round's queue at one idea: on its jury? conflicted (and why)? The
 * previous and next idea and the position count only the ideas left to the juror: a
 * conflicted idea is not in the queue, so it has no position (null, never "0 of 12") and no
 * previous or next.
 */
function placeOf(round: JurorRound | undefined, ideaId: number) {
	const all = round?.queue ?? [];
	const here = all.find((e) => e.ideaId === ideaId);
	const queue = all.filter((e) => !e.conflicts.length);
	const at = queue.findIndex((e) => e.ideaId === ideaId);
	return {
		onJury: !!here,
		conflicted: !!here?.conflicts.length,
		sources: (here?.conflicts ?? []).map((c) => c.source),
		reasons: here?.conflicts ?? [],
		previousId: at > 0 ? queue[at - 1].ideaId : null,
		nextId: at >= 0 && at < queue.length - 1 ? queue[at + 1].ideaId : null,
		position: at >= 0 ? at + 1 : null,
		total: queue.length
	};
}

type JurorRound = NonNullable<Awaited<ReturnType<typeof q.findJurorRound>>>;

/**
 * One idea's sheet for the juror: the idea, the criteria with their rubric, their own sheet,
 * their place in the queue, and the others' scores once `mayViewOtherScores` allows it.
 * One statement (the round with the juror's queue, the criteria, the idea and the sheet
 * together: findSheetPage), two when the others' scores may be shown.
 */
export async function getScoringSheet(db: Database, actor: Actor, roundId: number, ideaId: number) {
	if (!can(actor, 'jury.score')) throw notFound();
	const page = await q.findSheetPage(db, roundId, ideaId, actor.id);
	if (!page) throw notFound();
	const { round, criteria, idea, sheet, carried } = page;
	if (round.status === 'draft') throw notFound();
	const place = placeOf(round, ideaId);
	if (!place.onJury || !idea) throw notFound();
	const ownComplete = !!sheet?.submittedAt;
	let others: { jurors: number; weighted: number[]; criterionMeans: { criterionId: number; mean: number | null }[] } | null = null;
	if (
		!place.conflicted &&
		mayViewOtherScores({
			visibility: round.scoresVisible as ScoreVisibility,
			roundStatus: round.status as RoundStatus,
			ownSheetComplete: ownComplete,
			isOrganiser: false
		})
	) {
		const counted = await q.listCountedScoresOfIdea(db, roundId, ideaId, actor.id);
		const domainCriteria = toCriteria(criteria);
		const weighted = counted
			.map((s) => weightedScore({ scores: Object.fromEntries(s.scores.map((x) => [x.criterionId, x.value])) }, domainCriteria))
			.filter((j): j is number => j !== null)
			.sort((a, b) => a - b);
		others = {
			jurors: weighted.length,
			weighted,
			criterionMeans: criterionMeans({ criteria, sheets: counted, conflicts: [] }, ideaId, new Set(counted.map((s) => s.jurorId)))
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
		criteria: withWeightPercent(criteria).map((c) => ({ ...c, rubric: rubricOf(c.rubric) })),
		idea,
		conflict: place.conflicted ? place.sources : null,
		/** Why, as the sheet says it: the team member the juror is above or shares a manager with. */
		conflictReasons: place.reasons,
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
		canScore: canScoreIdea(actor, { onJury: place.onJury, conflicted: place.conflicted, roundStatus: round.status }),
		others,
		/**
		 * The previous round's score, rank, criterion means and comments (no names), when this
		 * round shows them to its jury; never to a juror who does not score the idea.
		 */
		carried: place.conflicted ? null : carried,
		previousId: place.previousId,
		nextId: place.nextId,
		position: place.position,
		total: place.total
	};
}

export function sameSheet(
	stored: Pick<NonNullable<Awaited<ReturnType<typeof q.findSheet>>>, 'overallComment' | 'submittedAt' | 'scores'>,
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

/** A sheet as the juror sends it: the version they read, and the checked scores. */
export type OwnSheet = { ideaId: number; version: number; overallComment: string; submit: boolean; values: CheckedScore[] };
export type OwnSheetResult = { version: number; submitted: boolean; complete: boolean; repeated: boolean };

/**
 * Writes a juror's sheets of one round if the versions they read are still current, in one
 * statement (saveSheetRows) that checks under the round's share lock that the round is open,
 * each idea in the juror's queue and not conflicted. A repeat of the same save (double
 * click, retry, the same file twice) finds its own result and succeeds; anything else newer
 * is refused with 'sheet_stale'; that check reads the juror's sheets once more. Per idea the
 * result or the refusal; a refusal of the whole round (not found, closed) is thrown.
 */
export async function writeOwnSheets(db: Db, roundId: number, jurorId: number, sheets: readonly OwnSheet[]) {
	const complete = (s: OwnSheet) => s.values.every((v) => v.value !== null);
	const saved = await q.saveSheetRows(
		db,
		roundId,
		jurorId,
		sheets.map((s) => ({
			ideaId: s.ideaId,
			expectedVersion: s.version,
			overallComment: s.overallComment,
			submitted: s.submit ? 'now' : complete(s) ? 'keep' : 'clear',
			scores: s.values
				.filter((v): v is CheckedScore & { value: number } => v.value !== null)
				.map((v) => ({ criterionId: v.criterionId, value: v.value, comment: v.comment }))
		}))
	);
	if (!saved) throw notFound();
	const results = new Map<number, OwnSheetResult | DomainError>();
	const pending: OwnSheet[] = [];
	for (const s of sheets) {
		const facts = saved.sheets.get(s.ideaId);
		if (!facts?.onJury) results.set(s.ideaId, notFound());
		else if (facts.conflicted) results.set(s.ideaId, conflicted());
		else if (saved.status !== 'open') results.set(s.ideaId, roundLocked());
		else if (facts.written)
			results.set(s.ideaId, {
				version: facts.written.version,
				submitted: !!facts.written.submittedAt,
				complete: complete(s),
				repeated: false
			});
		else pending.push(s);
	}
	if (pending.length) {
		const now =
			pending.length === 1
				? [await q.findSheet(db, roundId, pending[0].ideaId, jurorId)].filter((x) => !!x).map((x) => ({ ...x, ideaId: pending[0].ideaId }))
				: await q.listOwnSheets(db, roundId, jurorId);
		for (const s of pending) {
			const current = now.find((x) => x.ideaId === s.ideaId);
			results.set(
				s.ideaId,
				current && sameSheet(current, s.values, s.overallComment, s.submit)
					? { version: current.version, submitted: !!current.submittedAt, complete: complete(s), repeated: true }
					: sheetStale()
			);
		}
	}
	return { status: saved.status, results };
}

/** One sheet (writeOwnSheets of one): its result, or its refusal thrown. Two statements at most. */
export async function writeOwnSheet(db: Db, roundId: number, jurorId: number, sheet: OwnSheet): Promise<OwnSheetResult> {
	const result = (await writeOwnSheets(db, roundId, jurorId, [sheet])).results.get(sheet.ideaId)!;
	if (result instanceof DomainError) throw result;
	return result;
}

/**
 * Save (draft) or submit the juror's sheet for one idea: the criteria to check the scores
 * against, then the write with its checks (writeOwnSheet): two statements, three when the
 * save was a repeat or stale. No explicit transaction: the write is one statement.
 */
export async function saveSheet(db: Database, actor: Actor, roundId: number, ideaId: number, input: SheetInput) {
	if (!can(actor, 'jury.score')) throw notFound();
	const criteria = await rq.listCriteria(db, roundId);
	const { values, refusals } = checkScores(criteria, input.scores, { complete: input.submit });
	if (refusals.length) {
		const fields: Record<string, string[]> = {};
		for (const r of refusals) (fields[r.field] ??= []).push(r.code);
		throw new FieldErrors(fields);
	}
	return writeOwnSheet(db, roundId, actor.id, {
		ideaId,
		version: input.version,
		overallComment: input.overallComment,
		submit: input.submit,
		values
	});
}

/** The juror declares a conflict with a reason: the pair is excluded from then on. */
export async function declareConflict(db: Database, actor: Actor, roundId: number, ideaId: number, reason: string) {
	if (!can(actor, 'jury.score')) throw notFound();
	await db.transaction().execute(async (trx) => {
		const round = await rq.lockRound(trx, roundId, 'share');
		if (!round) throw notFound();
		const facts = placeOf(await q.findJurorRound(trx, roundId, actor.id), ideaId);
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

/** Round set-up writes the automatic conflicts down whenever juries or entries change, inside its transaction. */
export async function recordAutoConflicts(trx: Transaction<DB>, roundId: number) {
	await q.recomputeAutoConflicts(trx, { roundId });
}

/**
 * The organisation changed (a new manager, a competition counting peers or not): the
 * recorded automatic conflicts of the rounds not yet closed follow, inside the caller's
 * transaction. Conflicts are found live everywhere, so this keeps the recorded copy equal
 * to them; no score is ever deleted (a conflicted juror's sheet stays, and counts nowhere).
 */
export async function recomputeConflicts(trx: Db, scope: { competitionId: number } | 'active' = 'active') {
	await q.recomputeAutoConflicts(trx, scope);
}
