/**
 * The portal's background work as pg-boss queues: what each one runs, when, and how it is
 * retried. Every handler is idempotent, so a job retried after a crash does no harm twice:
 * delivery claims its outbox rows, a digest marks the notifications it took, a reminder
 * inserts its key before it notifies.
 */
import type { AppConfig } from '../config.js';
import type { Database } from '../db/index.js';
import { deliverDue } from '../mail/delivery.js';
import { makeDigests } from '../mail/digest.js';
import type { MailTransport } from '../mail/transport.js';
import { runReminders } from '../reminders/reminders.service.js';

export const QUEUE_NAMES = ['mail-deliver', 'mail-digest', 'reminders'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const QUEUE_POLICY = 'short' as const;

export type QueueSpec = {
	name: QueueName;
	/** When pg-boss sends a job of its own (one per tick, whichever instance sees it first). */
	cron: string;
	/** The cron expression's time zone. */
	tz: string;
	retryLimit: number;
	/** Seconds before the first retry; doubled (with jitter) for each next one. */
	retryDelay: number;
	/** A job still active after this long is taken for crashed, failed and retried. */
	expireInSeconds: number;
};

/**
 * The three queues. Each is 'short': at most one job waits, so a burst of "mail queued"
 * kicks and the minute's sweep coalesce into one delivery run. Not 'stately' (one waiting and
 * one running): pg-boss 10 enforces that with a unique index that a second worker's fetch,
 * or expiring a crashed job while another waits to retry, runs into (pg-boss issues #492,
 * #535), and then the queue stalls. Two runs at once are safe: delivery claims its rows with
 * SKIP LOCKED, digests and reminders mark what they took.
 */
export function queueSpecs(mail: Pick<AppConfig['mail'], 'digestCron' | 'timeZone'>): QueueSpec[] {
	return [
		// The sweep: mail whose retry time came, and anything a lost kick left behind.
		{ name: 'mail-deliver', cron: '* * * * *', tz: 'UTC', retryLimit: 3, retryDelay: 30, expireInSeconds: 300 },
		{ name: 'mail-digest', cron: mail.digestCron, tz: mail.timeZone, retryLimit: 5, retryDelay: 60, expireInSeconds: 600 },
		{ name: 'reminders', cron: '*/15 * * * *', tz: mail.timeZone, retryLimit: 3, retryDelay: 60, expireInSeconds: 300 }
	];
}

/** What each queue's job does; its result is kept as the job's output (the admin page shows it). */
export type JobHandlers = Record<QueueName, () => Promise<Record<string, number>>>;

export type HandlerContext = {
	db: Database;
	/** null: no SMTP server configured; mail stays in the outbox. */
	transport: MailTransport | null;
	origin: string;
	secret: string;
	/** MAIL_FROM: the organizer of the calendar invitations mail carries. */
	from?: string;
	/** Who claims outbox rows: the instance's name and process id. */
	worker: string;
	/** Asks for a delivery run (a 'mail-deliver' job). */
	requestDelivery: () => Promise<void>;
};

/** Messages per delivery run; a run that reaches it asks for another, so a big digest morning keeps going. */
export const DELIVERY_BATCH = 5000;

export function portalHandlers(ctx: HandlerContext): JobHandlers {
	return {
		'mail-deliver': async () => {
			const done = await deliverDue(ctx.db, ctx.transport, {
				origin: ctx.origin,
				secret: ctx.secret,
				from: ctx.from,
				worker: ctx.worker,
				limit: DELIVERY_BATCH
			});
			if (done.sent + done.failed + done.retrying >= DELIVERY_BATCH) await ctx.requestDelivery();
			return done;
		},
		'mail-digest': async () => {
			const made = await makeDigests(ctx.db);
			if (made.messages > 0) await ctx.requestDelivery();
			return made;
		},
		reminders: () => runReminders(ctx.db)
	};
}
