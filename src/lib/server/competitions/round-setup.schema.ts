/** The forms of round set-up: settings, the criteria editor, jury members, entries. */
import { z } from 'zod';
import { idField, MAX_ID, plainNumber, textField } from '../http/fields.js';
import { parseForm, type ParsedForm } from '../http/parse.js';
import type { FieldErrorMap } from '../errors.js';
import { isTieBreakOrder, ORDERABLE_TIE_BREAKS } from '../../domain/scoring.js';
import type { CriterionInput } from './round-setup.queries.js';

const text = textField;
const optionalDate = z.preprocess(
	(v) => (v === '' || v == null ? null : v),
	// A real day of the calendar: 2027-13-45 and 2027-02-30 are refused, not passed on to the database.
	z.iso.date({ message: 'not_a_date' }).nullable()
);
const optionalInt = z.preprocess(
	(v) => (v === '' || v == null ? null : v),
	plainNumber(z.coerce.number({ message: 'not_a_number' }).int({ message: 'not_a_whole_number' }).min(1).max(1000).nullable())
);
const optionalScore = z.preprocess(
	(v) => (v === '' || v == null ? null : typeof v === 'string' ? v.replace(',', '.') : v),
	plainNumber(
		z.coerce.number({ message: 'not_a_number' }).min(0, { message: 'outside_scale' }).max(100, { message: 'outside_scale' }).nullable()
	)
);

/** A round's settings. Dates are days: scoring opens at the start of the first and closes at the end of the last (UTC). */
export const roundSettingsSchema = z
	.object({
		name: text(120).min(1, { message: 'required' }),
		scoringOpensOn: optionalDate,
		scoringClosesOn: optionalDate,
		advancementRule: z.enum(['top_n', 'threshold', 'manual']),
		advancementCount: optionalInt,
		advancementThreshold: optionalScore,
		scoreBasis: z.enum(['raw', 'normalised']),
		scoresVisible: z.enum(['after_own_sheet', 'after_close']),
		tieBreak1: z.enum(ORDERABLE_TIE_BREAKS).default('roll_out'),
		tieBreak2: z.enum(ORDERABLE_TIE_BREAKS).default('jurors'),
		tieBreak3: z.enum(ORDERABLE_TIE_BREAKS).default('submitted_at'),
		showPreviousRound: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false)
	})
	.superRefine((v, ctx) => {
		if (v.advancementRule === 'top_n' && v.advancementCount === null)
			ctx.addIssue({ code: 'custom', path: ['advancementCount'], message: 'required' });
		if (v.advancementRule === 'threshold' && v.advancementThreshold === null)
			ctx.addIssue({ code: 'custom', path: ['advancementThreshold'], message: 'required' });
		if (!isTieBreakOrder([v.tieBreak1, v.tieBreak2, v.tieBreak3]))
			ctx.addIssue({ code: 'custom', path: ['tieBreak3'], message: 'tie_break_twice' });
		if (v.scoringOpensOn && v.scoringClosesOn && v.scoringClosesOn < v.scoringOpensOn)
			ctx.addIssue({ code: 'custom', path: ['scoringClosesOn'], message: 'before_opening' });
	});

export type RoundSettingsInput = {
	name: string;
	scoringOpensAt: Date | null;
	scoringClosesAt: Date | null;
	advancementRule: string;
	advancementCount: number | null;
	advancementThreshold: number | null;
	scoreBasis: string;
	scoresVisible: string;
	tieBreaks: string[];
	/** The final (or any later round) shows its jury the previous round's scores, ranks and comments. */
	showPreviousRound?: boolean;
	/**
	 * A top-N round's quota per jury (scope); null count = the round's count there. Absent when
	 * the form did not show the quotas (a closed round): they stay as they are.
	 */
	quotas?: { juryId: number; count: number | null }[];
};

export function toRoundSettings(v: z.output<typeof roundSettingsSchema>): RoundSettingsInput {
	return {
		name: v.name,
		scoringOpensAt: v.scoringOpensOn ? new Date(`${v.scoringOpensOn}T00:00:00Z`) : null,
		scoringClosesAt: v.scoringClosesOn ? new Date(`${v.scoringClosesOn}T23:59:59Z`) : null,
		advancementRule: v.advancementRule,
		advancementCount: v.advancementRule === 'top_n' ? v.advancementCount : null,
		// A top-N round may keep a threshold too: within its scope's quota and at least the threshold.
		advancementThreshold: v.advancementRule === 'manual' ? null : v.advancementThreshold,
		scoreBasis: v.scoreBasis,
		scoresVisible: v.scoresVisible,
		tieBreaks: [v.tieBreak1, v.tieBreak2, v.tieBreak3],
		showPreviousRound: v.showPreviousRound
	};
}

const quotaSchema = z.preprocess(
	(v) => (v === '' || v == null ? null : v),
	plainNumber(
		z.coerce
			.number({ message: 'not_a_number' })
			.int({ message: 'not_a_whole_number' })
			.min(0, { message: 'quota_range' })
			.max(1000, { message: 'quota_range' })
			.nullable()
	)
);

