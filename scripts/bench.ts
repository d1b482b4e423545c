/**
 * Knowledge-base search benchmark: `npm run bench` (or `tsx scripts/bench.ts --engines postgres,pglite`).
 *
 * 1. Creates a throwaway PostgreSQL database `ideacup_bench_<hex>` on DATABASE_URL's server
 *    (default postgres://postgres@127.0.0.1:5432/postgres) and/or an in-memory PGlite, runs
 *    every migration, and seeds --entries (default 20,000) published entries with realistic
 *    English and Dutch text, tags, attachment names and adoptions; then VACUUM ANALYZE.
 * 2. Runs a few hundred varied queries (single words, phrases, Dutch inflections, typos that
 *    need a suggestion, filters, browsing by most adopted, later pages), each once to warm
 *    up, then measures:
 *    - "SQL": the exact statements the search page runs (search + facets in one statement,
 *      plus the suggestion query when a search finds fewer than 3), sent on a bare pg client;
 *    - "page": the service function the page's load calls (searchKb: Kysely, mapping,
 *      highlighting), on the same database.
 * 3. Prints p50/p95/p99 per engine and the page/SQL ratio; drops the database.
 *
 * Bounded in time: --seconds (default 240) caps the measuring phase. Targets (issue 6):
 * PostgreSQL search p50 <= 20 ms and p99 <= 100 ms; the page no slower than 1.5x the SQL.
 *
 * HR import (issue 11): when DATABASE_URL is set, 15,000 generated people (--hr-people) in 57
 * departments three levels deep, each with their manager, are imported into a fresh PostgreSQL
 * database through the service the page and `npm run org:import` use: the seconds of the dry run
 * (read + plan + store) and of the apply, then a second dry run of the same file (all unchanged).
 * Target: dry run + apply under 30 s. `--steps kb,hr-import` chooses the steps (default both).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db/index.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { searchStatement, type SearchFilters } from '../src/lib/server/knowledge-base/kb-search.queries.js';
import { searchKb } from '../src/lib/server/knowledge-base/kb.service.js';
import { searchQuerySchema, KB_PAGE_SIZE, type SearchQuery } from '../src/lib/server/knowledge-base/kb.schema.js';
import type { Actor } from '../src/lib/server/auth/policy.js';
import { applyImport, dryRunImport, uploadHrFile } from '../src/lib/server/people/hr-import/hr-import.service.js';
import { hrCsv, type HrDepartment } from '../tests/fixtures/hr-files.js';

// ---------------------------------------------------------------- options

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const ENTRIES = Number(option('entries', '20000'));
const QUERIES = Number(option('queries', '300'));
const SECONDS = Number(option('seconds', '240'));
const ENGINES = option('engines', 'postgres').split(',') as Array<'postgres' | 'pglite'>;
const SERVER_URL = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const STEPS = option('steps', 'kb,hr-import').split(',');
const HR_PEOPLE = Number(option('hr-people', '15000'));

// ---------------------------------------------------------------- deterministic text

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = mulberry32(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const some = <T>(xs: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(xs)))];

const EN = {
	things: [
		'torque wrench',
		'calibration gauge',
		'shadow board',
		'kanban bin',
		'label printer',
		'ESD tester',
		'lifting aid',
		'vacuum fixture',
		'purge hose',
		'work instruction',
		'cleanroom trolley',
		'helium leak tester',
		'wafer stage cover',
		'cable set',
		'interferometer',
		'calliper',
		'pallet jack',
		'barcode scanner',
		'inspection bench',
		'safety glasses',
		'reticle handler',
		'spare parts rack',
		'test cell',
		'forklift route',
		'gowning room'
	],
	problems: [
		'operators lose time searching for the',
		'we often find a damaged',
		'nobody knows the status of the',
		'the paper checklist for the',
		'there is no standard place for the',
		'new colleagues struggle with the',
		'defects are found late because of the',
		'the team waits every shift for the',
		'near misses happen around the',
		'the old procedure for the'
	],
	effects: [
		'which costs hours every week',
		'and modules wait half a shift',
		'causing rework and scrap',
		'so the line stops several times a month',
		'which led to two safety incidents last year',
		'and quality complaints from the next station'
	],
	solutions: [
		'We introduced colour codes and a fixed place for the',
		'A simple poka-yoke now blocks the wrong',
		'We made an instruction video and updated the work instruction for the',
		'A digital log replaces the paper form for the',
		'We moved the',
		'A weekly 5S round now checks the',
		'We added a scanner check before the',
		'Two-bin kanban now refills the'
	],
	results: [
		'Searching time dropped by two thirds.',
		'Defects fell from eighteen to ten per year.',
		'No lifting incidents since the change.',
		'Set-up time halved in the pilot.',
		'Operators report less stress and fewer interruptions.'
	]
};
const NL = {
	things: [
		'momentsleutel',
		'kalibratiemeter',
		'gereedschapsbord',
		'kanbanbak',
		'labelprinter',
		'ESD-tester',
		'tilhulp',
		'vacuümopstelling',
		'spoelslang',
		'werkinstructie',
		'cleanroomkar',
		'heliumlektester',
		'kabelset',
		'schuifmaat',
		'palletwagen',
		'barcodescanner',
		'inspectietafel',
		'veiligheidsbril',
		'reserveonderdelenrek',
		'testcel',
		'heftruckroute',
		'omkleedruimte',
		'magazijnstelling'
	],
	problems: [
		'Operators zoeken elke dienst naar de',
		'We vinden vaak een beschadigde',
		'Niemand weet de status van de',
		'De papieren checklist voor de',
		'Er is geen vaste plek voor de',
		"Nieuwe collega's worstelen met de",
		'Fouten worden laat gevonden door de',
		'Het team wacht elke dienst op de'
	],
	effects: [
		'wat elke week uren kost',
		'en modules wachten een halve dienst',
		'met herstelwerk en afkeur als gevolg',
		'waardoor de lijn meerdere keren per maand stilstaat',
		'wat vorig jaar tot twee veiligheidsincidenten leidde'
	],
	solutions: [
		'We hebben kleurcodes en een vaste plek ingevoerd voor de',
		'Een eenvoudige poka-yoke voorkomt nu een verkeerde',
		'We maakten een instructievideo en pasten de werkinstructie aan voor de',
		'Een digitaal logboek vervangt het papieren formulier voor de',
		'Een wekelijkse 5S-ronde controleert nu de',
		'Tweebakskanban vult nu de'
	],
	results: [
		'De zoektijd is met twee derde gedaald.',
		'Het aantal fouten daalde van achttien naar tien per jaar.',
		'Geen tilincidenten meer sinds de verbetering.',
		'De insteltijd is in de pilot gehalveerd.',
		'Deze verbeteringen schelen het team veel onderbrekingen.'
	],
	titles: [
		'Kleine verbetering aan de',
		'Vaste plek voor de',
		'Snellere controle van de',
		'Nieuwe werkwijze voor de',
		'Minder zoeken naar de'
	]
};
const TAGS = [
	'5s',
	'lean',
	'kanban',
	'poka-yoke',
	'safety',
	'ergonomics',
	'calibration',
	'cleanroom',
	'esd',
	'onboarding',
	'training',
	'logistics',
	'quality',
	'digital',
	'visual-management',
	'torque',
	'labels',
	'maintenance',
	'waste',
	'energy',
	'werkinstructie',
	'veiligheid',
	'kwaliteit',
	'magazijn',
	'verbetering'
];
const DEPARTMENTS = [
	['BO', 'Build Operations'],
	['QA', 'Quality Assurance'],
	['LOG', 'Logistics'],
	['TST', 'Test & Calibration'],
	['ENG', 'Engineering'],
	['EHS', 'Environment, Health & Safety'],
	['GEN', 'General & IT'],
	['FAC', 'Facilities']
] as const;
const AREAS = [
	['assembly', 'Assembly', 'Assemblage'],
	['testing', 'Testing', 'Testen'],
	['calibration', 'Calibration', 'Kalibratie'],
	['logistics', 'Logistics', 'Logistiek'],
	['quality-control', 'Quality control', 'Kwaliteitscontrole'],
	['maintenance', 'Maintenance', 'Onderhoud'],
	['safety', 'Safety', 'Veiligheid'],
	['cleanroom', 'Cleanroom', 'Cleanroom'],
	['office-process', 'Office process', 'Kantoorproces'],
	['training', 'Training & onboarding', 'Training & inwerken']
] as const;

function entryText(i: number) {
	const dutch = rnd() < 0.4;
	const v = dutch ? NL : EN;
	const thing = pick(v.things);
	const other = pick(v.things);
	const title = dutch
		? `${pick(NL.titles)} ${thing}${rnd() < 0.3 ? ` en ${other}` : ''}`
		: `${pick(['Fixed place for the', 'Faster check of the', 'Colour-coded', 'Safer handling of the', 'New way of working for the', 'Less searching for the'])} ${thing}${rnd() < 0.3 ? ` and ${other}` : ''}`;
	const problem = `${pick(v.problems)} ${thing}, ${pick(v.effects)}. ${pick(v.problems)} ${other}.`;
	const solution = `${pick(v.solutions)} ${thing}. ${pick(v.solutions)} ${other}. ${pick(v.results)}`;
	const summary = `${pick(v.results)} ${dutch ? 'Eenvoudig over te nemen door andere afdelingen.' : 'Easy for other departments to adopt.'}`;
	return { title: `${title} (${i})`.slice(0, 160), summary, problem, solution, thing, dutch };
}

// ---------------------------------------------------------------- seeding

async function loadMigrations(): Promise<Record<string, Migration>> {
	const dir = join(import.meta.dirname, '..', 'migrations');
	const files = readdirSync(dir)
		.filter((f) => /^\d{4}_.*\.ts$/.test(f))
		.sort();
	return Object.fromEntries(
		await Promise.all(
			files.map(async (f) => [f.replace(/\.ts$/, ''), (await import(pathToFileURL(join(dir, f)).href)) as Migration] as const)
		)
	);
}

async function seed(db: Database): Promise<{ departmentIds: number[] }> {
	const depts = await db
		.insertInto('department')
		.values(DEPARTMENTS.map(([code, name]) => ({ code, name, headcount: 100 })))
		.returning('id')
		.execute();
	const departmentIds = depts.map((d) => d.id);
	const areas = await db
		.insertInto('processArea')
		.values(AREAS.map(([code, nameEn, nameNl]) => ({ code, nameEn, nameNl })))
		.returning('id')
		.execute();
	const tags = await db
		.insertInto('tag')
		.values(TAGS.map((name) => ({ name })))
		.returning(['id', 'name'])
		.execute();
	const users = await db
		.insertInto('appUser')
		.values(departmentIds.map((departmentId, i) => ({ email: `bench${i}@example.com`, name: `Bench Person ${i}`, departmentId })))
		.returning('id')
		.execute();
	// Bulk load: the triggers that keep search_extra and adoption_count would run once per
	// row; they are switched off while loading and the columns are filled in one statement after.
	for (const t of [
		sql`ALTER TABLE kb_entry_tag DISABLE TRIGGER kb_entry_tag_refresh`,
		sql`ALTER TABLE attachment DISABLE TRIGGER attachment_kb_refresh`,
		sql`ALTER TABLE adoption DISABLE TRIGGER adoption_kb_refresh`
	])
		await t.execute(db);
	const start = Date.UTC(2019, 0, 1);
	const span = Date.UTC(2026, 10, 1) - start;
	const BATCH = 500;
	for (let from = 0; from < ENTRIES; from += BATCH) {
		const rows = Array.from({ length: Math.min(BATCH, ENTRIES - from) }, (_, j) => {
			const t = entryText(from + j);
			const award = rnd() < 0.1 ? pick(['winner', 'runner_up', 'finalist'] as const) : null;
			return {
				title: t.title,
				summary: t.summary,
				problem: t.problem,
				solution: t.solution,
				departmentId: pick(departmentIds),
				processAreaId: pick(areas).id,
				award,
				status: rnd() < 0.05 ? 'unpublished' : 'published',
				publishedAt: new Date(start + rnd() * span)
			};
		});
		const inserted = await db.insertInto('kbEntry').values(rows).returning(['id', 'departmentId']).execute();
		const tagRows = inserted.flatMap((e) => some(tags, 1 + Math.floor(rnd() * 4)).map((t) => ({ kbEntryId: e.id, tagId: t.id })));
		await db.insertInto('kbEntryTag').values(tagRows).execute();
		const files = inserted
			.filter(() => rnd() < 0.25)
			.map((e, k) => ({
				kbEntryId: e.id,
				kind: 'work_instruction',
				fileName: `${pick(['werkinstructie', 'work-instruction', 'instructievideo', 'slides', 'checklist'])}-${e.id}.pdf`,
				mediaType: 'application/pdf',
				sizeBytes: 1000,
				sha256: '0'.repeat(64),
				storageKey: randomBytes(16).toString('hex') + String(k).slice(0, 0),
				uploadedBy: users[0].id
			}));
		if (files.length) await db.insertInto('attachment').values(files).execute();
		const adoptions = inserted.flatMap((e) =>
			rnd() < 0.35
				? some(
						departmentIds.filter((d) => d !== e.departmentId),
						1 + Math.floor(rnd() * 3)
					).map((departmentId) => ({
						kbEntryId: e.id,
						departmentId,
						status: pick(['considering', 'piloting', 'adopted', 'adopted'] as const),
						createdBy: users[0].id
					}))
				: []
		);
		if (adoptions.length) await db.insertInto('adoption').values(adoptions).execute();
	}
	await sql`UPDATE kb_entry k SET
		search_extra = concat_ws(' ',
			(SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM kb_entry_tag kt JOIN tag t ON t.id = kt.tag_id WHERE kt.kb_entry_id = k.id),
			(SELECT string_agg(regexp_replace(a.file_name, '[._-]+', ' ', 'g'), ' ' ORDER BY a.id) FROM attachment a WHERE a.kb_entry_id = k.id)),
		adoption_count = (SELECT count(*) FROM adoption d WHERE d.kb_entry_id = k.id AND d.status = 'adopted')`.execute(db);
	for (const t of [
		sql`ALTER TABLE kb_entry_tag ENABLE TRIGGER kb_entry_tag_refresh`,
		sql`ALTER TABLE attachment ENABLE TRIGGER attachment_kb_refresh`,
		sql`ALTER TABLE adoption ENABLE TRIGGER adoption_kb_refresh`
	])
		await t.execute(db);
	await sql`VACUUM ANALYZE`.execute(db);
	return { departmentIds };
}

// ---------------------------------------------------------------- queries

function makeQueries(departmentIds: number[]): Record<string, string>[] {
	const words = [...new Set([...EN.things, ...NL.things].flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 3))];
	const inflections = [
		'verbeteringen',
		'werkinstructies',
		'momentsleutels',
		'kanbanbakken',
		'calibrations',
		'wrenches',
		'scanners',
		'veiligheidsincidenten',
		'instructievideos',
		'magazijnstellingen'
	];
	const typos = ['torqe wrench', 'calibraton', 'kanbn', 'interferomter', 'momentsluetel', 'werkinstructei', 'heliun leak', 'shadwo board'];
	const phrases = [
		'"shadow board"',
		'lifting aid safety',
		'label printer defects',
		'kalibratiemeter testcel',
		'cleanroom trolley 5S',
		'poka-yoke scanner',
		'work instruction video',
		'veiligheidsbril heftruck'
	];
	const queries: Record<string, string>[] = [];
	for (let i = 0; i < QUERIES; i++) {
		const r = rnd();
		if (r < 0.35) queries.push({ q: pick(words) });
		else if (r < 0.55) queries.push({ q: `${pick(words)} ${pick(words)}` });
		else if (r < 0.63) queries.push({ q: pick(inflections) });
		else if (r < 0.7) queries.push({ q: pick(phrases) });
		else if (r < 0.78) queries.push({ q: pick(typos) });
		else if (r < 0.86)
			queries.push({ q: pick(words), department: String(pick(departmentIds)), year: String(2019 + Math.floor(rnd() * 8)) });
		else if (r < 0.9) queries.push({ q: pick(words), tag: pick(TAGS), sort: 'adopted' });
		else if (r < 0.95) queries.push({ sort: 'adopted', page: String(1 + Math.floor(rnd() * 3)) });
		else queries.push({ q: pick(words), page: '2' });
	}
	return queries;
}

function filtersOf(query: SearchQuery): SearchFilters {
	return {
		q: query.q,
		departmentId: query.department,
		processAreaId: query.area,
		tag: query.tag,
		year: query.year,
		award: query.award,
		sort: query.sort ?? (query.q ? 'relevance' : 'newest'),
		limit: KB_PAGE_SIZE,
		offset: (query.page - 1) * KB_PAGE_SIZE
	};
}

/** The suggestion statement exactly as suggestWords sends it (for the bare-SQL timing). */
function suggestionSql(words: string[]) {
	const values = sql.join(words.map((w, i) => sql`(${w}::text, ${i}::int)`));
	return sql`
		SELECT w.term, best.word, best.score
		FROM (VALUES ${values}) AS w(term, n)
		LEFT JOIN LATERAL (
			SELECT t.word, similarity(t.word, w.term) AS score
			FROM (
				SELECT DISTINCT lower(regexp_split_to_table(kb_unaccent(k.title), '[^[:alnum:]]+')) AS word
				FROM (SELECT k.title FROM kb_entry k WHERE k.status = 'published' AND w.term <% k.title ORDER BY w.term <<-> k.title LIMIT 20) k
			) t
			WHERE length(t.word) >= 3
			ORDER BY similarity(t.word, w.term) DESC, t.word
			LIMIT 1
		) best ON true
		ORDER BY w.n`;
}

