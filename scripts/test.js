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
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'test-results');

/** Runs a command with inherited stdio; returns its exit code (an interrupt ends the run). */
function run(command, args) {
	console.log(`\n> ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	if (result.error) {
		console.error(`Cannot run ${command}: ${result.error.message}`);
		return 1;
	}
	if (result.signal === 'SIGINT' || result.signal === 'SIGTERM') process.exit(130);
	return result.status ?? 1;
}

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

const summary = [];

// a. svelte-check
{
	const code = run('npm', ['run', 'check']);
	summary.push(`check: ${code === 0 ? 1 : 0} passed, ${code === 0 ? 0 : 1} failed`);
}

// b. vitest (unit and integration), JSON report in test-results/vitest.json
{
	const report = join(results, 'vitest.json');
	rmSync(report, { force: true });
	const code = run('npx', ['vitest', 'run']);
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

// c. end-to-end with Playwright on the system Chromium
{
	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(chromium) || !isExecutable(chromium)) {
		console.log(
			'\nChromium not found: end-to-end tests skipped. Install it with `sudo apt-get install chromium`, ' +
				'or set CHROMIUM_PATH to a Chromium/Chrome binary.\n'
		);
		summary.push('e2e: 0 passed, 0 failed, 1 skipped');
	} else {
		const report = join(results, 'playwright.json');
		rmSync(report, { force: true });
		const code = run('npx', ['playwright', 'test']);
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

console.log(`\n${summary.join('\n')}`);
const anyFailed = summary.some((line) => !/ 0 failed/.test(line));
process.exit(anyFailed ? 1 : 0);
