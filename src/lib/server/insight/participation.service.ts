/**
 * The participation dashboard: who takes part, compared with who works here, by job level,
 * education level and department, the gap between levels over the editions, and first-time
 * against repeat participants. Two statements whatever the number of people or ideas.
 * Every group shown has five people or more (mergeSmallGroups).
 */
import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightFigure, InsightTable } from '../../domain/insight-table.js';
import { rate, round } from '../../domain/insight-stats.js';
import {
	EDUCATION_LEVELS,
	JOB_LEVELS,
	gapSides,
	mergeSmallGroups,
	participationGap,
	suppressSmallPopulation,
	type MergedGroup,
	type PopulationGroup
} from '../../domain/insight-participation.js';
import type { InsightFilter } from './filter.js';
import {
	selectHeadcount,
	selectParticipation,
	type DepartmentName,
	type HeadcountCell,
	type ParticipantCell
} from './participation.queries.js';

export const jobLevelLabel: Record<string, () => string> = {
	operator: m.people_job_level_operator,
	technician: m.people_job_level_technician,
	engineer: m.people_job_level_engineer,
	specialist: m.people_job_level_specialist,
	manager: m.people_job_level_manager,
	director: m.people_job_level_director
};

export const educationLabel: Record<string, () => string> = {
	vmbo: m.people_education_vmbo,
	mbo: m.people_education_mbo,
	hbo: m.people_education_hbo,
	wo: m.people_education_wo,
	unknown: m.people_education_unknown
};

/** A count in a sentence, grouped as the reader's language writes it (2,592 or 2.592). */
export const countText = (n: number) => n.toLocaleString(getLocale() === 'nl' ? 'nl-NL' : 'en-GB');

export const departmentLabel = (d: Pick<DepartmentName, 'name' | 'nameNl'>) => (getLocale() === 'nl' && d.nameNl ? d.nameNl : d.name);

/** Headcount and participants (with first-timers) of one department × job level × education level. */
export type PeopleCell = {
	departmentId: number;
	jobLevel: string;
	educationLevel: string;
	headcount: number;
	participants: number;
	firstTime: number;
};

/** Headcount cells and participant cells side by side (a cell may have only one of them). */
export function joinCells(headcount: readonly HeadcountCell[], participants: readonly ParticipantCell[]): PeopleCell[] {
	const cells = new Map<string, PeopleCell>();
	const cellOf = (c: { departmentId: number; jobLevel: string; educationLevel: string }) => {
		const key = `${c.departmentId}|${c.jobLevel}|${c.educationLevel}`;
		let cell = cells.get(key);
		if (!cell)
			cells.set(
				key,
				(cell = {
					departmentId: c.departmentId,
					jobLevel: c.jobLevel,
					educationLevel: c.educationLevel,
					headcount: 0,
					participants: 0,
					firstTime: 0
				})
			);
		return cell;
	};
	for (const h of headcount) cellOf(h).headcount += h.headcount;
	for (const p of participants) {
		const cell = cellOf(p);
		cell.participants += p.participants;
		cell.firstTime += p.firstTime;
	}
	return [...cells.values()];
}

/** The cells summed per key, in the order of `keys`, each with its first-time and repeat participants as extra counts. */
export function groupCells(
	cells: readonly PeopleCell[],
	keyOf: (c: PeopleCell) => string,
	keys: readonly { key: string; label: string }[]
): PopulationGroup[] {
	const groups = new Map(keys.map((k) => [k.key, { ...k, headcount: 0, participants: 0, extra: { firstTime: 0, repeat: 0 } }]));
	for (const c of cells) {
		const g = groups.get(keyOf(c));
		if (!g) continue;
		g.headcount += c.headcount;
		g.participants += c.participants;
		g.extra.firstTime += c.firstTime;
		g.extra.repeat += c.participants - c.firstTime;
	}
	return [...groups.values()];
}

export const otherGroup = () => ({ key: 'other', label: m.insight_part_other() });

/**
 * A rate table: one row per group (merged by the small-group rule). `suppressed`: the whole
 * population is under five, so its one row shows no participants (suppressSmallPopulation).
 */
export function rateTable(
	id: string,
	title: string,
	description: string,
	groupLabel: string,
	groups: readonly MergedGroup[],
	suppressed = false
): InsightTable {
	return {
		id,
		title,
		description: `${description} ${m.insight_part_headcount_definition()}`,
		columns: [
			{ key: 'group', label: groupLabel, kind: 'text' },
			{ key: 'headcount', label: m.insight_part_col_headcount(), kind: 'count' },
			{ key: 'participants', label: m.insight_part_col_participants(), kind: 'count' },
			{ key: 'rate', label: m.insight_part_col_rate(), kind: 'share' }
		],
		rows: groups.map((g) => ({
			group: g.label,
			headcount: g.headcount,
			participants: suppressed ? null : g.participants,
			rate: suppressed ? null : round(g.rate, 4)
		})),
		note: m.insight_small_groups_rule()
	};
}

