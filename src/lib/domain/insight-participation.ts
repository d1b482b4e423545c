/**
 * Who takes part, compared with who works here: the participation rules the summary and
 * participation dashboards share, as pure functions (hand-computed tests beside them).
 */
import { rate } from './insight-stats.js';

/** Groups smaller than this are merged into "Other". */
export const MIN_GROUP = 5;

export const JOB_LEVELS = ['operator', 'technician', 'engineer', 'specialist', 'manager', 'director'] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

/** Education levels as HR reports them; a person without one counts as 'unknown'. */
export const EDUCATION_LEVELS = ['vmbo', 'mbo', 'hbo', 'wo', 'unknown'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The two sides of the gap: vocational (vmbo, mbo) and higher professional or university (hbo, wo). */
export const VOCATIONAL: readonly EducationLevel[] = ['vmbo', 'mbo'];
export const HIGHER: readonly EducationLevel[] = ['hbo', 'wo'];

export type PopulationGroup = {
	key: string;
	label: string;
	/** the people who work there (HR headcount, or active accounts where HR gave none) */
	headcount: number;
	/** the distinct people of the group who took part */
	participants: number;
	/** further counts summed along with the group (e.g. first-time and repeat participants) */
	extra?: Record<string, number>;
};

export type MergedGroup = PopulationGroup & {
	/** participants / headcount; null without a headcount */
	rate: number | null;
	/** the keys of the groups merged into this one (itself only, for a group shown as it is) */
	members: string[];
	/** true for the "Other" group */
	other: boolean;
};

/**
 * The people a group is about: its headcount, or its participants where HR counted fewer
 * (a participant whose level HR did not report is still a person the reader could single out).
 * "Other" has the people of its groups added up.
 */
export const groupSize = (g: Pick<PopulationGroup, 'headcount' | 'participants'>) => Math.max(g.headcount, g.participants);

function sum(groups: readonly PopulationGroup[], key: string, label: string): PopulationGroup {
	const extra: Record<string, number> = {};
	for (const g of groups) for (const [k, v] of Object.entries(g.extra ?? {})) extra[k] = (extra[k] ?? 0) + v;
	return {
		key,
		label,
		headcount: groups.reduce((n, g) => n + g.headcount, 0),
		participants: groups.reduce((n, g) => n + g.participants, 0),
		...(groups.some((g) => g.extra) ? { extra } : {})
	};
}

/**
 * The small-group rule. Every group of fewer than five people is merged into "Other"; if
 * "Other" then has fewer than five people (and is not empty), the next smallest group joins
 * it, and the next, until it has five or more. Participants (and `extra` counts) are summed
 * with their groups. An empty "Other" (only groups of nobody) is left out.
 *
 * Example: operators 40 (3 taking part), engineers 3 (1), directors 2 (0), managers 6 (2)
 * → engineers and directors make an "Other" of 5 people with 1 participant; operators and
 * managers stay as they are. With managers 6 and directors 1 only: "Other" has 4, so the
 * next smallest, managers, joins it: "Other" 10 people.
 *
 * Groups keep their order; "Other" comes last. When the whole population is under five,
 * everything is one "Other" — see `suppressSmallPopulation` for what may then be shown.
 */
export function mergeSmallGroups(
	groups: readonly PopulationGroup[],
	other: { key: string; label: string },
	min = MIN_GROUP
): MergedGroup[] {
	const { kept, merged } = splitSmallGroups(groups, groupSize, min);
	const result: MergedGroup[] = kept.map((g) => ({ ...g, rate: rate(g.participants, g.headcount), members: [g.key], other: false }));
	if (merged.reduce((n, g) => n + groupSize(g), 0) > 0) {
		const o = sum(merged, other.key, other.label);
		result.push({ ...o, rate: rate(o.participants, o.headcount), members: merged.map((g) => g.key), other: true });
	}
	return result;
}

/**
 * The small-group rule's decision, for any kind of group: which groups stay and which make up
 * "Other" (groups under `min` people, then the next smallest until "Other" has `min` or is
 * empty). Kept groups keep their order. Every dashboard that merges groups decides here.
 */
export function splitSmallGroups<T>(groups: readonly T[], sizeOf: (g: T) => number, min = MIN_GROUP): { kept: T[]; merged: T[] } {
	const kept = groups.filter((g) => sizeOf(g) >= min);
	const merged = groups.filter((g) => sizeOf(g) < min);
	let otherSize = merged.reduce((n, g) => n + sizeOf(g), 0);
	while (otherSize > 0 && otherSize < min && kept.length > 0) {
		let smallest = 0;
		for (let i = 1; i < kept.length; i++) if (sizeOf(kept[i]) < sizeOf(kept[smallest])) smallest = i;
		const [joining] = kept.splice(smallest, 1);
		merged.push(joining);
		otherSize += sizeOf(joining);
	}
	return { kept, merged };
}

/**
 * The same rule for rows of counts (`size` people each): the merged rows become one row
 * labelled `otherLabel`, last, with `size` and the fields in `sum` added up.
 * Example with sizes 7, 3, 1, 5: 3 and 1 make 4, too few, so the 5 joins: 7 and Other 9.
 */
export function mergeSmallRows<T extends { label: string; size: number }>(
	groups: readonly T[],
	otherLabel: string,
	sum: readonly (keyof T & string)[],
	min = MIN_GROUP
): T[] {
	const { kept, merged } = splitSmallGroups(groups, (g) => g.size, min);
	if (merged.length === 0 || merged.every((g) => g.size === 0)) return kept;
	const other: Record<string, unknown> = { ...merged[0], label: otherLabel, size: 0 };
	for (const key of sum) other[key] = 0;
	for (const g of merged) {
		other.size = (other.size as number) + g.size;
		for (const key of sum) other[key] = (other[key] as number) + Number(g[key]);
	}
	return [...kept, other as T];
}

/**
 * The rule for a whole population under five (a tiny department, or a filter that leaves a
 * handful of people): its participant count would single people out, so neither the count
 * nor the rate is shown. Returns null when nothing may be shown, else the counts as given.
 */
export function suppressSmallPopulation(
	headcount: number,
	participants: number,
	min = MIN_GROUP
): { participants: number; rate: number | null } | null {
	if (groupSize({ headcount, participants }) > 0 && groupSize({ headcount, participants }) < min) return null;
	return { participants, rate: rate(participants, headcount) };
}

/** Which side of the gap an education level is on, or null ('unknown'). */
export function educationSide(level: string): 'vocational' | 'higher' | null {
	if ((VOCATIONAL as readonly string[]).includes(level)) return 'vocational';
	if ((HIGHER as readonly string[]).includes(level)) return 'higher';
	return null;
}

export type GapSides = {
	vocational: { headcount: number; participants: number };
	higher: { headcount: number; participants: number };
};

/**
 * The gap between levels, in percentage points: the participation rate of hbo + wo minus
 * that of vmbo + mbo. 30 of 100 higher-educated and 10 of 200 vocational people taking part
 * give 30 % − 5 % = 25 pp. Null when either side has fewer than five people (the rule above:
 * a side that small would single people out) or no headcount.
 */
export function participationGap(
	sides: GapSides,
	min = MIN_GROUP
): { vocational: number | null; higher: number | null; gap: number | null } {
	const side = (s: { headcount: number; participants: number }) => (groupSize(s) < min ? null : rate(s.participants, s.headcount));
	const vocational = side(sides.vocational);
	const higher = side(sides.higher);
	return { vocational, higher, gap: vocational === null || higher === null ? null : (higher - vocational) * 100 };
}

/** Sums counts of groups keyed by education level into the two sides of the gap. */
export function gapSides(rows: ReadonlyArray<{ educationLevel: string; headcount: number; participants: number }>): GapSides {
	const sides: GapSides = { vocational: { headcount: 0, participants: 0 }, higher: { headcount: 0, participants: 0 } };
	for (const r of rows) {
		const s = educationSide(r.educationLevel);
		if (!s) continue;
		sides[s].headcount += r.headcount;
		sides[s].participants += r.participants;
	}
	return sides;
}

/**
 * First-time or repeat: a participant of an edition is first-time when they took part in no
 * earlier edition (editions ordered by when their submissions open). `firstOrdinal` is the
 * earliest edition the person ever took part in, `ordinal` the edition counted (with every
 * edition counted: the latest one they took part in, so someone of one edition only is
 * first-time and someone of two or more is repeat).
 */
export const isFirstTime = (p: { firstOrdinal: number; ordinal: number }) => p.firstOrdinal >= p.ordinal;
