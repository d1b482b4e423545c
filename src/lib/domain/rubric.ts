/**
 * How a criterion is read and scored: its rubric (what each level means), its share of the
 * round's weight, and the check of a typed score against its scale. Pure: the jury sheet,
 * the offline sheet, the round page and the feedback all read criteria through here.
 */

export type RubricLevel = { level: number; text: string };

/**
 * The rubric as stored (JSON), as levels in ascending order; anything that is not a
 * `{ level: number, text: string }` is left out. Example: `[{ level: 5, text: 'everywhere' },
 * { level: 1, text: 'only here' }, 'junk']` reads as levels 1 and 5.
 */
export function rubricOf(value: unknown): RubricLevel[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter(
			(l): l is RubricLevel =>
				!!l && typeof l === 'object' && typeof (l as RubricLevel).level === 'number' && typeof (l as RubricLevel).text === 'string'
		)
		.sort((a, b) => a.level - b.level);
}

/**
 * Each criterion with its weight as a number and its share of the total in percent, to one
 * decimal. Example: weights 25, 20 and 5 give 50, 40 and 10; weights 1 and 2 give 33.3 and
 * 66.7. No weight at all gives 0 everywhere.
 */
export function withWeightPercent<C extends { weight: number | string }>(criteria: readonly C[]) {
	const total = criteria.reduce((n, c) => n + Number(c.weight), 0);
	return criteria.map((c) => ({
		...c,
		weight: Number(c.weight),
		weightPercent: total > 0 ? Math.round((1000 * Number(c.weight)) / total) / 10 : 0
	}));
}

export type ScaleCriterion = { id: number; scaleMin: number; scaleMax: number };

/** A score as typed: the value as text ('' for none) and the comment. */
export type TypedScore = { value: string; comment?: string };

export type CheckedScore = { criterionId: number; value: number | null; comment: string };

/** A refusal beside its field: `score_<criterionId>` or `comment_<criterionId>`. */
export type ScoreRefusal = { field: string; code: string };

export const MAX_SCORE_COMMENT = 2000;

/**
 * Every cell checked against its criterion: a whole number on the scale, or empty (a draft).
 * Example, scale 1-5: '4' is 4; '' is empty; '7' is refused `outside_scale`; '3.5' is refused
 * `not_a_whole_number`; a score for a criterion the round does not have is `unknown_criterion`.
 * Every criterion of the round gets a value (null when empty), in the criteria's order. With
 * `complete` (the juror submits), an empty score is refused as `required`.
 */
export function checkScores(
	criteria: readonly ScaleCriterion[],
	scores: Readonly<Record<number, TypedScore>>,
	options: { complete?: boolean } = {}
): { values: CheckedScore[]; refusals: ScoreRefusal[] } {
	const refusals: ScoreRefusal[] = [];
	const known = new Set(criteria.map((c) => c.id));
	for (const id of Object.keys(scores).map(Number)) if (!known.has(id)) refusals.push({ field: `score_${id}`, code: 'unknown_criterion' });
	const values = criteria.map((c) => {
		const typed = scores[c.id] ?? { value: '', comment: '' };
		const comment = typed.comment ?? '';
		if (comment.length > MAX_SCORE_COMMENT) refusals.push({ field: `comment_${c.id}`, code: 'too_long' });
		const text = String(typed.value ?? '').trim();
		if (text === '') return { criterionId: c.id, value: null, comment };
		if (!/^-?\d+$/.test(text)) {
			refusals.push({ field: `score_${c.id}`, code: 'not_a_whole_number' });
			return { criterionId: c.id, value: null, comment };
		}
		const value = Number(text);
		if (value < c.scaleMin || value > c.scaleMax) refusals.push({ field: `score_${c.id}`, code: 'outside_scale' });
		return { criterionId: c.id, value, comment };
	});
	if (options.complete)
		for (const v of values)
			if (v.value === null && !refusals.some((r) => r.field === `score_${v.criterionId}`))
				refusals.push({ field: `score_${v.criterionId}`, code: 'required' });
	return { values, refusals };
}
