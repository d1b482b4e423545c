/**
 * The job runner: pg-boss 10 over the portal's own database, on PostgreSQL and on the
 * embedded PGlite alike, through pg-boss's `db` executor option (its statements go through
 * Kysely's pool; PGlite's pool has one connection, so polling is kept to every 2 s).
 *
 * Several instances may run it on one database: pg-boss sends one job per cron tick whichever
 * instance sees it, and workers claim jobs with SKIP LOCKED, so each job runs once. A job
 * whose instance died mid-run expires (its queue's expireInSeconds) and is retried.
 */
import { hostname } from 'node:os';
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { CronExpressionParser } from 'cron-parser';
import { ConfigError, type AppConfig } from '../config.js';
import type { Database } from '../db/index.js';
import { outsideStatementCount } from '../db/statement-count.js';
import { onMailQueued } from '../mail/signal.js';
import { createSmtpTransport } from '../mail/transport.js';
import { portalHandlers, QUEUE_NAMES, QUEUE_POLICY, queueSpecs, type JobHandlers, type QueueName } from './queues.js';

export const BOSS_SCHEMA = 'pgboss';

/** How often an idle worker asks for a job. */
const POLLING_SECONDS = 2;
/** A request that queued mail asks for delivery this long after (its transaction has committed by then). */
const KICK_DELAY_MS = 1000;
/** Failed jobs stay retryable (in pgboss.job) for a week before pg-boss archives them. */
const KEEP_FAILED_SECONDS = 7 * 24 * 3600;

/**
 * pg-boss's statements through Kysely, without the CamelCasePlugin (pg-boss reads its own
 * snake_case columns). Without values pg uses the simple protocol, so pg-boss's multi-statement
 * migrations and maintenance (BEGIN; ...; COMMIT) go through as one call on one connection.
 * When such a statement fails half-way (a deadlock between instances creating the same queue),
 * PostgreSQL skips the rest, COMMIT included, and the connection would go back to the pool inside
 * an aborted transaction, failing whatever ran on it next: it is rolled back first, on the same
 * connection.
 */
export function bossExecutor(db: Database): PgBoss.Db & { pending(): number } {
	const raw = db.withoutPlugins();
	let pending = 0;
	return {
		async executeSql(text: string, values?: unknown[]) {
			pending++;
			try {
				const query = CompiledQuery.raw(text, values ?? []);
				if (!OPENS_TRANSACTION.test(text)) return { rows: (await raw.executeQuery(query)).rows };
				return await raw.connection().execute(async (conn) => {
					try {
						return { rows: (await conn.executeQuery(query)).rows };
					} catch (error) {
						await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
						throw error;
					}
				});
			} finally {
				pending--;
			}
		},
		pending: () => pending
	};
}

const OPENS_TRANSACTION = /^\s*BEGIN\b/i;

/** PostgreSQL's "deadlock detected" (SQLSTATE 40P01). */
export function isDeadlock(error: unknown): boolean {
	return (error as { code?: unknown } | null)?.code === '40P01';
}

/**
 * Runs `work`, and again (up to `attempts` times, after a short random pause) when PostgreSQL
 * ended it as a deadlock: the other side went through, so the next try finds its work done or
 * does it alone. Any other error is thrown at once.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5, pauseMs = 200): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			if (!isDeadlock(error) || attempt >= attempts) throw error;
			await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt * (0.5 + Math.random())));
		}
	}
}

/** A pg-boss instance on the portal's database; `start()` is the caller's. */
export function createBoss(db: Database, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
	const boss = new PgBoss({
		db: options.db ?? bossExecutor(db),
		schema: BOSS_SCHEMA,
		archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
		...options
	});
	boss.on('error', (error: Error) => console.error(`[jobs] ${error.message}`));
	return boss;
}

export type JobsConfig = {
	mail: AppConfig['mail'];
	origin: string;
	authSecret: string;
	instanceName?: string;
	/** false (RUN_JOBS=false): this instance runs no jobs and no schedules; it still asks for delivery. */
	workers?: boolean;
};

export type JobsHandle = {
	boss: PgBoss;
	/** Whether this instance works the queues. */
	workers: boolean;
	/** Sends a job now ("Run now", the delivery kick); null when one already waits. */
	send(queue: QueueName): Promise<string | null>;
	/** Stops the workers, letting a running job finish for a few seconds. */
	stop(): Promise<void>;
};

export type JobsOptions = {
	/** Replaces handlers (tests). */
	handlers?: Partial<JobHandlers>;
	pollingIntervalSeconds?: number;
	kickDelayMs?: number;
	/** Further pg-boss options (tests: faster maintenance). */
	boss?: Partial<PgBoss.ConstructorOptions>;
	/** Other cron expressions per queue (tests: a tick now, or none soon). */
	crons?: Partial<Record<QueueName, string>>;
	/** Listen for mailQueued() (default true; a second runner in a test may not). */
	listen?: boolean;
};

