/**
 * Mentors and their assignments: the coaching facts the policy reads, the locks that keep a
 * mentor within capacity, assignments and answers, profiles, and the organiser's lists. One
 * idea's coaching space is coaching.queries.ts; the mentor's home mentor-home.queries.ts.
 */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import { teamNames } from '../ideas/idea-columns.js';
import type { Db } from '../db/index.js';
import { COACHING_ONGOING } from '../../domain/idea-status.js';

/** Statuses of an assignment that hold a place in the mentor's capacity and the idea's one slot. */
export const ACTIVE_ASSIGNMENT = ['proposed', 'accepted'] as const;

/** What the policy needs about one idea's coaching and this actor, in one query. */
export function findCoachingFacts(db: Db, actorId: number, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.departmentId',
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'i.id').where('m.userId', '=', actorId).select('m.userId'))
				.as('isMember'),
			eb
				.selectFrom('mentorAssignment as a')
				.select('a.status')
				.whereRef('a.ideaId', '=', 'i.id')
				.where('a.mentorId', '=', actorId)
				.where('a.status', 'in', ACTIVE_ASSIGNMENT)
				.limit(1)
				.as('mentorStatus'),
			eb
				.exists(
					eb.selectFrom('mentorAssignment as a').whereRef('a.ideaId', '=', 'i.id').where('a.status', 'in', ACTIVE_ASSIGNMENT).select('a.id')
				)
				.as('hasActiveMentor')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}

/**
 * The mentor's profile row, locked until the transaction ends: two organisers assigning
 * the same mentor at once queue here, so the second one counts the first one's assignment.
 */
export function lockMentorProfile(db: Db, userId: number) {
	return db
		.selectFrom('mentorProfile')
		.select(['userId', 'capacity', 'status'])
		.where('userId', '=', userId)
		.forUpdate()
		.executeTakeFirst();
}

export async function countActiveAssignments(db: Db, mentorId: number): Promise<number> {
	const row = await db
		.selectFrom('mentorAssignment')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('mentorId', '=', mentorId)
		.where('status', 'in', ACTIVE_ASSIGNMENT)
		.executeTakeFirstOrThrow();
	return row.n;
}

export function lockIdeaForCoaching(db: Db, ideaId: number) {
	return db.selectFrom('idea').select(['id', 'status', 'title', 'departmentId']).where('id', '=', ideaId).forUpdate().executeTakeFirst();
}

