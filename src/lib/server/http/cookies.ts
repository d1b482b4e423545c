import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.js';

/** The cookie that carries a session's token; the database keeps only its hash (org/sessions.service.ts). */
export const SESSION_COOKIE = 'ideacup_session';

/** The session token the request carries, if any. */
export const sessionToken = (cookies: Cookies) => cookies.get(SESSION_COOKIE);

/** Cookie flags of the portal: `Secure` exactly when ORIGIN is https, never guessed per request. */
export function cookieOptions(maxAgeSeconds?: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: config().secureCookies,
		...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds })
	};
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, cookieOptions(Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000))));
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, cookieOptions());
}
