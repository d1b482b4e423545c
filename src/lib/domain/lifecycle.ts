/**
 * The idea lifecycle of PRODUCT.md. Statuses here; the transitions (who may make them and
 * what they record) live beside them.
 */
export const IDEA_STATUSES = [
	'draft',
	'submitted',
	'screening',
	'returned',
	'declined',
	'withdrawn',
	'merged',
	'accepted',
	'coaching',
	'semi_final',
	'not_advanced',
	'finalist',
	'winner',
	'runner_up',
	'implemented',
	'published'
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export function isIdeaStatus(value: string): value is IdeaStatus {
	return (IDEA_STATUSES as readonly string[]).includes(value);
}

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
