import { z } from 'zod';

/** The largest id PostgreSQL's `integer` holds. */
export const MAX_ID = 2_147_483_647;

/** A number as people type it: digits, a sign, one decimal point or comma. */
const PLAIN_NUMBER = /^[+-]?\d{1,15}([.,]\d{1,15})?$/;

/**
 * Numbers from forms are plain decimal text: `z.coerce.number` alone would read `0x10` as 16,
 * `1e3` as 1000 and `Infinity` as a number. Anything else reaches the schema as NaN and gets
 * its field's message; "12,5" is 12.5, as Dutch colleagues type it. Empty stays empty.
 */
export function plainNumber<S extends z.ZodType>(schema: S) {
	return z.preprocess((value) => {
		if (typeof value !== 'string') return value;
		const text = value.trim();
		if (text === '') return value;
		return PLAIN_NUMBER.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
	}, schema);
}

/** A form field that names a row: a positive integer id. */
export const idField = plainNumber(z.coerce.number().int().positive().max(MAX_ID));

/** The "remove this file" forms. */
export const attachmentIdSchema = z.object({ attachmentId: idField });

/** A form that is only a button: nothing to read but who pressed it. */
export const noFields = z.object({});

/** A text field: trimmed, at most `max` characters ('too_long'). */
export const textField = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/** A field a form may send once, several times or not at all, as a list. */
export const asArray = (v: unknown): unknown[] => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** An empty or blank field is no value. */
export const blankToUndefined = (v: unknown) => (v == null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** An id that may be left empty. */
export const optionalIdField = z.preprocess(blankToUndefined, idField.optional());

/**
 * Words typed in one field, as "Lean, 5S; torque wrench": split on commas, semicolons and
 * lines, lower case, spaces as hyphens, each once. The caller pipes the list to its limits.
 */
export const wordListField = (maxChars: number) =>
	z
		.string()
		.max(maxChars, { message: 'too_long' })
		.default('')
		.transform((v) => [
			...new Set(
				v
					.split(/[,;\n]/)
					.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
					.filter(Boolean)
			)
		]);
