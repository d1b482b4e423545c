import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { subscribeSchema, unsubscribeSchema } from '$lib/server/knowledge-base/kb.schema';
import { getSubscriptions, subscribe, unsubscribe } from '$lib/server/knowledge-base/kb.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'kb.read');
	return getSubscriptions(db(), user);
};

export const actions: Actions = {
	subscribe: (event) =>
		formAction(event, {
			access: 'kb.read',
			schema: subscribeSchema,
			run: async (input, user) => {
				await subscribe(db(), user, input);
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
