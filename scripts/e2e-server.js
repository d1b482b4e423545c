#!/usr/bin/env node
/**
 * The server Playwright tests against (playwright.config.ts `webServer`).
 *
 * 1. Builds the app when build/handler.js is missing or older than any source it comes from.
 * 2. Starts `node build/index.js` on 127.0.0.1:4173 with a fresh temporary DATA_DIR and
 *    SEED_DEMO=empty. With DATABASE_URL set, it runs on a throwaway database
 *    `ideacup_e2e_<hex>` created on that server (and a random AUTH_SECRET); without it, on
 *    the embedded PGlite in the temporary folder.
 * 3. Forwards SIGINT/SIGTERM/SIGHUP to the server; when the server exits, removes the
 *    temporary folder, drops the throwaway database, and exits with the server's code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const PORT = process.env.E2E_PORT || '4173';
const HOST = '127.0.0.1';

const log = (message) => console.error(`[e2e-server] ${message}`);

// ---------- build when stale ----------

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

function buildIfStale() {
	const handler = join(root, 'build', 'handler.js');
	const inputs = ['src', 'migrations', 'messages', 'package.json', 'svelte.config.js', 'vite.config.ts'];
	const built = existsSync(handler) ? statSync(handler).mtimeMs : 0;
	const sources = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
	if (built && built >= sources) {
		log('build/ is up to date');
		return;
	}
	log(built ? 'sources changed since the last build: building' : 'no build yet: building');
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
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end().catch(() => {});
	}
}

// ---------- main ----------

buildIfStale();

const dataDir = mkdtempSync(join(tmpdir(), 'ideacup-e2e-'));
const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
const dbName = serverUrl ? `ideacup_e2e_${randomBytes(6).toString('hex')}` : undefined;

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
	// suite. The per-account limit stays low enough for sign-in.spec.ts to reach it.
	SIGNIN_LIMIT_PER_ADDRESS: '100000',
	SIGNIN_LIMIT_PER_ACCOUNT: '40',
	NODE_ENV: 'production'
};
delete env.DATABASE_URL;

let cleaned = false;
async function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	rmSync(dataDir, { recursive: true, force: true });
	if (serverUrl && dbName) {
		try {
			await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
		} catch (error) {
			log(`could not drop database ${dbName}: ${error.message}`);
		}
	}
}

if (serverUrl && dbName) {
	try {
		await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
	} catch (error) {
		log(`cannot create the throwaway database on ${serverUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}: ${error.message}`);
		await cleanUp();
		process.exit(1);
	}
	env.DATABASE_URL = withDatabase(serverUrl, dbName);
	env.AUTH_SECRET = randomBytes(33).toString('base64');
	log(`engine postgres, database ${dbName}, data folder ${dataDir}`);
} else {
	log(`engine pglite, data folder ${dataDir}`);
}

const child = spawn(process.execPath, [join(root, 'build', 'index.js')], { cwd: root, stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	});
}

child.on('error', async (error) => {
	log(`cannot start the server: ${error.message}`);
	await cleanUp();
	process.exit(1);
});

child.on('exit', async (code, signal) => {
	await cleanUp();
	const signals = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
	process.exit(code ?? (signal ? 128 + (signals[signal] ?? 0) : 1));
});
