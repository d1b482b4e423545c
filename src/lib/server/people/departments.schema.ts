import { z } from 'zod';
import { blankToUndefined, idField, plainNumber, textField } from '../http/fields.js';
import { EDUCATION_LEVELS, JOB_LEVELS } from '../../domain/org-chart.js';
import type { HeadcountCell } from './departments.queries.js';

/** Headcount rows and columns: every job level by every education level, and 'unknown'. */
export const HEADCOUNT_EDUCATION = [...EDUCATION_LEVELS, 'unknown'] as const;

/** A grid cell's form field: `hc_operator_mbo`. */
export const headcountField = (jobLevel: string, educationLevel: string) => `hc_${jobLevel}_${educationLevel}`;

const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

export const departmentSchema = z.object({
	code: z
		.string()
		.trim()
		.transform((v) => v.toUpperCase())
		.pipe(z.string().regex(/^[A-Z0-9-]{2,12}$/, { message: 'department_code' })),
	name: textField(120).pipe(z.string().min(1, { message: 'required' })),
	nameNl: z.preprocess(blankToUndefined, textField(120).optional()).transform((v) => v ?? null),
	parentId: z.preprocess(blankToUndefined, idField.optional()).transform((v) => v ?? null),
	eligibleByDefault: checkbox
});
export type DepartmentInput = z.output<typeof departmentSchema>;

const cell = plainNumber(
	z.coerce
		.number({ message: 'headcount' })
		.int({ message: 'headcount' })
		.min(0, { message: 'headcount' })
		.max(1_000_000, { message: 'headcount' })
);

/** The grid form: one number per job level and education level; an empty cell is 0. */
export const headcountSchema = z
	.object(
		Object.fromEntries(
			JOB_LEVELS.flatMap((j) =>
				HEADCOUNT_EDUCATION.map((e) => [headcountField(j, e), z.preprocess((v) => blankToUndefined(v) ?? '0', cell)])
			)
		) as Record<string, z.ZodType<number>>
	)
	.transform((values): HeadcountCell[] =>
		JOB_LEVELS.flatMap((jobLevel) =>
			HEADCOUNT_EDUCATION.map((educationLevel) => ({
				jobLevel,
				educationLevel,
				headcount: values[headcountField(jobLevel, educationLevel)]
			}))
		)
	);

export const mtMemberSchema = z.object({ userId: idField });

export const mtSearchSchema = z.object({ mtq: z.string().trim().max(100).optional().catch(undefined) });
