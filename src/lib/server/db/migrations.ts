import type { Migration } from 'kysely';
import type { MigrationModules } from './migrate.js';

// Bundled into the build (and seen by vitest) through Vite, not read from the source tree.
const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

export const migrations: MigrationModules = Object.fromEntries(
	Object.entries(modules).map(([path, module]) => [path.replace(/^.*\/|\.ts$/g, ''), module])
);
