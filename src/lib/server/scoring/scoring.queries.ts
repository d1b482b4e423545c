import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';

/**
 * The juror's rounds with their progress, in one query: ideas in the scope of the juror's
 * jury, less the ideas they have a conflict with, and how many sheets they completed.
 */
export function listJurorRounds(db: Db, jurorId: number) {
	return db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.leftJoin('department as d', 'd.id', 'j.departmentId')
		.select((eb) => [
			'r.id as roundId',
			'r.name as roundName',
			'r.status',
			'r.scoringOpensAt',
			'r.scoringClosesAt',
			'c.name as competitionName',
			'j.name as juryName',
			'd.name as departmentName',
			eb
				.selectFrom('roundEntry as e')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where((w) =>
					w.not(
						w.exists(
							w
								.selectFrom('conflictOfInterest as ci')
								.whereRef('ci.ideaId', '=', 'e.ideaId')
								.where('ci.userId', '=', jurorId)
								.select('ci.id')
						)
					)
				)
				.as('toScore'),
			eb
				.selectFrom('scoreSheet as s')
				.innerJoin('roundEntry as e', (jn) => jn.onRef('e.roundId', '=', 's.roundId').onRef('e.ideaId', '=', 's.ideaId'))
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where('s.jurorId', '=', jurorId)
				.where('s.submittedAt', 'is not', null)
				.as('scored')
		])
		.where('jm.userId', '=', jurorId)
		.where('r.status', 'in', ['open', 'draft', 'closed'])
		.orderBy('r.status', 'desc')
		.orderBy('r.position')
		.execute();
}

// ---------------------------------------------------------------- rounds, criteria, juries

