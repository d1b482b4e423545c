/**
 * The judging arithmetic of PRODUCT.md ("Scoring rules", "Scoring arithmetic"), exactly, so
 * anyone can check a result by hand. Pure: the caller loads one round and one scope (the
 * ideas one jury judges) and passes criteria, ideas, sheets and conflicts in.
 *
 * Scores are compared unrounded. Two scores closer than `SCORE_EPSILON` count as equal: the
 * same mean reached by adding in another order can differ in the 15th digit, and such noise
 * must not decide a ranking that the tie-break rules are meant to decide.
 */

import { arePeers, reportingLine, type ManagerOf } from './org-chart.js';

export const SCORE_EPSILON = 1e-9;

export interface Criterion {
	id: number;
	/** Positive. */
	weight: number;
	scaleMin: number;
	/** Greater than scaleMin. */
	scaleMax: number;
	/** The round's "can it be rolled out to other departments" criterion; at most one per round. */
	isRollOut: boolean;
}

/** criterionId -> value; a missing, null or undefined value is "not scored yet". */
export type ScoreValues = ReadonlyMap<number, number | null | undefined> | Readonly<Record<number, number | null | undefined>>;

export interface Sheet {
	jurorId: number;
	ideaId: number;
	scores: ScoreValues;
}

export interface IdeaInfo {
	ideaId: number;
	/** When the idea was submitted; in a tie, null ranks after every dated idea. */
	submittedAt: Date | string | null;
}

export interface PairRef {
	jurorId: number;
	ideaId: number;
}

/** Excluded juror-idea pairs: a set of `conflictKey(jurorId, ideaId)` or a predicate. */
export type Conflicts = ReadonlySet<string> | ((jurorId: number, ideaId: number) => boolean);

export type ScoreBasis = 'raw' | 'normalised';

/** Everything the score functions need about one round and one scope. */
export interface ScopeInput {
	criteria: readonly Criterion[];
	/** The ideas in scope; sheets for other ideas are ignored. */
	ideas: readonly { ideaId: number }[];
	sheets: readonly Sheet[];
	conflicts?: Conflicts;
}

export function conflictKey(jurorId: number, ideaId: number): string {
	return `${jurorId}:${ideaId}`;
}

export function conflictSet(pairs: Iterable<PairRef>): Set<string> {
	const set = new Set<string>();
	for (const p of pairs) set.add(conflictKey(p.jurorId, p.ideaId));
	return set;
}

function isConflicted(conflicts: Conflicts | undefined, jurorId: number, ideaId: number): boolean {
	if (!conflicts) return false;
	if (typeof conflicts === 'function') return conflicts(jurorId, ideaId);
	return conflicts.has(conflictKey(jurorId, ideaId));
}

function isMap(scores: ScoreValues): scores is ReadonlyMap<number, number | null | undefined> {
	return scores instanceof Map;
}

function scoreOf(scores: ScoreValues, criterionId: number): number | null {
	const value = isMap(scores) ? scores.get(criterionId) : scores[criterionId];
	return value === null || value === undefined ? null : value;
}

function checkCriteria(criteria: readonly Criterion[]): void {
	let rollOuts = 0;
	for (const c of criteria) {
		if (!Number.isFinite(c.weight) || c.weight <= 0) throw new RangeError(`criterion ${c.id}: weight must be positive, got ${c.weight}`);
		if (!Number.isFinite(c.scaleMin) || !Number.isFinite(c.scaleMax) || c.scaleMax <= c.scaleMin)
			throw new RangeError(`criterion ${c.id}: scale ${c.scaleMin}..${c.scaleMax} is empty`);
		if (c.isRollOut) rollOuts++;
	}
	if (rollOuts > 1) throw new RangeError(`a round has at most one roll-out criterion, got ${rollOuts}`);
}

