#!/usr/bin/env node
/**
 * The server Playwright tests against (playwright.config.ts `webServer`).
 *
 * 1. Never builds when `npm test` started it: scripts/test.js builds once before Playwright
 *    and sets E2E_PREBUILT=1, and this script only checks that build/ is there. Started by
 *    `npx playwright test` directly, it builds when build/handler.js is missing or older than
 *    any source it comes from (a developer convenience; on a busy machine build first).
 * 2. Starts `node build/index.js` on 127.0.0.1:$E2E_PORT (default 4173) with a fresh temporary
 *    DATA_DIR and SEED_DEMO=empty. With DATABASE_URL set, it runs on a throwaway database
 *    `ideacup_e2e_<hex>` created on that server (and a random AUTH_SECRET); without it, on
 *    the embedded PGlite in the temporary folder.
 * 3. The server runs in its own process group, and that group is ended (SIGTERM, SIGKILL after
 *    a grace period) on every way out of this script: SIGINT/SIGTERM/SIGHUP, its parent gone
 *    (stdin closed, parent pid changed, IPC disconnected), an uncaught error, a plain exit.
 *    Should this script be killed outright (SIGKILL), the server sees the pipe on its stdin
 *    close and ends its own group.
 * 4. When the server has gone, removes the temporary folder, drops the throwaway database, and
 *    exits with the server's code.
 *
 * E2E_ORG=own starts the portal of a company's own organisation instead of the demo: the
 * database stays empty (SEED_DEMO=never, no demo sign-in), company sign-in comes from the
 * OIDC_* variables Playwright passes (its identity provider, tests/e2e/support/idp.mjs), and
 * the server prints the one-time setup link as on any first start. E2E_SERVER_LOG names a file
 * the server's output is appended to as well (the journey reads the setup link there).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, createWriteStream, existsSync, fstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const PORT = process.env.E2E_PORT || '4173';
const OWN_ORG = process.env.E2E_ORG === 'own';
const SERVER_LOG = process.env.E2E_SERVER_LOG?.trim() || undefined;
const HOST = '127.0.0.1';
/** How long the server gets to stop after SIGTERM before its group gets SIGKILL. */
const GRACE_MS = 10_000;
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

// Playwright reads our stdout/stderr through pipes: once it is gone, writes fail with EPIPE.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const log = (message) => {
	try {
		console.error(`[e2e-server] ${message}`);
	} catch {
		// nobody is listening any more
	}
};

// ---------- build ----------

/** Newest modification time (ms) under a path; generated and test-only files do not count. */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		const child = join(path, entry.name);
		if (entry.isDirectory()) {
			if (entry.name === 'node_modules' || child === join(root, 'src', 'lib', 'paraglide')) continue;
			newest = Math.max(newest, newestMtime(child));
		} else if (!/\.(test|spec)\.[cm]?[jt]s$/.test(entry.name)) {
			newest = Math.max(newest, statSync(child).mtimeMs);
		}
	}
	return newest;
}

const handler = join(root, 'build', 'handler.js');

function ensureBuild() {
	if (process.env.E2E_PREBUILT === '1') {
		if (!existsSync(handler)) {
			log('E2E_PREBUILT=1 but there is no build/handler.js: run `npm run build` first');
			process.exit(1);
		}
		return;
	}
	const inputs = ['src', 'migrations', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
	const built = existsSync(handler) ? statSync(handler).mtimeMs : 0;
	const sources = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
	if (built && built >= sources) {
		log('build/ is up to date');
		return;
	}
	log(built ? 'sources changed since the last build: building' : 'no build yet: building');
	log('(on a slow machine run `npm run build` first: this build counts against the webServer timeout)');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
	if (result.status !== 0 || !existsSync(handler)) {
		log(`vite build failed (exit ${result.status ?? result.signal})`);
		process.exit(1);
	}
}

// ---------- throwaway PostgreSQL database ----------

function withDatabase(url, database) {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

async function adminQuery(url, text) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end().catch(() => {});
	}
}

// ---------- the server's process group ----------

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
/** Resolves when the server process has exited: { code, signal }. */
let serverExited = Promise.resolve({ code: null, signal: null });

