import { sql } from 'kysely';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';

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

/** One notification per person, in one statement. */
export async function insertNotifications(
	db: Db,
	userIds: number[],
	n: { kind: string; params: Record<string, unknown>; link: string | null }
) {
	const unique = [...new Set(userIds)];
	if (!unique.length) return;
	await db
		.insertInto('notification')
		.values(unique.map((userId) => ({ userId, kind: n.kind, params: JSON.stringify(n.params), link: n.link })))
		.execute();
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
