/**
 * The database layer itself: one code path on both engines, safe queuing, the data-folder
 * guard. Reading the configuration needs no database: src/lib/server/config.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '$lib/server/db/index.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase();
	await sql`create table probe (id serial primary key, note text not null)`.execute(testDb.db);
});

afterAll(async () => {
	await testDb?.close();
});

describe('concurrent requests', () => {
	it("a write outside a transaction never rides on another request's transaction that rolls back", async () => {
		const db = testDb.db;
		let release!: () => void;
		const inside = new Promise<void>((resolve) => (release = resolve));
		const failing = db
			.transaction()
			.execute(async (trx) => {
				await sql`insert into probe (note) values ('rolled back')`.execute(trx);
				await inside;
				throw new Error('boom');
			})
			.catch((e: Error) => e.message);
		// Another request writes while the transaction above is open.
		const other = sql`insert into probe (note) values ('kept')`.execute(db);
		setTimeout(release, 50);
		expect(await failing).toBe('boom');
		await other;
		const notes = (await sql<{ note: string }>`select note from probe order by id`.execute(db)).rows.map((r) => r.note);
		expect(notes).toEqual(['kept']);
	});

	it('many parallel requests all complete and all are counted', async () => {
		await Promise.all(Array.from({ length: 40 }, (_, i) => sql`insert into probe (note) values (${'n' + i})`.execute(testDb.db)));
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from probe where note like 'n%'`.execute(testDb.db);
		expect(rows[0].n).toBe(40);
	});
});

describe('the embedded data folder', () => {
	it('refuses a folder another live process holds, with a clear message', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ideacup-lock-'));
		try {
			// The parent process (the test runner) is alive: its pid in the lock means "in use".
			writeFileSync(join(dir, 'ideacup.lock'), String(process.ppid));
			await expect(openDatabase({ engine: 'pglite', dataDir: dir })).rejects.toThrow(DatabaseOpenError);
			await expect(openDatabase({ engine: 'pglite', dataDir: dir })).rejects.toThrow(/in use by another IdeaCup process/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('takes over a lock left by a process that died, and releases it on close', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ideacup-lock-'));
		try {
			writeFileSync(join(dir, 'ideacup.lock'), '999999');
			const handle = await openDatabase({ engine: 'pglite', dataDir: dir });
			await sql`select 1`.execute(handle.db);
			await handle.close();
			const again = await openDatabase({ engine: 'pglite', dataDir: dir });
			await again.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
