import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { entrySchema, implementationSchema } from '$lib/server/knowledge-base/kb.schema';
import {
	approveEntry,
	getImplementationPage,
	removeKbAttachmentOfIdea,
	requestPublication,
	saveImplementation
} from '$lib/server/knowledge-base/publication.service';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	try {
		const page = await getImplementationPage(db(), user, ideaIdParam(params.ideaId));
		return { ...page, uploaded: url.searchParams.get('uploaded'), uploadError: url.searchParams.get('uploadError') };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

async function act(event: RequestEvent, run: (user: NonNullable<App.Locals['user']>, ideaId: number, form: FormData) => Promise<unknown>) {
	const user = requireUser(event.locals, event.url);
	const ideaId = ideaIdParam(event.params.ideaId);
	const form = await event.request.formData();
	try {
		return await run(user, ideaId, form);
	} catch (e) {
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		return failFromDomain(e, values);
	}
}

const entryIdSchema = z.object({ entryId: z.coerce.number().int().positive().max(2_147_483_647) });
const attachmentIdSchema = z.object({ attachmentId: z.coerce.number().int().positive().max(2_147_483_647) });

export const actions: Actions = {
	save: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(implementationSchema, form);
			if (!parsed.ok) return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
			const result = await saveImplementation(db(), user, ideaId, parsed.data);
			return { done: result.status === 'implemented' ? 'implemented' : 'saved' };
		}),
	request: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(entrySchema, form);
			if (!parsed.ok) return fail(400, { action: 'request', values: parsed.values, errors: parsed.errors });
			await requestPublication(db(), user, ideaId, parsed.data);
			return { done: 'requested' };
		}),
	approve: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(entryIdSchema, form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await approveEntry(db(), user, parsed.data.entryId);
			redirect(303, `/kb/${parsed.data.entryId}`);
		}),
	removeAttachment: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(attachmentIdSchema, form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await removeKbAttachmentOfIdea(db(), user, ideaId, parsed.data.attachmentId);
			return { done: 'removed' };
		})
};
