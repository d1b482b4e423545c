import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** The planner's refusals and field errors, worded for the reader (others: the app's common words). */
const texts: Record<string, () => string> = {
	pitch_plan_stale: m.pitch_plan_error_stale,
	pitch_plan_session_started: m.pitch_plan_error_session_started,
	pitch_plan_round_closed: m.pitch_plan_error_round_closed,
	pitch_plan_not_placeable: m.pitch_plan_error_not_placeable,
	pitch_plan_empty: m.pitch_plan_error_empty,
	pitch_plan_unknown_jury: m.pitch_plan_error_unknown_jury,
	pitch_plan_slot_minutes_range: m.pitch_plan_error_slot_minutes_range,
	pitch_plan_pitch_minutes_range: m.pitch_plan_error_pitch_minutes_range,
	pitch_plan_questions_minutes_range: m.pitch_plan_error_questions_minutes_range,
	pitch_plan_break_minutes_range: m.pitch_plan_error_break_minutes_range,
	pitch_plan_minutes_exceed_slot: m.pitch_plan_error_minutes_exceed_slot,
	not_a_date: m.pitch_plan_error_not_a_date,
	not_a_time: m.pitch_plan_error_not_a_time,
	not_a_datetime: m.pitch_plan_error_not_a_date
};

export const planErrorText = (code: string): string => (texts[code] ? texts[code]() : errorText(code));

/** "09:00" in Amsterdam. */
export function timeOf(value: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(
		new Date(value)
	);
}

/** "Tue 3 Mar 2026" in Amsterdam. */
export function dayOf(value: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}

/** The Amsterdam date and time of an instant, as the form's date and time fields hold them. */
export function localParts(value: Date | string): { date: string; time: string } {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Amsterdam',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(value))
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
