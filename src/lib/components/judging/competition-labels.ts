/** Wording of the competition set-up codes (field errors, refusals, status buttons) in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import { judgingErrorText } from './labels';

const errors: Record<string, () => string> = {
	taken: m.judging_competition_error_taken,
	slug_format: m.judging_competition_error_slug_format,
	slug_required: m.judging_competition_error_slug_required,
	not_a_datetime: m.judging_competition_error_not_a_datetime,
	closes_before_opens: m.judging_competition_error_closes_before_opens,
	response_days_range: m.judging_competition_error_response_days_range,
	load_cap_range: m.judging_competition_error_load_cap_range,
	days_0_30: m.reminders_error_days_0_30,
	days_1_30: m.reminders_error_days_1_30,
	days_1_60: m.reminders_error_days_1_60,
	escalation_before_reminder: m.reminders_error_escalation_before_reminder,
	programme_lead_unknown: m.reminders_error_programme_lead_unknown,
	competition_has_ideas: m.judging_competition_error_has_ideas,
	status_not_allowed: m.judging_competition_error_status_not_allowed,
	unknown_status: m.judging_competition_error_status_not_allowed,
	same_status: m.judging_competition_error_same_status,
	competition_archived: m.judging_competition_error_archived
};
export const competitionErrorText = (code: string): string => errors[code]?.() ?? judgingErrorText(code);

const targets: Record<string, () => string> = {
	open: m.judging_competition_to_open,
	judging: m.judging_competition_to_judging,
	closed: m.judging_competition_to_closed,
	archived: m.judging_competition_to_archived,
	draft: m.judging_competition_to_draft
};
/** The button that moves a competition to `status`. */
export const statusActionLabel = (status: string): string => targets[status]?.() ?? status;

const confirmations: Record<string, (p: { name: string }) => string> = {
	open: m.judging_competition_confirm_open,
	judging: m.judging_competition_confirm_judging,
	closed: m.judging_competition_confirm_closed,
	archived: m.judging_competition_confirm_archived,
	draft: m.judging_competition_confirm_draft
};
/** What happens when the competition moves to `status`, asked before it does. */
export const statusConfirmText = (status: string, name: string): string => confirmations[status]?.({ name }) ?? '';
