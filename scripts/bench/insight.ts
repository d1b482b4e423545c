/**
 * The insight step of `npm run bench` (`--steps insight`, issue 15): the programme dashboards
 * at company scale. For each engine (PostgreSQL unless --engines names others):
 * 1. a database (PostgreSQL: `insight_bench_<hex>` on DATABASE_URL's server, dropped at the
 *    end; PGlite: a temporary DATA_DIR), migrated, the demo organisation seeded (its personas
 *    sign in), then the generated company of scripts/bench/insight-data.ts: 15,000 people
 *    (--insight-people), 5 editions, 5,000 ideas (--insight-ideas) with their timeline,
 *    mentoring, judging, implementations, knowledge base, adoptions and measured results;
 *    the generation's seconds and row counts are printed;
 * 2. the built server (`node build`, STATEMENT_TIMING=1, BENCH_ROUTES=1);
 * 3. the organiser (Ruud) and a department manager (Marieke Visser, Build Operations MT) sign
 *    in through the demo form; every dashboard page (`/insight`, participation, flow,
 *    mentoring, juries (organiser only), results) with the default filters, with
 *    `?department=<Build Operations>` (a department with sub-departments), with `?edition=all`
 *    and with `?edition=<the newest generated edition>`, plus the Excel export of the
 *    participation dashboard: 3 requests to warm up, then 40 one after another: p50/p95 ms and
 *    statements per request (Server-Timing), next to `/bench/empty` signed in, measured in
 *    the same way in the same run. Goal: p95 < 300 ms and at most 8 statements per page.
 * Raw figures: test-results/bench-insight.json.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { URL } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../src/lib/server/db/index.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { DEMO_PERSONAS, seedDemo } from '../../src/lib/server/seed/demo.js';
import { createDatabase, loadMigrations, type BenchDatabase, type Engine } from './database.js';
import { generateInsightCompany, type InsightData } from './insight-data.js';
import { mode, pct, request, serverTiming } from './load.js';
import { startServer, type RunningServer } from './server.js';

export const INSIGHT_GOAL = { p95Ms: 300, statements: 8 };
const WARM_UP = 3;
const REQUESTS = 40;

export type InsightMeasured = {
	who: 'organiser' | 'manager';
	path: string;
	status: number;
	requests: number;
	errors: number;
	firstError?: string;
	p50: number;
	p95: number;
	max: number;
	statements: number;
	statementsMax: number;
	/** milliseconds of the statements (Server-Timing), p50 */
	dbMsP50: number;
	bytes: number;
};

export type InsightResult = {
	engine: Engine;
	loadavg: { start: number[]; end: number[] };
	setup: { demoSeconds: number; generation: InsightData; migrateSeconds: number };
	reference: InsightMeasured;
	pages: Record<string, InsightMeasured>;
	seconds: number;
	ok: boolean;
};

