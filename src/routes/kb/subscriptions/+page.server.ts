import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms/parse';
import { failFromDomain } from '$lib/server/ideas/ideas.actions';
import { subscribeSchema, unsubscribeSchema } from '$lib/server/knowledge-base/kb.schema';
import { getSubscriptions, subscribe, unsubscribe } from '$lib/server/knowledge-base/kb.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'kb.read');
	return getSubscriptions(db(), user);
};

export const actions: Actions = {
	subscribe: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'kb.read');
		const parsed = parseForm(subscribeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			await subscribe(db(), user, parsed.data);
		} catch (e) {
			return failFromDomain(e, parsed.data);
		}
		return { done: 'subscribed' };
	},
	unsubscribe: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'kb.read');
		const parsed = parseForm(unsubscribeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		try {
			await unsubscribe(db(), user, parsed.data.subscriptionId);
		} catch (e) {
			return failFromDomain(e, {});
		}
		return { done: 'unsubscribed' };
	}
};
