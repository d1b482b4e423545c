import { describe, expect, it } from 'vitest';
import { enteredCurrentStatus, screeningWaits, stagesReached, timeInStages, timeInStatuses, type StatusChange } from './insight-flow.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026, 09:00 UTC
const day = (n: number) => T0 + n * DAY;
const changes = (...pairs: [string, number][]): StatusChange[] => pairs.map(([status, d]) => ({ status, at: day(d) }));

describe('stagesReached', () => {
	it('an implemented idea that skipped the judging reached accepted and implemented only', () => {
		expect([...stagesReached(['draft', 'submitted', 'accepted', 'coaching', 'implemented'])].sort()).toEqual(
			['accepted', 'implemented', 'submitted'].sort()
		);
	});
	it('a winner reached the final and the semi-final even when the timeline lacks them', () => {
		expect([...stagesReached(['winner'])].sort()).toEqual(['accepted', 'awarded', 'final', 'semi_final', 'submitted'].sort());
	});
	it('a published winner reached every stage', () => {
		expect(stagesReached(['winner', 'implemented', 'published']).size).toBe(7);
	});
	it('a declined idea and a draft', () => {
		expect([...stagesReached(['draft', 'submitted', 'declined'])]).toEqual(['submitted']);
		expect(stagesReached(['draft']).size).toBe(0);
		expect(stagesReached(['nonsense']).size).toBe(0);
	});
	it('an accepted idea later merged still reached accepted', () => {
		expect(stagesReached(['submitted', 'accepted', 'merged']).has('accepted')).toBe(true);
	});
});

describe('timeInStatuses', () => {
	it('returned and resubmitted: both stays in submitted add up, the last status counts up to now', () => {
		const t = timeInStatuses(
			changes(['draft', 0], ['submitted', 2], ['returned', 5], ['submitted', 6], ['accepted', 10]),
			new Date(day(12))
		);
		expect(Object.fromEntries(t)).toEqual({ draft: 2, submitted: 7, returned: 1, accepted: 2 });
	});
	it('half days are kept as fractions', () => {
		const t = timeInStatuses(
			[
				{ status: 'submitted', at: day(0) },
				{ status: 'screening', at: day(0) + DAY / 2 }
			],
			new Date(day(2))
		);
		expect(t.get('submitted')).toBe(0.5);
		expect(t.get('screening')).toBe(1.5);
	});
	it('a change after now counts nothing; no changes, nothing', () => {
		const t = timeInStatuses(changes(['submitted', 0], ['accepted', 5]), new Date(day(3)));
		expect(Object.fromEntries(t)).toEqual({ submitted: 3, accepted: 0 });
		expect(timeInStatuses([], new Date(day(1))).size).toBe(0);
	});
	it('takes Dates as well as milliseconds', () => {
		const t = timeInStatuses([{ status: 'draft', at: new Date(day(0)) }], new Date(day(4)));
		expect(t.get('draft')).toBe(4);
	});
});

describe('timeInStages', () => {
	it('sums the statuses of a stage: submitted and screening are both waiting for an answer', () => {
		const s = timeInStages(
			changes(
				['draft', 0],
				['submitted', 1],
				['screening', 3],
				['returned', 4],
				['submitted', 9],
				['accepted', 11],
				['coaching', 12],
				['semi_final', 40]
			),
			new Date(day(50))
		);
		// waiting: (1→3) 2 + (3→4) 1 + (9→11) 2 = 5; returned 5; coaching (11→12) 1 + (12→40) 28 = 29; semi-final 10, still in it
		expect(s).toEqual({ draft: 1, waiting_for_answer: 5, returned: 5, coaching: 29, semi_final: 10 });
	});
	it('a stage never entered is absent, not zero', () => {
		expect(timeInStages(changes(['submitted', 0], ['declined', 3]), new Date(day(10)))).toEqual({ waiting_for_answer: 3 });
	});
});

describe('screeningWaits', () => {
	it('the documented example: returned late, resubmitted and accepted in time', () => {
		// Monday 2 Nov submitted, Tuesday 10 Nov returned (6 working days), Wednesday 11 resubmitted, Friday 13 accepted (2)
		const w = screeningWaits(
			changes(['draft', -1], ['submitted', 0], ['screening', 1], ['returned', 8], ['submitted', 9], ['accepted', 11]),
			new Date(day(20)),
			5
		);
		expect(w).toEqual([
			{ submittedAt: day(0), answeredAt: day(8), days: 8, onTime: false },
			{ submittedAt: day(9), answeredAt: day(11), days: 2, onTime: true }
		]);
	});
	it('exactly the response time is still on time (Monday to the next Monday is 5 working days)', () => {
		const w = screeningWaits(changes(['submitted', 0], ['declined', 7]), new Date(day(30)), 5);
		expect(w[0].onTime).toBe(true);
	});
	it('an open wait is late once overdue and unknown before; a withdrawn one is not counted', () => {
		expect(screeningWaits(changes(['submitted', 0]), new Date(day(8)), 5)).toEqual([
			{ submittedAt: day(0), answeredAt: null, days: null, onTime: false }
		]);
		expect(screeningWaits(changes(['submitted', 0]), new Date(day(7)), 5)).toEqual([
			{ submittedAt: day(0), answeredAt: null, days: null, onTime: null }
		]);
		expect(screeningWaits(changes(['submitted', 0], ['withdrawn', 20]), new Date(day(30)), 5)).toEqual([]);
	});
	it('a merge answers the wait; a draft never waits', () => {
		expect(screeningWaits(changes(['draft', 0], ['submitted', 2], ['merged', 3]), new Date(day(30)), 5)).toEqual([
			{ submittedAt: day(2), answeredAt: day(3), days: 1, onTime: true }
		]);
		expect(screeningWaits(changes(['draft', 0]), new Date(day(30)), 5)).toEqual([]);
	});
});

describe('enteredCurrentStatus', () => {
	it('the last time the idea entered its current status', () => {
		const c = changes(['submitted', 0], ['returned', 2], ['submitted', 5]);
		expect(enteredCurrentStatus(c, 'submitted')).toBe(day(5));
		expect(enteredCurrentStatus(c, 'accepted')).toBeNull();
	});
});
