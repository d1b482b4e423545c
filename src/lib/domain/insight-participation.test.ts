import { describe, expect, it } from 'vitest';
import {
	educationSide,
	gapSides,
	groupSize,
	isFirstTime,
	mergeSmallGroups,
	mergeSmallRows,
	participationGap,
	suppressSmallPopulation,
	type PopulationGroup
} from './insight-participation.js';

const OTHER = { key: 'other', label: 'Other' };
const g = (key: string, headcount: number, participants: number, extra?: Record<string, number>): PopulationGroup => ({
	key,
	label: key,
	headcount,
	participants,
	...(extra ? { extra } : {})
});
const shape = (groups: ReturnType<typeof mergeSmallGroups>) => groups.map((x) => [x.key, x.headcount, x.participants, x.members]);

describe('mergeSmallGroups', () => {
	it('keeps every group of five or more as it is, in order, with its rate', () => {
		const merged = mergeSmallGroups([g('operator', 40, 4), g('engineer', 5, 2)], OTHER);
		expect(shape(merged)).toEqual([
			['operator', 40, 4, ['operator']],
			['engineer', 5, 2, ['engineer']]
		]);
		expect(merged.map((x) => x.rate)).toEqual([0.1, 0.4]);
		expect(merged.some((x) => x.other)).toBe(false);
	});

	it('merges groups under five into Other, summing headcount and participants', () => {
		// engineers 3 + directors 2 = 5 people, 1 + 0 = 1 participant
		const merged = mergeSmallGroups([g('operator', 40, 3), g('engineer', 3, 1), g('director', 2, 0), g('manager', 6, 2)], OTHER);
		expect(shape(merged)).toEqual([
			['operator', 40, 3, ['operator']],
			['manager', 6, 2, ['manager']],
			['other', 5, 1, ['engineer', 'director']]
		]);
		expect(merged[2]).toMatchObject({ other: true, rate: 0.2, label: 'Other' });
	});

	it('adds the next smallest group while Other has fewer than five people', () => {
		// Other = director 1 (<5) → the smallest kept group, managers (6), joins: 7 people
		const merged = mergeSmallGroups([g('operator', 40, 3), g('manager', 6, 2), g('engineer', 9, 1), g('director', 1, 1)], OTHER);
		expect(shape(merged)).toEqual([
			['operator', 40, 3, ['operator']],
			['engineer', 9, 1, ['engineer']],
			['other', 7, 3, ['director', 'manager']]
		]);
	});

	it('keeps adding until Other reaches five, taking the earlier of equally small groups first', () => {
		// Other = 1; a (5) joins → 6 ≥ 5; b (5) stays
		expect(shape(mergeSmallGroups([g('a', 5, 1), g('b', 5, 2), g('c', 1, 0)], OTHER))).toEqual([
			['b', 5, 2, ['b']],
			['other', 6, 1, ['c', 'a']]
		]);
	});

	it('leaves out an empty Other (groups of nobody)', () => {
		expect(shape(mergeSmallGroups([g('operator', 12, 2), g('director', 0, 0)], OTHER))).toEqual([['operator', 12, 2, ['operator']]]);
	});

	it('counts participants HR did not count as people of the group', () => {
		// 'unknown' has no HR headcount but 3 participants: 3 people, so it is merged
		expect(groupSize({ headcount: 0, participants: 3 })).toBe(3);
		const merged = mergeSmallGroups([g('mbo', 20, 4), g('hbo', 30, 9), g('unknown', 0, 3)], OTHER);
		expect(shape(merged)).toEqual([
			['hbo', 30, 9, ['hbo']],
			['other', 20, 7, ['unknown', 'mbo']]
		]);
		expect(merged[1].rate).toBeCloseTo(0.35);
	});

	it('merges everything into one Other when the whole population is under five', () => {
		expect(shape(mergeSmallGroups([g('a', 2, 1), g('b', 1, 1)], OTHER))).toEqual([['other', 3, 2, ['a', 'b']]]);
	});

	it('sums extra counts with their groups', () => {
		const merged = mergeSmallGroups(
			[g('a', 10, 4, { first: 3, repeat: 1 }), g('b', 2, 2, { first: 1, repeat: 1 }), g('c', 3, 1, { first: 1, repeat: 0 })],
			OTHER
		);
		expect(merged.map((x) => [x.key, x.extra])).toEqual([
			['a', { first: 3, repeat: 1 }],
			['other', { first: 2, repeat: 1 }]
		]);
	});

	it('a rate without headcount is null, not infinite', () => {
		expect(mergeSmallGroups([g('a', 0, 6)], OTHER)[0].rate).toBeNull();
	});

	it('no group shown ever has fewer than five people, and every participant is counted once', () => {
		const sizes = [0, 1, 2, 3, 4, 5, 6, 9, 13];
		for (const a of sizes)
			for (const b of sizes)
				for (const c of [0, 1, 2, 4]) {
					const groups = [g('a', a, Math.min(a, 1)), g('b', b, 0), g('c', 0, c)];
					const people = (keys: string[]) => keys.reduce((n, k) => n + groupSize(groups.find((x) => x.key === k)!), 0);
					const merged = mergeSmallGroups(groups, OTHER);
					if (people(['a', 'b', 'c']) >= 5) for (const x of merged) expect(people(x.members)).toBeGreaterThanOrEqual(5);
					expect(merged.reduce((n, x) => n + x.participants, 0)).toBe(Math.min(a, 1) + c);
				}
	});
});

