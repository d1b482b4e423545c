/**
 * What the home page reads, so the page stays small whatever roles a person holds: one
 * statement for everyone (calls, their ideas, notifications, and the mentor card and the
 * admin's counts for those who have them), one more for each of the jury and organiser
 * sections. Nothing here runs per row.
 */
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { UNANSWERED } from '../../domain/idea-status.js';
import { teamNames } from '../ideas/idea-columns.js';
import { ACTIVE_ASSIGNMENT } from '../mentoring/mentoring.queries.js';
import { conflictSources } from '../scoring/conflict-sources.js';
import { recentNotifications } from '../notifications/notifications.queries.js';
import { peopleCounts } from '../org/users.queries.js';

/**
 * Every call open for ideas right now, soonest closing first, each saying whether this
 * department takes part (a competition without a list of departments takes every one).
 */
function openCallsFor(db: Db, departmentId: number) {
	return db
		.selectFrom('competition as c')
		.select((eb) => [
			'c.id',
			'c.slug',
			'c.name',
			'c.callText',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			eb
				.or([
					eb.not(
						eb.exists(eb.selectFrom('competitionDepartment as cd').whereRef('cd.competitionId', '=', 'c.id').select('cd.departmentId'))
					),
					eb.exists(
						eb
							.selectFrom('competitionDepartment as cd')
							.whereRef('cd.competitionId', '=', 'c.id')
							.where('cd.departmentId', '=', departmentId)
							.select('cd.departmentId')
					)
				])
				.as('eligible')
		])
		.where('c.status', '=', 'open')
		.where('c.submissionOpensAt', '<=', sql<Date>`now()`)
		.where('c.submissionClosesAt', '>', sql<Date>`now()`)
		.orderBy('c.submissionClosesAt')
		.orderBy('c.id');
}

/**
 * The ideas this person is on, last touched first, with their part in the team. An idea
 * returned for changes waits for its team, so those come with the organiser's message and
 * are always in the list, however many other ideas were touched since.
 */
function ideasOfMember(db: Db, userId: number, limit: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'i.id').on('m.userId', '=', userId))
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('ideaEvent as ev')
					.select(['ev.reason as returnMessage', 'ev.createdAt as returnedAt'])
					.whereRef('ev.ideaId', '=', 'i.id')
					.where('ev.kind', '=', 'status_changed')
					.where('ev.toStatus', '=', 'returned')
					.where(sql<boolean>`i.status = 'returned'`)
					.orderBy('ev.createdAt', 'desc')
					.orderBy('ev.id', 'desc')
					.limit(1)
					.as('ret'),
			(join) => join.onTrue()
		)
		.select([
			'i.id',
			'i.title',
			'i.status',
			'i.updatedAt',
			'i.submittedAt',
			'm.role',
			'c.name as competitionName',
			'ret.returnMessage',
			'ret.returnedAt'
		])
		.orderBy(sql`i.status = 'returned'`, 'desc')
		.orderBy('i.updatedAt', 'desc')
		.orderBy('i.id', 'desc')
		.limit(limit);
}

/**
 * The mentor's card: their capacity and the ideas they coach or are asked to coach, with
 * checklist progress; proposals waiting for an answer first.
 */
function mentorCard(db: Db, mentorId: number) {
	return db
		.selectFrom('appUser as u')
		.leftJoin('mentorProfile as p', 'p.userId', 'u.id')
		.select((eb) => [
			sql<number>`coalesce(p.capacity, 0)`.as('capacity'),
			jsonArrayFrom(
				eb
					.selectFrom('mentorAssignment as a')
					.innerJoin('idea as i', 'i.id', 'a.ideaId')
					.innerJoin('department as d', 'd.id', 'i.departmentId')
					.select((sub) => [
						'a.id as assignmentId',
						'a.status as assignmentStatus',
						'i.id',
						'i.title',
						'i.status',
						'd.name as departmentName',
						sub
							.selectFrom('coachingCheck as cc')
							.select(sql<number>`count(*)::int`.as('n'))
							.whereRef('cc.ideaId', '=', 'i.id')
							.as('checksDone'),
						teamNames(sub.ref('i.id'))
					])
					.whereRef('a.mentorId', '=', 'u.id')
					.where('a.status', 'in', ACTIVE_ASSIGNMENT)
					.orderBy('a.status', 'desc')
					.orderBy('i.title')
			).as('mentees')
		])
		.where('u.id', '=', mentorId);
}

