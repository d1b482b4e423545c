/**
 * A fresh, migrated database for one test file.
 *
 * Without DATABASE_URL: an in-memory PGlite (nothing on disk, gone on close).
 * With DATABASE_URL: a throwaway database `ideacup_t_<hex>` created on that server, dropped
 * (WITH FORCE) on close. The URL's own database is only used to run CREATE/DROP DATABASE.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '$lib/server/db/index.js';
import { migrateToLatest } from '$lib/server/db/migrate.js';
import { migrations } from '$lib/server/db/migrations.js';

export type TestDatabase = {
	db: Database;
	engine: 'postgres' | 'pglite';
	/** Names of the migrations applied when the database was created. */
	applied: string[];
	close(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
	const serverUrl = process.env.DATABASE_URL?.trim();
	if (!serverUrl) {
		const handle = await openDatabase({ engine: 'pglite' });
		try {
			const applied = await migrateToLatest(handle.db, migrations);
			return { db: handle.db, engine: 'pglite', applied, close: handle.close };
		} catch (error) {
			await handle.close().catch(() => {});
			throw error;
		}
	}

	const name = `ideacup_t_${randomBytes(6).toString('hex')}`;
	await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
	const url = withDatabase(serverUrl, name);
	let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		await handle?.close().catch(() => {});
		await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	};
	try {
		handle = await openDatabase({ engine: 'postgres', url, poolSize: 4 });
		const applied = await migrateToLatest(handle.db, migrations);
		return { db: handle.db, engine: 'postgres', applied, close };
	} catch (error) {
		await close().catch(() => {});
		throw error;
	}
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end().catch(() => {});
	}
}
