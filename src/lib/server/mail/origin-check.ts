/**
 * SvelteKit's own check against cross-site form posts (kit.csrf, on by default), done here
 * instead so that exactly one path can be let through: the unsubscribe link, which a mail
 * program POSTs to from its own origin, or with none, when someone presses "Unsubscribe" in
 * it (RFC 8058 one-click, `List-Unsubscribe=One-Click`). svelte.config.js turns the built-in
 * check off (`csrf.trustedOrigins: ['*']`) and hooks.server.ts runs this one first, for every
 * request, in production as the built-in one does.
 *
 * The rule is SvelteKit 2.70's (runtime/server/respond.js): a POST, PUT, PATCH or DELETE
 * with a form content type whose Origin header is missing or not the app's own is refused
 * with 403. The token in the unsubscribe path is the proof of that request.
 */

/** The only route a form may be posted to from elsewhere (SvelteKit's route id). */
export const ONE_CLICK_ROUTE = '/mail/unsubscribe/[token]';

// As SvelteKit's is_form_content_type: the types an HTML form (or SvelteKit's own binary form) sends.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Whether SvelteKit's check would refuse this request, and its route is not the unsubscribe link. */
export function isForbiddenCrossSiteForm(request: Request, url: URL, routeId: string | null): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return routeId !== ONE_CLICK_ROUTE;
}

/** The refusal, worded as SvelteKit words it. */
export function crossSiteFormRefusal(request: Request): Response {
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	if (request.headers.get('accept') === 'application/json') {
		return new Response(JSON.stringify({ message }), { status: 403, headers: { 'content-type': 'application/json' } });
	}
	return new Response(message, { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
}
