import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';

describe('mulberry32', () => {
	it('gives the same sequence for a seed, in [0, 1)', () => {
		const a = mulberry32(2026);
		const b = mulberry32(2026);
		const xs = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mulberry32(2027)()).not.toBe(xs[0]);
	});
});
