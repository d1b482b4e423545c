/**
 * An idea's statuses (PRODUCT.md) and the sets of them that rules speak of, each written
 * once. How an idea moves between them is the state machine in lifecycle.ts.
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

/** Does a status, as the database gives it, belong to one of the sets below? */
export function statusIn(status: string, set: readonly IdeaStatus[]): boolean {
	return (set as readonly string[]).includes(status);
}

/** The team may still change it: a draft, or returned to the team for rework. */
export const TEAM_EDITS = ['draft', 'returned'] as const satisfies readonly IdeaStatus[];

/** Sent by the team and not yet answered by an organiser (accepted, returned or declined). */
export const UNANSWERED = ['submitted', 'screening'] as const satisfies readonly IdeaStatus[];

/**
 * Accepted by an organiser, whatever happened since: the idea has a coaching space and an
 * implementation record, and after the submission deadline every employee may read it.
 * A merged idea is not among them, even if it was accepted before it was merged.
 */
export const ACCEPTED_AND_LATER = [
	'accepted',
	'coaching',
	'semi_final',
	'not_advanced',
	'finalist',
	'winner',
	'runner_up',
	'implemented',
	'published'
] as const satisfies readonly IdeaStatus[];

/** Coaching goes on: from acceptance until the idea's last presentation. */
export const COACHING_ONGOING = ['accepted', 'coaching', 'semi_final', 'finalist'] as const satisfies readonly IdeaStatus[];

/** A duplicate is never merged into these: a draft nobody else sees, or an idea already closed. */
export const NOT_MERGE_TARGETS = ['draft', 'merged', 'withdrawn', 'declined'] as const satisfies readonly IdeaStatus[];
