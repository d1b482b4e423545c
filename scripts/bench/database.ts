/**
 * The benchmark's databases: a throwaway PostgreSQL database on DATABASE_URL's server or a
 * temporary PGlite folder, migrated, with the demo organisation, the generated knowledge base
 * and 30 extra jurors on one open round, all written before the server starts (PGlite has no
 * lock on its folder, so two processes must never hold it at once). After the run the score
 * sheets are checked (nothing lost, nothing doubled) and the database is dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db/index.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { DEMO_PERSONAS, seedDemo } from '../../src/lib/server/seed/demo.js';
import { generateGlossary, generateKnowledgeBase } from './kb-data.js';

export type Engine = 'postgres' | 'pglite';

/** The migrations of the tree the server was built from (`--app`), so the schema is the one it expects. */
export async function loadMigrations(appDir = join(import.meta.dirname, '..', '..')): Promise<Record<string, Migration>> {
	const dir = join(appDir, 'migrations');
	const files = readdirSync(dir)
		.filter((f) => /^\d{4}_.*\.ts$/.test(f))
		.sort();
	return Object.fromEntries(
		await Promise.all(
			files.map(async (f) => [f.replace(/\.ts$/, ''), (await import(pathToFileURL(join(dir, f)).href)) as Migration] as const)
		)
	);
}

/** Where the server finds its database, and how to open it again from here. */
export type BenchDatabase = {
	engine: Engine;
	/** The server's environment for this database (DATABASE_URL or DATA_DIR). */
	env: Record<string, string>;
	open: () => Promise<DatabaseHandle>;
	drop: () => Promise<void>;
};

export async function createDatabase(engine: Engine, serverUrl: string): Promise<BenchDatabase> {
	if (engine === 'postgres') {
		const name = `ideacup_bench_${randomBytes(5).toString('hex')}`;
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		return {
			engine,
			env: { DATABASE_URL: url.toString() },
			open: () => openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 }),
			drop: async () => {
				const a = new pg.Client({ connectionString: serverUrl });
				await a.connect();
				await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await a.end();
			}
		};
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'ideacup-bench-'));
	return {
		engine,
		env: { DATA_DIR: dataDir },
		open: () => openDatabase({ engine: 'pglite', dataDir }),
		drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true }))
	};
}

export type Fixture = {
	personas: { organiser: number; employee: number; juror: number };
	/** The round and idea the 30 extra jurors score, with the round's criteria. */
	save: {
		roundId: number;
		ideaId: number;
		jurors: number[];
		criteria: Array<{ id: number; min: number; max: number }>;
		/** The version each juror's sheet has before the run. */
		version: number;
	};
	kbEntries: number;
	seconds: { demo: number; kb: number; rest: number };
};

export const SAVE_JURORS = 30;

