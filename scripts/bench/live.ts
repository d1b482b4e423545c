/**
 * Live step of `npm run bench` (`--steps live`, issue 14), per engine: a fresh database
 * (PostgreSQL: a throwaway `ideacup_bench_<hex>` on DATABASE_URL's server; PGlite: a
 * temporary DATA_DIR) with the demo organisation, and in its open semi-final a bench jury of
 * 30 new jurors judging three of its ideas in one pitch session, chaired by the demo
 * organiser. The built server starts (`node build`); the organiser and the 30 jurors sign in
 * and open the session's server-sent events (31 streams). Then, for each of the three ideas:
 * the chair starts (or moves on) by the form action, and every stream must show the new idea;
 * all 30 jurors score at once (each after a random pause of up to a second): one tap, then
 * the other criteria with the submit, each a POST of the JSON batch, and the same second
 * batch sent again (a retry). Timed: from each POST to the chair's stream showing it (the
 * juror "scoring", then "submitted"), the POST's own answer, the chair's move to every
 * screen; a reference measured in the same run: GET /bench/empty one at a time. At the end
 * the database is checked: every tap stored once (lost 0, counted twice 0), every sheet
 * submitted with the values tapped.
 */
import http from 'node:http';
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DEMO_PERSONAS, seedDemo } from '../../src/lib/server/seed/demo.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { addBenchJurors, createDatabase, loadMigrations, type Engine } from './database.js';
import { pct, request, serverTiming } from './load.js';
import { startServer, type RunningServer } from './server.js';

type Log = (line: string) => void;

export const LIVE_JURORS = 30;
const IDEAS = 3;

export type LiveResult = {
	engine: Engine;
	jurors: number;
	ideas: number;
	streams: number;
	/** Milliseconds from a tap's POST to the chair's stream showing it. */
	tapToChair: { n: number; p50: number; p99: number; max: number };
	/** Milliseconds of the tap POST's own answer. */
	tapPost: { n: number; p50: number; p99: number };
	/** Milliseconds from the chair's move (POST) until all streams show the new idea. */
	moveToAll: { n: number; p50: number; max: number };
	/** GET /bench/empty one at a time, in the same run. */
	reference: { n: number; p50: number; p99: number };
	statements: { tapBatch: number; chairMove: number; jurorPage: number; chairPage: number; sseConnect: number };
	tapsSent: number;
	tapsStored: number;
	lost: number;
	countedTwice: number;
	repeatsAcked: number;
	sheetsSubmitted: number;
	wrongValues: number;
	/** The machine's 1, 5 and 15 minute load averages at the start and the end of the run. */
	loadavg: { start: string[]; end: string[] };
	ok: boolean;
};

