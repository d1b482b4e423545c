/** Company sign-in (OpenID Connect) on a real database: where the claims place a person. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { deactivatePeople, reactivatePeople } from '$lib/server/people/people.service.js';
import { resolveSsoUser, type SsoClaims } from '$lib/server/people/sso.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;
let top: number;
let gen: number;
let bo: number;
let bossId: number;
let employeeId: number;

const claims = (c: Partial<SsoClaims> & { email: string }): SsoClaims => ({
	name: null,
	department: null,
	manager: null,
	jobLevel: null,
	employeeNumber: null,
	educationLevel: null,
	locale: null,
	...c
});
const GEN = { defaultDepartment: 'GEN' };

function person(id: number) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.email', 'd.code', 'u.managerId', 'u.jobLevel', 'u.employeeNumber', 'u.educationLevel', 'u.locale'])
		.where('u.id', '=', id)
		.executeTakeFirstOrThrow();
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	top = (await db.insertInto('department').values({ code: 'ACME', name: 'Acme' }).returning('id').executeTakeFirstOrThrow()).id;
	gen = (
		await db.insertInto('department').values({ code: 'GEN', name: 'General & IT', parentId: top }).returning('id').executeTakeFirstOrThrow()
	).id;
	bo = (
		await db
			.insertInto('department')
			.values({ code: 'BO', name: 'Build Operations', nameNl: 'Bouwbedrijf', parentId: top })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await db.insertInto('department').values({ code: 'OLD', name: 'Old Works', parentId: top, retiredAt: new Date() }).execute();
	bossId = (
		await db
			.insertInto('appUser')
			.values({ email: 'boss@example.com', name: 'Bea Boss', departmentId: bo, employeeNumber: 'E100', jobLevel: 'manager' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	employeeId = (
		await db
			.insertInto('appUser')
			.values({ email: 'emma@example.com', name: 'Emma Employee', departmentId: gen })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});

afterAll(async () => {
	await testDb?.close();
});

describe('company sign-in (SSO)', () => {
	it('matches an existing person by e-mail, whatever the case', async () => {
		expect(await resolveSsoUser(db, claims({ email: 'emma@example.com' }), GEN)).toEqual({
			status: 'active',
			userId: employeeId,
			created: false
		});
	});

	it('creates a new person in the department, with the manager and job level the claims name', async () => {
		const result = await resolveSsoUser(
			db,
			claims({
				email: 'ann@example.com',
				name: 'Ann Analyst',
				department: 'build operations',
				manager: 'E100',
				jobLevel: 'SPECIALIST',
				locale: 'nl-NL'
			}),
			GEN
		);
		expect(result).toMatchObject({ status: 'active', created: true });
		const ann = await person((result as { userId: number }).userId);
		expect(ann).toMatchObject({ name: 'Ann Analyst', code: 'BO', managerId: bossId, jobLevel: 'specialist', locale: 'nl' });
		const audit = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'user.created')
			.where('objectId', '=', String(ann.id))
			.executeTakeFirstOrThrow();
		expect(audit.data).toMatchObject({ via: 'sso' });
	});

	it('finds a department by its Dutch name and a manager by e-mail', async () => {
		const { userId } = (await resolveSsoUser(
			db,
			claims({ email: 'bram@example.com', department: 'BOUWBEDRIJF', manager: 'Boss@Example.com' }),
			GEN
		)) as {
			userId: number;
		};
		expect(await person(userId)).toMatchObject({ code: 'BO', managerId: bossId, jobLevel: 'engineer' });
	});

	it('places a person without a known department in the default one, with no manager when the claim names nobody', async () => {
		const { userId } = (await resolveSsoUser(
			db,
			claims({ email: 'nowhere@example.com', department: 'Mars Base', manager: 'ghost@example.com' }),
			GEN
		)) as {
			userId: number;
		};
		expect(await person(userId)).toMatchObject({ code: 'GEN', managerId: null, name: 'nowhere@example.com' });
	});

	it('does not place anyone in a retired department', async () => {
		const { userId } = (await resolveSsoUser(db, claims({ email: 'retired@example.com', department: 'OLD' }), GEN)) as { userId: number };
		expect((await person(userId)).code).toBe('GEN');
	});

	it('falls back to the only top department when the default department does not exist', async () => {
		const { userId } = (await resolveSsoUser(db, claims({ email: 'top@example.com' }), { defaultDepartment: 'NOPE' })) as {
			userId: number;
		};
		expect((await person(userId)).code).toBe('ACME');
	});

	it('matches by employee number before e-mail, and updates only what changed (audited)', async () => {
		const first = (await resolveSsoUser(db, claims({ email: 'carl@example.com', employeeNumber: 'E200', department: 'GEN' }), GEN)) as {
			userId: number;
		};
		const again = await resolveSsoUser(
			db,
			claims({
				email: 'carl.new@example.com',
				employeeNumber: 'E200',
				department: 'BO',
				manager: 'boss@example.com',
				jobLevel: 'technician'
			}),
			GEN
		);
		expect(again).toEqual({ status: 'active', userId: first.userId, created: false });
		expect(await person(first.userId)).toMatchObject({
			email: 'carl.new@example.com',
			code: 'BO',
			managerId: bossId,
			jobLevel: 'technician'
		});
		const updates = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'user.updated')
			.where('objectId', '=', String(first.userId))
			.execute();
		expect(updates).toHaveLength(1);
		expect(updates[0].data).toMatchObject({ via: 'sso', changed: ['email', 'departmentId', 'managerId', 'jobLevel'] });
		// The same claims once more: nothing changes, nothing is audited.
		await resolveSsoUser(
			db,
			claims({
				email: 'carl.new@example.com',
				employeeNumber: 'E200',
				department: 'BO',
				manager: 'boss@example.com',
				jobLevel: 'technician'
			}),
			GEN
		);
		const after = await db
			.selectFrom('auditLog')
			.select('id')
			.where('action', '=', 'user.updated')
			.where('objectId', '=', String(first.userId))
			.execute();
		expect(after).toHaveLength(1);
	});

	it('keeps what the claims do not say or the portal cannot use', async () => {
		const { userId } = (await resolveSsoUser(
			db,
			claims({ email: 'dora@example.com', department: 'BO', jobLevel: 'director', locale: 'nl' }),
			GEN
		)) as {
			userId: number;
		};
		await resolveSsoUser(db, claims({ email: 'dora@example.com', department: 'Mars Base', jobLevel: 'emperor', locale: 'en' }), GEN);
		// An unknown department or level keeps the person where they are; the language they chose stays theirs.
		expect(await person(userId)).toMatchObject({ code: 'BO', jobLevel: 'director', locale: 'nl' });
	});

	it('leaves out a manager that would make a loop, and signs the person in all the same', async () => {
		// The boss's manager would be someone who reports to the boss.
		const { userId: ann } = (await resolveSsoUser(db, claims({ email: 'ann@example.com' }), GEN)) as { userId: number };
		const result = await resolveSsoUser(db, claims({ email: 'boss@example.com', manager: 'ann@example.com', jobLevel: 'director' }), GEN);
		expect(result).toMatchObject({ status: 'active', userId: bossId });
		expect(await person(bossId)).toMatchObject({ managerId: null, jobLevel: 'director' });
		expect((await person(ann)).managerId).toBe(bossId);
	});

	it('matches by employee number and leaves out an e-mail someone else holds', async () => {
		const result = await resolveSsoUser(db, claims({ email: 'emma@example.com', employeeNumber: 'E100', name: 'Emma E.' }), GEN);
		// The employee number is matched first: E100 is the boss's. The boss keeps their own
		// e-mail (emma@example.com is Emma's) and takes the name.
		expect(result).toMatchObject({ status: 'active', userId: bossId });
		expect(await person(bossId)).toMatchObject({ email: 'boss@example.com', name: 'Emma E.' });
		await resolveSsoUser(db, claims({ email: 'boss@example.com', name: 'Bea Boss' }), GEN);
	});

	it('reports a disabled person as disabled and changes nothing', async () => {
		await db.transaction().execute((trx) => deactivatePeople(trx, [employeeId], { actorId: null, via: 'admin' }));
		expect(await resolveSsoUser(db, claims({ email: 'emma@example.com', department: 'BO' }), GEN)).toEqual({
			status: 'disabled',
			userId: employeeId
		});
		expect((await person(employeeId)).code).toBe('GEN');
		await db.transaction().execute((trx) => reactivatePeople(trx, [employeeId], { actorId: null, via: 'admin' }));
	});
});
