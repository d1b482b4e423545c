import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDecimal, formatFileSize } from './format';

describe('format', () => {
	it('formats dates in the page language, from cached formatters', () => {
		expect(formatDate('2026-03-09T10:00:00Z', 'en')).toBe('9 Mar 2026');
		expect(formatDate('2026-03-09T10:00:00Z', 'nl')).toBe('9 mrt 2026');
		expect(formatDate(null, 'en')).toBe('');
		// 10:00 UTC is 11:00 in Amsterdam in March (winter time).
		expect(formatDateTime('2026-03-09T10:00:00Z', 'en')).toBe('9 Mar 2026, 11:00');
		expect(formatDate('2026-03-10T10:00:00Z', 'en')).toBe('10 Mar 2026');
	});

	it('formats numbers and sizes in the locale notation', () => {
		expect(formatDecimal(1250.5, 'en')).toBe('1,250.5');
		expect(formatDecimal(1250.5, 'nl')).toBe('1.250,5');
		expect(formatFileSize(740, 'en')).toBe('740 byte');
		expect(formatFileSize(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
		expect(formatFileSize(12 * 1024, 'en')).toBe('12 kB');
	});

	it('builds no new formatter per call', () => {
		const before = process.memoryUsage().rss;
		for (let i = 0; i < 20_000; i++) formatDateTime(new Date(i * 60_000), i % 2 ? 'nl' : 'en');
		// A new Intl.DateTimeFormat per call grew the process by ~250 MB for 20,000 calls.
		expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
	});
});
