import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { answerSchema, checkSchema, logSchema, readySchema, requestSchema } from '$lib/server/mentoring/mentoring.schema';
import { addCoachingLog, getCoachingSpace, markReady, setChecklistItem } from '$lib/server/mentoring/coaching.service';
import { answerProposal, requestMentor } from '$lib/server/mentoring/assignment.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const ideaId = idParam(params.ideaId);
	return { space: await orNotFound(getCoachingSpace(db(), user, ideaId)), today: new Date().toISOString().slice(0, 10) };
};

const ideaOf = (event: RequestEvent) => idParam(event.params.ideaId);

export const actions: Actions = {
	check: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'check',
			schema: checkSchema,
			run: async (input, user) => {
				await setChecklistItem(db(), user, ideaOf(event), input);
				return { done: input.done ? 'checked' : 'unchecked' };
			}
		}),
	log: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'log',
			schema: logSchema,
			run: async (input, user) => {
				await addCoachingLog(db(), user, ideaOf(event), input);
				return { done: 'logged' };
			}
		}),
	ready: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'ready',
			schema: readySchema,
			run: async (input, user) => {
				await markReady(db(), user, ideaOf(event), input.ready);
				return { done: input.ready ? 'ready' : 'notReady' };
			}
		}),
	answer: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'answer',
			schema: answerSchema,
			run: async (input, user) => {
				await answerProposal(db(), user, ideaOf(event), input);
				// A mentor who declined no longer sees this space: back to their home.
				if (input.decision === 'decline') redirect(303, '/mentoring?done=declined');
				return { done: 'accepted' };
			}
		}),
	request: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'request',
			schema: requestSchema,
			run: async (input, user) => {
				await requestMentor(db(), user, ideaOf(event), input);
				return { done: 'requested' };
			}
		})
};
