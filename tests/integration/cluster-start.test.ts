/**
 * Several instances starting at once on one empty database: they take turns on the start-up
 * lock (a PostgreSQL advisory lock), so the migrations and the demo seed run once and only
 * one instance makes the setup link. Each "instance" here is its own connection pool on a
 * throwaway database, as two `node build` processes would have. On PGlite (no DATABASE_URL)
 * the same steps run twice one after the other on one embedded database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/index.js';
import { firstStartSteps } from '$lib/server/runtime/index.js';
import { migrations } from '$lib/server/db/migrations.js';
import { isSetupLinkValid } from '$lib/server/people/setup.service.js';
import { withDatabase } from './helpers/test-db.js';
import { startJobs, type JobsConfig } from '$lib/server/jobs/boss.js';
import { QUEUE_NAMES } from '$lib/server/jobs/queues.js';
import { sql } from 'kysely';

const JOBS: JobsConfig = {
	mail: { smtpUrl: undefined, from: 'IdeaCup <ideacup@example.com>', digestCron: '0 7 * * *', timeZone: 'Europe/Amsterdam' },
	origin: 'http://localhost:3000',
	authSecret: 'a-test-secret-of-some-length'
};

const serverUrl = process.env.DATABASE_URL?.trim();
const opened: DatabaseHandle[] = [];
const created: string[] = [];

async function admin(text: string) {
	const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end().catch(() => {});
	}
}

/** An empty database (not migrated) and `count` instances opened on it, each with its own pool. */
async function emptyDatabase(count: number): Promise<DatabaseHandle[]> {
	if (!serverUrl) {
		const handle = await openDatabase({ engine: 'pglite' });
		opened.push(handle);
		return Array.from({ length: count }, () => handle);
	}
	const name = `ideacup_t_${randomBytes(6).toString('hex')}`;
	await admin(`CREATE DATABASE ${name}`);
	created.push(name);
	const handles = await Promise.all(
		Array.from({ length: count }, () => openDatabase({ engine: 'postgres', url: withDatabase(serverUrl, name), poolSize: 2 }))
	);
	opened.push(...handles);
	return handles;
}

/** Both at once on PostgreSQL; one after the other on the one embedded database. */
async function startAll<T>(handles: DatabaseHandle[], start: (h: DatabaseHandle) => Promise<T>): Promise<T[]> {
	if (serverUrl) return Promise.all(handles.map(start));
	const results: T[] = [];
	for (const h of handles) results.push(await start(h));
	return results;
}

afterAll(async () => {
	for (const h of new Set(opened)) await h.close().catch(() => {});
	for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('instances starting at once on an empty database', () => {
	it('migrate and seed the demo exactly once', async () => {
		const handles = await emptyDatabase(2);
		const results = await startAll(handles, (h) => firstStartSteps(h.db, true));

		expect(results.filter((r) => r.seeded !== null)).toHaveLength(1);
		const db = handles[0].db;
		const applied = await db
			.selectFrom('kysely_migration' as never)
			.select('name' as never)
			.execute();
		expect(applied).toHaveLength(Object.keys(migrations).length);
		// The demo's departments once, not twice: their codes are the seed's, each once.
		const codes = await db.selectFrom('department').select('code').execute();
		expect(codes.length).toBeGreaterThan(0);
		expect(new Set(codes.map((d) => d.code)).size).toBe(codes.length);
		const competitions = await db.selectFrom('competition').select('slug').execute();
		expect(new Set(competitions.map((c) => c.slug)).size).toBe(competitions.length);
		// The demo has its administrator: no setup link.
		expect(results.map((r) => r.setup)).toEqual([null, null]);
	});

	it('without the demo, make one setup link: the first instance prints it, the other says another instance did', async () => {
		const handles = await emptyDatabase(3);
		const results = await startAll(handles, (h) => firstStartSteps(h.db, false));

		expect(results.every((r) => r.seeded === null)).toBe(true);
		const links = results.flatMap((r) => (r.setup && 'token' in r.setup ? [r.setup.token] : []));
		expect(links).toHaveLength(1);
		expect(results.filter((r) => r.setup && 'madeElsewhere' in r.setup)).toHaveLength(2);
		expect(await isSetupLinkValid(handles[0].db, links[0])).toBe(true);
	});

	it('start the job queue at once: each creates the same queues, none fails (a deadlock between them is tried again)', async () => {
		const handles = await emptyDatabase(3);
		await startAll(handles, (h) => firstStartSteps(h.db, false));
		const jobs = await startAll(handles, (h) => startJobs(h.db, JOBS, { listen: false }));
		try {
			const queues = await sql<{ name: string }>`SELECT name FROM pgboss.queue WHERE name NOT LIKE '\_\_pgboss%' ORDER BY name`.execute(
				handles[0].db
			);
			expect(queues.rows.map((q) => q.name)).toEqual([...QUEUE_NAMES].sort());
			// Every pool still answers: no connection was left inside an aborted transaction.
			for (const h of handles) for (let i = 0; i < 3; i++) await sql`SELECT 1`.execute(h.db);
		} finally {
			for (const j of jobs) await j.stop();
		}
	}, 120_000);
});