export function findRound(db: Db, roundId: number) {
	return db
		.selectFrom('round as r')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select([
			'r.id',
			'r.competitionId',
			'r.position',
			'r.name',
			'r.kind',
			'r.scope',
			'r.scoringOpensAt',
			'r.scoringClosesAt',
			'r.advancementRule',
			'r.advancementCount',
			'r.advancementThreshold',
			'r.scoreBasis',
			'r.scoresVisible',
			'r.tieBreaks',
			'r.status',
			'r.closedAt',
			'r.closeReason',
			'c.name as competitionName',
			'c.slug as competitionSlug'
		])
		.where('r.id', '=', roundId)
		.executeTakeFirst();
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** Holds the round's status still: saves take it FOR SHARE, close/reopen/criteria FOR UPDATE. */
export function lockRound(db: Transaction<DB>, roundId: number, mode: 'share' | 'update') {
	const q = db.selectFrom('round').select(['id', 'status', 'scoresVisible']).where('id', '=', roundId);
	return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
}

export function listCriteria(db: Db, roundId: number) {
	return db
		.selectFrom('roundCriterion')
		.select(['id', 'position', 'code', 'name', 'description', 'weight', 'scaleMin', 'scaleMax', 'isRollOut', 'rubric'])
		.where('roundId', '=', roundId)
		.orderBy('position')
		.execute();
}

export type CriterionRow = Awaited<ReturnType<typeof listCriteria>>[number];

export function countScoresInRound(db: Db, roundId: number) {
	return db
		.selectFrom('score as s')
		.innerJoin('scoreSheet as h', 'h.id', 's.sheetId')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('h.roundId', '=', roundId)
		.executeTakeFirstOrThrow();
}

export function listJuries(db: Db, roundId: number) {
	return db
		.selectFrom('jury as j')
		.leftJoin('department as d', 'd.id', 'j.departmentId')
		.select((eb) => [
			'j.id',
			'j.name',
			'j.departmentId',
			'd.name as departmentName',
			jsonArrayFrom(
				eb
					.selectFrom('juryMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['m.userId', 'u.name', 'm.isChair'])
					.whereRef('m.juryId', '=', 'j.id')
					.orderBy('m.isChair', 'desc')
					.orderBy('u.name')
			).as('members')
		])
		.where('j.roundId', '=', roundId)
		.orderBy(sql`d.name nulls first`)
		.execute();
}

export type JuryRow = Awaited<ReturnType<typeof listJuries>>[number];

/** The ideas entered in a round, in presentation order (never in an order that depends on scores). */
export function listEntries(db: Db, roundId: number) {
	return db
		.selectFrom('roundEntry as e')
		.innerJoin('idea as i', 'i.id', 'e.ideaId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
		.select([
			'e.ideaId',
			'e.juryId',
			'e.outcome',
			'e.outcomeReason',
			'e.rank',
			'e.decidedAt',
			'i.title',
			'i.status',
			'i.version',
			'i.submittedAt',
			'i.firstSubmittedAt',
			'i.departmentId',
			'd.name as departmentName',
			'p.startsAt as slotStartsAt',
			'p.location as slotLocation'
		])
		.where('e.roundId', '=', roundId)
		.orderBy(sql`p.starts_at nulls last`)
		.orderBy('e.ideaId')
		.execute();
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/**
 * Every excluded juror-idea pair of a round with its reasons, found live: the juror is on
 * the idea's team, is or was its mentor, manages a team member, or declared a conflict.
 */
export async function listConflictPairs(db: Db, roundId: number, jurorId?: number) {
	const result = await sql<{ jurorId: number; ideaId: number; source: string }>`
		select distinct jm.user_id as "jurorId", e.idea_id as "ideaId", s.source as "source"
		from round_entry e
		join jury_member jm on jm.jury_id = e.jury_id
		join lateral (
			select 'team' as source where exists (select 1 from idea_member m where m.idea_id = e.idea_id and m.user_id = jm.user_id)
			union all select 'mentor' where exists (
				select 1 from mentor_assignment a where a.idea_id = e.idea_id and a.mentor_id = jm.user_id and a.status in ('proposed', 'accepted', 'ended'))
			union all select 'manager' where exists (
				select 1 from idea_member m join app_user u on u.id = m.user_id where m.idea_id = e.idea_id and u.manager_id = jm.user_id)
			union all select ci.source from conflict_of_interest ci where ci.idea_id = e.idea_id and ci.user_id = jm.user_id
		) s on true
		where e.round_id = ${roundId} ${jurorId === undefined ? sql`` : sql`and jm.user_id = ${jurorId}`}
	`.execute(db);
	return result.rows;
}

/** Writes the automatic conflicts down, so every screen (the home page too) sees them. */
export async function recordAutoConflicts(db: Db, roundId: number) {
	await sql`
		insert into conflict_of_interest (user_id, idea_id, source)
		select distinct jm.user_id, e.idea_id, s.source
		from round_entry e
		join jury_member jm on jm.jury_id = e.jury_id
		join lateral (
			select 'team' as source where exists (select 1 from idea_member m where m.idea_id = e.idea_id and m.user_id = jm.user_id)
			union all select 'mentor' where exists (
				select 1 from mentor_assignment a where a.idea_id = e.idea_id and a.mentor_id = jm.user_id and a.status in ('proposed', 'accepted', 'ended'))
			union all select 'manager' where exists (
				select 1 from idea_member m join app_user u on u.id = m.user_id where m.idea_id = e.idea_id and u.manager_id = jm.user_id)
		) s on true
		where e.round_id = ${roundId}
		on conflict (user_id, idea_id, source) do nothing
	`.execute(db);
}

export function insertDeclaredConflict(db: Db, row: { userId: number; ideaId: number; reason: string }) {
	return db
		.insertInto('conflictOfInterest')
		.values({ ...row, source: 'declared' })
		.onConflict((oc) => oc.columns(['userId', 'ideaId', 'source']).doUpdateSet({ reason: row.reason }))
		.execute();
}

// ---------------------------------------------------------------- sheets and scores

/** All sheets of a round with their scores; the juror's name for organisers' exports only. */
export function listRoundSheets(db: Db, roundId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.innerJoin('appUser as u', 'u.id', 'h.jurorId')
		.select((eb) => [
			'h.id',
			'h.ideaId',
			'h.jurorId',
			'u.name as jurorName',
			'h.overallComment',
			'h.submittedAt',
			'h.version',
			'h.updatedAt',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value', 's.comment']).whereRef('s.sheetId', '=', 'h.id')).as(
				'scores'
			)
		])
		.where('h.roundId', '=', roundId)
		.orderBy('h.ideaId')
		.orderBy('h.id')
		.execute();
}

export type SheetRow = Awaited<ReturnType<typeof listRoundSheets>>[number];

export function findSheet(db: Db, roundId: number, ideaId: number, jurorId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.select((eb) => [
			'h.id',
			'h.overallComment',
			'h.submittedAt',
			'h.version',
			'h.updatedAt',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value', 's.comment']).whereRef('s.sheetId', '=', 'h.id')).as(
				'scores'
			)
		])
		.where('h.roundId', '=', roundId)
		.where('h.ideaId', '=', ideaId)
		.where('h.jurorId', '=', jurorId)
		.executeTakeFirst();
}

/** The juror's own sheets of a round (never anyone else's). */
export function listOwnSheets(db: Db, roundId: number, jurorId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.select((eb) => [
			'h.id',
			'h.ideaId',
			'h.overallComment',
			'h.submittedAt',
			'h.version',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value', 's.comment']).whereRef('s.sheetId', '=', 'h.id')).as(
				'scores'
			)
		])
		.where('h.roundId', '=', roundId)
		.where('h.jurorId', '=', jurorId)
		.execute();
}

/**
 * Creates the sheet (expected version 0) or moves it from the version the juror read to the
 * next; returns nothing when someone saved in between. The unique (round, idea, juror) key
 * makes a second insert a no-op instead of a duplicate.
 */
export async function writeSheet(
	db: Transaction<DB>,
	input: {
		roundId: number;
		ideaId: number;
		jurorId: number;
		expectedVersion: number;
		overallComment: string;
		submitted: 'now' | 'keep' | 'clear';
	}
) {
	const submittedAt = input.submitted === 'now' ? sql<Date>`now()` : input.submitted === 'clear' ? null : undefined;
	if (input.expectedVersion === 0) {
		return db
			.insertInto('scoreSheet')
			.values({
				roundId: input.roundId,
				ideaId: input.ideaId,
				jurorId: input.jurorId,
				overallComment: input.overallComment,
				submittedAt: submittedAt ?? null,
				version: 1
			})
			.onConflict((oc) => oc.columns(['roundId', 'ideaId', 'jurorId']).doNothing())
			.returning(['id', 'version'])
			.executeTakeFirst();
	}
	return db
		.updateTable('scoreSheet')
		.set({
			overallComment: input.overallComment,
			version: sql<number>`version + 1`,
			updatedAt: sql<Date>`now()`,
			...(input.submitted === 'now'
				? { submittedAt: sql<Date>`coalesce(submitted_at, now())` }
				: input.submitted === 'clear'
					? { submittedAt: null }
					: {})
		})
		.where('roundId', '=', input.roundId)
		.where('ideaId', '=', input.ideaId)
		.where('jurorId', '=', input.jurorId)
		.where('version', '=', input.expectedVersion)
		.returning(['id', 'version'])
		.executeTakeFirst();
}

export async function replaceScores(
	db: Transaction<DB>,
	sheetId: number,
	scores: { criterionId: number; value: number; comment: string }[]
) {
	await db.deleteFrom('score').where('sheetId', '=', sheetId).execute();
	if (scores.length)
		await db
			.insertInto('score')
			.values(scores.map((s) => ({ ...s, sheetId })))
			.execute();
}

// ---------------------------------------------------------------- the juror's view

/** Rounds in which this person sits on a jury, with their jury and scope. */
export function listJurorMemberships(db: Db, jurorId: number) {
	return db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select([
			'r.id as roundId',
			'r.name as roundName',
			'r.status',
			'r.kind',
			'r.scoringClosesAt',
			'r.scoresVisible',
			'c.name as competitionName',
			'j.id as juryId',
			'j.name as juryName'
		])
		.where('jm.userId', '=', jurorId)
		.orderBy('r.competitionId', 'desc')
		.orderBy('r.position')
		.execute();
}

/** The juror's ideas of a round: those entered for their juries, conflicts left out, in presentation order. */
export function listJurorQueue(db: Db, roundId: number, jurorId: number) {
	return db
		.selectFrom('roundEntry as e')
		.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'e.juryId').on('jm.userId', '=', jurorId))
		.innerJoin('idea as i', 'i.id', 'e.ideaId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
		.leftJoin('scoreSheet as h', (jn) =>
			jn.onRef('h.roundId', '=', 'e.roundId').onRef('h.ideaId', '=', 'e.ideaId').on('h.jurorId', '=', jurorId)
		)
		.select([
			'e.ideaId',
			'e.outcome',
			'e.outcomeReason',
			'i.title',
			'd.name as departmentName',
			'p.startsAt as slotStartsAt',
			'p.location as slotLocation',
			'h.submittedAt',
			'h.version',
			'h.updatedAt'
		])
		.where('e.roundId', '=', roundId)
		.orderBy(sql`p.starts_at nulls last`)
		.orderBy('e.ideaId')
		.execute();
}

