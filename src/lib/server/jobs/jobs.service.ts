/**
 * The admin jobs page: each queue's schedule, last and next run and counts, the failures with
 * their error and a retry, "run now", and the outbox's counts. Admins only; both writes audited.
 */
import { CronExpressionParser } from 'cron-parser';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { cronWords, type CronWords } from './cron-words.js';
import { readJobsPage, retryFailedJob } from './jobs.queries.js';
import { QUEUE_NAMES, queueSpecs, type QueueName } from './queues.js';
import type { RetryJobInput } from './jobs.schema.js';

export type QueueOverview = {
	name: QueueName;
	cron: string;
	timeZone: string;
	words: CronWords;
	nextRun: Date | null;
	lastRun: {
		state: string;
		startedOn: Date;
		completedOn: Date | null;
		durationMs: number | null;
		result: Record<string, number> | null;
	} | null;
	waiting: number;
	active: number;
	failedWeek: number;
};

export type JobFailure = { id: string; queue: QueueName; error: string; attempts: number; failedAt: Date | null };

export type JobsOverview = {
	queues: QueueOverview[];
	failures: JobFailure[];
	outbox: { queued: number; failed: number };
};

/** One statement: the queues, the failures and the outbox's counts. */
export async function listJobs(
	db: Database,
	actor: Actor,
	mail: Pick<AppConfig['mail'], 'digestCron' | 'timeZone'>,
	now = new Date()
): Promise<JobsOverview> {
	if (!can(actor, 'admin.jobs')) throw notFound();
	const { queues: rows, failures, outbox } = await readJobsPage(db, QUEUE_NAMES);
	// Schedules as stored by the instances that run jobs; the configured ones until one has.
	const configured = new Map(queueSpecs(mail).map((s) => [s.name, s]));
	const byName = new Map(rows.map((r) => [r.name, r]));
	const queues = QUEUE_NAMES.map((name): QueueOverview => {
		const row = byName.get(name);
		const cron = row?.cron ?? configured.get(name)!.cron;
		const timeZone = row?.timezone ?? configured.get(name)!.tz;
		return {
			name,
			cron,
			timeZone,
			words: cronWords(cron),
			nextRun: nextRun(cron, timeZone, now),
			lastRun:
				row?.lastState && row.lastStartedOn
					? {
							state: row.lastState,
							startedOn: row.lastStartedOn,
							completedOn: row.lastCompletedOn,
							durationMs: row.lastCompletedOn ? row.lastCompletedOn.getTime() - row.lastStartedOn.getTime() : null,
							result: row.lastState === 'completed' ? counts(row.lastOutput) : null
						}
					: null,
			waiting: row?.waiting ?? 0,
			active: row?.active ?? 0,
			failedWeek: row?.failedWeek ?? 0
		};
	});
	return {
		queues,
		failures: failures.map((f) => ({
			id: f.id,
			queue: f.name,
			error: errorText(f.output),
			attempts: f.retryCount + 1,
			failedAt: f.completedOn
		})),
		outbox
	};
}

/** Puts a failed job back in line; audited `jobs.retry`. */
export async function retryJob(db: Database, actor: Actor, input: RetryJobInput): Promise<void> {
	if (!can(actor, 'admin.jobs')) throw notFound();
	await db.transaction().execute(async (trx) => {
		const retried = await retryFailedJob(trx, input.queue, input.jobId);
		if (!retried) throw new DomainError('jobs_not_retryable', 'This job is not failed, or its queue already has a retry waiting.', 409);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'jobs.retry',
			objectType: 'job',
			objectId: input.jobId,
			data: { queue: input.queue }
		});
	});
}

/**
 * Sends a job to a queue now ("Run now"); audited `jobs.run`. `queued` is false when one
 * already waits (a queue holds one waiting job: the waiting one will do the work).
 */
export async function runJobNow(
	db: Database,
	actor: Actor,
	queue: QueueName,
	send: ((queue: QueueName) => Promise<string | null>) | undefined
): Promise<{ queued: boolean }> {
	if (!can(actor, 'admin.jobs')) throw notFound();
	if (!send) throw new DomainError('jobs_not_running', 'The job queue is not running on this instance.', 409);
	const id = await send(queue);
	await recordAudit(db, { actorId: actor.id, action: 'jobs.run', objectType: 'job_queue', objectId: queue, data: { jobId: id } });
	return { queued: id !== null };
}

function nextRun(cron: string, tz: string, now: Date): Date | null {
	try {
		return CronExpressionParser.parse(cron, { tz, currentDate: now }).next().toDate();
	} catch {
		return null;
	}
}

/** A handler's result as kept by pg-boss (`{ sent: 3, failed: 0 }`); anything else is not shown. */
function counts(output: unknown): Record<string, number> | null {
	if (!output || typeof output !== 'object' || Array.isArray(output)) return null;
	const entries = Object.entries(output).filter((e): e is [string, number] => typeof e[1] === 'number');
	return entries.length ? Object.fromEntries(entries) : null;
}

/** The error pg-boss kept for a failed job: a thrown error's message, or its timeout's. */
export function errorText(output: unknown): string {
	const o = output as { message?: unknown; value?: { message?: unknown } } | null;
	const message =
		typeof o?.message === 'string' ? o.message : typeof o?.value?.message === 'string' ? o.value.message : JSON.stringify(output ?? null);
	return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}
