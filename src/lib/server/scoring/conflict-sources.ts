import { sql, type RawBuilder } from 'kysely';

/** How far up a reporting line the rule walks: deeper than any real company, and a stop for bad data that loops. */
export const MAX_REPORTING_DEPTH = 40;

/** The sources found from the data (recomputed when it changes), as opposed to declared ones. */
export const AUTO_CONFLICT_SOURCES = ['team', 'mentor', 'manager', 'peer'] as const;

/**
 * The conflict of interest rule in SQL, written once (domain/scoring.ts `conflictReasons`
 * says the same in TypeScript): why a juror may not score an idea, as rows of `source`,
 * with the team member it is about (`person_id`) and, above them, how many `levels`.
 * Found live, so a mentor assigned or a manager changed after the round opened counts at
 * once. The juror
 * - is on the idea's team ('team');
 * - is or was its mentor ('mentor');
 * - sits anywhere above a team member in the reporting line: their manager (1 level), the
 *   manager's manager (2 levels), ... ('manager'; the nearest member, walked up by a
 *   recursive query that stops at MAX_REPORTING_DEPTH);
 * - has the same direct manager as a team member, when the idea's competition counts
 *   peers (`competition.peer_conflicts`; 'peer').
 * With `recorded`, also every conflict written down in conflict_of_interest (declared ones,
 * and the automatic ones recorded for the home page), without person or levels.
 *
 * `jurorId` and `ideaId` are column references of the enclosing query, e.g.
 * `conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })`.
 */
export function conflictSources(jurorId: RawBuilder<unknown>, ideaId: RawBuilder<unknown>, options: { recorded: boolean }) {
	const recorded = options.recorded
		? sql`union all select ci.source, null::int, null::int from conflict_of_interest ci where ci.idea_id = ${ideaId} and ci.user_id = ${jurorId}`
		: sql``;
	return sql<{ source: string; person_id: number | null; levels: number | null }>`
			select 'team' as source, null::int as person_id, null::int as levels
				where exists (select 1 from idea_member m where m.idea_id = ${ideaId} and m.user_id = ${jurorId})
			union all select 'mentor', null::int, null::int where exists (
				select 1 from mentor_assignment a where a.idea_id = ${ideaId} and a.mentor_id = ${jurorId} and a.status in ('proposed', 'accepted', 'ended'))
			union all (
				with recursive up (member_id, manager_id, levels) as (
					select m.user_id, u.manager_id, 1 from idea_member m join app_user u on u.id = m.user_id
						where m.idea_id = ${ideaId} and u.manager_id is not null
					union all
					select up.member_id, u.manager_id, up.levels + 1 from up join app_user u on u.id = up.manager_id
						where u.manager_id is not null and u.manager_id <> up.member_id and up.levels < ${MAX_REPORTING_DEPTH}
				)
				select 'manager', up.member_id, up.levels from up where up.manager_id = ${jurorId}
				order by up.levels, up.member_id limit 1)
			union all (
				select 'peer', m.user_id, null::int from idea_member m
					join app_user u on u.id = m.user_id
					join app_user j on j.id = ${jurorId} and j.manager_id = u.manager_id and j.id <> u.id
					join idea i on i.id = m.idea_id
					join competition c on c.id = i.competition_id and c.peer_conflicts
				where m.idea_id = ${ideaId}
				order by m.user_id limit 1)
			${recorded}`;
}

/** One reason as the screens read it: the source, the team member it is about, how many levels above them. */
export type ConflictReasonRow = { source: string; personName: string | null; levels: number | null };

/**
 * The reasons of one juror-idea pair as a JSON array, one per source (a live one, with its
 * person, before the same source recorded without), in source order; `[]` when none.
 */
export function conflictReasonsJson(jurorId: RawBuilder<unknown>, ideaId: RawBuilder<unknown>) {
	return sql<ConflictReasonRow[]>`coalesce((
		select json_agg(json_build_object('source', r.source, 'personName', r.person_name, 'levels', r.levels) order by r.source)
		from (
			select distinct on (s.source) s.source, pu.name as person_name, s.levels
			from (${conflictSources(jurorId, ideaId, { recorded: true })}) s
			left join app_user pu on pu.id = s.person_id
			order by s.source, s.person_id nulls last
		) r), '[]'::json)`;
}
