import { z } from 'zod';
import { asArray, idField, optionalIdField, plainNumber, textField, wordListField } from '../http/fields.js';
import { DECLINE_REASONS } from '../../domain/lifecycle.js';
import { BENEFIT_KINDS, type BenefitKind } from '../../domain/benefits.js';

const id = idField;
const optionalId = optionalIdField;
const text = textField;
const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

/** Tags typed as "lean, 5S, Torque": lower case, unique, at most 8 of 40 characters. */
export const tagsField = wordListField(400).pipe(
	z.array(z.string().max(40, { message: 'tag_too_long' })).max(8, { message: 'too_many_tags' })
);

const estimate = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(',', '.')) : v),
	plainNumber(
		z.coerce.number({ message: 'not_a_number' }).min(0, { message: 'not_negative' }).max(1e12, { message: 'too_large' }).optional()
	)
);

/** The three fields of one benefit kind: benefit_<kind>_description, _estimate and _unit. */
function benefitShape<K extends BenefitKind>(kind: K) {
	return {
		[`benefit_${kind}_description`]: text(2000).default(''),
		[`benefit_${kind}_estimate`]: estimate,
		[`benefit_${kind}_unit`]: text(30).default('')
	} as { [P in `benefit_${K}_description` | `benefit_${K}_unit`]: z.ZodDefault<z.ZodString> } & {
		[P in `benefit_${K}_estimate`]: typeof estimate;
	};
}

/**
 * The idea form: a draft may be saved with only a title; submitting asks for more
 * (see submittableIdea). Benefit fields come as benefit_<kind>_description etc.
 */
export const ideaFormSchema = z
	.object({
		title: text(160).min(3, { message: 'too_short' }),
		problem: text(10_000).default(''),
		proposal: text(10_000).default(''),
		/** where it happens ("Line 3, the press"): optional */
		location: text(200).default(''),
		processAreaId: optionalId,
		departmentId: id,
		competitionId: optionalId,
		tags: tagsField,
		member: z.preprocess(asArray, z.array(id).max(10, { message: 'too_many_members' })),
		/** entering it for a colleague who does not use the portal (new ideas only; the service checks who may) */
		onBehalfOf: optionalId,
		agreed: checkbox,
		clientKey: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
		version: z.preprocess((v) => (v === '' || v == null ? undefined : v), plainNumber(z.coerce.number().int().min(1).optional())),
		...benefitShape('quality'),
		...benefitShape('safety'),
		...benefitShape('time'),
		...benefitShape('money'),
		...benefitShape('other')
	})
	.transform((v) => {
		const raw = v as Record<string, unknown>;
		const benefits = BENEFIT_KINDS.flatMap((kind) => {
			const description = (raw[`benefit_${kind}_description`] as string) ?? '';
			const estimate = raw[`benefit_${kind}_estimate`] as number | undefined;
			const unit = (raw[`benefit_${kind}_unit`] as string) ?? '';
			return description || estimate !== undefined ? [{ kind, description, estimate: estimate ?? null, unit: unit || null }] : [];
		});
		return {
			title: v.title,
			problem: v.problem,
			proposal: v.proposal,
			location: v.location,
			processAreaId: v.processAreaId ?? null,
			departmentId: v.departmentId,
			competitionId: v.competitionId ?? null,
			tags: v.tags,
			memberIds: [...new Set(v.member)],
			onBehalfOf: v.onBehalfOf ?? null,
			agreed: v.agreed,
			clientKey: v.clientKey ?? null,
			version: v.version ?? null,
			benefits
		};
	});
export type IdeaInput = z.output<typeof ideaFormSchema>;

/** What an idea needs before it can be submitted; the fields named get the message. */
export function missingForSubmission(idea: { problem: string; proposal: string; competitionId: number | null }): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	if (idea.problem.trim().length < 20) errors.problem = ['needed_to_submit'];
	if (idea.proposal.trim().length < 20) errors.proposal = ['needed_to_submit'];
	if (!idea.competitionId) errors.competitionId = ['choose_competition'];
	return errors;
}

export const versionSchema = z.object({ version: plainNumber(z.coerce.number().int().min(1)) });

export const screeningSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('accept'), version: plainNumber(z.coerce.number().int().min(1)), message: text(5000).default('') }),
	z.object({
		decision: z.literal('return'),
		version: plainNumber(z.coerce.number().int().min(1)),
		message: text(5000).min(1, { message: 'required' })
	}),
	z.object({
		decision: z.literal('decline'),
		version: plainNumber(z.coerce.number().int().min(1)),
		declineReason: z.enum(DECLINE_REASONS, { message: 'required' }),
		message: text(5000).min(1, { message: 'required' })
	})
]);

export const withdrawSchema = z.object({ version: plainNumber(z.coerce.number().int().min(1)), message: text(2000).default('') });

export const mergeSchema = z.object({
	version: plainNumber(z.coerce.number().int().min(1)),
	targetId: id,
	message: text(2000).min(1, { message: 'required' })
});

export const commentSchema = z.object({
	body: text(10_000).min(1, { message: 'required' }),
	visibility: z.enum(['team', 'organisers']).default('team'),
	clientKey: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional())
});

/** An organiser hides a comment: the reason its author reads (required, at most 1000 characters). */
export const hideCommentSchema = z.object({
	commentId: id,
	reason: text(1000).min(1, { message: 'required' })
});

/** An organiser shows a hidden comment again. */
export const showCommentSchema = z.object({ commentId: id });

export const IDEA_SORTS = ['submitted', 'updated', 'title', 'status'] as const;
export const IDEA_PAGE_SIZE = 25;
export const ideaListQuerySchema = z.object({
	competition: plainNumber(z.coerce.number().int().positive().optional().catch(undefined)),
	department: plainNumber(z.coerce.number().int().positive().optional().catch(undefined)),
	status: z.string().max(20).optional().catch(undefined),
	tag: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	sort: z.enum(IDEA_SORTS).default('submitted').catch('submitted'),
	dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
	page: plainNumber(z.coerce.number().int().min(1).max(100_000).default(1).catch(1))
});
export type IdeaListQuery = z.output<typeof ideaListQuerySchema>;

export const similarQuerySchema = z.object({
	title: z.string().max(400).default(''),
	problem: z.string().max(2000).default(''),
	exclude: plainNumber(z.coerce.number().int().positive().optional().catch(undefined))
});

export const colleagueQuerySchema = z.object({ q: z.string().trim().min(2).max(100) });
