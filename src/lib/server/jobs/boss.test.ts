import { describe, expect, it } from 'vitest';
import { checkMailSchedule, describeMail, retryOnDeadlock } from './boss.js';

describe('describeMail', () => {
	it('names the SMTP server without its user or password', () => {
		const line = describeMail({ smtpUrl: 'smtp://mailer:s3cret-pass@mail.example.com:587' }, true);
		expect(line).toBe('IdeaCup: e-mail over SMTP smtp://mail.example.com:587');
		expect(line).not.toContain('s3cret');
		expect(line).not.toContain('mailer');
	});

	it('says where mail waits without SMTP, and when this instance runs no jobs', () => {
		expect(describeMail({ smtpUrl: undefined }, true)).toBe(
			'IdeaCup: e-mail: no SMTP server (SMTP_URL): mail waits in the outbox (/admin/mail)'
		);
		expect(describeMail({ smtpUrl: 'smtps://mail.example.com' }, false)).toBe(
			'IdeaCup: e-mail over SMTP smtps://mail.example.com; this instance runs no background jobs (RUN_JOBS=false)'
		);
	});
});

describe('checkMailSchedule', () => {
	it('accepts a cron expression in a time zone', () => {
		expect(() => checkMailSchedule({ digestCron: '30 6 * * 1-5', timeZone: 'Europe/Amsterdam' })).not.toThrow();
	});

	it('refuses a wrong cron expression or time zone with the setting named', () => {
		expect(() => checkMailSchedule({ digestCron: 'daily at 7', timeZone: 'UTC' })).toThrow(
			/^DIGEST_CRON: daily at 7 is not a cron expression/
		);
		expect(() => checkMailSchedule({ digestCron: '0 7 * * *', timeZone: 'Europe/Nowhere' })).toThrow(
			'MAIL_TIME_ZONE: Europe/Nowhere is not a time zone (e.g. Europe/Amsterdam)'
		);
	});
});

describe('retryOnDeadlock', () => {
	const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

	it('tries again after a deadlock and returns what the next try gives', async () => {
		let calls = 0;
		const result = await retryOnDeadlock(
			() => {
				calls++;
				return calls < 3 ? Promise.reject(deadlock()) : Promise.resolve('created');
			},
			5,
			1
		);
		expect(result).toBe('created');
		expect(calls).toBe(3);
	});

	it('throws any other error at once, and a deadlock after the last attempt', async () => {
		let calls = 0;
		const other = Object.assign(new Error('permission denied'), { code: '42501' });
		await expect(
			retryOnDeadlock(() => {
				calls++;
				return Promise.reject(other);
			})
		).rejects.toBe(other);
		expect(calls).toBe(1);
		calls = 0;
		await expect(
			retryOnDeadlock(
				() => {
					calls++;
					return Promise.reject(deadlock());
				},
				3,
				1
			)
		).rejects.toThrow('deadlock detected');
		expect(calls).toBe(3);
	});
});
