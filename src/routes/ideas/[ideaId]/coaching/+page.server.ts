import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { failMentoring, formValues } from '$lib/server/mentoring/mentoring.actions';
import { answerSchema, checkSchema, logSchema, readySchema, requestSchema } from '$lib/server/mentoring/mentoring.schema';
import {
	addCoachingLog,
	answerProposal,
	getCoachingSpace,
	markReady,
	requestMentor,
	setChecklistItem
} from '$lib/server/mentoring/mentoring.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const ideaId = ideaIdParam(params.ideaId);
	try {
		return { space: await getCoachingSpace(db(), user, ideaId), today: new Date().toISOString().slice(0, 10) };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

/** Who is asking, the form parsed, one service call, the refusal mapped beside its form. */
async function act(
	event: RequestEvent,
	action: string,
	run: (user: NonNullable<App.Locals['user']>, ideaId: number, form: FormData) => Promise<unknown>
) {
	const user = requireUser(event.locals, event.url);
	const ideaId = ideaIdParam(event.params.ideaId);
	const form = await event.request.formData();
	try {
		return await run(user, ideaId, form);
	} catch (e) {
		return failMentoring(e, action, formValues(form));
	}
}

export const actions: Actions = {
	check: (event) =>
		act(event, 'check', async (user, ideaId, form) => {
			const parsed = parseForm(checkSchema, form);
			if (!parsed.ok) return fail(400, { action: 'check', values: parsed.values, errors: parsed.errors });
			await setChecklistItem(db(), user, ideaId, parsed.data);
			return { done: parsed.data.done ? 'checked' : 'unchecked' };
		}),
	log: (event) =>
		act(event, 'log', async (user, ideaId, form) => {
			const parsed = parseForm(logSchema, form);
			if (!parsed.ok) return fail(400, { action: 'log', values: parsed.values, errors: parsed.errors });
			await addCoachingLog(db(), user, ideaId, parsed.data);
			return { done: 'logged' };
		}),
	ready: (event) =>
		act(event, 'ready', async (user, ideaId, form) => {
			const parsed = parseForm(readySchema, form);
			if (!parsed.ok) return fail(400, { action: 'ready', values: parsed.values, errors: parsed.errors });
			await markReady(db(), user, ideaId, parsed.data.ready);
			return { done: parsed.data.ready ? 'ready' : 'notReady' };
		}),
	answer: (event) =>
		act(event, 'answer', async (user, ideaId, form) => {
			const parsed = parseForm(answerSchema, form);
			if (!parsed.ok) return fail(400, { action: 'answer', values: parsed.values, errors: parsed.errors });
			await answerProposal(db(), user, ideaId, parsed.data);
			// A mentor who declined no longer sees this space: back to their home.
			if (parsed.data.decision === 'decline') redirect(303, '/mentoring?done=declined');
			return { done: 'accepted' };
		}),
	request: (event) =>
		act(event, 'request', async (user, ideaId, form) => {
			const parsed = parseForm(requestSchema, form);
			if (!parsed.ok) return fail(400, { action: 'request', values: parsed.values, errors: parsed.errors });
			await requestMentor(db(), user, ideaId, parsed.data);
			return { done: 'requested' };
		})
};
