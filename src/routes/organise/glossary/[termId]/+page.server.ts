import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { glossaryDeleteSchema, glossaryTermSchema } from '$lib/server/glossary/glossary.schema';
import { deleteGlossaryTerm, editGlossaryTerm, loadGlossaryTerm } from '$lib/server/glossary/glossary.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'glossary.manage');
	return { term: await orNotFound(loadGlossaryTerm(db(), user, idParam(params.termId))) };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'glossary.manage',
			action: 'save',
			schema: glossaryTermSchema,
			run: async (input, user) => {
				const { changed } = await editGlossaryTerm(db(), user, idParam(event.params.termId), input);
				return { done: changed ? ('saved' as const) : ('unchanged' as const) };
			}
		}),
	delete: (event) =>
		formAction(event, {
			access: 'glossary.manage',
			action: 'delete',
			schema: glossaryDeleteSchema,
			run: async (input, user) => {
				// the form names the pair it confirms; it must be this page's pair
				const termId = idParam(event.params.termId);
				await deleteGlossaryTerm(db(), user, input.termId === termId ? termId : 0);
				redirect(303, '/organise/glossary?deleted=1');
			}
		})
};
