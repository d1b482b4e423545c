import { config, type AppConfig } from '../config.js';
import { openDatabase, type Database, type DatabaseHandle } from '../db/index.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations.js';
import { seedDemo } from '../seed/demo.js';
import { sql } from 'kysely';

let handle: DatabaseHandle | undefined;

/** The server's database, opened once at start-up by the init hook. */
export function db(): Database {
	if (!handle) throw new Error('The database is not open yet');
	return handle.db;
}

export function runtimeEngine(): DatabaseHandle['engine'] | undefined {
	return handle?.engine;
}

/**
 * Opens, migrates and (on a first start) seeds the database. Throws ConfigError or
 * DatabaseOpenError with a one-line reason; the init hook turns them into an exit.
 */
export async function startRuntime(cfg: AppConfig = config()): Promise<{ seeded: string | null }> {
	handle = await openDatabase(
		cfg.databaseUrl ? { engine: 'postgres', url: cfg.databaseUrl, poolSize: cfg.pgPoolSize } : { engine: 'pglite', dataDir: cfg.dataDir }
	);
	await migrateToLatest(handle.db, migrations);
	const wantsSeed = cfg.seedDemo === 'empty' || (cfg.seedDemo === 'auto' && handle.engine === 'pglite');
	if (wantsSeed) {
		const result = await seedDemo(handle.db, {});
		if (result.seeded) return { seeded: result.summary };
	}
	return { seeded: null };
}

export async function stopRuntime(): Promise<void> {
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
