/** Departments and process areas administered on a real database: the tree, moves without loops, management teams, headcount, retiring. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import {
	addMtMember,
	createDepartment,
	listActiveDepartments,
	listDepartmentTree,
	loadDepartment,
	removeMtMember,
	restoreDepartment,
	retireDepartment,
	setHeadcount,
	updateDepartment
} from '$lib/server/people/departments.service.js';
import { departmentSchema, headcountSchema } from '$lib/server/people/departments.schema.js';
import { createProcessArea, listProcessAreas, setProcessAreaRetired, updateProcessArea } from '$lib/server/people/process-areas.service.js';
import { disablePerson } from '$lib/server/people/people-admin.service.js';
import { FieldErrors } from '$lib/server/errors.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let admin: SessionUser;
let organiser: SessionUser;
let top: number;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	top = (await f.newDepartment('CORP')).id;
	admin = await f.newUser({ name: 'Ada Admin', roles: ['admin'], departmentId: top });
	organiser = await f.newUser({ name: 'Olga Organiser', roles: ['organiser'], departmentId: top });
});

afterAll(async () => {
	await testDb?.close();
});

const dept = (
	code: string,
	parentId: number | null,
	extra: Partial<{ name: string; nameNl: string | null; eligibleByDefault: boolean }> = {}
) => ({
	code,
	name: extra.name ?? `Dept ${code}`,
	nameNl: extra.nameNl ?? null,
	parentId,
	eligibleByDefault: extra.eligibleByDefault ?? true
});

async function fieldErrorsOf(work: Promise<unknown>) {
	try {
		await work;
	} catch (e) {
		if (e instanceof FieldErrors) return e.fields;
		throw e;
	}
	throw new Error('expected field errors');
}

describe('the department tree', () => {
	it('adds departments under others and lists them nested, each after its parent', async () => {
		const ops = await createDepartment(db, admin, dept('OPS', top, { name: 'Operations', nameNl: 'Operaties' }));
		await createDepartment(db, admin, dept('ASM', ops.id, { name: 'Assembly' }));
		const tree = await listDepartmentTree(db, admin);
		const codes = tree.active.map((d) => [d.code, d.depth]);
		expect(
			codes.slice(
				codes.findIndex(([c]) => c === 'OPS'),
				codes.findIndex(([c]) => c === 'ASM') + 1
			)
		).toEqual([
			['OPS', 1],
			['ASM', 2]
		]);
		const audit = await db.selectFrom('auditLog').select(['action', 'objectType']).where('objectId', '=', String(ops.id)).execute();
		expect(audit).toEqual([{ action: 'department.created', objectType: 'department' }]);
	});

	it('reads the form: code in capitals, blank Dutch name and parent as none, the checkbox', () => {
		const parsed = departmentSchema.safeParse({ code: ' qa-lab ', name: 'QA Lab', nameNl: ' ', parentId: '' });
		expect(parsed.success && parsed.data).toEqual({
			code: 'QA-LAB',
			name: 'QA Lab',
			nameNl: null,
			parentId: null,
			eligibleByDefault: false
		});
		expect(departmentSchema.safeParse({ code: 'a', name: 'x' }).success).toBe(false);
	});

	it('moves a department under another, but never under itself or its own descendants (a loop), and refuses a taken code', async () => {
		const a = await createDepartment(db, admin, dept('LA', top));
		const b = await createDepartment(db, admin, dept('LB', a.id));
		const c = await createDepartment(db, admin, dept('LC', b.id));
		expect(await fieldErrorsOf(updateDepartment(db, admin, a.id, dept('LA', c.id)))).toEqual({ parentId: ['department_loop'] });
		expect(await fieldErrorsOf(updateDepartment(db, admin, a.id, dept('LA', a.id)))).toEqual({ parentId: ['department_loop'] });
		expect(await fieldErrorsOf(updateDepartment(db, admin, a.id, dept('LB', top)))).toEqual({ code: ['department_code_taken'] });
		// The page offers neither itself nor what is below it.
		const page = await loadDepartment(db, admin, a.id);
		expect(page.parents.map((p) => p.id)).not.toContain(b.id);
		expect(page.parents.map((p) => p.id)).not.toContain(a.id);
		// C moves up under A: allowed, audited as a move.
		expect(await updateDepartment(db, admin, c.id, dept('LC', a.id))).toEqual({ changed: ['parentId'] });
		const moved = await db
			.selectFrom('auditLog')
			.select(['action', 'data'])
			.where('objectType', '=', 'department')
			.where('objectId', '=', String(c.id))
			.orderBy('id', (ob) => ob.desc())
			.executeTakeFirstOrThrow();
		expect(moved.action).toBe('department.moved');
		expect(moved.data).toMatchObject({ before: { parentId: b.id }, after: { parentId: a.id } });
	});

	it('keeps a management team of active people, audited', async () => {
		const d = await createDepartment(db, admin, dept('MT', top));
		const head = await f.newUser({ name: 'Hanna Head', departmentId: d.id });
		await addMtMember(db, admin, d.id, head.id);
		await addMtMember(db, admin, d.id, head.id); // twice: once in the team
		const page = await loadDepartment(db, admin, d.id, 'Hanna');
		expect(page.department.mt.map((p) => p.name)).toEqual(['Hanna Head']);
		expect(page.matches).toEqual([expect.objectContaining({ id: head.id, inTeam: true })]);
		await removeMtMember(db, admin, d.id, head.id);
		expect((await loadDepartment(db, admin, d.id)).department.mt).toEqual([]);
		const actions = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'department')
			.where('objectId', '=', String(d.id))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['department.created', 'department.mt_added', 'department.mt_removed']);
	});

	it('stores the headcount grid and sets the department’s headcount to its sum', async () => {
		const d = await createDepartment(db, admin, dept('HC', top));
		const form = (cells: Record<string, string>) => {
			const parsed = headcountSchema.safeParse(cells);
			if (!parsed.success) throw new Error('grid refused');
			return parsed.data;
		};
		expect(await setHeadcount(db, admin, d.id, form({ hc_operator_mbo: '120', hc_operator_unknown: '7', hc_engineer_hbo: '30' }))).toEqual({
			total: 157
		});
		expect(await setHeadcount(db, admin, d.id, form({ hc_operator_mbo: '100', hc_director_wo: '2' }))).toEqual({ total: 102 });
		const grid = await db
			.selectFrom('departmentHeadcount')
			.select(['jobLevel', 'educationLevel', 'headcount'])
			.where('departmentId', '=', d.id)
			.orderBy('jobLevel')
			.execute();
		expect(grid).toEqual([
			{ jobLevel: 'director', educationLevel: 'wo', headcount: 2 },
			{ jobLevel: 'operator', educationLevel: 'mbo', headcount: 100 }
		]);
		expect((await db.selectFrom('department').select('headcount').where('id', '=', d.id).executeTakeFirstOrThrow()).headcount).toBe(102);
		expect(headcountSchema.safeParse({ hc_operator_mbo: '-1' }).success).toBe(false);
		expect(headcountSchema.safeParse({ hc_operator_mbo: '1.5' }).success).toBe(false);
	});

	it('refuses to retire a department with active people or departments, saying how many; then retires and restores it', async () => {
		const d = await createDepartment(db, admin, dept('RT', top));
		const child = await createDepartment(db, admin, dept('RTC', d.id));
		const p1 = await f.newUser({ departmentId: d.id });
		await f.newUser({ departmentId: d.id });
		await expect(retireDepartment(db, admin, d.id)).rejects.toMatchObject({ code: 'department_in_use', people: 2, children: 1 });

		await retireDepartment(db, admin, child.id);
		await disablePerson(db, admin, p1.id);
		await expect(retireDepartment(db, admin, d.id)).rejects.toMatchObject({ code: 'department_in_use', people: 1, children: 0 });
		await db.updateTable('appUser').set({ departmentId: top }).where('departmentId', '=', d.id).where('disabledAt', 'is', null).execute();
		await retireDepartment(db, admin, d.id);

		const tree = await listDepartmentTree(db, admin);
		expect(tree.active.map((r) => r.id)).not.toContain(d.id);
		expect(tree.retired.map((r) => r.id)).toEqual(expect.arrayContaining([d.id, child.id]));
		expect((await listActiveDepartments(db, admin)).map((r) => r.id)).not.toContain(d.id);
		// Nothing may move under a retired department; the child waits until its parent is back.
		const other = await createDepartment(db, admin, dept('RTX', top));
		expect(await fieldErrorsOf(updateDepartment(db, admin, other.id, dept('RTX', d.id)))).toEqual({ parentId: ['parent_retired'] });
		await expect(restoreDepartment(db, admin, child.id)).rejects.toMatchObject({ fields: { _form: ['parent_retired'] } });
		await restoreDepartment(db, admin, d.id);
		await restoreDepartment(db, admin, child.id);
		expect((await listActiveDepartments(db, admin)).map((r) => r.id)).toEqual(expect.arrayContaining([d.id, child.id]));
		const actions = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'department')
			.where('objectId', '=', String(d.id))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['department.created', 'department.retired', 'department.restored']);
	});

	it('is not found for anyone but an admin', async () => {
		await expect(listDepartmentTree(db, organiser)).rejects.toMatchObject({ status: 404 });
		await expect(createDepartment(db, organiser, dept('NO', top))).rejects.toMatchObject({ status: 404 });
		await expect(retireDepartment(db, organiser, top)).rejects.toMatchObject({ status: 404 });
	});
});

describe('process areas', () => {
	it('adds, renames, retires and restores, refusing a taken code; every change audited', async () => {
		const { id } = await createProcessArea(db, admin, { code: 'assembly', nameEn: 'Assembly', nameNl: 'Assemblage' });
		expect(await fieldErrorsOf(createProcessArea(db, admin, { code: 'assembly', nameEn: 'Again', nameNl: 'Weer' }))).toEqual({
			code: ['process_area_code_taken']
		});
		expect(await updateProcessArea(db, admin, id, { code: 'assembly', nameEn: 'Module assembly', nameNl: 'Moduleassemblage' })).toEqual({
			changed: ['nameEn', 'nameNl']
		});
		await setProcessAreaRetired(db, admin, id, true);
		expect((await listProcessAreas(db, admin)).find((a) => a.id === id)?.retiredAt).not.toBeNull();
		await setProcessAreaRetired(db, admin, id, false);
		const actions = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'process_area')
			.where('objectId', '=', String(id))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'process_area.created',
			'process_area.updated',
			'process_area.retired',
			'process_area.restored'
		]);
		await expect(listProcessAreas(db, organiser)).rejects.toMatchObject({ status: 404 });
	});
});
