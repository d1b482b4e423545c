/**
 * The HR import's SQL: the organisation read whole in two statements, kept imports, and the
 * bulk writes of an apply (set-based, in chunks: never a statement per row).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { ExistingDepartment, ExistingPerson, RowOutcome } from './rules.js';

/** Rows per bulk statement: well under PostgreSQL's 65,535 parameters with 10 columns. */
export const CHUNK = 1000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

export function loadPeople(db: Db): Promise<ExistingPerson[]> {
	return db
		.selectFrom('appUser')
		.select([
			'id',
			'email',
			'employeeNumber',
			'name',
			'departmentId',
			'managerId',
			'jobLevel',
			'educationLevel',
			'jobTitle',
			'locale',
			sql<boolean>`disabled_at is not null`.as('disabled')
		])
		.execute();
}

export function loadDepartments(db: Db): Promise<ExistingDepartment[]> {
	return db
		.selectFrom('department')
		.select(['id', 'code', 'name', 'nameNl', 'parentId', sql<boolean>`retired_at is not null`.as('retired')])
		.execute();
}

export const MAPPING_SETTING = 'hr_import.mapping';

export async function readSavedMapping(db: Db): Promise<unknown> {
	const row = await db.selectFrom('appSetting').select('value').where('key', '=', MAPPING_SETTING).executeTakeFirst();
	return row?.value ?? null;
}

export function saveMapping(db: Db, mapping: object) {
	const value = JSON.stringify(mapping);
	return db
		.insertInto('appSetting')
		.values({ key: MAPPING_SETTING, value })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: sql<Date>`now()` }))
		.execute();
}

