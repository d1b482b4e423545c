/**
 * The plain statistics the insight dashboards share, as pure functions with hand-computed
 * tests beside them (insight-stats.test.ts). Nothing here knows about ideas or juries.
 */

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/**
 * The p-th percentile (0..100) by linear interpolation between the closest ranks, as
 * spreadsheets' PERCENTILE.INC: for 1,2,3,4 the 50th is 2.5 and the 90th is 3.7. Null for
 * no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
	const sorted = [...values].sort((a, b) => a - b);
	const position = (p / 100) * (sorted.length - 1);
	const below = Math.floor(position);
	const above = Math.ceil(position);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** The sample standard deviation (n − 1); null for fewer than two values. */
export function standardDeviation(values: readonly number[]): number | null {
	if (values.length < 2) return null;
	const m = mean(values)!;
	let squares = 0;
	for (const v of values) squares += (v - m) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}

/** part / whole, or null when there is no whole to divide by. */
export function rate(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

export type Stage<K extends string = string> = { key: K; count: number };
export type Conversion<K extends string = string> = Stage<K> & {
	/** count / the previous stage's count; null for the first stage or after an empty one */
	fromPrevious: number | null;
	/** count / the first stage's count */
	fromFirst: number | null;
};

/** A funnel's conversion: each stage against the one before and against the first. */
export function conversion<K extends string>(stages: readonly Stage<K>[]): Conversion<K>[] {
	const first = stages[0]?.count ?? 0;
	return stages.map((stage, i) => ({
		...stage,
		fromPrevious: i === 0 ? null : rate(stage.count, stages[i - 1].count),
		fromFirst: rate(stage.count, first)
	}));
}

/** Whole days (fractional) between two instants. */
export function daysBetween(from: Date | string, to: Date | string): number {
	return (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;
}

/** Rounds for display and export: 1 decimal by default, null stays null. */
export function round(value: number | null, decimals = 1): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}
