import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { GrantableRole } from '../auth/policy.js';

/**
 * The columns every view of a person needs to know their roles: portal grants, an active
 * mentor profile, a jury seat. Used inside a select over `appUser as u`.
 */
function roleColumns(eb: ExpressionBuilder<DB & { u: DB['appUser'] }, 'u'>) {
	return [
		eb
			.selectFrom('roleGrant')
			.select(sql<string[]>`coalesce(array_agg(role order by role), '{}')`.as('roles'))
			.whereRef('roleGrant.userId', '=', 'u.id')
			.as('grants'),
		eb
			.exists(eb.selectFrom('mentorProfile').whereRef('mentorProfile.userId', '=', 'u.id').where('status', '=', 'active').select('userId'))
			.as('isMentor'),
		eb.exists(eb.selectFrom('juryMember').whereRef('juryMember.userId', '=', 'u.id').select('userId')).as('isJuror')
	] as const;
}

export function sessionUserColumns(eb: ExpressionBuilder<DB & { u: DB['appUser']; d: DB['department'] }, 'u' | 'd'>) {
	return [
		'u.id',
		'u.email',
		'u.name',
		'u.departmentId',
		'd.name as departmentName',
		'u.jobLevel',
		'u.jobTitle',
		'u.locale',
		'u.disabledAt',
		...roleColumns(eb),
		// LeaderFacts for the policy (team leader, management team seats), so a page asks without a statement
		eb
			.exists(eb.selectFrom('appUser as r').select('r.id').whereRef('r.managerId', '=', 'u.id').where('r.disabledAt', 'is', null))
			.as('leadsTeam'),
		eb
			.selectFrom('departmentMtMember as mt')
			.select(sql<number[]>`coalesce(array_agg(mt.department_id order by mt.department_id), '{}')`.as('ids'))
			.whereRef('mt.userId', '=', 'u.id')
			.as('managedDepartmentIds')
	] as const;
}

/** One query: the person, their department and every role they hold today. */
export function findSessionUser(db: Db, userId: number) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => sessionUserColumns(eb))
		.where('u.id', '=', userId)
		.executeTakeFirst();
}

export type UserListFilter = { q?: string; departmentId?: number; role?: string; limit: number; offset: number };

/** The admin's list of people: one query with roles, paged. */
export function listUsers(db: Db, f: UserListFilter) {
	let query = db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => [
			'u.id',
			'u.name',
			'u.email',
			'u.jobLevel',
			'u.jobTitle',
			'u.disabledAt',
			'd.name as departmentName',
			...roleColumns(eb),
			sql<number>`count(*) over ()`.as('total')
		]);
	if (f.q) {
		const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
		query = query.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like)]));
	}
	if (f.departmentId) query = query.where('u.departmentId', '=', f.departmentId);
	if (f.role === 'organiser' || f.role === 'admin') {
		const role = f.role;
		query = query.where((eb) =>
			eb.exists(eb.selectFrom('roleGrant as g').whereRef('g.userId', '=', 'u.id').where('g.role', '=', role).select('g.userId'))
		);
	}
	return query.orderBy('u.name').orderBy('u.id').limit(f.limit).offset(f.offset).execute();
}

export function listDepartments(db: Db) {
	return db.selectFrom('department').select(['id', 'code', 'name', 'parentId', 'headcount']).orderBy('name').execute();
}

export function grantRole(db: Db, userId: number, role: GrantableRole, grantedBy: number) {
	return db
		.insertInto('roleGrant')
		.values({ userId, role, grantedBy })
		.onConflict((oc) => oc.columns(['userId', 'role']).doNothing())
		.returning('userId')
		.executeTakeFirst();
}

export function revokeRole(db: Db, userId: number, role: GrantableRole) {
	return db.deleteFrom('roleGrant').where('userId', '=', userId).where('role', '=', role).returning('userId').executeTakeFirst();
}

export function countAdmins(db: Db) {
	return db
		.selectFrom('roleGrant as g')
		.innerJoin('appUser as u', 'u.id', 'g.userId')
		.where('g.role', '=', 'admin')
		.where('u.disabledAt', 'is', null)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
}

/** How many people, disabled people and departments there are (a query to run or to nest). */
export function peopleCounts(db: Db) {
	return db.selectFrom('appUser').select((eb) => [
		eb.fn.countAll<number>().as('people'),
		sql<number>`count(*) filter (where disabled_at is not null)::int`.as('disabled'),
		eb
			.selectFrom('department')
			.select(sql<number>`count(*)::int`.as('n'))
			.as('departments')
	]);
}

export function updateUserLocale(db: Db, userId: number, locale: 'en' | 'nl') {
	return db.updateTable('appUser').set({ locale }).where('id', '=', userId).execute();
}

/** Everyone who can sign in on the demo page, with what makes them interesting to try. */
export function listSignInPeople(db: Db) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => ['u.id', 'u.name', 'u.email', 'u.jobTitle', 'u.jobLevel', 'd.name as departmentName', ...roleColumns(eb)])
		.where('u.disabledAt', 'is', null)
		.orderBy('d.name')
		.orderBy('u.name')
		.execute();
}
