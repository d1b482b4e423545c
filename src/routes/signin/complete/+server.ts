import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { startSession } from '$lib/server/org/sessions.service';
import { localPath, setSessionCookie } from '$lib/server/http';

/**
 * Back from the company's identity provider: Auth.js's short-lived token names the person;
 * a session held by the server replaces it, and the token is removed. A disabled person is
 * told so on a page of its own.
 */
export const GET: RequestHandler = async ({ locals, url, cookies }) => {
	const bridge = await locals.auth();
	for (const { name } of cookies.getAll()) if (/authjs\.session-token/.test(name)) cookies.delete(name, { path: '/' });
	if ((bridge as { disabled?: boolean } | null)?.disabled) redirect(303, '/signin/disabled');
	const id = Number(bridge?.user?.id);
	if (!Number.isInteger(id) || id <= 0) redirect(303, '/signin?error=signin_failed');
	const session = await startSession(db(), id);
	// Disabled between the identity provider's answer and now.
	if (!session) redirect(303, '/signin/disabled');
	setSessionCookie(cookies, session.token, session.expiresAt);
	redirect(303, localPath.parse(url.searchParams.get('redirectTo') ?? '/'));
};
