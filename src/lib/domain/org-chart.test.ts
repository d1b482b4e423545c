import { describe, expect, it } from 'vitest';
import { arePeers, cycleMembers, isAbove, reportingLine, wouldCycle } from './org-chart';

/**
 * A hand-made chart:
 *
 *            1 (director)
 *          /          \
 *     2 (manager)    3 (manager)
 *      /     \           \
 *     4       5           6
 *     |
 *     7
 */
const chart = new Map<number, number | null>([
	[1, null],
	[2, 1],
	[3, 1],
	[4, 2],
	[5, 2],
	[6, 3],
	[7, 4]
]);

describe('reportingLine', () => {
	it('walks the whole way up, nearest first', () => {
		expect(reportingLine(chart, 7)).toEqual([4, 2, 1]);
		expect(reportingLine(chart, 6)).toEqual([3, 1]);
		expect(reportingLine(chart, 1)).toEqual([]);
	});
	it('stops at a loop instead of running forever', () => {
		const loop = new Map<number, number | null>([
			[1, 2],
			[2, 3],
			[3, 1]
		]);
		expect(reportingLine(loop, 1)).toEqual([2, 3]);
	});
	it('treats an unknown person as having nobody above', () => {
		expect(reportingLine(chart, 99)).toEqual([]);
	});
});

describe('isAbove (skip levels count)', () => {
	it('finds the direct manager and the manager of the manager', () => {
		expect(isAbove(chart, 4, 7)).toBe(true);
		expect(isAbove(chart, 2, 7)).toBe(true);
		expect(isAbove(chart, 1, 7)).toBe(true);
	});
	it('does not look sideways or down', () => {
		expect(isAbove(chart, 3, 7)).toBe(false);
		expect(isAbove(chart, 5, 7)).toBe(false);
		expect(isAbove(chart, 7, 4)).toBe(false);
	});
});

describe('arePeers', () => {
	it('is true for two people with the same direct manager', () => {
		expect(arePeers(chart, 4, 5)).toBe(true);
		expect(arePeers(chart, 2, 3)).toBe(true);
	});
	it('is false for cousins, oneself, and two people without a manager', () => {
		expect(arePeers(chart, 5, 6)).toBe(false);
		expect(arePeers(chart, 4, 4)).toBe(false);
		expect(
			arePeers(
				new Map([
					[8, null],
					[9, null]
				]),
				8,
				9
			)
		).toBe(false);
	});
});

describe('wouldCycle', () => {
	it('refuses oneself as manager', () => expect(wouldCycle(chart, 4, 4)).toBe(true));
	it('refuses someone below as manager, directly or skip-level', () => {
		expect(wouldCycle(chart, 2, 4)).toBe(true);
		expect(wouldCycle(chart, 1, 7)).toBe(true);
	});
	it('allows a move sideways, up, or to nobody', () => {
		expect(wouldCycle(chart, 4, 3)).toBe(false);
		expect(wouldCycle(chart, 7, 1)).toBe(false);
		expect(wouldCycle(chart, 2, null)).toBe(false);
	});
});

describe('cycleMembers', () => {
	it('is empty for a tree', () => expect(cycleMembers(chart)).toEqual([]));
	it('names each member of each loop once, and not those hanging below a loop', () => {
		const bad = new Map<number, number | null>([
			[1, 2],
			[2, 1],
			[3, 1],
			[4, 5],
			[5, 6],
			[6, 4],
			[7, 7]
		]);
		expect(cycleMembers(bad)).toEqual([1, 2, 4, 5, 6, 7]);
	});
});
