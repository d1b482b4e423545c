import { defineConfig, devices } from '@playwright/test';
import { MAIL_SINK } from './tests/e2e/support/mail.mjs';
import { IDP, ORG_APP } from './tests/e2e/support/own-org.mjs';

const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
/**
 * E2E_EXTERNAL_URL: the demo journeys run against a portal already running there (the load
 * balancer of scripts/cluster-test.js); no server starts, the own organisation's journey (which
 * needs its own servers) is left out, and the reports go to test-results/playwright-cluster*.
 */
const EXTERNAL_URL = process.env.E2E_EXTERNAL_URL?.trim().replace(/\/+$/, '') || undefined;
const baseURL = EXTERNAL_URL ?? `http://127.0.0.1:${PORT}`;

/** The journey of a company's own organisation runs against a second portal, its own project. */
const OWN_ORG_SPEC = /own-organisation\.spec\.ts$/;
/** E2E_ONLY=own-organisation: only that journey's servers start (the demo server's seed is the slow part). */
const ONLY_OWN_ORG = process.env.E2E_ONLY === 'own-organisation';

// Debian's Chromium (or CHROMIUM_PATH): Playwright never downloads a browser here.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	// One server with one database for the whole run; 2 cores. One worker keeps the tests
	// from racing each other over shared demo data and from starving the server.
	fullyParallel: false,
	workers: 1,
	retries: CI ? 1 : 0,
	forbidOnly: CI,
	// Sized for a loaded 2-core machine (CI runners share their cores with other work).
	timeout: 90_000,
	expect: { timeout: 15_000 },
	outputDir: EXTERNAL_URL ? 'test-results/playwright-cluster' : 'test-results/playwright',
	reporter: [['list'], ['json', { outputFile: EXTERNAL_URL ? 'test-results/playwright-cluster.json' : 'test-results/playwright.json' }]],
	use: {
		baseURL,
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		actionTimeout: 20_000,
		navigationTimeout: 45_000,
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		...(ONLY_OWN_ORG ? [] : [{ name: 'chromium', testIgnore: OWN_ORG_SPEC, use: { ...devices['Desktop Chrome'] } }]),
		...(EXTERNAL_URL
			? []
			: [{ name: 'own-organisation', testMatch: OWN_ORG_SPEC, use: { ...devices['Desktop Chrome'], baseURL: ORG_APP.origin } }])
	],
	// `npm test` builds first (E2E_PREBUILT=1) and picks free ports (E2E_PORT, E2E_ORG_PORT,
	// E2E_IDP_PORT, E2E_SMTP_PORT, E2E_SMTP_HTTP_PORT); run directly, the demo server builds when
	// the build is stale and listens on 4173, the others on free ports (tests/e2e/support/own-org.mjs
	// and mail.mjs). The demo portal sends its e-mail to the test mail server (SMTP_URL,
	// tests/e2e/support/smtp-sink.mjs), which keeps each message for the journeys to read. The demo
	// server's first start migrates and seeds the demo: on a busy machine that takes a while. The own
	// organisation's server starts empty, prints its setup link to test-results/own-org-server.log
	// and signs in through the identity provider. Each server stops its own process group on
	// SIGTERM within about 15 s (scripts/e2e-server.js).
	webServer: EXTERNAL_URL
		? []
		: [
				...(ONLY_OWN_ORG
					? []
					: [
							// The test mail server (SMTP in, .eml files and a JSON list out), before the portal that sends to it.
							{
								command: 'node tests/e2e/support/smtp-sink.mjs',
								url: `${MAIL_SINK.url}/healthz`,
								reuseExistingServer: false,
								timeout: 30_000,
								stdout: 'pipe' as const,
								stderr: 'pipe' as const,
								gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 }
							},
							{
								command: 'node scripts/e2e-server.js',
								url: `${baseURL}/healthz`,
								env: { SMTP_URL: MAIL_SINK.smtpUrl },
								reuseExistingServer: false,
								timeout: 300_000,
								stdout: 'pipe' as const,
								stderr: 'pipe' as const,
								gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 30_000 }
							}
						]),
				// A real OpenID provider (oidc-provider) on loopback, for the own organisation's company sign-in.
				{
					command: 'node tests/e2e/support/idp.mjs',
					url: `${IDP.issuer}/.well-known/openid-configuration`,
					reuseExistingServer: false,
					timeout: 30_000,
					stdout: 'pipe',
					stderr: 'pipe',
					gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
				},
				// The own organisation's portal: an empty database, the setup link in its log, company sign-in only.
				{
					command: 'node scripts/e2e-server.js',
					url: `${ORG_APP.origin}/healthz`,
					env: {
						E2E_ORG: 'own',
						E2E_PORT: String(ORG_APP.port),
						E2E_SERVER_LOG: ORG_APP.logFile,
						OIDC_ISSUER: IDP.issuer,
						OIDC_CLIENT_ID: IDP.clientId,
						OIDC_CLIENT_SECRET: IDP.clientSecret,
						OIDC_NAME: 'Acme ID'
					},
					reuseExistingServer: false,
					timeout: 300_000,
					stdout: 'pipe',
					stderr: 'pipe',
					gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 }
				}
			]
});
