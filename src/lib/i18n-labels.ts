import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { formatDate, formatDateTime } from '$lib/format';

/** Message lookups for values that come from the database (statuses, stages, kinds). */
const statusLabels: Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string> = {
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

/** A notification's stored parameter as text: its parameters are JSON strings and numbers. */
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- a stored JSON scalar; String() is the text wanted
const paramText = (value: unknown, fallback = ''): string => String(value ?? fallback);

/** Notifications are stored as a kind and parameters, and worded in the reader's language (or `locale`'s). */
export function notificationText(kind: string, params: unknown, locale?: Locale): string {
	const p = (params ?? {}) as Record<string, unknown>;
	// In a request, the reader's language; in an e-mail, the recipient's.
	const o = locale ? { locale } : undefined;
	const title = paramText(p.title);
	const texts: Record<string, () => string> = {
		idea_received: () => m.notification_idea_received({ title }, o),
		idea_submitted: () => m.notification_idea_submitted({ title }, o),
		idea_returned: () => m.notification_idea_returned({ title }, o),
		idea_accepted: () => m.notification_idea_accepted({ title }, o),
		idea_declined: () => m.notification_idea_declined({ title }, o),
		idea_merged: () => m.notification_idea_merged({ title }, o),
		comment_added: () => m.notification_comment_added({ title }, o),
		mentor_assigned: () => m.notification_mentor_assigned({ title }, o),
		mentor_request: () => m.notification_mentor_request({ title }, o),
		mentor_declined: () => m.notification_mentor_declined({ title }, o),
		mentor_left: () => m.people_notification_mentor_left({ title }, o),
		mentorship_ended: () => m.mentoring_notification_ended({ title }, o),
		mentorship_ended_team: () => m.mentoring_notification_ended_team({ title }, o),
		mentor_replaced: () => m.mentoring_notification_replaced({ title }, o),
		mentor_requested: () => m.mentoring_notification_requested({ title }, o),
		idea_ready: () => m.mentoring_notification_ready({ title }, o),
		presentation_slot: () => m.notification_presentation_slot({ title }, o),
		pitch_slot_planned: () =>
			m.notification_pitch_slot_planned(
				{ title, when: formatDateTime(paramText(p.startsAt), locale ?? getLocale()), room: paramText(p.location) },
				o
			),
		pitch_slot_changed: () =>
			m.notification_pitch_slot_changed(
				{ title, when: formatDateTime(paramText(p.startsAt), locale ?? getLocale()), room: paramText(p.location) },
				o
			),
		pitch_slot_cancelled: () =>
			m.notification_pitch_slot_cancelled({ title, when: formatDateTime(paramText(p.startsAt), locale ?? getLocale()) }, o),
		pitch_session_planned: () =>
			m.notification_pitch_session_planned(
				{ jury: paramText(p.jury), round: paramText(p.round), when: formatDateTime(paramText(p.startsAt), locale ?? getLocale()) },
				o
			),
		pitch_session_changed: () =>
			m.notification_pitch_session_changed(
				{ jury: paramText(p.jury), round: paramText(p.round), when: formatDateTime(paramText(p.startsAt), locale ?? getLocale()) },
				o
			),
		jury_added: () => m.notification_jury_added({ title: paramText(p.round, title) }, o),
		scoring_open: () => m.notification_scoring_open({ title: paramText(p.round, title) }, o),
		scoring_reminder: () => m.notification_scoring_reminder({ count: paramText(p.pending) }, o),
		ideas_waiting: () => m.notification_ideas_waiting({ count: paramText(p.count) }, o),
		results_published: () => m.notification_results_published({ title, round: paramText(p.round) }, o),
		adopted: () => m.notification_adopted({ title }, o),
		adopted_elsewhere: () =>
			p.departmentName
				? m.kb_notification_adopted_elsewhere({ title: paramText(p.kbEntryTitle, title), department: paramText(p.departmentName) }, o)
				: m.notification_adopted({ title }, o),
		kb_published: () => m.kb_notification_published({ title }, o),
		kb_candidate: () => m.kb_notification_candidate({ title }, o),
		kb_new_entry: () => m.kb_notification_new_entry({ title }, o),
		kb_publish_requested: () => m.kb_notification_publish_requested({ title }, o),
		kb_unpublished: () => m.kb_notification_unpublished({ title }, o),
		call_opened: () =>
			// Opened before its window starts: the notification says when it starts.
			typeof p.opensAt === 'string' && new Date(p.opensAt).getTime() > Date.now()
				? m.reminders_notification_call_opens(
						{
							competition: paramText(p.competition),
							opens: formatDateTime(p.opensAt, locale ?? getLocale()),
							date: formatDateTime(paramText(p.closesAt), locale ?? getLocale())
						},
						o
					)
				: m.reminders_notification_call_opened(
						{ competition: paramText(p.competition), date: formatDateTime(paramText(p.closesAt), locale ?? getLocale()) },
						o
					),
		screening_due: () =>
			Number(p.days) > 0
				? m.reminders_notification_screening_due({ title, days: Number(p.days) }, o)
				: m.reminders_notification_screening_due_today({ title }, o),
		screening_overdue: () =>
			m.reminders_notification_screening_overdue({ title, date: formatDate(paramText(p.dueOn), locale ?? getLocale()) }, o),
		screening_escalated: () =>
			m.reminders_notification_screening_escalated(
				{ title, days: Number(p.days), date: formatDate(paramText(p.dueOn), locale ?? getLocale()) },
				o
			),
		mentor_reminder: () => m.reminders_notification_mentor_reminder({ title, days: Number(p.days) }, o),
		mentor_request_escalated: () => m.reminders_notification_mentor_request_escalated({ title, days: Number(p.days) }, o),
		jury_outcome: () =>
			(p.roundKind === 'final' ? m.reminders_notification_jury_outcome_final : m.reminders_notification_jury_outcome_semi)(
				{ round: paramText(p.round), advanced: paramText(p.advanced), scored: paramText(p.scored) },
				o
			),
		resubmit_reminder: () => m.reminders_notification_resubmit_reminder({ title }, o),
		idea_update: () =>
			m.voice_notification_idea_update({ title, status: statusLabels[paramText(p.status)]?.({}, o) ?? paramText(p.status) }, o),
		idea_supported: () =>
			p.department
				? m.voice_notification_idea_supported_for(
						{ title, department: paramText((locale ?? getLocale()) === 'nl' ? (p.departmentNl ?? p.department) : p.department) },
						o
					)
				: m.voice_notification_idea_supported({ title }, o),
		comment_hidden: () => m.voice_notification_comment_hidden({ title, reason: paramText(p.reason) }, o),
		help_asked: () => m.voice_notification_help_asked({ title, name: paramText(p.name) }, o),
		entered_for_you: () => m.voice_notification_entered_for_you({ title, name: paramText(p.name) }, o),
		instruction_version: () =>
			m.instructions_notification_new_version({ title, version: paramText(p.version), change: paramText(p.change) }, o),
		instruction_report: () =>
			(p.kind === 'better_way' ? m.reports_notification_better_way : m.reports_notification_problem)(
				{ title, step: paramText(p.step), name: paramText(p.name) },
				o
			),
		report_passed: () => m.reports_notification_passed({ title, step: paramText(p.step), name: paramText(p.name) }, o),
		report_update: () => reportUpdateText(p, title, o)
	};
	return (texts[kind] ?? (() => m.notification_generic({ title }, o)))();
}

/** Field and form error codes from the server, worded for the reader. */
const errorTexts: Record<string, () => string> = {
	required: m.error_required,
	too_long: m.error_too_long,
	too_short: m.error_too_short,
	needed_to_submit: m.error_needed_to_submit,
	choose_competition: m.error_choose_competition,
	not_ready_to_submit: m.error_not_ready_to_submit,
	not_a_number: m.error_not_a_number,
	not_negative: m.error_not_negative,
	too_large: m.error_too_large,
	tag_too_long: m.error_tag_too_long,
	too_many_tags: m.error_too_many_tags,
	too_many_members: m.error_too_many_members,
	unknown_person: m.error_unknown_person,
	unknown: m.error_unknown,
	not_eligible: m.error_not_eligible,
	same_idea: m.error_same_idea,
	cannot_receive: m.error_cannot_receive,
	invalid_characters: m.error_invalid_characters,
	invalid_text: m.error_invalid_text,
	stale: m.error_stale,
	wrong_state: m.error_wrong_state,
	not_allowed: m.error_not_allowed,
	not_allowed_now: m.error_wrong_state,
	reason_required: m.error_reason_required,
	window_closed: m.error_window_closed,
	invalid: m.form_invalid,
	tie_break_twice: m.error_tie_break_twice
};
export const errorText = (code: string): string => (errorTexts[code] ?? m.error_check_field)();

const benefitLabels: Record<string, () => string> = {
	quality: m.benefit_quality,
	safety: m.benefit_safety,
	time: m.benefit_time,
	money: m.benefit_money,
	other: m.benefit_other
};
export const benefitLabel = (kind: string): string => benefitLabels[kind]?.() ?? kind;

const declineReasonLabels: Record<string, () => string> = {
	out_of_scope: m.decline_out_of_scope,
	already_exists: m.decline_already_exists,
	not_feasible: m.decline_not_feasible,
	too_vague: m.decline_too_vague,
	not_an_improvement: m.decline_not_an_improvement,
	other: m.decline_other
};
export const declineReasonLabel = (code: string): string => declineReasonLabels[code]?.() ?? code;

const transitionLabels: Record<string, () => string> = {
	submit: m.action_submit,
	resubmit: m.action_resubmit,
	withdraw: m.action_withdraw,
	startScreening: m.action_start_screening,
	accept: m.action_accept,
	return: m.action_return,
	decline: m.action_decline,
	merge: m.action_merge
};
export const transitionLabel = (name: string): string => transitionLabels[name]?.() ?? name;

const eventLabels: Record<string, () => string> = {
	created: m.event_created,
	edited: m.event_edited,
	commented: m.event_commented,
	merged_in: m.event_merged_in,
	attachment_added: m.event_attachment_added,
	award: m.event_award,
	attachment_removed: m.event_attachment_removed,
	mentor_assigned: m.event_mentor_assigned,
	mentor_accepted: m.mentoring_event_accepted,
	mentor_declined: m.mentoring_event_declined,
	mentor_requested: m.mentoring_event_requested,
	mentor_ended: m.people_event_mentor_ended,
	marked_ready: m.mentoring_event_marked_ready,
	ready_withdrawn: m.mentoring_event_ready_withdrawn,
	pitch_unavailability: m.pitch_team_event_unavailability
};
/** A timeline line: a status change reads "Submitted → Accepted", other events by their kind. */
export function eventLabel(kind: string, from: string | null, to: string | null): string {
	if (kind === 'status_changed' && to) return from ? `${statusLabel(from)} → ${statusLabel(to)}` : statusLabel(to);
	return eventLabels[kind]?.() ?? kind.replace(/_/g, ' ');
}

/** What the status means for the team, in a sentence. */
const statusMeanings: Record<string, () => string> = {
	draft: m.meaning_draft,
	submitted: m.meaning_submitted,
	screening: m.meaning_screening,
	returned: m.meaning_returned,
	declined: m.meaning_declined,
	withdrawn: m.meaning_withdrawn,
	merged: m.meaning_merged,
	accepted: m.meaning_accepted,
	coaching: m.meaning_coaching,
	semi_final: m.meaning_semi_final,
	not_advanced: m.meaning_not_advanced,
	finalist: m.meaning_finalist,
	winner: m.meaning_winner,
	runner_up: m.meaning_runner_up,
	implemented: m.meaning_implemented,
	published: m.meaning_published
};
export const statusMeaning = (status: string): string => statusMeanings[status]?.() ?? '';

/** What happened to one's own report on a step (report_update): passed on, a note, or how it was closed. */
function reportUpdateText(p: Record<string, unknown>, title: string, o: { locale?: Locale } | undefined): string {
	const step = paramText(p.step);
	switch (p.what) {
		case 'passed_on':
			return m.reports_notification_update_passed({ title, step, handler: paramText(p.handler) }, o);
		case 'new_version':
			return m.reports_notification_update_version({ title, step, version: paramText(p.version) }, o);
		case 'not_needed':
			return m.reports_notification_update_not_needed({ title, step, reason: paramText(p.reason) }, o);
		case 'idea':
			return m.reports_notification_update_idea({ title, step }, o);
		default:
			return m.reports_notification_update_note({ title, step, name: paramText(p.name) }, o);
	}
}
