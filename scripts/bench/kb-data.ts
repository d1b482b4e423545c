/**
 * A generated knowledge base for benchmarks and parity tests.
 *
 * `generateKnowledgeBase(db, { size, seed })` adds `size` published entries (and a twentieth as
 * many withdrawn ones, which search must never find) with English and Dutch text, tags,
 * process areas, departments, attachment names and adoptions, in SQL: `generate_series` over
 * the row numbers, every choice a word from a fixed list indexed by an integer hash of the row
 * number, the seed and a salt. Integer arithmetic only, so PGlite and PostgreSQL build the same
 * rows. `search_extra` and `adoption_count` (kept by triggers in the app) are computed in the
 * same INSERT, with the triggers off, so no row is written twice. Large loads drop the text
 * indexes of kb_entry first and build them again at the end (faster than updating them row by
 * row), then VACUUM ANALYZE.
 *
 * `KB_BENCH_QUERIES`: URL query strings for /kb as people type them.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.js';
import { mulberry32 } from '../../src/lib/domain/random.js';
import { GLOSSARY } from '../../src/lib/server/seed/demo-glossary.js';

// ---------------------------------------------------------------- word lists (as the first bench.ts seeding)

const EN = {
	titles: [
		'Fixed place for the',
		'Faster check of the',
		'Colour-coded',
		'Safer handling of the',
		'New way of working for the',
		'Less searching for the'
	],
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
	],
	adopt: 'Easy for other departments to adopt.'
};
const NL = {
	titles: [
		'Kleine verbetering aan de',
		'Vaste plek voor de',
		'Snellere controle van de',
		'Nieuwe werkwijze voor de',
		'Minder zoeken naar de'
	],
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
	adopt: 'Eenvoudig over te nemen door andere afdelingen.'
};
export const KB_TAGS = [
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
const FILE_PREFIXES = ['werkinstructie', 'work-instruction', 'instructievideo', 'slides', 'checklist'];
const AWARDS = ['winner', 'runner_up', 'finalist'];
const ADOPTION_STATUSES = ['considering', 'piloting', 'adopted', 'adopted'];

/** Published between 2019-01-01 and 2026-11-01 (whole seconds). */
const START_SECONDS = Date.UTC(2019, 0, 1) / 1000;
const SPAN_SECONDS = (Date.UTC(2026, 10, 1) - Date.UTC(2019, 0, 1)) / 1000;

// ---------------------------------------------------------------- SQL building blocks

/** A text[] literal (quoted by hand: no parameters, so every fragment can be repeated freely). */
function textArray(xs: readonly string[]): string {
	return `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

/** Salts of the per-row hashes: one hash per choice (tag k is TAG_SALT + k, and so on). */
const TAG_SALT = 20;
const ADOPTED_DEPARTMENT_SALT = 32;
const ADOPTED_STATUS_SALT = 36;
const SALTS = [...Array.from({ length: 18 }, (_, n) => n + 1), 21, 22, 23, 24, 25, 26, 27, 30, 31, 33, 34, 35, 37, 38, 39];

/** (v * m) mod 2^32 for v < 2^32 in bigint arithmetic: m split in 16-bit halves, so nothing overflows. */
function mul32(v: string, m: number): string {
	return `((${v}) * ${m & 0xffff} + (((${v}) * ${m >>> 16}) % 65536) * 65536) % 4294967296`;
}

/**
 * The rows `from`..`to` with their hashes h1, h2, ... in [0, 2^32): per salt, the row number
 * xor a constant times an odd constant (both drawn from the seed), then MurmurHash3's final
 * mix. Plain integer arithmetic, the same on every engine; `OFFSET 0` keeps each hash computed
 * once per row however often it is used.
 */
function rowsFrom(base: number, from: number, to: number, seed: number): string {
	const rnd = mulberry32(seed);
	const draw = () => Math.floor(rnd() * 4294967296);
	const first = SALTS.map((n) => `${mul32(`g.i # ${draw()}`, (draw() | 1) >>> 0)} AS x${n}`).join(', ');
	const final = SALTS.map((n) => {
		const z = mul32(`x${n} # (x${n} >> 15)`, 0x85ebca6b);
		return `((${z}) # ((${z}) >> 16)) AS h${n}`;
	}).join(', ');
	return `(SELECT ${base}::bigint AS base, i, h1 % 100 < 40 AS dutch, ${SALTS.map((n) => `h${n}`).join(', ')} FROM (
			SELECT i, ${final} FROM (SELECT g.i, ${first} FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i) OFFSET 0) a OFFSET 0
		) b) r`;
}

