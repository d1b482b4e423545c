import { describe, expect, it } from 'vitest';
import { conversion, daysBetween, mean, median, percentile, rate, round, standardDeviation } from './insight-stats.js';

describe('insight statistics', () => {
	it('means and medians by hand', () => {
		expect(mean([])).toBeNull();
		expect(mean([2, 4, 9])).toBe(5);
		expect(median([])).toBeNull();
		expect(median([7])).toBe(7);
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('percentiles interpolate between ranks like PERCENTILE.INC', () => {
		// 1,2,3,4: position of the 90th = 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7
		expect(percentile([4, 2, 1, 3], 90)).toBeCloseTo(3.7, 10);
		// 10 days, 20 days: the 90th = 10 + 0.9 × 10 = 19
		expect(percentile([20, 10], 90)).toBeCloseTo(19, 10);
		expect(percentile([5, 5, 5], 90)).toBe(5);
		expect(percentile([1, 2, 3], 0)).toBe(1);
		expect(percentile([1, 2, 3], 100)).toBe(3);
		expect(() => percentile([1], 101)).toThrow(RangeError);
	});

	it('standard deviation is the sample one', () => {
		// 2,4,4,4,5,5,7,9: mean 5, squares 32, / 7 = 4.571..., sqrt = 2.138...
		expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 10);
		expect(standardDeviation([3])).toBeNull();
	});

	it('rates refuse to divide by nothing', () => {
		expect(rate(3, 12)).toBe(0.25);
		expect(rate(0, 0)).toBeNull();
	});

	it('a funnel converts stage by stage and from the first', () => {
		const c = conversion([
			{ key: 'submitted', count: 200 },
			{ key: 'accepted', count: 150 },
			{ key: 'semi_final', count: 30 },
			{ key: 'final', count: 0 },
			{ key: 'winner', count: 0 }
		]);
		expect(c.map((s) => s.fromPrevious)).toEqual([null, 0.75, 0.2, 0, null]);
		expect(c.map((s) => s.fromFirst)).toEqual([1, 0.75, 0.15, 0, 0]);
		expect(conversion([])).toEqual([]);
	});

	it('days between instants and rounding', () => {
		expect(daysBetween('2026-03-01T00:00:00Z', '2026-03-04T12:00:00Z')).toBe(3.5);
		expect(round(2.349, 1)).toBe(2.3);
		expect(round(0.66666, 3)).toBe(0.667);
		expect(round(null)).toBeNull();
		expect(round(Number.NaN)).toBeNull();
	});
});
