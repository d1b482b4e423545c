import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { conflictFormSchema, sheetFormSchema, toSheetInput } from '$lib/server/scoring/jury-sheet.schema';
import { declareConflict, getScoringSheet, saveSheet } from '$lib/server/scoring/jury-sheet.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'jury.score');
	const sheet = await orNotFound(getScoringSheet(db(), user, idParam(params.roundId), idParam(params.ideaId)));
	return { ...sheet, saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
	/**
	 * Save or submit; a stale version or a closed round answers 409 and keeps every typed value.
	 * What the juror reads after it: submitted, still submitted after a change (updated), a
	 * draft with every criterion scored (saved_complete, ready to submit) or a draft to finish.
	 */
	save: (event) =>
		formAction(event, {
			access: 'jury.score',
			action: 'save',
			schema: sheetFormSchema,
			run: async (input, user) => {
				const sheet = toSheetInput(input);
				const result = await saveSheet(db(), user, idParam(event.params.roundId), idParam(event.params.ideaId), sheet);
				const done = result.submitted ? (sheet.submit ? 'submitted' : 'updated') : result.complete ? 'saved_complete' : 'saved';
				return { action: 'save', done, version: result.version };
			}
		}),
	conflict: (event) =>
		formAction(event, {
			access: 'jury.score',
			action: 'conflict',
			schema: conflictFormSchema,
			run: async (input, user) => {
				await declareConflict(db(), user, idParam(event.params.roundId), idParam(event.params.ideaId), input.reason);
				return { action: 'conflict', done: 'declared' };
			}
		})
};
