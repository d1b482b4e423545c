import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { GROUP_DEFAULTS, kindsOfGroup, MAIL_GROUPS, type MailGroup } from './kinds.js';

/**
 * Stores 'off' for the person's groups; with `onlyWhereDigest`, only for those whose delivery
 * (stored, or the group's default) is the digest. What of those groups still waits for the
 * next digest is taken out of it (its `mail` becomes 'off'): after "Stop these e-mails" no
 * further digest brings them. One statement; an unknown person changes nothing.
 */
export async function turnGroupsOff(db: Db, userId: number, groups: MailGroup[], options: { onlyWhereDigest: boolean }): Promise<void> {
	const defaults = groups.map((g) => GROUP_DEFAULTS[g]);
	const kinds = MAIL_GROUPS.flatMap((g) => kindsOfGroup(g).map((kind) => ({ kind, group: g })));
	await sql`
		WITH turned AS (
			INSERT INTO mail_preference (user_id, kind_group, delivery, updated_at)
			SELECT u.id, g.kind_group, 'off', now()
			FROM app_user u
			CROSS JOIN unnest(${groups}::text[], ${defaults}::text[]) AS g(kind_group, default_delivery)
			LEFT JOIN mail_preference p ON p.user_id = u.id AND p.kind_group = g.kind_group
			WHERE u.id = ${userId}
				AND (NOT ${options.onlyWhereDigest}::boolean OR coalesce(p.delivery, g.default_delivery) = 'digest')
			ON CONFLICT (user_id, kind_group) DO UPDATE SET delivery = 'off', updated_at = now()
			RETURNING kind_group
		)
		UPDATE notification n SET mail = 'off'
		FROM (
			SELECT n2.id
			FROM notification n2
			LEFT JOIN unnest(${kinds.map((k) => k.kind)}::text[], ${kinds.map((k) => k.group)}::text[]) AS k(kind, kind_group)
				ON k.kind = n2.kind
			WHERE n2.user_id = ${userId} AND n2.mail = 'digest' AND n2.emailed_at IS NULL
				AND coalesce(k.kind_group, 'news') IN (SELECT kind_group FROM turned)
		) waiting
		WHERE n.id = waiting.id`.execute(db);
}

export type ClaimedMail = {
	id: number;
	userId: number;
	kind: 'notification' | 'digest';
	attempts: number;
	name: string;
	email: string;
	locale: string;
	disabled: boolean;
	/** In the order they happened; empty when they no longer exist. */
	notifications: Array<{ id: number; kind: string; params: unknown; link: string | null; createdAt: string }>;
};

/**
 * Claims up to `batch` due messages for `worker` in one statement: queued ones whose time has
 * come, and 'sending' ones whose lease ran out (their worker died). Rows another worker is
 * claiming right now are skipped (SKIP LOCKED), and a row claimed and committed meanwhile no
 * longer matches when PostgreSQL re-reads it, so no row goes to two workers. Each claimed
 * row: 'sending', leased for `leaseMinutes`, one attempt more; returned with its recipient and
 * notifications. `now` null: the database's clock.
 */
export async function claimDueMail(
	db: Db,
	options: { worker: string; now: Date | null; batch: number; leaseMinutes: number }
): Promise<ClaimedMail[]> {
	const { rows } = await sql<ClaimedMail>`
		WITH clock AS (
			SELECT coalesce(${options.now}::timestamptz, now()) AS now
		), due AS (
			SELECT o.id
			FROM mail_outbox o, clock
			WHERE o.status IN ('queued', 'sending')
				AND o.next_attempt_at <= clock.now
				AND (o.status = 'queued' OR o.locked_until < clock.now)
			ORDER BY o.next_attempt_at, o.id
			LIMIT ${options.batch}
			FOR UPDATE OF o SKIP LOCKED
		), claimed AS (
			UPDATE mail_outbox o
			SET status = 'sending', locked_by = ${options.worker},
				locked_until = clock.now + make_interval(mins => ${options.leaseMinutes}::int), attempts = o.attempts + 1
			FROM due, clock
			WHERE o.id = due.id
			RETURNING o.id, o.user_id, o.kind, o.attempts, o.notification_ids
		)
		SELECT c.id, c.user_id, c.kind, c.attempts, u.name, u.email, u.locale, u.disabled_at IS NOT NULL AS disabled,
			coalesce((
				SELECT jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'params', n.params, 'link', n.link, 'createdAt', n.created_at)
					ORDER BY n.created_at, n.id)
				FROM notification n
				WHERE n.id = ANY(c.notification_ids) AND n.user_id = c.user_id
			), '[]'::jsonb) AS notifications
		FROM claimed c
		JOIN app_user u ON u.id = c.user_id
		ORDER BY c.id`.execute(db);
	return rows;
}

