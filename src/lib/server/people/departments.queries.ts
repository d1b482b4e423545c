import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { EducationLevel, JobLevel } from '../../domain/org-chart.js';

/** What an admin writes about a department on its page. */
export type DepartmentRecord = {
	code: string;
	name: string;
	nameNl: string | null;
	parentId: number | null;
	eligibleByDefault: boolean;
};

export const DEPARTMENT_FIELDS = ['code', 'name', 'nameNl', 'parentId', 'eligibleByDefault'] as const satisfies ReadonlyArray<
	keyof DepartmentRecord
>;

export type HeadcountCell = { jobLevel: JobLevel; educationLevel: EducationLevel | 'unknown'; headcount: number };

/** Every department with its active people and its management team, in one statement. */
export function listDepartmentRows(db: Db) {
	return db
		.selectFrom('department as d')
		.select((eb) => [
			'd.id',
			'd.code',
			'd.name',
			'd.nameNl',
			'd.parentId',
			'd.eligibleByDefault',
			'd.headcount',
			'd.retiredAt',
			eb
				.selectFrom('appUser as u')
				.whereRef('u.departmentId', '=', 'd.id')
				.where('u.disabledAt', 'is', null)
				.select(sql<number>`count(*)::int`.as('n'))
				.as('people'),
			jsonArrayFrom(
				eb
					.selectFrom('departmentMtMember as mt')
					.innerJoin('appUser as u', 'u.id', 'mt.userId')
					.whereRef('mt.departmentId', '=', 'd.id')
					.select(['u.id', 'u.name', 'u.disabledAt'])
					.orderBy('u.name')
			).as('mt')
		])
		.orderBy('d.name')
		.orderBy('d.id')
		.execute();
}

/** One department with its management team and headcount grid (one statement). */
export function findDepartment(db: Db, id: number) {
	return db
		.selectFrom('department as d')
		.select((eb) => [
			'd.id',
			'd.code',
			'd.name',
			'd.nameNl',
			'd.parentId',
			'd.eligibleByDefault',
			'd.headcount',
			'd.retiredAt',
			'd.externalId',
			jsonArrayFrom(
				eb
					.selectFrom('departmentMtMember as mt')
					.innerJoin('appUser as u', 'u.id', 'mt.userId')
					.whereRef('mt.departmentId', '=', 'd.id')
					.select(['u.id', 'u.name', 'u.email', 'u.jobTitle', 'u.disabledAt'])
					.orderBy('u.name')
			).as('mt'),
			jsonArrayFrom(
				eb
					.selectFrom('departmentHeadcount as h')
					.whereRef('h.departmentId', '=', 'd.id')
					.select(['h.jobLevel', 'h.educationLevel', 'h.headcount'])
			).as('grid')
		])
		.where('d.id', '=', id)
		.executeTakeFirst();
}

