/**
 * Every notification kind belongs to one group, and a person chooses per group how the
 * group's notifications reach them by e-mail: at once, in the daily digest, or only in the
 * portal. Without a choice, the group's default applies (answers to your own idea at once;
 * news from subscriptions in the digest).
 */
export const MAIL_GROUPS = ['my_ideas', 'mentoring', 'jury', 'organising', 'reminders', 'news'] as const;
export type MailGroup = (typeof MAIL_GROUPS)[number];

export const MAIL_DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

export const GROUP_DEFAULTS: Record<MailGroup, MailDelivery> = {
	my_ideas: 'immediate',
	mentoring: 'immediate',
	jury: 'immediate',
	organising: 'digest',
	reminders: 'immediate',
	news: 'digest'
};

const KIND_GROUPS: Record<string, MailGroup> = {
	// about an idea you are in the team of
	idea_received: 'my_ideas',
	idea_returned: 'my_ideas',
	idea_accepted: 'my_ideas',
	idea_declined: 'my_ideas',
	idea_merged: 'my_ideas',
	comment_added: 'my_ideas',
	mentor_assigned: 'my_ideas',
	mentorship_ended_team: 'my_ideas',
	mentor_replaced: 'my_ideas',
	mentor_left: 'my_ideas',
	presentation_slot: 'my_ideas',
	pitch_slot_planned: 'my_ideas',
	pitch_slot_changed: 'my_ideas',
	pitch_slot_cancelled: 'my_ideas',
	results_published: 'my_ideas',
	adopted: 'my_ideas',
	adopted_elsewhere: 'my_ideas',
	kb_published: 'my_ideas',
	kb_unpublished: 'my_ideas',
	resubmit_reminder: 'my_ideas',
	comment_hidden: 'my_ideas',
	help_asked: 'my_ideas',
	entered_for_you: 'my_ideas',
	// work instructions you own, a report passed to you, and your own reports on a step
	instruction_report: 'my_ideas',
	report_passed: 'my_ideas',
	report_update: 'my_ideas',
	// mentors
	mentor_request: 'mentoring',
	mentor_requested: 'mentoring',
	mentorship_ended: 'mentoring',
	mentor_reminder: 'mentoring',
	// jurors
	jury_added: 'jury',
	scoring_open: 'jury',
	scoring_reminder: 'jury',
	jury_outcome: 'jury',
	pitch_session_planned: 'jury',
	pitch_session_changed: 'jury',
	// organisers: what arrives
	idea_submitted: 'organising',
	idea_ready: 'organising',
	mentor_declined: 'organising',
	kb_publish_requested: 'organising',
	// organisers and programme leads: what waits too long
	ideas_waiting: 'reminders',
	screening_due: 'reminders',
	screening_overdue: 'reminders',
	screening_escalated: 'reminders',
	mentor_request_escalated: 'reminders',
	// news for everyone
	call_opened: 'news',
	kb_new_entry: 'news',
	kb_candidate: 'news',
	// the ideas wall: an idea you follow moved on; colleagues support yours
	idea_update: 'news',
	idea_supported: 'news',
	// a new version of a work instruction your department runs
	instruction_version: 'news'
};

/** The group a notification kind belongs to; a kind not listed is news. */
export function mailGroupOf(kind: string): MailGroup {
	return KIND_GROUPS[kind] ?? 'news';
}

/** The kinds of one group, for the preferences page. */
export function kindsOfGroup(group: MailGroup): string[] {
	return Object.entries(KIND_GROUPS)
		.filter(([, g]) => g === group)
		.map(([kind]) => kind);
}
