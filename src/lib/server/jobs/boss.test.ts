import { describe, expect, it } from 'vitest';
import { checkMailSchedule, describeMail } from './boss.js';

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