const jobLevelKeys = () => JOB_LEVELS.map((key) => ({ key, label: jobLevelLabel[key]() }));
export const educationKeys = () => EDUCATION_LEVELS.map((key) => ({ key, label: educationLabel[key]() }));

export async function loadParticipationDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	void at;
	const [people, { cells: participants, editions }] = await Promise.all([
		selectHeadcount(db, filter.departmentIds),
		selectParticipation(db, filter, { editions: true })
	]);
	const cells = joinCells(people.cells, participants);
	const other = otherGroup();

	const byJob = groupCells(cells, (c) => c.jobLevel, jobLevelKeys());
	const byEducation = groupCells(cells, (c) => c.educationLevel, educationKeys());
	const departments = people.departments.map((d) => ({ key: String(d.id), label: departmentLabel(d) }));
	const byDepartment = groupCells(cells, (c) => String(c.departmentId), departments);

	const headcount = cells.reduce((n, c) => n + c.headcount, 0);
	const total = cells.reduce((n, c) => n + c.participants, 0);
	const firstTime = cells.reduce((n, c) => n + c.firstTime, 0);
	const shown = suppressSmallPopulation(headcount, total);
	const gap = participationGap(
		gapSides(byEducation.map((g) => ({ educationLevel: g.key, headcount: g.headcount, participants: g.participants })))
	);

	const figures: InsightFigure[] = [
		{
			key: 'participants',
			label: m.insight_part_fig_participants(),
			value: shown?.participants ?? null,
			kind: 'count',
			hint: shown ? m.insight_part_fig_of_headcount({ headcount: countText(headcount) }) : m.insight_part_fig_suppressed()
		},
		{ key: 'rate', label: m.insight_part_fig_rate(), value: round(shown?.rate ?? null, 4), kind: 'share' },
		{
			key: 'gap',
			label: m.insight_part_fig_gap(),
			value: round(shown ? gap.gap : null),
			kind: 'points',
			hint: m.insight_part_fig_gap_hint()
		},
		{ key: 'first-time', label: m.insight_part_fig_first_time(), value: round(shown ? rate(firstTime, total) : null, 4), kind: 'share' }
	];

	// The gap over editions: each edition's participants against today's headcount per side.
	const sides = gapSides(byEducation.map((g) => ({ educationLevel: g.key, headcount: g.headcount, participants: 0 })));
	const gapRows = editions.map((e) => {
		const g = participationGap({
			vocational: { headcount: sides.vocational.headcount, participants: e.vocational },
			higher: { headcount: sides.higher.headcount, participants: e.higher }
		});
		return { edition: e.name, vocational: round(g.vocational, 4), higher: round(g.higher, 4), gap: round(g.gap) };
	});

	const firstTimeGroups = mergeSmallGroups(byJob, other);
	const tables: InsightTable[] = [
		rateTable(
			'rate-by-job-level',
			m.insight_part_by_job_level_title(),
			`${m.insight_part_by_job_level_description()} ${m.insight_part_definition()}`,
			m.insight_part_col_group_job_level(),
			mergeSmallGroups(byJob, other),
			!shown
		),
		rateTable(
			'rate-by-education-level',
			m.insight_part_by_education_title(),
			`${m.insight_part_by_education_description()} ${m.insight_part_definition()}`,
			m.insight_part_col_group_education(),
			mergeSmallGroups(byEducation, other),
			!shown
		),
		rateTable(
			'rate-by-department',
			m.insight_part_by_department_title(),
			`${m.insight_part_by_department_description()} ${m.insight_part_definition()}`,
			m.insight_part_col_group_department(),
			mergeSmallGroups(byDepartment, other),
			!shown
		),
		{
			id: 'gap-over-editions',
			title: m.insight_part_gap_title(),
			description: `${m.insight_part_gap_description()} ${m.insight_part_definition()}`,
			columns: [
				{ key: 'edition', label: m.insight_part_col_edition(), kind: 'text' },
				{ key: 'vocational', label: m.insight_part_col_vocational(), kind: 'share' },
				{ key: 'higher', label: m.insight_part_col_higher(), kind: 'share' },
				{ key: 'gap', label: m.insight_part_col_gap(), kind: 'points' }
			],
			rows: gapRows,
			note: m.insight_part_gap_note()
		},
		{
			id: 'first-time-by-job-level',
			title: m.insight_part_first_time_title(),
			description: `${m.insight_part_first_time_description()} ${m.insight_part_definition()}`,
			columns: [
				{ key: 'group', label: m.insight_part_col_group_job_level(), kind: 'text' },
				{ key: 'firstTime', label: m.insight_part_col_first_time(), kind: 'count' },
				{ key: 'repeat', label: m.insight_part_col_repeat(), kind: 'count' }
			],
			rows: firstTimeGroups
				.filter((g) => shown && g.participants > 0)
				.map((g) => ({ group: g.label, firstTime: g.extra?.firstTime ?? 0, repeat: g.extra?.repeat ?? 0 })),
			note: m.insight_small_groups_rule()
		}
	];
	return { figures, tables };
}
