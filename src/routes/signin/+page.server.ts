import { error, redirect, type Actions } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { listDemoSignIn } from '$lib/server/org/users.service';
import { admitSignIn, startSession } from '$lib/server/org/sessions.service';
import { DEMO_PERSONAS } from '$lib/server/seed/demo';
import { failForm, idField, localPath, readForm, setSessionCookie } from '$lib/server/http';

const SIGN_IN_ERRORS = new Set(['signin_failed', 'disabled', 'too_many']);

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = localPath.parse(url.searchParams.get('redirectTo') ?? url.searchParams.get('callbackUrl') ?? '/');
	if (locals.user) redirect(303, redirectTo);
	const cfg = config();
	const problem = url.searchParams.get('error');
	return {
		redirectTo,
		error: problem ? (SIGN_IN_ERRORS.has(problem) ? problem : 'signin_failed') : null,
		retryAfterMinutes: String(Math.min(Math.max(Number(url.searchParams.get('minutes')) || 10, 1), 1440)),
		sso: cfg.oidc ? { name: cfg.oidc.name } : null,
		demo: cfg.demoSignIn ? await listDemoSignIn(db(), DEMO_PERSONAS) : null
	};
};

const demoForm = z.object({ userId: idField, redirectTo: localPath });

export const actions: Actions = {
	/** Demo sign-in: the chosen person, if they exist and are active; limited like any sign-in. */
	demo: async (event) => {
		if (!config().demoSignIn) error(404, 'Not found');
		const form = await readForm(event.request);
		const parsed = demoForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) return failForm({ _form: ['choose_person'] }, {});
		const admitted = await admitSignIn(db(), { address: event.getClientAddress(), account: parsed.data.userId }, config().signInLimits);
		if (!admitted.ok) {
			event.setHeaders({ 'retry-after': String(admitted.retryAfterSeconds) });
			return failForm({ _form: ['too_many'] }, { retryAfterMinutes: String(Math.ceil(admitted.retryAfterSeconds / 60)) }, undefined, 429);
		}
		const session = await startSession(db(), parsed.data.userId);
		if (!session) return failForm({ _form: ['unknown_person'] }, {});
		setSessionCookie(event.cookies, session.token, session.expiresAt);
		redirect(303, parsed.data.redirectTo);
	}
	// Company sign-in starts at /signin/company (a link: see there why not a form).
};