function mean(values: readonly number[]): number {
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/** Population standard deviation, taken as exactly 0 when all values are (nearly) equal. */
function populationSd(values: readonly number[], m: number): number {
	if (Math.max(...values) - Math.min(...values) <= SCORE_EPSILON) return 0;
	let sq = 0;
	for (const v of values) sq += (v - m) * (v - m);
	return Math.sqrt(sq / values.length);
}

/**
 * A sheet is complete when every criterion of the round has a value. A round without
 * criteria cannot be scored, so no sheet of it is complete.
 *
 * Example: criteria 1, 2, 3 and scores { 1: 4, 2: 3 } -> false; { 1: 4, 2: 3, 3: 5 } -> true.
 */
export function isComplete(sheet: Pick<Sheet, 'scores'>, criteria: readonly Criterion[]): boolean {
	return criteria.length > 0 && criteria.every((c) => scoreOf(sheet.scores, c.id) !== null);
}

/**
 * A juror's weighted score for one idea, 0..100:
 * `J = 100 * sum(w * (s - lo) / (hi - lo)) / sum(w)`; null while the sheet is incomplete.
 * A value outside its criterion's scale (or not a number) throws a RangeError.
 *
 * Example: weights 25/20/15/15/15/10 on a 1..5 scale, scores 5, 4, 3, 4, 2, 5:
 * 25*4/4 + 20*3/4 + 15*2/4 + 15*3/4 + 15*1/4 + 10*4/4 = 25 + 15 + 7.5 + 11.25 + 3.75 + 10
 * = 72.5, and J = 100 * 72.5 / 100 = 72.5.
 */
export function weightedScore(sheet: Pick<Sheet, 'scores'>, criteria: readonly Criterion[]): number | null {
	checkCriteria(criteria);
	let complete = criteria.length > 0;
	let sum = 0;
	let weights = 0;
	for (const c of criteria) {
		const s = scoreOf(sheet.scores, c.id);
		if (s === null) {
			complete = false;
			continue;
		}
		if (!Number.isFinite(s) || s < c.scaleMin || s > c.scaleMax)
			throw new RangeError(`score ${s} for criterion ${c.id} is outside its scale ${c.scaleMin}..${c.scaleMax}`);
		sum += (c.weight * (s - c.scaleMin)) / (c.scaleMax - c.scaleMin);
		weights += c.weight;
	}
	return complete ? (100 * sum) / weights : null;
}

interface CountedSheet {
	jurorId: number;
	ideaId: number;
	j: number;
	sheet: Sheet;
}

function ideaIdsOf(ideas: readonly { ideaId: number }[]): number[] {
	const seen = new Set<number>();
	for (const idea of ideas) {
		if (seen.has(idea.ideaId)) throw new Error(`idea ${idea.ideaId} is listed twice`);
		seen.add(idea.ideaId);
	}
	return [...seen];
}

/** The sheets that count: idea in scope, pair not conflicted, sheet complete. */
function countedSheets(input: ScopeInput): CountedSheet[] {
	checkCriteria(input.criteria);
	const inScope = new Set(ideaIdsOf(input.ideas));
	const seen = new Set<string>();
	const counted: CountedSheet[] = [];
	for (const sheet of input.sheets) {
		if (!inScope.has(sheet.ideaId)) continue;
		const key = conflictKey(sheet.jurorId, sheet.ideaId);
		if (seen.has(key)) throw new Error(`juror ${sheet.jurorId} has two sheets for idea ${sheet.ideaId}`);
		seen.add(key);
		if (isConflicted(input.conflicts, sheet.jurorId, sheet.ideaId)) continue;
		const j = weightedScore(sheet, input.criteria);
		if (j !== null) counted.push({ jurorId: sheet.jurorId, ideaId: sheet.ideaId, j, sheet });
	}
	return counted;
}

function groupBy<K>(sheets: readonly CountedSheet[], key: (s: CountedSheet) => K): Map<K, CountedSheet[]> {
	const groups = new Map<K, CountedSheet[]>();
	for (const s of sheets) {
		const k = key(s);
		const group = groups.get(k);
		if (group) group.push(s);
		else groups.set(k, [s]);
	}
	return groups;
}

export interface RawScore {
	ideaId: number;
	/** Mean J over the counted jurors; null when no juror has counted yet. */
	raw: number | null;
	/** Non-conflicted jurors with a complete sheet. */
	jurors: number;
}

/**
 * An idea's raw score: the mean of J over its non-conflicted jurors with a complete sheet.
 * Keyed by idea id, in the order of `input.ideas`.
 *
 * Example: jurors give J = 72.5, 60 and 90; the third has a conflict of interest with the
 * idea, a fourth has not finished the sheet: raw = (72.5 + 60) / 2 = 66.25, jurors = 2.
 */
export function rawScores(input: ScopeInput): Map<number, RawScore> {
	const byIdea = groupBy(countedSheets(input), (s) => s.ideaId);
	const result = new Map<number, RawScore>();
	for (const ideaId of ideaIdsOf(input.ideas)) {
		const group = byIdea.get(ideaId) ?? [];
		result.set(ideaId, { ideaId, raw: group.length ? mean(group.map((s) => s.j)) : null, jurors: group.length });
	}
	return result;
}

export interface JurorNormalisation {
	jurorId: number;
	/** Ideas this juror completed in the scope (conflicted pairs excluded). */
	completed: number;
	meanJ: number;
	/** Population sd of this juror's J. */
	sdJ: number;
	/** False when the juror contributes z = 0 (fewer than 3 ideas, or sd 0). */
	normalised: boolean;
}

export interface NormalisedScore {
	ideaId: number;
	/** M + S * meanZ, clamped to 0..100; null when no juror has counted yet. */
	normalised: number | null;
	meanZ: number | null;
	jurors: number;
}

export interface Normalisation {
	byIdea: Map<number, NormalisedScore>;
	/** M: the mean of all counted J in the scope; null when there are none. */
	mean: number | null;
	/** S: their population sd. */
	sd: number | null;
	byJuror: Map<number, JurorNormalisation>;
}

/** Jurors need this many completed ideas before their scores are normalised. */
export const MIN_IDEAS_TO_NORMALISE = 3;

/**
 * Per-juror normalisation, evening out lenient and strict jurors. For each juror, over the
 * ideas they completed in the scope, `z = (J - mean_J) / sd_J` (population sd); a juror with
 * fewer than 3 completed ideas, or sd 0, contributes z = 0. The idea's normalised score is
 * `M + S * mean(z)`, M and S the mean and population sd of all counted J in the scope,
 * clamped to 0..100.
 *
 * Example: juror A gives ideas 1, 2, 3 J = 80, 60, 70 (mean 70, sd sqrt(200/3) = 8.165, so
 * z = 1.225, -1.225, 0); juror B gives them 50, 50, 50 (sd 0, z = 0 each). All six J:
 * M = 360 / 6 = 60, S = sqrt((400 + 0 + 100 + 100 + 100 + 100) / 6) = 11.547. Idea 1:
 * mean z = (1.225 + 0) / 2 = 0.612, normalised = 60 + 11.547 * 0.612 = 67.071; idea 2:
 * 52.929; idea 3: 60.
 */
export function normalisedScores(input: ScopeInput): Normalisation {
	const counted = countedSheets(input);
	const byJuror = new Map<number, JurorNormalisation>();
	const z = new Map<CountedSheet, number>();
	for (const [jurorId, group] of groupBy(counted, (s) => s.jurorId)) {
		const js = group.map((s) => s.j);
		const meanJ = mean(js);
		const sdJ = populationSd(js, meanJ);
		const normalised = group.length >= MIN_IDEAS_TO_NORMALISE && sdJ > 0;
		byJuror.set(jurorId, { jurorId, completed: group.length, meanJ, sdJ, normalised });
		for (const s of group) z.set(s, normalised ? (s.j - meanJ) / sdJ : 0);
	}
	const all = counted.map((s) => s.j);
	const m = all.length ? mean(all) : null;
	const sd = m === null ? null : populationSd(all, m);
	const byIdea = new Map<number, NormalisedScore>();
	const groups = groupBy(counted, (s) => s.ideaId);
	for (const ideaId of ideaIdsOf(input.ideas)) {
		const group = groups.get(ideaId) ?? [];
		if (!group.length || m === null || sd === null) {
			byIdea.set(ideaId, { ideaId, normalised: null, meanZ: null, jurors: 0 });
			continue;
		}
		const meanZ = mean(group.map((s) => z.get(s) ?? 0));
		byIdea.set(ideaId, { ideaId, normalised: clamp(m + sd * meanZ, 0, 100), meanZ, jurors: group.length });
	}
	return { byIdea, mean: m, sd, byJuror };
}

function clamp(value: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, value));
}