/** The bench jury, its 30 jurors and the session; returns what the run needs. */
async function prepare(engine: Engine, serverUrl: string, log: Log) {
	const target = await createDatabase(engine, serverUrl);
	const handle = await target.open();
	try {
		const db = handle.db;
		await migrateToLatest(db, await loadMigrations());
		const t = performance.now();
		const demo = await seedDemo(db);
		if (!demo.seeded) throw new Error(`the demo was not seeded: ${demo.summary}`);
		log(`${engine}: demo organisation seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		const organiser = await db
			.selectFrom('appUser')
			.select('id')
			.where('email', '=', DEMO_PERSONAS.find((p) => p.role === 'organiser')!.email)
			.executeTakeFirstOrThrow();
		const round = await db
			.selectFrom('round')
			.select('id')
			.where('status', '=', 'open')
			.where('kind', '=', 'semi_final')
			.orderBy('id')
			.limit(1)
			.executeTakeFirstOrThrow();
		const criteria = await db
			.selectFrom('roundCriterion')
			.select(['id', 'scaleMin as min', 'scaleMax as max'])
			.where('roundId', '=', round.id)
			.orderBy('position')
			.execute();
		// Three of the round's ideas nobody has scored yet move to the bench jury, out of their demo sessions.
		const picked = await db
			.selectFrom('roundEntry as e')
			.select('e.ideaId')
			.where('e.roundId', '=', round.id)
			.where((eb) =>
				eb.not(
					eb.exists(
						eb.selectFrom('scoreSheet as h').select('h.id').whereRef('h.ideaId', '=', 'e.ideaId').whereRef('h.roundId', '=', 'e.roundId')
					)
				)
			)
			.orderBy('e.ideaId')
			.limit(IDEAS)
			.execute();
		if (picked.length < IDEAS) throw new Error('the demo semi-final has fewer than three unscored ideas');
		const ideaIds = picked.map((p) => p.ideaId);
		const jury = await db
			.insertInto('jury')
			.values({ roundId: round.id, departmentId: null, name: 'Bench live jury' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const jurors = await addBenchJurors(db, jury.id, LIVE_JURORS, { email: 'bench.live', name: 'Bench Live Juror' });
		await db.updateTable('roundEntry').set({ juryId: jury.id }).where('roundId', '=', round.id).where('ideaId', 'in', ideaIds).execute();
		await db.deleteFrom('presentationSlot').where('roundId', '=', round.id).where('ideaId', 'in', ideaIds).execute();
		const startsAt = new Date();
		const session = await db
			.insertInto('pitchSession')
			.values({ roundId: round.id, juryId: jury.id, startsAt, room: 'Bench room', createdBy: organiser.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('presentationSlot')
			.values(
				ideaIds.map((ideaId, i) => ({
					roundId: round.id,
					sessionId: session.id,
					position: i + 1,
					kind: 'pitch',
					ideaId,
					startsAt: new Date(startsAt.getTime() + i * 30 * 60_000),
					endsAt: new Date(startsAt.getTime() + (i + 1) * 30 * 60_000),
					location: 'Bench room'
				}))
			)
			.execute();
		await sql`VACUUM ANALYZE`.execute(db);
		return { target, organiser: organiser.id, roundId: round.id, sessionId: session.id, ideaIds, jurors, criteria };
	} catch (error) {
		await handle.close();
		await target.drop().catch(() => {});
		throw error;
	} finally {
		await handle.close().catch(() => {});
	}
}

async function signIn(server: RunningServer, userId: number): Promise<string> {
	const reply = await request(server.origin, {
		path: '/signin?/demo',
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
		body: new URLSearchParams({ userId: String(userId), redirectTo: '/' }).toString()
	});
	const cookies = reply.headers['set-cookie'] ?? [];
	if (reply.status !== 303 || !cookies.length)
		throw new Error(`sign-in of user ${userId} answered ${reply.status} (a move that went through redirects back to the page)`);
	return cookies.map((c) => c.split(';')[0]).join('; ');
}

type View = {
	session: { liveVersion: number; currentSlotId: number | null; status: string };
	stage: { current: { ideaId: number | null } | null };
	chair: { jurors: { userId: number; state: string }[] } | null;
};

/** One server-sent-events stream: the latest view, and waiters resolved at the event that satisfies them. */
function openStream(server: RunningServer, path: string, cookie: string) {
	let latest: View | null = null;
	let connectStatements = NaN;
	const waiters: { test: (v: View) => boolean; resolve: (at: number) => void }[] = [];
	let buffer = '';
	let opened: () => void;
	const ready = new Promise<void>((r) => (opened = r));
	const req = http.get(new URL(path, server.origin), { headers: { accept: 'text/event-stream', cookie } }, (res) => {
		if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
		connectStatements = serverTiming(res.headers)?.statements ?? NaN;
		res.setEncoding('utf8');
		res.on('data', (chunk: string) => {
			const at = performance.now();
			buffer += chunk;
			let i: number;
			while ((i = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, i);
				buffer = buffer.slice(i + 2);
				const data = block
					.split('\n')
					.filter((l) => l.startsWith('data: '))
					.map((l) => l.slice(6))
					.join('\n');
				if (!/^event: view$/m.test(block) || !data) continue;
				latest = (JSON.parse(data) as { view: View }).view;
				opened();
				for (let w = waiters.length - 1; w >= 0; w--)
					if (waiters[w].test(latest)) {
						waiters[w].resolve(at);
						waiters.splice(w, 1);
					}
			}
		});
	});
	return {
		ready,
		connectStatements: () => connectStatements,
		latest: () => latest,
		/** The time of the event at which `test` held (now, if it already holds). */
		until(test: (v: View) => boolean, timeoutMs = 30_000): Promise<number> {
			if (latest && test(latest)) return Promise.resolve(performance.now());
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`${path}: no such view within ${timeoutMs} ms`)), timeoutMs);
				waiters.push({
					test,
					resolve: (at) => {
						clearTimeout(timer);
						resolve(at);
					}
				});
			});
		},
		close: () => req.destroy()
	};
}

async function chairMove(server: RunningServer, cookie: string, sessionId: number, move: string, version: number) {
	const reply = await request(server.origin, {
		path: `/sessions/${sessionId}?/${move}`,
		method: 'POST',
		cookie,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
		body: new URLSearchParams({ version: String(version) }).toString()
	});
	if (reply.status !== 303) throw new Error(`chair ${move} answered ${reply.status} (a move that went through redirects back to the page)`);
	return serverTiming(reply.headers)?.statements ?? NaN;
}

export async function runLiveEngine(engine: Engine, appDir: string, port: number, serverUrl: string, log: Log): Promise<LiveResult> {
	const fx = await prepare(engine, serverUrl, log);
	let server: RunningServer | undefined;
	const streams: ReturnType<typeof openStream>[] = [];
	try {
		server = await startServer(appDir, port, fx.target.env);
		log(`${engine}: server up on ${server.origin}; signing in the chair and ${fx.jurors.length} jurors`);
		const chairCookie = await signIn(server, fx.organiser);
		const jurorCookies: string[] = [];
		for (const id of fx.jurors) jurorCookies.push(await signIn(server, id));
		const page = `/sessions/${fx.sessionId}`;
		const statementsOf = async (cookie: string) =>
			serverTiming((await request(server!.origin, { path: page, cookie })).headers)?.statements ?? NaN;
		const chairPage = await statementsOf(chairCookie);
		const jurorPage = await statementsOf(jurorCookies[0]);

		// The reference, in the same run: the empty page one at a time.
		const reference: number[] = [];
		for (let i = 0; i < 100; i++) reference.push((await request(server.origin, { path: '/bench/empty', cookie: chairCookie })).ms);

		const chair = openStream(server, `${page}/events`, chairCookie);
		streams.push(chair);
		const phones = jurorCookies.map((c) => openStream(server!, `${page}/events`, c));
		streams.push(...phones);
		await Promise.all(streams.map((s) => s.ready));
		log(`${engine}: ${streams.length} streams open`);

		const loadStart = loadavg().map((x) => x.toFixed(2));
		const tapToChair: number[] = [];
		const tapPost: number[] = [];
		const moveToAll: number[] = [];
		const tapStatements: number[] = [];
		const moveStatements: number[] = [];
		const sent = new Map<string, { jurorId: number; ideaId: number; criterionId: number; value: number }>();
		let repeatsAcked = 0;
		let seq = Date.now() * 1000;
		const valueOf = (j: number, idea: number, c: { min: number; max: number }) => c.min + ((j + idea) % (c.max - c.min + 1));

		for (let k = 0; k < fx.ideaIds.length; k++) {
			const ideaId = fx.ideaIds[k];
			const version = chair.latest()!.session.liveVersion;
			const t0 = performance.now();
			moveStatements.push(await chairMove(server, chairCookie, fx.sessionId, k === 0 ? 'start' : 'next', version));
			const shown = await Promise.all(
				streams.map((s) => s.until((v) => v.stage.current?.ideaId === ideaId && v.session.status === 'live'))
			);
			moveToAll.push(Math.max(...shown) - t0);

			await Promise.all(
				fx.jurors.map(async (jurorId, j) => {
					await new Promise((r) => setTimeout(r, Math.random() * 1000));
					const post = async (taps: { criterionId: number; value: number }[], submit: boolean) => {
						const body = {
							taps: taps.map((t) => {
								const clientId = randomUUID();
								sent.set(clientId, { jurorId, ideaId, ...t });
								return { clientId, seq: ++seq, ideaId, ...t };
							}),
							submits: submit ? [{ clientId: randomUUID(), seq: ++seq, ideaId }] : []
						};
						const json = JSON.stringify(body);
						const reply = await request(server!.origin, {
							path: `${page}/taps`,
							method: 'POST',
							cookie: jurorCookies[j],
							headers: { 'content-type': 'application/json', accept: 'application/json' },
							body: json
						});
						if (reply.status !== 200) throw new Error(`taps answered ${reply.status}: ${reply.body.slice(0, 200)}`);
						tapPost.push(reply.ms);
						tapStatements.push(serverTiming(reply.headers)?.statements ?? NaN);
						return { json, reply };
					};
					const stateOf = (v: View) => v.chair?.jurors.find((x) => x.userId === jurorId)?.state;
					const [first, ...rest] = fx.criteria;
					let t = performance.now();
					const seen1 = chair.until((v) => v.stage.current?.ideaId === ideaId && stateOf(v) !== 'waiting');
					await post([{ criterionId: first.id, value: valueOf(j, k, first) }], false);
					tapToChair.push((await seen1) - t);
					t = performance.now();
					const seen2 = chair.until((v) => v.stage.current?.ideaId === ideaId && stateOf(v) === 'submitted');
					const second = await post(
						rest.map((c) => ({ criterionId: c.id, value: valueOf(j, k, c) })),
						true
					);
					tapToChair.push((await seen2) - t);
					// The same batch again, as a phone that lost the answer would send it.
					const again = await request(server!.origin, {
						path: `${page}/taps`,
						method: 'POST',
						cookie: jurorCookies[j],
						headers: { 'content-type': 'application/json', accept: 'application/json' },
						body: second.json
					});
					const answer = JSON.parse(again.body) as { taps: { outcome: string }[] };
					if (again.status === 200 && answer.taps.every((x) => x.outcome === 'repeat')) repeatsAcked++;
				})
			);
			log(`${engine}: idea ${k + 1} of ${fx.ideaIds.length} scored by ${fx.jurors.length} jurors`);
		}
		moveStatements.push(await chairMove(server, chairCookie, fx.sessionId, 'end', chair.latest()!.session.liveVersion));
		const sseConnect = chair.connectStatements();

		// The database (the server stopped first: PGlite's folder is one process's): every tap once, every sheet submitted with the values tapped.
		for (const s of streams) s.close();
		await server.stop();
		const handle = await fx.target.open();
		let stored: { clientId: string }[];
		let scores: { jurorId: number; ideaId: number; criterionId: number; value: number; submitted: boolean }[];
		try {
			stored = await handle.db.selectFrom('liveTap').select('clientId').where('sessionId', '=', fx.sessionId).execute();
			scores = await handle.db
				.selectFrom('scoreSheet as h')
				.innerJoin('score as s', 's.sheetId', 'h.id')
				.select(['h.jurorId', 'h.ideaId', 's.criterionId', 's.value', sql<boolean>`h.submitted_at is not null`.as('submitted')])
				.where('h.roundId', '=', fx.roundId)
				.where('h.jurorId', 'in', fx.jurors)
				.execute();
		} finally {
			await handle.close();
		}
		const storedIds = stored.map((s) => s.clientId);
		const lost = [...sent.keys()].filter((id) => !storedIds.includes(id)).length;
		const countedTwice = storedIds.length - new Set(storedIds).size + Math.max(0, storedIds.length - sent.size);
		const byKey = new Map(scores.map((s) => [`${s.jurorId}:${s.ideaId}:${s.criterionId}`, s]));
		let wrongValues = 0;
		for (const tap of sent.values()) if (byKey.get(`${tap.jurorId}:${tap.ideaId}:${tap.criterionId}`)?.value !== tap.value) wrongValues++;
		const sheetsSubmitted = new Set(scores.filter((s) => s.submitted).map((s) => `${s.jurorId}:${s.ideaId}`)).size;
		const result: LiveResult = {
			engine,
			jurors: fx.jurors.length,
			ideas: fx.ideaIds.length,
			streams: streams.length,
			tapToChair: { n: tapToChair.length, p50: pct(tapToChair, 50), p99: pct(tapToChair, 99), max: Math.max(...tapToChair) },
			tapPost: { n: tapPost.length, p50: pct(tapPost, 50), p99: pct(tapPost, 99) },
			moveToAll: { n: moveToAll.length, p50: pct(moveToAll, 50), max: Math.max(...moveToAll) },
			reference: { n: reference.length, p50: pct(reference, 50), p99: pct(reference, 99) },
			statements: {
				tapBatch: Math.max(...tapStatements),
				chairMove: Math.max(...moveStatements),
				jurorPage,
				chairPage,
				sseConnect
			},
			tapsSent: sent.size,
			tapsStored: storedIds.length,
			lost,
			countedTwice,
			repeatsAcked,
			sheetsSubmitted,
			wrongValues,
			loadavg: { start: loadStart, end: loadavg().map((x) => x.toFixed(2)) },
			ok: false
		};
		result.ok =
			lost === 0 &&
			countedTwice === 0 &&
			wrongValues === 0 &&
			sheetsSubmitted === fx.jurors.length * fx.ideaIds.length &&
			repeatsAcked === fx.jurors.length * fx.ideaIds.length;
		return result;
	} finally {
		for (const s of streams) s.close();
		await server?.stop();
		await fx.target.drop().catch(() => {});
	}
}

export async function runLiveStep(engines: Engine[], appDir: string, port: number, serverUrl: string, log: Log): Promise<LiveResult[]> {
	const results: LiveResult[] = [];
	for (const [i, engine] of engines.entries()) results.push(await runLiveEngine(engine, appDir, port + i, serverUrl, log));
	return results;
}

function table(header: string[], body: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '-');

export function liveTable(results: LiveResult[]): string {
	const rows: Array<[string, (r: LiveResult) => string]> = [
		['jurors scoring at once / SSE streams open', (r) => `${r.jurors} / ${r.streams}`],
		['tap POST -> chair screen, p50', (r) => ms(r.tapToChair.p50)],
		['tap POST -> chair screen, p99 (goal < 500 ms)', (r) => `${ms(r.tapToChair.p99)} ${r.tapToChair.p99 < 500 ? '(met)' : '(NOT met)'}`],
		['tap POST -> chair screen, max (samples)', (r) => `${ms(r.tapToChair.max)} (${r.tapToChair.n})`],
		['tap POST answer, p50 / p99', (r) => `${ms(r.tapPost.p50)} / ${ms(r.tapPost.p99)}`],
		['reference GET /bench/empty, p50 / p99', (r) => `${ms(r.reference.p50)} / ${ms(r.reference.p99)}`],
		['p99 tap -> chair / p99 reference', (r) => (r.tapToChair.p99 / r.reference.p99).toFixed(1)],
		['chair move -> all 31 screens, p50 / max', (r) => `${ms(r.moveToAll.p50)} / ${ms(r.moveToAll.max)}`],
		['statements: tap batch / chair move', (r) => `${r.statements.tapBatch} / ${r.statements.chairMove}`],
		[
			'statements: juror page / chair page / SSE connect',
			(r) => `${r.statements.jurorPage} / ${r.statements.chairPage} / ${r.statements.sseConnect}`
		],
		['taps sent / stored', (r) => `${r.tapsSent} / ${r.tapsStored}`],
		['taps lost / counted twice (goal 0 / 0)', (r) => `${r.lost} / ${r.countedTwice}`],
		['retried batches answered "repeat"', (r) => `${r.repeatsAcked} of ${r.jurors * r.ideas}`],
		['sheets submitted, wrong values', (r) => `${r.sheetsSubmitted} of ${r.jurors * r.ideas}, ${r.wrongValues}`],
		['all checks', (r) => (r.ok ? 'yes' : 'NO')],
		['load average (1/5/15 min) at start / end', (r) => `${r.loadavg.start.join(' ')} / ${r.loadavg.end.join(' ')}`]
	];
	return table(
		['what', ...results.map((r) => r.engine)],
		rows.map(([what, cell]) => [what, ...results.map(cell)])
	);
}
