#!/usr/bin/env node
/**
 * `npm test`: type check, unit + integration tests, end-to-end tests; every step runs even
 * when an earlier one failed, and the run ends with one summary line per suite:
 *
 *   check: N passed, M failed
 *   unit: N passed, M failed
 *   e2e: N passed, M failed[, 1 skipped]
 *
 * The engine follows DATABASE_URL: unset, the embedded PGlite; set, that PostgreSQL server
 * (the tests create and drop their own databases on it).
 *
 * End to end: the app is built once (`npm run build`) before Playwright starts, and Playwright's
 * servers run on free ports (E2E_PORT for the demo portal, E2E_ORG_PORT for the own
 * organisation's empty portal, E2E_IDP_PORT for its OpenID provider, E2E_SMTP_PORT and
 * E2E_SMTP_HTTP_PORT for the test mail server, unless already set), so two runs never meet.
 *
 * Nothing this script starts outlives it: each step runs in its own process group, which is
 * ended when the step is over; everything started under this run carries IDEACUP_TEST_RUN in
 * its environment, and whatever still carries it at the end (the e2e server, a browser) is
 * stopped too: SIGTERM, then SIGKILL after a grace period. SIGINT, SIGTERM and SIGHUP stop the
 * running step the same way and end the run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'test-results');

/** How long a step gets to stop after SIGTERM/SIGINT (Playwright stops its server in that time). */
const GRACE_MS = 45_000;
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

const RUN_VAR = 'IDEACUP_TEST_RUN';
const runToken = randomBytes(8).toString('hex');
const baseEnv = { ...process.env, [RUN_VAR]: runToken };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---------- process groups ----------

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

/** Sends `signal` to the group, SIGKILL after `graceMs`; resolves when the group is gone. */
async function endGroup(pgid, signal = 'SIGTERM', graceMs = 10_000) {
	if (!groupAlive(pgid)) return;
	signalGroup(pgid, signal);
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
	if (groupAlive(pgid)) {
		console.error(`[test] process group ${pgid} did not stop within ${graceMs / 1000} s: SIGKILL`);
		signalGroup(pgid, 'SIGKILL');
		const killDeadline = Date.now() + 5_000;
		while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
	}
}

/** Processes (other than this one) whose environment carries this run's token; Linux only. */
function runLeftovers() {
	let entries;
	try {
		entries = readdirSync('/proc');
	} catch {
		return [];
	}
	const marker = `${RUN_VAR}=${runToken}`;
	const found = [];
	for (const entry of entries) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		try {
			if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) {
				const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim();
				found.push({ pid: Number(entry), cmdline });
			}
		} catch {
			// gone meanwhile, or not ours to read
		}
	}
	return found;
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Stops whatever this run started and is still there (SIGTERM, SIGKILL after a grace period). */
async function sweepLeftovers(graceMs = 10_000) {
	const left = runLeftovers();
	if (left.length === 0) return;
	console.error(`[test] ${left.length} process(es) of this run still running: stopping them`);
	for (const { pid, cmdline } of left) {
		console.error(`[test]   ${pid} ${cmdline.slice(0, 160)}`);
		try {
			process.kill(pid, 'SIGTERM');
		} catch {
			// gone
		}
	}
	const deadline = Date.now() + graceMs;
	while (left.some(({ pid }) => alive(pid)) && Date.now() < deadline) await sleep(100);
	for (const { pid } of left) {
		if (!alive(pid)) continue;
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
}

// ---------- steps ----------

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
/** When the first SIGINT/SIGTERM/SIGHUP came (ms), 0 while none did. */
let stoppingSince = 0;

/**
 * Runs a command in its own process group (stdout/stderr inherited, no stdin); returns its exit
 * code. Whatever the command leaves in its group afterwards is ended.
 */
async function run(command, args, env = baseEnv) {
	// Interrupted: no new step; interrupt() ends the process.
	if (stoppingSince) await new Promise(() => {});
	console.log(`\n> ${command} ${args.join(' ')}\n`);
	const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env, detached: true });
	current = child;
	const code = await new Promise((done) => {
		child.once('error', (error) => {
			console.error(`Cannot run ${command}: ${error.message}`);
			done(1);
		});
		child.once('exit', (status, signal) => done(status ?? (signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 0) : 1)));
	});
	if (stoppingSince) await new Promise(() => {});
	current = undefined;
	if (child.pid) await endGroup(child.pid, 'SIGTERM', 5_000);
	return code;
}

// ---------- signals and other ways out ----------

