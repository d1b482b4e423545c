import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** The codes the glossary service and schema answer with, worded beside their fields. */
const errors: Record<string, () => string> = {
	glossary_duplicate: m.glossary_error_duplicate,
	glossary_term_letters: m.glossary_error_term_letters,
	glossary_confirm_delete: m.glossary_error_confirm_delete,
	glossary_import_file: m.glossary_error_import_file,
	glossary_import_too_big: m.glossary_error_import_too_big,
	glossary_import_unreadable: m.glossary_error_import_unreadable,
	glossary_import_empty: m.glossary_error_import_empty,
	glossary_import_columns: m.glossary_error_import_columns,
	glossary_import_too_many: m.glossary_error_import_too_many
};

export function glossaryErrorText(code: string): string {
	const line = /^glossary_import_line:(\d+)$/.exec(code);
	if (line) return m.glossary_error_import_line({ line: line[1] });
	return (errors[code] ?? (() => errorText(code)))();
}
