import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './index.js';

export type MigrationModules = Record<string, Migration>;

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Database, migrations: MigrationModules): Promise<string[]> {
	const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };
	// Migrations written in parallel may land out of number order; each still runs once.
	const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		// eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever else was thrown, as String() shows it
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