/** A throwaway database named insight_bench_<hex> (PostgreSQL) or a temporary folder (PGlite). */
export async function insightDatabase(engine: Engine, serverUrl: string): Promise<BenchDatabase> {
	if (engine !== 'postgres') return createDatabase(engine, serverUrl);
	const name = `insight_bench_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		engine,
		env: { DATABASE_URL: url.toString() },
		open: () => openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 }),
		drop: async () => {
			const a = new pg.Client({ connectionString: serverUrl });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}

type Prepared = {
	organiser: number;
	manager: number;
	setup: InsightResult['setup'];
};

/** Migrates, seeds the demo and generates the company; the personas' ids. */
export async function prepareInsightDatabase(
	target: BenchDatabase,
	appDir: string,
	size: { people: number; ideas: number },
	log: (line: string) => void
): Promise<Prepared> {
	const handle = await target.open();
	try {
		const db = handle.db;
		let t = performance.now();
		await migrateToLatest(db, await loadMigrations(appDir));
		const migrateSeconds = (performance.now() - t) / 1000;
		t = performance.now();
		const demo = await seedDemo(db);
		if (!demo.seeded) throw new Error(`the demo was not seeded: ${demo.summary}`);
		const demoSeconds = (performance.now() - t) / 1000;
		log(`demo organisation seeded in ${demoSeconds.toFixed(1)} s`);
		const generation = await generateInsightCompany(db, {
			people: size.people,
			ideas: size.ideas,
			editions: 5,
			log: (l) => log(`data: ${l}`)
		});
		log(`company generated in ${generation.seconds.toFixed(1)} s: ${JSON.stringify(generation.counts)}`);
		const email = (name: string) => DEMO_PERSONAS.find((p) => p.name === name)!.email;
		const people = await db
			.selectFrom('appUser')
			.select(['id', 'email'])
			.where('email', 'in', [email('Ruud van Dijk'), email('Marieke Visser')])
			.execute();
		const id = (name: string) => {
			const row = people.find((p) => p.email === email(name));
			if (!row) throw new Error(`demo persona ${name} not found`);
			return row.id;
		};
		return { organiser: id('Ruud van Dijk'), manager: id('Marieke Visser'), setup: { demoSeconds, generation, migrateSeconds } };
	} finally {
		await handle.close();
	}
}

export async function signIn(server: RunningServer, userId: number): Promise<string> {
	const reply = await request(server.origin, {
		path: '/signin?/demo',
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
		body: new URLSearchParams({ userId: String(userId), redirectTo: '/' }).toString()
	});
	const cookies = reply.headers['set-cookie'] ?? [];
	if (reply.status !== 303 || !cookies.length)
		throw new Error(`sign-in of user ${userId} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
	return cookies.map((c) => c.split(';')[0]).join('; ');
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Warm-up, then `REQUESTS` requests one after another on one kept-alive connection. */
export async function measure(origin: string, path: string, cookie: string, who: InsightMeasured['who']): Promise<InsightMeasured> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	try {
		for (let k = 0; k < WARM_UP; k++) await request(origin, { path, cookie }, agent);
		const ms: number[] = [];
		const statements: number[] = [];
		const dbMs: number[] = [];
		let errors = 0;
		let firstError: string | undefined;
		let status = 0;
		let bytes = 0;
		for (let k = 0; k < REQUESTS; k++) {
			const reply = await request(origin, { path, cookie }, agent);
			status = reply.status;
			bytes = Buffer.byteLength(reply.body);
			ms.push(reply.ms);
			const timing = serverTiming(reply.headers);
			if (timing) {
				statements.push(timing.statements);
				dbMs.push(timing.ms);
			}
			if (reply.status !== 200) {
				errors++;
				firstError ??= `${reply.status}: ${reply.body.replace(/\s+/g, ' ').slice(0, 200)}`;
			}
		}
		return {
			who,
			path,
			status,
			requests: ms.length,
			errors,
			firstError,
			p50: r2(pct(ms, 50)),
			p95: r2(pct(ms, 95)),
			max: r2(Math.max(...ms)),
			statements: mode(statements),
			statementsMax: statements.length ? Math.max(...statements) : NaN,
			dbMsP50: r2(pct(dbMs, 50)),
			bytes
		};
	} finally {
		agent.destroy();
	}
}

const DASHBOARDS = [
	['summary', '/insight'],
	['participation', '/insight/participation'],
	['flow', '/insight/flow'],
	['mentoring', '/insight/mentoring'],
	['juries', '/insight/juries'],
	['results', '/insight/results']
] as const;

/** The pages measured: [key, who, path]. The juries dashboard is the organisers' only. */
export function insightTargets(departmentWithSubs: number, newestEdition: number): Array<[string, InsightMeasured['who'], string]> {
	const variants: Array<[string, string]> = [
		['default', ''],
		['department', `?department=${departmentWithSubs}`],
		['all editions', '?edition=all'],
		['newest generated edition', `?edition=${newestEdition}`]
	];
	const targets: Array<[string, InsightMeasured['who'], string]> = [];
	for (const who of ['organiser', 'manager'] as const)
		for (const [name, path] of DASHBOARDS) {
			if (who === 'manager' && name === 'juries') continue;
			for (const [variant, query] of variants) targets.push([`${name}, ${variant} (${who})`, who, `${path}${query}`]);
		}
	targets.push(['export participation xlsx, default (organiser)', 'organiser', '/insight/export?dashboard=participation&format=xlsx']);
	targets.push([
		'export participation xlsx, all editions (organiser)',
		'organiser',
		'/insight/export?dashboard=participation&format=xlsx&edition=all'
	]);
	return targets;
}