/** What a juror reads beside the criteria. */
export function findIdeaSummary(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.problem',
			'i.proposal',
			'i.status',
			'i.submittedAt',
			'd.name as departmentName',
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['u.id', 'u.name', 'm.role'])
					.whereRef('m.ideaId', '=', 'i.id')
					.orderBy('m.role', 'desc')
					.orderBy('u.name')
			).as('team'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaBenefit as b')
					.select(['b.kind', 'b.description', 'b.estimate', 'b.unit'])
					.whereRef('b.ideaId', '=', 'i.id')
					.orderBy('b.kind')
			).as('benefits'),
			jsonArrayFrom(
				eb
					.selectFrom('attachment as a')
					.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
					.select(['a.id', 'a.kind', 'a.fileName', 'a.sizeBytes', 'a.createdAt', 'u.name as uploaderName'])
					.whereRef('a.ideaId', '=', 'i.id')
					.orderBy('a.createdAt')
			).as('attachments')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}

// ---------------------------------------------------------------- results

export function updateEntryRanks(db: Transaction<DB>, roundId: number, ranks: { ideaId: number; rank: number }[]) {
	if (!ranks.length) return Promise.resolve();
	return sql`
		update round_entry e set rank = v.rank
		from (values ${sql.join(ranks.map((r) => sql`(${r.ideaId}::int, ${r.rank}::int)`))}) as v(idea_id, rank)
		where e.round_id = ${roundId} and e.idea_id = v.idea_id
	`.execute(db);
}

