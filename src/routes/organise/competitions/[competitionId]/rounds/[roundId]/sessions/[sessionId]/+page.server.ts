import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound, type FormParser } from '$lib/server/http';
import type { SessionUser } from '$lib/server/org/users.service';
import {
	addBreakSchema,
	addIdeaSchema,
	moveSchema,
	planVersionSchema,
	sessionSettingsSchema,
	slotSchema
} from '$lib/server/pitch/sessions.schema';
import {
	addBreak,
	addIdea,
	getPlanner,
	moveSlot,
	planForMe,
	publishPlan,
	removeSlot,
	updateSessionSettings
} from '$lib/server/pitch/sessions.service';

/** The planner of one session (organisers; anyone else finds nothing). Three statements. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await orNotFound(getPlanner(db(), user, idParam(params.sessionId)));
	if (page.round.id !== idParam(params.roundId) || page.round.competitionId !== idParam(params.competitionId)) error(404, 'Not found');
	return { ...page, created: url.searchParams.has('created') };
};

type Where = { roundId: number; sessionId: number };

/** Each planner form: signed in (the service checks the organiser), parsed, one service call; a success names its form. */
const plan = <T>(
	event: RequestEvent,
	action: string,
	schema: FormParser<T>,
	run: (user: SessionUser, where: Where, input: T) => Promise<unknown>
) =>
	formAction(event, {
		access: 'signedIn',
		action,
		schema,
		run: async (input, user) => {
			const result = await run(user, { roundId: idParam(event.params.roundId), sessionId: idParam(event.params.sessionId) }, input);
			return { action, done: action, result: (result ?? null) as Record<string, number | boolean> | null };
		}
	});

export const actions: Actions = {
	settings: (event) =>
		plan(event, 'settings', sessionSettingsSchema, (user, where, input) => updateSessionSettings(db(), user, where, input)),
	planForMe: (event) => plan(event, 'planForMe', planVersionSchema, (user, where, input) => planForMe(db(), user, { ...where, ...input })),
	move: (event) => plan(event, 'move', moveSchema, (user, where, input) => moveSlot(db(), user, where, input)),
	addBreak: (event) => plan(event, 'addBreak', addBreakSchema, (user, where, input) => addBreak(db(), user, where, input)),
	remove: (event) => plan(event, 'remove', slotSchema, (user, where, input) => removeSlot(db(), user, where, input)),
	addIdea: (event) => plan(event, 'addIdea', addIdeaSchema, (user, where, input) => addIdea(db(), user, where, input)),
	publish: (event) => plan(event, 'publish', planVersionSchema, (user, where, input) => publishPlan(db(), user, { ...where, ...input }))
};
