import { z } from 'zod';
import { blankToUndefined, idField, textField } from '../http/fields.js';

/** The longest title a one-minute idea gets from its first words. */
export const QUICK_TITLE_MAX = 80;
/** What the one-minute form takes per answer (the full form allows more; these are a minute's words). */
export const QUICK_TEXT_MAX = 4000;
export const PLACE_MAX = 200;

/**
 * The title of a one-minute idea: the first words of the idea, or of the problem when the
 * idea is left empty (or too short to name anything), whitespace collapsed, at most 80
 * characters, cut on a word boundary with "…" when longer. A single word longer than the
 * limit is cut inside it.
 *
 * Example: "Put a shadow board at line 3 so the torque wrench is always back in its place
 * before the next shift starts" (108 characters) → "Put a shadow board at line 3 so the
 * torque wrench is always back in its place…" (79).
 */
export function quickIdeaTitle(proposal: string, problem: string): string {
	const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
	const idea = squash(proposal);
	const source = idea.length >= 3 ? idea : squash(problem) || idea;
	if (source.length <= QUICK_TITLE_MAX) return source;
	const room = source.slice(0, QUICK_TITLE_MAX); // one character is kept for the ellipsis
	const space = room.lastIndexOf(' ', QUICK_TITLE_MAX - 1);
	const cut = space > 0 ? room.slice(0, space) : room.slice(0, QUICK_TITLE_MAX - 1);
	return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/**
 * The one-minute idea's three answers, the poster's department (a wrong one is ignored:
 * the person's own department is used) and the form's key against a double tap. At least
 * the problem or the idea must say something (three characters or more).
 */
export const quickIdeaSchema = z
	.object({
		problem: textField(QUICK_TEXT_MAX).default(''),
		proposal: textField(QUICK_TEXT_MAX).default(''),
		place: textField(PLACE_MAX).default(''),
		department: z.preprocess(blankToUndefined, idField.optional().catch(undefined)),
		clientKey: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional())
	})
	.superRefine((v, ctx) => {
		if (v.problem.length < 3 && v.proposal.length < 3) {
			ctx.addIssue({ code: 'custom', path: ['problem'], message: 'quick_say_something' });
			ctx.addIssue({ code: 'custom', path: ['proposal'], message: 'quick_say_something' });
		}
	})
	.transform((v) => ({
		problem: v.problem,
		proposal: v.proposal,
		place: v.place,
		departmentId: v.department ?? null,
		clientKey: v.clientKey ?? null,
		title: quickIdeaTitle(v.proposal, v.problem)
	}));
export type QuickIdeaInput = z.output<typeof quickIdeaSchema>;

/** The poster's query (`?department=<id>&place=<text>`): anything unreadable is left out. */
export const quickIdeaQuerySchema = z.object({
	department: z.preprocess(blankToUndefined, idField.optional()).catch(undefined),
	place: z
		.string()
		.transform((s) => s.replace(/\s+/g, ' ').trim().slice(0, PLACE_MAX))
		.default('')
		.catch('')
});

/** Asking a colleague to help: whom, and as what. */
export const askHelpSchema = z.object({
	userId: idField,
	as: z.enum(['team_leader', 'mentor'])
});
export type AskHelpInput = z.output<typeof askHelpSchema>;
