import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound, parseQuery } from '$lib/server/http';
import { departmentSchema, headcountSchema, mtMemberSchema, mtSearchSchema } from '$lib/server/people/departments.schema';
import {
	addMtMember,
	DepartmentInUse,
	loadDepartment,
	removeMtMember,
	restoreDepartment,
	retireDepartment,
	setHeadcount,
	updateDepartment
} from '$lib/server/people/departments.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'org.manage');
	const { mtq } = parseQuery(mtSearchSchema, url.searchParams);
	const page = await orNotFound(loadDepartment(db(), user, idParam(params.departmentId), mtq));
	return { ...page, mtq: mtq ?? '', created: url.searchParams.has('created') };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'save',
			schema: departmentSchema,
			run: async (input, user) => {
				const { changed } = await updateDepartment(db(), user, idParam(event.params.departmentId), input);
				return { done: 'save' as const, changed: changed.length };
			}
		}),
	headcount: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'headcount',
			schema: headcountSchema,
			run: async (cells, user) => {
				const { total } = await setHeadcount(db(), user, idParam(event.params.departmentId), cells);
				return { done: 'headcount' as const, total };
			}
		}),
	addMt: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'mt',
			schema: mtMemberSchema,
			run: async (input, user) => {
				await addMtMember(db(), user, idParam(event.params.departmentId), input.userId);
				return { done: 'mt' as const };
			}
		}),
	removeMt: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'mt',
			schema: mtMemberSchema,
			run: async (input, user) => {
				await removeMtMember(db(), user, idParam(event.params.departmentId), input.userId);
				return { done: 'mt' as const };
			}
		}),
	retire: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'retire',
			schema: noFields,
			run: async (_input, user) => {
				try {
					await retireDepartment(db(), user, idParam(event.params.departmentId));
				} catch (e) {
					if (e instanceof DepartmentInUse) {
						return fail(409, { action: 'retire', values: {}, errors: { _form: [e.code] }, people: e.people, children: e.children });
					}
					throw e;
				}
				return { done: 'retire' as const };
			}
		}),
	restore: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'retire',
			schema: noFields,
			run: async (_input, user) => {
				await restoreDepartment(db(), user, idParam(event.params.departmentId));
				return { done: 'restore' as const };
			}
		})
};
