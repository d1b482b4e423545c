import { SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import { skipCSRFCheck } from '@auth/core';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { readClaims, resolveSsoUser } from '$lib/server/people/sso.service';

/**
 * Auth.js carries only the company sign-in (OpenID Connect): its redirect, callback and
 * checks. Its short-lived token is a bridge: `/signin/complete` turns it into a session held
 * by the server (`org/sessions.service.ts`) and removes it. The demo sign-in needs none of it.
 */
function buildConfig(): SvelteKitAuthConfig {
	const cfg = config();
	const providers: SvelteKitAuthConfig['providers'] = [];
	if (cfg.oidc) {
		providers.push({
			id: 'oidc',
			name: cfg.oidc.name,
			type: 'oidc',
			issuer: cfg.oidc.issuer,
			clientId: cfg.oidc.clientId,
			clientSecret: cfg.oidc.clientSecret,
			authorization: { params: { scope: 'openid email profile' } }
		});
	}
	return {
		secret: cfg.authSecret,
		trustHost: true,
		useSecureCookies: cfg.secureCookies,
		// SvelteKit's own origin check guards every form POST, Auth.js's routes included.
		skipCSRFCheck,
		basePath: '/auth',
		session: { strategy: 'jwt', maxAge: 5 * 60 },
		pages: { signIn: '/signin', error: '/signin' },
		// One line per refusal (an unknown provider, a forged callback), not a stack trace.
		logger: { error: (e) => console.error(`[sign-in] ${e.name}: ${e.message.split('\n')[0]}`) },
		providers,
		callbacks: {
			async jwt({ token, user, account, profile }) {
				if (account?.provider === 'oidc') {
					const claims = readClaims({ name: user?.name, ...profile, email: profile?.email ?? user?.email }, cfg.oidc!.claims);
					if (!claims) throw new Error('The identity provider sent no e-mail address');
					const result = await resolveSsoUser(db(), claims, { defaultDepartment: cfg.defaultDepartment });
					// A disabled person gets no uid, so no session: /signin/complete shows them why.
					token.uid = result.status === 'active' ? result.userId : null;
					token.disabled = result.status === 'disabled';
				}
				return token;
			},
			session({ session, token }) {
				if (typeof token.uid === 'number') session.user.id = String(token.uid);
				return token.disabled === true ? { ...session, disabled: true } : session;
			}
		}
	};
}

let built: SvelteKitAuthConfig | undefined;
export const { handle, signIn } = SvelteKitAuth(() => Promise.resolve((built ??= buildConfig())));

/** Auth.js's actions read the request's form: hand them a clean, already validated one. */
export function authRequest(request: Request, fields: Record<string, string>): Request {
	const headers = new Headers(request.headers);
	headers.set('content-type', 'application/x-www-form-urlencoded');
	headers.delete('content-length');
	return new Request(request.url, { method: 'POST', headers, body: new URLSearchParams(fields) });
}
