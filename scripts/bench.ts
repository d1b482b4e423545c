/**
 * The benchmark of what users feel (issue 12): `npm run bench [-- options]`.
 *
 * Builds the app once (`vite build`), then for each engine:
 * 1. creates a database (PostgreSQL: a throwaway `ideacup_bench_<hex>` on DATABASE_URL's
 *    server, default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end; PGlite:
 *    a temporary DATA_DIR), migrates it, seeds the demo organisation, adds the generated
 *    knowledge base (--size entries) and 30 jurors with sheets on one open round;
 * 2. starts the built server (`node build`) with STATEMENT_TIMING=1 (statements per response
 *    in Server-Timing) and BENCH_ROUTES=1 (the reference pages /bench/empty and /bench/one-row);
 * 3. signs in the organiser, the employee and the juror through the demo sign-in form, and
 *    measures over HTTP, 10 connections each, the pages taking turns with the references:
 *    requests/s, CPU ms per request (the server's /proc utime+stime), statements per request;
 *    knowledge-base search one request at a time (p50/p99, and against the time of its own
 *    statements from Server-Timing), at 10 at once, and `/kb` without a query; 30 jurors
 *    saving a score at once through the form action (then checked in the database: nothing
 *    lost, nothing doubled); the server's RSS at start, at its peak and at rest after the load;
 * 4. prints one table per engine and a combined one (measured, reference, ratio, goal, met)
 *    with the load average, and writes the raw figures to test-results/bench-<engine>.json.
 *
 * Options:
 *   --engines postgres,pglite   engines to measure (default both)
 *   --size 20000                knowledge-base entries (PGlite only up to 100,000)
 *   --seconds 120               measuring seconds per engine (set-up and build come on top)
 *   --steps http                http (the above), hr-import (the HR import, PostgreSQL), mail
 *                               (digests for --mail-people people built and handed to a local SMTP
 *                               server, on each of --engines) and/or live (30 jurors scoring a pitch
 *                               session at once by taps while 31 screens follow by server-sent events:
 *                               tap to the chair's screen p50/p99, taps lost or counted twice;
 *                               scripts/bench/live.ts) and/or insight (the programme dashboards of
 *                               issue 15 at company scale: --insight-people people, 5 editions and
 *                               --insight-ideas ideas generated in SQL on top of the demo; every
 *                               dashboard page as the organiser and a department manager with the
 *                               default filters, a department with sub-departments, all editions
 *                               and the newest edition, and the Excel export: 40 requests one after
 *                               another, p50/p95 and statements against /bench/empty; goal p95 <
 *                               300 ms and at most 8 statements; PostgreSQL unless --engines is
 *                               given; scripts/bench/insight.ts, test-results/bench-insight.json)
 *                               and/or wall (the ideas wall of issue 16 on the insight step's company
 *                               with --wall-supports supports, --wall-follows follows and
 *                               --wall-comments comments generated in SQL: /wall as an employee and
 *                               as the organiser with no filter, a department, a stage, an edition,
 *                               sorted by most supported and most followed, and page 10: 40 requests
 *                               one after another, p50/p95 and statements against /bench/empty, and
 *                               each page statement under EXPLAIN ANALYZE; goal p95 < 300 ms and at
 *                               most 5 statements; PostgreSQL unless --engines is given;
 *                               scripts/bench/wall.ts, test-results/bench-wall.json)
 *   --connections 10            connections per page under load
 *   --app <dir>                 measure the app built in <dir> (a private copy) instead of this one
 *   --no-build                  use the existing <dir>/build as it is
 *   --port 5100                 the first port (one per engine)
 *   --hr-people 15000           people in the HR import step
 *   --mail-people 15000         people (one digest each) in the mail step
 *   --insight-people 15000      people generated in the insight step
 *   --insight-ideas 5000        ideas generated in the insight step (over 5 editions)
 *   --wall-supports 40000       supports generated in the wall step (on the insight step's company)
 *   --wall-follows 20000        follows generated in the wall step
 *   --wall-comments 10000       comments generated in the wall step (about 3% hidden)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Engine } from './bench/database.js';
import { runEngine, type EngineResult } from './bench/measure.js';
import { combinedTable, engineTable, mailTable } from './bench/report.js';
import { buildApp, hasBuild } from './bench/server.js';
import { runHrImportStep } from './bench/hr-import.js';
import { runMailStep } from './bench/mail.js';
import { liveTable, runLiveStep } from './bench/live.js';
import { insightTable, runInsightEngine, type InsightResult } from './bench/insight.js';
import { runWallEngine, wallTable, type WallResult } from './bench/wall.js';

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const root = resolve(import.meta.dirname, '..');
const SIZE = Number(option('size', '20000'));
const SECONDS = Number(option('seconds', '120'));
const CONNECTIONS = Number(option('connections', '10'));
const PORT = Number(option('port', '5100'));
const APP_DIR = resolve(option('app', root));
const BUILD = !process.argv.includes('--no-build');
const STEPS = option('steps', 'http').split(',');
const HR_PEOPLE = Number(option('hr-people', '15000'));
const MAIL_PEOPLE = Number(option('mail-people', '15000'));
const INSIGHT_PEOPLE = Number(option('insight-people', '15000'));
const INSIGHT_IDEAS = Number(option('insight-ideas', '5000'));
const WALL_VOICES = {
	supports: Number(option('wall-supports', '40000')),
	follows: Number(option('wall-follows', '20000')),
	comments: Number(option('wall-comments', '10000'))
};
const SERVER_URL = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const requested = option('engines', 'postgres,pglite').split(',');
const unknown = requested.filter((e) => e !== 'postgres' && e !== 'pglite');
if (unknown.length) throw new Error(`unknown engine ${unknown.join(', ')} (postgres, pglite)`);

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// The demo seed stores its instruction media (issue 17): in a folder of this run, never ./data,
// and without asking the app's configuration (which wants AUTH_SECRET beside DATABASE_URL).
process.env.FILES_DIR ??= mkdtempSync(join(tmpdir(), 'ideacup-bench-files-'));

async function benchHttp(): Promise<boolean> {
	const engines = (requested as Engine[]).filter((e) => {
		if (e === 'pglite' && SIZE > 100_000) {
			log(`pglite: skipped, --size ${SIZE} is for PostgreSQL only (PGlite up to 100,000)`);
			return false;
		}
		return true;
	});
	if (!engines.length) return true;
	if (BUILD) buildApp(APP_DIR, log);
	else if (!hasBuild(APP_DIR)) throw new Error(`${APP_DIR}/build is missing; build it or leave out --no-build`);
	const results: EngineResult[] = [];
	const out = join(root, 'test-results');
	mkdirSync(out, { recursive: true });
	for (const [i, engine] of engines.entries()) {
		const r = await runEngine({
			engine,
			appDir: APP_DIR,
			port: PORT + i,
			serverUrl: SERVER_URL,
			size: SIZE,
			seconds: SECONDS,
			connections: CONNECTIONS,
			log
		});
		writeFileSync(join(out, `bench-${engine}.json`), JSON.stringify(r, null, '\t') + '\n');
		results.push(r);
		console.log(`\n${engineTable(r)}\n`);
	}
	if (results.length > 1) console.log(`Both engines\n\n${combinedTable(results)}\n`);
	console.log(`Raw figures: ${results.map((r) => `test-results/bench-${r.engine}.json`).join(', ')}`);
	return true;
}

async function benchMail(): Promise<boolean> {
	const results = await runMailStep(requested as Engine[], SERVER_URL, MAIL_PEOPLE, log);
	const out = join(root, 'test-results');
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'bench-mail.json'), JSON.stringify(results, null, '\t') + '\n');
	console.log(`\nE-mail digests, ${MAIL_PEOPLE} people\n\n${mailTable(results)}\n`);
	console.log('Raw figures: test-results/bench-mail.json');
	return results.every((r) => r.ok);
}

async function benchLive(): Promise<boolean> {
	if (BUILD) buildApp(APP_DIR, log);
	else if (!hasBuild(APP_DIR)) throw new Error(`${APP_DIR}/build is missing; build it or leave out --no-build`);
	const results = await runLiveStep(requested as Engine[], APP_DIR, PORT, SERVER_URL, log);
	const out = join(root, 'test-results');
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'bench-live.json'), JSON.stringify(results, null, '\t') + '\n');
	console.log(`\nLive session: 30 jurors scoring by taps, every screen by server-sent events\n\n${liveTable(results)}\n`);
	console.log('Raw figures: test-results/bench-live.json');
	return results.every((r) => r.ok);
}

/** The insight dashboards at company scale (issue 15): PostgreSQL unless --engines is given. */
async function benchInsight(): Promise<boolean> {
	const engines = (process.argv.includes('--engines') ? requested : ['postgres']) as Engine[];
	if (BUILD) buildApp(APP_DIR, log);
	else if (!hasBuild(APP_DIR)) throw new Error(`${APP_DIR}/build is missing; build it or leave out --no-build`);
	const results: InsightResult[] = [];
	for (const [i, engine] of engines.entries()) {
		const r = await runInsightEngine({
			engine,
			appDir: APP_DIR,
			port: PORT + i,
			serverUrl: SERVER_URL,
			people: INSIGHT_PEOPLE,
			ideas: INSIGHT_IDEAS,
			log
		});
		results.push(r);
		console.log(`\nInsight dashboards\n\n${insightTable(r)}\n`);
	}
	const out = join(root, 'test-results');
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'bench-insight.json'), JSON.stringify(results, null, '\t') + '\n');
	console.log('Raw figures: test-results/bench-insight.json');
	return results.every((r) => r.ok);
}