/** Whether any process is left in the group (the server is the group's leader: pgid = pid). */
function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function signalGroup(pgid, signal) {
	try {
		process.kill(-pgid, signal);
	} catch {
		// already gone
	}
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function waitGroupGone(pgid, ms) {
	const deadline = Date.now() + ms;
	while (groupAlive(pgid)) {
		if (Date.now() >= deadline) return false;
		await sleep(100);
	}
	return true;
}

/** SIGTERM to the server's group, SIGKILL after GRACE_MS; resolves when the group is gone. */
async function stopServer(reason) {
	const pgid = server?.pid;
	if (!pgid || !groupAlive(pgid)) return;
	log(`${reason}: stopping the server (process group ${pgid})`);
	signalGroup(pgid, 'SIGTERM');
	if (await waitGroupGone(pgid, GRACE_MS)) return;
	log(`the server did not stop within ${GRACE_MS / 1000} s: SIGKILL to process group ${pgid}`);
	signalGroup(pgid, 'SIGKILL');
	await waitGroupGone(pgid, 5_000);
}

// Last resort, whatever way this process exits: nothing of the server's group survives it.
process.on('exit', () => {
	if (server?.pid && groupAlive(server.pid)) signalGroup(server.pid, 'SIGKILL');
});

// ---------- temporary folder and database ----------

const dataDir = mkdtempSync(join(tmpdir(), 'ideacup-e2e-'));
const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
const dbName = serverUrl ? `ideacup_e2e_${randomBytes(6).toString('hex')}` : undefined;
let dbCreated = false;

let cleaned = false;
async function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	rmSync(dataDir, { recursive: true, force: true });
	if (serverUrl && dbName && dbCreated) {
		try {
			await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
		} catch (error) {
			log(`could not drop database ${dbName}: ${error.message}`);
		}
	}
}

// ---------- every way out ----------

let shuttingDown = false;
/** Stops the server, cleans up, exits with `code`; the first caller wins. */
async function shutDown(reason, code) {
	if (shuttingDown) return;
	shuttingDown = true;
	// However the clean-up goes, this process does not outlive it by much.
	setTimeout(() => {
		log('clean-up took too long: exiting');
		process.exit(code);
	}, GRACE_MS + 20_000).unref();
	await stopServer(reason);
	await cleanUp();
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => void shutDown(signal, 128 + SIGNAL_NUMBERS[signal]));
}
process.on('uncaughtException', (error) => {
	log(`unexpected error: ${error?.stack ?? error}`);
	void shutDown('unexpected error', 1);
});
process.on('unhandledRejection', (error) => {
	log(`unexpected error: ${error?.stack ?? error}`);
	void shutDown('unexpected error', 1);
});

// Parent gone. Playwright gives us a pipe on stdin and holds its other end: end of file means
// Playwright has exited. (Only a pipe or socket: a terminal or /dev/null says nothing.)
try {
	const stdin = fstatSync(0);
	if (stdin.isFIFO() || stdin.isSocket()) {
		const parentGone = () => void shutDown('stdin closed (parent gone)', 1);
		process.stdin.on('end', parentGone);
		process.stdin.on('close', parentGone);
		process.stdin.on('error', parentGone);
		process.stdin.resume();
		process.stdin.unref?.();
	}
} catch {
	// no stdin at all
}
const parentPid = process.ppid;
setInterval(() => {
	if (process.ppid !== parentPid) void shutDown(`parent ${parentPid} gone`, 1);
}, 1_000).unref();
if (process.send) process.on('disconnect', () => void shutDown('IPC channel closed (parent gone)', 1));

// ---------- main ----------

ensureBuild();

