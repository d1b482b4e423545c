import { z } from 'zod';
import type { FieldErrorMap } from '../errors.js';
import { formValues, type FormValues } from '../../forms/values.js';

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrorMap; values: FormValues };

/**
 * Parse a submitted form with a zod schema. On failure: the field errors and the values as
 * typed (files left out), so the page can show both. NUL characters never reach the database.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData | URLSearchParams): ParsedForm<z.output<S>> {
	const values = formValues(form);
	if (Object.values(values).some((v) => v.includes('\0'))) {
		return { ok: false, errors: { _form: ['invalid_characters'] }, values: {} };
	}
	// Bytes that were not UTF-8 arrive as U+FFFD: refuse them beside their field, store nothing.
	const unreadable = Object.keys(values).filter((key) => values[key].includes('\uFFFD'));
	if (unreadable.length) {
		return { ok: false, errors: Object.fromEntries(unreadable.map((key) => [key, ['invalid_text']])), values };
	}
	const raw: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key);
		raw[key] = all.length > 1 ? all : all[0];
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
}

/** Query-string parameters: the same rules, defaults on anything invalid. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
	const raw: Record<string, string> = {};
	for (const [k, v] of params) if (!v.includes('\0') && !v.includes('\uFFFD')) raw[k] = v;
	const parsed = schema.safeParse(raw);
	return parsed.success ? parsed.data : schema.parse({});
}
