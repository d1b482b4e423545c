import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { assignAllSchema } from '$lib/server/mentoring/mentoring.schema';
import { assignAll } from '$lib/server/mentoring/assignment.service';
import { previewAssignAll } from '$lib/server/mentoring/suggestions.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mentoring.manage');
	return previewAssignAll(db(), user);
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'mentoring.manage',
			action: 'save',
			schema: assignAllSchema,
			run: async (input, user) => {
				const result = await assignAll(db(), user, input.pair);
				redirect(303, `/organise/mentors?assigned=${result.assigned.length}&skipped=${result.skipped.length}`);
			}
		})
};