/**
 * Per idea, the mean value given on the roll-out criterion (in that criterion's own scale,
 * e.g. 4.5 on 1..5) over the jurors counted for the raw score; the first tie-break.
 * Null when the round has no roll-out criterion or the idea has no counted juror.
 *
 * Example: roll-out scored 5 and 4 on complete sheets, 1 on a conflicted one: (5 + 4) / 2 = 4.5.
 */
export function rollOutMean(input: ScopeInput): Map<number, number | null> {
	const counted = countedSheets(input);
	const criterion = input.criteria.find((c) => c.isRollOut);
	const groups = groupBy(counted, (s) => s.ideaId);
	const result = new Map<number, number | null>();
	for (const ideaId of ideaIdsOf(input.ideas)) {
		const group = groups.get(ideaId) ?? [];
		result.set(ideaId, criterion && group.length ? mean(group.map((s) => scoreOf(s.sheet.scores, criterion.id) ?? 0)) : null);
	}
	return result;
}

/** The rules that order ideas with equal scores, in the default order they are applied. */
export const TIE_BREAKS = ['roll_out', 'jurors', 'submitted_at', 'idea_id'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

/** The tie-breaks a round may put in its own order; the idea id always comes last. */
export const ORDERABLE_TIE_BREAKS = ['roll_out', 'jurors', 'submitted_at'] as const;
export type OrderableTieBreak = (typeof ORDERABLE_TIE_BREAKS)[number];
export const DEFAULT_TIE_BREAKS: readonly OrderableTieBreak[] = ORDERABLE_TIE_BREAKS;

/** A round's order is valid when it names each orderable tie-break exactly once. */
export function isTieBreakOrder(order: readonly string[]): order is readonly OrderableTieBreak[] {
	return order.length === ORDERABLE_TIE_BREAKS.length && ORDERABLE_TIE_BREAKS.every((t) => order.includes(t));
}

export interface RankInput extends ScopeInput {
	ideas: readonly IdeaInfo[];
	basis: ScoreBasis;
	/** The round's tie-break order (default: roll-out, jurors, earlier submission); the idea id is always the last resort. */
	tieBreaks?: readonly OrderableTieBreak[];
}

export interface RankedIdea {
	ideaId: number;
	/** 1-based, strictly increasing: the tie-breaks make the order total. */
	rank: number;
	/** The score ranked on: raw or normalised, as the round's basis says. */
	score: number | null;
	raw: number | null;
	normalised: number | null;
	jurors: number;
	rollOutMean: number | null;
	/** Which rule put this idea below the one above when their scores were equal; null otherwise. */
	tieBrokenBy: TieBreak | null;
}

interface RankRow extends Omit<RankedIdea, 'rank' | 'tieBrokenBy'> {
	submittedAt: number | null;
}

function toTime(value: Date | string | null | undefined, ideaId: number): number | null {
	if (value === null || value === undefined) return null;
	const t = value instanceof Date ? value.getTime() : Date.parse(value);
	if (Number.isNaN(t)) throw new RangeError(`idea ${ideaId}: submission time ${String(value)} is not a date`);
	return t;
}

/** Higher first, null last; equal within SCORE_EPSILON. Negative when a ranks above b. */
function compareHigher(a: number | null, b: number | null): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
	if (Math.abs(a - b) <= SCORE_EPSILON) return 0;
	return b - a;
}

