/**
 * One engine's run: database, server, signed-in sessions, then every measurement over HTTP
 * against the reference pages in the same run, back to back (the targets take turns in
 * rounds, so a change in the machine's load falls on all of them alike).
 */
import http from 'node:http';
import { loadavg } from 'node:os';
import { checkSaves, createDatabase, prepareDatabase, type Engine, type Fixture, type SaveCheck } from './database.js';
import { KB_BENCH_QUERIES } from './kb-data.js';
import { emptyResult, merge, mode, pct, request, runLoad, serverTiming, type LoadResult, type RequestSpec } from './load.js';
import { cpuMs, memoryMb, startServer, type RunningServer } from './server.js';

export type RunOptions = {
	engine: Engine;
	appDir: string;
	port: number;
	serverUrl: string;
	size: number;
	/** Measuring seconds for this engine (set-up and build not counted). */
	seconds: number;
	connections: number;
	log: (line: string) => void;
};

export type Measured = {
	requests: number;
	errors: number;
	firstError?: string;
	rps: number;
	cpuMsPerRequest: number;
	p50: number;
	p99: number;
	statements: number;
	statementsMax: number;
	dbMsP50: number;
};

export type EngineResult = {
	engine: Engine;
	size: number;
	kbEntries: number;
	loadavg: { start: number[]; end: number[] };
	setupSeconds: Fixture['seconds'];
	paths: Record<string, string>;
	memory: { start: number; peak: number; rest: number; hwm: number; samples: number[] };
	pages: Record<string, Measured>;
	search: {
		queries: number;
		p50: number;
		p95: number;
		p99: number;
		sqlP50: number;
		sqlP99: number;
		ratioP50: number;
		ratioP99: number;
		statements: number;
		statementsMax: number;
		errors: number;
		firstError?: string;
		concurrent: Measured;
		landing: Measured;
	};
	save: {
		jurors: number;
		rounds: number;
		saves: number;
		failed: number;
		firstError?: string;
		p50: number;
		p99: number;
		statements: number;
		statementsMax: number;
		cpuMsPerSave: number;
		check: SaveCheck;
	};
	seconds: number;
};

/** The pages measured under load: [key, who, path]. The first three are the references. */
type Who = 'anonymous' | 'organiser' | 'employee' | 'juror';
const round2 = (n: number) => Math.round(n * 100) / 100;

function summarise(r: LoadResult, cpu: number): Measured {
	return {
		requests: r.requests,
		errors: r.errors,
		firstError: r.firstError,
		rps: round2(r.requests / Math.max(r.seconds, 1e-9)),
		cpuMsPerRequest: round2(cpu / Math.max(r.requests, 1)),
		p50: round2(pct(r.latencies, 50)),
		p99: round2(pct(r.latencies, 99)),
		statements: mode(r.statements),
		statementsMax: r.statements.length ? Math.max(...r.statements) : NaN,
		dbMsP50: round2(pct(r.dbMs, 50))
	};
}

