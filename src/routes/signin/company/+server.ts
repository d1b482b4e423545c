import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authRequest, signIn } from '../../../auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { admitSignIn } from '$lib/server/org/sessions.service';
import { localPath } from '$lib/server/http';

/**
 * Company sign-in starts here, with a plain link: Auth.js prepares the request (state, PKCE)
 * and this answers with the redirect to the identity provider. A link rather than a form,
 * because the page's `form-action 'self'` would stop a form whose answer leads to another
 * origin (Chrome applies form-action to the redirects after a submission). Counted against
 * the address's sign-in limit like every attempt.
 */
export const GET: RequestHandler = async (event) => {
	const cfg = config();
	if (!cfg.oidc) error(404, 'Not found');
	const admitted = await admitSignIn(db(), { address: event.getClientAddress() }, cfg.signInLimits);
	if (!admitted.ok) {
		const minutes = Math.ceil(admitted.retryAfterSeconds / 60);
		event.setHeaders({ 'retry-after': String(admitted.retryAfterSeconds) });
		redirect(303, `/signin?error=too_many&minutes=${minutes}`);
	}
	const back = localPath.parse(event.url.searchParams.get('redirectTo') ?? '/');
	event.request = authRequest(event.request, {
		providerId: 'oidc',
		redirectTo: `/signin/complete?redirectTo=${encodeURIComponent(back)}`
	});
	await signIn(event);
	// signIn answers with a redirect; reaching here means Auth.js could not start.
	redirect(303, '/signin?error=signin_failed');
};