/**
 * Starts pg-boss (installing or migrating its schema on first use), creates the queues, and,
 * on an instance that runs jobs, their schedules and workers; listens for queued mail.
 */
export async function startJobs(db: Database, cfg: JobsConfig, options: JobsOptions = {}): Promise<JobsHandle> {
	checkMailSchedule(cfg.mail);
	const workers = cfg.workers ?? true;
	const executor = bossExecutor(db);
	const boss = createBoss(db, { db: executor, supervise: workers, schedule: workers, ...options.boss });
	await retryOnDeadlock(() => boss.start());
	const specs = queueSpecs(cfg.mail).map((spec) => ({ ...spec, cron: options.crons?.[spec.name] ?? spec.cron }));
	for (const spec of specs) {
		const queue = {
			name: spec.name,
			policy: QUEUE_POLICY,
			retryLimit: spec.retryLimit,
			retryDelay: spec.retryDelay,
			retryBackoff: true
		};
		// Instances starting together create the same queues at once; PostgreSQL may end one of
		// them as a deadlock (pgboss.create_queue locks and creates a table): that one tries again.
		await retryOnDeadlock(() => boss.createQueue(spec.name, { ...queue, expireInSeconds: spec.expireInSeconds }));
		await retryOnDeadlock(() => boss.updateQueue(spec.name, { ...queue, expireInSeconds: spec.expireInSeconds }));
	}

	const send = (queue: QueueName) => boss.send(queue, {});
	let stopping = false;
	const transport = workers && cfg.mail.smtpUrl ? createSmtpTransport(cfg.mail.smtpUrl, cfg.mail.from) : null;
	if (workers) {
		const handlers: JobHandlers = {
			...portalHandlers({
				db,
				transport,
				origin: cfg.origin,
				secret: cfg.authSecret,
				from: cfg.mail.from,
				worker: `${cfg.instanceName ?? hostname()}:${process.pid}`,
				requestDelivery: async () => {
					await send('mail-deliver');
				}
			}),
			...options.handlers
		};
		for (const spec of specs) {
			await boss.schedule(spec.name, spec.cron, {}, { tz: spec.tz });
			await boss.work(spec.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? POLLING_SECONDS }, () => {
				// A fetch still under way when stop began can hand a job over afterwards: it goes back (retried later).
				if (stopping) return Promise.reject(new Error('this server is shutting down'));
				return handlers[spec.name]();
			});
		}
	}

	let kick: NodeJS.Timeout | null = null;
	const listen = options.listen ?? true;
	if (listen) {
		onMailQueued(() => {
			if (kick) return;
			// Created outside the request's statement count: the send is not the request's statement.
			kick = outsideStatementCount(() =>
				setTimeout(() => {
					kick = null;
					send('mail-deliver').catch((error: Error) => console.error(`[jobs] asking for delivery: ${error.message}`));
				}, options.kickDelayMs ?? KICK_DELAY_MS)
			);
		});
	}

	return {
		boss,
		workers,
		send,
		async stop() {
			if (listen) onMailQueued(null);
			if (kick) clearTimeout(kick);
			kick = null;
			stopping = true;
			await boss.stop({ graceful: true, timeout: 5000, wait: true, close: false });
			// pg-boss's last statements (a fetch under way, its job handed back) before the database closes.
			for (let quiet = 0, waited = 0; quiet < 3 && waited < 5000; waited += 25) {
				quiet = executor.pending() ? 0 : quiet + 1;
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
			transport?.close();
		}
	};
}

/** DIGEST_CRON and MAIL_TIME_ZONE as the operator reads a mistake: one line, at start. */
export function checkMailSchedule(mail: Pick<AppConfig['mail'], 'digestCron' | 'timeZone'>): void {
	try {
		new Intl.DateTimeFormat('en', { timeZone: mail.timeZone });
	} catch {
		throw new ConfigError(`MAIL_TIME_ZONE: ${mail.timeZone} is not a time zone (e.g. Europe/Amsterdam)`);
	}
	try {
		CronExpressionParser.parse(mail.digestCron, { tz: mail.timeZone });
	} catch (error) {
		throw new ConfigError(
			`DIGEST_CRON: ${mail.digestCron} is not a cron expression (e.g. 0 7 * * * for 07:00 every day): ${(error as Error).message}`
		);
	}
}

/** The start-up line about e-mail, without the SMTP password. */
export function describeMail(mail: Pick<AppConfig['mail'], 'smtpUrl'>, workers: boolean): string {
	const jobs = workers ? '' : '; this instance runs no background jobs (RUN_JOBS=false)';
	if (!mail.smtpUrl) return `IdeaCup: e-mail: no SMTP server (SMTP_URL): mail waits in the outbox (/admin/mail)${jobs}`;
	const url = new URL(mail.smtpUrl);
	return `IdeaCup: e-mail over SMTP ${url.protocol}//${url.host}${jobs}`;
}

export { QUEUE_NAMES };
