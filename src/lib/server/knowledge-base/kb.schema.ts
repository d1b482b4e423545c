import { z } from 'zod';
import { asArray, blankToUndefined, idField, optionalIdField, plainNumber, textField } from '../http/fields.js';
import { tagsField } from '../ideas/ideas.schema.js';

export const RESULT_KINDS = ['hours', 'defects', 'euros', 'safety', 'other'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export const ADOPTION_STATUSES = ['considering', 'piloting', 'adopted', 'not_suitable'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
export const IMPLEMENTATION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const AWARDS = ['winner', 'runner_up', 'finalist'] as const;
export const SORTS = ['relevance', 'newest', 'adopted'] as const;
export const KB_PAGE_SIZE = 20;
/** Rows of result fields a form offers (result_<n>_kind, _value, _before, _after, _note). */
export const RESULT_ROWS = 3;

const id = idField;
const optionalId = optionalIdField;
const text = textField;
const isoDate = z.preprocess(blankToUndefined, z.iso.date({ message: 'invalid_date' }).optional());
const number = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(',', '.')) : v),
	plainNumber(
		z.coerce.number({ message: 'not_a_number' }).min(-1e12, { message: 'too_large' }).max(1e12, { message: 'too_large' }).optional()
	)
);

export type MeasuredResultInput = { kind: ResultKind; value: number; beforeValue: number | null; afterValue: number | null; note: string };

/**
 * Result rows of a form: a row counts when a value or a before/after pair is filled. A value
 * left empty with both before and after is their difference (hours before 30, after 12: 18 saved).
 */
function resultRowsShape() {
	const shape: Record<string, z.ZodType> = {};
	for (let i = 0; i < RESULT_ROWS; i++) {
		shape[`result_${i}_kind`] = z.preprocess(blankToUndefined, z.enum(RESULT_KINDS).optional());
		shape[`result_${i}_value`] = number;
		shape[`result_${i}_before`] = number;
		shape[`result_${i}_after`] = number;
		shape[`result_${i}_note`] = text(300).default('');
	}
	return shape;
}

function collectResults(raw: Record<string, unknown>, ctx: z.RefinementCtx): MeasuredResultInput[] {
	const results: MeasuredResultInput[] = [];
	for (let i = 0; i < RESULT_ROWS; i++) {
		const kind = raw[`result_${i}_kind`] as ResultKind | undefined;
		const value = raw[`result_${i}_value`] as number | undefined;
		const before = raw[`result_${i}_before`] as number | undefined;
		const after = raw[`result_${i}_after`] as number | undefined;
		const note = (raw[`result_${i}_note`] as string) ?? '';
		const filled = value !== undefined || before !== undefined || after !== undefined || note !== '';
		if (!filled) continue;
		if (!kind) {
			ctx.addIssue({ code: 'custom', path: [`result_${i}_kind`], message: 'required' });
			continue;
		}
		const derived = value ?? (before !== undefined && after !== undefined ? Math.abs(before - after) : undefined);
		if (derived === undefined) {
			ctx.addIssue({ code: 'custom', path: [`result_${i}_value`], message: 'required' });
			continue;
		}
		results.push({ kind, value: derived, beforeValue: before ?? null, afterValue: after ?? null, note });
	}
	return results;
}

export const implementationSchema = z
	.object({
		ownerId: optionalId,
		status: z.enum(IMPLEMENTATION_STATUSES, { message: 'required' }),
		doneOn: isoDate,
		...resultRowsShape()
	})
	.transform((v, ctx) => {
		if (v.status === 'done' && !v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'required' });
		return {
			ownerId: v.ownerId ?? null,
			status: v.status,
			doneOn: v.doneOn ?? null,
			results: collectResults(v, ctx)
		};
	});
export type ImplementationInput = z.output<typeof implementationSchema>;

export const entrySchema = z
	.object({
		title: text(160).min(3, { message: 'too_short' }),
		summary: text(1000).min(10, { message: 'too_short' }),
		problem: text(10_000).min(10, { message: 'too_short' }),
		solution: text(10_000).min(10, { message: 'too_short' }),
		processAreaId: optionalId,
		tags: tagsField,
		contact: z.preprocess(asArray, z.array(id).max(10, { message: 'too_many_members' })),
		candidate: z.preprocess(asArray, z.array(id).max(20)),
		...resultRowsShape()
	})
	.transform((v, ctx) => ({
		title: v.title,
		summary: v.summary,
		problem: v.problem,
		solution: v.solution,
		processAreaId: v.processAreaId ?? null,
		tags: v.tags,
		contactIds: [...new Set(v.contact)],
		candidateDepartmentIds: [...new Set(v.candidate)],
		results: collectResults(v as Record<string, unknown>, ctx)
	}));
export type EntryInput = z.output<typeof entrySchema>;

export const unpublishSchema = z.object({ reason: text(2000).min(3, { message: 'reason_required' }) });

export const adoptionSchema = z
	.object({
		departmentId: optionalId,
		status: z.enum(ADOPTION_STATUSES, { message: 'required' }),
		ownerId: optionalId,
		reason: text(2000).default(''),
		startedOn: isoDate,
		adoptedOn: isoDate,
		...resultRowsShape()
	})
	.transform((v, ctx) => {
		if (v.status === 'not_suitable' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
		const startedOn = v.startedOn ?? null;
		const adoptedOn = v.adoptedOn ?? null;
		if (startedOn && adoptedOn && adoptedOn < startedOn) ctx.addIssue({ code: 'custom', path: ['adoptedOn'], message: 'before_start' });
		return {
			departmentId: v.departmentId ?? null,
			status: v.status,
			ownerId: v.ownerId ?? null,
			reason: v.reason || null,
			startedOn,
			adoptedOn,
			results: collectResults(v, ctx)
		};
	});
export type AdoptionInput = z.output<typeof adoptionSchema>;

export const SUBSCRIPTION_TARGETS = ['tag', 'process_area', 'department'] as const;
export const subscribeSchema = z.object({
	target: z.enum(SUBSCRIPTION_TARGETS, { message: 'required' }),
	tag: z.preprocess(blankToUndefined, text(40).toLowerCase().optional()),
	processAreaId: optionalId,
	departmentId: optionalId
});
export type SubscribeInput = z.output<typeof subscribeSchema>;
export const unsubscribeSchema = z.object({ subscriptionId: id });

/** The search and browse page's query string; anything invalid falls back to its default. */
export const searchQuerySchema = z.object({
	q: z.string().trim().max(200).catch('').default(''),
	department: optionalId.catch(undefined),
	area: optionalId.catch(undefined),
	tag: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(40).optional()).catch(undefined),
	year: z.preprocess(blankToUndefined, plainNumber(z.coerce.number().int().min(2000).max(2100).optional())).catch(undefined),
	award: z.preprocess(blankToUndefined, z.enum(AWARDS).optional()).catch(undefined),
	sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()).catch(undefined),
	page: plainNumber(z.coerce.number().int().min(1).max(500).catch(1).default(1))
});
export type SearchQuery = z.output<typeof searchQuerySchema>;
