import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { processAreaSchema } from '$lib/server/people/process-areas.schema';
import { loadProcessArea, updateProcessArea } from '$lib/server/people/process-areas.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'org.manage');
	return { area: await orNotFound(loadProcessArea(db(), user, idParam(params.processAreaId))) };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'save',
			schema: processAreaSchema,
			run: async (input, user) => {
				await updateProcessArea(db(), user, idParam(event.params.processAreaId), input);
				return { done: 'save' as const };
			}
		})
};
