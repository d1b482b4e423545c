import { z } from 'zod';
import { plainNumber } from '../../http/fields.js';
import { HR_FIELDS, type HrField, type HrMapping } from './mapping.js';
import { ROW_OUTCOMES } from './rules.js';

/** The mapping form: one select per field, its value a header of the file ('' = not imported). */
export const mappingSchema = z
	.object(Object.fromEntries(HR_FIELDS.map((f) => [f, z.string().max(200).optional()])) as Record<HrField, z.ZodOptional<z.ZodString>>)
	.transform((form): HrMapping => {
		const mapping: HrMapping = {};
		for (const f of HR_FIELDS) if (form[f]) mapping[f] = form[f];
		return mapping;
	});

/** Apply: the organiser confirms they read the dry run (a checkbox, so it works without JavaScript). */
export const applySchema = z.object({ confirm: z.literal('yes', { error: 'confirm_required' }) });

export const rowsQuerySchema = z.object({
	outcome: z
		.enum(ROW_OUTCOMES as [string, ...string[]])
		.optional()
		.catch(undefined),
	page: plainNumber(z.coerce.number().int().min(1).max(10_000).default(1).catch(1))
});
