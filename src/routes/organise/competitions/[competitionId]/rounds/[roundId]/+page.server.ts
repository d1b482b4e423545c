import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound, type FormParser } from '$lib/server/http';
import type { SessionUser } from '$lib/server/org/users.service';
import { entriesSchema, memberSchema, parseCriteriaForm, parseRoundSettingsForm } from '$lib/server/competitions/round-setup.schema';
import { closeSchema, parseDecisions, reopenSchema } from '$lib/server/competitions/round-results.schema';
import {
	addJuryMember,
	enterIdeas,
	getRoundAdmin,
	openRound,
	removeJuryMember,
	saveCriteria,
	updateRoundSettings
} from '$lib/server/competitions/round-setup.service';
import { closeRound, confirmAdvancement, publishResults, reopenRound } from '$lib/server/competitions/round-results.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'competition.manage');
	const page = await orNotFound(getRoundAdmin(db(), user, idParam(params.roundId)));
	if (page.round.competitionId !== idParam(params.competitionId)) error(404, 'Not found');
	return { ...page, created: url.searchParams.has('created') };
};

/** Each of the round's forms: the organiser, the form parsed, one service call; a success names its form. */
const manage = <T>(
	event: RequestEvent,
	action: string,
	schema: FormParser<T>,
	run: (user: SessionUser, roundId: number, input: T) => Promise<unknown>
) =>
	formAction(event, {
		access: 'competition.manage',
		action,
		schema,
		run: async (input, user) => {
			await run(user, idParam(event.params.roundId), input);
			return { action, done: action };
		}
	});

export const actions: Actions = {
	settings: (event) =>
		manage(event, 'settings', parseRoundSettingsForm, (user, roundId, input) => updateRoundSettings(db(), user, roundId, input)),
	criteria: (event) => manage(event, 'criteria', parseCriteriaForm, (user, roundId, input) => saveCriteria(db(), user, roundId, input)),
	addMember: (event) =>
		manage(event, 'addMember', memberSchema, (user, roundId, input) => addJuryMember(db(), user, roundId, input.juryId, input.userId)),
	removeMember: (event) =>
		manage(event, 'removeMember', memberSchema, (user, roundId, input) =>
			removeJuryMember(db(), user, roundId, input.juryId, input.userId)
		),
	enter: (event) => manage(event, 'enter', entriesSchema, (user, roundId, input) => enterIdeas(db(), user, roundId, input.ideaIds)),
	open: (event) => manage(event, 'open', noFields, (user, roundId) => openRound(db(), user, roundId)),
	close: (event) => manage(event, 'close', closeSchema, (user, roundId, input) => closeRound(db(), user, roundId, input)),
	reopen: (event) => manage(event, 'reopen', reopenSchema, (user, roundId, input) => reopenRound(db(), user, roundId, input.reason)),
	// Confirming also enters the ideas that advance into the next round: the page says how many, and where.
	confirm: (event) =>
		formAction(event, {
			access: 'competition.manage',
			action: 'confirm',
			schema: parseDecisions,
			run: async (input, user) => {
				const result = await confirmAdvancement(db(), user, idParam(event.params.roundId), input.decisions);
				return { action: 'confirm', done: 'confirm', entered: result.entered, nextRound: result.nextRound?.name ?? null };
			}
		}),
	publish: (event) => manage(event, 'publish', noFields, (user, roundId) => publishResults(db(), user, roundId))
};
