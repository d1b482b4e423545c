/**
 * Round set-up: a competition's rounds, the template, settings, criteria, juries and their
 * members, and the ideas entered. The round's shared reads and its lock are in
 * scoring/round.queries.ts.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { conflictReasonsJson, conflictSources, type ConflictReasonRow } from '../scoring/conflict-sources.js';

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

/**
 * The people who judge for a department: its management team as recorded
 * (department_mt_member) first, then its managers and directors by job level, each once;
 * 'top' is the head office (the department without a parent), whose team judges the final.
 */
export function listManagementOf(db: Db, departmentIds: number[] | 'top') {
	const departments =
		departmentIds === 'top'
			? sql`(select d.id from department d where d.parent_id is null)`
			: departmentIds.length
				? sql`(${sql.join(departmentIds)})`
				: sql`(null)`;
	return sql<{ id: number; departmentId: number; mt: boolean; name: string }>`
		select distinct on (x.department_id, x.id) x.id, x.department_id as "departmentId", x.mt, x.name
		from (
			select u.id, mt.department_id, true as mt, u.name from department_mt_member mt join app_user u on u.id = mt.user_id
				where mt.department_id in ${departments} and u.disabled_at is null
			union all
			select u.id, u.department_id, false, u.name from app_user u
				where u.department_id in ${departments} and u.disabled_at is null and u.job_level in ('manager', 'director')
		) x
		order by x.department_id, x.id, x.mt desc`
		.execute(db)
		.then((r) => r.rows.sort((a, b) => Number(b.mt) - Number(a.mt) || a.name.localeCompare(b.name)));
}

/**
 * A juror's load: the ideas they have to score in rounds not yet closed (in preparation or
 * open), each (round, idea) once, less the ones they have a conflict with.
 */
function loadOf(userId: RawBuilder<unknown>) {
	return sql<number>`(select count(*)::int from (
		select distinct e2.round_id, e2.idea_id
		from jury_member jm2
		join round_entry e2 on e2.jury_id = jm2.jury_id
		join round r2 on r2.id = e2.round_id and r2.status in ('draft', 'open')
		where jm2.user_id = ${userId}
			and not exists (${conflictSources(sql.ref('jm2.user_id'), sql.ref('e2.idea_id'), { recorded: true })})) l)`;
}

export type JuryCandidateRow = {
	juryId: number;
	userId: number;
	name: string;
	jobTitle: string | null;
	jobLevel: string;
	departmentName: string;
	/** On this jury already; `disabled`: left the company, the seat needs replacing. */
	member: boolean;
	disabled: boolean;
	/** Why suggested: 1 the department's management team, 2 its managers and directors, 3 directors elsewhere, 4 managers elsewhere; 0 a member. */
	rank: number;
	load: number;
	conflicts: { ideaId: number; title: string; reasons: ConflictReasonRow[] }[];
};

/**
 * Per jury of the round, in one statement: its members and up to `limit` suggested jurors
 * (the management team of the jury's department first, then its managers and directors, then
 * directors and managers elsewhere; a competition-wide jury stands for the head office), each with their
 * load across rounds not yet closed and their conflicts with the ideas entered in this jury,
 * with why.
 */
export async function listJuryCandidates(db: Db, roundId: number, limit = 12) {
	const result = await sql<JuryCandidateRow>`
		with j as (
			select jy.id as jury_id, jy.department_id,
				coalesce(jy.department_id, (select d.id from department d where d.parent_id is null order by d.id limit 1)) as dept_id
			from jury jy where jy.round_id = ${roundId}
		), people as materialized (
			-- Only who can be suggested at all: management team members, managers and directors (read once).
			select u.id, u.name, u.department_id, u.job_level from app_user u
			where u.disabled_at is null
				and (u.job_level in ('manager', 'director') or exists (select 1 from department_mt_member mt where mt.user_id = u.id))
		), suggested as (
			-- Top-N per jury through a lateral LIMIT: the planner then knows the pool is small.
			select j.jury_id, c.user_id, c.rank
			from j
			cross join lateral (
				select u.id as user_id, r.rank
				from people u
				cross join lateral (select case
					when exists (select 1 from department_mt_member mt where mt.department_id = j.dept_id and mt.user_id = u.id) then 1
					when u.job_level in ('manager', 'director') and u.department_id = j.dept_id then 2
					when u.job_level = 'director' then 3
					when u.job_level = 'manager' then 4
				end as rank) r
				where r.rank is not null
					and not exists (select 1 from jury_member m where m.jury_id = j.jury_id and m.user_id = u.id)
				order by r.rank, u.name, u.id
				limit ${limit}
			) c
		), pool as (
			select m.jury_id, m.user_id, true as member, 0 as rank from j join jury_member m on m.jury_id = j.jury_id
			union all
			select jury_id, user_id, false, rank from suggested
		)
		select p.jury_id as "juryId", p.user_id as "userId", u.name, u.job_title as "jobTitle", u.job_level as "jobLevel",
			d.name as "departmentName", p.member, u.disabled_at is not null as disabled, p.rank,
			${loadOf(sql.ref('p.user_id'))} as "load",
			coalesce((
				select json_agg(json_build_object('ideaId', e.idea_id, 'title', i.title, 'reasons', c.reasons) order by e.idea_id)
				from round_entry e
				join idea i on i.id = e.idea_id
				cross join lateral (select ${conflictReasonsJson(sql.ref('p.user_id'), sql.ref('e.idea_id'))} as reasons) c
				where e.jury_id = p.jury_id and json_array_length(c.reasons) > 0
			), '[]'::json) as conflicts
		from pool p
		join app_user u on u.id = p.user_id
		join department d on d.id = u.department_id
		order by p.jury_id, p.member desc, p.rank, u.name, u.id
	`.execute(db);
	return result.rows;
}

