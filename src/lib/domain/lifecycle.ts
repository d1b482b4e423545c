/**
 * The idea lifecycle of PRODUCT.md: the transitions between the statuses of idea-status.ts,
 * who may make them and what they need.
 */
import { isIdeaStatus, UNANSWERED, type IdeaStatus } from './idea-status.js';

export { IDEA_STATUSES, isIdeaStatus, type IdeaStatus } from './idea-status.js';

/** The funnel an organiser watches: each status counts in one stage. */
export const FUNNEL_STAGES = ['draft', 'submitted', 'accepted', 'semi_final', 'final', 'implemented'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const stageOf: Record<IdeaStatus, FunnelStage | null> = {
	draft: 'draft',
	submitted: 'submitted',
	screening: 'submitted',
	returned: 'submitted',
	declined: null,
	withdrawn: null,
	merged: null,
	accepted: 'accepted',
	coaching: 'accepted',
	semi_final: 'semi_final',
	not_advanced: 'semi_final',
	finalist: 'final',
	winner: 'final',
	runner_up: 'final',
	implemented: 'implemented',
	published: 'implemented'
};

/**
 * A funnel counts how many ideas reached each stage, so an idea in the final also counts
 * in every stage before it (draft excepted: a submitted idea is no longer a draft).
 * Declined, withdrawn and merged ideas count as far as "submitted".
 */
export function funnel(counts: Partial<Record<string, number>>): Record<FunnelStage, number> {
	const reached: Record<FunnelStage, number> = { draft: 0, submitted: 0, accepted: 0, semi_final: 0, final: 0, implemented: 0 };
	for (const [status, n] of Object.entries(counts)) {
		if (!n || !isIdeaStatus(status)) continue;
		if (status === 'draft') {
			reached.draft += n;
			continue;
		}
		const stage = stageOf[status] ?? 'submitted';
		const last = FUNNEL_STAGES.indexOf(stage);
		for (let i = 1; i <= last; i++) reached[FUNNEL_STAGES[i]] += n;
	}
	return reached;
}

/** Who holds the idea now: the answer a submitter looks for on "my ideas". */
export function holderOf(status: IdeaStatus): 'team' | 'organiser' | 'mentor' | 'jury' | 'nobody' {
	switch (status) {
		case 'draft':
		case 'returned':
			return 'team';
		case 'submitted':
		case 'screening':
			return 'organiser';
		case 'accepted':
		case 'coaching':
			return 'mentor';
		case 'semi_final':
		case 'finalist':
			return 'jury';
		case 'implemented':
			return 'team';
		default:
			return 'nobody';
	}
}

/** Who acts on an idea, seen from the idea: its team, an organiser, its mentor, or the portal itself. */
export type IdeaActorKind = 'team' | 'organiser' | 'mentor' | 'system';

type TransitionRule = {
	from: readonly IdeaStatus[];
	to: IdeaStatus;
	by: readonly IdeaActorKind[];
	/** A reason or message the actor must give; it goes into the timeline and to the team. */
	needsReason?: boolean;
	/** Only while the competition's submission window is open. */
	needsOpenWindow?: boolean;
};

/**
 * The state machine of PRODUCT.md. Every transition names who may make it and whether it
 * needs a reason; anything else is refused with a clear code and changes nothing.
 */
export const TRANSITIONS = {
	submit: { from: ['draft'], to: 'submitted', by: ['team'], needsOpenWindow: true },
	resubmit: { from: ['returned'], to: 'submitted', by: ['team'] },
	withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', by: ['team'] },
	startScreening: { from: ['submitted'], to: 'screening', by: ['organiser'] },
	return: { from: UNANSWERED, to: 'returned', by: ['organiser'], needsReason: true },
	decline: { from: UNANSWERED, to: 'declined', by: ['organiser'], needsReason: true },
	accept: { from: UNANSWERED, to: 'accepted', by: ['organiser'] },
	merge: { from: ['submitted', 'screening', 'returned', 'accepted', 'coaching'], to: 'merged', by: ['organiser'], needsReason: true },
	startCoaching: { from: ['accepted'], to: 'coaching', by: ['organiser', 'mentor', 'system'] },
	enterSemiFinal: { from: ['accepted', 'coaching'], to: 'semi_final', by: ['organiser'] },
	advance: { from: ['semi_final'], to: 'finalist', by: ['organiser'] },
	stop: { from: ['semi_final'], to: 'not_advanced', by: ['organiser'], needsReason: true },
	win: { from: ['finalist'], to: 'winner', by: ['organiser'] },
	runnerUp: { from: ['finalist'], to: 'runner_up', by: ['organiser'] },
	implement: {
		from: ['accepted', 'coaching', 'semi_final', 'not_advanced', 'finalist', 'winner', 'runner_up'],
		to: 'implemented',
		by: ['team', 'organiser']
	},
	publish: { from: ['implemented'], to: 'published', by: ['organiser'] },
	unpublish: { from: ['published'], to: 'implemented', by: ['organiser'], needsReason: true }
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

export type TransitionRefusal = 'wrong_state' | 'not_allowed' | 'reason_required' | 'window_closed';

export type TransitionResult = { ok: true; from: IdeaStatus; to: IdeaStatus } | { ok: false; reason: TransitionRefusal };

/**
 * Decide a transition. Example: `decideTransition('returned', 'resubmit', { actor: 'team' })`
 * gives `{ ok: true, from: 'returned', to: 'submitted' }`; the same from 'accepted' gives
 * `{ ok: false, reason: 'wrong_state' }`.
 */
export function decideTransition(
	status: string,
	name: TransitionName,
	context: { actor: IdeaActorKind | readonly IdeaActorKind[]; reason?: string | null; windowOpen?: boolean }
): TransitionResult {
	const rule: TransitionRule = TRANSITIONS[name];
	if (!isIdeaStatus(status) || !rule.from.includes(status)) return { ok: false, reason: 'wrong_state' };
	const actors = typeof context.actor === 'string' ? [context.actor] : context.actor;
	if (!actors.some((a) => rule.by.includes(a))) return { ok: false, reason: 'not_allowed' };
	if (rule.needsReason && !context.reason?.trim()) return { ok: false, reason: 'reason_required' };
	if (rule.needsOpenWindow && !context.windowOpen) return { ok: false, reason: 'window_closed' };
	return { ok: true, from: status, to: rule.to };
}

/** The transitions this actor could make now: the buttons an idea page offers. */
export function availableTransitions(status: string, actors: readonly IdeaActorKind[]): TransitionName[] {
	if (!isIdeaStatus(status)) return [];
	return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
		const rule: TransitionRule = TRANSITIONS[name];
		return rule.from.includes(status) && actors.some((a) => rule.by.includes(a));
	});
}

/** Reasons a decline is given, offered as a list; free text adds the detail. */
export const DECLINE_REASONS = ['out_of_scope', 'already_exists', 'not_feasible', 'too_vague', 'not_an_improvement', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
