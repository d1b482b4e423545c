/**
 * The mentoring dashboard: each mentor's load against their capacity, how long mentors take
 * to answer a proposal, and how coached ideas fare against ideas without a mentor. Three
 * statements (mentoring.queries.ts); the stages reached come from domain/insight-flow.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightTable } from '../../domain/insight-table.js';
import type { InsightFilter } from './filter.js';
import { m } from '$lib/paraglide/messages.js';
import { daysBetween, median, percentile, rate, round } from '../../domain/insight-stats.js';
import { stagesReached, type FlowFunnelStage } from '../../domain/insight-flow.js';
import { listMentorLoad, listMentorRequests, listOutcomeIdeas } from './mentoring.queries.js';

/** The stages compared for coached ideas and ideas without a mentor, all after acceptance. */
const OUTCOMES = ['semi_final', 'final', 'awarded', 'implemented'] as const satisfies readonly FlowFunnelStage[];

const outcomeLabels: Record<(typeof OUTCOMES)[number], () => string> = {
	semi_final: m.insight_flow_stage_semi_final,
	final: m.insight_flow_stage_final,
	awarded: m.insight_flow_stage_awarded,
	implemented: m.insight_flow_stage_implemented
};

export async function loadMentoringDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	void at;
	const [mentors, requests, ideas] = await Promise.all([
		listMentorLoad(db, filter),
		listMentorRequests(db, filter),
		listOutcomeIdeas(db, filter)
	]);

	// Load per mentor, most mentees first.
	mentors.sort((a, b) => b.mentees - a.mentees || b.proposed - a.proposed || a.name.localeCompare(b.name));
	const active = mentors.filter((x) => x.mentees > 0);

	// Time to answer a proposal, per month it was made.
	const answerDays: number[] = [];
	const byMonth = new Map<string, number[]>();
	let open = 0;
	for (const r of requests) {
		if (r.answeredAt === null) {
			if (r.status === 'proposed') open++;
			continue;
		}
		const days = daysBetween(r.createdAt, r.answeredAt);
		answerDays.push(days);
		const list = byMonth.get(r.month) ?? [];
		list.push(days);
		byMonth.set(r.month, list);
	}

	// Outcomes of accepted ideas, coached or not.
	const groups = { coached: { n: 0, reached: new Map<string, number>() }, alone: { n: 0, reached: new Map<string, number>() } };
	for (const idea of ideas) {
		const reached = stagesReached([...idea.statuses, idea.status]);
		if (!reached.has('accepted')) continue;
		const g = idea.coached ? groups.coached : groups.alone;
		g.n++;
		for (const stage of OUTCOMES) if (reached.has(stage)) g.reached.set(stage, (g.reached.get(stage) ?? 0) + 1);
	}
	const share = (g: (typeof groups)['coached'], stage: string) => round(rate(g.reached.get(stage) ?? 0, g.n), 3);

	const loadTable: InsightTable = {
		id: 'mentor-load',
		title: m.insight_mentoring_load_title(),
		description: m.insight_mentoring_load_description(),
		columns: [
			{ key: 'mentor', label: m.insight_mentoring_col_mentor(), kind: 'text' },
			{ key: 'mentees', label: m.insight_mentoring_col_mentees(), kind: 'count' },
			{ key: 'capacity', label: m.insight_mentoring_col_capacity(), kind: 'count' },
			{ key: 'proposed', label: m.insight_mentoring_col_proposed(), kind: 'count' },
			{ key: 'department', label: m.insight_mentoring_col_department(), kind: 'text' }
		],
		rows: mentors.map((x) => ({ mentor: x.name, mentees: x.mentees, capacity: x.capacity, proposed: x.proposed, department: x.department }))
	};

	const answerTable: InsightTable = {
		id: 'answer-time',
		title: m.insight_mentoring_answer_title(),
		description: m.insight_mentoring_answer_description(),
		columns: [
			{ key: 'month', label: m.insight_mentoring_col_month(), kind: 'text' },
			{ key: 'median', label: m.insight_mentoring_col_median_days(), kind: 'days' },
			{ key: 'p90', label: m.insight_mentoring_col_p90_days(), kind: 'days' },
			{ key: 'answered', label: m.insight_mentoring_col_answered(), kind: 'count' }
		],
		rows: [...byMonth.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([month, days]) => ({ month, median: round(median(days)), p90: round(percentile(days, 90)), answered: days.length })),
		...(open > 0 ? { note: m.insight_mentoring_answer_open_note({ open }) } : {})
	};

	const outcomeTable: InsightTable = {
		id: 'coached-outcomes',
		title: m.insight_mentoring_outcomes_title(),
		description: m.insight_mentoring_outcomes_description(),
		columns: [
			{ key: 'stage', label: m.insight_mentoring_col_stage(), kind: 'text' },
			{ key: 'coached', label: m.insight_mentoring_col_coached(), kind: 'share' },
			{ key: 'alone', label: m.insight_mentoring_col_alone(), kind: 'share' }
		],
		rows: OUTCOMES.map((stage) => ({
			stage: outcomeLabels[stage](),
			coached: share(groups.coached, stage),
			alone: share(groups.alone, stage)
		})),
		note: m.insight_mentoring_outcomes_note({ coached: groups.coached.n, alone: groups.alone.n })
	};

	return {
		figures: [
			{
				key: 'active-mentors',
				label: m.insight_mentoring_fig_active(),
				value: active.length,
				kind: 'count',
				hint: m.insight_mentoring_fig_active_hint({ mentors: mentors.length })
			},
			{
				key: 'mentees-per-mentor',
				label: m.insight_mentoring_fig_mentees(),
				value: round(median(active.map((x) => x.mentees))),
				kind: 'number',
				hint: m.insight_mentoring_fig_mentees_hint()
			},
			{ key: 'answer-days', label: m.insight_mentoring_fig_answer_days(), value: round(median(answerDays)), kind: 'days' },
			{
				key: 'coached-semi-final',
				label: m.insight_mentoring_fig_semi_final(),
				value: share(groups.coached, 'semi_final'),
				kind: 'share',
				...(groups.alone.n > 0
					? { hint: m.insight_mentoring_fig_semi_final_hint({ alone: Math.round((share(groups.alone, 'semi_final') ?? 0) * 100) }) }
					: {})
			}
		],
		tables: [loadTable, answerTable, outcomeTable]
	};
}