const env = {
	...process.env,
	PORT,
	HOST,
	ORIGIN: `http://${HOST}:${PORT}`,
	DATA_DIR: dataDir,
	SEED_DEMO: 'empty',
	ALLOW_DEMO_SIGNIN: 'true',
	BODY_SIZE_LIMIT: '210M',
	// Every journey signs in from 127.0.0.1, many times over: the address limit would stop the
	// suite. The per-account limit stays low enough for sign-in.spec.ts to reach it, and high
	// enough for the organiser, who signs in some fifty times in ten minutes of journeys.
	SIGNIN_LIMIT_PER_ADDRESS: '100000',
	SIGNIN_LIMIT_PER_ACCOUNT: '150',
	// adapter-node waits this long for open connections after SIGTERM (default 30 s).
	SHUTDOWN_TIMEOUT: '5',
	// Each response says how many SQL statements it ran: tests/e2e/statement-budget.spec.ts reads it.
	STATEMENT_TIMING: '1',
	NODE_ENV: 'production'
};
delete env.DATABASE_URL;
delete env.E2E_PREBUILT;
delete env.E2E_ORG;
delete env.E2E_SERVER_LOG;
if (OWN_ORG) {
	// A company's first start: nothing seeded, no demo sign-in, company sign-in only.
	env.SEED_DEMO = 'never';
	env.ALLOW_DEMO_SIGNIN = 'false';
	if (!env.OIDC_ISSUER) log('E2E_ORG=own without OIDC_ISSUER: company sign-in is off');
} else {
	for (const key of Object.keys(env)) if (key.startsWith('OIDC_')) delete env[key];
}

if (serverUrl && dbName) {
	try {
		await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
		dbCreated = true;
	} catch (error) {
		log(`cannot create the throwaway database on ${serverUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}: ${error.message}`);
		await shutDown('no database', 1);
	}
	env.DATABASE_URL = withDatabase(serverUrl, dbName);
	env.AUTH_SECRET = randomBytes(33).toString('base64');
	log(`engine postgres, database ${dbName}, data folder ${dataDir}, port ${PORT}`);
} else {
	log(`engine pglite, data folder ${dataDir}, port ${PORT}`);
}

/** The server's output also goes to SERVER_LOG (appended), one start after another. */
let serverLog;
if (SERVER_LOG) {
	mkdirSync(dirname(SERVER_LOG), { recursive: true });
	appendFileSync(
		SERVER_LOG,
		`[e2e-server] ${new Date().toISOString()} server start on port ${PORT}${OWN_ORG ? ' (own organisation)' : ''}\n`
	);
	serverLog = createWriteStream(SERVER_LOG, { flags: 'a' });
	serverLog.on('error', (error) => log(`cannot write ${SERVER_LOG}: ${error.message}`));
}

// A signal during the database set-up: do not start anything.
if (shuttingDown) await new Promise(() => {});

// The server, leader of its own process group. Its stdin is a pipe from this process: when
// this process is gone, however it went, the pipe closes and the server ends its own group.
const serverMain = `
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	try { console.error('[e2e-server] parent gone: the server stops itself'); } catch {}
	try { process.kill(-process.pid, 'SIGTERM'); } catch { process.kill(process.pid, 'SIGTERM'); }
	setTimeout(() => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} process.exit(1); }, ${GRACE_MS}).unref();
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.stdin.unref?.();
await import(${JSON.stringify(pathToFileURL(join(root, 'build', 'index.js')).href)});
`;

server = spawn(process.execPath, ['--input-type=module', '-e', serverMain], {
	cwd: root,
	stdio: ['pipe', serverLog ? 'pipe' : 'inherit', serverLog ? 'pipe' : 'inherit'],
	env,
	detached: true
});
serverExited = new Promise((done) => server.once('exit', (code, signal) => done({ code, signal })));
server.stdin.on('error', () => {});
if (serverLog) {
	for (const [from, to] of [
		[server.stdout, process.stdout],
		[server.stderr, process.stderr]
	]) {
		from.on('data', (chunk) => {
			serverLog.write(chunk);
			try {
				to.write(chunk);
			} catch {
				// Playwright is gone
			}
		});
	}
}
log(`server pid ${server.pid} (its own process group)`);

server.on('error', (error) => {
	log(`cannot start the server: ${error.message}`);
	void shutDown('server did not start', 1);
});

const { code, signal } = await serverExited;
if (!shuttingDown) {
	log(`the server exited (${signal ?? `code ${code}`})`);
	// Anything it left in its group goes with it.
	await stopServer('server exited');
	await shutDown('server exited', code ?? (signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 0) : 1));
}
