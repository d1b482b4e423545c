import { describe, expect, it } from 'vitest';
import { answerDueOn, isOverdue, workingDaysBetween } from './response-time';

const d = (s: string) => new Date(s + 'T10:00:00Z');

describe('workingDaysBetween', () => {
	it('counts Monday to Friday only', () => {
		// Fri 20 Nov -> Mon 30 Nov: 23,24,25,26,27,30
		expect(workingDaysBetween(d('2026-11-20'), d('2026-11-30'))).toBe(6);
	});
	it('is zero on the same day and backwards', () => {
		expect(workingDaysBetween(d('2026-11-25'), d('2026-11-25'))).toBe(0);
		expect(workingDaysBetween(d('2026-11-25'), d('2026-11-20'))).toBe(0);
	});
	it('counts nothing over a weekend', () => {
		// Fri 27 -> Sun 29
		expect(workingDaysBetween(d('2026-11-27'), d('2026-11-29'))).toBe(0);
		// Sat 28 -> Mon 30
		expect(workingDaysBetween(d('2026-11-28'), d('2026-11-30'))).toBe(1);
	});
	it('counts full weeks as five', () => {
		expect(workingDaysBetween(d('2026-11-02'), d('2026-11-30'))).toBe(20);
		expect(workingDaysBetween(d('2026-11-04'), d('2026-11-18'))).toBe(10);
	});
	it('ignores the time of day', () => {
		expect(workingDaysBetween(new Date('2026-11-23T23:59:00Z'), new Date('2026-11-24T00:01:00Z'))).toBe(1);
	});
});

describe('isOverdue and answerDueOn', () => {
	it('is not overdue on the tenth working day, overdue on the eleventh', () => {
		// Wed 4 Nov + 10 working days = Wed 18 Nov
		expect(answerDueOn(d('2026-11-04'), 10).toISOString().slice(0, 10)).toBe('2026-11-18');
		expect(isOverdue(d('2026-11-04'), d('2026-11-18'), 10)).toBe(false);
		expect(isOverdue(d('2026-11-04'), d('2026-11-19'), 10)).toBe(true);
	});
	it('skips the weekend when the due day falls on it', () => {
		// Fri 20 Nov + 1 working day = Mon 23 Nov
		expect(answerDueOn(d('2026-11-20'), 1).toISOString().slice(0, 10)).toBe('2026-11-23');
	});
});