type Ctx = { seed: number; departmentIds: number[]; areaIds: number[]; tagIds: number[] };

function rowSql(c: Ctx) {
	const h = (salt: number) => `r.h${salt}`;
	/** The hash of choice k (k an SQL integer from 1) of a list of choices starting at salt + 1. */
	const hk = (salt: number, n: number) => `(ARRAY[${Array.from({ length: n }, (_, j) => h(salt + 1 + j)).join(', ')}])[k]`;
	const pickText = (xs: readonly string[], salt: number) => `(${textArray(xs)})[1 + ${h(salt)} % ${xs.length}]`;
	const lang = (key: Exclude<keyof typeof EN, 'adopt'>, salt: number) =>
		`(CASE WHEN r.dutch THEN ${pickText(NL[key], salt)} ELSE ${pickText(EN[key], salt)} END)`;
	const ints = (xs: number[]) => `ARRAY[${xs.join(',')}]::int[]`;
	const department = `(${ints(c.departmentIds)})[1 + ${h(13)} % ${c.departmentIds.length}]`;
	const thing = lang('things', 2);
	const other = lang('things', 3);
	const fileName = `(${textArray(FILE_PREFIXES)})[1 + ${h(26)} % ${FILE_PREFIXES.length}] || '-' || (r.base + r.i) || '.pdf'`;
	const hasFile = `(${h(25)} % 4 = 0)`;
	// Tags: 1 to 4 picks of the tag list (repeats fold).
	const tagPicks = `SELECT DISTINCT (${textArray(KB_TAGS)})[1 + ${hk(TAG_SALT, 4)} % ${KB_TAGS.length}] AS name, (${ints(c.tagIds)})[1 + ${hk(TAG_SALT, 4)} % ${KB_TAGS.length}] AS tag_id
		FROM generate_series(1, 1 + ${h(18)} % 4) AS k`;
	// Adoptions: a third of the entries, 1 to 3 other departments; the first pick of a department wins.
	const adoptionPicks = `SELECT DISTINCT ON (d) d, st FROM (
			SELECT (${ints(c.departmentIds)})[1 + ${hk(ADOPTED_DEPARTMENT_SALT, 3)} % ${c.departmentIds.length}] AS d,
				(${textArray(ADOPTION_STATUSES)})[1 + ${hk(ADOPTED_STATUS_SALT, 3)} % ${ADOPTION_STATUSES.length}] AS st, k
			FROM generate_series(1, CASE WHEN ${h(30)} % 100 < 35 THEN 1 + ${h(31)} % 3 ELSE 0 END) AS k
		) x WHERE d <> ${department} ORDER BY d, k`;
	return { h, thing, other, department, fileName, hasFile, tagPicks, adoptionPicks, lang, pickText, ints };
}

