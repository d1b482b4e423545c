import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam as idParam } from '$lib/server/ideas/ideas.actions';
import { entrySchema } from '$lib/server/knowledge-base/kb.schema';
import { editEntry, getEntryForEdit } from '$lib/server/knowledge-base/publication.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.manage');
	try {
		return await getEntryForEdit(db(), user, idParam(params.entryId));
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'kb.manage');
		const entryId = idParam(params.entryId);
		const parsed = parseForm(entrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			await editEntry(db(), user, entryId, parsed.data);
		} catch (e) {
			return failFromDomain(e, {});
		}
		redirect(303, `/kb/${entryId}`);
	}
};
