/**
 * The ideas wall's query (a GET form: every field falls back to its default rather than
 * failing) and the support form. The stages are groups of statuses as colleagues name them.
 */
import { z } from 'zod';
import { optionalIdField, plainNumber, textField } from '../http/fields.js';
import type { IdeaStatus } from '../../domain/idea-status.js';

export const WALL_PAGE_SIZE = 24;

/** The wall's stages, in the order of an idea's life, each a group of statuses. */
export const WALL_STAGES = {
	screening: ['submitted', 'screening'],
	returned: ['returned'],
	closed: ['declined', 'withdrawn', 'merged'],
	coaching: ['accepted', 'coaching'],
	semi_final: ['semi_final'],
	final: ['finalist'],
	awarded: ['winner', 'runner_up'],
	not_advanced: ['not_advanced'],
	implemented: ['implemented'],
	published: ['published']
} as const satisfies Record<string, readonly IdeaStatus[]>;
export type WallStage = keyof typeof WALL_STAGES;
export const WALL_STAGE_NAMES = Object.keys(WALL_STAGES) as WallStage[];

/** Stages only the idea's own people and organisers ever see (before acceptance, or closed without it). */
export const PRIVATE_STAGES: readonly WallStage[] = ['screening', 'returned', 'closed'];

export const WALL_SORTS = ['newest', 'supported', 'followed'] as const;
export type WallSort = (typeof WALL_SORTS)[number];

const optionalId = plainNumber(z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined));

export const wallQuerySchema = z.object({
	department: optionalId,
	area: optionalId,
	edition: optionalId,
	stage: z
		.enum(WALL_STAGE_NAMES as [WallStage, ...WallStage[]])
		.optional()
		.catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	sort: z.enum(WALL_SORTS).default('newest').catch('newest'),
	page: plainNumber(z.coerce.number().int().min(1).max(100_000).default(1).catch(1))
});
export type WallQuery = z.output<typeof wallQuerySchema>;

/** Support, with the department it would help too (none: just support). */
export const supportSchema = z.object({
	departmentId: z.preprocess((v) => (v === '0' ? undefined : v), optionalIdField),
	returnTo: textField(2000).optional()
});
export type SupportInput = z.output<typeof supportSchema>;

/** Unsupport, follow, unfollow: a button and where to go back to. */
export const voiceButtonSchema = z.object({ returnTo: textField(2000).optional() });
