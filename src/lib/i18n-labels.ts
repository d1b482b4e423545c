import { m } from '$lib/paraglide/messages.js';

/** Message lookups for values that come from the database (statuses, stages, kinds). */
const statusLabels: Record<string, () => string> = {
	draft: m.status_draft,
	submitted: m.status_submitted,
	screening: m.status_screening,
	returned: m.status_returned,
	declined: m.status_declined,
	withdrawn: m.status_withdrawn,
	merged: m.status_merged,
	accepted: m.status_accepted,
	coaching: m.status_coaching,
	semi_final: m.status_semi_final,
	not_advanced: m.status_not_advanced,
	finalist: m.status_finalist,
	winner: m.status_winner,
	runner_up: m.status_runner_up,
	implemented: m.status_implemented,
	published: m.status_published
};
export const statusLabel = (status: string): string => statusLabels[status]?.() ?? status;

const holderLabels: Record<string, () => string> = {
	team: m.holder_team,
	organiser: m.holder_organiser,
	mentor: m.holder_mentor,
	jury: m.holder_jury,
	nobody: m.holder_nobody
};
export const holderLabel = (holder: string): string => holderLabels[holder]?.() ?? '';

const stageLabels: Record<string, () => string> = {
	draft: m.stage_draft,
	submitted: m.stage_submitted,
	accepted: m.stage_accepted,
	semi_final: m.stage_semi_final,
	final: m.stage_final,
	implemented: m.stage_implemented
};
export const stageLabel = (stage: string): string => stageLabels[stage]?.() ?? stage;

const roundStatusLabels: Record<string, () => string> = {
	draft: m.round_status_draft,
	open: m.round_status_open,
	closed: m.round_status_closed,
	published: m.round_status_published
};
export const roundStatusLabel = (status: string): string => roundStatusLabels[status]?.() ?? status;

/** Notifications are stored as a kind and parameters, and worded in the reader's language. */
export function notificationText(kind: string, params: unknown): string {
	const p = (params ?? {}) as Record<string, unknown>;
	const title = String(p.title ?? '');
	switch (kind) {
		case 'idea_received':
			return m.notification_idea_received({ title });
		case 'idea_returned':
			return m.notification_idea_returned({ title });
		case 'idea_accepted':
			return m.notification_idea_accepted({ title });
		case 'idea_declined':
			return m.notification_idea_declined({ title });
		case 'mentor_assigned':
			return m.notification_mentor_assigned({ title });
		case 'mentor_request':
			return m.notification_mentor_request({ title });
		case 'scoring_open':
			return m.notification_scoring_open({ title: String(p.round ?? title) });
		case 'adopted':
			return m.notification_adopted({ title });
		default:
			return m.notification_generic({ title });
	}
}
