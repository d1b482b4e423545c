/**
 * The flow dashboard: how submitted ideas move through the stages, how long they stay in
 * each, whether screening answers in time, and which ideas wait longest. Two statements:
 * the selected ideas with their timelines, and the titles of the ten waiting longest.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightTable } from '../../domain/insight-table.js';
import type { InsightFilter } from './filter.js';
import { mergeSmallRows } from '../../domain/insight-participation.js';
import { m } from '$lib/paraglide/messages.js';
import { statusLabel } from '$lib/i18n-labels.js';
import { conversion, median, percentile, rate, round, daysBetween } from '../../domain/insight-stats.js';
import {
	FLOW_FUNNEL,
	FLOW_STAGES,
	WAITING_STATUSES,
	enteredCurrentStatus,
	screeningWaits,
	stagesReached,
	timeInStages,
	type FlowFunnelStage,
	type FlowStage,
	type StatusChange
} from '../../domain/insight-flow.js';
import { UNANSWERED, statusIn } from '../../domain/idea-status.js';
import { findIdeaTitles, listFlowIdeas, type FlowIdeaRow } from './flow.queries.js';

/** Below this share of screening answers in time the figure warns. */
export const SCREENING_TARGET = 0.9;
const WAITING_LONGEST = 10;

const funnelLabels: Record<FlowFunnelStage, () => string> = {
	submitted: m.insight_flow_stage_submitted,
	accepted: m.insight_flow_stage_accepted,
	semi_final: m.insight_flow_stage_semi_final,
	final: m.insight_flow_stage_final,
	awarded: m.insight_flow_stage_awarded,
	implemented: m.insight_flow_stage_implemented,
	knowledge_base: m.insight_flow_stage_knowledge_base
};

const stageLabels: Record<FlowStage, () => string> = {
	draft: m.insight_flow_time_draft,
	waiting_for_answer: m.insight_flow_time_waiting_for_answer,
	returned: m.insight_flow_time_returned,
	coaching: m.insight_flow_time_coaching,
	semi_final: m.insight_flow_time_semi_final,
	final: m.insight_flow_time_final
};

/** An idea's timeline as status changes; an idea without one (imported) entered its status when first submitted. */
function changesOf(idea: FlowIdeaRow): StatusChange[] {
	if (idea.statuses.length === 0) return [{ status: idea.status, at: new Date(idea.firstSubmittedAt) }];
	return idea.statuses.map((status, i) => ({ status, at: Number(idea.times[i]) }));
}

