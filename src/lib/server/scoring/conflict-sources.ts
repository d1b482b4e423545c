import { sql, type RawBuilder } from 'kysely';

/**
 * The conflict of interest rule in SQL, written once (domain/scoring.ts `conflictSources`
 * says the same in TypeScript): why a juror may not score an idea, as rows of `source`.
 * Found live, so a mentor assigned after the round opened counts at once: the juror is on
 * the idea's team ('team'), is or was its mentor ('mentor'), manages a team member
 * ('manager'); with `recorded`, also every conflict written down in conflict_of_interest
 * (declared ones, and the automatic ones recorded for the home page).
 *
 * `jurorId` and `ideaId` are column references of the enclosing query, e.g.
 * `conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'))`.
 */
export function conflictSources(jurorId: RawBuilder<unknown>, ideaId: RawBuilder<unknown>, options: { recorded: boolean }) {
	const recorded = options.recorded
		? sql`union all select ci.source from conflict_of_interest ci where ci.idea_id = ${ideaId} and ci.user_id = ${jurorId}`
		: sql``;
	return sql<{ source: string }>`
			select 'team' as source where exists (select 1 from idea_member m where m.idea_id = ${ideaId} and m.user_id = ${jurorId})
			union all select 'mentor' where exists (
				select 1 from mentor_assignment a where a.idea_id = ${ideaId} and a.mentor_id = ${jurorId} and a.status in ('proposed', 'accepted', 'ended'))
			union all select 'manager' where exists (
				select 1 from idea_member m join app_user u on u.id = m.user_id where m.idea_id = ${ideaId} and u.manager_id = ${jurorId})
			${recorded}`;
}
