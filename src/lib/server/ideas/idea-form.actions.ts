import { redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../runtime/index.js';
import { DomainError, notFound } from '../errors.js';
import { failForm, formAction } from '../http/index.js';
import { formDataToIdeaValues } from '../../forms/idea-values.js';
import { colleagueQuerySchema, ideaFormSchema, missingForSubmission } from './ideas.schema.js';
import { findColleagues, mayEnterOnBehalf, saveIdea, submitIdea } from './idea-form.service.js';

/**
 * The idea form's actions, shared by "new" (ideaId null) and "edit". A failure returns the
 * field errors and every value as typed; nothing is lost.
 */
export function ideaFormActions(ideaIdOf: (event: RequestEvent) => number | null) {
	const save = (event: RequestEvent, andSubmit: boolean) =>
		formAction(event, {
			access: 'idea.create',
			schema: ideaFormSchema,
			values: formDataToIdeaValues,
			run: async (input, user, form) => {
				if (andSubmit) {
					const missing = missingForSubmission(input);
					if (Object.keys(missing).length) return failForm(missing, formDataToIdeaValues(form));
				}
				const saved = await saveIdea(db(), user, ideaIdOf(event), input);
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
		});

	return {
		save: (event: RequestEvent) => save(event, false),
		submit: (event: RequestEvent) => save(event, true),
		/** Without JavaScript: find colleagues by name, keep everything typed. */
		findColleagues: (event: RequestEvent) =>
			formAction(event, {
				access: 'idea.create',
				schema: (form) => {
					const parsed = colleagueQuerySchema.safeParse({ q: form.get('teamQuery') ?? '' });
					return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: { member: ['too_short'] }, values: {} };
				},
				values: formDataToIdeaValues,
				run: async (input, user, form) => ({
					values: formDataToIdeaValues(form),
					candidates: await findColleagues(db(), user, input.q)
				})
			}),
		/** Without JavaScript: find the colleague an idea is entered for, keep everything typed. */
		findBehalf: (event: RequestEvent) =>
			formAction(event, {
				access: 'idea.create',
				schema: (form) => {
					const parsed = colleagueQuerySchema.safeParse({ q: form.get('behalfQuery') ?? '' });
					return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: { onBehalfOf: ['too_short'] }, values: {} };
				},
				values: formDataToIdeaValues,
				run: async (input, user, form) => {
					if (!(await mayEnterOnBehalf(db(), user))) throw notFound();
					const found = await findColleagues(db(), user, input.q);
					return { values: formDataToIdeaValues(form), behalfCandidates: found.filter((p) => p.id !== user.id) };
				}
			})
	};
}
