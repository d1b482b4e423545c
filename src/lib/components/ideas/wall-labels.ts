import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** The support and follow forms' own refusals, in the reader's words; other codes as everywhere. */
const wallErrors: Record<string, () => string> = {
	own_department: m.wall_error_own_department,
	unknown_department: m.wall_error_unknown_department,
	own_idea: m.wall_error_own_idea,
	not_public: m.wall_error_not_public,
	draft: m.wall_error_draft
};
export const wallErrorText = (code: string): string => wallErrors[code]?.() ?? errorText(code);

/** A department's name in the reader's language (the Dutch name when Dutch and set). */
export const departmentName = (d: { name: string; nameNl: string | null }, locale: string): string =>
	locale === 'nl' && d.nameNl ? d.nameNl : d.name;
