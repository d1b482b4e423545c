/**
 * Database commands outside the server: `tsx scripts/db.ts migrate|seed`.
 * Migrations are loaded from migrations/ here (tsx runs TypeScript); the server bundles them.
 */
import { ConfigError } from '../src/lib/server/config.js';
import { DatabaseOpenError } from '../src/lib/server/db/index.js';
import { openMigratedDatabase } from './cli-database.js';
import { seedDemo } from '../src/lib/server/seed/demo.js';

async function main(command: string | undefined): Promise<void> {
	if (command !== 'migrate' && command !== 'seed') {
		console.error('usage: tsx scripts/db.ts migrate|seed');
		process.exit(2);
	}
	const handle = await openMigratedDatabase();
	try {
		const applied = handle.applied;
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
