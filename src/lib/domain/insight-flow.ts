/**
 * How ideas flow through the programme, read from their timelines (idea_event: each status
 * change with its time): which funnel stages an idea reached, how long it spent in each
 * stage, and whether screening answered in time. Pure functions with hand-computed tests
 * beside them (insight-flow.test.ts); the flow and mentoring dashboards use them.
 */
import { UNANSWERED, statusIn, type IdeaStatus } from './idea-status.js';
import { isOverdue } from './response-time.js';
import { daysBetween } from './insight-stats.js';

/** One status change on an idea's timeline: the status it entered, and when (ms since epoch or a Date). */
export type StatusChange = { status: string; at: number | Date };

const ms = (at: number | Date) => (typeof at === 'number' ? at : at.getTime());

// ---------------------------------------------------------------- the funnel

/** The flow dashboard's funnel: each stage counts the ideas that ever reached it. */
export const FLOW_FUNNEL = ['submitted', 'accepted', 'semi_final', 'final', 'awarded', 'implemented', 'knowledge_base'] as const;
export type FlowFunnelStage = (typeof FLOW_FUNNEL)[number];

/**
 * The stages a status proves the idea reached. A winner went through the final and the
 * semi-final; an implemented idea was accepted, but not necessarily judged (an idea may be
 * implemented straight from coaching), so "implemented" proves only acceptance.
 */
const REACHED_BY: Record<IdeaStatus, readonly FlowFunnelStage[]> = {
	draft: [],
	submitted: ['submitted'],
	screening: ['submitted'],
	returned: ['submitted'],
	declined: ['submitted'],
	withdrawn: ['submitted'],
	merged: ['submitted'],
	accepted: ['submitted', 'accepted'],
	coaching: ['submitted', 'accepted'],
	semi_final: ['submitted', 'accepted', 'semi_final'],
	not_advanced: ['submitted', 'accepted', 'semi_final'],
	finalist: ['submitted', 'accepted', 'semi_final', 'final'],
	winner: ['submitted', 'accepted', 'semi_final', 'final', 'awarded'],
	runner_up: ['submitted', 'accepted', 'semi_final', 'final', 'awarded'],
	implemented: ['submitted', 'accepted', 'implemented'],
	published: ['submitted', 'accepted', 'implemented', 'knowledge_base']
};

/**
 * The funnel stages an idea reached, from every status it ever held (its timeline's and its
 * current one). Example: draft → submitted → accepted → coaching → implemented reached
 * submitted, accepted and implemented, not the semi-final. Unknown statuses prove nothing.
 */
export function stagesReached(statuses: readonly string[]): Set<FlowFunnelStage> {
	const reached = new Set<FlowFunnelStage>();
	for (const status of statuses) for (const stage of REACHED_BY[status as IdeaStatus] ?? []) reached.add(stage);
	return reached;
}

// ---------------------------------------------------------------- time in stages

/** The stages whose duration the flow dashboard measures, each a set of statuses. */
export const FLOW_STAGES = ['draft', 'waiting_for_answer', 'returned', 'coaching', 'semi_final', 'final'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

const STAGE_STATUSES: Record<FlowStage, readonly IdeaStatus[]> = {
	draft: ['draft'],
	waiting_for_answer: ['submitted', 'screening'],
	returned: ['returned'],
	coaching: ['accepted', 'coaching'],
	semi_final: ['semi_final'],
	final: ['finalist']
};

/**
 * Days spent in each status, from an idea's status changes in time order: a status lasts
 * from its change until the next one, and the status the idea is still in lasts until
 * `now`. A status entered twice (returned and resubmitted) adds up both stays. A change
 * dated after `now` counts as nothing.
 *
 * Example: draft on day 0, submitted day 2, returned day 5, submitted day 6, accepted day 10,
 * now day 12: draft 2, submitted 3 + 4 = 7, returned 1, accepted 2.
 */
export function timeInStatuses(changes: readonly StatusChange[], now: Date): Map<string, number> {
	const days = new Map<string, number>();
	const end = now.getTime();
	for (let i = 0; i < changes.length; i++) {
		const from = ms(changes[i].at);
		const to = i + 1 < changes.length ? ms(changes[i + 1].at) : end;
		const spent = Math.max(0, Math.min(to, end) - from) / 86_400_000;
		days.set(changes[i].status, (days.get(changes[i].status) ?? 0) + spent);
	}
	return days;
}

/** Days in each of FLOW_STAGES (the sum over the stage's statuses); a stage the idea never entered is absent. */
export function timeInStages(changes: readonly StatusChange[], now: Date): Partial<Record<FlowStage, number>> {
	const byStatus = timeInStatuses(changes, now);
	const result: Partial<Record<FlowStage, number>> = {};
	for (const stage of FLOW_STAGES) {
		let total: number | null = null;
		for (const status of STAGE_STATUSES[stage]) {
			const d = byStatus.get(status);
			if (d !== undefined) total = (total ?? 0) + d;
		}
		if (total !== null) result[stage] = total;
	}
	return result;
}

// ---------------------------------------------------------------- screening response time

/** Statuses that answer a submission: the organiser accepted, returned, declined or merged it. */
const ANSWERS: readonly string[] = ['accepted', 'returned', 'declined', 'merged'];

export type ScreeningWait = {
	submittedAt: number;
	/** when an organiser answered; null while still waiting */
	answeredAt: number | null;
	/** calendar days from submission to answer; null while still waiting */
	days: number | null;
	/** answered within the response time (working days); false for an unanswered one already overdue; null while still in time */
	onTime: boolean | null;
};

/**
 * Each time the idea was sent to the organisers (first submission or resubmission after a
 * return) and how it was answered, by the working-day rule of response-time.ts. A wait the
 * team ended itself (withdrawn) is not counted; one still open counts as late once its
 * response time has passed, and as not yet known before.
 *
 * Example (response time 5 working days): submitted Monday 2 Nov, returned Tuesday 10 Nov
 * (6 working days: late), resubmitted Wednesday 11 Nov, accepted Friday 13 Nov (2: on time).
 */
export function screeningWaits(changes: readonly StatusChange[], now: Date, responseDays: number): ScreeningWait[] {
	const waits: ScreeningWait[] = [];
	let open: number | null = null;
	for (const change of changes) {
		const at = ms(change.at);
		if (statusIn(change.status, UNANSWERED)) {
			if (open === null) open = at;
			continue;
		}
		if (open !== null && ANSWERS.includes(change.status)) {
			waits.push({
				submittedAt: open,
				answeredAt: at,
				days: daysBetween(new Date(open), new Date(at)),
				onTime: !isOverdue(new Date(open), new Date(at), responseDays)
			});
		}
		open = null;
	}
	if (open !== null) {
		waits.push({ submittedAt: open, answeredAt: null, days: null, onTime: isOverdue(new Date(open), now, responseDays) ? false : null });
	}
	return waits;
}

/** When the idea entered the status it is in now: the last change to that status; null when the timeline does not say. */
export function enteredCurrentStatus(changes: readonly StatusChange[], current: string): number | null {
	for (let i = changes.length - 1; i >= 0; i--) if (changes[i].status === current) return ms(changes[i].at);
	return null;
}

/** Statuses in which an idea waits for someone (the team, an organiser, a mentor or a jury): the "waiting longest" list. */
export const WAITING_STATUSES = [
	'submitted',
	'screening',
	'returned',
	'accepted',
	'coaching',
	'semi_final',
	'finalist'
] as const satisfies readonly IdeaStatus[];
