import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { conflictFormSchema, sheetFormSchema, toSheetInput } from '$lib/server/scoring/scoring.schema';
import { declareConflict, getScoringSheet, saveSheet } from '$lib/server/scoring/scoring.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'jury.score');
	try {
		return {
			...(await getScoringSheet(db(), user, ideaIdParam(params.roundId), ideaIdParam(params.ideaId))),
			saved: url.searchParams.get('saved')
		};
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	/** Save or submit; a stale version or a closed round answers 409 and keeps every typed value. */
	save: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'jury.score');
		const roundId = ideaIdParam(params.roundId);
		const ideaId = ideaIdParam(params.ideaId);
		const form = await request.formData();
		const parsed = parseForm(sheetFormSchema, form);
		if (!parsed.ok) return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
		const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		try {
			const result = await saveSheet(db(), user, roundId, ideaId, toSheetInput(parsed.data));
			return { action: 'save', done: result.submitted ? 'submitted' : 'saved', version: result.version };
		} catch (e) {
			return failFromDomain(e, values);
		}
	},
	conflict: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'jury.score');
		const form = await request.formData();
		const parsed = parseForm(conflictFormSchema, form);
		if (!parsed.ok) return fail(400, { action: 'conflict', values: parsed.values, errors: parsed.errors });
		try {
			await declareConflict(db(), user, ideaIdParam(params.roundId), ideaIdParam(params.ideaId), parsed.data.reason);
			return { action: 'conflict', done: 'declared' };
		} catch (e) {
			return failFromDomain(e, { reason: parsed.data.reason });
		}
	}
};