type Timing = { sql: number[]; page: number[]; hits: number[] };

function pct(xs: number[], p: number): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

async function measure(
	handle: DatabaseHandle,
	bare: { query: (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> },
	queries: Record<string, string>[],
	deadline: number
): Promise<Timing> {
	const actor: Actor = { id: 1, departmentId: 1, roles: ['employee'] };
	const timing: Timing = { sql: [], page: [], hits: [] };
	const parsed = queries.map((q) => searchQuerySchema.parse(q));
	const runBare = async (query: SearchQuery) => {
		const compiled = searchStatement(filtersOf(query)).compile(handle.db);
		const { rows } = await bare.query(compiled.sql, compiled.parameters as unknown[]);
		const total = Number(rows[0]?.total ?? 0);
		if (query.q && total < 3) {
			const words = [...new Set((query.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3))].slice(0, 6);
			if (words.length) {
				const s = suggestionSql(words).compile(handle.db);
				await bare.query(s.sql, s.parameters as unknown[]);
			}
		}
		return total;
	};
	// Warm-up: every query once on both paths.
	for (const q of parsed) {
		await runBare(q);
		await searchKb(handle.db, actor, q);
		if (Date.now() > deadline) break;
	}
	for (const q of parsed) {
		if (Date.now() > deadline) break;
		// Alternate the order so neither path always runs on a warmer cache.
		const bareFirst = timing.sql.length % 2 === 0;
		const timeBare = async () => {
			const t0 = performance.now();
			timing.hits.push(await runBare(q));
			timing.sql.push(performance.now() - t0);
		};
		const timePage = async () => {
			const t0 = performance.now();
			await searchKb(handle.db, actor, q);
			timing.page.push(performance.now() - t0);
		};
		if (bareFirst) {
			await timeBare();
			await timePage();
		} else {
			await timePage();
			await timeBare();
		}
	}
	return timing;
}

// ---------------------------------------------------------------- main

async function runEngine(engine: 'postgres' | 'pglite', deadline: number) {
	const migrations = await loadMigrations();
	let handle: DatabaseHandle;
	let drop: () => Promise<void> = async () => {};
	let bare: { query: (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>; close: () => Promise<void> };
	let pgliteInstance: { query: (t: string, v: unknown[]) => Promise<{ rows: unknown[] }>; close: () => Promise<void> } | null = null;
	if (engine === 'postgres') {
		const name = `ideacup_bench_${randomBytes(5).toString('hex')}`;
		const admin = new pg.Client({ connectionString: SERVER_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		await admin.end();
		const url = new URL(SERVER_URL);
		url.pathname = `/${name}`;
		handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
		const client = new pg.Client({ connectionString: url.toString() });
		await client.connect();
		bare = { query: (t, v) => client.query(t, v), close: () => client.end() };
		drop = async () => {
			const a = new pg.Client({ connectionString: SERVER_URL });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		};
	} else {
		// PGlite: Kysely through its node-postgres bridge (as the app), bare SQL straight on the instance.
		const [{ PGlite }, { createPgConfig }, { pg_trgm }, { unaccent }] = await Promise.all([
			import('@electric-sql/pglite'),
			import('@electric-sql/pglite/node-postgres'),
			import('@electric-sql/pglite/contrib/pg_trgm'),
			import('@electric-sql/pglite/contrib/unaccent')
		]);
		const instance = await PGlite.create(undefined, { extensions: { pg_trgm, unaccent } });
		pgliteInstance = instance;
		const { Kysely, PostgresDialect, CamelCasePlugin } = await import('kysely');
		const pool = new pg.Pool({ ...createPgConfig(instance), max: 1 });
		const db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] }) as unknown as Database;
		handle = {
			db,
			engine: 'pglite',
			close: async () => {
				await db.destroy();
				await instance.close();
			}
		};
		bare = {
			query: async (t, v) => ({ rows: (await instance.query(t, v as never[])).rows as Array<Record<string, unknown>> }),
			close: async () => {}
		};
	}
	try {
		await migrateToLatest(handle.db, migrations);
		const t0 = performance.now();
		const { departmentIds } = await seed(handle.db);
		const seedSeconds = (performance.now() - t0) / 1000;
		const counts = await sql<{ published: number; tags: number; adoptions: number; attachments: number }>`
			SELECT (SELECT count(*)::int FROM kb_entry WHERE status = 'published') AS published, (SELECT count(*)::int FROM kb_entry_tag) AS tags,
				(SELECT count(*)::int FROM adoption) AS adoptions, (SELECT count(*)::int FROM attachment) AS attachments`.execute(handle.db);
		const queries = makeQueries(departmentIds);
		const timing = await measure(handle, bare, queries, deadline);
		return { engine, seedSeconds, counts: counts.rows[0], timing };
	} finally {
		await bare.close().catch(() => {});
		await handle.close().catch(() => {});
		if (pgliteInstance) await pgliteInstance.close().catch(() => {});
		await drop().catch((e) => console.error('could not drop the bench database:', (e as Error).message));
	}
}

// ---------------------------------------------------------------- HR import

/** A company of 57 departments: the top, 6 divisions, 50 departments under them. */
function hrDepartments(): HrDepartment[] {
	const top: HrDepartment = { code: 'CO', name: 'The Company', nameNl: 'Het Bedrijf' };
	const divisions = Array.from({ length: 6 }, (_, i) => ({
		code: `DIV-${i + 1}`,
		name: `Division ${i + 1}`,
		nameNl: `Divisie ${i + 1}`,
		parentCode: 'CO'
	}));
	const departments = Array.from({ length: 50 }, (_, i) => ({
		code: `DEP-${String(i + 1).padStart(2, '0')}`,
		name: `Department ${i + 1}`,
		nameNl: `Afdeling ${i + 1}`,
		parentCode: divisions[i % divisions.length].code
	}));
	return [top, ...divisions, ...departments];
}

async function benchHrImport(): Promise<{ read: number; dryRun: number; apply: number; again: number; counts: unknown } | null> {
	if (!process.env.DATABASE_URL?.trim()) {
		console.log('\nHR import: not measured: DATABASE_URL is not set (the target is for PostgreSQL).');
		return null;
	}
	const name = `ideacup_bench_hr_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: SERVER_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(SERVER_URL);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
	try {
		await migrateToLatest(handle.db, await loadMigrations());
		const csv = new TextEncoder().encode(
			hrCsv({ count: HR_PEOPLE, departments: hrDepartments(), domain: 'bench.example.com', prefix: 'B', teamSize: 10 })
		);
		console.error(`[bench] hr-import: ${HR_PEOPLE} people, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV`);
		const t0 = performance.now();
		const upload = await uploadHrFile(handle.db, null, { fileName: 'bench.csv', bytes: csv });
		const t1 = performance.now();
		const summary = await dryRunImport(handle.db, null, upload.id, upload.mapping);
		const t2 = performance.now();
		await applyImport(handle.db, null, upload.id);
		const t3 = performance.now();
		const second = await uploadHrFile(handle.db, null, { fileName: 'bench.csv', bytes: csv });
		const again = await dryRunImport(handle.db, null, second.id, second.mapping);
		const t4 = performance.now();
		const people = await sql<{
			n: number;
			managed: number;
		}>`SELECT count(*)::int AS n, count(manager_id)::int AS managed FROM app_user`.execute(handle.db);
		if (summary.counts?.create !== HR_PEOPLE || again.counts?.unchanged !== HR_PEOPLE || people.rows[0].n !== HR_PEOPLE) {
			throw new Error(
				`HR import bench: unexpected outcome ${JSON.stringify({ first: summary.counts, second: again.counts, people: people.rows[0] })}`
			);
		}
		return {
			read: (t1 - t0) / 1000,
			dryRun: (t2 - t0) / 1000,
			apply: (t3 - t2) / 1000,
			again: (t4 - t3) / 1000,
			counts: { people: people.rows[0].n, withManager: people.rows[0].managed, departments: summary.departmentCounts?.create }
		};
	} finally {
		await handle.close().catch(() => {});
		const a = new pg.Client({ connectionString: SERVER_URL });
		await a.connect();
		await a
			.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
			.catch((e) => console.error('could not drop the bench database:', (e as Error).message));
		await a.end();
	}
}

function reportHrImport(r: NonNullable<Awaited<ReturnType<typeof benchHrImport>>>) {
	console.log(`\nHR import on PostgreSQL, ${HR_PEOPLE} people (${JSON.stringify(r.counts)})`);
	console.log(`dry run (read ${r.read.toFixed(1)} s + plan and store) ${r.dryRun.toFixed(1).padStart(6)} s`);
	console.log(`apply                                   ${r.apply.toFixed(1).padStart(6)} s`);
	console.log(`same file again, dry run (all unchanged) ${r.again.toFixed(1).padStart(5)} s`);
	const total = r.dryRun + r.apply;
	console.log(`target (dry run + apply < 30 s): ${total < 30 ? 'met' : 'NOT met'} (${total.toFixed(1)} s)`);
}

async function benchKb() {
	const started = Date.now();
	const results = [];
	for (const engine of ENGINES) {
		console.error(`[bench] ${engine}: seeding ${ENTRIES} entries ...`);
		const r = await runEngine(engine, Date.now() + SECONDS * 1000);
		console.error(
			`[bench] ${engine}: seeded in ${r.seedSeconds.toFixed(1)} s (${JSON.stringify(r.counts)}), measured ${r.timing.sql.length} queries`
		);
		results.push(r);
	}
	const f = (n: number) => n.toFixed(1).padStart(7);
	console.log('\nKnowledge-base search, milliseconds per request (search + facets + suggestion when needed)\n');
	console.log('engine    path   queries     p50     p95     p99     max   mean hits');
	for (const r of results) {
		for (const [label, xs] of [
			['SQL', r.timing.sql],
			['page', r.timing.page]
		] as const) {
			const meanHits = r.timing.hits.reduce((a, b) => a + b, 0) / Math.max(1, r.timing.hits.length);
			console.log(
				`${r.engine.padEnd(9)} ${label.padEnd(5)} ${String(xs.length).padStart(8)} ${f(pct(xs, 50))} ${f(pct(xs, 95))} ${f(pct(xs, 99))} ${f(Math.max(...xs))} ${label === 'SQL' ? meanHits.toFixed(0).padStart(10) : ''}`
			);
		}
		const ratio50 = pct(r.timing.page, 50) / pct(r.timing.sql, 50);
		const ratio99 = pct(r.timing.page, 99) / pct(r.timing.sql, 99);
		console.log(`${r.engine.padEnd(9)} page/SQL: p50 ${ratio50.toFixed(2)}x, p99 ${ratio99.toFixed(2)}x`);
		if (r.engine === 'postgres') {
			const ok = pct(r.timing.sql, 50) <= 20 && pct(r.timing.sql, 99) <= 100 && ratio50 <= 1.5;
			console.log(`${r.engine.padEnd(9)} target (p50 <= 20 ms, p99 <= 100 ms, page <= 1.5x SQL): ${ok ? 'met' : 'NOT met'}`);
		}
	}
	console.log(`\n${ENTRIES} entries, ${QUERIES} queries per engine, total ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main() {
	if (STEPS.includes('kb')) await benchKb();
	if (STEPS.includes('hr-import')) {
		const r = await benchHrImport();
		if (r) reportHrImport(r);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