/**
 * The settings form: the round's fields (roundSettingsSchema) and, while the form shows them
 * (`quotasShown`), a quota per jury as quota_<juryId>: a whole number 0..1000, or blank for
 * the round's count. Errors beside each field; what was typed is kept.
 */
export function parseRoundSettingsForm(form: FormData): ParsedForm<RoundSettingsInput> {
	const parsed = parseForm(roundSettingsSchema, form);
	const errors: FieldErrorMap = parsed.ok ? {} : { ...parsed.errors };
	const quotas: { juryId: number; count: number | null }[] = [];
	for (const key of new Set(form.keys())) {
		const m = /^quota_(\d{1,9})$/.exec(key);
		if (!m) continue;
		const one = quotaSchema.safeParse(form.get(key));
		if (one.success) quotas.push({ juryId: Number(m[1]), count: one.data });
		else errors[key] = z.flattenError(one.error).formErrors;
	}
	if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors, values: parsed.ok ? formValuesOf(form) : parsed.values };
	return { ok: true, data: { ...toRoundSettings(parsed.data), ...(form.has('quotasShown') ? { quotas } : {}) } };
}

function formValuesOf(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string' && !v.includes('\0')) values[k] = v;
	return values;
}

export type CriterionForm = CriterionInput;

const criterionSchema = z.object({
	name: text(120).min(1, { message: 'required' }),
	description: text(1000).default(''),
	weight: z.preprocess(
		(v) => (typeof v === 'string' ? v.replace(',', '.') : v),
		plainNumber(z.coerce.number({ message: 'not_a_number' }).positive({ message: 'must_be_positive' }).max(1000))
	),
	scaleMin: plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(0, { message: 'outside_scale' }).max(99)),
	scaleMax: plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(1).max(100, { message: 'outside_scale' })),
	rubric: text(4000).default('')
});

/**
 * The criteria editor posts rows c<i>_name, c<i>_description, c<i>_weight, c<i>_scaleMin,
 * c<i>_scaleMax, c<i>_rubric (one line per level: "1: what a 1 means"), c<i>_remove, and
 * `rollOut` = the index of the roll-out criterion. Empty new rows are ignored.
 */
export function parseCriteriaForm(form: FormData): ParsedForm<CriterionForm[]> {
	const values: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
	if (Object.values(values).some((v) => v.includes('\0'))) return { ok: false, errors: { _form: ['invalid_characters'] }, values: {} };
	const indexes = [
		...new Set(
			Object.keys(values)
				.map((k) => /^c(\d{1,2})_/.exec(k)?.[1])
				.filter((x): x is string => !!x)
		)
	]
		.map(Number)
		.sort((a, b) => a - b);
	const errors: Record<string, string[]> = {};
	const data: CriterionForm[] = [];
	for (const i of indexes) {
		if (values[`c${i}_remove`]) continue;
		const raw = {
			name: values[`c${i}_name`] ?? '',
			description: values[`c${i}_description`] ?? '',
			weight: values[`c${i}_weight`] ?? '',
			scaleMin: values[`c${i}_scaleMin`] ?? '',
			scaleMax: values[`c${i}_scaleMax`] ?? '',
			rubric: values[`c${i}_rubric`] ?? ''
		};
		if (values[`c${i}_new`] && !raw.name.trim()) continue;
		const parsed = criterionSchema.safeParse(raw);
		if (!parsed.success) {
			for (const [field, codes] of Object.entries(z.flattenError(parsed.error).fieldErrors)) errors[`c${i}_${field}`] = codes;
			continue;
		}
		const rubric: { level: number; text: string }[] = [];
		for (const line of parsed.data.rubric.split(/\r?\n/)) {
			const m = /^\s*(\d{1,3})\s*[:=.-]\s*(.+)$/.exec(line);
			if (m) rubric.push({ level: Number(m[1]), text: m[2].trim().slice(0, 500) });
			else if (line.trim()) errors[`c${i}_rubric`] ??= ['rubric_format'];
		}
		const code =
			parsed.data.name
				.toLowerCase()
				.normalize('NFKD')
				.replace(/[^a-z0-9]+/g, '_')
				.replace(/^_|_$/g, '')
				.slice(0, 40) || `c${i}`;
		data.push({
			code: values.rollOut === String(i) ? 'roll_out' : code,
			name: parsed.data.name,
			description: parsed.data.description,
			weight: parsed.data.weight,
			scaleMin: parsed.data.scaleMin,
			scaleMax: parsed.data.scaleMax,
			isRollOut: values.rollOut === String(i),
			rubric
		});
	}
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return { ok: true, data };
}

export const memberSchema = z.object({
	juryId: idField,
	userId: plainNumber(z.coerce.number({ message: 'required' }).int().positive({ message: 'required' }).max(MAX_ID))
});
export const entriesSchema = z.object({
	ideaIds: z.preprocess(
		(v): unknown[] => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(idField).min(1, { message: 'required' }).max(500)
	)
});
