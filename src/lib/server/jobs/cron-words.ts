/**
 * A queue's cron expression as the admin page says it: the portal's own schedules in words
 * ("every minute", "every 15 minutes", "daily at 07:00"), anything else as the expression.
 *
 * Example: `0 7 * * *` -> `{ kind: 'daily', time: '07:00' }`; `30 6 * * 1-5` -> `{ kind: 'cron' }`.
 */
export type CronWords =
	| { kind: 'everyMinute' }
	| { kind: 'everyMinutes'; minutes: number }
	| { kind: 'hourly'; minute: number }
	| { kind: 'daily'; time: string }
	| { kind: 'cron' };

const NUMBER = /^\d{1,2}$/;

export function cronWords(cron: string): CronWords {
	const fields = cron.trim().split(/\s+/);
	if (fields.length !== 5) return { kind: 'cron' };
	const [minute, hour, day, month, weekday] = fields;
	if (day !== '*' || month !== '*' || weekday !== '*') return { kind: 'cron' };
	if (hour === '*') {
		if (minute === '*') return { kind: 'everyMinute' };
		const step = /^\*\/(\d{1,2})$/.exec(minute);
		if (step && Number(step[1]) > 0 && Number(step[1]) < 60) return { kind: 'everyMinutes', minutes: Number(step[1]) };
		if (NUMBER.test(minute) && Number(minute) < 60) return { kind: 'hourly', minute: Number(minute) };
		return { kind: 'cron' };
	}
	if (NUMBER.test(minute) && NUMBER.test(hour) && Number(minute) < 60 && Number(hour) < 24) {
		return { kind: 'daily', time: `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` };
	}
	return { kind: 'cron' };
}
