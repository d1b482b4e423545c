import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { attachmentIdSchema, formAction, idField, idParam, orNotFound } from '$lib/server/http';
import { entrySchema, implementationSchema } from '$lib/server/knowledge-base/kb.schema';
import { getImplementationPage, saveImplementation } from '$lib/server/knowledge-base/implementation.service';
import { approveEntry, requestPublication } from '$lib/server/knowledge-base/publication.service';
import { removeKbAttachmentOfIdea } from '$lib/server/attachments/attachments.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await orNotFound(getImplementationPage(db(), user, idParam(params.ideaId)));
	return { ...page, uploaded: url.searchParams.get('uploaded'), uploadError: url.searchParams.get('uploadError') };
};

const ideaOf = (event: RequestEvent) => idParam(event.params.ideaId);
const entryIdSchema = z.object({ entryId: idField });

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'save',
			schema: implementationSchema,
			run: async (input, user) => {
				const result = await saveImplementation(db(), user, ideaOf(event), input);
				return { done: result.status === 'implemented' ? 'implemented' : 'saved' };
			}
		}),
	request: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'request',
			schema: entrySchema,
			run: async (input, user) => {
				await requestPublication(db(), user, ideaOf(event), input);
				return { done: 'requested' };
			}
		}),
	approve: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: entryIdSchema,
			run: async (input, user) => {
				await approveEntry(db(), user, input.entryId);
				redirect(303, `/kb/${input.entryId}`);
			}
		}),
	removeAttachment: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: attachmentIdSchema,
			run: async (input, user) => {
				await removeKbAttachmentOfIdea(db(), user, ideaOf(event), input.attachmentId);
				return { done: 'removed' };
			}
		})
};
