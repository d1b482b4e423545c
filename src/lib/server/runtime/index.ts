import { config, publicAddress, type AppConfig } from '../config.js';
import { openDatabase, type Database, type DatabaseHandle } from '../db/index.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations.js';
import { seedDemo } from '../seed/demo.js';
import { prepareFirstStartShared } from '../people/setup.service.js';
import { configureFileStore } from '../attachments/storage.js';
import { describeMail, startJobs, type JobsHandle } from '../jobs/boss.js';
import { sql } from 'kysely';
import { startLiveListener, stopLiveListener } from '../live/bus.js';
import { stopLiveHub, watchedSessions } from '../live/hub.js';

let handle: DatabaseHandle | undefined;
let jobs: JobsHandle | undefined;

/** The server's database, opened once at start-up by the init hook. */
export function db(): Database {
	if (!handle) throw new Error('The database is not open yet');
	return handle.db;
}

export function runtimeEngine(): DatabaseHandle['engine'] | undefined {
	return handle?.engine;
}

/** What the first start did, for the start-up lines. */
export type StartResult = {
	/** The demo's summary when this start seeded it. */
	seeded: string | null;
	/**
	 * No administrator yet: the one-time setup link this instance made, or `madeElsewhere`
	 * when another instance starting at the same time made (and printed) it. Null once there
	 * is an administrator.
	 */
	setup: { token: string } | { madeElsewhere: true } | null;
	/** Where uploaded files go. */
	files: 'disk' | 's3';
};

/**
 * Opens, migrates and (on a first start) seeds the database, and prepares the setup link.
 * Several instances may start at once on one database: they take turns on a PostgreSQL
 * advisory lock (held on one connection for the whole step), so migrations and the demo seed
 * run once and only the first instance makes the setup link. Throws ConfigError or
 * DatabaseOpenError with a one-line reason; the init hook turns them into an exit.
 */
export async function startRuntime(cfg: AppConfig = config()): Promise<StartResult> {
	const files = await configureFileStore(cfg.objectStorage);
	handle = await openDatabase(
		cfg.databaseUrl ? { engine: 'postgres', url: cfg.databaseUrl, poolSize: cfg.pgPoolSize } : { engine: 'pglite', dataDir: cfg.dataDir }
	);
	const wantsSeed = cfg.seedDemo === 'empty' || (cfg.seedDemo === 'auto' && handle.engine === 'pglite');
	const started = await firstStartSteps(handle.db, wantsSeed);
	// Every instance can ask for delivery; only those with RUN_JOBS work the queues.
	jobs = await startJobs(handle.db, {
		mail: cfg.mail,
		origin: publicAddress(cfg, process.env.PORT),
		authSecret: cfg.authSecret,
		instanceName: cfg.instanceName,
		workers: cfg.runJobs
	});
	console.log(describeMail(cfg.mail, cfg.runJobs));
	// Live sessions: one LISTEN connection per instance on PostgreSQL (PGlite announces in-process).
	if (handle.engine === 'postgres' && cfg.databaseUrl) await startLiveListener(cfg.databaseUrl, watchedSessions);
	return { ...started, files: files.kind };
}

/** The running job queue (the admin jobs page's "Run now"); undefined before start and in tests. */
export function runningJobs(): JobsHandle | undefined {
	return jobs;
}

/** The start-up lock's key, the same for every instance of the portal on one database. */
const START_LOCK = sql`hashtext('ideacup.start')`;

/**
 * Migrate, seed and the setup link under the start-up lock. The work runs on the locked
 * connection itself, so it needs no second connection (a pool of one still works).
 */
export async function firstStartSteps(database: Database, wantsSeed: boolean): Promise<Omit<StartResult, 'files'>> {
	return database.connection().execute(async (conn) => {
		await sql`select pg_advisory_lock(${START_LOCK})`.execute(conn);
		try {
			await migrateToLatest(conn, migrations);
			let seeded: string | null = null;
			if (wantsSeed) {
				const result = await seedDemo(conn, {});
				if (result.seeded) seeded = result.summary;
			}
			const setup = await prepareFirstStartShared(conn);
			return { seeded, setup };
		} finally {
			await sql`select pg_advisory_unlock(${START_LOCK})`.execute(conn);
		}
	});
}

export async function stopRuntime(): Promise<void> {
	stopLiveHub();
	await stopLiveListener().catch((error: Error) => console.error(`[live] stopping: ${error.message}`));
	const j = jobs;
	jobs = undefined;
	// The workers first (a running job gets a few seconds), while the database is still open.
	await j?.stop().catch((error: Error) => console.error(`[jobs] stopping: ${error.message}`));
	const h = handle;
	handle = undefined;
	await h?.close();
}

export async function databaseAnswers(): Promise<boolean> {
	try {
		await sql`select 1`.execute(db());
		return true;
	} catch {
		return false;
	}
}
