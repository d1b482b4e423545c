import { describe, expect, it } from 'vitest';
import { formatDay, formatRange, formatTime } from './format';

describe('printout times (Amsterdam)', () => {
	it('writes a time in Amsterdam, winter and summer', () => {
		expect(formatTime('2026-12-08T08:00:00Z', 'en')).toBe('09:00');
		expect(formatTime('2026-06-08T08:00:00Z', 'nl')).toBe('10:00');
	});

	it('writes the day in full in both languages', () => {
		expect(formatDay('2026-12-08T08:00:00Z', 'en')).toBe('Tuesday, 8 December 2026');
		expect(formatDay('2026-12-08T08:00:00Z', 'nl')).toBe('dinsdag 8 december 2026');
	});

	it('writes a range within a day once, and both ends when it crosses midnight (Amsterdam)', () => {
		expect(formatRange('2026-12-08T09:00:00Z', '2026-12-08T09:20:00Z', 'en')).toBe('8 Dec 2026, 10:00–10:20');
		// 23:30 to 00:30 Amsterdam: two days.
		expect(formatRange('2026-12-08T22:30:00Z', '2026-12-08T23:30:00Z', 'en')).toBe('8 Dec 2026, 23:30 – 9 Dec 2026, 00:30');
	});
});
