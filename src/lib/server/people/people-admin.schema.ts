import { z } from 'zod';
import { blankToUndefined, idField, textField } from '../http/fields.js';
import { EDUCATION_LEVELS, JOB_LEVELS, LOCALES } from '../../domain/org-chart.js';

const optionalText = (max: number) => z.preprocess(blankToUndefined, textField(max).optional()).transform((v) => v ?? null);

/**
 * The person form. The manager is typed as their e-mail address or employee number (it works
 * without JavaScript); blank means no manager.
 */
export const personSchema = z.object({
	name: textField(120).pipe(z.string().min(1, { message: 'required' })),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, { message: 'too_long' })
		.pipe(z.email({ message: 'invalid_email' })),
	employeeNumber: optionalText(40),
	departmentId: z.preprocess(blankToUndefined, idField.optional()).pipe(z.number({ message: 'required' })),
	manager: optionalText(254),
	jobLevel: z.enum(JOB_LEVELS, { message: 'required' }),
	educationLevel: z.preprocess(blankToUndefined, z.enum(EDUCATION_LEVELS).optional()).transform((v) => v ?? null),
	locale: z.enum(LOCALES, { message: 'required' }),
	jobTitle: optionalText(120)
});
export type PersonInput = z.output<typeof personSchema>;

export const confirmDisableSchema = z.object({ confirm: z.literal('yes', { message: 'confirm_disable' }) });
