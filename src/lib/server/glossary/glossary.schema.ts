/**
 * The company glossary's forms: a term pair (English = Dutch) with an optional note, the
 * list's filter, deleting with a confirmation, and a CSV import (columns en, nl, note).
 */
import { z } from 'zod';
import { idField, textField } from '../http/fields.js';

/** One term: at least a letter or digit, what a search can find as whole words (an empty one is only "required"). */
const term = textField(80)
	.transform((v) => v.replace(/\s+/g, ' '))
	.pipe(
		z
			.string()
			.min(1, { message: 'required' })
			.regex(/^$|[\p{L}\p{N}]/u, { message: 'glossary_term_letters' })
	);

export const glossaryTermSchema = z.object({
	termEn: term,
	termNl: term,
	note: textField(300).default('')
});
export type GlossaryTermInput = z.infer<typeof glossaryTermSchema>;

export const glossaryFilterSchema = z.object({
	q: textField(80)
		.default('')
		.refine((v) => !v.includes('\0'), { message: 'invalid' })
});

export const glossaryDeleteSchema = z.object({
	termId: idField,
	confirm: z.literal('yes', { message: 'glossary_confirm_delete' })
});

/** At most this many pairs in one import (a company glossary is hundreds, not tens of thousands). */
export const GLOSSARY_IMPORT_MAX = 5000;

export const glossaryImportSchema = z.object({
	file: z
		.instanceof(File, { message: 'glossary_import_file' })
		.refine((f) => f.size > 0, { message: 'glossary_import_file' })
		.refine((f) => f.size <= 512 * 1024, { message: 'glossary_import_too_big' })
});