/**
 * Everything adding a person to a jury decides on, in one statement that also holds the
 * round (FOR UPDATE, as lockRound does): the round's status and names, the competition's
 * load cap, the jury's round, the person (left? on this jury already?) and their load once
 * on this jury (their load now plus this jury's ideas they have no conflict with: an idea
 * sits in one jury per round, so none is counted twice).
 */
export async function lockJuryForMember(db: Transaction<DB>, roundId: number, juryId: number, userId: number) {
	const result = await sql<{
		status: string;
		roundName: string;
		competitionName: string;
		jurorLoadCap: number | null;
		juryRoundId: number | null;
		personName: string | null;
		disabled: boolean | null;
		onJury: boolean;
		loadAfter: number | null;
	}>`
		select r.status, r.name as "roundName", c.name as "competitionName", c.juror_load_cap as "jurorLoadCap",
			j.round_id as "juryRoundId", u.name as "personName", u.disabled_at is not null as disabled,
			exists (select 1 from jury_member m where m.jury_id = j.id and m.user_id = u.id) as "onJury",
			${loadOf(sql.ref('u.id'))} + (
				select count(*)::int from round_entry e
				where e.jury_id = j.id
					and not exists (${conflictSources(sql.ref('u.id'), sql.ref('e.idea_id'), { recorded: true })})
			) as "loadAfter"
		from round r
		join competition c on c.id = r.competition_id
		left join jury j on j.id = ${juryId}
		left join app_user u on u.id = ${userId}
		where r.id = ${roundId}
		for update of r
	`.execute(db);
	return result.rows[0];
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
		showPreviousRound?: boolean;
	}
) {
	return db.updateTable('round').set(set).where('id', '=', roundId).execute();
}

/** The round held FOR UPDATE for its settings, with its juries' ids and its quotas. One statement. */
export function lockRoundForSettings(db: Transaction<DB>, roundId: number) {
	return db
		.selectFrom('round as r')
		.select((eb) => [
			'r.id',
			'r.status',
			jsonArrayFrom(eb.selectFrom('jury as j').select(['j.id']).whereRef('j.roundId', '=', 'r.id').orderBy('j.id')).as('juries'),
			jsonArrayFrom(
				eb.selectFrom('roundQuota as q').select(['q.juryId', 'q.count']).whereRef('q.roundId', '=', 'r.id').orderBy('q.juryId')
			).as('quotas')
		])
		.where('r.id', '=', roundId)
		.forUpdate('r')
		.executeTakeFirst();
}

/**
 * Sets a round's quotas to exactly these (jury -> count); the juries left out lose theirs and
 * take the round's count again. One statement.
 */
export async function replaceQuotas(db: Transaction<DB>, roundId: number, quotas: { juryId: number; count: number }[]) {
	const keep = quotas.map((q) => q.juryId);
	await sql`
		with gone as (
			delete from round_quota where round_id = ${roundId}
			${keep.length ? sql`and jury_id not in (${sql.join(keep)})` : sql``}
		)
		${
			quotas.length
				? sql`insert into round_quota (round_id, jury_id, count)
					select ${roundId}::int, v.jury_id, v.count
					from (values ${sql.join(quotas.map((q) => sql`(${q.juryId}::int, ${q.count}::int)`))}) as v(jury_id, count)
					on conflict (round_id, jury_id) do update set count = excluded.count`
				: sql`select 1`
		}
	`.execute(db);
}

/** Ideas an organiser may enter: semi-final from accepted/coaching/semi_final, final from finalists. */
function entryCandidatesQuery(db: Db, competitionId: number, roundId: number, statuses: string[]) {
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
		.orderBy('i.title');
}

export function listEntryCandidates(db: Db, competitionId: number, roundId: number, statuses: string[]) {
	return entryCandidatesQuery(db, competitionId, roundId, statuses).execute();
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
function peopleForJuryQuery(db: Db) {
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.jobTitle', 'd.name as departmentName'])
		.where('u.disabledAt', 'is', null)
		.orderBy('u.name');
}

export function listPeopleForJury(db: Db) {
	return peopleForJuryQuery(db).execute();
}

/**
 * The round page's two pickers in one statement: the ideas that may still be entered (none
 * once the round is closed: `statuses` null) and the people who may sit on a jury.
 */
export async function listRoundPickers(db: Db, competitionId: number, roundId: number, statuses: string[] | null) {
	const row = await db
		.selectNoFrom([
			statuses
				? jsonArrayFrom(entryCandidatesQuery(db, competitionId, roundId, statuses)).as('candidates')
				: sql<[]>`'[]'::json`.as('candidates'),
			jsonArrayFrom(peopleForJuryQuery(db)).as('people')
		])
		.executeTakeFirstOrThrow();
	return {
		candidates: row.candidates as Awaited<ReturnType<typeof listEntryCandidates>>,
		people: row.people as Awaited<ReturnType<typeof listPeopleForJury>>
	};
}
