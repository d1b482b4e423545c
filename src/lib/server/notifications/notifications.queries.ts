import { sql } from 'kysely';
import type { ExpressionBuilder, RawBuilder } from 'kysely';
import { ACCEPTED_AND_LATER } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { GROUP_DEFAULTS, mailGroupOf } from '../mail/kinds.js';
import { mailQueued } from '../mail/signal.js';

export function listRecentNotifications(db: Db, userId: number, limit = 5) {
	return recentNotifications(db, userId, limit).execute();
}

/** The person's latest notifications, newest first (a query to run or to nest). */
export function recentNotifications(db: Db, userId: number, limit: number) {
	return db
		.selectFrom('notification')
		.select(['id', 'kind', 'params', 'link', 'readAt', 'createdAt'])
		.where('userId', '=', userId)
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(limit);
}

/** A person's unread notifications, as a column of a query over `appUser as u` (the session's). */
export function unreadCountOf(eb: ExpressionBuilder<DB & { u: DB['appUser'] }, 'u'>, userId: 'u.id') {
	return eb
		.selectFrom('notification as n')
		.select(sql<number>`count(*)::int`.as('n'))
		.whereRef('n.userId', '=', userId)
		.where('n.readAt', 'is', null);
}

export function countUnread(db: Db, userId: number) {
	return db
		.selectFrom('notification')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('userId', '=', userId)
		.where('readAt', 'is', null)
		.executeTakeFirstOrThrow();
}

/**
 * The mail choice and outbox rule every notification shares, around the people a `recipients`
 * query gives as (user_id, kind, params, link, kind_group, fallback, ord): the notification
 * records each person's choice for the kind's group (`mail`; `fallback` is the group's default),
 * an `immediate` one gets its outbox message at once, in the caller's transaction (no mail for a
 * change that rolls back), a disabled account gets no mail; rows are made in `ord` order. One
 * statement; returns how many messages were queued.
 */
async function insertFromRecipients(db: Db, recipients: RawBuilder<unknown>): Promise<number> {
	const { rows } = await sql<{ queued: number }>`
		WITH v AS (${recipients}), made AS (
			INSERT INTO notification (user_id, kind, params, link, mail, emailed_at)
			SELECT u.id, v.kind, v.params, v.link, c.mail, CASE WHEN c.mail = 'immediate' THEN now() END
			FROM v
			JOIN app_user u ON u.id = v.user_id
			LEFT JOIN mail_preference p ON p.user_id = u.id AND p.kind_group = v.kind_group
			CROSS JOIN LATERAL (
				SELECT CASE WHEN u.disabled_at IS NOT NULL THEN 'off' ELSE coalesce(p.delivery, v.fallback) END AS mail
			) c
			ORDER BY v.ord
			RETURNING id, user_id, mail
		), queued AS (
			INSERT INTO mail_outbox (user_id, kind, notification_ids)
			SELECT user_id, 'notification', ARRAY[id] FROM made WHERE mail = 'immediate'
			RETURNING 1
		)
		SELECT count(*)::int AS queued FROM queued`.execute(db);
	const queued = rows[0]?.queued ?? 0;
	if (queued > 0) mailQueued();
	return queued;
}

/** insertFromRecipients for one kind, its people given as (user_id, params, link). */
export function insertNotificationsFrom(db: Db, kind: string, recipients: RawBuilder<unknown>): Promise<number> {
	const group = mailGroupOf(kind);
	return insertFromRecipients(
		db,
		sql`SELECT r.user_id, ${kind}::text AS kind, r.params, r.link, ${group}::text AS kind_group,
			${GROUP_DEFAULTS[group]}::text AS fallback, 0 AS ord FROM (${recipients}) r`
	);
}

/**
 * One notification per person, and the e-mail each person chose for the kind's group, in one
 * statement: the notification records that choice (`mail`), and an `immediate` one gets its
 * outbox message at once, in the caller's transaction (no mail for a change that rolls back).
 * A disabled account gets no mail. Returns how many messages were queued.
 */
export async function insertNotifications(
	db: Db,
	userIds: number[],
	n: { kind: string; params: Record<string, unknown>; link: string | null }
): Promise<number> {
	const unique = [...new Set(userIds)];
	if (!unique.length) return 0;
	return insertNotificationsFrom(
		db,
		n.kind,
		sql`SELECT id AS user_id, ${JSON.stringify(n.params)}::jsonb AS params, ${n.link}::text AS link FROM unnest(${unique}::int[]) AS id`
	);
}

/**
 * Notifications to an idea's team (owner, members, helpers) or to every active organiser, each
 * notice its own kind, but never to its `except` person: the people are found by the statement
 * that writes, so a submission tells the team and the organisers in one statement.
 */
