import { describe, expect, it } from 'vitest';
import { planPitchSession } from './demo.js';

describe("the demo's pitch session order", () => {
	it('keeps four pitches or fewer without a break', () => {
		expect(planPitchSession(1, 4)).toEqual([0]);
		expect(planPitchSession(4, 4)).toEqual([0, 1, 2, 3]);
	});

	it('puts a break halfway through a longer session (after ceil(n / 2) pitches)', () => {
		expect(planPitchSession(5, 4)).toEqual([0, 1, 2, 'break', 3, 4]);
		expect(planPitchSession(6, 4)).toEqual([0, 1, 2, 'break', 3, 4, 5]);
		expect(planPitchSession(7, 4)).toEqual([0, 1, 2, 3, 'break', 4, 5, 6]);
	});
});