/** Demo sign-in through the real form (POST /signin?/demo), as the sign-in page's button does; returns the Cookie header. */
async function signIn(server: RunningServer, userId: number): Promise<string> {
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

async function firstLink(server: RunningServer, path: string, cookie: string, pattern: RegExp): Promise<string> {
	const reply = await request(server.origin, { path, cookie });
	const m = pattern.exec(reply.body);
	if (reply.status !== 200 || !m) throw new Error(`no link ${pattern} on ${path} (${reply.status})`);
	return m[1];
}

/** A devalue payload of one flat object ({"action":1,…} then its values), as a form action answers. */
function actionData(body: string): Record<string, unknown> | null {
	try {
		const outer = JSON.parse(body) as { type: string; data?: string };
		if (outer.type !== 'success' || !outer.data) return null;
		const arr = JSON.parse(outer.data) as unknown[];
		const head = arr[0] as Record<string, number>;
		return Object.fromEntries(Object.entries(head).map(([k, i]) => [k, arr[i]]));
	} catch {
		return null;
	}
}

export async function runEngine(o: RunOptions): Promise<EngineResult> {
	const started = performance.now();
	const load0 = loadavg();
	o.log(`${o.engine}: preparing the database (${o.size} knowledge-base entries) ...`);
	const target = await createDatabase(o.engine, o.serverUrl);
	let server: RunningServer | null = null;
	// Ctrl-C or SIGTERM: stop the server and drop the database before leaving.
	const interrupted = (signal: NodeJS.Signals) => {
		o.log(`${o.engine}: ${signal}, stopping the server and dropping the database`);
		void (async () => {
			await server?.stop().catch(() => {});
			await target.drop().catch(() => {});
			process.exit(130);
		})();
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	let sampler: NodeJS.Timeout | null = null;
	try {
		const fixture = await prepareDatabase(target, o.appDir, o.size, (line) => o.log(`${o.engine}: ${line}`));
		server = await startServer(o.appDir, o.port, target.env);
		const pid = server.pid;
		o.log(`${o.engine}: server ${pid} ready on ${server.origin}`);
		const samples: number[] = [];
		const memStart = memoryMb(pid).rss;
		sampler = setInterval(() => {
			try {
				samples.push(Math.round(memoryMb(pid).rss));
			} catch {
				// the process has gone
			}
		}, 500);

		const cookies: Record<Who, string> = {
			anonymous: '',
			organiser: await signIn(server, fixture.personas.organiser),
			employee: await signIn(server, fixture.personas.employee),
			juror: await signIn(server, fixture.personas.juror)
		};
		const ideaPage = await firstLink(server, '/organise/ideas', cookies.organiser, /href="(\/ideas\/\d+)"/);
		const jurySheet = await firstLink(server, '/jury', cookies.juror, /href="(\/jury\/\d+\/\d+)"/);
		const targets: Array<[string, Who, string]> = [
			['/bench/empty anonymous', 'anonymous', '/bench/empty'],
			['/bench/empty signed in', 'organiser', '/bench/empty'],
			['/bench/one-row', 'organiser', '/bench/one-row'],
			['organiser home /', 'organiser', '/'],
			['all ideas /organise/ideas', 'organiser', '/organise/ideas'],
			['idea page', 'organiser', ideaPage],
			['jury sheet', 'juror', jurySheet],
			["employee's /ideas", 'employee', '/ideas']
		];
		// Warm-up: each page a few times (and a check that each answers 200).
		for (const [key, who, path] of targets) {
			const w = await runLoad(server.origin, { path, cookie: cookies[who] }, { connections: 2, count: 20 });
			if (w.errors) throw new Error(`${key} (${path}) as ${who}: ${w.firstError}`);
		}

		const budget = o.seconds;
		const pageSeconds = (budget * 0.55) / targets.length;
		const ROUNDS = 2;
		const totals = new Map<string, { r: LoadResult; cpu: number }>(targets.map(([k]) => [k, { r: emptyResult(), cpu: 0 }]));
		for (let round = 0; round < ROUNDS; round++) {
			for (const [key, who, path] of targets) {
				const c0 = cpuMs(pid);
				const r = await runLoad(
					server.origin,
					{ path, cookie: cookies[who] },
					{ connections: o.connections, seconds: pageSeconds / ROUNDS }
				);
				const t = totals.get(key)!;
				t.cpu += cpuMs(pid) - c0;
				merge(t.r, r);
			}
			o.log(`${o.engine}: pages, round ${round + 1} of ${ROUNDS} done`);
		}
		const pages = Object.fromEntries([...totals].map(([k, t]) => [k, summarise(t.r, t.cpu)]));

		// Knowledge-base search, one request at a time (latency), then 10 at once, then /kb alone.
		const queries = KB_BENCH_QUERIES.map((q) => (q ? `/kb?${q}` : '/kb'));
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		for (const path of queries.slice(0, 20)) await request(server.origin, { path, cookie: cookies.employee }, agent);
		const search = {
			ms: [] as number[],
			sql: [] as number[],
			statements: [] as number[],
			errors: 0,
			firstError: undefined as string | undefined
		};
		const searchUntil = performance.now() + budget * 0.2 * 1000;
		for (let i = 0; performance.now() < searchUntil; i++) {
			const reply = await request(server.origin, { path: queries[i % queries.length], cookie: cookies.employee }, agent);
			if (reply.status !== 200) {
				search.errors++;
				search.firstError ??= `${queries[i % queries.length]}: ${reply.status}`;
				continue;
			}
			search.ms.push(reply.ms);
			const timing = serverTiming(reply.headers);
			if (timing) {
				search.sql.push(timing.ms);
				search.statements.push(timing.statements);
			}
		}
		agent.destroy();
		let qi = 0;
		let c0 = cpuMs(pid);
		const concurrent = await runLoad(server.origin, () => ({ path: queries[qi++ % queries.length], cookie: cookies.employee }), {
			connections: o.connections,
			seconds: budget * 0.05
		});
		const concurrentM = summarise(concurrent, cpuMs(pid) - c0);
		c0 = cpuMs(pid);
		const landing = await runLoad(server.origin, { path: '/kb', cookie: cookies.employee }, { connections: 1, seconds: budget * 0.05 });
		const landingM = summarise(landing, cpuMs(pid) - c0);
		o.log(`${o.engine}: search done (${search.ms.length} queries)`);

		// 30 jurors save their sheet at once through the form action, as use:enhance sends it.
		const save = fixture.save;
		const jurorCookies: string[] = [];
		for (const id of save.jurors) jurorCookies.push(await signIn(server, id));
		const versions = new Map(save.jurors.map((id) => [id, save.version]));
		const expected = new Map<number, { saves: number; last: Record<number, number> }>(
			save.jurors.map((id) => [id, { saves: 0, last: {} }])
		);
		const saveAgent = new http.Agent({ keepAlive: true, maxSockets: save.jurors.length });
		const saveMs: number[] = [];
		const saveStatements: number[] = [];
		let failed = 0;
		let saveError: string | undefined;
		const SAVE_ROUNDS = 6;
		c0 = cpuMs(pid);
		for (let round = 1; round <= SAVE_ROUNDS; round++) {
			await Promise.all(
				save.jurors.map(async (juror, j) => {
					const values: Record<number, number> = {};
					const form = new URLSearchParams({
						version: String(versions.get(juror)),
						intent: 'save',
						overallComment: `Bench round ${round}`
					});
					for (const c of save.criteria) {
						values[c.id] = c.min + ((round + j) % Math.max(1, c.max - c.min + 1));
						form.set(`score_${c.id}`, String(values[c.id]));
					}
					const spec: RequestSpec = {
						path: `/jury/${save.roundId}/${save.ideaId}?/save`,
						method: 'POST',
						cookie: jurorCookies[j],
						headers: {
							'content-type': 'application/x-www-form-urlencoded',
							origin: server!.origin,
							'x-sveltekit-action': 'true',
							accept: 'application/json'
						},
						body: form.toString()
					};
					const reply = await request(server!.origin, spec, saveAgent);
					saveMs.push(reply.ms);
					const timing = serverTiming(reply.headers);
					if (timing) saveStatements.push(timing.statements);
					const data = reply.status === 200 ? actionData(reply.body) : null;
					if (!data || typeof data.version !== 'number') {
						failed++;
						saveError ??= `${reply.status}: ${reply.body.slice(0, 300)}`;
						return;
					}
					versions.set(juror, data.version);
					const e = expected.get(juror)!;
					e.saves++;
					e.last = values;
				})
			);
		}
		const saveCpu = cpuMs(pid) - c0;
		saveAgent.destroy();
		o.log(`${o.engine}: ${SAVE_ROUNDS} rounds of ${save.jurors.length} saves at once done (${failed} failed)`);

		// Memory at rest: no requests for a while, then the lowest of the last samples.
		const restUntil = performance.now() + Math.max(5, budget * 0.1) * 1000;
		const restFrom = samples.length;
		while (performance.now() < restUntil) await new Promise((r) => setTimeout(r, 500));
		const restSamples = samples.slice(restFrom);
		const mem = memoryMb(pid);
		const memory = {
			start: Math.round(memStart),
			peak: Math.max(...samples, Math.round(memStart)),
			rest: Math.round(restSamples.length ? Math.min(...restSamples.slice(-4)) : mem.rss),
			hwm: Math.round(mem.hwm),
			samples
		};
		clearInterval(sampler);
		sampler = null;
		await server.stop();
		server = null;
		const check = await checkSaves(target, save, expected);
		return {
			engine: o.engine,
			size: o.size,
			kbEntries: fixture.kbEntries,
			loadavg: { start: load0.map(round2), end: loadavg().map(round2) },
			setupSeconds: fixture.seconds,
			paths: { ideaPage, jurySheet, save: `/jury/${save.roundId}/${save.ideaId}?/save` },
			memory,
			pages,
			search: {
				queries: search.ms.length,
				p50: round2(pct(search.ms, 50)),
				p95: round2(pct(search.ms, 95)),
				p99: round2(pct(search.ms, 99)),
				sqlP50: round2(pct(search.sql, 50)),
				sqlP99: round2(pct(search.sql, 99)),
				ratioP50: round2(pct(search.ms, 50) / pct(search.sql, 50)),
				ratioP99: round2(pct(search.ms, 99) / pct(search.sql, 99)),
				statements: mode(search.statements),
				statementsMax: search.statements.length ? Math.max(...search.statements) : NaN,
				errors: search.errors,
				firstError: search.firstError,
				concurrent: concurrentM,
				landing: landingM
			},
			save: {
				jurors: save.jurors.length,
				rounds: SAVE_ROUNDS,
				saves: saveMs.length,
				failed,
				firstError: saveError,
				p50: round2(pct(saveMs, 50)),
				p99: round2(pct(saveMs, 99)),
				statements: mode(saveStatements),
				statementsMax: saveStatements.length ? Math.max(...saveStatements) : NaN,
				cpuMsPerSave: round2(saveCpu / Math.max(saveMs.length, 1)),
				check
			},
			seconds: Math.round((performance.now() - started) / 1000)
		};
	} catch (error) {
		if (server) o.log(`${o.engine}: server output (last lines):\n${server.output.slice(-15).join('\n')}`);
		throw error;
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		if (sampler) clearInterval(sampler);
		if (server) await server.stop().catch(() => {});
		await target.drop().catch((e) => o.log(`${o.engine}: could not drop the bench database: ${(e as Error).message}`));
	}
}
