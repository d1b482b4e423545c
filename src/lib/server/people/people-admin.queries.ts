import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

/** Rounds whose juries still sit: a seat there is flagged when its holder leaves. */
const OPEN_ROUND = ['draft', 'open'] as const;

/**
 * A person as the admin's person page shows them, in one statement: their record, their
 * department and manager, their portal roles, and what they hold that a leaving person hands
 * over: mentorships not ended, seats on juries of rounds not closed, the ideas on whose teams they are.
 */
export function findPersonForAdmin(db: Db, id: number) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => [
			'u.id',
			'u.name',
			'u.email',
			'u.employeeNumber',
			'u.departmentId',
			'd.name as departmentName',
			'd.nameNl as departmentNameNl',
			'u.managerId',
			'u.jobLevel',
			'u.educationLevel',
			'u.locale',
			'u.jobTitle',
			'u.externalId',
			'u.disabledAt',
			'u.createdAt',
			jsonObjectFrom(
				eb
					.selectFrom('appUser as m')
					.whereRef('m.id', '=', 'u.managerId')
					.select(['m.id', 'm.name', 'm.email', 'm.employeeNumber', 'm.disabledAt'])
			).as('manager'),
			eb
				.selectFrom('roleGrant as g')
				.whereRef('g.userId', '=', 'u.id')
				.select(sql<string[]>`coalesce(array_agg(g.role order by g.role), '{}')`.as('r'))
				.as('grants'),
			jsonArrayFrom(
				eb
					.selectFrom('mentorAssignment as a')
					.innerJoin('idea as i', 'i.id', 'a.ideaId')
					.whereRef('a.mentorId', '=', 'u.id')
					.where('a.status', 'in', ['proposed', 'accepted', 'requested'])
					.select(['a.id', 'a.status', 'i.id as ideaId', 'i.title'])
					.orderBy('a.id')
			).as('mentorships'),
			jsonArrayFrom(
				eb
					.selectFrom('juryMember as jm')
					.innerJoin('jury as j', 'j.id', 'jm.juryId')
					.innerJoin('round as r', 'r.id', 'j.roundId')
					.innerJoin('competition as c', 'c.id', 'r.competitionId')
					.whereRef('jm.userId', '=', 'u.id')
					.where('r.status', 'in', OPEN_ROUND)
					.select([
						'j.id as juryId',
						'j.name as juryName',
						'r.id as roundId',
						'r.name as roundName',
						'c.id as competitionId',
						'c.name as competitionName'
					])
					.orderBy('r.id')
			).as('jurySeats'),
			// How many ideas they are on the team of, by status: counts only, since an admin is
			// not an idea's reader (a draft is its team's alone). Their ideas: helping is not one.
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as im')
					.innerJoin('idea as i', 'i.id', 'im.ideaId')
					.whereRef('im.userId', '=', 'u.id')
					.where('im.role', '<>', 'helper')
					.select((x) => ['i.status', x.fn.countAll<number>().as('count')])
					.groupBy('i.status')
					.orderBy('i.status')
			).as('ideas')
		])
		.where('u.id', '=', id)
		.executeTakeFirst();
}

/** A manager typed as an e-mail address or an employee number. */
export function findPersonByKey(db: Db, key: string) {
	return db
		.selectFrom('appUser')
		.select(['id', 'name'])
		.where((eb) => eb.or([eb('email', '=', key.toLowerCase()), eb('employeeNumber', '=', key)]))
		.orderBy(sql`email = ${key.toLowerCase()}`, (ob) => ob.desc())
		.executeTakeFirst();
}

/** Does the person hold the admin role, and how many active admins are there? (One statement.) */
export function adminState(db: Db, id: number) {
	return db
		.selectNoFrom((eb) => [
			eb.exists(eb.selectFrom('roleGrant').where('userId', '=', id).where('role', '=', 'admin').select('userId')).as('isAdmin'),
			eb
				.selectFrom('roleGrant as g')
				.innerJoin('appUser as u', 'u.id', 'g.userId')
				.where('g.role', '=', 'admin')
				.where('u.disabledAt', 'is', null)
				.select(sql<number>`count(*)::int`.as('n'))
				.as('activeAdmins')
		])
		.executeTakeFirstOrThrow();
}

export function personExists(db: Db, id: number) {
	return db.selectFrom('appUser').select('id').where('id', '=', id).executeTakeFirst();
}
