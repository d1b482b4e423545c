import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { personSchema } from '$lib/server/people/people-admin.schema';
import { addPerson } from '$lib/server/people/people-admin.service';
import { listActiveDepartments } from '$lib/server/people/departments.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'org.manage');
	return { departments: await listActiveDepartments(db(), user) };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'org.manage',
			schema: personSchema,
			run: async (input, user) => {
				const { id } = await addPerson(db(), user, input);
				redirect(303, `/admin/users/${id}?created=1`);
			}
		})
};
