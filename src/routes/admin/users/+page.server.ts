import { error, fail, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { changeDisabled, changeRole, listDepartments, listPeople } from '$lib/server/org/users.service';
import { disableSchema, PAGE_SIZE, peopleQuerySchema, roleChangeSchema } from '$lib/server/org/users.schema';
import { parseForm, parseQuery } from '$lib/server/forms/parse';
import { DomainError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.users');
	const query = parseQuery(peopleQuerySchema, url.searchParams);
	const [result, departments] = await Promise.all([
		listPeople(db(), user, {
			q: query.q,
			departmentId: query.department,
			role: query.role,
			limit: PAGE_SIZE,
			offset: (query.page - 1) * PAGE_SIZE
		}),
		listDepartments(db())
	]);
	return { ...result, departments, query, pageSize: PAGE_SIZE, selfId: user.id };
};

function mapError(e: unknown) {
	if (e instanceof DomainError) {
		if (e.status === 404) error(404, 'Not found');
		return fail(e.status, { message: e.code });
	}
	throw e;
}

export const actions: Actions = {
	role: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'admin.users');
		const parsed = parseForm(roleChangeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'invalid' });
		try {
			await changeRole(db(), user, parsed.data.userId, parsed.data.role, parsed.data.granted);
		} catch (e) {
			return mapError(e);
		}
		return { done: 'role' as const };
	},
	disable: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'admin.users');
		const parsed = parseForm(disableSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'invalid' });
		try {
			await changeDisabled(db(), user, parsed.data.userId, parsed.data.disabled);
		} catch (e) {
			return mapError(e);
		}
		return { done: 'disable' as const };
	}
};
