/**
 * Placeholder until scripts/bench/kb-data.ts (the knowledge-base engineer's generator) lands:
 * the previous bench's seeding, shaped like `generateKnowledgeBase(db, { size, seed, log })`
 * and `KB_BENCH_QUERIES`. It adds entries to a database that already holds the demo
 * organisation (its departments, process areas and tags are reused).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.js';

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
let rnd = mulberry32(2026);
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

export type KbGenerateOptions = { size: number; seed?: number; log?: (line: string) => void };

/** Adds `size` published (and some unpublished) entries with tags, attachments and adoptions. */
export async function generateKnowledgeBase(db: Database, options: KbGenerateOptions): Promise<{ entries: number }> {
	rnd = mulberry32(options.seed ?? 2026);
	const log = options.log ?? (() => {});
	const departmentIds = (await db.selectFrom('department').select('id').orderBy('id').execute()).map((d) => d.id);
	const areas = await db.selectFrom('processArea').select('id').orderBy('id').execute();
	await db
		.insertInto('tag')
		.values(TAGS.map((name) => ({ name })))
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const tags = await db.selectFrom('tag').select(['id', 'name']).where('name', 'in', TAGS).execute();
	const uploader = await db.selectFrom('appUser').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
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
	for (let from = 0; from < options.size; from += BATCH) {
		if (from % 10_000 === 0) log(`${from} of ${options.size} entries`);
		const rows = Array.from({ length: Math.min(BATCH, options.size - from) }, (_, j) => {
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
			.map((e) => ({
				kbEntryId: e.id,
				kind: 'work_instruction',
				fileName: `${pick(['werkinstructie', 'work-instruction', 'instructievideo', 'slides', 'checklist'])}-${e.id}.pdf`,
				mediaType: 'application/pdf',
				sizeBytes: 1000,
				sha256: '0'.repeat(64),
				storageKey: randomBytes(16).toString('hex'),
				uploadedBy: uploader.id
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
						createdBy: uploader.id
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
	return { entries: options.size };
}

/** Search requests as `/kb` query strings (without the '?'): words, two words, Dutch inflections, phrases, typos, filters, browsing, later pages. */
export const KB_BENCH_QUERIES: string[] = (() => {
	const r = mulberry32(7);
	const p = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
	const words = [...new Set([...EN.things, ...NL.things].flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 3))];
	const inflections = [
		'verbeteringen',
		'werkinstructies',
		'momentsleutels',
		'kanbanbakken',
		'calibrations',
		'wrenches',
		'scanners',
		'veiligheidsincidenten'
	];
	const typos = ['torqe wrench', 'calibraton', 'kanbn', 'interferomter', 'momentsluetel', 'werkinstructei', 'heliun leak', 'shadwo board'];
	const phrases = [
		'"shadow board"',
		'lifting aid safety',
		'label printer defects',
		'kalibratiemeter testcel',
		'cleanroom trolley 5S',
		'poka-yoke scanner'
	];
	const queries: Array<Record<string, string>> = [];
	for (let i = 0; i < 200; i++) {
		const x = r();
		if (x < 0.35) queries.push({ q: p(words) });
		else if (x < 0.55) queries.push({ q: `${p(words)} ${p(words)}` });
		else if (x < 0.63) queries.push({ q: p(inflections) });
		else if (x < 0.7) queries.push({ q: p(phrases) });
		else if (x < 0.78) queries.push({ q: p(typos) });
		else if (x < 0.86) queries.push({ q: p(words), year: String(2019 + Math.floor(r() * 8)) });
		else if (x < 0.9) queries.push({ q: p(words), tag: p(TAGS), sort: 'adopted' });
		else if (x < 0.95) queries.push({ sort: 'adopted', page: String(1 + Math.floor(r() * 3)) });
		else queries.push({ q: p(words), page: '2' });
	}
	return queries.map((q) => new URLSearchParams(q).toString());
})();
