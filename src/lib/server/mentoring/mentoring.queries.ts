import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';

type Db = Database | Transaction<DB>;

/** A mentor's ideas (accepted, or proposed and waiting for their answer) with checklist progress. */
export function listMentees(db: Db, mentorId: number) {
	return db
		.selectFrom('mentorAssignment as a')
		.innerJoin('idea as i', 'i.id', 'a.ideaId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'a.id as assignmentId',
			'a.status as assignmentStatus',
			'a.readyAt',
			'i.id',
			'i.title',
			'i.status',
			'd.name as departmentName',
			eb
				.selectFrom('coachingCheck as c')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('c.ideaId', '=', 'i.id')
				.as('checksDone'),
			eb
				.selectFrom('ideaMember as m')
				.innerJoin('appUser as u', 'u.id', 'm.userId')
				.select(sql<string>`string_agg(u.name, ', ' order by m.role desc, u.name)`.as('names'))
				.whereRef('m.ideaId', '=', 'i.id')
				.as('team')
		])
		.where('a.mentorId', '=', mentorId)
		.where('a.status', 'in', ['proposed', 'accepted'])
		.orderBy('a.status', 'desc')
		.orderBy('i.title')
		.execute();
}

export function findMentorProfile(db: Db, userId: number) {
	return db.selectFrom('mentorProfile').select(['capacity', 'status', 'expertise']).where('userId', '=', userId).executeTakeFirst();
}
