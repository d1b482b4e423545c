import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { tallyStatement } from './statement-count.js';

export type Database = Kysely<DB>;
/** What a query function takes: the database, or a transaction a service opened on it. */
export type Db = Database | Transaction<DB>;
export type Engine = 'postgres' | 'pglite';

export type OpenOptions =
	| { engine: 'postgres'; url: string; poolSize?: number }
	/** dataDir undefined: an in-memory database (tests). */
	| { engine: 'pglite'; dataDir?: string };

export type DatabaseHandle = {
	db: Database;
	engine: Engine;
	close: () => Promise<void>;
};

/** The database cannot be opened: a one-line reason for the operator. */
export class DatabaseOpenError extends Error {}

// Dates as ISO strings would surprise everyone; bigint counts fit in a JS number here.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
// int8[] (1016) as numbers, like int8, with int4[]'s (1007) parser; array type ids are not in pg's TypeId list
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
pg.types.setTypeParser(1016 as TypeId, pg.types.getTypeParser(1007 as TypeId) as (value: string) => number[]);
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD'

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.engine === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
	return openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
	pool.on('error', (error) => console.error('[db] idle client error:', error.message));
	// No JIT: the portal's statements are short, and the planner's estimate of a correlated
	// subquery (the conflict rule's walk up the reporting line) made PostgreSQL compile the
	// round page's jurors for 1.4 s to run them in 60 ms. Queued before any query of the client.
	pool.on('connect', (client) => {
		client.query('SET jit = off').catch((error: Error) => console.error('[db] SET jit = off:', error.message));
	});
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins, log: tallyStatement });
	try {
		await sql`select 1`.execute(db);
	} catch (error) {
		await pool.end().catch(() => {});
		throw new DatabaseOpenError(`Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
	}
	return { db, engine: 'postgres', close: () => db.destroy() };
}

/**
 * The embedded database's memory is WebAssembly memory, which grows and never shrinks: with
 * PostgreSQL's defaults (128 MB of shared buffers, 64 MB for maintenance) an idle PGlite held
 * ~260 MB. The portal's working set is small and the file system caches what the buffers do
 * not: 16 MB of buffers held ~140 MB. Written into the data folder's postgresql.conf at each start.
 */
const PGLITE_CONF = ['shared_buffers = 16MB', 'maintenance_work_mem = 16MB', 'temp_buffers = 4MB'];

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
	// PGlite is PostgreSQL compiled to WebAssembly. V8 first compiles it with its baseline
	// compiler, then recompiles hot functions with its optimising one, keeping both: under page
	// load the process grew by ~80 MB of machine code that never went away. The baseline code
	// alone ran the portal's statements as fast, within this machine's noise (a paired run of
	// 1,200 statements: 7.7 s and 10.3 s against 11.3 s and 8.6 s). Set before the module compiles.
	setFlagsFromString('--liftoff-only');
	const [{ PGlite }, { createPgConfig }, { pg_trgm }, { unaccent }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('@electric-sql/pglite/node-postgres'),
		import('@electric-sql/pglite/contrib/pg_trgm'),
		import('@electric-sql/pglite/contrib/unaccent')
	]);
	const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
	let pglite: InstanceType<typeof PGlite>;
	try {
		pglite = await PGlite.create(dataDir ? join(dataDir, 'pglite') : undefined, {
			extensions: { pg_trgm, unaccent },
			postgresqlconf: PGLITE_CONF
		});
	} catch (error) {
		releaseLock();
		throw new DatabaseOpenError(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
	}
	// One connection: requests queue on the pool, and a transaction holds it alone, so no
	// request's write can ride on another's transaction.
	const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins, log: tallyStatement });
	let closed = false;
	return {
		db,
		engine: 'pglite',
		close: async () => {
			if (closed) return;
			closed = true;
			await db.destroy().catch(() => {});
			await pglite.close();
			releaseLock();
		}
	};
}

/**
 * PGlite does not lock its folder: a second process would open it silently and could
 * corrupt it. A lock file with our pid guards it; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, 'ideacup.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(file, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(readFileSync(file, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) {
				throw new DatabaseOpenError(
					`The data folder ${dataDir} is in use by another IdeaCup process (pid ${pid}). Stop it, or set DATA_DIR to another folder.`
				);
			}
			rmSync(file, { force: true });
		}
	}
	throw new DatabaseOpenError(`Cannot lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function redact(url: string): string {
	return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