/** Earlier first, null last. */
function compareEarlier(a: number | null, b: number | null): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
	return a - b;
}

const TIE_BREAK_COMPARE: Record<TieBreak, (a: RankRow, b: RankRow) => number> = {
	roll_out: (a, b) => compareHigher(a.rollOutMean, b.rollOutMean),
	jurors: (a, b) => b.jurors - a.jurors,
	submitted_at: (a, b) => compareEarlier(a.submittedAt, b.submittedAt),
	idea_id: (a, b) => a.ideaId - b.ideaId
};

/** The first rule that separates a from b, and in which direction. */
function separate(a: RankRow, b: RankRow, tieBreaks: readonly OrderableTieBreak[]): { by: 'score' | TieBreak; order: number } {
	const score = compareHigher(a.score, b.score);
	if (score !== 0) return { by: 'score', order: score };
	for (const by of [...tieBreaks, 'idea_id'] as const) {
		const order = TIE_BREAK_COMPARE[by](a, b);
		if (order !== 0) return { by, order };
	}
	return { by: 'idea_id', order: 0 };
}

/**
 * Ranks the ideas of one scope by the round's basis (raw or normalised), highest first.
 * Equal scores are separated by, in turn: the higher mean roll-out score, more jurors, the
 * earlier submission, the lower idea id. Ideas nobody has scored yet come last, ordered by
 * the same tie-breaks.
 *
 * Example: ideas 7 and 9 both have raw 70.0; idea 9's roll-out mean is 4.5, idea 7's 4.0:
 * idea 9 ranks 1, idea 7 ranks 2 with tieBrokenBy 'roll_out'. A round may put the three
 * tie-breaks in another order (`tieBreaks`); the idea id always decides last.
 */
