#!/usr/bin/env node
/**
 * A real OpenID provider for the end-to-end tests: oidc-provider (a certified implementation)
 * on 127.0.0.1, with one client (the portal) and the accounts of a JSON file. Its login page
 * is a plain form (username, and password when the account has one) that Playwright fills in;
 * consent is granted at once, as a company's own IdP does for its own apps.
 *
 *   node tests/e2e/support/idp.mjs
 *
 * Environment: IDP_PORT (4175), IDP_ACCOUNTS (tests/e2e/support/idp-accounts.json),
 * IDP_REDIRECT_URIS (comma-separated; default the own-organisation server's callback),
 * IDP_CLIENT_ID / IDP_CLIENT_SECRET (see own-org.mjs). Accounts: [{ sub, username, password?,
 * email, name, department?, manager?, job_level?, employee_number?, education_level?, locale? }];
 * every field but sub, username and password is a claim in the ID token. The file is read at
 * each login, so a test may add accounts while the IdP runs.
 *
 * Stops on SIGTERM/SIGINT, and when the pipe on its stdin closes (Playwright gone).
 */
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fstatSync, readFileSync } from 'node:fs';
import Provider from 'oidc-provider';
import { IDP, ORG_APP } from './own-org.mjs';

const CLAIMS = ['email', 'email_verified', 'name', 'department', 'manager', 'job_level', 'employee_number', 'education_level', 'locale'];

function accounts() {
	return JSON.parse(readFileSync(IDP.accountsFile, 'utf8'));
}

function claimsOf(account) {
	const claims = { sub: account.sub, email_verified: true };
	for (const key of CLAIMS) if (account[key] !== undefined && key !== 'email_verified') claims[key] = account[key];
	return claims;
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' };

const provider = new Provider(IDP.issuer, {
	clients: [
		{
			client_id: IDP.clientId,
			client_secret: IDP.clientSecret,
			redirect_uris: IDP.redirectUris,
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_basic'
		}
	],
	jwks: { keys: [jwk] },
	cookies: { keys: [randomBytes(16).toString('hex')] },
	// The portal reads the claims from the ID token, as with Entra ID and Keycloak's mappers.
	conformIdTokenClaims: false,
	claims: {
		openid: ['sub'],
		email: ['email', 'email_verified'],
		profile: ['name', 'locale', 'department', 'manager', 'job_level', 'employee_number', 'education_level']
	},
	features: { devInteractions: { enabled: false } },
	ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
	interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
	async findAccount(_ctx, sub) {
		const account = accounts().find((a) => a.sub === sub);
		return account ? { accountId: sub, claims: () => claimsOf(account) } : undefined;
	},
	// First-party app: consent is granted without asking.
	async loadExistingGrant(ctx) {
		const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
		if (grantId) return ctx.oidc.provider.Grant.find(grantId);
		const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
		grant.addOIDCScope('openid email profile');
		grant.addOIDCClaims(CLAIMS);
		await grant.save();
		return grant;
	},
	renderError(ctx, out) {
		ctx.type = 'html';
		ctx.body = `<!doctype html><title>IdP error</title><h1>Identity provider error</h1><pre>${escape(JSON.stringify(out, null, 2))}</pre>`;
	}
});

function escape(text) {
	return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function loginPage(uid, problem = '', username = '') {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · E2E identity provider</title></head>
<body>
<main>
<h1>Sign in to your company account</h1>
${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username" value="${escape(username)}" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form>
</main>
</body></html>`;
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(req, res, uid, action) {
	const details = await provider.interactionDetails(req, res);
	if (details.uid !== uid) throw new Error('interaction mismatch');
	if (details.prompt.name !== 'login') {
		// Consent is granted by loadExistingGrant; anything else is finished as it stands.
		return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
	}
	if (req.method === 'GET' && !action) {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
		return res.end(loginPage(uid));
	}
	if (req.method === 'POST' && action === 'login') {
		const form = await readBody(req);
		const username = (form.get('username') ?? '').trim();
		const account = accounts().find((a) => a.username === username);
		if (!account || (account.password && account.password !== form.get('password'))) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
			return res.end(loginPage(uid, 'Unknown username or wrong password.', username));
		}
		return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
	}
	res.writeHead(405).end();
}

const callback = provider.callback();
const server = createServer((req, res) => {
	const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?\/?$/.exec(new URL(req.url, IDP.issuer).pathname);
	if (!match) return callback(req, res);
	interaction(req, res, match[1], match[2]).catch((error) => {
		console.error(`[idp] ${req.method} ${req.url}: ${error.message}`);
		if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
		res.end(`Identity provider: ${error.message}`);
	});
});

provider.on('server_error', (_ctx, error) => console.error(`[idp] server error: ${error.message}`));

server.listen(IDP.port, '127.0.0.1', () => {
	console.log(
		`[idp] OpenID provider ${IDP.issuer} for client ${IDP.clientId} -> ${IDP.redirectUris.join(', ')} (portal ${ORG_APP.origin})`
	);
});

function stop() {
	server.close();
	server.closeAllConnections?.();
	setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
try {
	const stdin = fstatSync(0);
	if (stdin.isFIFO() || stdin.isSocket()) {
		process.stdin.on('end', stop);
		process.stdin.on('close', stop);
		process.stdin.on('error', stop);
		process.stdin.resume();
		process.stdin.unref?.();
	}
} catch {
	// no stdin
}
