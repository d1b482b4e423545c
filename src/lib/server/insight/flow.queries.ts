/**
 * The flow dashboard's SQL: the selected ideas with their timelines in one statement, and
 * the titles of the few ideas the "waiting longest" table names in a second. The arithmetic
 * (funnel, time in stages, response time) is in domain/insight-flow.ts.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InsightFilter } from './filter.js';

/** The portal's days are Amsterdam days. */
const TIME_ZONE = 'Europe/Amsterdam';

/**
 * The filter as one SQL condition on the idea aliased `i`: its edition, its department (the
 * filter already holds the sub-departments) and its date, the first submission (a draft's
 * creation), between the filter's Amsterdam days inclusive.
 */
export function ideaSelection(filter: InsightFilter): RawBuilder<boolean> {
	const conditions: RawBuilder<unknown>[] = [];
	if (filter.competitionId !== null) conditions.push(sql`i.competition_id = ${filter.competitionId}`);
	if (filter.departmentIds !== null) {
		conditions.push(filter.departmentIds.length === 0 ? sql`false` : sql`i.department_id in (${sql.join(filter.departmentIds)})`);
	}
	if (filter.from !== null) {
		conditions.push(sql`coalesce(i.first_submitted_at, i.created_at) >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
	}
	if (filter.to !== null) {
		conditions.push(sql`coalesce(i.first_submitted_at, i.created_at) < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
	}
	return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

export type FlowIdeaRow = {
	id: number;
	status: string;
	departmentId: number;
	department: string;
	responseDays: number;
	firstSubmittedAt: Date | string;
	/** published in the knowledge base now */
	inKb: boolean;
	/** the statuses the idea entered, in time order (idea_event.to_status) */
	statuses: string[];
	/** when, in ms since the epoch, one for each status */
	times: number[];
};

/**
 * Every selected idea that was ever submitted, with its department, its edition's response
 * time and its status changes in time order, in one statement. Each idea's timeline is
 * aggregated in a lateral subquery read from the index on idea_event (idea_id, created_at):
 * grouping the joined rows instead sorted every group and its cost estimate switched on
 * PostgreSQL's JIT (about 70 ms more on 5,000 ideas); plain event rows (30,000) cost more
 * to read into JavaScript than one row per idea.
 */
export async function listFlowIdeas(db: Kysely<DB>, filter: InsightFilter): Promise<FlowIdeaRow[]> {
	const result = await sql<FlowIdeaRow>`
		select i.id, i.status, i.department_id, d.name as department,
			coalesce(c.response_days, 10) as response_days,
			i.first_submitted_at,
			k.id is not null as in_kb,
			coalesce(t.statuses, '{}') as statuses,
			coalesce(t.times, '{}') as times
		from idea i
		join department d on d.id = i.department_id
		left join competition c on c.id = i.competition_id
		left join kb_entry k on k.idea_id = i.id and k.status = 'published'
		left join lateral (
			select array_agg(e.to_status order by e.created_at, e.id) as statuses,
				array_agg((extract(epoch from e.created_at) * 1000)::float8 order by e.created_at, e.id) as times
			from idea_event e
			where e.idea_id = i.id and e.to_status is not null
		) t on true
		where i.first_submitted_at is not null and ${ideaSelection(filter)}
	`.execute(db);
	return result.rows;
}

/** The titles of a few ideas (the waiting-longest list), in one statement. */
export async function findIdeaTitles(db: Kysely<DB>, ideaIds: readonly number[]): Promise<Map<number, string>> {
	if (ideaIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('idea')
		.select(['id', 'title'])
		.where('id', 'in', [...ideaIds])
		.execute();
	return new Map(rows.map((r) => [r.id, r.title]));
}
