import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { mailPreferencesSchema } from '$lib/server/mail/preferences.schema';
import { getMailPreferences, saveMailPreferences } from '$lib/server/mail/preferences.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mail.preferences');
	return {
		preferences: await getMailPreferences(db(), user),
		saved: url.searchParams.get('saved') === '1',
		mailConfigured: !!config().mail.smtpUrl
	};
};

export const actions: Actions = {
	default: (event) =>
		formAction(event, {
			access: 'mail.preferences',
			schema: mailPreferencesSchema,
			run: async (input, user) => {
				await saveMailPreferences(db(), user, input);
				redirect(303, '/settings/notifications?saved=1');
			}
		})
};
