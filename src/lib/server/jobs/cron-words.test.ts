import { describe, expect, it } from 'vitest';
import { cronWords } from './cron-words.js';

describe('cronWords', () => {
	it('says the portal’s own schedules in words', () => {
		expect(cronWords('* * * * *')).toEqual({ kind: 'everyMinute' });
		expect(cronWords('*/15 * * * *')).toEqual({ kind: 'everyMinutes', minutes: 15 });
		expect(cronWords('0 7 * * *')).toEqual({ kind: 'daily', time: '07:00' });
		expect(cronWords(' 30  18 * * * ')).toEqual({ kind: 'daily', time: '18:30' });
		expect(cronWords('5 * * * *')).toEqual({ kind: 'hourly', minute: 5 });
	});

	it('leaves anything else as the expression', () => {
		expect(cronWords('30 6 * * 1-5')).toEqual({ kind: 'cron' });
		expect(cronWords('0 7 1 * *')).toEqual({ kind: 'cron' });
		expect(cronWords('*/0 * * * *')).toEqual({ kind: 'cron' });
		expect(cronWords('0 24 * * *')).toEqual({ kind: 'cron' });
		expect(cronWords('0 7,19 * * *')).toEqual({ kind: 'cron' });
		expect(cronWords('0 7 * *')).toEqual({ kind: 'cron' });
	});
});