describe('suppressSmallPopulation', () => {
	it('hides the count and rate of a population of one to four people', () => {
		expect(suppressSmallPopulation(4, 1)).toBeNull();
		expect(suppressSmallPopulation(0, 2)).toBeNull();
	});
	it('shows a population of five or more, and an empty one', () => {
		expect(suppressSmallPopulation(5, 1)).toEqual({ participants: 1, rate: 0.2 });
		expect(suppressSmallPopulation(0, 0)).toEqual({ participants: 0, rate: null });
	});
});

describe('the gap between levels', () => {
	it('sorts education levels into vocational and higher, unknown into neither', () => {
		expect(['vmbo', 'mbo', 'hbo', 'wo', 'unknown'].map(educationSide)).toEqual(['vocational', 'vocational', 'higher', 'higher', null]);
	});

	it('is the higher rate minus the vocational rate in percentage points', () => {
		// higher: 30 of 100 = 30 %; vocational: (6 + 4) of (120 + 80) = 5 %; gap 25 pp
		const sides = gapSides([
			{ educationLevel: 'vmbo', headcount: 120, participants: 6 },
			{ educationLevel: 'mbo', headcount: 80, participants: 4 },
			{ educationLevel: 'hbo', headcount: 60, participants: 20 },
			{ educationLevel: 'wo', headcount: 40, participants: 10 },
			{ educationLevel: 'unknown', headcount: 30, participants: 9 }
		]);
		expect(sides).toEqual({ vocational: { headcount: 200, participants: 10 }, higher: { headcount: 100, participants: 30 } });
		const gap = participationGap(sides);
		expect(gap.vocational).toBeCloseTo(0.05);
		expect(gap.higher).toBeCloseTo(0.3);
		expect(gap.gap).toBeCloseTo(25);
	});

	it('is negative when vocational staff take part more', () => {
		// 3 of 10 = 30 % vs 1 of 20 = 5 %: −25 pp
		expect(
			participationGap({ vocational: { headcount: 10, participants: 3 }, higher: { headcount: 20, participants: 1 } }).gap
		).toBeCloseTo(-25);
	});

	it('is not shown when a side has fewer than five people', () => {
		expect(participationGap({ vocational: { headcount: 4, participants: 1 }, higher: { headcount: 20, participants: 1 } })).toEqual({
			vocational: null,
			higher: 0.05,
			gap: null
		});
	});
});

describe('first-time participants', () => {
	it('is first-time when the edition counted is their first', () => {
		expect(isFirstTime({ firstOrdinal: 3, ordinal: 3 })).toBe(true);
		expect(isFirstTime({ firstOrdinal: 1, ordinal: 3 })).toBe(false);
	});
});

describe('mergeSmallRows (the same rule for rows of counts)', () => {
	it('groups of fewer than five merge into Other, and the next smallest joins an Other still under five', () => {
		const rows = [
			{ label: 'A', size: 7, late: 2 },
			{ label: 'B', size: 3, late: 1 },
			{ label: 'C', size: 1, late: 1 },
			{ label: 'D', size: 5, late: 0 }
		];
		// B and C make 4, too few: D (5, the smallest left) joins them: Other 9 with 2 late.
		expect(mergeSmallRows(rows, 'Other', ['late'])).toEqual([
			{ label: 'A', size: 7, late: 2 },
			{ label: 'Other', size: 9, late: 2 }
		]);
		expect(mergeSmallRows([rows[0], rows[1], { label: 'E', size: 2, late: 0 }], 'Other', ['late'])).toEqual([
			{ label: 'A', size: 7, late: 2 },
			{ label: 'Other', size: 5, late: 1 }
		]);
	});
	it('no Other when every group is big enough', () => {
		expect(mergeSmallRows([{ label: 'A', size: 5 }], 'Other', [])).toEqual([{ label: 'A', size: 5 }]);
	});
});
