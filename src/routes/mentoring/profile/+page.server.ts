import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms/parse';
import { failMentoring, formValues } from '$lib/server/mentoring/mentoring.actions';
import { profileSchema } from '$lib/server/mentoring/mentoring.schema';
import { getOwnProfile, saveOwnProfile } from '$lib/server/mentoring/mentoring.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mentoring.optIn');
	return { ...(await getOwnProfile(db(), user)), saved: url.searchParams.get('saved') === '1' };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requirePermission(event.locals, event.url, 'mentoring.optIn');
		const form = await event.request.formData();
		const values = { ...formValues(form), languages: form.getAll('languages').map(String) };
		const parsed = parseForm(profileSchema, form);
		if (!parsed.ok) return fail(400, { action: 'save', values, errors: parsed.errors });
		try {
			await saveOwnProfile(db(), user, parsed.data);
		} catch (e) {
			return failMentoring(e, 'save', values);
		}
		redirect(303, '/mentoring/profile?saved=1');
	}
};
