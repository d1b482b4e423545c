import { z } from 'zod';
import { MAX_ID, plainNumber, textField } from '../http/fields.js';

const text = textField;

/**
 * The scoring sheet as posted: `version` (the sheet version the juror read; 0 for a new
 * sheet), `intent` save or submit, `overallComment`, and per criterion `score_<id>` and
 * `comment_<id>`. The scores stay text here: the service checks them against each scale.
 */
export const sheetFormSchema = z.looseObject({
	version: plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(0).max(MAX_ID)),
	intent: z.enum(['save', 'submit']).default('save'),
	overallComment: text(5000).default('')
});

export type SheetInput = {
	version: number;
	submit: boolean;
	overallComment: string;
	/** criterionId -> the score as typed ('' for none) and the comment. */
	scores: Record<number, { value: string; comment: string }>;
};

export function toSheetInput(data: z.output<typeof sheetFormSchema>): SheetInput {
	const scores: SheetInput['scores'] = {};
	for (const [key, raw] of Object.entries(data)) {
		const match = /^(score|comment)_(\d{1,9})$/.exec(key);
		if (!match || typeof raw !== 'string') continue;
		const id = Number(match[2]);
		scores[id] ??= { value: '', comment: '' };
		if (match[1] === 'score') scores[id].value = raw.trim();
		else scores[id].comment = raw.trim();
	}
	return { version: data.version, submit: data.intent === 'submit', overallComment: data.overallComment, scores };
}

export const conflictFormSchema = z.object({
	reason: z.string().trim().min(3, { message: 'too_short' }).max(1000, { message: 'too_long' })
});
