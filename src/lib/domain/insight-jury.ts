/**
 * How juries judge, as pure arithmetic with hand-computed tests beside it (insight-jury.test.ts):
 * a juror's leniency, spread and agreement with the rest of
 * their jury, a jury's agreement (Kendall's W) and the outliers an organiser may want to talk
 * to. For organisers only: nothing here is shown to jurors or teams.
 *
 * Every score here is the weighted score J of scoring.ts, 0..100 whatever the criteria's
 * scales (reckoned per sheet in SQL by juries.queries.ts, checked against weightedScore in
 * tests/integration/insight-juries.test.ts), so the thresholds below are in points of that range.
 */
import { mean, median, standardDeviation } from './insight-stats.js';

/** The range of the weighted score J (scoring.ts): 0..100. */
export const WEIGHTED_RANGE = 100;

/**
 * The outlier thresholds, documented on the page too:
 * - lenient / strict: |leniency| above the larger of 10% of the range (10 points) and twice
 *   the sample standard deviation of all jurors' leniencies in that round;
 * - disagrees: agreement (Spearman) below 0.2 over at least 4 ideas shared with the jury;
 * - flat: spread below 2% of the range (2 points) over at least 4 sheets;
 * - slow: sheets still missing while the round is open and closes within 2 days, or its
 *   closing time has passed.
 */
export const OUTLIER = {
	leniencyShareOfRange: 0.1,
	leniencySds: 2,
	agreementBelow: 0.2,
	agreementMinIdeas: 4,
	flatShareOfRange: 0.02,
	flatMinSheets: 4,
	slowDays: 2
} as const;

/** Spearman needs this many ideas in common; fewer gives null. */
export const MIN_COMMON_IDEAS = 3;

export type OutlierReason = 'lenient' | 'strict' | 'disagrees' | 'flat' | 'slow';

/** One scored sheet as the analysis reads it. */
export type ScoredSheet = { juryId: number; jurorId: number; ideaId: number; score: number };

/** Average ranks (1 = lowest), ties sharing the mean of their positions: 10, 20, 20, 30 -> 1, 2.5, 2.5, 4. */
export function averageRanks(values: readonly number[]): number[] {
	const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
	const ranks = new Array<number>(values.length);
	for (let start = 0; start < order.length;) {
		let end = start;
		while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
		const rank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) ranks[order[k].i] = rank;
		start = end + 1;
	}
	return ranks;
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
	const mx = mean(xs);
	const my = mean(ys);
	if (mx === null || my === null) return null;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < xs.length; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	if (sxx === 0 || syy === 0) return null;
	return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation with average ranks for ties: the Pearson correlation of the
 * ranks. Null under MIN_COMMON_IDEAS pairs, or when either side gives every idea the same score.
 *
 * Example: 60, 70, 80 against 1, 3, 2 -> ranks 1, 2, 3 and 1, 3, 2 -> 0.5.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
	if (xs.length !== ys.length) throw new RangeError('spearman needs pairs');
	if (xs.length < MIN_COMMON_IDEAS) return null;
	return pearson(averageRanks(xs), averageRanks(ys));
}

/**
 * Kendall's coefficient of concordance W with the tie correction, for m jurors ranking the
 * same n ideas: W = 12 S / (m² (n³ − n) − m Σ T), S the sum of squared deviations of the
 * ideas' rank sums from their mean m (n + 1) / 2, T = Σ (t³ − t) over each juror's groups of t
 * tied scores. `scores[j][i]` is juror j's score for idea i. Null under 2 jurors or 2 ideas,
 * or when every juror ties every idea.
 *
 * Example: three jurors rank three ideas identically -> W = 1.
 */
export function kendallW(scores: readonly (readonly number[])[]): number | null {
	const m = scores.length;
	const n = scores[0]?.length ?? 0;
	if (m < 2 || n < 2) return null;
	const sums = new Array<number>(n).fill(0);
	let ties = 0;
	for (const row of scores) {
		if (row.length !== n) throw new RangeError('kendallW needs every juror to score the same ideas');
		const ranks = averageRanks(row);
		ranks.forEach((r, i) => (sums[i] += r));
		const groups = new Map<number, number>();
		for (const v of row) groups.set(v, (groups.get(v) ?? 0) + 1);
		for (const t of groups.values()) ties += t ** 3 - t;
	}
	const meanSum = (m * (n + 1)) / 2;
	let s = 0;
	for (const r of sums) s += (r - meanSum) ** 2;
	const denominator = m * m * (n ** 3 - n) - m * ties;
	return denominator > 0 ? (12 * s) / denominator : null;
}

/** How a W reads in words: strong ≥ 0.7, moderate ≥ 0.5, weak below; null for no W. */
export function agreementReading(w: number | null): 'strong' | 'moderate' | 'weak' | null {
	if (w === null) return null;
	return w >= 0.7 ? 'strong' : w >= 0.5 ? 'moderate' : 'weak';
}

/**
 * A jury's Kendall's W over the ideas every one of its jurors scored (jurors: those with at
 * least one scored sheet in the jury). Returns W with how many jurors and ideas it used.
 */