export function rankIdeas(input: RankInput): RankedIdea[] {
	const tieBreaks = input.tieBreaks ?? DEFAULT_TIE_BREAKS;
	if (!isTieBreakOrder(tieBreaks))
		throw new RangeError(`tie-break order ${String(tieBreaks)} must name each of ${ORDERABLE_TIE_BREAKS.join(', ')} once`);
	const raw = rawScores(input);
	const norm = normalisedScores(input);
	const rollOut = rollOutMean(input);
	const rows: RankRow[] = input.ideas.map((idea) => {
		const r = raw.get(idea.ideaId);
		const n = norm.byIdea.get(idea.ideaId);
		const rawScore = r?.raw ?? null;
		const normalised = n?.normalised ?? null;
		return {
			ideaId: idea.ideaId,
			score: input.basis === 'raw' ? rawScore : normalised,
			raw: rawScore,
			normalised,
			jurors: r?.jurors ?? 0,
			rollOutMean: rollOut.get(idea.ideaId) ?? null,
			submittedAt: toTime(idea.submittedAt, idea.ideaId)
		};
	});
	rows.sort((a, b) => separate(a, b, tieBreaks).order);
	return rows.map((row, i) => {
		const by = i === 0 ? 'score' : separate(rows[i - 1], row, tieBreaks).by;
		return {
			ideaId: row.ideaId,
			rank: i + 1,
			score: row.score,
			raw: row.raw,
			normalised: row.normalised,
			jurors: row.jurors,
			rollOutMean: row.rollOutMean,
			tieBrokenBy: by === 'score' ? null : by
		};
	});
}

/**
 * How a scope's ideas advance: the first `count` ranks (with `min`, only those of them scoring
 * at least `min`), every idea scoring at least `min`, or the organisers decide.
 */
export type AdvancementRule =
	{ kind: 'top_n'; count: number; min?: number | null } | { kind: 'threshold'; min: number } | { kind: 'manual' };

export type ProposedRow<T> = T & {
	proposed: boolean;
	/**
	 * Score minus the score across the cut line: for a proposed idea, its lead over the first
	 * idea that does not advance; for the others, how far they are behind the last idea that
	 * advances (negative). Null when there is no idea across the line, no cut (manual), or no score.
	 */
	distanceToCut: number | null;
};

export interface Advancement<T> {
	rows: ProposedRow<T>[];
	/** Index of the first idea below the cut line (= the number proposed); null for a manual decision. */
	cutIndex: number | null;
	/** The last idea in and the first idea out have equal scores: a tie-break decided the cut. */
	tieAtCut: boolean;
}

/**
 * Proposes which ranked ideas advance; the organiser confirms. Top N takes the first N ranks
 * (the tie-breaks decide a tie at the cut), and with a threshold only those of them scoring
 * at least `min`; a threshold takes every idea scoring at least `min`; a manual decision
 * proposes nobody. Ideas without a score never advance automatically. `ranked` must be in
 * rank order, as `rankIdeas` returns it.
 *
 * Example: scores 80, 75, 75, 60 with top 2: ideas 1 and 2 proposed, cutIndex 2, tieAtCut
 * true; distances 80-75 = 5, 75-75 = 0 | 75-75 = 0, 60-75 = -15. Top 3 and at least 76:
 * only the 80 advances (cutIndex 1).
 */
