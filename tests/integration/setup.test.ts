/** The first start on an empty database: the setup link and the org:setup command's service. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { DomainError, FieldErrors } from '$lib/server/errors.js';
import { completeSetup, isSetupLinkValid, prepareFirstStart } from '$lib/server/people/setup.service.js';
import { setupSchema, type SetupInput } from '$lib/server/people/setup.schema.js';
import { loadSessionUser } from '$lib/server/org/users.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;

const input = (over: Partial<SetupInput> = {}): SetupInput =>
	setupSchema.parse({
		departmentCode: 'acme',
		departmentName: 'Acme',
		departmentNameNl: 'Acme NL',
		name: 'Ada Admin',
		email: 'Ada@Acme.example',
		employeeNumber: '',
		...over
	});

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

describe('the setup form', () => {
	it('reads codes in capitals, addresses in lower case and blank optional fields as none', () => {
		expect(input()).toEqual({
			departmentCode: 'ACME',
			departmentName: 'Acme',
			departmentNameNl: 'Acme NL',
			name: 'Ada Admin',
			email: 'ada@acme.example',
			employeeNumber: null
		});
		const refused = setupSchema.safeParse({ departmentCode: 'a b', departmentName: '', name: 'X', email: 'nope' });
		expect(refused.success).toBe(false);
		const fields = refused.success ? {} : Object.fromEntries(refused.error.issues.map((i) => [i.path[0], i.message]));
		expect(fields).toMatchObject({ departmentCode: 'department_code_format', departmentName: 'required', email: 'invalid_email' });
	});
});

describe('first start', () => {
	it('makes a new link at each start while there is no administrator; only the newest works', async () => {
		const first = await prepareFirstStart(db);
		const second = await prepareFirstStart(db);
		expect(first?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(second?.token).not.toBe(first?.token);
		expect(await isSetupLinkValid(db, first!.token)).toBe(false);
		expect(await isSetupLinkValid(db, second!.token)).toBe(true);
		expect(await isSetupLinkValid(db, 'x'.repeat(43))).toBe(false);
		expect(await isSetupLinkValid(db, '../etc')).toBe(false);
		// Only a hash is stored.
		const stored = await db.selectFrom('appSetting').select('value').where('key', '=', 'setup_token').executeTakeFirstOrThrow();
		expect(JSON.stringify(stored.value)).not.toContain(second!.token);
	});

	it('refuses a wrong token as not found and changes nothing', async () => {
		await prepareFirstStart(db);
		await expect(completeSetup(db, input(), { token: 'y'.repeat(43) })).rejects.toMatchObject({ status: 404 });
		expect(await db.selectFrom('department').select('id').execute()).toHaveLength(0);
	});

	it('keeps the link when the form is refused beside a field', async () => {
		const link = (await prepareFirstStart(db))!;
		await db.insertInto('department').values({ code: 'GONE', name: 'Gone', retiredAt: new Date() }).execute();
		await expect(completeSetup(db, input({ departmentCode: 'GONE' }), link)).rejects.toBeInstanceOf(FieldErrors);
		expect(await isSetupLinkValid(db, link.token)).toBe(true);
	});

	it('creates the top department and the first administrator in one go, audited, and uses the link up', async () => {
		const link = (await prepareFirstStart(db))!;
		const done = await completeSetup(db, input(), link);
		expect(done).toMatchObject({ createdPerson: true, createdDepartment: true });
		const admin = await loadSessionUser(db, done.userId);
		expect(admin).toMatchObject({ email: 'ada@acme.example', name: 'Ada Admin', departmentName: 'Acme' });
		expect(admin?.roles).toContain('admin');
		const department = await db.selectFrom('department').selectAll().where('id', '=', done.departmentId).executeTakeFirstOrThrow();
		expect(department).toMatchObject({ code: 'ACME', name: 'Acme', nameNl: 'Acme NL', parentId: null });
		const audit = await db.selectFrom('auditLog').select(['action', 'data']).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['user.created', 'department.created', 'role.granted']);
		expect(audit[0].data).toMatchObject({ via: 'setup' });
		expect(audit[2].data).toMatchObject({ role: 'admin', through: 'setup_link' });
		// Used once.
		expect(await isSetupLinkValid(db, link.token)).toBe(false);
		await expect(completeSetup(db, input({ email: 'eve@acme.example' }), link)).rejects.toMatchObject({ status: 404 });
	});

	it('makes no link once there is an administrator, and the command refuses to set up twice', async () => {
		expect(await prepareFirstStart(db)).toBeNull();
		const refusal = await completeSetup(db, input({ email: 'eve@acme.example' }), { command: true }).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(DomainError);
		expect(refusal).toMatchObject({ code: 'already_set_up', status: 409 });
		expect(await db.selectFrom('appUser').select('id').execute()).toHaveLength(1);
	});
});

describe('the org:setup command', () => {
	let other: TestDatabase;
	afterAll(async () => {
		await other?.close();
	});

	it('sets up without a link, keeps a department already there and makes an active person already there the administrator', async () => {
		other = await createTestDatabase();
		const dept = await other.db
			.insertInto('department')
			.values({ code: 'ACME', name: 'Acme Corp' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const ada = await other.db
			.insertInto('appUser')
			.values({ email: 'ada@acme.example', name: 'Ada', departmentId: dept.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		const link = await prepareFirstStart(other.db);
		const done = await completeSetup(other.db, input(), { command: true });
		expect(done).toEqual({ userId: ada.id, departmentId: dept.id, createdPerson: false, createdDepartment: false });
		expect((await loadSessionUser(other.db, ada.id))?.roles).toContain('admin');
		// The name of a department already there is left as it was; the printed link is used up.
		expect((await other.db.selectFrom('department').select('name').executeTakeFirstOrThrow()).name).toBe('Acme Corp');
		expect(await isSetupLinkValid(other.db, link!.token)).toBe(false);
	});
});