/**
 * What every home page shows, in one statement: the open calls, the person's ideas, their
 * recent notifications, and the mentor card and the organisation's counts when asked for.
 * Inside JSON the times arrive as text; the service turns them back into Dates.
 */
export function findHomeBasics(
	db: Db,
	person: { id: number; departmentId: number },
	want: { ideas: number; notifications: number; mentor: boolean; admin: boolean }
) {
	return db
		.selectNoFrom(() => [
			jsonArrayFrom(openCallsFor(db, person.departmentId)).as('calls'),
			jsonArrayFrom(ideasOfMember(db, person.id, want.ideas)).as('ideas'),
			jsonArrayFrom(recentNotifications(db, person.id, want.notifications)).as('notifications'),
			jsonObjectFrom(mentorCard(db, person.id).where(sql<boolean>`${want.mentor}`)).as('mentor'),
			jsonObjectFrom(
				db
					.selectFrom(peopleCounts(db).as('pc'))
					.selectAll('pc')
					.where(sql<boolean>`${want.admin}`)
			).as('admin')
		])
		.executeTakeFirstOrThrow();
}

/**
 * The juror's rounds (open first, then in preparation, then closed), with how many ideas
 * of their jury they score (their conflicts left out, found live as on the jury page), how
 * many sheets they submitted, and the next idea still to score, in presentation order:
 * where "continue scoring" leads.
 */
export function listJurorRounds(db: Db, jurorId: number) {
	const notConflicted = sql<boolean>`not exists (${conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })})`;
	return db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select((eb) => [
			'r.id as roundId',
			'r.name as roundName',
			'r.kind',
			'r.status',
			'r.scoringOpensAt',
			'r.scoringClosesAt',
			'c.name as competitionName',
			'j.name as juryName',
			eb
				.selectFrom('roundEntry as e')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where(notConflicted)
				.as('toScore'),
			eb
				.selectFrom('scoreSheet as s')
				.innerJoin('roundEntry as e', (jn) => jn.onRef('e.roundId', '=', 's.roundId').onRef('e.ideaId', '=', 's.ideaId'))
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where('s.jurorId', '=', jurorId)
				.where('s.submittedAt', 'is not', null)
				.as('scored'),
			jsonObjectFrom(
				eb
					.selectFrom('roundEntry as e')
					.innerJoin('idea as i', 'i.id', 'e.ideaId')
					.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
					.select(['e.ideaId', 'i.title'])
					.whereRef('e.juryId', '=', 'j.id')
					.where(notConflicted)
					.where((w) =>
						w.not(
							w.exists(
								w
									.selectFrom('scoreSheet as s')
									.whereRef('s.roundId', '=', 'e.roundId')
									.whereRef('s.ideaId', '=', 'e.ideaId')
									.where('s.jurorId', '=', jurorId)
									.where('s.submittedAt', 'is not', null)
									.select('s.id')
							)
						)
					)
					.orderBy(sql`p.starts_at nulls last`)
					.orderBy('e.ideaId')
					.limit(1)
			).as('next')
		])
		.where('jm.userId', '=', jurorId)
		.where('r.status', 'in', ['open', 'draft', 'closed'])
		.orderBy('r.status', 'desc')
		.orderBy('r.scoringClosesAt')
		.orderBy('r.position')
		.execute();
}

/**
 * The competitions an organiser runs now (open or judging), last opened first, each with
 * its ideas per status and the submission times of those still without an answer.
 */
export function listRunningCompetitions(db: Db) {
	return db
		.selectFrom('competition as c')
		.select((eb) => [
			'c.id',
			'c.slug',
			'c.name',
			'c.status',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			'c.responseDays',
			jsonArrayFrom(
				eb
					.selectFrom('idea as i')
					.select(['i.status', sql<number>`count(*)::int`.as('n')])
					.whereRef('i.competitionId', '=', 'c.id')
					.groupBy('i.status')
			).as('byStatus'),
			jsonArrayFrom(
				eb
					.selectFrom('idea as i')
					.select('i.submittedAt')
					.whereRef('i.competitionId', '=', 'c.id')
					.where('i.status', 'in', UNANSWERED)
					.where('i.submittedAt', 'is not', null)
					.orderBy('i.submittedAt')
			).as('unanswered')
		])
		.where('c.status', 'in', ['open', 'judging'])
		.orderBy('c.submissionOpensAt', 'desc')
		.execute();
}
