/** Sessions held by the server: signing out ends them, everywhere if asked; sign-in attempts are limited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { disablePerson } from '$lib/server/people/people-admin.service.js';
import {
	admitSignIn,
	endAllSessions,
	endSession,
	hashToken,
	requestSessionOf,
	sessionUserOf,
	startSession
} from '$lib/server/org/sessions.service.js';
import { insertNotifications } from '$lib/server/notifications/notifications.queries.js';
import { markAllNotificationsRead } from '$lib/server/notifications/notifications.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { DomainError } from '$lib/server/errors.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let anna: SessionUser;
let bert: SessionUser;
let admin: SessionUser;
let f: ReturnType<typeof factories>;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	anna = await f.newUser({ name: 'Anna' });
	bert = await f.newUser({ name: 'Bert' });
	admin = await f.newUser({ name: 'Ada', roles: ['admin'] });
});

afterAll(async () => {
	await testDb?.close();
});

describe('sessions', () => {
	it('a started session names its person; the database keeps only the hash of the token', async () => {
		const session = await startSession(db, anna.id);
		expect(session).not.toBeNull();
		expect((await sessionUserOf(db, session!.token))?.id).toBe(anna.id);
		const stored = await db.selectFrom('userSession').select('tokenHash').where('userId', '=', anna.id).execute();
		expect(stored.map((s) => s.tokenHash)).toContain(hashToken(session!.token));
		expect(stored.map((s) => s.tokenHash)).not.toContain(session!.token);
	});

	it("one statement per request reads the session's person, their roles and their unread count", async () => {
		const dora = await f.newUser({ name: 'Dora', roles: ['organiser'] });
		const session = (await startSession(db, dora.id))!;
		await insertNotifications(db, [dora.id], { kind: 'comment_added', params: {}, link: null });
		await insertNotifications(db, [dora.id, anna.id], { kind: 'comment_added', params: {}, link: null });
		const tally = newTally();
		const request = await countStatements(tally, () => requestSessionOf(db, session.token));
		expect(tally.statements).toBe(1);
		expect(request?.user).toMatchObject({ id: dora.id, name: 'Dora', roles: ['employee', 'organiser'] });
		expect(request?.unread).toBe(2);
		await markAllNotificationsRead(db, dora);
		expect((await requestSessionOf(db, session.token))?.unread).toBe(0);
	});

	it('signing out ends the session on the server: the same token opens nothing', async () => {
		const session = (await startSession(db, anna.id))!;
		await endSession(db, session.token);
		expect(await sessionUserOf(db, session.token)).toBeNull();
	});

	it('an expired session, a forged token or none at all is nobody', async () => {
		const session = (await startSession(db, anna.id))!;
		await db
			.updateTable('userSession')
			.set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) })
			.where('tokenHash', '=', hashToken(session.token))
			.execute();
		expect(await sessionUserOf(db, session.token)).toBeNull();
		expect(await sessionUserOf(db, 'x'.repeat(43))).toBeNull();
		expect(await sessionUserOf(db, 'not a token')).toBeNull();
		expect(await sessionUserOf(db, undefined)).toBeNull();
	});

	it('nobody unknown or disabled gets a session', async () => {
		expect(await startSession(db, 999_999)).toBeNull();
	});

	it('a person signs out everywhere: every session of theirs ends, nobody else’s', async () => {
		const phone = (await startSession(db, bert.id))!;
		const laptop = (await startSession(db, bert.id))!;
		const other = (await startSession(db, anna.id))!;
		const { ended } = await endAllSessions(db, bert, bert.id);
		expect(ended).toBeGreaterThanOrEqual(2);
		expect(await sessionUserOf(db, phone.token)).toBeNull();
		expect(await sessionUserOf(db, laptop.token)).toBeNull();
		expect((await sessionUserOf(db, other.token))?.id).toBe(anna.id);
	});

	it('an administrator ends someone’s sessions (audited); a colleague may not', async () => {
		const session = (await startSession(db, bert.id))!;
		await expect(endAllSessions(db, anna, bert.id)).rejects.toThrow(DomainError);
		expect((await sessionUserOf(db, session.token))?.id).toBe(bert.id);
		await endAllSessions(db, admin, bert.id);
		expect(await sessionUserOf(db, session.token)).toBeNull();
		const audit = await db
			.selectFrom('auditLog')
			.select(['actorId', 'objectId'])
			.where('action', '=', 'user.sessions_ended')
			.where('actorId', '=', admin.id)
			.execute();
		expect(audit).toEqual([{ actorId: admin.id, objectId: String(bert.id) }]);
	});

	it('disabling a person ends their sessions at once', async () => {
		const carla = await f.newUser({ name: 'Carla' });
		const session = (await startSession(db, carla.id))!;
		await disablePerson(db, admin, carla.id);
		expect(await sessionUserOf(db, session.token)).toBeNull();
		expect(await db.selectFrom('userSession').select('tokenHash').where('userId', '=', carla.id).execute()).toEqual([]);
	});
});

describe('limiting sign-in attempts', () => {
	const limits = { perAddress: 5, perAccount: 3, windowSeconds: 600 };

	it('lets the limit through per account, then refuses with the time to wait', async () => {
		const who = { address: '10.0.0.1', account: 'anna' };
		for (let i = 0; i < 3; i++) expect(await admitSignIn(db, who, limits)).toEqual({ ok: true });
		const refused = await admitSignIn(db, who, limits);
		expect(refused.ok).toBe(false);
		if (!refused.ok) {
			expect(refused.retryAfterSeconds).toBeGreaterThan(590);
			expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
		}
		// another account from another address is not affected
		expect(await admitSignIn(db, { address: '10.0.0.2', account: 'bert' }, limits)).toEqual({ ok: true });
	});

	it('limits one address across accounts', async () => {
		const results = [];
		for (let i = 0; i < 7; i++) results.push((await admitSignIn(db, { address: '10.0.0.9', account: `p${i}` }, limits)).ok);
		expect(results).toEqual([true, true, true, true, true, false, false]);
	});

	it('forgets attempts once they leave the window', async () => {
		const who = { address: '10.0.0.3', account: 'dora' };
		for (let i = 0; i < 3; i++) await admitSignIn(db, who, limits);
		await db
			.updateTable('signInAttempt')
			.set({ attemptedAt: new Date(Date.now() - 601_000) })
			.where('key', 'in', ['address:10.0.0.3', 'account:dora'])
			.execute();
		expect(await admitSignIn(db, who, limits)).toEqual({ ok: true });
	});

	it('counts attempts made at the same moment, so a burst cannot slip through', async () => {
		const who = { address: '10.0.0.4', account: 'eva' };
		const results = await Promise.all(Array.from({ length: 10 }, () => admitSignIn(db, who, limits)));
		expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(3);
	});
});
