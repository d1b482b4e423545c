/**
 * The results dashboard's SQL: three statements whatever the number of ideas, entries and
 * adoptions. Each event is dated by its own day (Europe/Amsterdam):
 * - an idea implemented: implementation done (done_on, else the day it was last updated),
 *   counted for the idea's edition and department;
 * - a knowledge-base entry published (still published): the day of publication, the entry's
 *   edition and department;
 * - an adoption done: adopted_on (else the day it was last updated), the adopting department,
 *   the edition of the entry adopted;
 * - a measured result: the day and department of what it belongs to (the implemented idea,
 *   the published entry or the adoption), the edition of that idea or entry.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InsightFilter } from './filter.js';

const TIME_ZONE = 'Europe/Amsterdam';

/** The conditions on one event's edition, department and day; `edition: false` leaves the edition out. */
function eventConditions(
	filter: InsightFilter,
	at: { competition: RawBuilder<unknown>; department: RawBuilder<unknown>; day: RawBuilder<unknown> },
	edition = true
) {
	return sql.join(
		[
			!edition || filter.competitionId === null ? sql`true` : sql`${at.competition} = ${filter.competitionId}`,
			filter.departmentIds === null
				? sql`true`
				: filter.departmentIds.length
					? sql`${at.department} in (${sql.join(filter.departmentIds)})`
					: sql`false`,
			filter.from ? sql`${at.day} >= ${filter.from}::date` : sql`true`,
			filter.to ? sql`${at.day} <= ${filter.to}::date` : sql`true`
		],
		sql` and `
	);
}

const day = (column: string) => sql`(${sql.ref(column)} at time zone ${TIME_ZONE})::date`;

/** Every result event as (kind, competition, department, day): the union the first statements count. */
function events() {
	return sql`
		select 'implemented' as kind, i.competition_id, i.department_id, coalesce(im.done_on, ${day('im.updated_at')}) as day
			from implementation im join idea i on i.id = im.idea_id where im.status = 'done'
		union all
		select 'published', k.competition_id, k.department_id, ${day('k.published_at')}
			from kb_entry k where k.status = 'published'
		union all
		select 'adopted', k.competition_id, a.department_id, coalesce(a.adopted_on, ${day('a.updated_at')})
			from adoption a join kb_entry k on k.id = a.kb_entry_id where a.status = 'adopted'`;
}

export type EditionCountRow = {
	competitionId: number | null;
	competitionName: string | null;
	implemented: number | string;
	published: number | string;
	adopted: number | string;
};

/**
 * Per edition (every edition, whatever the edition filter; department and period apply):
 * ideas implemented, entries published and adoptions done. Editions without any are listed
 * with zeros, in the order they opened; events outside any edition come last (no id).
 */
export async function countPerEdition(db: Kysely<DB>, filter: InsightFilter): Promise<EditionCountRow[]> {
	const result = await sql<EditionCountRow>`
		with ev as (select * from (${events()}) e
			where ${eventConditions(filter, { competition: sql.ref('e.competition_id'), department: sql.ref('e.department_id'), day: sql.ref('e.day') }, false)}),
		per as (select competition_id,
				count(*) filter (where kind = 'implemented') as implemented,
				count(*) filter (where kind = 'published') as published,
				count(*) filter (where kind = 'adopted') as adopted
			from ev group by competition_id)
		select c.id as "competitionId", c.name as "competitionName", coalesce(p.implemented, 0) as "implemented",
			coalesce(p.published, 0) as "published", coalesce(p.adopted, 0) as "adopted"
		from competition c left join per p on p.competition_id = c.id
		where c.status <> 'draft' or p.competition_id is not null
		union all
		select null, null, p.implemented, p.published, p.adopted from per p where p.competition_id is null
		order by 1 nulls last
	`.execute(db);
	return result.rows;
}

export type DepartmentAdoptionRow = { departmentId: number; name: string; nameNl: string | null; adoptions: number | string };

/** Departments that adopted (adoptions done), with how many, most first. */
export async function countAdoptionsPerDepartment(db: Kysely<DB>, filter: InsightFilter): Promise<DepartmentAdoptionRow[]> {
	const result = await sql<DepartmentAdoptionRow>`
		select d.id as "departmentId", d.name as "name", d.name_nl as "nameNl", count(*) as "adoptions"
		from adoption a
		join kb_entry k on k.id = a.kb_entry_id
		join department d on d.id = a.department_id
		where a.status = 'adopted'
			and ${eventConditions(filter, { competition: sql.ref('k.competition_id'), department: sql.ref('a.department_id'), day: sql`coalesce(a.adopted_on, ${day('a.updated_at')})` })}
		group by d.id, d.name, d.name_nl
		order by count(*) desc, d.name
	`.execute(db);
	return result.rows;
}

export type MeasuredRow = { competitionId: number | null; kind: string; total: number | string; results: number | string };

/** Measured results summed by kind and edition (of the idea, the entry, or the adopted entry). */
export async function sumMeasuredResults(db: Kysely<DB>, filter: InsightFilter): Promise<MeasuredRow[]> {
	const result = await sql<MeasuredRow>`
		select x.competition_id as "competitionId", x.kind as "kind", sum(x.value) as "total", count(*) as "results"
		from (
			select mr.kind, mr.value,
				coalesce(i.competition_id, k.competition_id, ak.competition_id) as competition_id,
				coalesce(i.department_id, k.department_id, a.department_id) as department_id,
				case when mr.idea_id is not null then coalesce(im.done_on, ${day('im.updated_at')})
					when mr.kb_entry_id is not null then ${day('k.published_at')}
					else coalesce(a.adopted_on, ${day('a.updated_at')}) end as day
			from measured_result mr
			left join idea i on i.id = mr.idea_id
			left join implementation im on im.idea_id = mr.idea_id
			left join kb_entry k on k.id = mr.kb_entry_id
			left join adoption a on a.id = mr.adoption_id
			left join kb_entry ak on ak.id = a.kb_entry_id
			where (mr.idea_id is null or im.status = 'done')
				and (mr.kb_entry_id is null or k.status = 'published')
				and (mr.adoption_id is null or a.status = 'adopted')
		) x
		where ${eventConditions(filter, { competition: sql.ref('x.competition_id'), department: sql.ref('x.department_id'), day: sql.ref('x.day') })}
		group by x.competition_id, x.kind
	`.execute(db);
	return result.rows;
}
