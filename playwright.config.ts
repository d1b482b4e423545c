import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

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
	outputDir: 'test-results/playwright',
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
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
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	// `npm test` builds first (E2E_PREBUILT=1) and picks a free port (E2E_PORT); run directly,
	// the server builds when the build is stale and listens on 4173. Its first start migrates
	// and seeds the demo: on a busy machine that takes a while. It stops its own process group
	// on SIGTERM within about 15 s (scripts/e2e-server.js).
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 }
	}
});
