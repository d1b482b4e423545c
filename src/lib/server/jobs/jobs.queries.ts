/**
 * What the admin jobs page reads from pg-boss's own tables (schema `pgboss`): jobs waiting,
 * running and done are in `job` (failed ones stay there a week, retryable), finished ones
 * move to `archive` after 12 hours; `schedule` holds each queue's cron.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { QueueName } from './queues.js';

export type QueueRow = {
	name: QueueName;
	cron: string | null;
	timezone: string | null;
	waiting: number;
	active: number;
	failedWeek: number;
	lastState: string | null;
	lastStartedOn: Date | null;
	lastCompletedOn: Date | null;
	lastOutput: unknown;
};

export type FailureRow = {
	id: string;
	name: QueueName;
	output: unknown;
	retryCount: number;
	startedOn: Date | null;
	completedOn: Date | null;
};

export type JobsPageRows = { queues: QueueRow[]; failures: FailureRow[]; outbox: { queued: number; failed: number } };

type Row = Omit<QueueRow, 'name'> & {
	name: QueueName | null;
	outboxQueued: number;
	outboxFailed: number;
	failures: Array<Omit<FailureRow, 'startedOn' | 'completedOn'> & { startedOn: string | null; completedOn: string | null }>;
};

/**
 * The admin jobs page in one statement: each queue with its schedule, counts (waiting,
 * running, failed in the last 7 days) and its last run (the newest started job, live or
 * archived); the failed jobs of the last 7 days that can still be retried (newest 50, as
 * JSON); the outbox's counts.
 */
export async function readJobsPage(db: Db, names: readonly QueueName[]): Promise<JobsPageRows> {
	const { rows } = await sql<Row>`
		WITH outbox AS (
			SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS outbox_queued,
				count(*) FILTER (WHERE status = 'failed')::int AS outbox_failed
			FROM mail_outbox
		), failures AS (
			SELECT coalesce(json_agg(f ORDER BY f."completedOn" DESC), '[]'::json) AS failures
			FROM (
				SELECT id::text AS id, name, output, retry_count AS "retryCount", started_on AS "startedOn", completed_on AS "completedOn"
				FROM pgboss.job
				WHERE name IN (${sql.join(names)}) AND state = 'failed' AND completed_on > now() - interval '7 days'
				ORDER BY completed_on DESC
				LIMIT 50
			) f
		)
		SELECT q.name, s.cron, s.timezone,
			(SELECT count(*)::int FROM pgboss.job j WHERE j.name = q.name AND j.state IN ('created', 'retry')) AS waiting,
			(SELECT count(*)::int FROM pgboss.job j WHERE j.name = q.name AND j.state = 'active') AS active,
			(SELECT count(*)::int FROM (
				SELECT 1 FROM pgboss.job j WHERE j.name = q.name AND j.state = 'failed' AND j.completed_on > now() - interval '7 days'
				UNION ALL
				SELECT 1 FROM pgboss.archive a WHERE a.name = q.name AND a.state = 'failed' AND a.completed_on > now() - interval '7 days'
			) f) AS failed_week,
			l.state::text AS last_state, l.started_on AS last_started_on, l.completed_on AS last_completed_on, l.output AS last_output,
			outbox.outbox_queued, outbox.outbox_failed, failures.failures
		FROM outbox
		CROSS JOIN failures
		LEFT JOIN pgboss.queue q ON q.name IN (${sql.join(names)})
		LEFT JOIN pgboss.schedule s ON s.name = q.name
		LEFT JOIN LATERAL (
			SELECT * FROM (
				(SELECT state, started_on, completed_on, output FROM pgboss.job j
					WHERE j.name = q.name AND j.started_on IS NOT NULL ORDER BY j.started_on DESC LIMIT 1)
				UNION ALL
				(SELECT state, started_on, completed_on, output FROM pgboss.archive a
					WHERE a.name = q.name AND a.started_on IS NOT NULL ORDER BY a.started_on DESC LIMIT 1)
			) runs ORDER BY started_on DESC LIMIT 1
		) l ON true
	`.execute(db);
	const date = (v: string | null) => (v === null ? null : new Date(v));
	return {
		queues: rows.filter((r): r is Row & { name: QueueName } => r.name !== null),
		failures: (rows[0]?.failures ?? []).map((f) => ({ ...f, startedOn: date(f.startedOn), completedOn: date(f.completedOn) })),
		outbox: { queued: rows[0]?.outboxQueued ?? 0, failed: rows[0]?.outboxFailed ?? 0 }
	};
}

/**
 * Puts a failed job back in line with one more attempt (as pg-boss's retry does). Not when
 * another of its queue already waits for a retry: the queue holds one at a time. The number
 * of jobs put back (0 or 1).
 */
export async function retryFailedJob(db: Db, name: QueueName, id: string): Promise<number> {
	const { rows } = await sql<{ id: string }>`
		UPDATE pgboss.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now()
		WHERE name = ${name} AND id = ${id}::uuid AND state = 'failed'
			AND NOT EXISTS (SELECT 1 FROM pgboss.job w WHERE w.name = ${name} AND w.state = 'retry')
		RETURNING id::text
	`.execute(db);
	return rows.length;
}
