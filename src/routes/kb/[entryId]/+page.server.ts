import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam as idParam } from '$lib/server/ideas/ideas.actions';
import { adoptionSchema, unpublishSchema } from '$lib/server/knowledge-base/kb.schema';
import { getEntryPage, recordAdoption } from '$lib/server/knowledge-base/kb.service';
import { approveEntry, removeKbAttachment, unpublishEntry } from '$lib/server/knowledge-base/publication.service';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const entryId = idParam(params.entryId);
	try {
		const page = await getEntryPage(db(), user, entryId);
		return { ...page, uploaded: url.searchParams.get('uploaded'), uploadError: url.searchParams.get('uploadError') };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

async function act(event: RequestEvent, run: (user: NonNullable<App.Locals['user']>, entryId: number, form: FormData) => Promise<unknown>) {
	const user = requirePermission(event.locals, event.url, 'kb.read');
	const entryId = idParam(event.params.entryId);
	const form = await event.request.formData();
	try {
		return await run(user, entryId, form);
	} catch (e) {
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		return failFromDomain(e, values);
	}
}

export const actions: Actions = {
	adopt: (event) =>
		act(event, async (user, entryId, form) => {
			const parsed = parseForm(adoptionSchema, form);
			if (!parsed.ok) return fail(400, { action: 'adopt', values: parsed.values, errors: parsed.errors });
			const saved = await recordAdoption(db(), user, entryId, parsed.data);
			return { done: saved.created ? 'adoption_recorded' : 'adoption_updated' };
		}),
	approve: (event) =>
		act(event, async (user, entryId) => {
			await approveEntry(db(), user, entryId);
			return { done: 'published' };
		}),
	unpublish: (event) =>
		act(event, async (user, entryId, form) => {
			const parsed = parseForm(unpublishSchema, form);
			if (!parsed.ok) return fail(400, { action: 'unpublish', values: parsed.values, errors: parsed.errors });
			await unpublishEntry(db(), user, entryId, parsed.data.reason);
			return { done: 'unpublished' };
		}),
	removeAttachment: (event) =>
		act(event, async (user, entryId, form) => {
			const parsed = parseForm(z.object({ attachmentId: z.coerce.number().int().positive().max(2_147_483_647) }), form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await removeKbAttachment(db(), user, entryId, parsed.data.attachmentId);
			redirect(303, `/kb/${entryId}#files`);
		})
};