function insertEntries(c: Ctx, base: number, from: number, to: number, size: number): string {
	const s = rowSql(c);
	const title = `left((CASE WHEN r.dutch THEN ${s.pickText(NL.titles, 4)} ELSE ${s.pickText(EN.titles, 4)} END) || ' ' || ${s.thing}
		|| (CASE WHEN ${s.h(5)} % 10 < 3 THEN (CASE WHEN r.dutch THEN ' en ' ELSE ' and ' END) || ${s.other} ELSE '' END)
		|| ' (' || r.i || ')', 160)`;
	const problem = `${s.lang('problems', 6)} || ' ' || ${s.thing} || ', ' || ${s.lang('effects', 7)} || '. ' || ${s.lang('problems', 8)} || ' ' || ${s.other} || '.'`;
	const solution = `${s.lang('solutions', 9)} || ' ' || ${s.thing} || '. ' || ${s.lang('solutions', 10)} || ' ' || ${s.other} || '. ' || ${s.lang('results', 11)}`;
	const summary = `${s.lang('results', 12)} || ' ' || (CASE WHEN r.dutch THEN '${NL.adopt}' ELSE '${EN.adopt}' END)`;
	const area = `(${s.ints(c.areaIds)})[1 + ${s.h(14)} % ${c.areaIds.length}]`;
	const award = `(CASE WHEN ${s.h(15)} % 10 = 0 THEN (${textArray(AWARDS)})[1 + ${s.h(16)} % 3] END)`;
	const publishedAt = `to_timestamp(${START_SECONDS} + ${s.h(17)} * ${SPAN_SECONDS} / 4294967296)`;
	// As kb_entry_refresh writes them: tag names in name order, then attachment names with [._-] as spaces.
	const searchExtra = `concat_ws(' ', (SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM (${s.tagPicks}) t),
		CASE WHEN ${s.hasFile} THEN regexp_replace(${s.fileName}, '[._-]+', ' ', 'g') END)`;
	const adoptionCount = `(SELECT count(*)::int FROM (${s.adoptionPicks}) a WHERE a.st = 'adopted')`;
	return `INSERT INTO kb_entry (id, title, summary, problem, solution, department_id, process_area_id, award, status, published_at, updated_at, search_extra, adoption_count)
		SELECT r.base + r.i, ${title}, ${summary}, ${problem}, ${solution}, ${s.department}, ${area}, ${award},
			CASE WHEN r.i > ${size} THEN 'unpublished' ELSE 'published' END, ${publishedAt}, ${publishedAt}, ${searchExtra}, ${adoptionCount}
		FROM ${rowsFrom(base, from, to, c.seed)}`;
}

function insertTags(c: Ctx, base: number, from: number, to: number): string {
	const s = rowSql(c);
	return `INSERT INTO kb_entry_tag (kb_entry_id, tag_id)
		SELECT r.base + r.i, t.tag_id FROM ${rowsFrom(base, from, to, c.seed)} CROSS JOIN LATERAL (${s.tagPicks}) t`;
}

function insertAttachments(c: Ctx, base: number, from: number, to: number, userId: number): string {
	const s = rowSql(c);
	return `INSERT INTO attachment (kb_entry_id, kind, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, created_at)
		SELECT r.base + r.i, 'work_instruction', ${s.fileName}, 'application/pdf', 1000 + ${s.h(27)} % 5000000, repeat('0', 64),
			'kb-bench-${c.seed}-' || (r.base + r.i), ${userId}, to_timestamp(${START_SECONDS} + ${s.h(17)} * ${SPAN_SECONDS} / 4294967296)
		FROM ${rowsFrom(base, from, to, c.seed)} WHERE ${s.hasFile}`;
}

function insertAdoptions(c: Ctx, base: number, from: number, to: number, userId: number): string {
	const s = rowSql(c);
	return `INSERT INTO adoption (kb_entry_id, department_id, status, created_by)
		SELECT r.base + r.i, a.d, a.st, ${userId} FROM ${rowsFrom(base, from, to, c.seed)} CROSS JOIN LATERAL (${s.adoptionPicks}) a`;
}

// ---------------------------------------------------------------- generation

const TRIGGERS = [
	['kb_entry_tag', 'kb_entry_tag_refresh'],
	['attachment', 'attachment_kb_refresh'],
	['adoption', 'adoption_kb_refresh']
] as const;

/**
 * Adds `size` published entries (plus size/20 withdrawn ones) to a migrated database, which may
 * hold the demo data already. The same seed on the same starting database gives the same rows
 * on PGlite and PostgreSQL. Returns the number of published entries added and the seconds taken.
 */
