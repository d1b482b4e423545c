import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { z } from 'zod';
import { formAction, idField, parseQuery } from '$lib/server/http';
import { endAllSessions } from '$lib/server/org/sessions.service';
import { changeRole, listDepartments, listPeople } from '$lib/server/org/users.service';
import { PAGE_SIZE, peopleQuerySchema, roleChangeSchema } from '$lib/server/org/users.schema';
import { enablePerson } from '$lib/server/people/people-admin.service';

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

export const actions: Actions = {
	role: (event) =>
		formAction(event, {
			access: 'admin.users',
			action: 'role',
			schema: roleChangeSchema,
			run: async (input, user) => {
				await changeRole(db(), user, input.userId, input.role, input.granted);
				return { done: 'role' as const };
			}
		}),
	// Disabling hands over what the person holds: it is asked and confirmed on their page (/admin/users/[userId]).
	enable: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'enable',
			schema: z.object({ userId: idField }),
			run: async (input, user) => {
				await enablePerson(db(), user, input.userId);
				return { done: 'enable' as const };
			}
		}),
	endSessions: (event) =>
		formAction(event, {
			access: 'admin.users',
			action: 'endSessions',
			schema: z.object({ userId: idField }),
			run: async (input, user) => {
				await endAllSessions(db(), user, input.userId);
				return { done: 'sessions' as const };
			}
		})
};
