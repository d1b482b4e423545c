/**
 * Round set-up: a competition's rounds, the template, settings, criteria, juries and their
 * members, and the ideas entered. The round's shared reads and its lock are in
 * scoring/round.queries.ts.
 */
import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';

/** Every competition with its rounds, newest first. */
export function listCompetitionsWithRounds(db: Db) {
	return db
		.selectFrom('competition as c')
		.select((eb) => [
			'c.id',
			'c.name',
			'c.slug',
			'c.status',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			eb
				.selectFrom('idea as i')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('i.competitionId', '=', 'c.id')
				.where('i.status', '<>', 'draft')
				.as('ideaCount'),
			jsonArrayFrom(
				eb
					.selectFrom('round as r')
					.select((rb) => [
						'r.id',
						'r.name',
						'r.kind',
						'r.status',
						'r.position',
						'r.scoringClosesAt',
						rb
							.selectFrom('roundEntry as e')
							.select(sql<number>`count(*)::int`.as('n'))
							.whereRef('e.roundId', '=', 'r.id')
							.as('entries')
					])
					.whereRef('r.competitionId', '=', 'c.id')
					.orderBy('r.position')
			).as('rounds')
		])
		.orderBy('c.submissionOpensAt', 'desc')
		.execute();
}

export function lockCompetition(db: Transaction<DB>, competitionId: number) {
	return db.selectFrom('competition').select(['id', 'status']).where('id', '=', competitionId).forUpdate().executeTakeFirst();
}

export function maxRoundPosition(db: Db, competitionId: number) {
	return db
		.selectFrom('round')
		.select(sql<number>`coalesce(max(position), 0)::int`.as('n'))
		.where('competitionId', '=', competitionId)
		.executeTakeFirstOrThrow();
}

/** The departments taking part: the competition's list, or every department under the top. */
export function listEligibleDepartments(db: Db, competitionId: number) {
	return db
		.selectFrom('department as d')
		.select(['d.id', 'd.name', 'd.code'])
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('competitionDepartment as cd')
						.whereRef('cd.departmentId', '=', 'd.id')
						.where('cd.competitionId', '=', competitionId)
						.select('cd.departmentId')
				),
				eb.and([
					eb.not(
						eb.exists(eb.selectFrom('competitionDepartment as cd').where('cd.competitionId', '=', competitionId).select('cd.departmentId'))
					),
					eb('d.parentId', 'is not', null)
				])
			])
		)
		.orderBy('d.name')
		.execute();
}

/** The people of a department's management team: its managers and directors. */
export function listManagementOf(db: Db, departmentIds: number[] | 'top') {
	let q = db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.departmentId'])
		.where('u.disabledAt', 'is', null)
		.where('u.jobLevel', 'in', ['manager', 'director']);
	q =
		departmentIds === 'top'
			? q.where('d.parentId', 'is', null)
			: departmentIds.length
				? q.where('u.departmentId', 'in', departmentIds)
				: q.where(sql<boolean>`false`);
	return q.orderBy('u.name').execute();
}

export function insertRound(
	db: Transaction<DB>,
	row: {
		competitionId: number;
		position: number;
		name: string;
		kind: 'semi_final' | 'final' | 'other';
		scope: 'department' | 'competition';
		advancementRule: 'top_n' | 'threshold' | 'manual';
		advancementCount: number | null;
		scoringOpensAt: Date | null;
		scoringClosesAt: Date | null;
	}
) {
	return db.insertInto('round').values(row).returning('id').executeTakeFirstOrThrow();
}

export type CriterionInput = {
	code: string;
	name: string;
	description: string;
	weight: number;
	scaleMin: number;
	scaleMax: number;
	isRollOut: boolean;
	rubric: { level: number; text: string }[];
};

export async function replaceCriteria(db: Transaction<DB>, roundId: number, criteria: readonly CriterionInput[]) {
	await db.deleteFrom('roundCriterion').where('roundId', '=', roundId).execute();
	if (!criteria.length) return;
	await db
		.insertInto('roundCriterion')
		.values(criteria.map((c, i) => ({ ...c, roundId, position: i + 1, rubric: JSON.stringify(c.rubric) })))
		.execute();
}

export function insertJury(db: Transaction<DB>, row: { roundId: number; departmentId: number | null; name: string }) {
	return db.insertInto('jury').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertJuryMembers(db: Transaction<DB>, juryId: number, userIds: number[]) {
	if (!userIds.length) return;
	await db
		.insertInto('juryMember')
		.values(userIds.map((userId) => ({ juryId, userId })))
		.onConflict((oc) => oc.columns(['juryId', 'userId']).doNothing())
		.execute();
}

export function deleteJuryMember(db: Transaction<DB>, juryId: number, userId: number) {
	return db.deleteFrom('juryMember').where('juryId', '=', juryId).where('userId', '=', userId).executeTakeFirst();
}

export function findJury(db: Db, juryId: number) {
	return db.selectFrom('jury').select(['id', 'roundId', 'departmentId', 'name']).where('id', '=', juryId).executeTakeFirst();
}

export function updateRoundSettings(
	db: Transaction<DB>,
	roundId: number,
	set: {
		name: string;
		scoringOpensAt: Date | null;
		scoringClosesAt: Date | null;
		advancementRule: string;
		advancementCount: number | null;
		advancementThreshold: number | null;
		scoreBasis: string;
		scoresVisible: string;
		tieBreaks: string[];
	}
) {
	return db.updateTable('round').set(set).where('id', '=', roundId).execute();
}

/** Ideas an organiser may enter: semi-final from accepted/coaching/semi_final, final from finalists. */
export function listEntryCandidates(db: Db, competitionId: number, roundId: number, statuses: string[]) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select(['i.id', 'i.title', 'i.status', 'i.departmentId', 'd.name as departmentName'])
		.where('i.competitionId', '=', competitionId)
		.where('i.status', 'in', statuses)
		.where((eb) =>
			eb.not(
				eb.exists(eb.selectFrom('roundEntry as e').whereRef('e.ideaId', '=', 'i.id').where('e.roundId', '=', roundId).select('e.ideaId'))
			)
		)
		.orderBy('d.name')
		.orderBy('i.title')
		.execute();
}

export function findIdeasForEntry(db: Db, ideaIds: number[]) {
	return db.selectFrom('idea').select(['id', 'status', 'departmentId', 'competitionId', 'title']).where('id', 'in', ideaIds).execute();
}

export async function insertEntries(db: Transaction<DB>, roundId: number, rows: { ideaId: number; juryId: number }[]) {
	if (!rows.length) return;
	await db
		.insertInto('roundEntry')
		.values(rows.map((r) => ({ ...r, roundId })))
		.onConflict((oc) => oc.columns(['roundId', 'ideaId']).doNothing())
		.execute();
}

/** People an organiser can put on a jury (active), with department, for the picker. */
export function listPeopleForJury(db: Db) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.jobTitle', 'd.name as departmentName'])
		.where('u.disabledAt', 'is', null)
		.orderBy('u.name')
		.execute();
}

/** Everyone on a jury of the round, once: whom to tell when it opens. */
export function listJurorIdsOfRound(db: Db, roundId: number) {
	return db
		.selectFrom('juryMember as m')
		.innerJoin('jury as j', 'j.id', 'm.juryId')
		.select('m.userId')
		.distinct()
		.where('j.roundId', '=', roundId)
		.execute();
}
