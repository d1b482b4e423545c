/**
 * The mentoring dashboard's SQL, three statements whatever the number of mentors and ideas:
 * the mentors with their load, the mentor proposals on the selected ideas, and the selected
 * ideas with every status they held and whether a mentor coached them.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InsightFilter } from './filter.js';
import { ideaSelection } from './flow.queries.js';

const TIME_ZONE = 'Europe/Amsterdam';

/** An assignment the mentor accepted: still coaching, or ended after accepting (an answered one). */
const COACHED = sql<boolean>`(a.status = 'accepted' or (a.status = 'ended' and a.answered_at is not null))`;

/** Does the filter narrow the ideas at all? Without it every mentor is listed, with it only the mentors of the selected ideas. */
export function narrows(filter: InsightFilter): boolean {
	return filter.competitionId !== null || filter.departmentIds !== null || filter.from !== null || filter.to !== null;
}

export type MentorLoadRow = {
	id: number;
	name: string;
	department: string;
	capacity: number;
	/** accepted assignments now, on selected ideas */
	mentees: number;
	/** proposals waiting for the mentor's answer, on selected ideas */
	proposed: number;
};

/**
 * Mentors with their mentees (accepted now) and open proposals among the selected ideas, and
 * their capacity. Unfiltered: every active mentor and anyone with a mentee; filtered: the
 * mentors who were proposed for or coached a selected idea.
 */
export async function listMentorLoad(db: Kysely<DB>, filter: InsightFilter): Promise<MentorLoadRow[]> {
	const keep = narrows(filter)
		? sql`count(a.id) filter (where a.status in ('proposed', 'accepted', 'ended')) > 0`
		: sql`p.status = 'active' or count(a.id) filter (where a.status in ('proposed', 'accepted')) > 0`;
	const result = await sql<MentorLoadRow>`
		select p.user_id as id, u.name, d.name as department, p.capacity,
			(count(a.id) filter (where a.status = 'accepted'))::int as mentees,
			(count(a.id) filter (where a.status = 'proposed'))::int as proposed
		from mentor_profile p
		join app_user u on u.id = p.user_id
		join department d on d.id = u.department_id
		left join (mentor_assignment a join idea i on i.id = a.idea_id and ${ideaSelection(filter)}) on a.mentor_id = p.user_id
		group by p.user_id, u.name, d.name
		having ${keep}
	`.execute(db);
	return result.rows;
}

export type MentorRequestRow = {
	status: string;
	createdAt: Date | string;
	answeredAt: Date | string | null;
	/** the month the mentor was asked, YYYY-MM in Amsterdam */
	month: string;
};

/** Every proposal to a mentor on a selected idea (a team's wish for a mentor is not one), with when it was made and answered. */
export async function listMentorRequests(db: Kysely<DB>, filter: InsightFilter): Promise<MentorRequestRow[]> {
	const result = await sql<MentorRequestRow>`
		select a.status, a.created_at, a.answered_at,
			to_char(a.created_at at time zone ${TIME_ZONE}, 'YYYY-MM') as month
		from mentor_assignment a
		join idea i on i.id = a.idea_id
		where a.status <> 'requested' and ${ideaSelection(filter)}
	`.execute(db);
	return result.rows;
}

export type OutcomeIdeaRow = {
	status: string;
	/** every status the idea ever entered */
	statuses: string[];
	coached: boolean;
};

/**
 * The selected submitted ideas with every status they held and whether a mentor coached them.
 * The statuses come from a lateral subquery on idea_event's index, the coached ideas from one
 * pass over mentor_assignment: grouping the joined events instead made PostgreSQL's cost
 * estimate switch on its JIT (tens of milliseconds for nothing on 5,000 ideas).
 */
export async function listOutcomeIdeas(db: Kysely<DB>, filter: InsightFilter): Promise<OutcomeIdeaRow[]> {
	const result = await sql<OutcomeIdeaRow>`
		select i.status, coalesce(t.statuses, '{}') as statuses, m.idea_id is not null as coached
		from idea i
		left join lateral (
			select array_agg(e.to_status) as statuses from idea_event e where e.idea_id = i.id and e.to_status is not null
		) t on true
		left join (select distinct a.idea_id from mentor_assignment a where ${COACHED}) m on m.idea_id = i.id
		where i.first_submitted_at is not null and ${ideaSelection(filter)}
	`.execute(db);
	return result.rows;
}
