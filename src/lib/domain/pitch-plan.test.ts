import { describe, expect, it } from 'vitest';
import { itemTimes, juryShort, moveItem, overlaps, planSession, type Interval, type PlanIdea } from './pitch-plan';

// A session on 3 March 2026 from 09:00 UTC, 30-minute slots.
const at = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00Z`);
const session = { startsAt: at('09:00'), slotMinutes: 30, breaks: [] };
const idea = (ideaId: number, departmentId: number | null, unavailable: Interval[] = [], ready = true): PlanIdea => ({
	ideaId,
	departmentId,
	ready,
	unavailable
});
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('itemTimes', () => {
	it('starts each item when everything before it has ended', () => {
		const times = itemTimes(at('09:00'), 30, [{ kind: 'pitch' }, { kind: 'break', minutes: 15 }, { kind: 'pitch' }, { kind: 'pitch' }]);
		expect(times.map((t) => `${hhmm(t.startsAt)}-${hhmm(t.endsAt)}`)).toEqual(['09:00-09:30', '09:30-09:45', '09:45-10:15', '10:15-10:45']);
	});
	it('gives nothing for an empty session', () => {
		expect(itemTimes(at('09:00'), 30, [])).toEqual([]);
	});
});

describe('overlaps', () => {
	it('treats intervals as half-open: touching is no overlap', () => {
		expect(overlaps([at('09:00'), at('09:30')], [at('09:30'), at('10:00')])).toBe(false);
		expect(overlaps([at('09:00'), at('09:31')], [at('09:30'), at('10:00')])).toBe(true);
		expect(overlaps([at('08:00'), at('12:00')], [at('09:30'), at('10:00')])).toBe(true);
	});
});

describe('planSession', () => {
	it('places only ready ideas, by department then id, and lists the others apart', () => {
		const result = planSession([idea(5, 2), idea(3, 1), idea(4, 2), idea(7, 1, [], false), idea(1, 1)], session);
		// Department 1's lowest idea is 1, department 2's is 4: department 1 first.
		expect(result.order).toEqual([1, 3, 4, 5]);
		expect(result.notReady).toEqual([7]);
		expect(result.complete).toBe(true);
		expect(result.items.map((i) => hhmm(i.startsAt))).toEqual(['09:00', '09:30', '10:00', '10:30']);
	});

	it('keeps breaks after the same number of pitches, and times follow them', () => {
		const result = planSession([idea(1, 1), idea(2, 1), idea(3, 1)], { ...session, breaks: [{ afterPitches: 2, minutes: 15 }] });
		expect(result.items.map((i) => `${i.kind === 'pitch' ? i.ideaId : 'break'}@${hhmm(i.startsAt)}-${hhmm(i.endsAt)}`)).toEqual([
			'1@09:00-09:30',
			'2@09:30-10:00',
			'break@10:00-10:15',
			'3@10:15-10:45'
		]);
	});

	it('keeps a break past the last pitch at the end', () => {
		const result = planSession([idea(1, 1)], { ...session, breaks: [{ afterPitches: 4, minutes: 10 }] });
		expect(result.items.map((i) => i.kind)).toEqual(['pitch', 'break']);
		expect(hhmm(result.items[1].endsAt)).toBe('09:40');
	});

	it('moves an idea out of a slot its team cannot make, inside its department', () => {
		// Idea 1's team is away 09:00-09:30: it swaps with idea 2.
		const result = planSession([idea(1, 1, [[at('09:00'), at('09:30')]]), idea(2, 1), idea(3, 1)], session);
		expect(result.order).toEqual([2, 1, 3]);
		expect(result.complete).toBe(true);
		expect(result.warnings).toEqual([]);
	});

	it('moves a whole department when one of its ideas cannot make the early slots', () => {
		// Department 1 (ideas 1, 2) would take 09:00-10:00; idea 1 is away 08:00-10:00, so
		// department 2 (ideas 3, 4) goes first and department 1 takes 10:00-11:00.
		const result = planSession([idea(1, 1, [[at('08:00'), at('10:00')]]), idea(2, 1), idea(3, 2), idea(4, 2)], session);
		expect(result.order).toEqual([3, 4, 1, 2]);
		expect(result.complete).toBe(true);
	});

	it('reports what cannot be done, and still keeps departments together', () => {
		// Idea 1 is away the whole morning: no order fits.
		const result = planSession([idea(1, 1, [[at('08:00'), at('13:00')]]), idea(2, 1), idea(3, 2)], session);
		expect(result.complete).toBe(false);
		expect(result.warnings).toEqual([{ code: 'unavailable', ideaId: 1 }]);
		expect(result.order).toEqual([2, 1, 3]);
	});

	it('needs augmenting: the first fit for one idea is the only fit for another', () => {
		// Idea 1 can make 09:00 or 09:30; idea 2 only 09:00 (away from 09:30).
		const result = planSession([idea(1, 1, [[at('10:00'), at('11:00')]]), idea(2, 1, [[at('09:30'), at('11:00')]])], {
			...session,
			breaks: []
		});
		expect(result.order).toEqual([2, 1]);
		expect(result.complete).toBe(true);
	});

	it('is deterministic: the same ideas in any input order give the same plan', () => {
		const ideas = [idea(9, 3), idea(2, 1, [[at('09:00'), at('09:30')]]), idea(4, 3), idea(6, 1), idea(5, null)];
		const a = planSession(ideas, session);
		const b = planSession([...ideas].reverse(), session);
		expect(b).toEqual(a);
		expect(a.order).toEqual([6, 2, 4, 9, 5]);
	});

	it('plans nothing for no ideas', () => {
		const result = planSession([idea(1, 1, [], false)], session);
		expect(result).toMatchObject({ order: [], items: [], notReady: [1], warnings: [], complete: true });
	});
});

describe('juryShort', () => {
	it('warns when fewer than 2 jurors or fewer than half the jury are free of conflicts', () => {
		expect(juryShort(5, 0)).toBe(false);
		expect(juryShort(5, 2)).toBe(false); // 3 of 5 free
		expect(juryShort(5, 3)).toBe(true); // 2 of 5 free: fewer than half
		expect(juryShort(4, 2)).toBe(false); // 2 of 4: exactly half
		expect(juryShort(3, 2)).toBe(true); // 1 free
		expect(juryShort(2, 0)).toBe(false);
		expect(juryShort(1, 0)).toBe(true); // a jury of one is always short
		expect(juryShort(0, 0)).toBe(true);
	});
});

describe('moveItem', () => {
	it('swaps with a neighbour, or moves to a position', () => {
		expect(moveItem([1, 2, 3, 4], 2, 'later')).toEqual([1, 3, 2, 4]);
		expect(moveItem([1, 2, 3, 4], 2, 'earlier')).toEqual([2, 1, 3, 4]);
		expect(moveItem([1, 2, 3, 4], 1, 4)).toEqual([2, 3, 4, 1]);
		expect(moveItem([1, 2, 3, 4], 4, 2)).toEqual([1, 4, 2, 3]);
	});
	it('does not move past either end or an unknown item', () => {
		expect(moveItem([1, 2], 1, 'earlier')).toEqual([1, 2]);
		expect(moveItem([1, 2], 2, 'later')).toEqual([1, 2]);
		expect(moveItem([1, 2], 2, 99)).toEqual([1, 2]);
		expect(moveItem([1, 2], 7, 'later')).toEqual([1, 2]);
	});
});