export function setEntryOutcome(db: Transaction<DB>, roundId: number, ideaId: number, outcome: string, reason: string) {
	return db
		.updateTable('roundEntry')
		.set({ outcome, outcomeReason: reason, decidedAt: sql<Date>`now()` })
		.where('roundId', '=', roundId)
		.where('ideaId', '=', ideaId)
		.where('outcome', 'is', null)
		.returning('ideaId')
		.executeTakeFirst();
}

export function setIdeaAward(db: Transaction<DB>, ideaId: number, award: 'winner' | 'runner_up' | 'finalist') {
	return db
		.updateTable('idea')
		.set({ award, updatedAt: sql<Date>`now()` })
		.where('id', '=', ideaId)
		.execute();
}

export function updateRoundStatus(
	db: Transaction<DB>,
	roundId: number,
	set: { status: string; closedBy?: number | null; closeReason?: string | null; closed?: boolean | null }
) {
	return db
		.updateTable('round')
		.set({
			status: set.status,
			...(set.closed === true ? { closedAt: sql<Date>`now()`, closedBy: set.closedBy ?? null, closeReason: set.closeReason ?? null } : {}),
			...(set.closed === false ? { closedAt: null, closedBy: null, closeReason: null } : {})
		})
		.where('id', '=', roundId)
		.execute();
}

/** The published rounds an idea was judged in, for its feedback page. */
export function listPublishedEntriesOfIdea(db: Db, ideaId: number) {
	return db
		.selectFrom('roundEntry as e')
		.innerJoin('round as r', 'r.id', 'e.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select([
			'e.roundId',
			'e.juryId',
			'e.outcome',
			'e.outcomeReason',
			'e.rank',
			'r.name as roundName',
			'r.kind',
			'r.position',
			'r.competitionId',
			'c.name as competitionName'
		])
		.where('e.ideaId', '=', ideaId)
		.where('r.status', '=', 'published')
		.orderBy('r.position')
		.execute();
}

export function listTeamIds(db: Db, ideaIds: number[]) {
	if (!ideaIds.length) return Promise.resolve([] as { ideaId: number; userId: number }[]);
	return db.selectFrom('ideaMember').select(['ideaId', 'userId']).where('ideaId', 'in', ideaIds).execute();
}

export function listJurorIdsOfRound(db: Db, roundId: number) {
	return db
		.selectFrom('juryMember as m')
		.innerJoin('jury as j', 'j.id', 'm.juryId')
		.select('m.userId')
		.distinct()
		.where('j.roundId', '=', roundId)
		.execute();
}

/** Did this person submit a sheet for this idea in any round? (jurors see outcomes of those) */
export function hasScoredIdea(db: Db, ideaId: number, jurorId: number) {
	return db
		.selectFrom('scoreSheet')
		.select('id')
		.where('ideaId', '=', ideaId)
		.where('jurorId', '=', jurorId)
		.where('submittedAt', 'is not', null)
		.executeTakeFirst();
}