export async function runInsightEngine(o: {
	engine: Engine;
	appDir: string;
	port: number;
	serverUrl: string;
	people: number;
	ideas: number;
	log: (line: string) => void;
}): Promise<InsightResult> {
	const started = performance.now();
	const load0 = loadavg();
	const log = (line: string) => o.log(`insight ${o.engine}: ${line}`);
	const target = await insightDatabase(o.engine, o.serverUrl);
	let server: RunningServer | null = null;
	const interrupted = (signal: NodeJS.Signals) => {
		log(`${signal}, stopping the server and dropping the database`);
		void (async () => {
			await server?.stop().catch(() => {});
			await target.drop().catch(() => {});
			process.exit(130);
		})();
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		const prepared = await prepareInsightDatabase(target, o.appDir, { people: o.people, ideas: o.ideas }, log);
		server = await startServer(o.appDir, o.port, target.env);
		log(`server ${server.pid} ready on ${server.origin}`);
		const cookies = { organiser: await signIn(server, prepared.organiser), manager: await signIn(server, prepared.manager) };
		const gen = prepared.setup.generation;
		const targets = insightTargets(gen.departmentWithSubs, gen.competitionIds[gen.competitionIds.length - 1]);
		const reference = await measure(server.origin, '/bench/empty', cookies.organiser, 'organiser');
		const pages: Record<string, InsightMeasured> = {};
		for (const [key, who, path] of targets) {
			pages[key] = await measure(server.origin, path, cookies[who], who);
			const m = pages[key];
			log(`${key}: ${m.status}, p50 ${m.p50} ms, p95 ${m.p95} ms, ${m.statementsMax} statements`);
		}
		// The reference again at the end: the run's load on the machine, before and after.
		const after = await measure(server.origin, '/bench/empty', cookies.organiser, 'organiser');
		reference.p50 = r2((reference.p50 + after.p50) / 2);
		reference.p95 = r2(Math.max(reference.p95, after.p95));
		const ok = Object.values(pages).every((m) => !m.errors && m.p95 < INSIGHT_GOAL.p95Ms && m.statementsMax <= INSIGHT_GOAL.statements);
		return {
			engine: o.engine,
			loadavg: { start: load0.map(r2), end: loadavg().map(r2) },
			setup: prepared.setup,
			reference,
			pages,
			seconds: Math.round((performance.now() - started) / 1000),
			ok
		};
	} catch (error) {
		if (server) log(`server output (last lines):\n${server.output.slice(-15).join('\n')}`);
		throw error;
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		if (server) await server.stop().catch(() => {});
		await target.drop().catch((e) => log(`could not drop the bench database: ${(e as Error).message}`));
	}
}

function table(header: string[], body: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** One engine's table: each page against the goal, next to /bench/empty from the same run. */
export function insightTable(r: InsightResult): string {
	const g = r.setup.generation;
	const c = g.counts;
	const head =
		`${r.engine}: ${c.appUser} people, ${c.department} departments, ${c.competition} competitions, ${c.idea} ideas, ` +
		`${c.ideaEvent} idea events, ${c.scoreSheet} score sheets, ${c.score} scores; generated in ${g.seconds.toFixed(1)} s ` +
		`(demo ${r.setup.demoSeconds.toFixed(1)} s); load average ${r.loadavg.start.join(' ')} at start, ${r.loadavg.end.join(' ')} at end; ${r.seconds} s`;
	const ref = r.reference;
	const rows: string[][] = [
		['/bench/empty signed in (reference)', String(ref.status), String(ref.p50), String(ref.p95), String(ref.statementsMax), '', '', '']
	];
	for (const [key, m] of Object.entries(r.pages)) {
		const met = !m.errors && m.p95 < INSIGHT_GOAL.p95Ms && m.statementsMax <= INSIGHT_GOAL.statements;
		rows.push([
			key,
			m.errors ? `${m.status} (${m.errors} of ${m.requests})` : String(m.status),
			m.p50.toFixed(1),
			m.p95.toFixed(1),
			Number.isFinite(m.statementsMax) ? String(m.statementsMax) : '-',
			`${(m.p95 / Math.max(ref.p95, 0.01)).toFixed(1)}x`,
			`p95 < ${INSIGHT_GOAL.p95Ms}, <= ${INSIGHT_GOAL.statements}`,
			met ? 'yes' : 'NO'
		]);
	}
	return `${head}\n\n${table(['page (who)', 'status', 'p50 ms', 'p95 ms', 'statements', 'p95 / reference', 'goal', 'met'], rows)}`;
}
