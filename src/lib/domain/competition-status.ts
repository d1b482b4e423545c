/**
 * A competition's life: draft → open → judging → closed → archived, one step at a time.
 * The one way back: an open competition returns to draft while no idea has been submitted
 * to it yet (say, the window was opened by mistake). Once someone has submitted, their idea
 * depends on the call being open, so it stays open.
 *
 * Example: decideCompetitionStatus('open', 'draft', { submittedIdeas: 0 }) → ok;
 * with submittedIdeas: 2 → { ok: false, reason: 'competition_has_ideas' }.
 */
export const COMPETITION_STATUSES = ['draft', 'open', 'judging', 'closed', 'archived'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export type CompetitionStatusFacts = {
	/** ideas of this competition that were ever submitted (withdrawn or declined ones included) */
	submittedIdeas: number;
};

export type CompetitionStatusRefusal = 'unknown_status' | 'same_status' | 'competition_has_ideas' | 'status_not_allowed';

export type CompetitionStatusDecision =
	{ ok: true; from: CompetitionStatus; to: CompetitionStatus } | { ok: false; reason: CompetitionStatusRefusal };

const FORWARD: Record<CompetitionStatus, CompetitionStatus | null> = {
	draft: 'open',
	open: 'judging',
	judging: 'closed',
	closed: 'archived',
	archived: null
};

export function isCompetitionStatus(value: string): value is CompetitionStatus {
	return (COMPETITION_STATUSES as readonly string[]).includes(value);
}

export function decideCompetitionStatus(from: string, to: string, facts: CompetitionStatusFacts): CompetitionStatusDecision {
	if (!isCompetitionStatus(from) || !isCompetitionStatus(to)) return { ok: false, reason: 'unknown_status' };
	if (from === to) return { ok: false, reason: 'same_status' };
	if (FORWARD[from] === to) return { ok: true, from, to };
	if (from === 'open' && to === 'draft') {
		return facts.submittedIdeas === 0 ? { ok: true, from, to } : { ok: false, reason: 'competition_has_ideas' };
	}
	return { ok: false, reason: 'status_not_allowed' };
}

/** The statuses an organiser can move to from here, in the order the buttons show them. */
export function nextCompetitionStatuses(from: string, facts: CompetitionStatusFacts): CompetitionStatus[] {
	return COMPETITION_STATUSES.filter((to) => decideCompetitionStatus(from, to, facts).ok).sort((a, b) =>
		a === 'draft' ? 1 : b === 'draft' ? -1 : 0
	);
}

/**
 * The round template (a semi-final per department and a final) sets up a competition's
 * judging once: while it has no rounds yet and is not closed. A second click, or a
 * competition that is already judging with its rounds, is told so and nothing is added.
 */
export function roundTemplateAllowed(c: { status: string; roundCount: number }): boolean {
	return c.roundCount === 0 && (c.status === 'draft' || c.status === 'open' || c.status === 'judging');
}