/** Lock a department's row for a change, so two admins editing at once queue. */
export function lockDepartment(db: Db, id: number) {
	return db
		.selectFrom('department')
		.select([...DEPARTMENT_FIELDS, 'id', 'retiredAt'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * What a department change must know, in one statement: is the code held by another
 * department, does the new parent exist and is it active, and is this department on the
 * new parent's line to the top (a move under itself or its own descendant: a loop).
 */
export async function checkDepartmentChange(db: Db, id: number | null, code: string, parentId: number | null) {
	const result = await sql<{ codeTaken: boolean; parentFound: boolean; parentRetired: boolean; loop: boolean }>`
		with recursive line (id, parent_id, depth) as (
			select id, parent_id, 1 from department where id = ${parentId}
			union all
			select d.id, d.parent_id, l.depth + 1 from department d join line l on d.id = l.parent_id where l.depth < 100
		)
		select
			exists (select 1 from department where code = ${code} and id is distinct from ${id}) as "codeTaken",
			exists (select 1 from department where id = ${parentId}) as "parentFound",
			exists (select 1 from department where id = ${parentId} and retired_at is not null) as "parentRetired",
			exists (select 1 from line where id = ${id}) as "loop"`.execute(db);
	return result.rows[0];
}

export function insertDepartment(db: Db, d: DepartmentRecord) {
	return db.insertInto('department').values(d).returning('id').executeTakeFirstOrThrow();
}

export function updateDepartmentRow(db: Db, id: number, patch: Partial<DepartmentRecord>) {
	return db
		.updateTable('department')
		.set({ ...patch, updatedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.execute();
}

/** Who and what still hangs under a department: its active people and active child departments. */
export function countDependants(db: Db, id: number) {
	return db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('appUser')
				.where('departmentId', '=', id)
				.where('disabledAt', 'is', null)
				.select(sql<number>`count(*)::int`.as('n'))
				.as('people'),
			eb
				.selectFrom('department')
				.where('parentId', '=', id)
				.where('retiredAt', 'is', null)
				.select(sql<number>`count(*)::int`.as('n'))
				.as('children')
		])
		.executeTakeFirstOrThrow();
}

export function setDepartmentRetired(db: Db, id: number, retired: boolean) {
	return db
		.updateTable('department')
		.set({ retiredAt: retired ? sql<Date>`now()` : null, updatedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.where('retiredAt', retired ? 'is' : 'is not', null)
		.returning('id')
		.executeTakeFirst();
}

/** Restoring a department under a retired parent would leave it hanging from a retired branch. */
export function findParentState(db: Db, id: number) {
	return db
		.selectFrom('department as d')
		.leftJoin('department as p', 'p.id', 'd.parentId')
		.select(['d.id', 'd.retiredAt', 'p.id as parentId', 'p.retiredAt as parentRetiredAt'])
		.where('d.id', '=', id)
		.executeTakeFirst();
}

/** Add a person to the management team; returns the person's name, or nothing when they are unknown, disabled or already in it. */
export async function insertMtMember(db: Db, departmentId: number, userId: number) {
	const result = await sql<{ name: string }>`
		with added as (
			insert into department_mt_member (department_id, user_id)
			select ${departmentId}, u.id from app_user u where u.id = ${userId} and u.disabled_at is null
			on conflict do nothing
			returning user_id
		)
		select u.name from added a join app_user u on u.id = a.user_id`.execute(db);
	return result.rows[0];
}

export function deleteMtMember(db: Db, departmentId: number, userId: number) {
	return db
		.deleteFrom('departmentMtMember')
		.where('departmentId', '=', departmentId)
		.where('userId', '=', userId)
		.returning('userId')
		.executeTakeFirst();
}

/** The headcount grid replaced as a whole (cells of 0 are not stored), and the department's total set to its sum. */
export async function replaceHeadcount(db: Db, departmentId: number, cells: HeadcountCell[]) {
	const kept = cells.filter((c) => c.headcount > 0);
	const total = kept.reduce((sum, c) => sum + c.headcount, 0);
	const keys = kept.map((c) => `${c.jobLevel}/${c.educationLevel}`);
	const values = kept.map((c) => sql`(${departmentId}::int, ${c.jobLevel}::text, ${c.educationLevel}::text, ${c.headcount}::int)`);
	// One statement: cells no longer counted go, the others are written, the total follows.
	// (The removed and written cells never overlap: sub-statements of one WITH must not touch the same row.)
	await sql`
		with removed as (
			delete from department_headcount
			where department_id = ${departmentId} and not (job_level || '/' || education_level = any(${keys}::text[]))
		),
		written as (
			insert into department_headcount (department_id, job_level, education_level, headcount)
			${values.length ? sql`values ${sql.join(values)}` : sql`select null::int, null::text, null::text, null::int where false`}
			on conflict (department_id, job_level, education_level) do update set headcount = excluded.headcount
		)
		update department set headcount = ${total}, updated_at = now() where id = ${departmentId}`.execute(db);
	return total;
}

/** People an admin may add to a management team: active, by name, e-mail or employee number. */
export function searchActivePeople(db: Db, query: string, limit: number) {
	const like = `%${query.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.email', 'u.jobTitle', 'd.name as departmentName'])
		.where('u.disabledAt', 'is', null)
		.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like), eb('u.employeeNumber', '=', query)]))
		.orderBy('u.name')
		.limit(limit)
		.execute();
}
