/** The live session's words in the reader's language. */
import { m } from '$lib/paraglide/messages.js';

const errors: Record<string, () => string> = {
	live_stale: m.live_error_live_stale,
	round_locked: m.live_error_round_locked,
	live_no_pitch: m.live_error_live_no_pitch,
	live_no_next: m.live_error_live_no_next,
	conflicted: m.live_error_conflicted,
	not_in_session: m.live_error_not_in_session,
	incomplete: m.live_error_incomplete,
	outside_scale: m.live_error_outside_scale,
	unknown_criterion: m.live_error_unknown_criterion,
	not_on_jury: m.live_error_not_on_jury,
	invalid: m.live_error_invalid,
	not_a_number: m.live_error_invalid
};

export const liveErrorText = (code: string | null | undefined) => (code && errors[code] ? errors[code]() : m.live_error_other());

export const phaseLabel = (phase: string | null) =>
	phase === 'pitch'
		? m.live_phase_pitch()
		: phase === 'questions'
			? m.live_phase_questions()
			: phase === 'scoring'
				? m.live_phase_scoring()
				: '';

export const statusLabel = (status: string) =>
	status === 'live' ? m.live_status_live() : status === 'ended' ? m.live_status_ended() : m.live_status_planned();

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "14:05" in Amsterdam time. */
export function timeText(value: string | Date | null, locale: string): string {
	if (!value) return '';
	let f = timeFormats.get(locale);
	if (!f)
		timeFormats.set(
			locale,
			(f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short', timeZone: 'Europe/Amsterdam' }))
		);
	return f.format(new Date(value));
}