export async function notifyRoles(
	db: Db,
	notices: readonly {
		to: { team: number } | 'organisers';
		except: number | null;
		kind: string;
		params: Record<string, unknown>;
		link: string | null;
	}[]
): Promise<number> {
	if (!notices.length) return 0;
	const parts = notices.map((n, ord) => {
		const group = mailGroupOf(n.kind);
		const columns = sql`${n.kind}::text AS kind, ${JSON.stringify(n.params)}::jsonb AS params, ${n.link}::text AS link,
			${group}::text AS kind_group, ${GROUP_DEFAULTS[group]}::text AS fallback, ${ord}::int AS ord`;
		return n.to === 'organisers'
			? sql`SELECT DISTINCT g.user_id, ${columns} FROM role_grant g JOIN app_user ou ON ou.id = g.user_id
				WHERE g.role = 'organiser' AND ou.disabled_at IS NULL AND g.user_id IS DISTINCT FROM ${n.except}::int`
			: sql`SELECT m.user_id, ${columns} FROM idea_member m
				WHERE m.idea_id = ${n.to.team}::int AND m.user_id IS DISTINCT FROM ${n.except}::int`;
	});
	return insertFromRecipients(db, sql.join(parts, sql` UNION ALL `));
}

/**
 * Tells the followers of ideas whose status changed (`idea_update`, params {ideaId, title,
 * status}), in one statement for all of them: only where the idea is public after the change
 * (accepted or later and its call's submission deadline passed: isPublicIdea's twin), never
 * the one who moved it nor the idea's team. Returns how many messages were queued.
 */
export async function notifyFollowers(
	db: Db,
	moves: readonly { ideaId: number; status: string; actorId: number | null }[]
): Promise<number> {
	if (!moves.length) return 0;
	return insertNotificationsFrom(
		db,
		'idea_update',
		sql`SELECT f.user_id,
				jsonb_build_object('ideaId', i.id, 'title', i.title, 'status', mv.status) AS params,
				'/ideas/' || i.id AS link
			FROM unnest(${moves.map((mv) => mv.ideaId)}::int[], ${moves.map((mv) => mv.status)}::text[],
				${moves.map((mv) => mv.actorId)}::int[]) AS mv (idea_id, status, actor_id)
			JOIN idea i ON i.id = mv.idea_id
			JOIN competition c ON c.id = i.competition_id
			JOIN idea_follow f ON f.idea_id = i.id
			WHERE mv.status = ANY(${[...ACCEPTED_AND_LATER]}::text[])
				AND c.submission_closes_at <= now()
				AND f.user_id IS DISTINCT FROM mv.actor_id
				AND NOT EXISTS (SELECT 1 FROM idea_member m WHERE m.idea_id = i.id AND m.user_id = f.user_id)`
	);
}

/**
 * Notifications that differ per person (each its own kind, params and link), with the same
 * mail choice and outbox rule as `insertNotifications`, in one statement for all of them
 * (pitch day's publication: one per team member of each changed slot, one per juror).
 */
export async function insertNotificationRows(
	db: Db,
	rows: readonly { userId: number; kind: string; params: Record<string, unknown>; link: string | null }[]
): Promise<number> {
	if (!rows.length) return 0;
	const groups = rows.map((r) => mailGroupOf(r.kind));
	return insertFromRecipients(
		db,
		sql`SELECT * FROM unnest(${rows.map((r) => r.userId)}::int[], ${rows.map((r) => r.kind)}::text[],
			${rows.map((r) => JSON.stringify(r.params))}::jsonb[], ${rows.map((r) => r.link)}::text[],
			${groups}::text[], ${groups.map((g) => GROUP_DEFAULTS[g])}::text[], ${rows.map((_, i) => i)}::int[])
			AS v (user_id, kind, params, link, kind_group, fallback, ord)`
	);
}

export function listNotificationsPage(db: Db, userId: number, limit: number, offset: number) {
	return db
		.selectFrom('notification')
		.select(['id', 'kind', 'params', 'link', 'readAt', 'createdAt', sql<number>`count(*) over ()`.as('total')])
		.where('userId', '=', userId)
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

export function markAllRead(db: Db, userId: number) {
	return db
		.updateTable('notification')
		.set({ readAt: sql<Date>`now()` })
		.where('userId', '=', userId)
		.where('readAt', 'is', null)
		.executeTakeFirst();
}

/** Marks one of the person's own notifications read; another person's id finds nothing. */
export function markRead(db: Db, userId: number, notificationId: number) {
	return db
		.updateTable('notification')
		.set({ readAt: sql<Date>`coalesce(read_at, now())` })
		.where('id', '=', notificationId)
		.where('userId', '=', userId)
		.returning(['link'])
		.executeTakeFirst();
}