export async function generateKnowledgeBase(
	db: Database,
	opts: { size: number; seed?: number; log?: (s: string) => void }
): Promise<{ entries: number; seconds: number }> {
	// One connection throughout (the session settings below hold for every statement).
	return db.connection().execute((conn) => generateOn(conn, opts));
}

async function generateOn(db: Database, opts: { size: number; seed?: number; log?: (s: string) => void }) {
	const started = performance.now();
	const seed = opts.seed ?? 2026;
	const log = opts.log ?? (() => {});
	const size = Math.max(0, Math.floor(opts.size));
	const total = size + Math.floor(size / 20);
	const run = (text: string) => sql.raw(text).execute(db);
	// PostgreSQL would compile these long expressions with JIT for seconds per chunk (PGlite has none).
	await run('SET jit = off').catch(() => {});

	// The organisation the entries belong to: the bench departments, areas and tags (added
	// when missing, found by code or name otherwise), in list order.
	const q = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');
	await run(
		`INSERT INTO department (code, name, headcount) VALUES ${DEPARTMENTS.map(([code, name]) => `('${code}', '${name.replace(/'/g, "''")}', 100)`).join(',')} ON CONFLICT (code) DO NOTHING`
	);
	await run(
		`INSERT INTO process_area (code, name_en, name_nl) VALUES ${AREAS.map(([code, en, nl]) => `('${code}', '${en}', '${nl}')`).join(',')} ON CONFLICT (code) DO NOTHING`
	);
	await run(`INSERT INTO tag (name) VALUES ${KB_TAGS.map((t) => `('${t}')`).join(',')} ON CONFLICT (name) DO NOTHING`);
	const ids = async (table: string, key: string, values: readonly string[]) => {
		const { rows } = await sql
			.raw<{ id: number; k: string }>(`SELECT id, ${key} AS k FROM ${table} WHERE ${key} IN (${q(values)})`)
			.execute(db);
		const byKey = new Map(rows.map((r) => [r.k, r.id]));
		return values.map((v) => byKey.get(v)!);
	};
	const departmentIds = await ids(
		'department',
		'code',
		DEPARTMENTS.map(([code]) => code)
	);
	const areaIds = await ids(
		'process_area',
		'code',
		AREAS.map(([code]) => code)
	);
	const tagIds = await ids('tag', 'name', KB_TAGS);
	await run(
		`INSERT INTO app_user (email, name, department_id) VALUES ('kb-bench@example.com', 'Knowledge Base Bench', ${departmentIds[0]}) ON CONFLICT (email) DO NOTHING`
	);
	const userId = (await sql<{ id: number }>`SELECT id FROM app_user WHERE email = 'kb-bench@example.com'`.execute(db)).rows[0].id;
	const base = (await sql<{ n: number }>`SELECT coalesce(max(id), 0)::int AS n FROM kb_entry`.execute(db)).rows[0].n;
	const c: Ctx = { seed, departmentIds, areaIds, tagIds };

	// Large loads: the text indexes are built once at the end.
	const dropIndexes = total >= 10_000;
	const { rows: indexes } = dropIndexes
		? await sql<{ name: string; def: string }>`
			SELECT indexname AS name, indexdef AS def FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename = 'kb_entry' AND (indexdef LIKE '%USING gin%' OR indexdef LIKE '%USING gist%')`.execute(
				db
			)
		: { rows: [] as Array<{ name: string; def: string }> };

	// The title words of "did you mean" (migration 0010): rebuilt once at the end.
	const { rows: wordTrigger } = await sql<{ n: number }>`
		SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'kb_entry_title_word_refresh'`.execute(db);
	const triggers: Array<readonly [string, string]> = [...TRIGGERS];
	if (wordTrigger[0].n) triggers.push(['kb_entry', 'kb_entry_title_word_refresh']);
	for (const [table, trigger] of triggers) await run(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
	try {
		for (const index of indexes) await run(`DROP INDEX ${index.name}`);
		const chunk = 25_000;
		for (let from = 1; from <= total; from += chunk) {
			const to = Math.min(total, from + chunk - 1);
			const times: string[] = [];
			for (const statement of [
				insertEntries(c, base, from, to, size),
				insertTags(c, base, from, to),
				insertAttachments(c, base, from, to, userId),
				insertAdoptions(c, base, from, to, userId)
			]) {
				const t0 = performance.now();
				await run(statement);
				times.push(((performance.now() - t0) / 1000).toFixed(1));
			}
			log(
				`kb-data: ${to.toLocaleString('en')} of ${total.toLocaleString('en')} entries, ${((performance.now() - started) / 1000).toFixed(0)} s (entries, tags, attachments, adoptions: ${times.join(', ')} s)`
			);
		}
		if (total) await run(`SELECT setval(pg_get_serial_sequence('kb_entry', 'id'), (SELECT max(id) FROM kb_entry))`);
	} finally {
		for (const index of indexes) {
			log(`kb-data: building ${index.name}`);
			await run(`SET maintenance_work_mem = '256MB'`).catch(() => {});
			await run(index.def);
		}
		if (wordTrigger[0].n) await run('SELECT kb_title_words_rebuild()');
		for (const [table, trigger] of triggers) await run(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
	}
	log('kb-data: VACUUM ANALYZE');
	await run(
		`VACUUM ANALYZE kb_entry, kb_entry_tag, attachment, adoption, tag, department, process_area${wordTrigger[0].n ? ', kb_title_word' : ''}`
	);
	return { entries: size, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------- queries people type

function benchQueries(count: number): string[] {
	const rnd = mulberry32(2026);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
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
	const queries: string[] = [];
	const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();
	for (let i = 0; i < count; i++) {
		const r = rnd();
		if (r < 0.05) queries.push('');
		else if (r < 0.33) queries.push(qs({ q: pick(words) }));
		else if (r < 0.5) queries.push(qs({ q: `${pick(words)} ${pick(words)}` }));
		else if (r < 0.58) queries.push(qs({ q: pick(inflections) }));
		else if (r < 0.65) queries.push(qs({ q: pick(phrases) }));
		else if (r < 0.73) queries.push(qs({ q: pick(typos) }));
		else if (r < 0.8)
			queries.push(qs({ q: pick(words), department: String(1 + Math.floor(rnd() * 9)), year: String(2019 + Math.floor(rnd() * 8)) }));
		else if (r < 0.84) queries.push(qs({ q: pick(words), tag: pick(KB_TAGS), sort: 'adopted' }));
		else if (r < 0.87) queries.push(qs({ q: pick(words), area: String(1 + Math.floor(rnd() * 10)), award: pick(AWARDS) }));
		else if (r < 0.92) queries.push(qs({ sort: 'adopted', page: String(1 + Math.floor(rnd() * 3)) }));
		else if (r < 0.95) queries.push(qs({ tag: pick(KB_TAGS) }));
		else queries.push(qs({ q: pick(words), page: String(2 + Math.floor(rnd() * 4)) }));
	}
	return queries;
}

/**
 * 300 URL query strings for /kb (without the '?'; '' is the landing page): single words and
 * pairs, Dutch inflections, phrases, typos that need a suggestion, filters, most adopted,
 * later pages. Deterministic.
 */
export const KB_BENCH_QUERIES: string[] = benchQueries(300);

// ---------------------------------------------------------------- the company glossary (issue 17)

/** The bench vocabulary's things, English = Dutch, as an organiser would pair them. */
const THING_PAIRS: Array<[string, string]> = [
	['calibration gauge', 'kalibratiemeter'],
	['kanban bin', 'kanbanbak'],
	['label printer', 'labelprinter'],
	['vacuum fixture', 'vacuümopstelling'],
	['purge hose', 'spoelslang'],
	['cleanroom trolley', 'cleanroomkar'],
	['helium leak tester', 'heliumlektester'],
	['cable set', 'kabelset'],
	['calliper', 'schuifmaat'],
	['pallet jack', 'palletwagen'],
	['barcode scanner', 'barcodescanner'],
	['inspection bench', 'inspectietafel'],
	['spare parts rack', 'reserveonderdelenrek'],
	['test cell', 'testcel'],
	['forklift route', 'heftruckroute'],
	['gowning room', 'omkleedruimte'],
	['lifting aid', 'tilhulp'],
	['instruction video', 'instructievideo'],
	['colour code', 'kleurcode'],
	['rework', 'herstelwerk'],
	['scrap', 'afkeur']
];
const MODIFIERS: Array<[string, string]> = [
	['spare', 'reserve'],
	['broken', 'defecte'],
	['mobile', 'mobiele'],
	['electric', 'elektrische'],
	['manual', 'handmatige'],
	['digital', 'digitale'],
	['shared', 'gedeelde'],
	['heavy', 'zware']
];
const NOUNS: Array<[string, string]> = [
	['drill', 'boor'],
	['clamp', 'klem'],
	['hammer', 'hamer'],
	['ladder', 'ladder'],
	['trolley', 'trolley'],
	['scale', 'weegschaal'],
	['pump', 'pomp'],
	['valve', 'klep'],
	['filter', 'filter'],
	['sensor', 'sensor'],
	['motor', 'motor'],
	['switch', 'schakelaar'],
	['cabinet', 'kast'],
	['crate', 'krat'],
	['hoist', 'takel'],
	['mould', 'mal'],
	['nozzle', 'mondstuk'],
	['gasket', 'pakking'],
	['bearing', 'lager'],
	['spring', 'veer'],
	['shelf', 'plank'],
	['drawer', 'lade'],
	['bench', 'werkbank'],
	['screen', 'beeldscherm'],
	['printer', 'printer'],
	['scanner', 'scanner'],
	['tablet', 'tablet'],
	['glove', 'handschoen'],
	['helmet', 'helm'],
	['boot', 'schoen'],
	['mask', 'masker'],
	['badge', 'pasje'],
	['key', 'sleutel'],
	['lock', 'slot'],
	['door', 'deur'],
	['lamp', 'lamp'],
	['fan', 'ventilator'],
	['heater', 'verwarming'],
	['cooler', 'koeler'],
	['tank', 'tank'],
	['pipe', 'leiding'],
	['hose', 'slang'],
	['wire', 'draad'],
	['plug', 'stekker'],
	['socket', 'stopcontact'],
	['battery', 'accu'],
	['charger', 'lader'],
	['trolley wheel', 'trolleywiel'],
	['conveyor', 'transportband']
];

/**
 * A realistic glossary of `size` pairs (300 by default): the demo's pairs, the bench
 * vocabulary's things (so many bench queries meet a pair, as "momentsleutel" and "werkinstructie"
 * do), then plain workshop nouns and modified nouns ("spare clamp" = "reserve klem").
 */
export function benchGlossary(size = 300): Array<{ termEn: string; termNl: string; note: string }> {
	const pairs: Array<{ termEn: string; termNl: string; note: string }> = [];
	const seen = new Set<string>();
	const add = (termEn: string, termNl: string) => {
		const key = `${termEn.toLowerCase()}=${termNl.toLowerCase()}`;
		if (seen.has(key) || pairs.length >= size) return;
		seen.add(key);
		pairs.push({ termEn, termNl, note: '' });
	};
	for (const t of GLOSSARY) add(t.en, t.nl);
	for (const [en, nl] of THING_PAIRS) add(en, nl);
	for (const [en, nl] of NOUNS) add(en, nl);
	for (const [men, mnl] of MODIFIERS) for (const [en, nl] of NOUNS) add(`${men} ${en}`, `${mnl} ${nl}`);
	return pairs;
}

/** Puts the bench glossary into glossary_term (after emptying it); returns how many pairs. */
export async function generateGlossary(db: Database, size = 300): Promise<number> {
	await sql`DELETE FROM glossary_term`.execute(db);
	const pairs = benchGlossary(size);
	if (pairs.length) await db.insertInto('glossaryTerm').values(pairs).execute();
	await sql`ANALYZE glossary_term`.execute(db);
	return pairs.length;
}
