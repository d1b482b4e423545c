import { SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import { skipCSRFCheck } from '@auth/core';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { resolveSsoUser } from '$lib/server/org/users.service';

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
					const email = (profile?.email ?? user?.email ?? '').toString();
					if (!email) throw new Error('The identity provider sent no e-mail address');
					const claim = profile?.[cfg.oidc!.departmentClaim];
					// A disabled person gets no uid, so no session.
					token.uid = await resolveSsoUser(db(), {
						email,
						name: (profile?.name ?? user?.name ?? email).toString(),
						department: typeof claim === 'string' ? claim : null,
						defaultDepartment: cfg.defaultDepartment
					});
				}
				return token;
			},
			session({ session, token }) {
				if (typeof token.uid === 'number') session.user.id = String(token.uid);
				return session;
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
