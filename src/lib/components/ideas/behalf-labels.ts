import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** The error codes of entering an idea for a colleague, worded for the reader; others as everywhere. */
const texts: Record<string, () => string> = {
	behalf_self: m.behalf_error_self,
	behalf_unknown: m.behalf_error_unknown,
	behalf_agree: m.behalf_error_agree,
	behalf_helper_not_member: m.behalf_error_helper_not_member
};

export const behalfErrorText = (code: string): string => (texts[code] ?? (() => errorText(code)))();