export function juryAgreement(sheets: readonly ScoredSheet[]): { w: number | null; jurors: number; ideas: number } {
	const byJuror = new Map<number, Map<number, number>>();
	for (const s of sheets) {
		const own = byJuror.get(s.jurorId) ?? new Map<number, number>();
		own.set(s.ideaId, s.score);
		byJuror.set(s.jurorId, own);
	}
	const jurors = [...byJuror.keys()].sort((a, b) => a - b);
	const ideaSets = jurors.map((j) => byJuror.get(j)!);
	const common = ideaSets.length ? [...ideaSets[0].keys()].filter((i) => ideaSets.every((s) => s.has(i))).sort((a, b) => a - b) : [];
	const matrix = ideaSets.map((s) => common.map((i) => s.get(i)!));
	return { w: kendallW(matrix), jurors: jurors.length, ideas: common.length };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

export type JurorRoundStats = {
	jurorId: number;
	sheets: number;
	/** mean of the juror's scores */
	mean: number | null;
	/** the juror's mean minus their jury's mean, per jury, weighted by the juror's sheets */
	leniency: number | null;
	/** sample sd of the juror's scores */
	spread: number | null;
	/** Spearman against the mean of the other jurors on the same ideas */
	agreement: number | null;
	/** ideas the juror shares with at least one other juror of the same jury */
	commonIdeas: number;
};

/**
 * Per juror in one round: mean, leniency, spread and agreement from the round's scored
 * sheets. Leniency is the juror's mean minus the mean of all sheets of that jury (in the
 * round), per jury; a juror in several juries gets their juries' leniencies weighted by the
 * number of their sheets in each.
 *
 * Example: jury 1 sheets A: 80, 60; B: 40, 60 -> jury mean 60; A: 70 − 60 = +10, B: −10.
 */
export function jurorRoundStats(sheets: readonly ScoredSheet[]): Map<number, JurorRoundStats> {
	const byJury = groupBy(sheets, (s) => s.juryId);
	const juryMean = new Map<number, number>();
	for (const [juryId, group] of byJury) juryMean.set(juryId, mean(group.map((s) => s.score))!);
	const byJuryIdea = groupBy(sheets, (s) => `${s.juryId}:${s.ideaId}`);
	const byJuror = groupBy(sheets, (s) => s.jurorId);

	const result = new Map<number, JurorRoundStats>();
	for (const [jurorId, own] of byJuror) {
		const scores = own.map((s) => s.score);
		let weighted = 0;
		for (const [juryId, group] of groupBy(own, (s) => s.juryId))
			weighted += group.length * (mean(group.map((s) => s.score))! - juryMean.get(juryId)!);
		const mine: number[] = [];
		const others: number[] = [];
		for (const s of own) {
			const rest = byJuryIdea.get(`${s.juryId}:${s.ideaId}`)!.filter((o) => o.ideaId === s.ideaId && o.jurorId !== jurorId);
			if (!rest.length) continue;
			mine.push(s.score);
			others.push(mean(rest.map((o) => o.score))!);
		}
		result.set(jurorId, {
			jurorId,
			sheets: own.length,
			mean: mean(scores),
			leniency: weighted / own.length,
			spread: standardDeviation(scores),
			agreement: spearman(mine, others),
			commonIdeas: mine.length
		});
	}
	return result;
}

export type Outlier = {
	reason: OutlierReason;
	/** the number that crossed the line (leniency, agreement, spread, missing sheets) */
	value: number;
	/** the line it crossed (for slow: days until the round closes, negative when past) */
	threshold: number;
};

export type OutlierInput = {
	stats: Pick<JurorRoundStats, 'sheets' | 'leniency' | 'spread' | 'agreement' | 'commonIdeas'>;
	/** submitted and expected (conflicts excluded) sheets of the juror in the round */
	submitted: number;
	expected: number;
	/** sample sd of the leniencies of every juror in the round; null under two jurors */
	leniencySd: number | null;
	/** the round's status and scoring close; slow only applies to an open round */
	roundOpen: boolean;
	closesAt: Date | null;
	now: Date;
	range?: number;
};

/** Which outliers a juror is in a round, with the numbers behind each (OUTLIER for the rules). */
export function outliers(input: OutlierInput): Outlier[] {
	const range = input.range ?? WEIGHTED_RANGE;
	const found: Outlier[] = [];
	const { leniency, agreement, spread, sheets, commonIdeas } = input.stats;
	if (leniency !== null) {
		const line = Math.max(OUTLIER.leniencyShareOfRange * range, OUTLIER.leniencySds * (input.leniencySd ?? 0));
		if (Math.abs(leniency) > line) found.push({ reason: leniency > 0 ? 'lenient' : 'strict', value: leniency, threshold: line });
	}
	if (agreement !== null && commonIdeas >= OUTLIER.agreementMinIdeas && agreement < OUTLIER.agreementBelow)
		found.push({ reason: 'disagrees', value: agreement, threshold: OUTLIER.agreementBelow });
	if (spread !== null && sheets >= OUTLIER.flatMinSheets && spread < OUTLIER.flatShareOfRange * range)
		found.push({ reason: 'flat', value: spread, threshold: OUTLIER.flatShareOfRange * range });
	if (input.roundOpen && input.submitted < input.expected && input.closesAt) {
		const daysLeft = (input.closesAt.getTime() - input.now.getTime()) / 86_400_000;
		if (daysLeft <= OUTLIER.slowDays) found.push({ reason: 'slow', value: input.expected - input.submitted, threshold: daysLeft });
	}
	return found;
}

/** The sample sd of the leniencies of a round's jurors (those with a leniency). */
export function leniencySd(stats: Iterable<Pick<JurorRoundStats, 'leniency'>>): number | null {
	const values: number[] = [];
	for (const s of stats) if (s.leniency !== null) values.push(s.leniency);
	return standardDeviation(values);
}

/** The median of the days each sheet took to score (a negative time, a clock's slip, counts as 0). */
export function medianDaysToScore(sheets: readonly { days: number }[]): number | null {
	return median(sheets.map((s) => Math.max(0, s.days)));
}
