/** The HR import on a real database: dry run, apply, idempotence, refusals, leavers, Excel = CSV. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { applyImport, dryRunImport, getImport, listImportRows, uploadHrFile } from '$lib/server/people/hr-import/hr-import.service.js';
import { HrFileRefused } from '$lib/server/people/hr-import/parse.js';
import { factories } from '../fixtures/factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';
import { hrCsv, hrPeople, hrTable, toCsv } from '../fixtures/hr-files.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;
let admin: SessionUser;
let organiser: SessionUser;
let employee: SessionUser;
let f: ReturnType<typeof factories>;

const bytes = (text: string) => new TextEncoder().encode(text);

async function importFile(text: string | Uint8Array, fileName = 'hr.csv', actor: SessionUser = organiser) {
	const up = await uploadHrFile(db, actor, { fileName, bytes: typeof text === 'string' ? bytes(text) : text });
	const summary = await dryRunImport(db, actor, up.id, up.mapping);
	return { id: up.id, summary, mapping: up.mapping };
}

async function allRows(id: number) {
	const out = [];
	for (let page = 1; ; page++) {
		const rows = await listImportRows(db, organiser, id, null, page);
		out.push(...rows);
		if (rows.length < 50) return out;
	}
}

const auditCount = async () =>
	Number(
		(
			await db
				.selectFrom('auditLog')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	const hq = await f.newDepartment('HQ');
	admin = await f.newUser({ departmentId: hq.id, roles: ['admin'] });
	organiser = await f.newUser({ departmentId: hq.id, roles: ['organiser'] });
	employee = await f.newUser({ departmentId: hq.id });
});

afterAll(async () => {
	await testDb?.close();
});

describe(`HR import (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	const csv = hrCsv({ count: 40 });
	const people = hrPeople({ count: 40 });

	it('guesses the Dutch headers, creates the departments and the people with their managers', async () => {
		const { id, summary, mapping } = await importFile(csv);
		expect(mapping).toMatchObject({
			employeeNumber: 'Personeelsnummer',
			email: 'E-mail',
			departmentCode: 'Afdeling',
			managerEmployeeNumber: 'Personeelsnummer leidinggevende'
		});
		expect(summary.counts).toEqual({ create: 40, update: 0, unchanged: 0, disable: 0, error: 0 });
		expect(summary.departmentCounts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });

		const result = await applyImport(db, organiser, id);
		expect(result.counts.create).toBe(40);

		const depts = await db
			.selectFrom('department as d')
			.leftJoin('department as p', 'p.id', 'd.parentId')
			.select(['d.code', 'd.nameNl', 'p.code as parent'])
			.where('d.code', 'like', 'HRX%')
			.orderBy('d.code')
			.execute();
		expect(depts).toEqual([
			{ code: 'HRX', nameNl: 'HR-exportbedrijf', parent: null },
			{ code: 'HRX-ENG', nameNl: 'Exportengineering', parent: 'HRX' },
			{ code: 'HRX-OPS', nameNl: 'Exportoperaties', parent: 'HRX' }
		]);
		const imported = await db
			.selectFrom('appUser as u')
			.leftJoin('appUser as m', 'm.id', 'u.managerId')
			.innerJoin('department as d', 'd.id', 'u.departmentId')
			.select([
				'u.employeeNumber',
				'u.email',
				'u.name',
				'm.employeeNumber as manager',
				'd.code',
				'u.jobLevel',
				'u.educationLevel',
				'u.locale'
			])
			.where('u.email', 'like', '%@hr.example.com')
			.orderBy('u.employeeNumber')
			.execute();
		expect(imported).toHaveLength(40);
		expect(imported.map((p) => [p.employeeNumber, p.manager, p.code])).toEqual(
			people.map((p) => [p.employeeNumber, p.managerEmployeeNumber || null, p.departmentCode])
		);
		expect(imported[0]).toMatchObject({ name: 'Anna Achterberg', jobLevel: 'director', educationLevel: 'mbo', locale: 'nl' });

		const imp = await getImport(db, organiser, id);
		expect(imp.appliedAt).not.toBeNull();
		const lines = await db
			.selectFrom('auditLog')
			.select(['action'])
			.where('data', '@>', JSON.stringify({ importId: id }))
			.execute();
		expect(lines.filter((l) => l.action === 'user.created')).toHaveLength(40);
		expect(lines.filter((l) => l.action === 'department.created')).toHaveLength(3);
		expect(
			await db
				.selectFrom('auditLog')
				.select('data')
				.where('action', '=', 'org.imported')
				.where('objectId', '=', String(id))
				.executeTakeFirst()
		).toBeTruthy();
	});

	it('the same file again: every row unchanged, and the apply writes nothing but its summary', async () => {
		const stamp = await db
			.selectFrom('appUser')
			.select(['id', 'updatedAt'])
			.where('email', 'like', '%@hr.example.com')
			.orderBy('id')
			.execute();
		const { id, summary } = await importFile(csv);
		expect(summary.counts).toEqual({ create: 0, update: 0, unchanged: 40, disable: 0, error: 0 });
		expect(summary.departmentCounts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
		const before = await auditCount();
		await applyImport(db, organiser, id);
		expect(await auditCount()).toBe(before + 1);
		expect(
			await db.selectFrom('appUser').select(['id', 'updatedAt']).where('email', 'like', '%@hr.example.com').orderBy('id').execute()
		).toEqual(stamp);
		await expect(applyImport(db, organiser, id)).rejects.toMatchObject({ code: 'import_already_applied' });
	});

	it('lists the fields that change, and leaves people not in the file alone', async () => {
		const table = hrTable(people.slice(0, 3));
		table[1][9] = 'Directeur'; // HR000003 becomes a director
		const { id, summary } = await importFile(toCsv(table, ','));
		expect(summary.counts).toMatchObject({ update: 1, unchanged: 2 });
		const rows = await listImportRows(db, organiser, id, 'update', 1);
		expect(rows[0]).toMatchObject({ employeeNumber: 'HR000003', changes: [{ field: 'jobLevel', from: 'manager', to: 'director' }] });
		await applyImport(db, organiser, id);
		expect(
			(await db.selectFrom('appUser').select('jobLevel').where('employeeNumber', '=', 'HR000003').executeTakeFirstOrThrow()).jobLevel
		).toBe('director');
		expect(
			await db.selectFrom('appUser').select('id').where('email', 'like', '%@hr.example.com').where('disabledAt', 'is not', null).execute()
		).toEqual([]);
	});

	it('refuses a manager cycle for the rows in it, and applies the rest', async () => {
		const header = ['Employee number', 'Email', 'Name', 'Department', 'Manager employee number'];
		const { id, summary } = await importFile(
			toCsv([
				header,
				['C1', 'c1@cycle.example.com', 'Cy One', 'HRX', 'C2'],
				['C2', 'c2@cycle.example.com', 'Cy Two', 'HRX', 'C1'],
				['C3', 'c3@cycle.example.com', 'Cy Three', 'HRX', 'HR000001']
			])
		);
		expect(summary.counts).toMatchObject({ create: 1, error: 2 });
		const errors = await listImportRows(db, organiser, id, 'error', 1);
		expect(errors.map((r) => [r.employeeNumber, r.errors.map((e) => e.code)])).toEqual([
			['C1', ['manager_cycle']],
			['C2', ['manager_cycle']]
		]);
		await applyImport(db, organiser, id);
		const made = await db.selectFrom('appUser').select('employeeNumber').where('email', 'like', '%@cycle.example.com').execute();
		expect(made.map((p) => p.employeeNumber)).toEqual(['C3']);
	});

	it('refuses an e-mail twice in the file and one held by another person', async () => {
		const header = ['Employee number', 'Email', 'Name', 'Department'];
		const { summary, id } = await importFile(
			toCsv([
				header,
				['D1', 'dup@x.example.com', 'Dup One', 'HQ'],
				['D2', 'DUP@x.example.com', 'Dup Two', 'HQ'],
				['D3', employee.email ?? 'person3@example.com', 'Not Emma', 'HQ'],
				['HR000001', people[1].email, 'Anna', 'HRX']
			])
		);
		const errors = await listImportRows(db, organiser, id, 'error', 1);
		expect(summary.counts?.error).toBe(3);
		expect(errors.map((r) => r.errors[0].code)).toEqual(['duplicate_email', 'duplicate_email', 'duplicate_email']);
		expect(errors[0].errors[0].line).toBe(3);
		expect(errors[2].line).toBe(5);
		// D3 is matched by its e-mail (someone in the portal without an employee number): an update, not a clash.
		expect(summary.counts?.update).toBe(1);
	});

	it('a leaver row disables the person and hands over their mentorships', async () => {
		const m = mentoringFactories(db);
		const hq = (await db.selectFrom('department').select('id').where('code', '=', 'HQ').executeTakeFirstOrThrow()).id;
		const mentor = await m.newMentor({ departmentId: hq });
		await db.updateTable('appUser').set({ employeeNumber: 'L1' }).where('id', '=', mentor.id).execute();
		const competition = await f.newCompetition();
		const idea = await f.newIdea({ owner: employee, competitionId: competition.id, status: 'accepted' });
		await db.insertInto('mentorAssignment').values({ ideaId: idea.id, mentorId: mentor.id, status: 'accepted' }).execute();

		const { id, summary } = await importFile(
			toCsv([
				['Personeelsnummer', 'E-mail', 'Naam', 'Afdeling', 'Status'],
				['L1', mentor.email ?? '', 'Leaving Mentor', 'HQ', 'Uit dienst']
			])
		);
		expect(summary.counts).toEqual({ create: 0, update: 0, unchanged: 0, disable: 1, error: 0 });
		const result = await applyImport(db, organiser, id);
		expect(result.handover).toMatchObject({ disabled: 1, mentorshipsEnded: 1 });
		const after = await db.selectFrom('appUser').select('disabledAt').where('id', '=', mentor.id).executeTakeFirstOrThrow();
		expect(after.disabledAt).not.toBeNull();
		const assignment = await db
			.selectFrom('mentorAssignment')
			.select(['status', 'endReason'])
			.where('ideaId', '=', idea.id)
			.executeTakeFirstOrThrow();
		expect(assignment).toEqual({ status: 'ended', endReason: 'left_company' });
		const audit = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'user.disabled')
			.where('objectId', '=', String(mentor.id))
			.executeTakeFirstOrThrow();
		expect(audit.data).toMatchObject({ via: 'import' });
		// Again: nothing more to do.
		const again = await importFile(
			toCsv([
				['Personeelsnummer', 'E-mail', 'Naam', 'Afdeling', 'Status'],
				['L1', mentor.email ?? '', 'Leaving Mentor', 'HQ', 'Uit dienst']
			])
		);
		expect(again.summary.counts?.unchanged).toBe(1);
	});

	it('an Excel workbook gives the same plan as the CSV', async () => {
		const table = hrTable(hrPeople({ count: 25, domain: 'xl.example.com', prefix: 'XL' }));
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Staff');
		for (const row of table) sheet.addRow(row.map((c, i) => (i === 0 || !/^\d+$/.test(c) ? c : Number(c))));
		const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
		const fromExcel = await importFile(xlsx, 'staff.xlsx');
		const fromCsv = await importFile(toCsv(table, ';'), 'staff.csv');
		expect(fromExcel.summary.counts).toEqual({ create: 25, update: 0, unchanged: 0, disable: 0, error: 0 });
		expect(await allRows(fromExcel.id)).toEqual(await allRows(fromCsv.id));
		expect(fromExcel.summary.departments).toEqual(fromCsv.summary.departments);
	});

	it('keeps the rows of the 20 most recent imports; older applied ones keep their summary', async () => {
		const small = toCsv([
			['Email', 'Name', 'Department'],
			['keep@x.example.com', 'Keep', 'HQ']
		]);
		for (let i = 0; i < 21; i++) await uploadHrFile(db, organiser, { fileName: `small-${i}.csv`, bytes: bytes(small) });
		await db.updateTable('hrImport').set({ appliedAt: new Date() }).execute();
		const last = await uploadHrFile(db, organiser, { fileName: 'last.csv', bytes: bytes(small) });
		const all = await db
			.selectFrom('hrImport')
			.select(['id', sql<number>`jsonb_array_length(rows)`.as('n')])
			.orderBy('id', 'desc')
			.execute();
		expect(all.slice(0, 20).every((r) => r.n === 1)).toBe(true);
		expect(all.slice(20).every((r) => r.n === 0)).toBe(true);
		expect(all[0].id).toBe(last.id);
		const old = all[all.length - 1].id;
		await db.updateTable('hrImport').set({ appliedAt: null }).where('id', '=', old).execute();
		await expect(applyImport(db, organiser, old)).rejects.toMatchObject({ code: 'import_expired' });
	});

	it('refuses a file whose name lies about its type, and a stranger sees nothing', async () => {
		await expect(uploadHrFile(db, organiser, { fileName: 'staff.xlsx', bytes: bytes('a,b\n1,2\n') })).rejects.toMatchObject({
			reason: 'type_mismatch'
		});
		const pdf = bytes('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
		await expect(uploadHrFile(db, organiser, { fileName: 'staff.csv', bytes: pdf })).rejects.toBeInstanceOf(HrFileRefused);
		await expect(uploadHrFile(db, employee, { fileName: 'staff.csv', bytes: bytes(csv) })).rejects.toMatchObject({ status: 404 });
		expect(admin.roles).toContain('admin');
	});
});
