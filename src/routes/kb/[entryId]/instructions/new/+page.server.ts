import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { newInstructionSchema, ownerQuerySchema } from '$lib/server/instructions/instructions.schema';
import { createInstruction, findOwnerCandidates, getNewInstructionPage } from '$lib/server/instructions/instructions.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const page = await orNotFound(getNewInstructionPage(db(), user, idParam(params.entryId)));
	return { ...page, me: { id: user.id, name: user.name } };
};

const entryOf = (event: RequestEvent) => idParam(event.params.entryId);

export const actions: Actions = {
	create: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'create',
			schema: newInstructionSchema,
			run: async (input, user) => {
				const id = await createInstruction(db(), user, entryOf(event), input);
				redirect(303, `/instructions/${id}/edit`);
			}
		}),
	/** Find the owner by name; works without JavaScript, keeps everything typed. */
	findOwner: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'create',
			schema: (form) => {
				const parsed = ownerQuerySchema.safeParse({ q: form.get('ownerQuery') ?? '' });
				return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: { ownerQuery: ['too_short'] }, values: {} };
			},
			run: async (input, user, form) => ({
				action: 'create',
				values: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>,
				candidates: await findOwnerCandidates(db(), user, entryOf(event), input.q)
			})
		})
};
