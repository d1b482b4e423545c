import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';
import type { MatchReasons } from '$lib/domain/matching';

const checklistLabels: Record<string, () => string> = {
	problem_defined: m.mentoring_check_problem_defined,
	baseline_measured: m.mentoring_check_baseline_measured,
	solution_tried: m.mentoring_check_solution_tried,
	roll_out_analysed: m.mentoring_check_roll_out_analysed,
	presentation_rehearsed: m.mentoring_check_presentation_rehearsed
};
export const checklistLabel = (item: string): string => checklistLabels[item]?.() ?? item;

const mentoringErrors: Record<string, () => string> = {
	already_assigned: m.mentoring_error_already_assigned,
	already_answered: m.mentoring_error_already_answered,
	mentor_full: m.mentoring_error_mentor_full,
	mentor_paused: m.mentoring_error_mentor_paused,
	not_a_mentor: m.mentoring_error_not_a_mentor,
	own_idea: m.mentoring_error_own_idea,
	already_mentor: m.mentoring_error_already_mentor,
	capacity_below_load: m.mentoring_error_capacity_below_load,
	capacity_range: m.mentoring_error_capacity_range,
	invalid_date: m.mentoring_error_invalid_date,
	nothing_chosen: m.mentoring_error_nothing_chosen,
	not_allowed_now: m.mentoring_error_not_allowed_now,
	reason_required: m.mentoring_error_reason_required,
	no_mentor: m.mentoring_error_no_mentor,
	same_mentor: m.mentoring_error_same_mentor,
	end_note_required: m.mentoring_error_end_note_required
};
/** Error codes of the mentoring forms, worded; other codes as everywhere else. */
export const mentoringErrorText = (code: string): string => mentoringErrors[code]?.() ?? errorText(code);

/** Why a mentor is suggested, in one line: "matches lean, quality; 1 of 3 places free; another department". */
export function reasonText(r: MatchReasons): string {
	const parts: string[] = [];
	parts.push(r.matches.length ? m.mentoring_reason_matches({ terms: r.matches.join(', ') }) : m.mentoring_reason_no_match());
	parts.push(m.mentoring_reason_places({ free: r.free, capacity: r.capacity }));
	if (r.otherDepartment) parts.push(m.mentoring_reason_other_department());
	return parts.join('; ');
}

const assignmentLabels: Record<string, () => string> = {
	requested: m.mentoring_assignment_requested,
	proposed: m.mentoring_assignment_proposed,
	accepted: m.mentoring_assignment_accepted,
	declined: m.mentoring_assignment_declined,
	ended: m.mentoring_assignment_ended
};
export const assignmentLabel = (status: string): string => assignmentLabels[status]?.() ?? status;

export const languageLabel = (code: string): string =>
	code === 'nl' ? m.mentoring_language_nl() : code === 'en' ? m.mentoring_language_en() : code;

const endReasonLabels: Record<string, () => string> = {
	illness: m.mentoring_end_reason_illness,
	job_change: m.mentoring_end_reason_job_change,
	workload: m.mentoring_end_reason_workload,
	mismatch: m.mentoring_end_reason_mismatch,
	other: m.mentoring_end_reason_other
};
/** Why a mentorship ended, as the organiser chose it. */
export const endReasonLabel = (code: string): string => endReasonLabels[code]?.() ?? code;
