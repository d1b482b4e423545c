/**
 * The SQL of the company summary: the funnel of the edition and period, ideas per
 * edition, adoptions and measured results. (Who works here and who took part come from
 * participation.queries.ts.) Company-wide: the department filter does not apply here.
 */
import { sql } from 'kysely';
import { ACCEPTED_AND_LATER } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';
import type { InsightFilter } from './filter.js';
import { inEdition, inPeriod } from './participation.queries.js';

export type FunnelCounts = { submitted: number; accepted: number; semiFinal: number; final: number; awarded: number; implemented: number };

const IN_SEMI_FINAL_OR_LATER = ['semi_final', 'not_advanced', 'finalist', 'winner', 'runner_up'];
const IN_FINAL_OR_LATER = ['finalist', 'winner', 'runner_up'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

export type EditionIdeas = { id: number; name: string; ideas: number };
export type ResultSum = { kind: string; total: number; results: number };
export type SummaryCounts = { funnel: FunnelCounts; editions: EditionIdeas[]; adoptions: number; results: ResultSum[] };

/**
 * The summary's counts in one statement:
 * - the funnel: how many submitted ideas of the edition (any edition when none is chosen) in
 *   the period reached each stage. An idea counts for a stage it is in or went through: an
 *   implemented idea (which may come straight from "accepted") counts for the semi-final or
 *   final only when its award or its timeline says it was there;
 * - submitted ideas per edition (every edition but drafts, by when they open; the period applies);
 * - adoptions recorded as adopted for the edition's knowledge-base entries within the period
 *   (by the day adopted);
 * - measured results of the edition's ideas, their knowledge-base entries and those entries'
 *   adoptions, summed by kind.
 */
export async function selectSummaryCounts(db: Db, filter: InsightFilter): Promise<SummaryCounts> {
	const adoptedOn = sql.raw(`coalesce(a.adopted_on, (a.created_at at time zone 'Europe/Amsterdam')::date)`);
	const adoptionPeriod = [sql<boolean>`true`];
	if (filter.from) adoptionPeriod.push(sql<boolean>`${adoptedOn} >= ${filter.from}::date`);
	if (filter.to) adoptionPeriod.push(sql<boolean>`${adoptedOn} <= ${filter.to}::date`);
	const { rows } = await sql<{
		funnel: FunnelCounts | null;
		editions: EditionIdeas[] | null;
		adoptions: number;
		results: ResultSum[] | null;
	}>`
		with i as (
			select i.id, i.status, i.award,
				i.status in ('implemented', 'published') and exists (
					select 1 from idea_event e where e.idea_id = i.id and e.to_status in ('semi_final', 'finalist', 'winner', 'runner_up')
				) as was_in_semi_final,
				i.status in ('implemented', 'published') and exists (
					select 1 from idea_event e where e.idea_id = i.id and e.to_status in ('finalist', 'winner', 'runner_up')
				) as was_in_final
			from idea i
			where i.first_submitted_at is not null and i.competition_id is not null
				and ${inEdition(sql.ref('i.competition_id'), filter)} and ${inPeriod(sql.ref('i.first_submitted_at'), filter)}
		)
		select
			(select json_build_object(
				'submitted', count(*),
				'accepted', count(*) filter (where status in (${list(ACCEPTED_AND_LATER)})),
				'semiFinal', count(*) filter (where status in (${list(IN_SEMI_FINAL_OR_LATER)}) or award is not null or was_in_semi_final),
				'final', count(*) filter (where status in (${list(IN_FINAL_OR_LATER)}) or award is not null or was_in_final),
				'awarded', count(*) filter (where award in ('winner', 'runner_up')),
				'implemented', count(*) filter (where status in ('implemented', 'published'))
			) from i) as funnel,
			(select json_agg(json_build_object('id', x.id, 'name', x.name, 'ideas', x.ideas) order by x.submission_opens_at, x.id)
			 from (
				select c.id, c.name, c.submission_opens_at,
					count(i.id) filter (where ${inPeriod(sql.ref('i.first_submitted_at'), filter)})::int as ideas
				from competition c left join idea i on i.competition_id = c.id and i.first_submitted_at is not null
				where c.status <> 'draft'
				group by c.id
			 ) x) as editions,
			(select count(*)::int
			 from adoption a join kb_entry k on k.id = a.kb_entry_id
			 where a.status = 'adopted' and ${inEdition(sql.ref('k.competition_id'), filter)} and ${sql.join(adoptionPeriod, sql` and `)}) as adoptions,
			(select json_agg(json_build_object('kind', r.kind, 'total', r.total, 'results', r.results) order by r.kind)
			 from (
				select mr.kind, sum(mr.value) as total, count(*)::int as results
				from measured_result mr
					left join idea i on i.id = mr.idea_id
					left join kb_entry k on k.id = mr.kb_entry_id
					left join adoption a on a.id = mr.adoption_id
					left join kb_entry ak on ak.id = a.kb_entry_id
				where ${inEdition(sql`coalesce(i.competition_id, k.competition_id, ak.competition_id)`, filter)}
				group by mr.kind
			 ) r) as results
	`.execute(db);
	const row = rows[0];
	return {
		funnel: row?.funnel ?? { submitted: 0, accepted: 0, semiFinal: 0, final: 0, awarded: 0, implemented: 0 },
		editions: row?.editions ?? [],
		adoptions: row?.adoptions ?? 0,
		results: (row?.results ?? []).map((r) => ({ ...r, total: Number(r.total) }))
	};
}
