import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

const texts: Record<string, () => string> = {
	invalid_choice: m.insight_error_invalid_choice,
	invalid_date: m.insight_error_invalid_date,
	insight_own_departments_only: m.insight_error_own_departments_only,
	insight_to_before_from: m.insight_error_to_before_from
};

/** The filter form's error codes, worded for the reader. */
export const insightErrorText = (code: string): string => (texts[code] ?? (() => errorText(code)))();
