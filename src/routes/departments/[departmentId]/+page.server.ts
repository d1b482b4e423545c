import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import { unsubscribeSchema } from '$lib/server/knowledge-base/kb.schema';
import { getDepartmentPage, subscribe, unsubscribe } from '$lib/server/knowledge-base/kb.service';
import { postersLinkShown } from '$lib/server/posters/posters.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const departmentId = idParam(params.departmentId);
	const page = await orNotFound(getDepartmentPage(db(), user, departmentId));
	return { ...page, makesPosters: postersLinkShown(user, departmentId) };
};

export const actions: Actions = {
	subscribe: (event) =>
		formAction(event, {
			access: 'kb.read',
			schema: noFields,
			run: async (_input, user) => {
				await subscribe(db(), user, { target: 'department', departmentId: idParam(event.params.departmentId) });
				return { done: 'subscribed' };
			}
		}),
	unsubscribe: (event) =>
		formAction(event, {
			access: 'kb.read',
			schema: unsubscribeSchema,
			run: async (input, user) => {
				await unsubscribe(db(), user, input.subscriptionId);
				return { done: 'unsubscribed' };
			}
		})
};