export function insertAssignment(db: Db, row: { ideaId: number; mentorId: number; status: 'proposed' | 'requested'; assignedBy: number }) {
	return db.insertInto('mentorAssignment').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Close the team's open requests for an idea (a mentor was assigned, or they asked again). */
export function endRequests(db: Db, ideaId: number) {
	return db
		.updateTable('mentorAssignment')
		.set({ status: 'ended' })
		.where('ideaId', '=', ideaId)
		.where('status', '=', 'requested')
		.execute();
}

/** The idea's proposed or accepted mentorship, if any. */
export function findActiveAssignment(db: Db, ideaId: number) {
	return db
		.selectFrom('mentorAssignment')
		.select(['id', 'mentorId', 'status'])
		.where('ideaId', '=', ideaId)
		.where('status', 'in', ACTIVE_ASSIGNMENT)
		.executeTakeFirst();
}

/** End the idea's proposed or accepted mentorship, with who and why; none when there is none (a second click). */
export function endActiveAssignment(db: Db, ideaId: number, end: { endedBy: number; reason: string }) {
	return db
		.updateTable('mentorAssignment')
		.set({ status: 'ended', endedAt: sql<Date>`now()`, endedBy: end.endedBy, endReason: end.reason })
		.where('ideaId', '=', ideaId)
		.where('status', 'in', ACTIVE_ASSIGNMENT)
		.returning(['id', 'mentorId', 'status'])
		.executeTakeFirst();
}

/** The mentor's answer; only a proposal still waiting is changed (a double click changes nothing). */
export function answerProposal(
	db: Db,
	ideaId: number,
	mentorId: number,
	answer: { status: 'accepted' | 'declined'; reason: string | null }
) {
	return db
		.updateTable('mentorAssignment')
		.set({ status: answer.status, answerReason: answer.reason, answeredAt: sql<Date>`now()` })
		.where('ideaId', '=', ideaId)
		.where('mentorId', '=', mentorId)
		.where('status', '=', 'proposed')
		.returning('id')
		.executeTakeFirst();
}

export function recordMentorConflict(db: Db, mentorId: number, ideaId: number) {
	return db
		.insertInto('conflictOfInterest')
		.values({ userId: mentorId, ideaId, source: 'mentor' })
		.onConflict((oc) => oc.columns(['userId', 'ideaId', 'source']).doNothing())
		.execute();
}

// ---------- profiles ----------

export function findMentorProfileFull(db: Db, userId: number) {
	return db
		.selectFrom('mentorProfile')
		.select(['userId', 'expertise', 'languages', 'capacity', 'bio', 'status', 'createdAt'])
		.where('userId', '=', userId)
		.executeTakeFirst();
}

export function upsertMentorProfile(
	db: Db,
	row: { userId: number; expertise: string[]; languages: string[]; capacity: number; bio: string; status: 'active' | 'paused' }
) {
	return db
		.insertInto('mentorProfile')
		.values(row)
		.onConflict((oc) =>
			oc
				.column('userId')
				.doUpdateSet({ expertise: row.expertise, languages: row.languages, capacity: row.capacity, bio: row.bio, status: row.status })
		)
		.execute();
}

export function insertMentorProfileIfMissing(db: Db, row: { userId: number; expertise: string[]; languages: string[]; capacity: number }) {
	return db
		.insertInto('mentorProfile')
		.values(row)
		.onConflict((oc) => oc.column('userId').doNothing())
		.returning('userId')
		.executeTakeFirst();
}

export function setMentorStatus(db: Db, userId: number, status: 'active' | 'paused') {
	return db.updateTable('mentorProfile').set({ status }).where('userId', '=', userId).returning('userId').executeTakeFirst();
}

export function findActiveUser(db: Db, userId: number) {
	return db
		.selectFrom('appUser')
		.select(['id', 'name', 'departmentId'])
		.where('id', '=', userId)
		.where('disabledAt', 'is', null)
		.executeTakeFirst();
}

/** Every mentor with their load: the candidates of a suggestion and the organiser's load table. */
export function listMentors(db: Db) {
	return mentorsQuery(db).execute();
}

export function mentorsQuery(db: Db) {
	return db
		.selectFrom('mentorProfile as p')
		.innerJoin('appUser as u', 'u.id', 'p.userId')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => [
			'p.userId',
			'u.name',
			'u.departmentId',
			'd.name as departmentName',
			'p.expertise',
			'p.languages',
			'p.capacity',
			'p.status',
			'p.bio',
			eb
				.selectFrom('mentorAssignment as a')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('a.mentorId', '=', 'p.userId')
				.where('a.status', 'in', ACTIVE_ASSIGNMENT)
				.as('active'),
			eb
				.selectFrom('mentorAssignment as a')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('a.mentorId', '=', 'p.userId')
				.where('a.status', '=', 'proposed')
				.as('waiting')
		])
		.where('u.disabledAt', 'is', null)
		.orderBy('u.name');
}

/** People who could be added as mentors: active, without a profile yet. */
export function listPeopleWithoutProfile(db: Db) {
	return peopleWithoutProfileQuery(db).execute();
}

export function peopleWithoutProfileQuery(db: Db) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'd.name as departmentName'])
		.where('u.disabledAt', 'is', null)
		.where((eb) => eb.not(eb.exists(eb.selectFrom('mentorProfile as p').whereRef('p.userId', '=', 'u.id').select('p.userId'))))
		.orderBy('u.name')
		.limit(1000);
}

// ---------- the organiser's overview ----------

/**
 * The organiser's mentoring page in one statement: mentors with their load, ideas waiting for a
 * mentor, unanswered proposals, coached ideas, the competitions' settings and the people who
 * could become mentors (each list as the query of its own name gives it, times as Dates).
 */
export async function findMentoringOverview(db: Db) {
	const row = await db
		.selectNoFrom(() => [
			jsonArrayFrom(mentorsQuery(db)).as('mentors'),
			jsonArrayFrom(ideasWithoutMentorQuery(db)).as('waiting'),
			jsonArrayFrom(unansweredProposalsQuery(db)).as('unanswered'),
			jsonArrayFrom(coachedIdeasQuery(db)).as('coached'),
			jsonArrayFrom(competitionMentorSettingsQuery(db)).as('competitions'),
			jsonArrayFrom(peopleWithoutProfileQuery(db)).as('people')
		])
		.executeTakeFirstOrThrow();
	const date = (value: string | null) => (value === null ? null : new Date(value));
	return {
		mentors: row.mentors,
		waiting: row.waiting.map((i) => ({ ...i, answeredAt: date(i.answeredAt) })),
		unanswered: row.unanswered.map((p) => ({ ...p, createdAt: new Date(p.createdAt) })),
		coached: row.coached.map((c) => ({ ...c, readyAt: date(c.readyAt) })),
		competitions: row.competitions,
		people: row.people
	};
}

