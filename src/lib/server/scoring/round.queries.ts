/**
 * A judged round as stored, read by every judging service: its row (and the lock on it),
 * criteria, juries, entries, sheets and conflicts. Round set-up and results
 * (competitions/) read a round through here as the jury sheet, the offline sheet and the
 * feedback do; each service writes through its own queries.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { conflictSources } from './conflict-sources.js';

/** A round's id, or a reference to the enclosing query's round (`sql.ref('r.id')`), for reading several rounds in one statement. */
type RoundRef = number | RawBuilder<number>;

function roundQuery(db: Db, roundId: number) {
	return roundColumnsQuery(db).where('r.id', '=', roundId);
}

function roundColumnsQuery(db: Db) {
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
			'r.showPreviousRound',
			'r.status',
			'r.closedAt',
			'r.closeReason',
			'c.name as competitionName',
			'c.slug as competitionSlug',
			'c.jurorLoadCap',
			sql<boolean>`exists (select 1 from round p where p.competition_id = r.competition_id and p.position < r.position)`.as(
				'hasPreviousRound'
			)
		]);
}

export function findRound(db: Db, roundId: number) {
	return roundQuery(db, roundId).executeTakeFirst();
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/**
 * The round's row (findRound) with its entries (listEntries) in one statement: what
 * confirming the outcomes decides on. Read after lockRound, not as part of it: a statement
 * that waited for a row lock sees the locked row anew but its subqueries as they were when
 * it started (PostgreSQL, read committed), so a second tab would read the entries as they
 * were before the first one's confirmation.
 */
export async function findRoundWithEntries(db: Db, roundId: number) {
	const row = await roundQuery(db, roundId)
		.select(jsonArrayFrom(entriesQuery(db, sql.ref<number>('r.id'))).as('entries'))
		.executeTakeFirst();
	if (!row) return undefined;
	const { entries, ...round } = row;
	type Entry = Awaited<ReturnType<typeof listEntries>>[number];
	return { round, entries: entries as unknown as Entry[] };
}

/** Holds the round's status still: saves take it FOR SHARE, close/reopen/criteria FOR UPDATE. */
export function lockRound(db: Transaction<DB>, roundId: number, mode: 'share' | 'update') {
	const q = db.selectFrom('round').select(['id', 'status', 'scoresVisible']).where('id', '=', roundId);
	return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
}

/** The round held FOR UPDATE (as lockRound) with whether any score exists in it: criteria may change only while none does. One statement. */
export function lockRoundWithScores(db: Transaction<DB>, roundId: number) {
	return db
		.selectFrom('round as r')
		.select((eb) => ['r.id', 'r.status', eb.exists(anyScoreQuery(db, sql.ref<number>('r.id'))).as('anyScore')])
		.where('r.id', '=', roundId)
		.forUpdate()
		.executeTakeFirst();
}

export function criteriaQuery(db: Db, roundId: RoundRef) {
	return db
		.selectFrom('roundCriterion')
		.select(['id', 'position', 'code', 'name', 'description', 'weight', 'scaleMin', 'scaleMax', 'isRollOut', 'rubric'])
		.where('roundId', '=', roundId)
		.orderBy('position');
}

export function listCriteria(db: Db, roundId: number) {
	return criteriaQuery(db, roundId).execute();
}

export type CriterionRow = Awaited<ReturnType<typeof listCriteria>>[number];

function scoreCountQuery(db: Db, roundId: RoundRef) {
	return db
		.selectFrom('score as s')
		.innerJoin('scoreSheet as h', 'h.id', 's.sheetId')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('h.roundId', '=', roundId);
}

/** A score of the round, if any (for `exists`: a count would always give a row). */
function anyScoreQuery(db: Db, roundId: RoundRef) {
	return db
		.selectFrom('score as s')
		.innerJoin('scoreSheet as h', 'h.id', 's.sheetId')
		.select(sql<number>`1`.as('one'))
		.where('h.roundId', '=', roundId);
}

export function countScoresInRound(db: Db, roundId: number) {
	return scoreCountQuery(db, roundId).executeTakeFirstOrThrow();
}

function juriesQuery(db: Db, roundId: RoundRef) {
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
		.orderBy(sql`d.name nulls first`);
}

export function listJuries(db: Db, roundId: number) {
	return juriesQuery(db, roundId).execute();
}

export type JuryRow = Awaited<ReturnType<typeof listJuries>>[number];

/** The ideas entered in a round, in presentation order (never in an order that depends on scores). */
function entriesQuery(db: Db, roundId: RoundRef) {
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
			'e.score',
			'e.tieBrokenBy',
			'e.fromRoundId',
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
		.orderBy('e.ideaId');
}

export function listEntries(db: Db, roundId: number) {
	return entriesQuery(db, roundId).execute();
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/**
 * Every excluded juror-idea pair of a round with its reasons, found live (the rule is in
 * conflict-sources.ts): the juror is on the idea's team, is or was its mentor, manages a
 * team member, or a conflict is recorded (declared).
 */
function conflictPairsSql(roundId: RoundRef, jurorId?: number) {
	return sql<{ jurorId: number; ideaId: number; source: string }>`
		select distinct jm.user_id as "jurorId", e.idea_id as "ideaId", s.source as "source"
		from round_entry e
		join jury_member jm on jm.jury_id = e.jury_id
		join lateral (${conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })}) s on true
		where e.round_id = ${roundId} ${jurorId === undefined ? sql`` : sql`and jm.user_id = ${jurorId}`}
	`;
}

export async function listConflictPairs(db: Db, roundId: number, jurorId?: number) {
	const result = await conflictPairsSql(roundId, jurorId).execute(db);
	return result.rows;
}

/** A top-N round's quotas: how many ideas of a jury's scope advance, overriding the round's count. */
function quotasQuery(db: Db, roundId: RoundRef) {
	return db.selectFrom('roundQuota').select(['juryId', 'count']).where('roundId', '=', roundId).orderBy('juryId');
}

export function listQuotas(db: Db, roundId: number) {
	return quotasQuery(db, roundId).execute();
}

/**
 * The round after this one in its competition (the next position) with its juries, each
 * with its department: where confirmed advancement enters the ideas that go through.
 * Held FOR UPDATE with the round, so its status cannot change while the ideas go in.
 */
export function findNextRound(db: Transaction<DB>, roundId: number) {
	return nextRoundQuery(db, roundId).forUpdate('n').executeTakeFirst();
}

/** The next round as the round page shows it (findNextRound without the lock). */
export function peekNextRound(db: Db, roundId: number) {
	return nextRoundQuery(db, roundId).executeTakeFirst();
}

function nextRoundQuery(db: Db, roundId: number) {
	return db
		.selectFrom('round as n')
		.innerJoin('round as r', (jn) => jn.onRef('r.competitionId', '=', 'n.competitionId').onRef('n.position', '>', 'r.position'))
		.select((eb) => [
			'n.id',
			'n.name',
			'n.kind',
			'n.scope',
			'n.status',
			jsonArrayFrom(
				eb
					.selectFrom('jury as j')
					.leftJoin('department as d', 'd.id', 'j.departmentId')
					.select(['j.id', 'j.departmentId', 'd.name as departmentName'])
					.whereRef('j.roundId', '=', 'n.id')
					.orderBy('j.id')
			).as('juries')
		])
		.where('r.id', '=', roundId)
		.orderBy('n.position')
		.limit(1);
}

/** All sheets of a round with their scores; the juror's name for organisers' exports only. */
function sheetsQuery(db: Db, roundId: RoundRef) {
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
		.orderBy('h.id');
}

export function listRoundSheets(db: Db, roundId: number) {
	return sheetsQuery(db, roundId).execute();
}

export type SheetRow = Awaited<ReturnType<typeof listRoundSheets>>[number];

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The parts of a stored round beside its row, each as JSON (the round given by id or by reference). */
function recordParts(db: Db, roundId: RoundRef) {
	return [
		jsonArrayFrom(criteriaQuery(db, roundId)).as('criteria'),
		jsonArrayFrom(juriesQuery(db, roundId)).as('juries'),
		jsonArrayFrom(entriesQuery(db, roundId)).as('entries'),
		jsonArrayFrom(sheetsQuery(db, roundId)).as('sheets'),
		sql<
			{ jurorId: number; ideaId: number; source: string }[]
		>`(select coalesce(json_agg(x), '[]'::json) from (${conflictPairsSql(roundId)}) x)`.as('conflicts'),
		sql<boolean>`exists (${anyScoreQuery(db, roundId)})`.as('anyScore'),
		jsonArrayFrom(quotasQuery(db, roundId)).as('quotas')
	] as const;
}

type RecordRow = NonNullable<Awaited<ReturnType<ReturnType<typeof recordRowQuery>['executeTakeFirst']>>>;

function recordRowQuery(db: Db, roundId: number) {
	return roundQuery(db, roundId).select(recordParts(db, roundId));
}

/** The JSON parts read back into the shapes of their own queries above (times into dates). */
function toRecord(row: RecordRow) {
	const { criteria, juries, entries, sheets, conflicts, anyScore, quotas, ...round } = row;
	type Entry = Awaited<ReturnType<typeof listEntries>>[number];
	type Sheet = Awaited<ReturnType<typeof listRoundSheets>>[number];
	return {
		round: { ...round, quotas: quotas as { juryId: number; count: number }[] },
		criteria: criteria as unknown as Awaited<ReturnType<typeof listCriteria>>,
		juries: juries as unknown as Awaited<ReturnType<typeof listJuries>>,
		entries: (entries as unknown as Entry[]).map((e) => ({
			...e,
			score: e.score === null || e.score === undefined ? null : Number(e.score),
			decidedAt: toDate(e.decidedAt),
			submittedAt: toDate(e.submittedAt),
			firstSubmittedAt: toDate(e.firstSubmittedAt),
			slotStartsAt: toDate(e.slotStartsAt)
		})) as Entry[],
		sheets: (sheets as unknown as Sheet[]).map((h) => ({
			...h,
			submittedAt: toDate(h.submittedAt),
			updatedAt: toDate(h.updatedAt)!
		})) as Sheet[],
		conflicts,
		anyScore: !!anyScore
	};
}

/**
 * The whole stored round in one statement: its row, criteria, juries with members, entries,
 * sheets with scores, conflict pairs (found live) and whether any score exists. The nested
 * rows come back as JSON; their times are read back into dates, so each part has the same
 * shape as the query of its own above.
 */
export async function findRoundRecordRows(db: Db, roundId: number) {
	const row = await recordRowQuery(db, roundId).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

/** Several stored rounds in one statement (findRoundRecordRows of each), in the order of `roundIds`; missing ones left out. */
export async function findRoundRecordsRows(db: Db, roundIds: readonly number[]) {
	if (!roundIds.length) return [];
	const rows = await roundColumnsQuery(db)
		.select(recordParts(db, sql.ref<number>('r.id')))
		.where('r.id', 'in', roundIds)
		.execute();
	const records = rows.map((row) => toRecord(row));
	return roundIds.flatMap((id) => records.filter((r) => r.round.id === id));
}
