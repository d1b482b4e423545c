import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { commentSchema, mergeSchema, screeningSchema, versionSchema, withdrawSchema } from '$lib/server/ideas/ideas.schema';
import { addComment, getIdeaPage, mergeIdea, screenIdea, startScreening, submitIdea, withdrawIdea } from '$lib/server/ideas/ideas.service';
import { listIdeaAttachments, removeIdeaAttachment } from '$lib/server/attachments/attachments.service';
import { feedbackAvailable } from '$lib/server/scoring/scoring.service';
import { kindsTeamMayAttach } from '$lib/server/attachments/rules';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const ideaId = ideaIdParam(params.ideaId);
	try {
		const page = await getIdeaPage(db(), user, ideaId);
		const [attachments, feedback] = await Promise.all([
			listIdeaAttachments(db(), ideaId),
			feedbackAvailable(db(), user, ideaId, page.isMember)
		]);
		return {
			...page,
			attachments,
			feedback,
			attachKinds: kindsTeamMayAttach({ status: page.idea.status, isMember: page.isMember }),
			uploaded: url.searchParams.get('uploaded'),
			uploadError: url.searchParams.get('uploadError'),
			notice: url.searchParams.get('submitted') ? 'submitted' : url.searchParams.get('saved') ? 'saved' : null
		};
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

/** Each action: who is asking, the form parsed by its schema, one service call, the result mapped. */
async function act<T>(event: RequestEvent, run: (user: NonNullable<App.Locals['user']>, ideaId: number, form: FormData) => Promise<T>) {
	const user = requireUser(event.locals, event.url);
	const ideaId = ideaIdParam(event.params.ideaId);
	const form = await event.request.formData();
	try {
		return await run(user, ideaId, form);
	} catch (e) {
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
		return failFromDomain(e, values);
	}
}

export const actions: Actions = {
	submit: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(versionSchema, form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await submitIdea(db(), user, ideaId, parsed.data.version);
			return { done: 'submitted' };
		}),
	withdraw: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(withdrawSchema, form);
			if (!parsed.ok) return fail(400, { action: 'withdraw', values: parsed.values, errors: parsed.errors });
			await withdrawIdea(db(), user, ideaId, parsed.data.version, parsed.data.message);
			return { done: 'withdrawn' };
		}),
	startScreening: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(versionSchema, form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await startScreening(db(), user, ideaId, parsed.data.version);
			return { done: 'screening' };
		}),
	screen: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(screeningSchema, form);
			if (!parsed.ok) return fail(400, { action: 'screen', values: parsed.values, errors: parsed.errors });
			await screenIdea(db(), user, ideaId, parsed.data);
			return { done: parsed.data.decision };
		}),
	merge: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(mergeSchema, form);
			if (!parsed.ok) return fail(400, { action: 'merge', values: parsed.values, errors: parsed.errors });
			await mergeIdea(db(), user, ideaId, parsed.data);
			return { done: 'merged' };
		}),
	removeAttachment: (event) =>
		act(event, async (user, _ideaId, form) => {
			const parsed = parseForm(z.object({ attachmentId: z.coerce.number().int().positive().max(2_147_483_647) }), form);
			if (!parsed.ok) return fail(400, { errors: parsed.errors });
			await removeIdeaAttachment(db(), user, parsed.data.attachmentId);
			return { done: 'attachmentRemoved' };
		}),
	comment: (event) =>
		act(event, async (user, ideaId, form) => {
			const parsed = parseForm(commentSchema, form);
			if (!parsed.ok) return fail(400, { action: 'comment', values: parsed.values, errors: parsed.errors });
			await addComment(db(), user, ideaId, parsed.data);
			return { done: 'commented' };
		})
};
