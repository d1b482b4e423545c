/**
 * Where the own-organisation journey's servers listen, shared by playwright.config.ts, the
 * identity provider (idp.mjs) and the spec: a second portal started on an empty database
 * (SEED_DEMO=never) with company sign-in pointing at the identity provider.
 *
 * Ports come from E2E_ORG_PORT and E2E_IDP_PORT; unset, free ones are picked once, in the
 * process that loads the Playwright config first, and kept in its environment, so the
 * workers and the servers it starts read the same ones.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');

function freePort() {
	const probe =
		"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}

process.env.E2E_ORG_PORT ||= freePort();
process.env.E2E_IDP_PORT ||= freePort();

const orgPort = Number(process.env.E2E_ORG_PORT);
const idpPort = Number(process.env.E2E_IDP_PORT);

/** The portal of the own-organisation journey. */
export const ORG_APP = {
	port: orgPort,
	origin: `http://127.0.0.1:${orgPort}`,
	/** The server's output, appended: the setup link is read from here, as an admin reads it from the log. */
	logFile: process.env.E2E_ORG_LOG || resolve(root, 'test-results', 'own-org-server.log')
};

/** The identity provider and the portal's client there. */
export const IDP = {
	port: idpPort,
	issuer: `http://127.0.0.1:${idpPort}`,
	clientId: process.env.IDP_CLIENT_ID || 'ideacup-e2e',
	clientSecret: process.env.IDP_CLIENT_SECRET || 'e2e-client-secret-not-for-production',
	accountsFile: process.env.IDP_ACCOUNTS || resolve(root, 'tests', 'e2e', 'support', 'idp-accounts.json'),
	redirectUris: (process.env.IDP_REDIRECT_URIS || `http://127.0.0.1:${orgPort}/auth/callback/oidc`).split(',')
};
