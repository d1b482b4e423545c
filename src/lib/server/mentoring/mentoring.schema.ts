import { z } from 'zod';
import { END_REASONS } from '../../domain/mentorship-end.js';
import { asArray, MAX_ID, plainNumber, textField, wordListField } from '../http/fields.js';

/** The shared checklist of PRODUCT.md "Mentoring", in the order a team works through it. */
export const CHECKLIST_ITEMS = [
	'problem_defined',
	'baseline_measured',
	'solution_tried',
	'roll_out_analysed',
	'presentation_rehearsed'
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const MENTOR_LANGUAGES = ['nl', 'en'] as const;

const id = plainNumber(z.coerce.number({ message: 'required' }).int().positive().max(MAX_ID));
const text = textField;

/** Expertise typed as "Lean, quality; data analysis": lower case, hyphens for spaces, unique, 1 to 12 of 40 characters. */
export const expertiseField = wordListField(600).pipe(
	z
		.array(z.string().max(40, { message: 'tag_too_long' }))
		.min(1, { message: 'required' })
		.max(12, { message: 'too_many_tags' })
);

const capacity = plainNumber(
	z.coerce
		.number({ message: 'not_a_number' })
		.int({ message: 'not_a_number' })
		.min(1, { message: 'capacity_range' })
		.max(20, { message: 'capacity_range' })
);

/** Opting in as a mentor, or changing one's own profile. */
export const profileSchema = z.object({
	expertise: expertiseField,
	languages: z.preprocess(asArray, z.array(z.enum(MENTOR_LANGUAGES)).min(1, { message: 'required' })),
	capacity,
	bio: text(2000).default(''),
	status: z.enum(['active', 'paused']).default('active')
});
export type ProfileInput = z.output<typeof profileSchema>;

/** The organiser adds a person as mentor. */
export const addMentorSchema = z.object({ userId: id, expertise: expertiseField, capacity });

export const mentorStatusSchema = z.object({ userId: id, status: z.enum(['active', 'paused']) });

export const assignSchema = z.object({ ideaId: id, mentorId: id });

/** "Assign all", reviewed: one `pair` per idea the organiser kept, as "ideaId:mentorId". */
export const assignAllSchema = z.object({
	pair: z.preprocess(
		(v) => asArray(v).filter((p) => p !== ''),
		z
			.array(
				z
					.string()
					.regex(/^\d{1,10}:\d{1,10}$/, { message: 'invalid' })
					.transform((v) => {
						const [ideaId, mentorId] = v.split(':').map(Number);
						return { ideaId, mentorId };
					})
			)
			.min(1, { message: 'nothing_chosen' })
			.max(200)
	)
});

export const answerSchema = z
	.object({
		decision: z.enum(['accept', 'decline'], { message: 'required' }),
		reason: text(2000).default('')
	})
	.superRefine((v, ctx) => {
		if (v.decision === 'decline' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
	});

export const requestSchema = z.object({ mentorId: id });

/** The organiser ends an idea's mentorship, with a reason, and may propose a replacement at once. */
export const endMentorSchema = z
	.object({
		ideaId: id,
		reason: z.enum(END_REASONS, { message: 'required' }),
		note: text(500).default(''),
		replacementId: z.preprocess((v) => (v === '' ? undefined : v), id.optional())
	})
	.superRefine((v, ctx) => {
		if (v.reason === 'other' && v.note.length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: 'end_note_required' });
	});
export type EndMentorInput = z.output<typeof endMentorSchema>;

export const checkSchema = z.object({
	item: z.enum(CHECKLIST_ITEMS),
	done: z.enum(['1', '0']).transform((v) => v === '1')
});

const isoDate = z.iso.date({ message: 'invalid_date' });

export const logSchema = z.object({
	sessionOn: isoDate,
	notes: text(5000).min(1, { message: 'required' }),
	nextStep: text(500).default('')
});
export type LogInput = z.output<typeof logSchema>;

export const readySchema = z.object({ ready: z.enum(['1', '0']).transform((v) => v === '1') });

export const preferSchema = z.object({
	competitionId: id,
	prefer: z.enum(['1', '0']).transform((v) => v === '1')
});
