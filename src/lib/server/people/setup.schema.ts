import { z } from 'zod';
import { blankToUndefined, textField } from '../http/fields.js';

/** The first start's form (and the org:setup command): the company's top department and its first administrator. */
export const setupSchema = z.object({
	departmentCode: z
		.string()
		.trim()
		.toUpperCase()
		.min(1, { message: 'required' })
		.regex(/^[A-Z0-9-]{2,12}$/, { message: 'department_code_format' }),
	departmentName: textField(120).min(1, { message: 'required' }),
	departmentNameNl: z.preprocess(blankToUndefined, textField(120).optional()).transform((v) => v ?? null),
	name: textField(120).min(1, { message: 'required' }),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, { message: 'too_long' })
		.pipe(z.email({ message: 'invalid_email' })),
	employeeNumber: z.preprocess(blankToUndefined, textField(40).optional()).transform((v) => v ?? null)
});

export type SetupInput = z.output<typeof setupSchema>;
