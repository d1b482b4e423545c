import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain, ideaIdParam } from '$lib/server/ideas/ideas.actions';
import {
	closeSchema,
	entriesSchema,
	memberSchema,
	parseCriteriaForm,
	parseDecisions,
	reopenSchema,
	roundSettingsSchema,
	toRoundSettings
} from '$lib/server/competitions/competitions.schema';
import {
	addJuryMember,
	closeRound,
	confirmAdvancement,
	enterIdeas,
	getRoundAdmin,
	openRound,
	publishResults,
	removeJuryMember,
	reopenRound,
	saveCriteria,
	updateRoundSettings
} from '$lib/server/competitions/competitions.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	try {
		const page = await getRoundAdmin(db(), user, ideaIdParam(params.roundId));
		if (page.round.competitionId !== ideaIdParam(params.competitionId)) error(404, 'Not found');
		return { ...page, created: url.searchParams.has('created') };
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

/** Each action: the organiser, the form parsed, one service call; failures keep what was typed and name the form. */
async function act(
	event: RequestEvent,
	action: string,
	run: (user: NonNullable<App.Locals['user']>, roundId: number, form: FormData) => Promise<unknown>
) {
	const user = requirePermission(event.locals, event.url, 'competition.manage');
	const roundId = ideaIdParam(event.params.roundId);
	const form = await event.request.formData();
	const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
	try {
		const result = await run(user, roundId, form);
		if (result && typeof result === 'object' && 'status' in result && 'data' in result) return result;
		return { action, done: action };
	} catch (e) {
		const failed = failFromDomain(e, values);
		return fail(failed.status, { ...failed.data, action });
	}
}

export const actions: Actions = {
	settings: (event) =>
		act(event, 'settings', async (user, roundId, form) => {
			const parsed = parseForm(roundSettingsSchema, form);
			if (!parsed.ok) return fail(400, { action: 'settings', values: parsed.values, errors: parsed.errors });
			await updateRoundSettings(db(), user, roundId, toRoundSettings(parsed.data));
		}),
	criteria: (event) =>
		act(event, 'criteria', async (user, roundId, form) => {
			const parsed = parseCriteriaForm(form);
			if (!parsed.ok) return fail(400, { action: 'criteria', values: parsed.values, errors: parsed.errors });
			await saveCriteria(db(), user, roundId, parsed.data);
		}),
	addMember: (event) =>
		act(event, 'addMember', async (user, roundId, form) => {
			const parsed = parseForm(memberSchema, form);
			if (!parsed.ok) return fail(400, { action: 'addMember', values: parsed.values, errors: parsed.errors });
			await addJuryMember(db(), user, roundId, parsed.data.juryId, parsed.data.userId);
		}),
	removeMember: (event) =>
		act(event, 'removeMember', async (user, roundId, form) => {
			const parsed = parseForm(memberSchema, form);
			if (!parsed.ok) return fail(400, { action: 'removeMember', values: parsed.values, errors: parsed.errors });
			await removeJuryMember(db(), user, roundId, parsed.data.juryId, parsed.data.userId);
		}),
	enter: (event) =>
		act(event, 'enter', async (user, roundId, form) => {
			const parsed = parseForm(entriesSchema, form);
			if (!parsed.ok) return fail(400, { action: 'enter', values: parsed.values, errors: parsed.errors });
			await enterIdeas(db(), user, roundId, parsed.data.ideaIds);
		}),
	open: (event) => act(event, 'open', (user, roundId) => openRound(db(), user, roundId)),
	close: (event) =>
		act(event, 'close', async (user, roundId, form) => {
			const parsed = parseForm(closeSchema, form);
			if (!parsed.ok) return fail(400, { action: 'close', values: parsed.values, errors: parsed.errors });
			await closeRound(db(), user, roundId, parsed.data);
		}),
	reopen: (event) =>
		act(event, 'reopen', async (user, roundId, form) => {
			const parsed = parseForm(reopenSchema, form);
			if (!parsed.ok) return fail(400, { action: 'reopen', values: parsed.values, errors: parsed.errors });
			await reopenRound(db(), user, roundId, parsed.data.reason);
		}),
	confirm: (event) =>
		act(event, 'confirm', async (user, roundId, form) => {
			const { decisions } = parseDecisions(form);
			await confirmAdvancement(db(), user, roundId, decisions);
		}),
	publish: (event) => act(event, 'publish', (user, roundId) => publishResults(db(), user, roundId))
};
