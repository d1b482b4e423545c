/**
 * The SQL of the participation dashboard (and the people half of the summary): who works
 * here by department, job level and education level, and who took part. Every query groups
 * in SQL and returns a few dozen rows at most, whatever the number of people or ideas.
 *
 * A participant of an edition is a distinct person who created or is on the team (owner or
 * member, not helper) of an idea of that edition that was submitted (first_submitted_at set), counted by their current
 * department, job level and education level (none → 'unknown').
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import type { InsightFilter } from './filter.js';

/** The portal's days are Amsterdam days. */
const TIME_ZONE = 'Europe/Amsterdam';

/** The period as conditions on a timestamp column (inclusive days, Amsterdam). */
export function inPeriod(column: RawBuilder<unknown>, filter: Pick<InsightFilter, 'from' | 'to'>): RawBuilder<boolean> {
	const conditions: RawBuilder<boolean>[] = [sql<boolean>`true`];
	if (filter.from) conditions.push(sql<boolean>`${column} >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
	if (filter.to) conditions.push(sql<boolean>`${column} < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
	return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/** The edition as a condition on a competition id column (true for every edition). */
export function inEdition(column: RawBuilder<unknown>, filter: Pick<InsightFilter, 'competitionId'>): RawBuilder<boolean> {
	return filter.competitionId === null ? sql<boolean>`true` : sql<boolean>`${column} = ${filter.competitionId}`;
}

/** A person's current department as a condition (true for the whole company). */
function inDepartments(column: RawBuilder<unknown>, departmentIds: readonly number[] | null): RawBuilder<boolean> {
	if (departmentIds === null) return sql<boolean>`true`;
	if (departmentIds.length === 0) return sql<boolean>`false`;
	return sql<boolean>`${column} in (${sql.join(departmentIds.map((id) => sql`${id}::int`))})`;
}

/**
 * Every (person, edition, submission time) of a submitted idea in an edition: its creator and
 * its team (the creator is on the team as owner, but counted even if no longer so). A helper
 * (who entered it for a colleague, or helps develop it) is on the team but not credited, so
 * not counted; the colleague it was entered for is its creator. Editions
 * get an ordinal by when their submissions open. Materialised: read once by every part.
 */
const tookPartCtes = sql`
	edition as (
		select c.id, row_number() over (order by c.submission_opens_at, c.id)::int as ordinal from competition c
	),
	took_part as materialized (
		select im.user_id, i.competition_id, i.first_submitted_at
		from idea i join idea_member im on im.idea_id = i.id and im.role <> 'helper'
		where i.first_submitted_at is not null and i.competition_id is not null
		union all
		select i.created_by, i.competition_id, i.first_submitted_at
		from idea i
		where i.first_submitted_at is not null and i.competition_id is not null
	)`;

export type HeadcountCell = { departmentId: number; jobLevel: string; educationLevel: string; headcount: number };
export type DepartmentName = { id: number; name: string; nameNl: string | null; retired: boolean };

/**
 * Who works here, per department × job level × education level: the HR headcount
 * (department_headcount) of each department that has one, else its active accounts by
 * level. Retired departments count nobody. One statement.
 */
export async function selectHeadcount(
	db: Db,
	departmentIds: readonly number[] | null
): Promise<{ departments: DepartmentName[]; cells: HeadcountCell[] }> {
	const { rows } = await sql<{ departments: DepartmentName[] | null; cells: HeadcountCell[] | null }>`
		with d as (
			select id, name, name_nl, retired_at,
				exists (select 1 from department_headcount h where h.department_id = department.id) as has_headcount
			from department where ${inDepartments(sql.ref('id'), departmentIds)}
		),
		cells as (
			select h.department_id, h.job_level, h.education_level, h.headcount
			from department_headcount h join d on d.id = h.department_id
			where d.retired_at is null and h.headcount > 0
			union all
			select u.department_id, u.job_level, coalesce(u.education_level, 'unknown'), count(*)::int
			from d join app_user u on u.department_id = d.id
			where d.retired_at is null and not d.has_headcount and u.disabled_at is null
			group by 1, 2, 3
		)
		select
			(select json_agg(json_build_object('id', d.id, 'name', d.name, 'nameNl', d.name_nl, 'retired', d.retired_at is not null) order by d.name, d.id) from d) as departments,
			(select json_agg(json_build_object('departmentId', department_id, 'jobLevel', job_level, 'educationLevel', education_level, 'headcount', headcount)) from cells) as cells
	`.execute(db);
	return { departments: rows[0]?.departments ?? [], cells: rows[0]?.cells ?? [] };
}

export type ParticipantCell = { departmentId: number; jobLevel: string; educationLevel: string; participants: number; firstTime: number };

export type EditionParticipation = {
	id: number;
	name: string;
	participants: number;
	vocational: number;
	higher: number;
};

/**
 * Who took part, in one statement:
 * - `cells`: the participants in the filter (edition, period, their current department) per
 *   department × job level × education level, with how many were first-timers: the edition
 *   counted is the filter's, or with every edition the latest one the person took part in
 *   within the period; first-time when they took part in no earlier edition (whatever its
 *   period);
 * - `editions` (when asked): participants per edition (every edition but drafts, in the order
 *   their submissions open) in the filter's departments and period, with how many are
 *   vocational (vmbo, mbo) and higher educated (hbo, wo) by their current education level.
 */
export async function selectParticipation(
	db: Db,
	filter: InsightFilter,
	options: { editions: boolean }
): Promise<{ cells: ParticipantCell[]; editions: EditionParticipation[] }> {
	const editions = options.editions
		? sql`(
			with pairs as (
				select distinct t.user_id, t.competition_id from took_part t where ${inPeriod(sql.ref('t.first_submitted_at'), filter)}
			),
			per_edition as (
				select p.competition_id,
					count(*)::int as participants,
					count(*) filter (where u.education_level in ('vmbo', 'mbo'))::int as vocational,
					count(*) filter (where u.education_level in ('hbo', 'wo'))::int as higher
				from pairs p join app_user u on u.id = p.user_id
				where ${inDepartments(sql.ref('u.department_id'), filter.departmentIds)}
				group by p.competition_id
			)
			select json_agg(json_build_object('id', c.id, 'name', c.name, 'participants', coalesce(pe.participants, 0),
				'vocational', coalesce(pe.vocational, 0), 'higher', coalesce(pe.higher, 0)) order by c.submission_opens_at, c.id)
			from competition c left join per_edition pe on pe.competition_id = c.id
			where c.status <> 'draft'
		)`
		: sql`null`;
	const { rows } = await sql<{ cells: ParticipantCell[] | null; editions: EditionParticipation[] | null }>`
		with ${tookPartCtes},
		person as (
			select t.user_id,
				min(e.ordinal) as first_ordinal,
				max(e.ordinal) filter (where ${inEdition(sql.ref('t.competition_id'), filter)} and ${inPeriod(sql.ref('t.first_submitted_at'), filter)}) as ordinal
			from took_part t join edition e on e.id = t.competition_id
			group by t.user_id
		),
		cells as (
			select u.department_id, u.job_level, coalesce(u.education_level, 'unknown') as education_level,
				count(*)::int as participants,
				count(*) filter (where p.first_ordinal >= p.ordinal)::int as first_time
			from person p join app_user u on u.id = p.user_id
			where p.ordinal is not null and ${inDepartments(sql.ref('u.department_id'), filter.departmentIds)}
			group by 1, 2, 3
		)
		select
			(select json_agg(json_build_object('departmentId', department_id, 'jobLevel', job_level, 'educationLevel', education_level,
				'participants', participants, 'firstTime', first_time)) from cells) as cells,
			${editions} as editions
	`.execute(db);
	return { cells: rows[0]?.cells ?? [], editions: rows[0]?.editions ?? [] };
}
