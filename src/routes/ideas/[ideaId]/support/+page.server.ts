import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam } from '$lib/server/http';
import { localPathOr } from '$lib/domain/local-path';
import { supportSchema, voiceButtonSchema } from '$lib/server/ideas/wall.schema';
import { followIdea, getSupportPage, supportIdea, unfollowIdea, unsupportIdea } from '$lib/server/ideas/voice.service';

/** Support with a department, for a browser without JavaScript (and a link from the wall). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const ideaId = idParam(params.ideaId);
	const page = await getSupportPage(db(), user, ideaId);
	return {
		...page,
		viewerDepartmentId: user.departmentId,
		returnTo: localPathOr(url.searchParams.get('returnTo'), `/ideas/${ideaId}`)
	};
};

const ideaOf = (event: RequestEvent) => idParam(event.params.ideaId);
/** Back where the form came from: a local path, else the idea. */
const back = (event: RequestEvent, returnTo: string | undefined): never => redirect(303, localPathOr(returnTo, `/ideas/${ideaOf(event)}`));

export const actions: Actions = {
	support: (event) =>
		formAction(event, {
			access: 'idea.wall',
			action: 'support',
			schema: supportSchema,
			run: async (input, user) => {
				await supportIdea(db(), user, ideaOf(event), { departmentId: input.departmentId ?? null });
				back(event, input.returnTo);
			}
		}),
	unsupport: (event) =>
		formAction(event, {
			access: 'idea.wall',
			action: 'unsupport',
			schema: voiceButtonSchema,
			run: async (input, user) => {
				await unsupportIdea(db(), user, ideaOf(event));
				back(event, input.returnTo);
			}
		}),
	follow: (event) =>
		formAction(event, {
			access: 'idea.wall',
			action: 'follow',
			schema: voiceButtonSchema,
			run: async (input, user) => {
				await followIdea(db(), user, ideaOf(event));
				back(event, input.returnTo);
			}
		}),
	unfollow: (event) =>
		formAction(event, {
			access: 'idea.wall',
			action: 'unfollow',
			schema: voiceButtonSchema,
			run: async (input, user) => {
				await unfollowIdea(db(), user, ideaOf(event));
				back(event, input.returnTo);
			}
		})
};
