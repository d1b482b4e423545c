/**
 * The juries dashboard's SQL: two statements whatever the number of rounds, jurors and sheets.
 * Rounds in view: not draft, of the chosen edition; with departments, only the juries of those
 * departments (a competition-wide jury has no department and is left out). Conflicts are the
 * ones written down in conflict_of_interest (declared, and recorded when ideas entered the
 * round): such pairs are neither expected nor counted.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InsightFilter } from './filter.js';

/** The portal's days are Amsterdam days. */
const TIME_ZONE = 'Europe/Amsterdam';

/** The rounds in view, whatever their juries: not draft, of the chosen edition. */
function roundConditions(filter: InsightFilter) {
	return sql.join(
		[sql`r.status <> 'draft'`, filter.competitionId === null ? sql`true` : sql`r.competition_id = ${filter.competitionId}`],
		sql` and `
	);
}

function juryConditions(filter: InsightFilter) {
	return sql.join(
		[
			sql`r.status <> 'draft'`,
			filter.competitionId === null ? sql`true` : sql`r.competition_id = ${filter.competitionId}`,
			filter.departmentIds === null
				? sql`true`
				: filter.departmentIds.length
					? sql`j.department_id in (${sql.join(filter.departmentIds)})`
					: sql`false`
		],
		sql` and `
	);
}

function periodConditions(filter: InsightFilter, column: ReturnType<typeof sql.ref>) {
	return sql.join(
		[
			filter.from ? sql`${column} >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}` : sql`true`,
			filter.to ? sql`${column} < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}` : sql`true`
		],
		sql` and `
	);
}

export type JuryMemberRow = { userId: number; name: string; expected: number };
export type JuryRow = {
	juryId: number;
	juryName: string;
	roundId: number;
	roundName: string;
	roundStatus: string;
	scoringClosesAt: Date | string | null;
	competitionId: number;
	competitionName: string;
	members: JuryMemberRow[];
};

/**
 * The juries in view with their round and their members, each member
 * with the sheets expected of them: the jury's entries minus their recorded conflicts.
 */
export async function listJuries(db: Kysely<DB>, filter: InsightFilter): Promise<JuryRow[]> {
	const result = await sql<JuryRow>`
		select j.id as "juryId", j.name as "juryName", r.id as "roundId", r.name as "roundName", r.status as "roundStatus",
			r.scoring_closes_at as "scoringClosesAt", c.id as "competitionId", c.name as "competitionName",
			coalesce((select json_agg(json_build_object('userId', jm.user_id, 'name', u.name, 'expected', (
					select count(*) from round_entry e where e.jury_id = j.id and not exists (
						select 1 from conflict_of_interest ci where ci.idea_id = e.idea_id and ci.user_id = jm.user_id))
				) order by u.name, jm.user_id)
				from jury_member jm join app_user u on u.id = jm.user_id where jm.jury_id = j.id), '[]'::json) as "members"
		from jury j
		join round r on r.id = j.round_id
		join competition c on c.id = r.competition_id
		where ${juryConditions(filter)}
		order by c.submission_opens_at, c.id, r.position, j.name, j.id
	`.execute(db);
	return result.rows;
}

export type SheetRow = {
	juryId: number;
	jurorId: number;
	ideaId: number;
	/** days from when scoring could start (the round's opening for scoring, else the sheet's creation) to submitting */
	days: number;
	/**
	 * The weighted score 0..100, as scoring.ts weightedScore reckons it:
	 * 100 × Σ w·(s − lo)/(hi − lo) / Σ w over every criterion of the round; null when a
	 * criterion has no value or a value lies outside its scale (criteria changed after scoring).
	 */
	score: number | null;
};

/**
 * The submitted sheets of the juries in view (submitted in the period), by their jury's
 * members for the jury's entries, conflicted pairs left out, each with its weighted score
 * worked out in SQL: one number per sheet instead of its values as JSON (over every edition
 * of a large company that is 20,000 sheets and 120,000 values).
 */
export async function listSubmittedSheets(db: Kysely<DB>, filter: InsightFilter): Promise<SheetRow[]> {
	// Every sheet's weighted score of the rounds in view, aggregated once (a hash aggregate
	// over their scores) rather than by a subquery per sheet: 127 instead of 330 ms for
	// 19,000 sheets and 114,000 values (EXPLAIN ANALYZE on the benchmark's company).
	const result = await sql<SheetRow>`
		with criteria as (
			select c.round_id, count(*) as n from round_criterion c group by c.round_id
		),
		weighted as (
			select s.sheet_id, rc.round_id, count(*) as n,
				bool_and(s.value between rc.scale_min and rc.scale_max and rc.scale_max > rc.scale_min) as in_scale,
				100 * sum(rc.weight::float8 * (s.value - rc.scale_min) / nullif(rc.scale_max - rc.scale_min, 0))
					/ nullif(sum(rc.weight::float8), 0) as score
			from score s
			join round_criterion rc on rc.id = s.criterion_id
			join round r on r.id = rc.round_id
			where ${roundConditions(filter)}
			group by s.sheet_id, rc.round_id
		)
		select e.jury_id as "juryId", h.juror_id as "jurorId", h.idea_id as "ideaId",
			extract(epoch from h.submitted_at - coalesce(r.scoring_opens_at, h.created_at))::float8 / 86400 as "days",
			case when w.in_scale and w.n = c.n then w.score end as "score"
		from score_sheet h
		join round_entry e on e.round_id = h.round_id and e.idea_id = h.idea_id
		join jury j on j.id = e.jury_id
		join jury_member jm on jm.jury_id = j.id and jm.user_id = h.juror_id
		join round r on r.id = h.round_id
		left join weighted w on w.sheet_id = h.id and w.round_id = h.round_id
		left join criteria c on c.round_id = h.round_id
		where h.submitted_at is not null
			and ${juryConditions(filter)}
			and ${periodConditions(filter, sql.ref('h.submitted_at'))}
			and not exists (select 1 from conflict_of_interest ci where ci.idea_id = h.idea_id and ci.user_id = h.juror_id)
	`.execute(db);
	return result.rows;
}
