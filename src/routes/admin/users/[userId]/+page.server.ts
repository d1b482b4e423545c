import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import { GRANTABLE_ROLES } from '$lib/server/auth/policy';
import { endAllSessions } from '$lib/server/org/sessions.service';
import { changeRole } from '$lib/server/org/users.service';
import { confirmDisableSchema, personSchema } from '$lib/server/people/people-admin.schema';
import { disablePerson, editPerson, enablePerson, loadPersonForAdmin } from '$lib/server/people/people-admin.service';
import { listActiveDepartments } from '$lib/server/people/departments.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'org.manage');
	const id = idParam(params.userId);
	const [person, departments] = await Promise.all([orNotFound(loadPersonForAdmin(db(), user, id)), listActiveDepartments(db(), user)]);
	// A disabled person may still sit in a department retired since: shown, marked, so the form keeps it.
	const options = departments.some((d) => d.id === person.departmentId)
		? departments
		: [
				...departments,
				{ id: person.departmentId, code: '', name: person.departmentName, nameNl: person.departmentNameNl, depth: 0, retired: true }
			];
	return {
		person,
		departments: options,
		selfId: user.id,
		confirmDisable: url.searchParams.has('disable') && !person.disabledAt,
		created: url.searchParams.has('created')
	};
};

const roleSchema = z.object({ role: z.enum(GRANTABLE_ROLES), granted: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'save',
			schema: personSchema,
			run: async (input, user) => {
				const { changed } = await editPerson(db(), user, idParam(event.params.userId), input);
				return { done: 'save' as const, changed: changed.length };
			}
		}),
	role: (event) =>
		formAction(event, {
			access: 'admin.users',
			action: 'role',
			schema: roleSchema,
			run: async (input, user) => {
				await changeRole(db(), user, idParam(event.params.userId), input.role, input.granted);
				return { done: 'role' as const };
			}
		}),
	disable: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'disable',
			schema: confirmDisableSchema,
			run: async (_input, user) => {
				const handover = await disablePerson(db(), user, idParam(event.params.userId));
				return { done: 'disable' as const, handover };
			}
		}),
	enable: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'enable',
			schema: noFields,
			run: async (_input, user) => {
				await enablePerson(db(), user, idParam(event.params.userId));
				return { done: 'enable' as const };
			}
		}),
	endSessions: (event) =>
		formAction(event, {
			access: 'admin.users',
			action: 'endSessions',
			schema: noFields,
			run: async (_input, user) => {
				await endAllSessions(db(), user, idParam(event.params.userId));
				return { done: 'sessions' as const };
			}
		})
};
