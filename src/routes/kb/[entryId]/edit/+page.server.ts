import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { entrySchema } from '$lib/server/knowledge-base/kb.schema';
import { editEntry, getEntryForEdit } from '$lib/server/knowledge-base/publication.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.manage');
	return orNotFound(getEntryForEdit(db(), user, idParam(params.entryId)));
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'kb.manage',
			schema: entrySchema,
			run: async (input, user) => {
				const entryId = idParam(event.params.entryId);
				await editEntry(db(), user, entryId, input);
				redirect(303, `/kb/${entryId}`);
			}
		})
};
