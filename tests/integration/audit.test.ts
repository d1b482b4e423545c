/** The audit trail on a real database: what a line records, how the log lists it, and that only admins read it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { recordAudit } from '$lib/server/audit/audit.queries.js';
import { listAuditLog } from '$lib/server/audit/audit.service.js';
import { changeRole } from '$lib/server/org/users.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let ada: SessionUser; // admin
let otto: SessionUser; // organiser and admin
let olga: SessionUser; // organiser
let eve: SessionUser; // employee
let max: SessionUser; // mentor
let judy: SessionUser; // juror
let pia: SessionUser; // whose account the admin changes

/** The line recorded last, as stored. */
const lastLine = () => db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	const judging = judgingFactories(db);
	const { id: departmentId } = await f.newDepartment('AUD');
	ada = await f.newUser({ departmentId, name: 'Ada Admin', roles: ['admin'] });
	otto = await f.newUser({ departmentId, name: 'Otto Both', roles: ['organiser', 'admin'] });
	olga = await f.newUser({ departmentId, name: 'Olga Organiser', roles: ['organiser'] });
	eve = await f.newUser({ departmentId, name: 'Eve Employee' });
	max = await f.newUser({ departmentId, name: 'Max Mentor', mentor: true });
	judy = await f.newUser({ departmentId, name: 'Judy Juror' });
	pia = await f.newUser({ departmentId, name: 'Pia Person' });
	const cup = await f.newCompetition({ open: false });
	await judging.newRound({ competitionId: cup.id, juries: [{ departmentId, members: [judy] }] });
	judy = await judging.reload(judy);
});

afterAll(async () => {
	await testDb?.close();
});

describe(`audit (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	describe('recording', () => {
		it('keeps who did what to which object, the object id as text and the details as JSON', async () => {
			await recordAudit(db, {
				actorId: ada.id,
				action: 'idea.move',
				objectType: 'idea',
				objectId: 42,
				data: { from: 'submitted', to: 'accepted', reasons: ['fits', 'cheap'] }
			});
			const line = await lastLine();
			expect(line).toMatchObject({
				actorId: ada.id,
				action: 'idea.move',
				objectType: 'idea',
				objectId: '42',
				data: { from: 'submitted', to: 'accepted', reasons: ['fits', 'cheap'] }
			});
			expect(new Date(line.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
		});

		it('keeps no details as an empty object, and a line of the portal itself without an actor', async () => {
			await recordAudit(db, { actorId: null, action: 'seed.demo', objectType: 'portal', objectId: 'demo' });
			expect(await lastLine()).toMatchObject({ actorId: null, action: 'seed.demo', objectType: 'portal', objectId: 'demo', data: {} });
		});

		it('is written in the same transaction as the change: a rolled-back change leaves no line', async () => {
			const before = await lastLine();
			await expect(
				db.transaction().execute(async (trx) => {
					await recordAudit(trx, { actorId: ada.id, action: 'user.disabled', objectType: 'user', objectId: pia.id });
					throw new Error('the change failed');
				})
			).rejects.toThrow('the change failed');
			expect((await lastLine()).id).toBe(before.id);
		});

		it("records an admin's role changes with the admin as actor, and nothing for a change that changes nothing", async () => {
			await changeRole(db, ada, pia.id, 'organiser', true);
			await changeRole(db, ada, pia.id, 'organiser', true);
			await changeRole(db, ada, pia.id, 'organiser', false);
			await changeRole(db, ada, pia.id, 'organiser', false);
			const lines = await listAuditLog(db, ada, 2);
			expect(lines.map(({ action, objectType, objectId, data, actorName }) => ({ action, objectType, objectId, data, actorName }))).toEqual(
				[
					{ action: 'role.revoked', objectType: 'user', objectId: String(pia.id), data: { role: 'organiser' }, actorName: 'Ada Admin' },
					{ action: 'role.granted', objectType: 'user', objectId: String(pia.id), data: { role: 'organiser' }, actorName: 'Ada Admin' }
				]
			);
			const aboutPia = await db
				.selectFrom('auditLog')
				.select('id')
				.where('objectType', '=', 'user')
				.where('objectId', '=', String(pia.id))
				.execute();
			expect(aboutPia).toHaveLength(2);
		});
	});

	describe('listing', () => {
		it("lists the newest line first, with the actor's name, and none for the portal's own lines", async () => {
			await recordAudit(db, { actorId: otto.id, action: 'competition.create', objectType: 'competition', objectId: 7 });
			await recordAudit(db, { actorId: null, action: 'notifications.sent', objectType: 'round', objectId: 3, data: { count: 12 } });
			await recordAudit(db, { actorId: olga.id, action: 'competition.status', objectType: 'competition', objectId: 7 });
			const lines = await listAuditLog(db, ada, 3);
			expect(lines.map(({ action, actorName, objectId, data }) => ({ action, actorName, objectId, data }))).toEqual([
				{ action: 'competition.status', actorName: 'Olga Organiser', objectId: '7', data: {} },
				{ action: 'notifications.sent', actorName: null, objectId: '3', data: { count: 12 } },
				{ action: 'competition.create', actorName: 'Otto Both', objectId: '7', data: {} }
			]);
			expect(lines[0].id).toBeGreaterThan(lines[1].id);
			expect(lines[1].id).toBeGreaterThan(lines[2].id);
		});

		it('shows the 200 newest lines unless told otherwise', async () => {
			await db
				.insertInto('auditLog')
				.values(
					Array.from({ length: 250 }, (_, i) => ({ actorId: eve.id, action: `bulk.${i + 1}`, objectType: 'test', objectId: String(i + 1) }))
				)
				.execute();
			const lines = await listAuditLog(db, ada);
			expect(lines).toHaveLength(200);
			expect(lines[0].action).toBe('bulk.250');
			expect(lines[199].action).toBe('bulk.51');
			expect((await listAuditLog(db, ada, 5)).map((l) => l.action)).toEqual(['bulk.250', 'bulk.249', 'bulk.248', 'bulk.247', 'bulk.246']);
		});

		it("keeps a person's lines when the person is gone, without their name", async () => {
			const leaver = await f.newUser({ name: 'Lea Leaver' });
			await recordAudit(db, { actorId: leaver.id, action: 'idea.submit', objectType: 'idea', objectId: 99 });
			await db.deleteFrom('appUser').where('id', '=', leaver.id).execute();
			const [line] = await listAuditLog(db, ada, 1);
			expect(line).toMatchObject({ action: 'idea.submit', objectId: '99', actorName: null });
		});
	});

	describe('who may read it', () => {
		it('admins read the log, also when they hold another role', async () => {
			expect(await listAuditLog(db, ada, 1)).toHaveLength(1);
			expect(await listAuditLog(db, otto, 1)).toHaveLength(1);
		});

		it('anyone else is answered as if the log did not exist', async () => {
			expect(olga.roles).toEqual(['employee', 'organiser']);
			expect(max.roles).toEqual(['employee', 'mentor']);
			expect(judy.roles).toEqual(['employee', 'juror']);
			for (const person of [olga, eve, max, judy]) {
				await expect(listAuditLog(db, person)).rejects.toMatchObject({ code: 'not_found', status: 404 });
			}
		});
	});
});
