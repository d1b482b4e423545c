import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.js';
import { SESSION_COOKIE } from '../org/sessions.service.js';

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
