/** People, roles and sign-in on a real database: what the admin relies on (company sign-in: sso.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { Actor } from '$lib/server/auth/policy.js';
import { DomainError } from '$lib/server/errors.js';
import { changeRole, listPeople, loadSessionUser } from '$lib/server/org/users.service.js';
import { disablePerson, enablePerson } from '$lib/server/people/people-admin.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;
let deptId: number;
let admin: Actor;
let employeeId: number;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const gen = await db.insertInto('department').values({ code: 'GEN', name: 'General & IT' }).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('department').values({ code: 'BO', name: 'Build Operations' }).execute();
	deptId = gen.id;
	const a = await db
		.insertInto('appUser')
		.values({ email: 'admin@example.com', name: 'Ada Admin', departmentId: deptId })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.insertInto('roleGrant').values({ userId: a.id, role: 'admin' }).execute();
	admin = (await loadSessionUser(db, a.id))!;
	const e = await db
		.insertInto('appUser')
		.values({ email: 'emma@example.com', name: 'Emma Employee', departmentId: deptId })
		.returning('id')
		.executeTakeFirstOrThrow();
	employeeId = e.id;
});

afterAll(async () => {
	await testDb?.close();
});

describe('roles read from the database on every request', () => {
	it('everyone is an employee; grants add organiser and admin', async () => {
		expect(admin.roles).toEqual(['employee', 'admin']);
		expect((await loadSessionUser(db, employeeId))!.roles).toEqual(['employee']);
	});

	it('mentor and juror follow from an active mentor profile and a jury seat', async () => {
		await db.insertInto('mentorProfile').values({ userId: employeeId, capacity: 2 }).execute();
		expect((await loadSessionUser(db, employeeId))!.roles).toContain('mentor');
		await db.updateTable('mentorProfile').set({ status: 'paused' }).where('userId', '=', employeeId).execute();
		expect((await loadSessionUser(db, employeeId))!.roles).not.toContain('mentor');
	});

	it('an admin grants and revokes the organiser role; it shows on the next load, audited', async () => {
		await changeRole(db, admin, employeeId, 'organiser', true);
		expect((await loadSessionUser(db, employeeId))!.roles).toContain('organiser');
		await changeRole(db, admin, employeeId, 'organiser', true); // twice: still one grant
		await changeRole(db, admin, employeeId, 'organiser', false);
		expect((await loadSessionUser(db, employeeId))!.roles).not.toContain('organiser');
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'objectId'])
			.where('objectId', '=', String(employeeId))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['role.granted', 'role.revoked']);
	});

	it('a disabled person has no session user; enabling brings them back', async () => {
		await disablePerson(db, admin, employeeId);
		expect(await loadSessionUser(db, employeeId)).toBeNull();
		await enablePerson(db, admin, employeeId);
		expect(await loadSessionUser(db, employeeId)).not.toBeNull();
	});

	it('the last admin cannot lose the admin role, and nobody disables themselves', async () => {
		await expect(changeRole(db, admin, admin.id, 'admin', false)).rejects.toMatchObject({ code: 'last_admin' });
		await expect(disablePerson(db, admin, admin.id)).rejects.toMatchObject({ code: 'self_disable' });
		expect((await loadSessionUser(db, admin.id))!.roles).toContain('admin');
	});

	it('a non-admin gets not-found for every admin service, and nothing changes', async () => {
		const employee = (await loadSessionUser(db, employeeId))!;
		await expect(changeRole(db, employee, employeeId, 'admin', true)).rejects.toBeInstanceOf(DomainError);
		await expect(listPeople(db, employee, { limit: 10, offset: 0 })).rejects.toMatchObject({ status: 404 });
		expect((await loadSessionUser(db, employeeId))!.roles).not.toContain('admin');
	});

	it('lists people with filters and a total, in one page', async () => {
		const all = await listPeople(db, admin, { limit: 1, offset: 0 });
		expect(all.total).toBe(2);
		expect(all.people).toHaveLength(1);
		const found = await listPeople(db, admin, { q: 'emma', limit: 10, offset: 0 });
		expect(found.people.map((p) => p.email)).toEqual(['emma@example.com']);
		const admins = await listPeople(db, admin, { role: 'admin', limit: 10, offset: 0 });
		expect(admins.people.map((p) => p.email)).toEqual(['admin@example.com']);
		const odd = await listPeople(db, admin, { q: '100%_\\', limit: 10, offset: 0 });
		expect(odd.total).toBe(0);
	});
});
