import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

const teamPitchErrors: Record<string, () => string> = {
	pitch_team_invalid_time: m.pitch_team_error_invalid_time,
	pitch_team_ends_before_start: m.pitch_team_error_ends_before_start,
	pitch_team_too_long: m.pitch_team_error_too_long,
	pitch_team_in_past: m.pitch_team_error_in_past,
	pitch_team_overlap: m.pitch_team_error_overlap,
	pitch_team_not_in_play: m.pitch_team_error_not_in_play,
	pitch_team_session_started: m.pitch_team_error_session_started,
	pitch_team_round_closed: m.pitch_team_error_round_closed
};
/** Error codes of "When can't you present?", worded; other codes as everywhere else. */
export const teamPitchErrorText = (code: string): string => teamPitchErrors[code]?.() ?? errorText(code);