/**
 * Ideas that need a mentor: accepted or coaching, nobody proposed or accepted; with what a
 * suggestion needs (tags, process area, team) and the mentor the team asked for, if any.
 * Oldest acceptance first, so "assign all" serves the longest waiting first.
 */
export function listIdeasWithoutMentor(db: Db) {
	return ideasWithoutMentorQuery(db).execute();
}

export function ideasWithoutMentorQuery(db: Db) {
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
			'i.answeredAt',
			'd.name as departmentName',
			'pa.code as processAreaCode',
			'pa.nameEn as processAreaEn',
			'pa.nameNl as processAreaNl',
			'c.name as competitionName',
			sql<boolean>`coalesce(c.prefer_other_department_mentor, true)`.as('preferOtherDepartment'),
			eb
				.selectFrom('ideaTag as it')
				.innerJoin('tag as t', 't.id', 'it.tagId')
				.select(sql<string[]>`coalesce(array_agg(t.name order by t.name), '{}')`.as('tags'))
				.whereRef('it.ideaId', '=', 'i.id')
				.as('tags'),
			eb
				.selectFrom('ideaMember as m')
				.select(sql<number[]>`coalesce(array_agg(m.user_id), '{}')`.as('ids'))
				.whereRef('m.ideaId', '=', 'i.id')
				.as('teamIds'),
			teamNames(eb.ref('i.id')),
			eb
				.selectFrom('mentorAssignment as r')
				.select('r.mentorId')
				.whereRef('r.ideaId', '=', 'i.id')
				.where('r.status', '=', 'requested')
				.orderBy('r.createdAt', 'desc')
				.limit(1)
				.as('requestedMentorId'),
			eb
				.selectFrom('mentorAssignment as x')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('x.ideaId', '=', 'i.id')
				.where('x.status', '=', 'declined')
				.as('declines')
		])
		.where('i.status', 'in', ['accepted', 'coaching'])
		.where((eb) =>
			eb.not(
				eb.exists(
					eb.selectFrom('mentorAssignment as a').whereRef('a.ideaId', '=', 'i.id').where('a.status', 'in', ACTIVE_ASSIGNMENT).select('a.id')
				)
			)
		)
		.orderBy(sql`i.answered_at asc nulls last`)
		.orderBy('i.id');
}

/** Proposals the mentor has not answered yet, oldest first. */
export function listUnansweredProposals(db: Db) {
	return unansweredProposalsQuery(db).execute();
}

export function unansweredProposalsQuery(db: Db) {
	return db
		.selectFrom('mentorAssignment as a')
		.innerJoin('idea as i', 'i.id', 'a.ideaId')
		.innerJoin('appUser as u', 'u.id', 'a.mentorId')
		.select(['a.id', 'a.ideaId', 'i.title', 'a.mentorId', 'u.name as mentorName', 'a.createdAt'])
		.where('a.status', '=', 'proposed')
		.orderBy('a.createdAt');
}

/** Ideas coached now, with checklist progress and the ready mark: what the organiser plans rounds with. */
export function listCoachedIdeas(db: Db) {
	return coachedIdeasQuery(db).execute();
}

export function coachedIdeasQuery(db: Db) {
	return db
		.selectFrom('mentorAssignment as a')
		.innerJoin('idea as i', 'i.id', 'a.ideaId')
		.innerJoin('appUser as u', 'u.id', 'a.mentorId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'd.name as departmentName',
			'a.mentorId',
			'u.name as mentorName',
			'a.readyAt',
			eb
				.selectFrom('coachingCheck as c')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('c.ideaId', '=', 'i.id')
				.as('checksDone')
		])
		.where('a.status', '=', 'accepted')
		.where('i.status', 'in', COACHING_ONGOING)
		.orderBy(sql`a.ready_at desc nulls last`)
		.orderBy('i.title');
}

export function listCompetitionMentorSettings(db: Db) {
	return competitionMentorSettingsQuery(db).execute();
}

export function competitionMentorSettingsQuery(db: Db) {
	return db
		.selectFrom('competition')
		.select(['id', 'name', 'preferOtherDepartmentMentor'])
		.where('status', 'in', ['draft', 'open', 'judging'])
		.orderBy('submissionOpensAt', 'desc');
}

export function setPreferOtherDepartment(db: Db, competitionId: number, prefer: boolean) {
	return db
		.updateTable('competition')
		.set({ preferOtherDepartmentMentor: prefer })
		.where('id', '=', competitionId)
		.returning('id')
		.executeTakeFirst();
}
