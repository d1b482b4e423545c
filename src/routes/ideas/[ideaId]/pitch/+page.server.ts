import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { removeUnavailabilitySchema, unavailabilitySchema } from '$lib/server/pitch/team-pitch.schema';
import { addUnavailability, getTeamPitch, removeUnavailability } from '$lib/server/pitch/team-pitch.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { pitch: await orNotFound(getTeamPitch(db(), user, idParam(params.ideaId))) };
};

const ideaOf = (event: RequestEvent) => idParam(event.params.ideaId);

export const actions: Actions = {
	add: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'add',
			schema: unavailabilitySchema,
			run: async (input, user) => {
				const result = await addUnavailability(db(), user, ideaOf(event), input);
				return { done: result.created ? 'added' : 'unchanged' };
			}
		}),
	remove: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'remove',
			schema: removeUnavailabilitySchema,
			run: async (input, user) => {
				const result = await removeUnavailability(db(), user, ideaOf(event), input.unavailabilityId);
				return { done: result.removed ? 'removed' : 'unchanged' };
			}
		})
};