export function insertImport(
	db: Db,
	values: { fileName: string; sha256: string; mapping: object; rows: unknown[]; summary: object; createdBy: number | null }
) {
	return db
		.insertInto('hrImport')
		.values({
			fileName: values.fileName,
			sha256: values.sha256,
			mapping: JSON.stringify(values.mapping),
			rows: JSON.stringify(values.rows),
			summary: JSON.stringify(values.summary),
			createdBy: values.createdBy
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

/**
 * Imports keep their rows for their pages; older ones (applied, or a week old) keep only their
 * summary and mapping, so a nightly import does not grow the database by a whole file every night.
 */
export function forgetOldRows(db: Db, keep: number) {
	return sql`update hr_import set rows = '[]'::jsonb
		where jsonb_array_length(rows) > 0 and (applied_at is not null or created_at < now() - interval '7 days') and id < (select min(id) from (select id from hr_import order by id desc limit ${keep}) newest)`.execute(
		db
	);
}

/** An import with its rows, locked for the dry run or the apply (two at once queue). */
export function lockImport(db: Db, id: number) {
	return db
		.selectFrom('hrImport')
		.select(['id', 'fileName', 'mapping', 'rows', 'summary', 'appliedAt'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function updateImport(
	db: Db,
	id: number,
	values: { mapping?: object; rows?: unknown[]; summary: object; appliedBy?: number | null; applied?: boolean }
) {
	return db
		.updateTable('hrImport')
		.set({
			...(values.mapping ? { mapping: JSON.stringify(values.mapping) } : {}),
			...(values.rows ? { rows: JSON.stringify(values.rows) } : {}),
			summary: JSON.stringify(values.summary),
			...(values.applied ? { appliedAt: sql<Date>`now()`, appliedBy: values.appliedBy ?? null } : {})
		})
		.where('id', '=', id)
		.execute();
}

/** An import as its page shows it (its rows are paged separately), with who made and applied it. */
export function findImport(db: Db, id: number) {
	return db
		.selectFrom('hrImport as h')
		.leftJoin('appUser as c', 'c.id', 'h.createdBy')
		.leftJoin('appUser as a', 'a.id', 'h.appliedBy')
		.select([
			'h.id',
			'h.fileName',
			'h.sha256',
			'h.mapping',
			'h.summary',
			'h.createdAt',
			'h.appliedAt',
			'c.name as createdByName',
			'a.name as appliedByName'
		])
		.where('h.id', '=', id)
		.executeTakeFirst();
}

export function listImports(db: Db, limit: number) {
	return db
		.selectFrom('hrImport as h')
		.leftJoin('appUser as c', 'c.id', 'h.createdBy')
		.select(['h.id', 'h.fileName', 'h.summary', 'h.createdAt', 'h.appliedAt', 'c.name as createdByName'])
		.orderBy('h.id', 'desc')
		.limit(limit)
		.execute();
}

/** One page of an import's planned rows, in file order, optionally of one outcome (one statement). */
export async function pageOfRows(db: Db, id: number, outcome: RowOutcome | null, limit: number, offset: number): Promise<unknown[]> {
	const result = await sql<{ plan: unknown }>`
		select r.value -> 'plan' as plan
		from hr_import h cross join lateral jsonb_array_elements(h.rows) with ordinality as r(value, n)
		where h.id = ${id} and (${outcome}::text is null or r.value -> 'plan' ->> 'outcome' = ${outcome}::text)
		order by r.n
		limit ${limit} offset ${offset}`.execute(db);
	return result.rows.map((r) => r.plan);
}

// ---------------------------------------------------------------- bulk writes of an apply

export async function insertDepartments(db: Db, rows: Array<{ code: string; name: string; nameNl: string | null }>) {
	const out: Array<{ id: number; code: string }> = [];
	for (const chunk of chunks(rows)) out.push(...(await db.insertInto('department').values(chunk).returning(['id', 'code']).execute()));
	return out;
}

export async function updateDepartmentNames(db: Db, rows: Array<{ id: number; name: string; nameNl: string | null }>) {
	for (const chunk of chunks(rows)) {
		const values = sql.join(chunk.map((r) => sql`(${r.id}::int, ${r.name}::text, ${r.nameNl}::text)`));
		await sql`update department d set name = v.name, name_nl = v.name_nl, updated_at = now()
			from (values ${values}) as v(id, name, name_nl) where d.id = v.id`.execute(db);
	}
}

export async function updateDepartmentParents(db: Db, rows: Array<{ id: number; parentId: number | null }>) {
	for (const chunk of chunks(rows)) {
		const values = sql.join(chunk.map((r) => sql`(${r.id}::int, ${r.parentId}::int)`));
		await sql`update department d set parent_id = v.parent_id, updated_at = now()
			from (values ${values}) as v(id, parent_id) where d.id = v.id`.execute(db);
	}
}

export type PersonRow = {
	name: string;
	email: string;
	employeeNumber: string | null;
	departmentId: number;
	jobLevel: string;
	educationLevel: string | null;
	jobTitle: string | null;
	locale: string;
};

export async function insertPeople(db: Db, rows: PersonRow[]) {
	const out: Array<{ id: number; email: string }> = [];
	for (const chunk of chunks(rows)) out.push(...(await db.insertInto('appUser').values(chunk).returning(['id', 'email']).execute()));
	return out;
}

export async function updatePeople(db: Db, rows: Array<PersonRow & { id: number }>) {
	for (const chunk of chunks(rows)) {
		const values = sql.join(
			chunk.map(
				(r) =>
					sql`(${r.id}::int, ${r.name}::text, ${r.email}::text, ${r.employeeNumber}::text, ${r.departmentId}::int, ${r.jobLevel}::text, ${r.educationLevel}::text, ${r.jobTitle}::text, ${r.locale}::text)`
			)
		);
		await sql`update app_user u set name = v.name, email = v.email, employee_number = v.employee_number, department_id = v.department_id,
				job_level = v.job_level, education_level = v.education_level, job_title = v.job_title, locale = v.locale, updated_at = now()
			from (values ${values}) as v(id, name, email, employee_number, department_id, job_level, education_level, job_title, locale)
			where u.id = v.id`.execute(db);
	}
}

export async function updateManagers(db: Db, rows: Array<{ id: number; managerId: number | null }>) {
	for (const chunk of chunks(rows)) {
		const values = sql.join(chunk.map((r) => sql`(${r.id}::int, ${r.managerId}::int)`));
		await sql`update app_user u set manager_id = v.manager_id, updated_at = now()
			from (values ${values}) as v(id, manager_id) where u.id = v.id`.execute(db);
	}
}