export function proposeAdvancement<T extends { score: number | null }>(ranked: readonly T[], rule: AdvancementRule): Advancement<T> {
	for (let i = 1; i < ranked.length; i++)
		if (compareHigher(ranked[i - 1].score, ranked[i].score) > 0) throw new Error('proposeAdvancement needs the ideas in rank order');
	let cutIndex: number | null;
	const scored = ranked.filter((r) => r.score !== null).length;
	switch (rule.kind) {
		case 'manual':
			cutIndex = null;
			break;
		case 'top_n': {
			if (!Number.isInteger(rule.count) || rule.count < 0) throw new RangeError(`top N needs a whole count >= 0, got ${rule.count}`);
			cutIndex = Math.min(rule.count, scored);
			const min = rule.min ?? null;
			if (min !== null) {
				if (!Number.isFinite(min)) throw new RangeError(`threshold must be a number, got ${min}`);
				const below = ranked.findIndex((r) => r.score === null || r.score < min - SCORE_EPSILON);
				if (below !== -1) cutIndex = Math.min(cutIndex, below);
			}
			break;
		}
		case 'threshold': {
			if (!Number.isFinite(rule.min)) throw new RangeError(`threshold must be a number, got ${rule.min}`);
			const first = ranked.findIndex((r) => r.score === null || r.score < rule.min - SCORE_EPSILON);
			cutIndex = first === -1 ? ranked.length : first;
			break;
		}
	}
	const lastIn = cutIndex !== null && cutIndex > 0 ? ranked[cutIndex - 1].score : null;
	const firstOut = cutIndex !== null && cutIndex < ranked.length ? ranked[cutIndex].score : null;
	const rows = ranked.map((row, i): ProposedRow<T> => {
		const proposed = cutIndex !== null && i < cutIndex;
		const across = proposed ? firstOut : lastIn;
		const distanceToCut = cutIndex === null || row.score === null || across === null ? null : row.score - across;
		return { ...row, proposed, distanceToCut };
	});
	const tieAtCut = lastIn !== null && firstOut !== null && compareHigher(lastIn, firstOut) === 0;
	return { rows, cutIndex, tieAtCut };
}

/** A round's advancement settings as stored: its rule, count, threshold and quotas per jury (scope). */
export interface RoundAdvancement {
	rule: string;
	count: number | null;
	threshold: number | string | null;
	/** juryId -> how many of that jury's ideas advance, overriding `count` (top N only). */
	quotas?: ReadonlyMap<number, number> | Readonly<Record<number, number>>;
}

function isQuotaMap(quotas: NonNullable<RoundAdvancement['quotas']>): quotas is ReadonlyMap<number, number> {
	return quotas instanceof Map;
}

function quotaOf(quotas: RoundAdvancement['quotas'], juryId: number): number | null {
	if (!quotas) return null;
	const value: number | undefined = isQuotaMap(quotas) ? quotas.get(juryId) : quotas[juryId];
	return value ?? null;
}

const thresholdOf = (t: number | string | null): number | null => (t === null || t === '' ? null : Number(t));

/**
 * The rule of one scope (jury) of a round. A top-N round takes the jury's quota where one is
 * set, else the round's count; a threshold kept beside top N applies to every scope.
 *
 * Example: top 1 with quotas { 7: 3 } and threshold 70: jury 7 -> top 3 and at least 70;
 * jury 8 -> top 1 and at least 70.
 */
export function scopeRule(round: RoundAdvancement, juryId: number): AdvancementRule {
	if (round.rule === 'top_n') {
		const quota = quotaOf(round.quotas, juryId);
		return { kind: 'top_n', count: quota ?? round.count ?? 1, min: thresholdOf(round.threshold) };
	}
	if (round.rule === 'threshold') return { kind: 'threshold', min: thresholdOf(round.threshold) ?? 0 };
	return { kind: 'manual' };
}

/**
 * The rule that applied to a scope, as the team reads it: 'top_scope' ("Top 3 of Build
 * Operations": a quota set for this scope), 'top_each' ("Top 1 per department": a department
 * round's count), 'top' ("Top 5": one competition-wide scope), each with the threshold kept
 * beside it if any ("and at least 70"); 'threshold' ("Threshold 65"); 'manual' ("Decided by
 * the organisers").
 */
