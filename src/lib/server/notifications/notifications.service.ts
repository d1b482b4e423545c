import type { Database } from '../db/index.js';
import type { Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import * as q from './notifications.queries.js';
import { localPathOr } from '../../domain/local-path.js';

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** Everyone reads their own notifications, and only their own. */
export async function listNotifications(db: Database, actor: Actor, page: number) {
	const rows = await q.listNotificationsPage(db, actor.id, NOTIFICATIONS_PAGE_SIZE, (page - 1) * NOTIFICATIONS_PAGE_SIZE);
	return { total: rows[0]?.total ?? 0, notifications: rows.map(({ total: _t, ...n }) => n) };
}

export async function markAllNotificationsRead(db: Database, actor: Actor): Promise<number> {
	const result = await q.markAllRead(db, actor.id);
	return Number(result.numUpdatedRows);
}

/** Opening a notification marks it read and leads to what it is about (a path on this site only). */
export async function openNotification(db: Database, actor: Actor, notificationId: number): Promise<string> {
	const row = await q.markRead(db, actor.id, notificationId);
	if (!row) throw notFound();
	return localPathOr(row.link, '/notifications');
}

/** The bell's number in the header. */
export async function countUnreadNotifications(db: Database, actor: Actor): Promise<number> {
	return (await q.countUnread(db, actor.id)).n;
}
