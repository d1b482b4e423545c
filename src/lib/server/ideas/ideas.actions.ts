import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requirePermission } from '../auth/guards.js';
import { DomainError } from '../errors.js';
import { db } from '../runtime.js';
import { parseForm } from '../forms/parse.js';
import { formDataToIdeaValues } from '../../ideas/form-values.js';
import { colleagueQuerySchema, ideaFormSchema, missingForSubmission } from './ideas.schema.js';
import { FieldErrors, findColleagues, saveIdea, submitIdea } from './ideas.service.js';

/**
 * The idea form's actions, shared by "new" (ideaId null) and "edit". A failure returns the
 * field errors and every value as typed; nothing is lost.
 */
export function ideaFormActions(ideaIdOf: (event: RequestEvent) => number | null) {
	async function handle(event: RequestEvent, andSubmit: boolean) {
		const user = requirePermission(event.locals, event.url, 'idea.create');
		const ideaId = ideaIdOf(event);
		const form = await event.request.formData();
		const values = formDataToIdeaValues(form);
		const parsed = parseForm(ideaFormSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		if (andSubmit) {
			const missing = missingForSubmission(parsed.data);
			if (Object.keys(missing).length) return fail(400, { values, errors: missing });
		}
		let saved: { id: number; version: number };
		try {
			saved = await saveIdea(db(), user, ideaId, parsed.data);
		} catch (e) {
			return failFromDomain(e, values);
		}
		if (!andSubmit) redirect(303, `/ideas/${saved.id}?saved=1`);
		try {
			await submitIdea(db(), user, saved.id, saved.version);
		} catch (e) {
			// Saved, but not submitted: the edit page says why, with the draft as saved.
			if (e instanceof DomainError) redirect(303, `/ideas/${saved.id}/edit?problem=${encodeURIComponent(e.code)}`);
			throw e;
		}
		redirect(303, `/ideas/${saved.id}?submitted=1`);
	}

	return {
		save: (event: RequestEvent) => handle(event, false),
		submit: (event: RequestEvent) => handle(event, true),
		/** Without JavaScript: find colleagues by name, keep everything typed. */
		findColleagues: async (event: RequestEvent) => {
			const user = requirePermission(event.locals, event.url, 'idea.create');
			const form = await event.request.formData();
			const values = formDataToIdeaValues(form);
			const parsed = colleagueQuerySchema.safeParse({ q: form.get('teamQuery') ?? '' });
			if (!parsed.success) return fail(400, { values, errors: { member: ['too_short'] } });
			const candidates = await findColleagues(db(), user, parsed.data.q);
			return { values, candidates };
		}
	};
}

export function failFromDomain<V>(e: unknown, values: V) {
	if (e instanceof FieldErrors) return fail(400, { values, errors: e.fields as Record<string, string[] | undefined> });
	if (e instanceof DomainError) {
		if (e.status === 404) error(404, 'Not found');
		return fail(e.status, { values, errors: { _form: [e.code] } as Record<string, string[] | undefined> });
	}
	throw e;
}

/** A route param that must be an idea id; anything else is simply not found. */
export function ideaIdParam(value: string | undefined): number {
	const id = Number(value);
	if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) error(404, 'Not found');
	return id;
}
