/** In-app notifications: each person reads and clears their own, nobody else's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { insertNotifications, countUnread } from '$lib/server/notifications/notifications.queries.js';
import { listNotifications, markAllNotificationsRead, openNotification } from '$lib/server/notifications/notifications.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let anna: SessionUser;
let bert: SessionUser;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	anna = await f.newUser({ name: 'Anna' });
	bert = await f.newUser({ name: 'Bert' });
	await insertNotifications(db, [anna.id, anna.id, bert.id], {
		kind: 'idea_accepted',
		params: { title: 'Shadow boards' },
		link: '/ideas/1'
	});
	await insertNotifications(db, [anna.id], { kind: 'scoring_open', params: { round: 'Semi-final' }, link: 'https://evil.example/phish' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('notifications', () => {
	it('one per person even when a person is named twice; newest first', async () => {
		const list = await listNotifications(db, anna, 1);
		expect(list.total).toBe(2);
		expect(list.notifications.map((n) => n.kind)).toEqual(['scoring_open', 'idea_accepted']);
	});

	it('opening one marks it read and leads to a path on this site only', async () => {
		const [external, internal] = (await listNotifications(db, anna, 1)).notifications;
		expect(await openNotification(db, anna, internal.id)).toBe('/ideas/1');
		expect(await openNotification(db, anna, external.id)).toBe('/notifications');
		expect((await countUnread(db, anna.id)).n).toBe(0);
	});

	it("another person's notification is not found, and stays unread", async () => {
		const [bertsOwn] = (await listNotifications(db, bert, 1)).notifications;
		await expect(openNotification(db, anna, bertsOwn.id)).rejects.toMatchObject({ status: 404 });
		expect((await countUnread(db, bert.id)).n).toBe(1);
	});

	it("mark all read clears only the reader's own", async () => {
		expect(await markAllNotificationsRead(db, bert)).toBe(1);
		expect(await markAllNotificationsRead(db, bert)).toBe(0);
	});
});
