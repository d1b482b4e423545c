import { z } from 'zod';
import { MAX_ID, plainNumber } from '../http/fields.js';

const id = z.number().int().min(1).max(MAX_ID);
/** A device's tap sequence: microseconds since 1970 or a counter, below 2^53. */
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** At most this many taps in one batch (a juror taps six criteria per idea; a long offline spell is still far below). */
export const MAX_TAPS_PER_BATCH = 500;

/** POST /sessions/<id>/taps: the browser's queue, as JSON. */
export const tapBatchSchema = z.object({
	taps: z
		.array(
			z.object({
				clientId: z.uuid({ message: 'not_a_uuid' }),
				seq,
				ideaId: id,
				criterionId: id,
				value: z.number().int().min(-1000).max(1000)
			})
		)
		.max(MAX_TAPS_PER_BATCH)
		.default([]),
	submits: z
		.array(z.object({ clientId: z.uuid({ message: 'not_a_uuid' }), seq, ideaId: id }))
		.max(MAX_TAPS_PER_BATCH)
		.default([])
});

export type TapBatchInput = z.output<typeof tapBatchSchema>;

const formId = plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(1).max(MAX_ID));

/** A chair move as posted: the live version the chair's screen shows. */
export const chairFormSchema = z.object({
	version: plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(0).max(MAX_ID))
});

/** A tap without JavaScript: one value button of the plain form. */
export const tapFormSchema = z.object({
	ideaId: formId,
	criterionId: formId,
	value: plainNumber(z.coerce.number({ message: 'not_a_number' }).int().min(-1000).max(1000))
});

export const submitFormSchema = z.object({ ideaId: formId });