export type MailOutcome = {
	id: number;
	status: 'sent' | 'queued' | 'failed';
	/** queued: minutes from now until the next attempt. */
	delayMinutes: number;
	lastError: string | null;
	toAddress: string | null;
	subject: string | null;
	messageId: string | null;
	/** true for a row handed back untried: its claim does not count as an attempt. */
	untried: boolean;
	/**
	 * false when the attempt does not count towards the six: a row handed back untried, or one
	 * whose server could not be reached (an outage, however long, never uses up a message's tries).
	 */
	counts: boolean;
};

/**
 * Records what became of claimed messages in one statement: sent (with when, to whom, the
 * subject and Message-ID), back in the queue (with the next attempt's time and the error), or
 * failed. Only rows still leased to `worker` change: a worker too slow for its lease, whose
 * rows another one took over, records nothing. Returns the rows changed, with their status.
 */
export async function recordMailOutcomes(
	db: Db,
	worker: string,
	now: Date | null,
	outcomes: MailOutcome[]
): Promise<Array<{ id: number; status: MailOutcome['status'] }>> {
	if (!outcomes.length) return [];
	const col = <K extends keyof MailOutcome>(key: K) => outcomes.map((o) => o[key]);
	const { rows } = await sql<{ id: number; status: MailOutcome['status'] }>`
		UPDATE mail_outbox o
		SET status = v.status,
			sent_at = CASE WHEN v.status = 'sent' THEN now() END,
			next_attempt_at = CASE WHEN v.status = 'queued'
				THEN coalesce(${now}::timestamptz, now()) + make_interval(mins => v.delay_minutes) ELSE o.next_attempt_at END,
			attempts = CASE WHEN v.counts THEN o.attempts ELSE greatest(o.attempts - 1, 0) END,
			last_error = coalesce(v.last_error, o.last_error),
			to_address = coalesce(v.to_address, o.to_address),
			subject = coalesce(v.subject, o.subject),
			message_id = coalesce(v.message_id, o.message_id),
			locked_until = NULL,
			locked_by = CASE WHEN v.status = 'sent' THEN o.locked_by END
		FROM unnest(
			${col('id')}::bigint[], ${col('status')}::text[], ${col('delayMinutes')}::int[], ${col('lastError')}::text[],
			${col('toAddress')}::text[], ${col('subject')}::text[], ${col('messageId')}::text[], ${col('counts')}::boolean[]
		) AS v(id, status, delay_minutes, last_error, to_address, subject, message_id, counts)
		WHERE o.id = v.id AND o.status = 'sending' AND o.locked_by = ${worker}
		RETURNING o.id, o.status`.execute(db);
	return rows;
}

/**
 * The daily digest, in one statement: every notification that waits for the digest (made with
 * mail 'digest', not yet e-mailed, made at or before `now`, of an enabled account) goes into
 * one outbox message per person, its ids in order, and is marked e-mailed. Rows another run
 * is taking are skipped (SKIP LOCKED) and a row taken meanwhile no longer matches when
 * re-read, so no notification lands in two digests.
 */
export async function queueDigests(db: Db, now: Date | null): Promise<{ messages: number; notifications: number }> {
	const { rows } = await sql<{ messages: number; notifications: number }>`
		WITH picked AS (
			SELECT n.id
			FROM notification n
			JOIN app_user u ON u.id = n.user_id AND u.disabled_at IS NULL
			WHERE n.mail = 'digest' AND n.emailed_at IS NULL AND n.created_at <= coalesce(${now}::timestamptz, now())
			FOR UPDATE OF n SKIP LOCKED
		), marked AS (
			UPDATE notification n SET emailed_at = now()
			FROM picked
			WHERE n.id = picked.id
			RETURNING n.id, n.user_id, n.created_at
		), queued AS (
			INSERT INTO mail_outbox (user_id, kind, notification_ids)
			SELECT user_id, 'digest', array_agg(id ORDER BY created_at, id)
			FROM marked
			GROUP BY user_id
			RETURNING cardinality(notification_ids) AS size
		)
		SELECT count(*)::int AS messages, coalesce(sum(size), 0)::int AS notifications FROM queued`.execute(db);
	return rows[0] ?? { messages: 0, notifications: 0 };
}
