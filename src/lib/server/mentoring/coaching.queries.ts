/** One idea's coaching space: the idea, its assignments, checklist, log and presentations; the ticks, log entries and ready mark. */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

export function findCoachingIdea(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('processArea as pa', 'pa.id', 'i.processAreaId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.departmentId',
			'd.name as departmentName',
			'c.name as competitionName',
			'pa.code as processAreaCode',
			sql<boolean>`coalesce(c.prefer_other_department_mentor, true)`.as('preferOtherDepartment'),
			eb
				.selectFrom('ideaTag as it')
				.innerJoin('tag as t', 't.id', 'it.tagId')
				.select(sql<string[]>`coalesce(array_agg(t.name order by t.name), '{}')`.as('tags'))
				.whereRef('it.ideaId', '=', 'i.id')
				.as('tags'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['u.id', 'u.name', 'm.role'])
					.whereRef('m.ideaId', '=', 'i.id')
					.orderBy('m.role', 'desc')
					.orderBy('u.name')
			).as('team')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}

/** Every assignment of the idea, newest first: the current mentor, waiting requests, and past answers. */
export function listIdeaAssignments(db: Db, ideaId: number) {
	return db
		.selectFrom('mentorAssignment as a')
		.innerJoin('appUser as u', 'u.id', 'a.mentorId')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.leftJoin('mentorProfile as p', 'p.userId', 'a.mentorId')
		.select([
			'a.id',
			'a.mentorId',
			'u.name as mentorName',
			'd.name as mentorDepartment',
			'p.bio',
			'p.expertise',
			'a.status',
			'a.answerReason',
			'a.createdAt',
			'a.answeredAt',
			'a.readyAt'
		])
		.where('a.ideaId', '=', ideaId)
		.orderBy('a.createdAt', 'desc')
		.orderBy('a.id', 'desc')
		.execute();
}

export function listChecks(db: Db, ideaId: number) {
	return db
		.selectFrom('coachingCheck as c')
		.leftJoin('appUser as u', 'u.id', 'c.doneBy')
		.select(['c.item', 'c.doneAt', 'u.name as doneByName'])
		.where('c.ideaId', '=', ideaId)
		.execute();
}

export function listCoachingLog(db: Db, ideaId: number) {
	return db
		.selectFrom('coachingLog as l')
		.innerJoin('appUser as u', 'u.id', 'l.authorId')
		.select(['l.id', sql<string>`l.session_on::text`.as('sessionOn'), 'l.notes', 'l.nextStep', 'l.createdAt', 'u.name as authorName'])
		.where('l.ideaId', '=', ideaId)
		.orderBy('l.sessionOn', 'desc')
		.orderBy('l.id', 'desc')
		.execute();
}

export function listIdeaPresentations(db: Db, ideaId: number) {
	return db
		.selectFrom('presentationSlot as s')
		.innerJoin('round as r', 'r.id', 's.roundId')
		.select(['s.id', 's.startsAt', 's.endsAt', 's.location', 'r.name as roundName'])
		.where('s.ideaId', '=', ideaId)
		.orderBy('s.startsAt')
		.execute();
}

// ---------- checklist, log and ready mark ----------

export function checkItem(db: Db, ideaId: number, item: string, userId: number) {
	return db
		.insertInto('coachingCheck')
		.values({ ideaId, item, doneBy: userId })
		.onConflict((oc) => oc.columns(['ideaId', 'item']).doNothing())
		.execute();
}

export function uncheckItem(db: Db, ideaId: number, item: string) {
	return db.deleteFrom('coachingCheck').where('ideaId', '=', ideaId).where('item', '=', item).execute();
}

export function insertCoachingLog(db: Db, row: { ideaId: number; authorId: number; sessionOn: string; notes: string; nextStep: string }) {
	return db.insertInto('coachingLog').values(row).returning('id').executeTakeFirstOrThrow();
}

export function setReady(db: Db, ideaId: number, mentorId: number, ready: boolean) {
	return db
		.updateTable('mentorAssignment')
		.set({ readyAt: ready ? sql<Date>`now()` : null })
		.where('ideaId', '=', ideaId)
		.where('mentorId', '=', mentorId)
		.where('status', '=', 'accepted')
		.where('readyAt', ready ? 'is' : 'is not', null)
		.returning('id')
		.executeTakeFirst();
}
