/**
 * The database as the command-line tools open it (db:migrate, db:seed, org:setup, org:import):
 * the one the environment names (DATABASE_URL, else the embedded one in DATA_DIR), migrated to
 * the latest schema. Node cannot import the migrations through Vite here, so they are read
 * from the folder (tsx runs the TypeScript).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { config } from '../src/lib/server/config.js';
import { openDatabase } from '../src/lib/server/db/index.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';

async function loadMigrations(): Promise<Record<string, Migration>> {
	const dir = join(import.meta.dirname, '..', 'migrations');
	const files = readdirSync(dir)
		.filter((f) => /^\d{4}_.*\.ts$/.test(f))
		.sort();
	const entries = await Promise.all(
		files.map(async (f) => [f.replace(/\.ts$/, ''), (await import(pathToFileURL(join(dir, f)).href)) as Migration] as const)
	);
	return Object.fromEntries(entries);
}

/** Opens the configured database and migrates it; `applied` names the migrations this run applied. Close the handle when done. */
export async function openMigratedDatabase() {
	const cfg = config();
	const handle = await openDatabase(
		cfg.databaseUrl ? { engine: 'postgres', url: cfg.databaseUrl } : { engine: 'pglite', dataDir: cfg.dataDir }
	);
	try {
		const applied = await migrateToLatest(handle.db, await loadMigrations());
		return { ...handle, applied };
	} catch (error) {
		await handle.close();
		throw error;
	}
}
