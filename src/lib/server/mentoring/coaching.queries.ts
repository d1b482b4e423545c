/** One idea's coaching space: the idea, its assignments, checklist, log and presentations; the ticks, log entries and ready mark. */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

/** The idea's coaching space in one statement: the idea, its assignments, checklist, log and presentations. */
export async function findCoachingSpace(db: Db, ideaId: number) {
	const ideaRef = sql<number>`i.id`;
	const row = await db
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
					.where('m.ideaId', '=', ideaRef)
					.orderBy('m.role', 'desc')
					.orderBy('u.name')
			).as('team'),
			jsonArrayFrom(ideaAssignments(db).where('a.ideaId', '=', ideaRef)).as('assignments'),
			jsonArrayFrom(checks(db).where('c.ideaId', '=', ideaRef)).as('checks'),
			jsonArrayFrom(coachingLog(db).where('l.ideaId', '=', ideaRef)).as('log'),
			jsonArrayFrom(ideaPresentations(db).where('s.ideaId', '=', ideaRef)).as('presentations')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
	if (!row) return undefined;
	// Inside JSON the times arrive as text: the page gets the Dates the separate reads gave.
	const at = (v: Date | string) => new Date(v);
	const maybe = (v: Date | string | null) => (v === null ? null : new Date(v));
	return {
		...row,
		assignments: row.assignments.map((a) => ({
			...a,
			createdAt: at(a.createdAt),
			answeredAt: maybe(a.answeredAt),
			readyAt: maybe(a.readyAt)
		})),
		checks: row.checks.map((c) => ({ ...c, doneAt: at(c.doneAt) })),
		log: row.log.map((l) => ({ ...l, createdAt: at(l.createdAt) })),
		presentations: row.presentations.map((p) => ({ ...p, startsAt: at(p.startsAt), endsAt: at(p.endsAt) }))
	};
}

/** Every assignment of the idea, newest first: the current mentor, waiting requests, and past answers. */
function ideaAssignments(db: Db) {
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
		.orderBy('a.createdAt', 'desc')
		.orderBy('a.id', 'desc');
}

function checks(db: Db) {
	return db
		.selectFrom('coachingCheck as c')
		.leftJoin('appUser as u', 'u.id', 'c.doneBy')
		.select(['c.item', 'c.doneAt', 'u.name as doneByName']);
}

function coachingLog(db: Db) {
	return db
		.selectFrom('coachingLog as l')
		.innerJoin('appUser as u', 'u.id', 'l.authorId')
		.select(['l.id', sql<string>`l.session_on::text`.as('sessionOn'), 'l.notes', 'l.nextStep', 'l.createdAt', 'u.name as authorName'])
		.orderBy('l.sessionOn', 'desc')
		.orderBy('l.id', 'desc');
}

function ideaPresentations(db: Db) {
	return db
		.selectFrom('presentationSlot as s')
		.innerJoin('round as r', 'r.id', 's.roundId')
		.select(['s.id', 's.startsAt', 's.endsAt', 's.location', 'r.name as roundName'])
		.orderBy('s.startsAt');
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
