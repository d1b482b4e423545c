import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { departmentSchema } from '$lib/server/people/departments.schema';
import { createDepartment, listDepartmentTree } from '$lib/server/people/departments.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'org.manage');
	return listDepartmentTree(db(), user);
};

export const actions: Actions = {
	create: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'create',
			schema: departmentSchema,
			run: async (input, user) => {
				const { id } = await createDepartment(db(), user, input);
				redirect(303, `/admin/departments/${id}?created=1`);
			}
		})
};
