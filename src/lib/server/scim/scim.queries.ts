import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';

// ---------- tokens ----------

export function insertToken(db: Db, t: { name: string; tokenHash: string; createdBy: number }) {
	return db.insertInto('scimToken').values(t).returning(['id', 'name', 'createdAt']).executeTakeFirstOrThrow();
}

/** Every token, the ones in use first, newest first, with who created and revoked it. */
export function listTokens(db: Db) {
	return db
		.selectFrom('scimToken as t')
		.leftJoin('appUser as c', 'c.id', 't.createdBy')
		.leftJoin('appUser as r', 'r.id', 't.revokedBy')
		.select(['t.id', 't.name', 't.createdAt', 't.lastUsedAt', 't.revokedAt', 'c.name as createdByName', 'r.name as revokedByName'])
		.orderBy(sql`t.revoked_at is not null`)
		.orderBy('t.id', 'desc')
		.execute();
}

export function findTokenByHash(db: Db, tokenHash: string) {
	return db.selectFrom('scimToken').select(['id', 'revokedAt', 'lastUsedAt']).where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Marks a token used; at most once a minute, so a busy sync does not write on every request. */
export function touchToken(db: Db, id: number) {
	return db
		.updateTable('scimToken')
		.set({ lastUsedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', sql<Date>`now() - interval '1 minute'`)]))
		.execute();
}

export function revokeTokenRow(db: Db, id: number, revokedBy: number) {
	return db
		.updateTable('scimToken')
		.set({ revokedAt: sql<Date>`now()`, revokedBy })
		.where('id', '=', id)
		.where('revokedAt', 'is', null)
		.returning(['id', 'name'])
		.executeTakeFirst();
}

export function findToken(db: Db, id: number) {
	return db.selectFrom('scimToken').select(['id', 'name', 'revokedAt']).where('id', '=', id).executeTakeFirst();
}

// ---------- users ----------

/** What a list of Users is filtered on, as the service read the SCIM filter. */
export type UserWhere = {
	/** A filter that can match nobody (two different userNames, an id that is not one). */
	none?: boolean;
	id?: number;
	email?: string;
	externalId?: string;
	name?: string;
	employeeNumber?: string;
	active?: boolean;
};

function usersQuery(db: Db) {
	return db
		.selectFrom('appUser')
		.innerJoin('department as d', 'd.id', 'appUser.departmentId')
		.leftJoin('appUser as m', 'm.id', 'appUser.managerId')
		.select([
			'appUser.id',
			'appUser.email',
			'appUser.name',
			'appUser.externalId',
			'appUser.jobTitle',
			'appUser.locale',
			'appUser.jobLevel',
			'appUser.educationLevel',
			'appUser.employeeNumber',
			'appUser.departmentId',
			'd.name as departmentName',
			'appUser.managerId',
			'm.name as managerName',
			'appUser.disabledAt',
			'appUser.createdAt',
			'appUser.updatedAt'
		]);
}

/** The filter as one condition on app_user (true when nothing is filtered). */
function userConditions(w: UserWhere) {
	const eb = expressionBuilder<DB, 'appUser'>();
	const c: Expression<SqlBool>[] = [];
	if (w.none) c.push(sql<boolean>`false`);
	if (w.id !== undefined) c.push(eb('appUser.id', '=', w.id));
	if (w.email !== undefined) c.push(eb('appUser.email', '=', w.email.toLowerCase()));
	if (w.externalId !== undefined) c.push(eb('appUser.externalId', '=', w.externalId));
	if (w.name !== undefined) c.push(eb(sql`lower(app_user.name)`, '=', w.name.toLowerCase()));
	if (w.employeeNumber !== undefined) c.push(eb('appUser.employeeNumber', '=', w.employeeNumber));
	if (w.active !== undefined) c.push(eb('appUser.disabledAt', w.active ? 'is' : 'is not', null));
	return eb.and(c);
}

/** One page of Users with the count of all that match (one statement). */
export function listUsers(db: Db, where: UserWhere, limit: number, offset: number) {
	return usersQuery(db)
		.select(sql<number>`count(*) over ()::int`.as('total'))
		.where(userConditions(where))
		.orderBy('appUser.id')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countUsers(db: Db, where: UserWhere): Promise<number> {
	const row = await db
		.selectFrom('appUser')
		.select(sql<number>`count(*)::int`.as('n'))
		.where(userConditions(where))
		.executeTakeFirstOrThrow();
	return row.n;
}

export function findUser(db: Db, id: number) {
	return usersQuery(db).where('appUser.id', '=', id).executeTakeFirst();
}

/**
 * The department a User's `department` names: its Group's externalId, else its code, else
 * its name (English or Dutch), without regard to case. Retired ones are found too, so the
 * refusal can say so.
 */
export function findDepartmentByRef(db: Db, ref: string) {
	const lower = ref.toLowerCase();
	return db
		.selectFrom('department')
		.select(['id', 'name', 'retiredAt'])
		.where((eb) =>
			eb.or([
				eb('externalId', '=', ref),
				eb(sql`lower(code)`, '=', lower),
				eb(sql`lower(name)`, '=', lower),
				eb(sql`lower(name_nl)`, '=', lower)
			])
		)
		.orderBy(sql`retired_at is not null`)
		.orderBy(sql`case when external_id = ${ref} then 0 when lower(code) = ${lower} then 1 when lower(name) = ${lower} then 2 else 3 end`)
		.orderBy('id')
		.executeTakeFirst();
}

export function findDepartmentByCode(db: Db, code: string) {
	return db.selectFrom('department').select(['id', 'retiredAt']).where('code', '=', code).executeTakeFirst();
}

/** The manager a User's `manager.value` names: a User id, else an externalId. */
export function findManagerByRef(db: Db, ref: string) {
	const id = /^\d{1,10}$/.test(ref) && Number(ref) <= 2_147_483_647 ? Number(ref) : null;
	return db
		.selectFrom('appUser')
		.select('id')
		.where((eb) => eb.or([...(id !== null ? [eb('id', '=', id)] : []), eb('externalId', '=', ref)]))
		.orderBy(sql`case when id = ${id ?? 0} then 0 else 1 end`)
		.executeTakeFirst();
}

// ---------- groups (departments) ----------

export type GroupWhere = { none?: boolean; id?: number; name?: string; externalId?: string; memberId?: number };

function groupConditions(w: GroupWhere) {
	const eb = expressionBuilder<DB, 'department'>();
	const c: Expression<SqlBool>[] = [eb('department.retiredAt', 'is', null)];
	if (w.none) c.push(sql<boolean>`false`);
	if (w.id !== undefined) c.push(eb('department.id', '=', w.id));
	if (w.name !== undefined) c.push(eb(sql`lower(department.name)`, '=', w.name.toLowerCase()));
	if (w.externalId !== undefined) c.push(eb('department.externalId', '=', w.externalId));
	if (w.memberId !== undefined) {
		const memberId = w.memberId;
		c.push(
			eb.exists(
				eb
					.selectFrom('appUser')
					.select('appUser.id')
					.where('appUser.id', '=', memberId)
					.whereRef('appUser.departmentId', '=', 'department.id')
			)
		);
	}
	return eb.and(c);
}

const GROUP_COLUMNS = [
	'department.id',
	'department.name',
	'department.externalId',
	'department.createdAt',
	'department.updatedAt'
] as const;

/** One page of active departments with the count of all that match (one statement). */
export function listGroups(db: Db, where: GroupWhere, limit: number, offset: number) {
	return db
		.selectFrom('department')
		.select([...GROUP_COLUMNS, sql<number>`count(*) over ()::int`.as('total')])
		.where(groupConditions(where))
		.orderBy('department.id')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countGroups(db: Db, where: GroupWhere): Promise<number> {
	const row = await db
		.selectFrom('department')
		.select(sql<number>`count(*)::int`.as('n'))
		.where(groupConditions(where))
		.executeTakeFirstOrThrow();
	return row.n;
}

export function findGroup(db: Db, id: number) {
	return db
		.selectFrom('department')
		.select(GROUP_COLUMNS)
		.where('department.id', '=', id)
		.where('department.retiredAt', 'is', null)
		.executeTakeFirst();
}

/** A department's row locked for a change, so two requests on one Group queue. */
export function lockGroup(db: Db, id: number) {
	return db
		.selectFrom('department')
		.select(GROUP_COLUMNS)
		.where('department.id', '=', id)
		.where('department.retiredAt', 'is', null)
		.forUpdate()
		.executeTakeFirst();
}

/** The people of these departments (all of them, disabled too), in id order: one statement. */
export function membersOf(db: Db, departmentIds: number[]) {
	if (!departmentIds.length) return Promise.resolve([]);
	return db.selectFrom('appUser').select(['id', 'name', 'departmentId']).where('departmentId', 'in', departmentIds).orderBy('id').execute();
}

/** Which of these ids are people, and where they are now. */
export function peopleByIds(db: Db, ids: number[]) {
	if (!ids.length) return Promise.resolve([]);
	return db.selectFrom('appUser').select(['id', 'departmentId']).where('id', 'in', ids).execute();
}

/** An active department already called this (any case), or holding this externalId. */
export function findGroupClash(db: Db, exceptId: number | null, name: string | null, externalId: string | null) {
	return db
		.selectFrom('department')
		.select(['id', 'name', 'externalId', 'retiredAt'])
		.where((eb) =>
			eb.or([
				...(name !== null ? [eb.and([eb(sql`lower(name)`, '=', name.toLowerCase()), eb('retiredAt', 'is', null)])] : []),
				...(externalId !== null ? [eb('externalId', '=', externalId)] : [])
			])
		)
		.$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
		.execute();
}

/** Codes already taken that start like `prefix` (to make a new one unique). */
export async function codesLike(db: Db, prefix: string): Promise<string[]> {
	const rows = await db.selectFrom('department').select('code').where('code', 'like', `${prefix}%`).execute();
	return rows.map((r) => r.code);
}

/** The active departments at the top of the tree. */
export function topDepartments(db: Db) {
	return db
		.selectFrom('department')
		.select('id')
		.where('parentId', 'is', null)
		.where('retiredAt', 'is', null)
		.orderBy('id')
		.limit(2)
		.execute();
}

export function insertGroup(db: Db, g: { code: string; name: string; externalId: string | null; parentId: number | null }) {
	return db.insertInto('department').values(g).returning('id').executeTakeFirstOrThrow();
}

export function updateGroupRow(db: Db, id: number, patch: { name?: string; externalId?: string | null }) {
	return db
		.updateTable('department')
		.set({ ...patch, updatedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.execute();
}

/** Active people and active sub-departments still in a department (one statement). */
export async function dependantsOf(db: Db, id: number): Promise<{ people: number; children: number }> {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('appUser')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('departmentId', '=', id)
				.where('disabledAt', 'is', null)
				.as('people'),
			eb
				.selectFrom('department')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('parentId', '=', id)
				.where('retiredAt', 'is', null)
				.as('children')
		])
		.executeTakeFirstOrThrow();
	return { people: Number(row.people ?? 0), children: Number(row.children ?? 0) };
}

export function retireGroupRow(db: Db, id: number) {
	return db
		.updateTable('department')
		.set({ retiredAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.where('retiredAt', 'is', null)
		.execute();
}
