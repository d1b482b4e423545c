import { SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import Credentials from '@auth/sveltekit/providers/credentials';
import { skipCSRFCheck } from '@auth/core';
import { z } from 'zod';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { loadSessionUser, resolveSsoUser } from '$lib/server/org/users.service';

const demoInput = z.object({ userId: z.coerce.number().int().positive().max(2_147_483_647) });

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
	if (cfg.demoSignIn) {
		providers.push(
			Credentials({
				id: 'demo',
				name: 'Demo',
				credentials: { userId: {} },
				// Demo sign-in trusts the chosen person: it exists only while demo sign-in is on.
				async authorize(input) {
					const parsed = demoInput.safeParse(input);
					if (!parsed.success) return null;
					const user = await loadSessionUser(db(), parsed.data.userId);
					return user ? { id: String(user.id), name: user.name, email: user.email } : null;
				}
			})
		);
	}
	return {
		secret: cfg.authSecret,
		trustHost: true,
		// SvelteKit's own origin check guards every form POST, Auth.js's routes included.
		skipCSRFCheck,
		basePath: '/auth',
		session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
		pages: { signIn: '/signin', error: '/signin' },
		providers,
		callbacks: {
			async jwt({ token, user, account, profile }) {
				if (account?.provider === 'demo' && user?.id) {
					token.uid = Number(user.id);
				} else if (account?.provider === 'oidc') {
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
			async session({ session, token }) {
				if (typeof token.uid === 'number') session.user.id = String(token.uid);
				return session;
			}
		}
	};
}

let built: SvelteKitAuthConfig | undefined;
export const { handle, signIn, signOut } = SvelteKitAuth(async () => (built ??= buildConfig()));

/** Auth.js's actions read the request's form: hand them a clean, already validated one. */
export function authRequest(request: Request, fields: Record<string, string>): Request {
	const headers = new Headers(request.headers);
	headers.set('content-type', 'application/x-www-form-urlencoded');
	headers.delete('content-length');
	return new Request(request.url, { method: 'POST', headers, body: new URLSearchParams(fields) });
}
