import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { attachmentIdSchema, formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import { adoptionSchema, unpublishSchema } from '$lib/server/knowledge-base/kb.schema';
import { getEntryPage, recordAdoption } from '$lib/server/knowledge-base/kb.service';
import { approveEntry, unpublishEntry } from '$lib/server/knowledge-base/publication.service';
import { removeKbAttachment } from '$lib/server/attachments/attachments.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const page = await orNotFound(getEntryPage(db(), user, idParam(params.entryId)));
	return { ...page, uploaded: url.searchParams.get('uploaded'), uploadError: url.searchParams.get('uploadError') };
};

const entryOf = (event: RequestEvent) => idParam(event.params.entryId);

export const actions: Actions = {
	adopt: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'adopt',
			schema: adoptionSchema,
			run: async (input, user) => {
				const saved = await recordAdoption(db(), user, entryOf(event), input);
				return { done: saved.created ? 'adoption_recorded' : 'adoption_updated' };
			}
		}),
	approve: (event) =>
		formAction(event, {
			access: 'kb.read',
			schema: noFields,
			run: async (_input, user) => {
				await approveEntry(db(), user, entryOf(event));
				return { done: 'published' };
			}
		}),
	unpublish: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'unpublish',
			schema: unpublishSchema,
			run: async (input, user) => {
				await unpublishEntry(db(), user, entryOf(event), input.reason);
				return { done: 'unpublished' };
			}
		}),
	removeAttachment: (event) =>
		formAction(event, {
			access: 'kb.read',
			schema: attachmentIdSchema,
			run: async (input, user) => {
				const entryId = entryOf(event);
				await removeKbAttachment(db(), user, entryId, input.attachmentId);
				redirect(303, `/kb/${entryId}#files`);
			}
		})
};
