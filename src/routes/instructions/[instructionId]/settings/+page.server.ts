import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { newInstructionSchema, ownerQuerySchema } from '$lib/server/instructions/instructions.schema';
import { findNewOwnerCandidates, getInstructionSettingsPage, updateInstruction } from '$lib/server/instructions/instructions.service';

/** An instruction's code, title, language and owner, for organisers and its owner (canOnInstruction 'manage'). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const page = await orNotFound(getInstructionSettingsPage(db(), user, idParam(params.instructionId)));
	return { ...page, me: { id: user.id, name: user.name } };
};

const instructionOf = (event: RequestEvent) => idParam(event.params.instructionId);

export const actions: Actions = {
	update: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'update',
			schema: newInstructionSchema,
			run: async (input, user) => {
				const id = instructionOf(event);
				await updateInstruction(db(), user, id, input);
				redirect(303, `/instructions/${id}?saved=details`);
			}
		}),
	/** Find the new owner by name; works without JavaScript, keeps everything typed. */
	findOwner: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'update',
			schema: (form) => {
				const parsed = ownerQuerySchema.safeParse({ q: form.get('ownerQuery') ?? '' });
				return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: { ownerQuery: ['too_short'] }, values: {} };
			},
			run: async (input, user, form) => ({
				action: 'update',
				values: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>,
				candidates: await findNewOwnerCandidates(db(), user, instructionOf(event), input.q)
			})
		})
};