export type RuleSummary =
	{ kind: 'top_scope' | 'top_each' | 'top'; count: number; min: number | null } | { kind: 'threshold'; min: number } | { kind: 'manual' };

export function ruleSummary(round: RoundAdvancement & { scope: string }, juryId: number): RuleSummary {
	const rule = scopeRule(round, juryId);
	if (rule.kind === 'top_n') {
		const kind = quotaOf(round.quotas, juryId) !== null ? 'top_scope' : round.scope === 'department' ? 'top_each' : 'top';
		return { kind, count: rule.count, min: rule.min ?? null };
	}
	return rule;
}

/**
 * Which tie-breaks placed an idea against its neighbours with equal scores: `above` the rule
 * that put it below the idea above (its own `tieBrokenBy`), `below` the rule that put it
 * above the next idea (that one's `tieBrokenBy`). Null where the scores differ.
 *
 * Example: ranks 1..3 with tieBrokenBy null, 'roll_out', null: rank 1 -> below 'roll_out';
 * rank 2 -> above 'roll_out'; rank 3 -> nothing.
 */
export function tieBreaksAround(
	rows: readonly { rank: number | null; tieBrokenBy: string | null }[],
	rank: number | null
): { above: TieBreak | null; below: TieBreak | null } {
	if (rank === null) return { above: null, below: null };
	const asTieBreak = (t: string | null | undefined) => ((TIE_BREAKS as readonly string[]).includes(t ?? '') ? (t as TieBreak) : null);
	return {
		above: asTieBreak(rows.find((r) => r.rank === rank)?.tieBrokenBy),
		below: asTieBreak(rows.find((r) => r.rank === rank + 1)?.tieBrokenBy)
	};
}

export interface CompletionInput {
	/** Per jury scope: its members and the ideas they judge. */
	scopes: readonly { jurorIds: readonly number[]; ideaIds: readonly number[] }[];
	conflicts?: Conflicts;
	/** Pairs whose sheet is complete (submitted). Others, and conflicted pairs, are ignored. */
	completed: readonly PairRef[];
}

export interface RoundCompletion {
	/** Non-conflicted juror-idea pairs. */
	pairs: number;
	complete: number;
	missing: PairRef[];
	byJuror: Map<number, { pairs: number; complete: number }>;
	/** Every pair is complete (true for a round without pairs); otherwise only an organiser override closes it. */
	canClose: boolean;
}

/**
 * How far a round is: every juror of a scope scores every idea of that scope, except where
 * they have a conflict of interest.
 *
 * Example: jurors 1, 2 judge ideas 10, 11; juror 2 has a conflict with idea 11; sheets done:
 * 1:10, 2:10 -> pairs 3 (1:10, 1:11, 2:10), complete 2, missing [1:11], canClose false.
 */
export function roundCompletion(input: CompletionInput): RoundCompletion {
	const done = conflictSet(input.completed);
	const seen = new Set<string>();
	const missing: PairRef[] = [];
	const byJuror = new Map<number, { pairs: number; complete: number }>();
	let pairs = 0;
	let complete = 0;
	for (const scope of input.scopes)
		for (const jurorId of scope.jurorIds)
			for (const ideaId of scope.ideaIds) {
				const key = conflictKey(jurorId, ideaId);
				if (seen.has(key)) continue;
				seen.add(key);
				if (isConflicted(input.conflicts, jurorId, ideaId)) continue;
				const juror = byJuror.get(jurorId) ?? { pairs: 0, complete: 0 };
				byJuror.set(jurorId, juror);
				pairs++;
				juror.pairs++;
				if (done.has(key)) {
					complete++;
					juror.complete++;
				} else missing.push({ jurorId, ideaId });
			}
	return { pairs, complete, missing, byJuror, canClose: complete === pairs };
}

export type ScoreVisibility = 'after_own_sheet' | 'after_close';
export type RoundStatus = 'draft' | 'open' | 'closed' | 'published';

/**
 * The blind rule: a juror never sees the other jurors' scores for an idea before submitting
 * their own sheet for it, and with 'after_close' not before the round is closed (closed or
 * published) either. Organisers may always see.
 *
 * | visibility      | own sheet | open  | closed / published |
 * | after_own_sheet | no        | no    | no                 |
 * | after_own_sheet | yes       | yes   | yes                |
 * | after_close     | no        | no    | no                 |
 * | after_close     | yes       | no    | yes                |
 */
