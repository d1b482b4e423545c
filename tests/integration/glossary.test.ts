/**
 * The company glossary on a real database (PGlite and PostgreSQL): organisers keep it
 * (duplicates refused, audited, CSV import and export), and it widens the knowledge base's
 * search and "solved before?" both ways inside their one statement: expansion per term,
 * whole words, longest term first, a typed word ranking above its translation in the same
 * field; "solved before?" gives each improvement once and finds the torque entry for the
 * idea form's own example, in English and in Dutch, on the demo seed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { searchQuerySchema } from '$lib/server/knowledge-base/kb.schema.js';
import { searchKb } from '$lib/server/knowledge-base/kb.service.js';
import { findSimilarIdeas } from '$lib/server/ideas/idea-form.service.js';
import {
	addGlossaryTerm,
	deleteGlossaryTerm,
	editGlossaryTerm,
	exportGlossary,
	importGlossary,
	listGlossary
} from '$lib/server/glossary/glossary.service.js';
import { spreadsheetCsv } from '$lib/server/http/csv.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { FieldErrors } from '$lib/server/errors.js';
import { seedDemo } from '$lib/server/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { kbFactories } from '../fixtures/kb-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let k: ReturnType<typeof kbFactories>;
let organiser: SessionUser;
let reader: SessionUser;
let dept: { id: number };

const search = (q: string) => searchKb(db, reader, searchQuerySchema.parse({ q }));
const titles = async (q: string) => (await search(q)).hits.map((h) => h.title);

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	k = kbFactories(db);
	dept = await f.newDepartment('ASM');
	organiser = await f.newUser({ departmentId: dept.id, roles: ['organiser'], name: 'Olga Organiser' });
	reader = await f.newUser({ departmentId: dept.id, name: 'Rik Reader' });
	const neutral = { summary: 'A change on the floor.', problem: 'It took too long.', solution: 'The team changed it.' };
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Torque wrench rack with calibration check' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Momentsleutel rek met kalibratiecontrole' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Shadow board', summary: 'Every torque wrench has its place.' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Schaduwbord', summary: 'Elke momentsleutel heeft een vaste plek.' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Veiligheid bij het tillen van modules' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'New work instruction for gluing lenses' });
	await k.newEntry({ departmentId: dept.id, ...neutral, title: 'Calibration stickers that stay readable' });
	await k.newEntry({
		departmentId: dept.id,
		...neutral,
		title: 'Work on the instruction panel',
		summary: 'The panel shows each instruction.'
	});
	for (const pair of [
		{ termEn: 'torque wrench', termNl: 'momentsleutel' },
		{ termEn: 'calibration', termNl: 'kalibratie' },
		{ termEn: 'safety', termNl: 'veiligheid' },
		{ termEn: 'work instruction', termNl: 'werkinstructie' },
		{ termEn: 'work', termNl: 'werk' }
	])
		await addGlossaryTerm(db, organiser, { ...pair, note: '' });
}, 120_000);

afterAll(async () => {
	await testDb?.close();
});

describe('the glossary kept by organisers', () => {
	it('refuses a pair already there, accents and case ignored, beside the Dutch field', async () => {
		await expect(addGlossaryTerm(db, organiser, { termEn: 'Torque Wrench', termNl: 'MOMENTSLEUTEL', note: '' })).rejects.toMatchObject({
			fields: { termNl: ['glossary_duplicate'] }
		});
		// the same English term with another Dutch term is another pair
		const { id } = await addGlossaryTerm(db, organiser, { termEn: 'torque wrench', termNl: 'momentsleutel (klik)', note: 'click type' });
		await deleteGlossaryTerm(db, organiser, id);
	});

	it('is for organisers only: anyone else gets "not found"', async () => {
		await expect(listGlossary(db, reader, '')).rejects.toMatchObject({ status: 404 });
		await expect(addGlossaryTerm(db, reader, { termEn: 'bolt', termNl: 'bout', note: '' })).rejects.toMatchObject({ status: 404 });
	});

	it('adds, edits and deletes in two statements each, audited', async () => {
		const add = newTally();
		const { id } = await countStatements(add, () => addGlossaryTerm(db, organiser, { termEn: 'bolt', termNl: 'bout', note: '' }));
		expect(add.statements).toBe(2);
		const edit = newTally();
		expect(
			await countStatements(edit, () => editGlossaryTerm(db, organiser, id, { termEn: 'bolt', termNl: 'bout', note: 'M6 and up' }))
		).toEqual({
			changed: true
		});
		expect(edit.statements).toBe(2);
		expect(await editGlossaryTerm(db, organiser, id, { termEn: 'bolt', termNl: 'bout', note: 'M6 and up' })).toEqual({ changed: false });
		await expect(editGlossaryTerm(db, organiser, id, { termEn: 'Safety', termNl: 'Veiligheid', note: '' })).rejects.toBeInstanceOf(
			FieldErrors
		);
		const del = newTally();
		await countStatements(del, () => deleteGlossaryTerm(db, organiser, id));
		expect(del.statements).toBe(2);
		const audit = await db
			.selectFrom('auditLog')
			.select(['action'])
			.where('objectType', '=', 'glossary_term')
			.where('objectId', '=', String(id))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['glossary.add', 'glossary.edit', 'glossary.delete']);
		const list = newTally();
		await countStatements(list, () => listGlossary(db, organiser, 'SLEUTEL'));
		expect(list.statements).toBe(1);
		expect((await listGlossary(db, organiser, 'SLEUTEL')).map((t) => t.termNl)).toEqual(['momentsleutel']);
	});

	it('exports CSV and imports it back: pairs already there skipped, a bad line refuses the whole file', async () => {
		const exported = spreadsheetCsv(await exportGlossary(db, organiser));
		expect(await importGlossary(db, organiser, exported)).toEqual({ added: 0, skipped: 5 });
		expect(await importGlossary(db, organiser, "en;nl;note\nbolt;bout;\n=SUM(A1);'=formula;\n")).toEqual({ added: 2, skipped: 0 });
		expect((await listGlossary(db, organiser, 'formula')).map((t) => t.termNl)).toEqual(['=formula']);
		await expect(importGlossary(db, organiser, 'en,nl\nnut,moer\n,leeg\n')).rejects.toMatchObject({
			fields: { file: ['glossary_import_line:3'] }
		});
		await expect(importGlossary(db, organiser, 'english,dutch\nnut,moer\n')).rejects.toMatchObject({
			fields: { file: ['glossary_import_columns'] }
		});
		expect((await listGlossary(db, organiser, 'moer')).length).toBe(0);
		for (const t of [...(await listGlossary(db, organiser, 'bout')), ...(await listGlossary(db, organiser, 'formula'))])
			await deleteGlossaryTerm(db, organiser, t.id);
	});
});

describe('the knowledge base search with the glossary', () => {
	it('finds both languages from either side, per term, and says what it also searched', async () => {
		// (momentsleutel OR "torque wrench") AND (kalibratie OR calibration)
		const dutch = await search('momentsleutel kalibratie');
		expect(dutch.hits.map((h) => h.title)).toEqual(['Torque wrench rack with calibration check']);
		expect(dutch.also).toEqual(['torque wrench', 'calibration']);
		expect(await titles('torque wrench kalibratiecontrole')).toEqual(['Momentsleutel rek met kalibratiecontrole']);
		expect(await titles('safety')).toEqual(['Veiligheid bij het tillen van modules']);
		expect(await titles('VEILIGHEID')).toEqual(['Veiligheid bij het tillen van modules']);
	});

	it('takes whole words and the longest term first: "work instruction" is one term, not "work" and "instruction"', async () => {
		// the phrase, not the two words apart ("Work on the instruction panel"), nor "werk" = "work" inside it
		expect(await titles('werkinstructie')).toEqual(['New work instruction for gluing lenses']);
		expect((await search('werkinstructie')).also).toEqual(['work instruction']);
		// "werk" alone is its own pair
		expect((await titles('werk')).sort()).toEqual(['New work instruction for gluing lenses', 'Work on the instruction panel']);
		// "kalibratiecontrole" is no whole-word "kalibratie": the Dutch entry is found through its other words only
		expect(await titles('kalibratie')).toEqual(['Calibration stickers that stay readable', 'Torque wrench rack with calibration check']);
	});

	it('ranks a typed word above its translation in the same field, and a title above a body either way', async () => {
		const nl = await titles('momentsleutel');
		expect(nl).toEqual([
			'Momentsleutel rek met kalibratiecontrole', // typed, title
			'Torque wrench rack with calibration check', // translation, title
			'Schaduwbord', // typed, body
			'Shadow board' // translation, body
		]);
		const en = await titles('torque wrench');
		expect(en).toEqual([
			'Torque wrench rack with calibration check',
			'Momentsleutel rek met kalibratiecontrole',
			'Shadow board',
			'Schaduwbord'
		]);
	});

	it('is still one statement, highlights the translation, and a glossary change counts at once', async () => {
		const tally = newTally();
		const page = await countStatements(tally, () => search('momentsleutel'));
		expect(tally.statements).toBe(1);
		const english = page.hits.find((h) => h.title.startsWith('Torque wrench'))!;
		expect(english.titleSegments.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toEqual(['torque', 'wrench']);
		expect(await titles('schaduwbord')).toEqual(['Schaduwbord']);
		const { id } = await addGlossaryTerm(db, organiser, { termEn: 'shadow board', termNl: 'schaduwbord', note: '' });
		expect(await titles('schaduwbord')).toEqual(['Schaduwbord', 'Shadow board']);
		await deleteGlossaryTerm(db, organiser, id);
		expect(await titles('schaduwbord')).toEqual(['Schaduwbord']);
	});

	it('searches words without a pair as today, and keeps "did you mean"', async () => {
		expect(await titles('stickers')).toEqual(['Calibration stickers that stay readable']);
		expect((await search('stikkers readable')).also).toEqual([]);
		expect((await search('calibraton')).suggestion).toBe('calibration');
	});
});

describe('"solved before?"', () => {
	it('gives an improvement once: an idea and its published entry are one result, linked to the entry', async () => {
		const cup = await f.newCompetition({ open: false });
		const idea = await f.newIdea({
			owner: organiser,
			competitionId: cup.id,
			status: 'implemented',
			title: 'Lens glue dispenser with a timer'
		});
		const entry = await k.newEntry({ departmentId: dept.id, title: 'Lens glue dispenser with a timer', ideaId: idea.id });
		const other = await f.newIdea({ owner: organiser, competitionId: cup.id, status: 'accepted', title: 'Lens glue that cures faster' });
		const tally = newTally();
		const { results } = await countStatements(tally, () => findSimilarIdeas(db, reader, { title: 'lens glue dispenser', problem: '' }));
		expect(tally.statements).toBe(1);
		const keys = results.map((r) => `${r.kind}:${r.id}`);
		expect(keys).toContain(`kb:${entry.id}`);
		expect(keys).toContain(`idea:${other.id}`);
		expect(keys).not.toContain(`idea:${idea.id}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(results[0]).toMatchObject({ kind: 'kb', id: entry.id, ideaId: idea.id, ideaTitle: 'Lens glue dispenser with a timer' });
	});

	it('matches any meaningful word, glossary-expanded, ignoring stop words', async () => {
		const { results } = await findSimilarIdeas(db, reader, { title: 'Is there a momentsleutel at the line?', problem: '' });
		expect(results.map((r) => r.title)).toEqual(
			expect.arrayContaining(['Torque wrench rack with calibration check', 'Momentsleutel rek met kalibratiecontrole', 'Shadow board'])
		);
		const stop = await findSimilarIdeas(db, reader, { title: 'the and het een with', problem: '' });
		expect(stop.results).toEqual([]);
	});
});

describe('"solved before?" on the demo seed', () => {
	let demo: TestDatabase;
	let employee: SessionUser;
	let files: string;
	beforeAll(async () => {
		// the demo stores its instruction files: in a folder of this test's own (and on PostgreSQL the config wants a secret)
		files = await mkdtemp(join(tmpdir(), 'glossary-demo-'));
		process.env.DATA_DIR ??= files;
		process.env.AUTH_SECRET ??= 'glossary-test-secret-'.padEnd(40, 'x');
		demo = await createTestDatabase();
		await seedDemo(demo.db);
		// "solved before?" shows every employee the same: anyone who may enter an idea
		employee = reader;
	}, 300_000);
	afterAll(async () => {
		await demo?.close();
		await rm(files, { recursive: true, force: true });
	});

	const torque = 'Torque-tool check-out that blocks wrenches with an expired calibration';
	it("finds the torque entry for the form's own example, in English and in Dutch, each improvement once", async () => {
		for (const title of ['Colour-coded torque tools at the module line', 'Kleurcodes op momentsleutels bij de modulelijn']) {
			const { results } = await findSimilarIdeas(demo.db, employee, { title, problem: '' });
			expect(
				results.map((r) => r.title),
				title
			).toContain(torque);
			const keys = results.map((r) => `${r.kind}:${r.id}`);
			expect(new Set(keys).size).toBe(keys.length);
			const ideaIds = results.filter((r) => r.kind === 'idea').map((r) => r.id);
			const fromIdeas = results.flatMap((r) => (r.kind === 'kb' && r.ideaId ? [r.ideaId] : []));
			expect(ideaIds.filter((id) => fromIdeas.includes(id))).toEqual([]);
		}
	});
});
