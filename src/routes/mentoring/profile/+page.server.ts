import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { formValues } from '$lib/forms/values';
import { profileSchema } from '$lib/server/mentoring/mentoring.schema';
import { getOwnProfile, saveOwnProfile } from '$lib/server/mentoring/mentor-profiles.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mentoring.optIn');
	return { ...(await getOwnProfile(db(), user)), saved: url.searchParams.get('saved') === '1' };
};

export const actions: Actions = {
	save: (event) =>
		formAction(event, {
			access: 'mentoring.optIn',
			action: 'save',
			schema: profileSchema,
			values: (form) => ({ ...formValues(form), languages: form.getAll('languages').map(String) }),
			run: async (input, user) => {
				await saveOwnProfile(db(), user, input);
				redirect(303, '/mentoring/profile?saved=1');
			}
		})
};