export function mayViewOtherScores(input: {
	visibility: ScoreVisibility;
	roundStatus: RoundStatus;
	ownSheetComplete: boolean;
	isOrganiser: boolean;
}): boolean {
	if (input.isOrganiser) return true;
	if (!input.ownSheetComplete) return false;
	if (input.visibility === 'after_own_sheet') return true;
	return input.roundStatus === 'closed' || input.roundStatus === 'published';
}

/**
 * One decimal for display, half away from zero on the value as meant (72.25 -> "72.3",
 * even where the float is 72.2499999...); "—" for no score. Dutch uses a decimal comma.
 *
 * Example: formatScore(72.5) -> "72.5"; formatScore(null) -> "—"; formatScore(66.25, 'nl') -> "66,3".
 */
export function formatScore(n: number | null | undefined, locale = 'en'): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '—';
	const tenths = Math.round(Math.abs(n) * 10 + 1e-7);
	const text = (tenths === 0 ? '' : n < 0 ? '-' : '') + (tenths / 10).toFixed(1);
	return locale.toLowerCase().startsWith('nl') ? text.replace('.', ',') : text;
}

export type ConflictSource = 'team' | 'mentor' | 'manager' | 'peer' | 'declared';

/** One reason a juror may not score an idea, with the team member it is about and, for 'manager', how many levels above them. */
export type ConflictReason = { source: ConflictSource; personId?: number; levels?: number };

export type ConflictIdea = {
	teamIds: readonly number[];
	mentorIds: readonly number[];
	declaredBy?: readonly number[];
};

export type ConflictOrg = {
	/** Who reports to whom (domain/org-chart.ts). */
	managerOf: ManagerOf;
	/** The competition counts same-team peers (competition.peer_conflicts). */
	peerConflicts?: boolean;
};

/**
 * Why a juror may not score an idea, automatic rules first (scoring/conflict-sources.ts says
 * the same in SQL): the juror is on the idea's team ('team'); is (or was) its mentor
 * ('mentor'); sits anywhere above a team member in the reporting line ('manager', the
 * nearest member with the number of levels: 1 is their manager, 2 the manager's manager);
 * when the competition counts peers, has the same direct manager as a team member ('peer');
 * or declared a conflict themselves. An empty list: no conflict. Excluded pairs count
 * nowhere (not in the scores, not in the progress, not in the normalisation); their
 * sheets stay stored.
 *
 * Example: team [4, 5]; 5 reports to 9, 9 to 12; 6 also reports to 9; mentor 7:
 * juror 9 -> manager of 5, 1 level; juror 12 -> manager of 5, 2 levels; juror 6 -> peer of 5
 * (only with peerConflicts); juror 7 -> mentor; juror 3 who declared -> declared.
 */
export function conflictReasons(jurorId: number, idea: ConflictIdea, org: ConflictOrg): ConflictReason[] {
	const reasons: ConflictReason[] = [];
	if (idea.teamIds.includes(jurorId)) reasons.push({ source: 'team' });
	if (idea.mentorIds.includes(jurorId)) reasons.push({ source: 'mentor' });
	let above: ConflictReason | null = null;
	for (const memberId of [...idea.teamIds].sort((a, b) => a - b)) {
		const at = reportingLine(org.managerOf, memberId).indexOf(jurorId);
		if (at >= 0 && (!above || at + 1 < above.levels!)) above = { source: 'manager', personId: memberId, levels: at + 1 };
	}
	if (above) reasons.push(above);
	if (org.peerConflicts) {
		const peer = [...idea.teamIds].sort((a, b) => a - b).find((memberId) => arePeers(org.managerOf, jurorId, memberId));
		if (peer !== undefined) reasons.push({ source: 'peer', personId: peer });
	}
	if (idea.declaredBy?.includes(jurorId)) reasons.push({ source: 'declared' });
	return reasons;
}

/** The sources of `conflictReasons`, in the same order. */
export function conflictSources(jurorId: number, idea: ConflictIdea, org: ConflictOrg): ConflictSource[] {
	return conflictReasons(jurorId, idea, org).map((r) => r.source);
}
