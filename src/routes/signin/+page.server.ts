import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { authRequest, signIn } from '../../auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { listDemoSignIn } from '$lib/server/org/users.service';
import { DEMO_PERSONAS } from '$lib/server/seed/demo';
import { idField, localPath, readForm } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = localPath.parse(url.searchParams.get('redirectTo') ?? url.searchParams.get('callbackUrl') ?? '/');
	if (locals.user) redirect(303, redirectTo);
	const cfg = config();
	return {
		redirectTo,
		error: url.searchParams.get('error') ? true : false,
		sso: cfg.oidc ? { name: cfg.oidc.name } : null,
		demo: cfg.demoSignIn ? await listDemoSignIn(db(), DEMO_PERSONAS) : null
	};
};

const demoForm = z.object({
	userId: idField,
	redirectTo: localPath
});

export const actions: Actions = {
	demo: async (event) => {
		if (!config().demoSignIn) error(404, 'Not found');
		// Validate before Auth.js sees it: malformed input gets a message, not a 500.
		const parsed = demoForm.safeParse(Object.fromEntries(await readForm(event.request.clone())));
		if (!parsed.success) return fail(400, { message: 'choose_person' });
		event.request = authRequest(event.request, {
			providerId: 'demo',
			userId: String(parsed.data.userId),
			redirectTo: parsed.data.redirectTo
		});
		await signIn(event);
	},
	sso: async (event) => {
		if (!config().oidc) error(404, 'Not found');
		const form = Object.fromEntries(await readForm(event.request.clone()));
		event.request = authRequest(event.request, { providerId: 'oidc', redirectTo: localPath.parse(form.redirectTo ?? '/') });
		await signIn(event);
	}
};
