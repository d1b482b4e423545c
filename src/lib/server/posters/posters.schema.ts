import { z } from 'zod';
import { idField } from '../http/fields.js';

export const MAX_PLACES = 50;
export const PLACE_MAX = 200;

/** Workstations or lines typed one per line: trimmed, blank lines left out, each once. */
export function placeLines(text: string): string[] {
	return [
		...new Set(
			text
				.split(/\r?\n/)
				.map((line) => line.replace(/\s+/g, ' ').trim())
				.filter(Boolean)
		)
	];
}

/** The poster form: the department, places one per line (none: one poster for the department), the poster's language. */
export const posterFormSchema = z.object({
	departmentId: idField,
	places: z
		.string()
		.max(MAX_PLACES * (PLACE_MAX + 2), { message: 'quick_posters_too_many_places' })
		.default('')
		.transform(placeLines)
		.pipe(
			z
				.array(z.string().max(PLACE_MAX, { message: 'quick_posters_place_too_long' }))
				.max(MAX_PLACES, { message: 'quick_posters_too_many_places' })
		),
	lang: z.enum(['en', 'nl']).default('en')
});
export type PosterInput = z.output<typeof posterFormSchema>;

/** One PNG: the department and one place (may be empty). */
export const posterPngSchema = z.object({
	departmentId: idField,
	place: z.string().trim().max(PLACE_MAX).default('')
});
