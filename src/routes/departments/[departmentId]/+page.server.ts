import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { failFromDomain, ideaIdParam as idParam } from '$lib/server/ideas/ideas.actions';
import { parseForm } from '$lib/server/forms/parse';
import { unsubscribeSchema } from '$lib/server/knowledge-base/kb.schema';
import { getDepartmentPage, subscribe, unsubscribe } from '$lib/server/knowledge-base/kb.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	try {
		return await getDepartmentPage(db(), user, idParam(params.departmentId));
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};

export const actions: Actions = {
	subscribe: async ({ locals, url, params }) => {
		const user = requirePermission(locals, url, 'kb.read');
		try {
			await subscribe(db(), user, { target: 'department', departmentId: idParam(params.departmentId) });
		} catch (e) {
			return failFromDomain(e, {});
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
