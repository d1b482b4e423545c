/**
 * The results dashboard: what the improvements brought. Ideas implemented, knowledge-base
 * entries published, adoptions and the departments that adopted, and measured results summed
 * by kind (RESULT_KINDS of the knowledge base, named as the knowledge base names them).
 * Three statements whatever the data (results.queries.ts).
 */
import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightFigure, InsightTable } from '../../domain/insight-table.js';
import { round } from '../../domain/insight-stats.js';
import { RESULT_KINDS, type ResultKind } from '../knowledge-base/kb.schema.js';
import type { InsightFilter } from './filter.js';
import { countAdoptionsPerDepartment, countPerEdition, sumMeasuredResults } from './results.queries.js';

/** The kinds summed: 'other' has no common unit, so adding its values up would mean nothing. */
export const SUMMED_KINDS = RESULT_KINDS.filter((k): k is Exclude<ResultKind, 'other'> => k !== 'other');

const kindLabel: Record<ResultKind, () => string> = {
	hours: m.kb_result_hours,
	defects: m.kb_result_defects,
	euros: m.kb_result_euros,
	safety: m.kb_result_safety,
	other: m.kb_result_other
};

export async function loadResultsDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	void at;
	const [editions, departments, measured] = await Promise.all([
		countPerEdition(db, filter),
		countAdoptionsPerDepartment(db, filter),
		sumMeasuredResults(db, filter)
	]);
	const editionName = (id: number | null) =>
		id === null ? m.insight_results_no_edition() : (editions.find((e) => e.competitionId === id)?.competitionName ?? `#${id}`);
	const inFilter = editions.filter((e) => filter.competitionId === null || e.competitionId === filter.competitionId);
	const sum = (key: 'implemented' | 'published' | 'adopted') => inFilter.reduce((total, e) => total + Number(e[key]), 0);

	const totals = new Map<string, number>();
	for (const r of measured) totals.set(r.kind, (totals.get(r.kind) ?? 0) + Number(r.total));

	const figures: InsightFigure[] = [
		{ key: 'implemented', label: m.insight_results_fig_implemented(), value: sum('implemented'), kind: 'count' },
		{ key: 'published', label: m.insight_results_fig_published(), value: sum('published'), kind: 'count' },
		{ key: 'adopted', label: m.insight_results_fig_adopted(), value: sum('adopted'), kind: 'count' },
		{ key: 'departments', label: m.insight_results_fig_departments(), value: departments.length, kind: 'count' },
		...SUMMED_KINDS.map((kind): InsightFigure => ({
			key: `measured-${kind}`,
			label: kindLabel[kind](),
			value: round(totals.get(kind) ?? 0, 2),
			kind: 'number'
		}))
	];

	const nl = getLocale() === 'nl';
	const editionColumn = { key: 'edition', label: m.insight_results_col_edition(), kind: 'text' } as const;
	// Editions a measured table lists: those of the filter, and any (e.g. none) that has results.
	const measuredEditions = [
		...inFilter.map((e) => e.competitionId),
		...measured.map((r) => r.competitionId).filter((id) => !inFilter.some((e) => e.competitionId === id))
	].filter((id, i, all) => all.indexOf(id) === i);

	const tables: InsightTable[] = [
		{
			id: 'editions',
			title: m.insight_results_editions_title(),
			description: m.insight_results_editions_desc(),
			columns: [
				editionColumn,
				{ key: 'implemented', label: m.insight_results_col_implemented(), kind: 'count' },
				{ key: 'published', label: m.insight_results_col_published(), kind: 'count' },
				{ key: 'adopted', label: m.insight_results_col_adopted(), kind: 'count' }
			],
			rows: editions.map((e) => ({
				edition: editionName(e.competitionId),
				implemented: Number(e.implemented),
				published: Number(e.published),
				adopted: Number(e.adopted)
			})),
			note: m.insight_results_editions_note()
		},
		{
			id: 'departments',
			title: m.insight_results_departments_title(),
			description: m.insight_results_departments_desc(),
			columns: [
				{ key: 'department', label: m.insight_results_col_department(), kind: 'text' },
				{ key: 'adoptions', label: m.insight_results_col_adoptions(), kind: 'count' }
			],
			rows: departments.map((d) => ({ department: (nl ? d.nameNl : null) ?? d.name, adoptions: Number(d.adoptions) }))
		},
		...SUMMED_KINDS.map((kind): InsightTable => ({
			id: `measured-${kind}`,
			title: m.insight_results_measured_title({ kind: kindLabel[kind]() }),
			description: m.insight_results_measured_desc(),
			columns: [
				editionColumn,
				{ key: 'total', label: kindLabel[kind](), kind: 'number' },
				{ key: 'results', label: m.insight_results_col_results(), kind: 'count' }
			],
			rows: measuredEditions.map((id) => {
				const row = measured.find((r) => r.competitionId === id && r.kind === kind);
				return { edition: editionName(id), total: round(Number(row?.total ?? 0), 2), results: Number(row?.results ?? 0) };
			})
		}))
	];
	return { figures, tables };
}
