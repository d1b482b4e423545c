/** Wording of judging codes (errors, outcomes, rules) in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

const errors: Record<string, () => string> = {
	sheet_stale: m.judging_error_sheet_stale,
	template_not_available: m.judging_error_template_not_available,
	round_locked: m.judging_error_round_locked,
	conflicted: m.judging_error_conflicted,
	outside_scale: m.judging_error_outside_scale,
	not_a_whole_number: m.judging_error_not_a_whole_number,
	unknown_criterion: m.judging_error_unknown_criterion,
	criteria_locked: m.judging_error_criteria_locked,
	criteria_required: m.judging_error_criteria_required,
	entries_required: m.judging_error_entries_required,
	jury_members_required: m.judging_error_jury_members_required,
	wrong_round_state: m.judging_error_wrong_round_state,
	round_incomplete: m.judging_error_round_incomplete,
	already_decided: m.judging_error_already_decided,
	not_decided: m.judging_error_not_decided,
	round_published: m.judging_error_round_published,
	one_roll_out: m.judging_error_one_roll_out,
	one_winner: m.judging_error_one_winner,
	scale_empty: m.judging_error_scale_empty,
	duplicate_criterion: m.judging_error_duplicate_criterion,
	rubric_format: m.judging_error_rubric_format,
	must_be_positive: m.judging_error_must_be_positive,
	not_a_date: m.judging_error_not_a_date,
	before_opening: m.judging_error_before_opening,
	not_eligible_for_round: m.judging_error_not_eligible_for_round,
	no_jury_for_department: m.judging_error_no_jury_for_department,
	not_a_sheet: m.judging_upload_not_a_sheet,
	sheet_unpacks_too_large: m.judging_upload_sheet_unpacks_too_large,
	wrong_columns: m.judging_upload_wrong_columns,
	no_rows: m.judging_upload_no_rows,
	other_round: m.judging_upload_other_round,
	file_required: m.judging_upload_file_required,
	file_too_large: m.judging_upload_file_too_large,
	bad_idea_id: m.judging_upload_bad_idea_id,
	not_in_queue: m.judging_upload_not_in_queue,
	duplicate_row: m.judging_upload_duplicate_row,
	bad_version: m.judging_upload_bad_version,
	unchanged: m.judging_upload_unchanged,
	juror_over_cap: m.judging_error_juror_over_cap,
	unknown_person: m.judging_error_unknown_person
};

export const judgingErrorText = (code: string): string => errors[code]?.() ?? errorText(code);

const outcomes: Record<string, () => string> = {
	advanced: m.judging_outcome_advanced,
	stopped: m.judging_outcome_stopped,
	winner: m.judging_outcome_winner,
	runner_up: m.judging_outcome_runner_up,
	finalist: m.judging_outcome_finalist
};
export const outcomeLabel = (outcome: string | null | undefined): string => (outcome ? (outcomes[outcome]?.() ?? outcome) : '');

const tieBreaks: Record<string, () => string> = {
	roll_out: m.judging_tie_roll_out,
	jurors: m.judging_tie_jurors,
	submitted_at: m.judging_tie_submitted_at,
	idea_id: m.judging_tie_idea_id
};
export const tieBreakLabel = (rule: string | null): string => (rule ? (tieBreaks[rule]?.() ?? rule) : '');

/** A reason of a conflict as the server finds it (scoring/conflict-sources.ts). */
export type ConflictReasonView = { source: string; personName: string | null; levels: number | null };

/**
 * Why a juror may not score an idea, in words: to the juror ('you': "You are above Anna de
 * Vries in the reporting line (2 levels).") or to the organiser ("above Anna de Vries in the
 * reporting line (2 levels)").
 */
export function conflictWhy(reason: ConflictReasonView, to: 'you' | 'organiser'): string {
	const you = to === 'you';
	const name = reason.personName;
	switch (reason.source) {
		case 'team':
			return you ? m.judging_why_you_team() : m.judging_why_team();
		case 'mentor':
			return you ? m.judging_why_you_mentor() : m.judging_why_mentor();
		case 'manager':
			if (name && reason.levels)
				return you ? m.judging_why_you_manager({ name, levels: reason.levels }) : m.judging_why_manager({ name, levels: reason.levels });
			return you ? m.judging_why_you_manager_recorded() : m.judging_why_manager_recorded();
		case 'peer':
			if (name) return you ? m.judging_why_you_peer({ name }) : m.judging_why_peer({ name });
			return you ? m.judging_why_you_peer_recorded() : m.judging_why_peer_recorded();
		case 'declared':
			return you ? m.judging_why_you_declared() : m.judging_why_declared();
		default:
			return reason.source;
	}
}

export const kindLabel = (kind: string): string =>
	kind === 'final' ? m.judging_kind_final() : kind === 'semi_final' ? m.judging_kind_semi_final() : m.judging_kind_other();

const competitionStatuses: Record<string, () => string> = {
	draft: m.judging_competition_draft,
	open: m.judging_competition_open,
	judging: m.judging_competition_judging,
	closed: m.judging_competition_closed,
	archived: m.judging_competition_archived
};
export const competitionStatusLabel = (status: string): string => competitionStatuses[status]?.() ?? status;