export async function loadFlowDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	const { now } = at;
	const ideas = await listFlowIdeas(db, filter);

	const reachedCounts: Record<FlowFunnelStage, number> = Object.fromEntries(FLOW_FUNNEL.map((s) => [s, 0])) as Record<
		FlowFunnelStage,
		number
	>;
	const stageDays: Record<FlowStage, number[]> = Object.fromEntries(FLOW_STAGES.map((s) => [s, []])) as unknown as Record<
		FlowStage,
		number[]
	>;
	const answerDays: number[] = [];
	const byDepartment = new Map<number, { label: string; size: number; onTime: number; late: number }>();
	let onTime = 0;
	let late = 0;
	let waitingNow = 0;
	let overdueNow = 0;
	const waiting: { id: number; department: string; status: string; days: number }[] = [];

	for (const idea of ideas) {
		const changes = changesOf(idea);
		const statuses = [...idea.statuses, idea.status];
		if (idea.inKb) statuses.push('published');
		for (const stage of stagesReached(statuses)) reachedCounts[stage]++;

		const inStages = timeInStages(changes, now);
		for (const stage of FLOW_STAGES) {
			const d = inStages[stage];
			if (d !== undefined) stageDays[stage].push(d);
		}

		const dept = byDepartment.get(idea.departmentId) ?? { label: idea.department, size: 0, onTime: 0, late: 0 };
		for (const wait of screeningWaits(changes, now, idea.responseDays)) {
			if (wait.days !== null) answerDays.push(wait.days);
			if (wait.onTime === true) dept.onTime++;
			if (wait.onTime === false) dept.late++;
			if (wait.answeredAt === null && statusIn(idea.status, UNANSWERED) && wait.onTime === false) overdueNow++;
		}
		dept.size = dept.onTime + dept.late;
		byDepartment.set(idea.departmentId, dept);

		if (statusIn(idea.status, UNANSWERED)) waitingNow++;
		if (statusIn(idea.status, WAITING_STATUSES)) {
			const since = enteredCurrentStatus(changes, idea.status);
			if (since !== null)
				waiting.push({ id: idea.id, department: idea.department, status: idea.status, days: daysBetween(new Date(since), now) });
		}
	}

	for (const d of byDepartment.values()) {
		onTime += d.onTime;
		late += d.late;
	}

	waiting.sort((a, b) => b.days - a.days || a.id - b.id);
	const longest = waiting.slice(0, WAITING_LONGEST);
	const titles = await findIdeaTitles(
		db,
		longest.map((w) => w.id)
	);

	const funnel = conversion(FLOW_FUNNEL.map((key) => ({ key, count: reachedCounts[key] })));
	const onTimeShare = rate(onTime, onTime + late);

	const funnelTable: InsightTable = {
		id: 'funnel',
		title: m.insight_flow_funnel_title(),
		description: m.insight_flow_funnel_description(),
		columns: [
			{ key: 'stage', label: m.insight_flow_col_stage(), kind: 'text' },
			{ key: 'ideas', label: m.insight_flow_col_ideas(), kind: 'count' },
			{ key: 'fromPrevious', label: m.insight_flow_col_from_previous(), kind: 'share' },
			{ key: 'fromFirst', label: m.insight_flow_col_from_first(), kind: 'share' }
		],
		rows: funnel.map((s) => ({
			stage: funnelLabels[s.key](),
			ideas: s.count,
			fromPrevious: round(s.fromPrevious, 3),
			fromFirst: round(s.fromFirst, 3)
		}))
	};

	const timeTable: InsightTable = {
		id: 'time-in-stage',
		title: m.insight_flow_time_title(),
		description: m.insight_flow_time_description(),
		columns: [
			{ key: 'stage', label: m.insight_flow_col_stage(), kind: 'text' },
			{ key: 'median', label: m.insight_flow_col_median_days(), kind: 'days' },
			{ key: 'p90', label: m.insight_flow_col_p90_days(), kind: 'days' },
			{ key: 'ideas', label: m.insight_flow_col_ideas(), kind: 'count' }
		],
		rows: FLOW_STAGES.map((stage) => ({
			stage: stageLabels[stage](),
			median: round(median(stageDays[stage])),
			p90: round(percentile(stageDays[stage], 90)),
			ideas: stageDays[stage].length
		}))
	};

	const departments = mergeSmallRows(
		[...byDepartment.values()].filter((d) => d.size > 0).sort((a, b) => a.label.localeCompare(b.label)),
		m.insight_flow_other(),
		['onTime', 'late']
	);
	const responseTable: InsightTable = {
		id: 'screening-response',
		title: m.insight_flow_response_title(),
		description: m.insight_flow_response_description(),
		columns: [
			{ key: 'department', label: m.insight_flow_col_department(), kind: 'text' },
			{ key: 'share', label: m.insight_flow_col_on_time_share(), kind: 'share' },
			{ key: 'onTime', label: m.insight_flow_col_on_time(), kind: 'count' },
			{ key: 'late', label: m.insight_flow_col_late(), kind: 'count' }
		],
		rows: departments.map((d) => ({ department: d.label, share: round(rate(d.onTime, d.size), 3), onTime: d.onTime, late: d.late })),
		note: m.insight_flow_small_groups_note()
	};

	const waitingTable: InsightTable = {
		id: 'waiting-longest',
		title: m.insight_flow_waiting_title(),
		description: m.insight_flow_waiting_description(),
		columns: [
			{ key: 'title', label: m.insight_flow_col_idea(), kind: 'text' },
			{ key: 'department', label: m.insight_flow_col_department(), kind: 'text' },
			{ key: 'status', label: m.insight_flow_col_status(), kind: 'text' },
			{ key: 'days', label: m.insight_flow_col_days_waiting(), kind: 'days' }
		],
		rows: longest.map((w) => ({
			title: titles.get(w.id) ?? '',
			department: w.department,
			status: statusLabel(w.status),
			days: round(w.days)
		}))
	};

	return {
		figures: [
			{ key: 'submitted', label: m.insight_flow_fig_submitted(), value: reachedCounts.submitted, kind: 'count' },
			{
				key: 'accepted-share',
				label: m.insight_flow_fig_accepted_share(),
				value: round(funnel[1].fromFirst, 3),
				kind: 'share',
				hint: m.insight_flow_fig_accepted_share_hint({ accepted: reachedCounts.accepted })
			},
			{ key: 'answer-days', label: m.insight_flow_fig_answer_days(), value: round(median(answerDays)), kind: 'days' },
			{
				key: 'screening-on-time',
				label: m.insight_flow_fig_on_time(),
				value: round(onTimeShare, 3),
				kind: 'share',
				hint: m.insight_flow_fig_on_time_hint({ target: Math.round(SCREENING_TARGET * 100) }),
				warn: onTimeShare !== null && onTimeShare < SCREENING_TARGET
			},
			{
				key: 'waiting-now',
				label: m.insight_flow_fig_waiting(),
				value: waitingNow,
				kind: 'count',
				hint: m.insight_flow_fig_waiting_hint({ overdue: overdueNow }),
				warn: overdueNow > 0
			}
		],
		tables: [funnelTable, timeTable, responseTable, waitingTable]
	};
}
