import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms/parse';
import { failMentoring, formValues } from '$lib/server/mentoring/mentoring.actions';
import { assignAllSchema } from '$lib/server/mentoring/mentoring.schema';
import { assignAll, previewAssignAll } from '$lib/server/mentoring/mentoring.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mentoring.manage');
	return previewAssignAll(db(), user);
};

export const actions: Actions = {
	save: async (event) => {
		const user = requirePermission(event.locals, event.url, 'mentoring.manage');
		const form = await event.request.formData();
		const parsed = parseForm(assignAllSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let result: Awaited<ReturnType<typeof assignAll>>;
		try {
			result = await assignAll(db(), user, parsed.data.pair);
		} catch (e) {
			return failMentoring(e, 'save', formValues(form));
		}
		redirect(303, `/organise/mentors?assigned=${result.assigned.length}&skipped=${result.skipped.length}`);
	}
};
