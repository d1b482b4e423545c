/** The forms of round results: closing (with an override), reopening, confirming the outcomes. */
import { z } from 'zod';
import { textField } from '../http/fields.js';
import type { ParsedForm } from '../http/parse.js';
import type { Outcome } from '../scoring/results.js';

const text = textField;

export const closeSchema = z.object({
	override: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
	reason: text(2000).default('')
});
export const reopenSchema = z.object({ reason: text(2000).min(1, { message: 'reason_required' }) });

/** The organiser's decision on one idea of a closed round, with the reason the team reads. */
export type Decision = { ideaId: number; outcome: Outcome; reason: string };

/** The confirmation form: outcome_<ideaId> and reason_<ideaId> per idea. */
export function parseDecisions(form: FormData): ParsedForm<{ decisions: Decision[] }> {
	const values: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string' && !v.includes('\0')) values[k] = v;
	const decisions: Decision[] = [];
	for (const [k, v] of Object.entries(values)) {
		const m = /^outcome_(\d{1,9})$/.exec(k);
		if (!m || !['advanced', 'stopped', 'winner', 'runner_up', 'finalist'].includes(v)) continue;
		decisions.push({
			ideaId: Number(m[1]),
			outcome: v as Decision['outcome'],
			reason: (values[`reason_${m[1]}`] ?? '').trim().slice(0, 2000)
		});
	}
	return { ok: true, data: { decisions } };
}
