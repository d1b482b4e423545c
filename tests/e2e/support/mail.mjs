/**
 * Where the end-to-end tests' mail server (smtp-sink.mjs) listens and keeps its messages,
 * shared by playwright.config.ts, the sink itself and the tests (helpers.ts `waitForMail`).
 *
 * E2E_SMTP_PORT (SMTP) and E2E_SMTP_HTTP_PORT (its message list); unset, free ones are picked
 * once (not against E2E_EXTERNAL_URL), in the process that loads the Playwright config first, and kept in its environment, so
 * the workers and the servers it starts read the same ones (scripts/test.js and
 * scripts/cluster-test.js pick them themselves). E2E_MAIL_DIR: the folder of .eml files.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');

function freePort() {
	const probe =
		"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}

// Against a portal already running (E2E_EXTERNAL_URL) there is a sink only when the runner
// started one and said where (scripts/cluster-test.js): port 0 means none.
const external = !!process.env.E2E_EXTERNAL_URL?.trim();
process.env.E2E_SMTP_PORT ||= external ? '0' : freePort();
process.env.E2E_SMTP_HTTP_PORT ||= external ? '0' : freePort();

const smtpPort = Number(process.env.E2E_SMTP_PORT);
const httpPort = Number(process.env.E2E_SMTP_HTTP_PORT);

/** The test mail server: SMTP for the portal, HTTP for the tests. */
export const MAIL_SINK = {
	/** Whether a sink is there to read (false against an external portal without one). */
	available: httpPort > 0,
	smtpPort,
	httpPort,
	/** What the portal is given as SMTP_URL. */
	smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
	/** GET /healthz, GET /messages, GET /messages/<file>. */
	url: `http://127.0.0.1:${httpPort}`,
	dir: resolve(process.env.E2E_MAIL_DIR?.trim() || resolve(root, 'test-results', 'mail'))
};
