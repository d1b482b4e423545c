import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { OutboxStatus } from './outbox.schema.js';

/** A notification of an outbox message as rendering needs it (times as JSON text). */
export type OutboxNotification = { id: number; kind: string; params: unknown; link: string | null; createdAt: string };

export type OutboxRow = {
	id: number;
	userId: number;
	kind: 'notification' | 'digest';
	status: OutboxStatus;
	attempts: number;
	lastError: string | null;
	toAddress: string | null;
	subject: string | null;
	messageId: string | null;
	createdAt: Date;
	sentAt: Date | null;
	nextAttemptAt: Date;
	notificationCount: number;
	name: string;
	email: string;
	locale: string;
	disabled: boolean;
	/** The message's notifications, oldest first, as delivery reads them (only where asked for). */
	notifications: OutboxNotification[];
};

/** How many messages the outbox holds per status. */
export function countOutboxByStatus(db: Db) {
	return db
		.selectFrom('mailOutbox')
		.select(['status', sql<number>`count(*)::int`.as('n')])
		.groupBy('status')
		.execute();
}

/** `%text%` for ILIKE, with the pattern's own characters taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the outbox, newest first, with the recipient, the number that match, and the
 * notifications of the messages not yet sent (their subject is rendered from them; a sent
 * message keeps the subject it went with).
 */
export async function listOutboxPage(db: Db, filter: { status?: OutboxStatus; recipient?: string }, limit: number, offset: number) {
	const pattern = filter.recipient ? containing(filter.recipient) : null;
	const { rows } = await sql<OutboxRow & { total: number }>`
		SELECT ${outboxColumns}, count(*) OVER ()::int AS total,
			${notificationsOf(sql`o.subject IS NULL`)} AS notifications
		FROM mail_outbox o
		JOIN app_user u ON u.id = o.user_id
		WHERE (${filter.status ?? null}::text IS NULL OR o.status = ${filter.status ?? null})
			AND (${pattern}::text IS NULL OR u.email ILIKE ${pattern} OR o.to_address ILIKE ${pattern})
		ORDER BY o.id DESC
		LIMIT ${limit} OFFSET ${offset}`.execute(db);
	return rows;
}

/** One message with its recipient and all its notifications. */
export async function findOutboxMessage(db: Db, messageId: number) {
	const { rows } = await sql<OutboxRow>`
		SELECT ${outboxColumns}, ${notificationsOf(sql`true`)} AS notifications
		FROM mail_outbox o
		JOIN app_user u ON u.id = o.user_id
		WHERE o.id = ${messageId}`.execute(db);
	return rows[0];
}

/**
 * Puts a failed message back in the queue, due now, in one statement; any other message is
 * left as it is. Returns the message's status before (none: no such message) and whether it
 * was queued again.
 */
export async function requeueFailedMessage(db: Db, messageId: number) {
	const { rows } = await sql<{ status: OutboxStatus; userId: number; attempts: number; lastError: string | null; requeued: boolean }>`
		WITH target AS (
			SELECT id, status, user_id, attempts, last_error FROM mail_outbox WHERE id = ${messageId} FOR UPDATE
		), requeued AS (
			UPDATE mail_outbox o
			SET status = 'queued', next_attempt_at = now(), locked_by = NULL, locked_until = NULL
			FROM target t
			WHERE o.id = t.id AND t.status = 'failed'
			RETURNING o.id
		)
		SELECT t.status, t.user_id, t.attempts, t.last_error, EXISTS (SELECT 1 FROM requeued) AS requeued FROM target t`.execute(db);
	return rows[0];
}

const outboxColumns = sql`o.id, o.user_id, o.kind, o.status, o.attempts, o.last_error, o.to_address, o.subject, o.message_id,
	o.created_at, o.sent_at, o.next_attempt_at, cardinality(o.notification_ids) AS notification_count,
	u.name, u.email, u.locale, u.disabled_at IS NOT NULL AS disabled`;

/** The message's notifications as delivery renders them: the recipient's own, oldest first. */
function notificationsOf(when: ReturnType<typeof sql>) {
	return sql`coalesce((
		SELECT jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'params', n.params, 'link', n.link, 'createdAt', n.created_at)
			ORDER BY n.created_at, n.id)
		FROM notification n
		WHERE ${when} AND n.id = ANY(o.notification_ids) AND n.user_id = o.user_id
	), '[]'::jsonb)`;
}
