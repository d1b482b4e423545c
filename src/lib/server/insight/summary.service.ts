/**
 * The company summary everyone may open: ideas, participants, the funnel, participation by
 * education level, ideas per edition and measured results. Company-wide (the department
 * filter does not apply); the edition and period do. Three statements. Nothing here names a
 * person, and no group of fewer than five people is shown (mergeSmallGroups).
 */
import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightFigure, InsightTable } from '../../domain/insight-table.js';
import { conversion, round } from '../../domain/insight-stats.js';
import { mergeSmallGroups, suppressSmallPopulation } from '../../domain/insight-participation.js';
import type { InsightFilter } from './filter.js';
import { selectHeadcount, selectParticipation } from './participation.queries.js';
import { selectSummaryCounts, type FunnelCounts } from './summary.queries.js';
import { countText, educationKeys, groupCells, joinCells, otherGroup, rateTable } from './participation.service.js';

const SUMMARY_STAGES = [
	'submitted',
	'accepted',
	'semiFinal',
	'final',
	'awarded',
	'implemented'
] as const satisfies readonly (keyof FunnelCounts)[];
type SummaryStage = (typeof SUMMARY_STAGES)[number];

const stageLabel: Record<SummaryStage, () => string> = {
	submitted: m.stage_submitted,
	accepted: m.stage_accepted,
	semiFinal: m.stage_semi_final,
	final: m.stage_final,
	awarded: m.insight_summary_stage_awarded,
	implemented: m.stage_implemented
};

const resultLabel: Record<string, () => string> = {
	hours: m.kb_result_hours,
	defects: m.kb_result_defects,
	euros: m.kb_result_euros,
	safety: m.kb_result_safety,
	other: m.kb_result_other
};

export async function loadSummaryDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	void at;
	const company: InsightFilter = { ...filter, departmentIds: null };
	const [people, { cells: participants }, extras] = await Promise.all([
		selectHeadcount(db, null),
		selectParticipation(db, company, { editions: false }),
		selectSummaryCounts(db, company)
	]);
	const reached = extras.funnel;
	const cells = joinCells(people.cells, participants);
	const headcount = cells.reduce((n, c) => n + c.headcount, 0);
	const total = cells.reduce((n, c) => n + c.participants, 0);
	const shown = suppressSmallPopulation(headcount, total);
	const departmentsTakingPart = new Set(participants.filter((p) => p.participants > 0).map((p) => p.departmentId)).size;
	const departmentsInAll = people.departments.filter((d) => !d.retired).length;

	// Implemented ideas need not have reached the final or an award (an accepted idea may be
	// implemented straight away), so implemented is a share of all submitted only.
	const stages = conversion(SUMMARY_STAGES.map((key) => ({ key, count: reached[key] }))).map((s) =>
		s.key === 'implemented' ? { ...s, fromPrevious: null } : s
	);

	const figures: InsightFigure[] = [
		{ key: 'ideas', label: m.insight_summary_fig_ideas(), value: reached.submitted, kind: 'count' },
		{
			key: 'participants',
			label: m.insight_summary_fig_participants(),
			value: shown?.participants ?? null,
			kind: 'count',
			...(shown ? {} : { hint: m.insight_part_fig_suppressed() })
		},
		{
			key: 'rate',
			label: m.insight_summary_fig_rate(),
			value: round(shown?.rate ?? null, 4),
			kind: 'share',
			hint: m.insight_part_fig_of_headcount({ headcount: countText(headcount) })
		},
		{
			key: 'departments',
			label: m.insight_summary_fig_departments(),
			value: departmentsTakingPart,
			kind: 'count',
			hint: m.insight_summary_fig_departments_hint({ total: departmentsInAll })
		},
		{ key: 'implemented', label: m.insight_summary_fig_implemented(), value: reached.implemented, kind: 'count' },
		{
			key: 'adoptions',
			label: m.insight_summary_fig_adoptions(),
			value: extras.adoptions,
			kind: 'count',
			hint: m.insight_summary_fig_adoptions_hint()
		}
	];

	const tables: InsightTable[] = [
		{
			id: 'funnel',
			title: m.insight_summary_funnel_title(),
			description: m.insight_summary_funnel_description(),
			columns: [
				{ key: 'stage', label: m.insight_summary_col_stage(), kind: 'text' },
				{ key: 'ideas', label: m.insight_summary_col_ideas(), kind: 'count' },
				{ key: 'fromPrevious', label: m.insight_summary_col_from_previous(), kind: 'share' },
				{ key: 'fromFirst', label: m.insight_summary_col_from_first(), kind: 'share' }
			],
			rows: stages.map((s) => ({
				stage: stageLabel[s.key](),
				ideas: s.count,
				fromPrevious: round(s.fromPrevious, 4),
				fromFirst: round(s.fromFirst, 4)
			}))
		},
		rateTable(
			'participation-by-education-level',
			m.insight_summary_education_title(),
			m.insight_summary_education_description(),
			m.insight_part_col_group_education(),
			mergeSmallGroups(
				groupCells(cells, (c) => c.educationLevel, educationKeys()),
				otherGroup()
			),
			!shown
		),
		{
			id: 'ideas-per-edition',
			title: m.insight_summary_editions_title(),
			description: m.insight_summary_editions_description(),
			columns: [
				{ key: 'edition', label: m.insight_summary_col_edition(), kind: 'text' },
				{ key: 'ideas', label: m.insight_summary_col_ideas(), kind: 'count' }
			],
			rows: extras.editions.map((e) => ({ edition: e.name, ideas: e.ideas }))
		},
		{
			id: 'measured-results',
			title: m.insight_summary_results_title(),
			description: m.insight_summary_results_description(),
			columns: [
				{ key: 'kind', label: m.insight_summary_col_kind(), kind: 'text' },
				{ key: 'total', label: m.insight_summary_col_total(), kind: 'number' },
				{ key: 'results', label: m.insight_summary_col_results(), kind: 'count' }
			],
			rows: extras.results.map((r) => ({ kind: (resultLabel[r.kind] ?? (() => r.kind))(), total: round(r.total, 2), results: r.results }))
		}
	];
	return { figures, tables };
}