/** Migrates, seeds the demo organisation, adds the knowledge base and the jurors, then VACUUM ANALYZE. */
export async function prepareDatabase(target: BenchDatabase, appDir: string, size: number, log: (line: string) => void): Promise<Fixture> {
	const handle = await target.open();
	try {
		const db = handle.db;
		await migrateToLatest(db, await loadMigrations(appDir));
		let t = performance.now();
		const demo = await seedDemo(db);
		if (!demo.seeded) throw new Error(`the demo was not seeded: ${demo.summary}`);
		const demoSeconds = (performance.now() - t) / 1000;
		log(`demo organisation seeded in ${demoSeconds.toFixed(1)} s`);
		t = performance.now();
		await generateKnowledgeBase(db, { size, seed: 2026, log: (line) => log(`kb: ${line}`) });
		// Searches run with a company glossary of 300 pairs (issue 17), as a company would keep one.
		const pairs = await generateGlossary(db, 300);
		const kbSeconds = (performance.now() - t) / 1000;
		log(`knowledge base of ${size} entries and a glossary of ${pairs} pairs generated in ${kbSeconds.toFixed(1)} s`);
		t = performance.now();
		const personas = await personaIds(db);
		const save = await addJurors(db, personas.juror);
		await sql`VACUUM ANALYZE`.execute(db);
		const kb = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kb_entry WHERE status = 'published'`.execute(db);
		return {
			personas,
			save,
			kbEntries: kb.rows[0].n,
			seconds: { demo: demoSeconds, kb: kbSeconds, rest: (performance.now() - t) / 1000 }
		};
	} finally {
		await handle.close();
	}
}

async function personaIds(db: Database): Promise<Fixture['personas']> {
	const email = (role: string) => DEMO_PERSONAS.find((p) => p.role === role)!.email;
	const rows = await db
		.selectFrom('appUser')
		.select(['id', 'email'])
		.where('email', 'in', [email('organiser'), email('employee'), email('juror')])
		.execute();
	const id = (role: string) => {
		const row = rows.find((r) => r.email === email(role));
		if (!row) throw new Error(`demo persona ${role} (${email(role)}) not found`);
		return row.id;
	};
	return { organiser: id('organiser'), employee: id('employee'), juror: id('juror') };
}

/**
 * 30 more jurors on the demo juror's jury in an open round, each with a draft sheet (version 1,
 * every criterion at its lowest score) for the jury's first idea: the concurrent score save.
 */
/**
 * `count` new people (managers of the first department), `<email>.<n>@bench.example`, seated
 * on the jury: the benchmark's jurors. Their ids, in order.
 */
export async function addBenchJurors(
	db: Database,
	juryId: number,
	count: number,
	label: { email: string; name: string }
): Promise<number[]> {
	const department = await db.selectFrom('department').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
	const users = await db
		.insertInto('appUser')
		.values(
			Array.from({ length: count }, (_, i) => ({
				email: `${label.email}.${i + 1}@bench.example`,
				name: `${label.name} ${i + 1}`,
				departmentId: department.id,
				jobLevel: 'manager'
			}))
		)
		.returning('id')
		.execute();
	const jurors = users.map((u) => u.id);
	await db
		.insertInto('juryMember')
		.values(jurors.map((userId) => ({ juryId, userId })))
		.execute();
	return jurors;
}

async function addJurors(db: Database, demoJuror: number): Promise<Fixture['save']> {
	const place = await db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('roundEntry as re', 're.juryId', 'j.id')
		.select(['j.id as juryId', 'j.roundId', 're.ideaId'])
		.where('jm.userId', '=', demoJuror)
		.where('r.status', '=', 'open')
		.orderBy('j.roundId')
		.orderBy('re.ideaId')
		.limit(1)
		.executeTakeFirstOrThrow();
	const criteria = await db
		.selectFrom('roundCriterion')
		.select(['id', 'scaleMin as min', 'scaleMax as max'])
		.where('roundId', '=', place.roundId)
		.orderBy('position')
		.execute();
	const jurors = await addBenchJurors(db, place.juryId, SAVE_JURORS, { email: 'bench.juror', name: 'Bench Juror' });
	const sheets = await db
		.insertInto('scoreSheet')
		.values(jurors.map((jurorId) => ({ roundId: place.roundId, ideaId: place.ideaId, jurorId, version: 1 })))
		.returning('id')
		.execute();
	await db
		.insertInto('score')
		.values(sheets.flatMap((s) => criteria.map((c) => ({ sheetId: s.id, criterionId: c.id, value: c.min }))))
		.execute();
	return { roundId: place.roundId, ideaId: place.ideaId, jurors, criteria, version: 1 };
}

export type SaveCheck = { sheets: number; lost: number; doubled: number; details: string[] };

/**
 * After the run: each extra juror has one sheet, its version is the first plus the saves the
 * server answered as done (fewer: lost; more: doubled), and its scores are the last ones sent.
 */
export async function checkSaves(
	target: BenchDatabase,
	save: Fixture['save'],
	expected: Map<number, { saves: number; last: Record<number, number> }>
): Promise<SaveCheck> {
	const handle = await target.open();
	try {
		const sheets = await handle.db
			.selectFrom('scoreSheet')
			.select(['id', 'jurorId', 'version'])
			.where('roundId', '=', save.roundId)
			.where('ideaId', '=', save.ideaId)
			.where('jurorId', 'in', save.jurors)
			.execute();
		const scores = await handle.db
			.selectFrom('score')
			.select(['sheetId', 'criterionId', 'value'])
			.where(
				'sheetId',
				'in',
				sheets.map((s) => s.id)
			)
			.execute();
		const check: SaveCheck = { sheets: sheets.length, lost: 0, doubled: 0, details: [] };
		for (const juror of save.jurors) {
			const own = sheets.filter((s) => s.jurorId === juror);
			const want = expected.get(juror) ?? { saves: 0, last: {} };
			if (own.length !== 1) {
				check.doubled += Math.max(0, own.length - 1);
				check.lost += own.length === 0 ? want.saves : 0;
				check.details.push(`juror ${juror}: ${own.length} sheets`);
				continue;
			}
			const sheet = own[0];
			const gained = sheet.version - save.version;
			if (gained < want.saves) check.lost += want.saves - gained;
			if (gained > want.saves) check.doubled += gained - want.saves;
			const mine = scores.filter((s) => s.sheetId === sheet.id);
			const wrong = Object.entries(want.last).filter(([id, v]) => mine.find((s) => s.criterionId === Number(id))?.value !== v);
			if (wrong.length) {
				check.lost += 1;
				check.details.push(`juror ${juror}: scores differ from the last save on ${wrong.length} criteria`);
			}
			if (gained !== want.saves) check.details.push(`juror ${juror}: version +${gained}, ${want.saves} saves answered`);
		}
		return check;
	} finally {
		await handle.close();
	}
}