/** The ideas wall at company scale (issue 16): PostgreSQL unless --engines is given. */
async function benchWall(): Promise<boolean> {
	const engines = (process.argv.includes('--engines') ? requested : ['postgres']) as Engine[];
	if (BUILD) buildApp(APP_DIR, log);
	else if (!hasBuild(APP_DIR)) throw new Error(`${APP_DIR}/build is missing; build it or leave out --no-build`);
	const out = join(root, 'test-results');
	mkdirSync(out, { recursive: true });
	const results: WallResult[] = [];
	for (const [i, engine] of engines.entries()) {
		const r = await runWallEngine({
			engine,
			appDir: APP_DIR,
			port: PORT + i,
			serverUrl: SERVER_URL,
			people: INSIGHT_PEOPLE,
			ideas: INSIGHT_IDEAS,
			voices: WALL_VOICES,
			resultsDir: out,
			log
		});
		results.push(r);
		console.log(`\nThe ideas wall\n\n${wallTable(r)}\n`);
	}
	writeFileSync(join(out, 'bench-wall.json'), JSON.stringify(results, null, '\t') + '\n');
	console.log('Raw figures: test-results/bench-wall.json (plans: test-results/bench-wall-plans.txt)');
	return results.every((r) => r.ok);
}

async function main() {
	if (STEPS.includes('http')) await benchHttp();
	if (STEPS.includes('hr-import')) await runHrImportStep(SERVER_URL, HR_PEOPLE);
	if (STEPS.includes('mail') && !(await benchMail())) process.exitCode = 1;
	if (STEPS.includes('live') && !(await benchLive())) process.exitCode = 1;
	if (STEPS.includes('insight') && !(await benchInsight())) process.exitCode = 1;
	if (STEPS.includes('wall') && !(await benchWall())) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
