/**
 * Database commands outside the server: `tsx scripts/db.ts migrate|seed`.
 * Migrations are loaded from migrations/ here (tsx runs TypeScript); the server bundles them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { config, ConfigError } from '../src/lib/server/config.js';
import { DatabaseOpenError, openDatabase } from '../src/lib/server/db/index.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { seedDemo } from '../src/lib/server/seed/demo.js';

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

async function main(command: string | undefined): Promise<void> {
	if (command !== 'migrate' && command !== 'seed') {
		console.error('usage: tsx scripts/db.ts migrate|seed');
		process.exit(2);
	}
	const cfg = config();
	const handle = await openDatabase(
		cfg.databaseUrl ? { engine: 'postgres', url: cfg.databaseUrl } : { engine: 'pglite', dataDir: cfg.dataDir }
	);
	try {
		const applied = await migrateToLatest(handle.db, await loadMigrations());
		console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database schema is up to date.');
		if (command === 'seed') {
			const result = await seedDemo(handle.db, { reset: process.argv.includes('--reset') });
			console.log(result.seeded ? `Seeded the demo organisation: ${result.summary}` : `Not seeded: ${result.summary}`);
		}
	} finally {
		await handle.close();
	}
}

main(process.argv[2]).catch((error) => {
	if (error instanceof ConfigError || error instanceof DatabaseOpenError) console.error(`IdeaCup: ${error.message}`);
	else console.error(error);
	process.exit(1);
});
