/** The mentor's home (their proposals and mentees, next presentations) and the portal home's mentor card. */
import { sql } from 'kysely';
import { teamNames } from '../ideas/idea-columns.js';
import type { Db } from '../db/index.js';
import { ACTIVE_ASSIGNMENT } from './mentoring.queries.js';

/** The mentor's home: proposals to answer and accepted mentees, with tags, progress and next slot. */
export function listMentorAssignments(db: Db, mentorId: number) {
	return db
		.selectFrom('mentorAssignment as a')
		.innerJoin('idea as i', 'i.id', 'a.ideaId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'a.id as assignmentId',
			'a.status as assignmentStatus',
			'a.createdAt as proposedAt',
			'a.readyAt',
			'i.id',
			'i.title',
			'i.status',
			'i.problem',
			'd.name as departmentName',
			eb
				.selectFrom('coachingCheck as c')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('c.ideaId', '=', 'i.id')
				.as('checksDone'),
			eb
				.selectFrom('ideaTag as it')
				.innerJoin('tag as t', 't.id', 'it.tagId')
				.select(sql<string[]>`coalesce(array_agg(t.name order by t.name), '{}')`.as('tags'))
				.whereRef('it.ideaId', '=', 'i.id')
				.as('tags'),
			teamNames(eb.ref('i.id')),
			eb
				.selectFrom('coachingLog as l')
				.select(sql<string>`max(l.session_on)::text`.as('d'))
				.whereRef('l.ideaId', '=', 'i.id')
				.as('lastSessionOn'),
			eb
				.selectFrom('presentationSlot as s')
				.select(sql<string>`min(s.starts_at)`.as('s'))
				.whereRef('s.ideaId', '=', 'i.id')
				.where('s.startsAt', '>=', sql<Date>`now()`)
				.as('nextSlotAt')
		])
		.where('a.mentorId', '=', mentorId)
		.where('a.status', 'in', ACTIVE_ASSIGNMENT)
		.orderBy('a.createdAt')
		.execute();
}

/** The next presentations of the mentor's accepted mentees. */
export function listMenteePresentations(db: Db, mentorId: number) {
	return db
		.selectFrom('presentationSlot as s')
		.innerJoin('round as r', 'r.id', 's.roundId')
		.innerJoin('idea as i', 'i.id', 's.ideaId')
		.innerJoin('mentorAssignment as a', (j) =>
			j.onRef('a.ideaId', '=', 'i.id').on('a.mentorId', '=', mentorId).on('a.status', '=', 'accepted')
		)
		.select(['s.id', 's.startsAt', 's.endsAt', 's.location', 'r.name as roundName', 'i.id as ideaId', 'i.title'])
		.where('s.startsAt', '>=', sql<Date>`now()`)
		.orderBy('s.startsAt')
		.limit(10)
		.execute();
}

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
			teamNames(eb.ref('i.id'))
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