async function interrupt(signal) {
	const now = Date.now();
	// npm forwards the terminal's Ctrl-C that we got too: one signal, not two.
	if (stoppingSince && now - stoppingSince < 2_000) return;
	if (stoppingSince) {
		console.error(`\n[test] ${signal} again: killing everything now`);
		if (current?.pid) signalGroup(current.pid, 'SIGKILL');
		await sweepLeftovers(0);
		process.exit(128 + SIGNAL_NUMBERS[signal]);
	}
	stoppingSince = now;
	console.error(`\n[test] ${signal}: stopping the running step`);
	if (current?.pid) await endGroup(current.pid, signal, GRACE_MS);
	await sweepLeftovers();
	process.exit(128 + SIGNAL_NUMBERS[signal]);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void interrupt(signal));

// Last resort (an exception, a plain exit): the running step does not outlive this process.
process.on('exit', () => {
	if (current?.pid) signalGroup(current.pid, 'SIGKILL');
});

// ---------- helpers ----------

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function isExecutable(file) {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** A TCP port free on 127.0.0.1 right now (the kernel picks it). */
function freePort() {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.unref();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => done(port));
		});
	});
}

// ---------- the run ----------

const summary = [];

// a. svelte-check
{
	const code = await run('npm', ['run', 'check']);
	summary.push(`check: ${code === 0 ? 1 : 0} passed, ${code === 0 ? 0 : 1} failed`);
}

// b. vitest (unit and integration), JSON report in test-results/vitest.json
{
	const report = join(results, 'vitest.json');
	rmSync(report, { force: true });
	const code = await run('npx', ['vitest', 'run']);
	const json = readJson(report);
	let passed = 0;
	let failed = 0;
	if (json) {
		passed = Number(json.numPassedTests) || 0;
		failed = Number(json.numFailedTests) || 0;
	}
	// A file that fails to load, or no report at all, still counts as a failure.
	if (code !== 0 && failed === 0) failed = 1;
	summary.push(`unit: ${passed} passed, ${failed} failed`);
}
await sweepLeftovers();

// c. end-to-end with Playwright on the system Chromium: build once, then test on a free port
{
	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(chromium) || !isExecutable(chromium)) {
		console.log(
			'\nChromium not found: end-to-end tests skipped. Install it with `sudo apt-get install chromium`, ' +
				'or set CHROMIUM_PATH to a Chromium/Chrome binary.\n'
		);
		summary.push('e2e: 0 passed, 0 failed, 1 skipped');
	} else {
		const built = await run('npm', ['run', 'build']);
		if (built !== 0 || !existsSync(join(root, 'build', 'handler.js'))) {
			console.error(`\nThe build failed (npm run build exited ${built}): end-to-end tests not run.\n`);
			summary.push('e2e: 0 passed, 1 failed (the build failed)');
		} else {
			const port = process.env.E2E_PORT || String(await freePort());
			// The own organisation's journey: a second portal (empty database) and its identity provider.
			const orgPort = process.env.E2E_ORG_PORT || String(await freePort());
			const idpPort = process.env.E2E_IDP_PORT || String(await freePort());
			// The test mail server the demo portal sends to (SMTP) and the journeys read (HTTP).
			const smtpPort = process.env.E2E_SMTP_PORT || String(await freePort());
			const smtpHttpPort = process.env.E2E_SMTP_HTTP_PORT || String(await freePort());
			console.log(
				`\nEnd-to-end servers on 127.0.0.1: demo ${port}, own organisation ${orgPort}, identity provider ${idpPort}, mail ${smtpPort} (list ${smtpHttpPort})`
			);
			const report = join(results, 'playwright.json');
			rmSync(report, { force: true });
			const code = await run('npx', ['playwright', 'test'], {
				...baseEnv,
				E2E_PORT: port,
				E2E_ORG_PORT: orgPort,
				E2E_IDP_PORT: idpPort,
				E2E_SMTP_PORT: smtpPort,
				E2E_SMTP_HTTP_PORT: smtpHttpPort,
				E2E_PREBUILT: '1'
			});
			const stats = readJson(report)?.stats;
			let passed = 0;
			let failed = 0;
			if (stats) {
				passed = (Number(stats.expected) || 0) + (Number(stats.flaky) || 0);
				failed = Number(stats.unexpected) || 0;
			}
			// The server did not start, no tests were found, a global error: a failure all the same.
			if (code !== 0 && failed === 0) failed = 1;
			summary.push(`e2e: ${passed} passed, ${failed} failed`);
		}
	}
}
await sweepLeftovers();

console.log(`\n${summary.join('\n')}`);
const anyFailed = summary.some((line) => !/ 0 failed/.test(line));
process.exit(anyFailed ? 1 : 0);
