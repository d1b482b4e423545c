/**
 * The knowledge base on a real database (PGlite and PostgreSQL): publishing an implemented
 * idea, search (ranking, Dutch stemming, facets, suggestions), adoptions and their roll-ups,
 * and that nothing unpublished is ever found. The expectations are exact, so both engines
 * must give the same results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { adoptionSchema, entrySchema, implementationSchema, searchQuerySchema } from '$lib/server/knowledge-base/kb.schema.js';
import {
	getDepartmentPage,
	getEntryPage,
	recordAdoption,
	searchKb,
	subscribe,
	unsubscribe,
	getSubscriptions
} from '$lib/server/knowledge-base/kb.service.js';
import { getImplementationPage, saveImplementation } from '$lib/server/knowledge-base/implementation.service.js';
import { approveEntry, editEntry, requestPublication, unpublishEntry } from '$lib/server/knowledge-base/publication.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { kbFactories } from '../fixtures/kb-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let k: ReturnType<typeof kbFactories>;
let bo: { id: number };
let tst: { id: number };
let log: { id: number };
let submitter: SessionUser;
let teammate: SessionUser;
let tester: SessionUser;
let logistician: SessionUser;
let organiser: SessionUser;
let cup: { id: number };

const search = (params: Record<string, string> = {}) => searchKb(db, tester, searchQuerySchema.parse(params));
const titles = async (params: Record<string, string>) => (await search(params)).hits.map((h) => h.title);
const notifications = (userId: number, kind: string) =>
	db.selectFrom('notification').select(['kind', 'params', 'link']).where('userId', '=', userId).where('kind', '=', kind).execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	k = kbFactories(db);
	bo = await f.newDepartment('BO');
	tst = await f.newDepartment('TST');
	log = await f.newDepartment('LOG');
	submitter = await f.newUser({ departmentId: bo.id, name: 'Sanne Submitter' });
	teammate = await f.newUser({ departmentId: bo.id, name: 'Tom Teammate' });
	tester = await f.newUser({ departmentId: tst.id, name: 'Tess Tester' });
	logistician = await f.newUser({ departmentId: log.id, name: 'Lars Logistics' });
	organiser = await f.newUser({ departmentId: bo.id, roles: ['organiser'], name: 'Olga Organiser' });
	cup = await f.newCompetition({ open: false });
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('publishing an implemented idea', () => {
	let ideaId: number;
	let entryId: number;

	it('records the implementation; done moves the idea to implemented', async () => {
		const idea = await f.newIdea({
			owner: submitter,
			members: [teammate],
			competitionId: cup.id,
			status: 'winner',
			title: 'Shadow boards for torque tools'
		});
		ideaId = idea.id;
		await db.updateTable('idea').set({ award: 'winner' }).where('id', '=', ideaId).execute();
		const input = implementationSchema.parse({
			ownerId: String(submitter.id),
			status: 'done',
			doneOn: '2026-03-01',
			result_0_kind: 'hours',
			result_0_before: '200',
			result_0_after: '80',
			result_0_note: 'Searching for tools, hours per year'
		});
		expect(input.results).toEqual([
			{ kind: 'hours', value: 120, beforeValue: 200, afterValue: 80, note: 'Searching for tools, hours per year' }
		]);
		const saved = await saveImplementation(db, submitter, ideaId, input);
		expect(saved.status).toBe('implemented');
		const events = await db.selectFrom('ideaEvent').select(['kind', 'toStatus']).where('ideaId', '=', ideaId).orderBy('id').execute();
		expect(events).toEqual([
			{ kind: 'implementation_updated', toStatus: null },
			{ kind: 'status_changed', toStatus: 'implemented' }
		]);
	});

	it('refuses an implementation record from someone outside the team', async () => {
		await expect(saveImplementation(db, logistician, ideaId, implementationSchema.parse({ status: 'planned' }))).rejects.toMatchObject({
			code: 'not_allowed_now'
		});
	});

	it('the team asks to publish: a pending entry, organisers notified, not found by search', async () => {
		const input = entrySchema.parse({
			title: 'Shadow boards for torque tools',
			summary: 'Colour-coded shadow boards so every torque tool is found in seconds.',
			problem: 'Operators lost twenty minutes a shift looking for the right torque wrench.',
			solution: 'Shadow boards with colour codes per module line, checked at each shift start.',
			tags: 'torque, 5S',
			contact: [String(submitter.id), String(teammate.id)],
			candidate: [String(tst.id), String(log.id)],
			result_0_kind: 'hours',
			result_0_value: '120'
		});
		entryId = (await requestPublication(db, submitter, ideaId, input)).entryId;
		const entry = await db
			.selectFrom('kbEntry')
			.select(['status', 'award', 'departmentId', 'competitionId'])
			.where('id', '=', entryId)
			.executeTakeFirstOrThrow();
		expect(entry).toEqual({ status: 'pending', award: 'winner', departmentId: bo.id, competitionId: cup.id });
		expect(await notifications(organiser.id, 'kb_publish_requested')).toHaveLength(1);
		expect((await search({ q: 'shadow boards' })).total).toBe(0);
		await expect(getEntryPage(db, tester, entryId)).rejects.toMatchObject({ status: 404 });
		expect((await getEntryPage(db, teammate, entryId)).entry.status).toBe('pending');
	});

	it('only an organiser approves; then the idea is published and candidates and subscribers hear of it', async () => {
		await subscribe(db, logistician, { target: 'tag', tag: 'torque' });
		await expect(approveEntry(db, submitter, entryId)).rejects.toMatchObject({ status: 404 });
		const result = await approveEntry(db, organiser, entryId);
		expect(result.notified).toEqual({ team: 2, candidates: 2, subscribers: 0 });
		const idea = await db.selectFrom('idea').select('status').where('id', '=', ideaId).executeTakeFirstOrThrow();
		expect(idea.status).toBe('published');
		expect(await notifications(tester.id, 'kb_candidate')).toEqual([
			{ kind: 'kb_candidate', params: { title: 'Shadow boards for torque tools', kbEntryId: entryId }, link: `/kb/${entryId}` }
		]);
		expect(await notifications(submitter.id, 'kb_published')).toHaveLength(1);
		const audit = await db.selectFrom('auditLog').select(['action', 'objectId']).where('objectType', '=', 'kb_entry').execute();
		expect(audit).toEqual([{ action: 'kb_entry.publish', objectId: String(entryId) }]);
		const found = await search({ q: 'shadow boards' });
		expect(found.hits.map((h) => h.id)).toEqual([entryId]);
		expect(found.hits[0].titleSegments.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toEqual(['shadow', 'boards']);
	});

	it('the implementation page shows the record, its results and the entry', async () => {
		const page = await getImplementationPage(db, submitter, ideaId);
		expect(page.implementation?.status).toBe('done');
		expect(page.results.map((r) => [r.kind, r.value])).toEqual([['hours', 120]]);
		expect(page.entry?.status).toBe('published');
		expect(page.can.requestPublication).toBe(false);
	});

	it('an organiser edits (audited) and unpublishes with a reason: gone from search, idea back to implemented', async () => {
		const edit = entrySchema.parse({
			title: 'Shadow boards for torque tools at every module line',
			summary: 'Colour-coded shadow boards so every torque tool is found in seconds.',
			problem: 'Operators lost twenty minutes a shift looking for the right torque wrench.',
			solution: 'Shadow boards with colour codes per module line, checked at each shift start.',
			tags: 'torque, 5s',
			candidate: [String(tst.id), String(log.id)],
			result_0_kind: 'hours',
			result_0_value: '120'
		});
		await expect(editEntry(db, submitter, entryId, edit)).rejects.toMatchObject({ status: 404 });
		await editEntry(db, organiser, entryId, edit);
		await expect(unpublishEntry(db, organiser, entryId, '')).rejects.toMatchObject({ code: 'reason_required' });
		await unpublishEntry(db, organiser, entryId, 'Superseded by the new tool cabinet standard.');
		expect((await search({ q: 'shadow boards' })).total).toBe(0);
		await expect(getEntryPage(db, tester, entryId)).rejects.toMatchObject({ status: 404 });
		const idea = await db.selectFrom('idea').select('status').where('id', '=', ideaId).executeTakeFirstOrThrow();
		expect(idea.status).toBe('implemented');
		const actions = await db.selectFrom('auditLog').select('action').where('objectType', '=', 'kb_entry').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['kb_entry.publish', 'kb_entry.edit', 'kb_entry.unpublish']);
		const last = await db
			.selectFrom('ideaEvent')
			.select(['toStatus', 'reason'])
			.where('ideaId', '=', ideaId)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(last).toEqual({ toStatus: 'implemented', reason: 'Superseded by the new tool cabinet standard.' });
		// Published again for the adoption tests below.
		await approveEntry(db, organiser, entryId);
	});

	describe('adoptions', () => {
		it("records an adoption for one's own department only, with its results; the team is notified", async () => {
			const input = adoptionSchema.parse({
				status: 'adopted',
				startedOn: '2026-04-01',
				adoptedOn: '2026-05-01',
				ownerId: String(tester.id),
				result_0_kind: 'hours',
				result_0_value: '40'
			});
			await expect(recordAdoption(db, tester, entryId, { ...input, departmentId: log.id })).rejects.toMatchObject({ code: 'invalid' });
			const saved = await recordAdoption(db, tester, entryId, input);
			expect(saved.created).toBe(true);
			const note = await notifications(submitter.id, 'adopted_elsewhere');
			expect(note).toHaveLength(1);
			expect(note[0].params).toMatchObject({ departmentName: 'Department TST', status: 'adopted' });
		});

		it('a colleague of the department cannot overwrite or take over the adoption its owner keeps; an organiser can correct it', async () => {
			const colleague = await f.newUser({ departmentId: tst.id, name: 'Colin Colleague' });
			const attempt = adoptionSchema.parse({ status: 'considering', ownerId: String(colleague.id) });
			await expect(recordAdoption(db, colleague, entryId, attempt)).rejects.toMatchObject({ code: 'adoption_kept_by_owner' });
			const kept = await db
				.selectFrom('adoption')
				.select(['status', 'ownerId'])
				.where('kbEntryId', '=', entryId)
				.where('departmentId', '=', tst.id)
				.executeTakeFirstOrThrow();
			expect(kept).toEqual({ status: 'adopted', ownerId: tester.id });
			const correction = await recordAdoption(db, organiser, entryId, {
				...adoptionSchema.parse({
					status: 'adopted',
					startedOn: '2026-04-01',
					adoptedOn: '2026-05-01',
					ownerId: String(tester.id),
					result_0_kind: 'hours',
					result_0_value: '40'
				}),
				departmentId: tst.id
			});
			expect(correction.created).toBe(false);
		});

		it('not suitable needs a reason', () => {
			const parsed = adoptionSchema.safeParse({ status: 'not_suitable', reason: '' });
			expect(parsed.success).toBe(false);
		});

		it('the entry rolls up results across adoptions; not suitable counts nowhere', async () => {
			await recordAdoption(
				db,
				logistician,
				entryId,
				adoptionSchema.parse({
					status: 'piloting',
					result_0_kind: 'hours',
					result_0_value: '18',
					result_1_kind: 'euros',
					result_1_value: '2500'
				})
			);
			const page = await getEntryPage(db, tester, entryId);
			expect(page.totals).toEqual([
				{ kind: 'hours', original: 120, adoptions: 58, adoptingDepartments: 2, total: 178 },
				{ kind: 'euros', original: 0, adoptions: 2500, adoptingDepartments: 1, total: 2500 }
			]);
			await recordAdoption(
				db,
				logistician,
				entryId,
				adoptionSchema.parse({
					status: 'not_suitable',
					reason: 'Only four torque tools here.',
					result_0_kind: 'hours',
					result_0_value: '18'
				})
			);
			const after = await getEntryPage(db, tester, entryId);
			expect(after.totals).toEqual([{ kind: 'hours', original: 120, adoptions: 40, adoptingDepartments: 1, total: 160 }]);
			expect(after.statusCounts).toEqual({ considering: 0, piloting: 0, adopted: 1, not_suitable: 1 });
			expect(after.rolloutMap.map((d) => [d.code, d.state])).toEqual([
				['BO', 'origin'],
				['LOG', 'not_suitable'],
				['TST', 'adopted']
			]);
			expect(after.adoptions.map((a) => [a.departmentCode, a.status])).toEqual([
				['LOG', 'not_suitable'],
				['TST', 'adopted']
			]);
			const entry = await db.selectFrom('kbEntry').select('adoptionCount').where('id', '=', entryId).executeTakeFirstOrThrow();
			expect(entry.adoptionCount).toBe(1);
		});

		it('the department pages show what was contributed and what was adopted', async () => {
			const boPage = await getDepartmentPage(db, tester, bo.id);
			expect(boPage.contributed.map((c) => c.id)).toEqual([entryId]);
			const tstPage = await getDepartmentPage(db, tester, tst.id);
			expect(tstPage.adopted.map((a) => [a.entryId, a.status, a.fromDepartmentName])).toEqual([[entryId, 'adopted', 'Department BO']]);
			expect(tstPage.totals).toEqual([{ kind: 'hours', original: 0, adoptions: 40, adoptingDepartments: 1, total: 40 }]);
		});

		it('an unpublished entry cannot be adopted', async () => {
			const hidden = await k.newEntry({ departmentId: bo.id, status: 'unpublished' });
			await expect(recordAdoption(db, tester, hidden.id, adoptionSchema.parse({ status: 'considering' }))).rejects.toMatchObject({
				status: 404
			});
		});
	});
});

describe('search', () => {
	let areaA: { id: number };
	const ids: Record<string, number> = {};

	beforeAll(async () => {
		areaA = await k.newProcessArea('Calibration', 'Kalibratie');
		const add = async (key: string, o: Parameters<typeof k.newEntry>[0]) => (ids[key] = (await k.newEntry(o)).id);
		await add('bodyOnly', {
			departmentId: tst.id,
			title: 'Faster set-up of test cells',
			problem: 'Operators check the interferometer alignment by hand.',
			publishedAt: '2025-05-01T10:00:00Z',
			tags: ['set-up']
		});
		await add('titleHit', {
			departmentId: bo.id,
			title: 'Interferometer alignment jig',
			problem: 'Alignment took an hour.',
			publishedAt: '2024-03-01T10:00:00Z',
			processAreaId: areaA.id,
			award: 'finalist',
			tags: ['calibration', 'jig']
		});
		await add('dutch', {
			departmentId: log.id,
			title: 'Kleine verbetering in de magazijnroute',
			summary: 'Een verbetering van de route langs de stellingen.',
			problem: 'Heftrucks reden dubbel.',
			solution: 'Vaste route met tijdschema.',
			publishedAt: '2025-09-01T10:00:00Z',
			tags: ['route']
		});
		await add('accent', { departmentId: log.id, title: 'Sensor geïnstalleerd bij dock 3', publishedAt: '2025-10-01T10:00:00Z' });
		await add('attachment', {
			departmentId: tst.id,
			title: 'Checklist for new technicians',
			publishedAt: '2025-11-01T10:00:00Z',
			attachmentNames: ['onboarding-werkinstructie.pdf'],
			uploadedBy: tester.id
		});
		await add('pending', {
			departmentId: bo.id,
			title: 'Secret interferometer upgrade',
			status: 'pending',
			publishedAt: '2025-01-01T10:00:00Z',
			tags: ['calibration']
		});
		await add('unpublished', {
			departmentId: bo.id,
			title: 'Withdrawn interferometer trick',
			status: 'unpublished',
			publishedAt: '2025-01-01T10:00:00Z',
			tags: ['calibration']
		});
	});

	it('ranks a title match above a body match', async () => {
		expect(await titles({ q: 'interferometer alignment' })).toEqual(['Interferometer alignment jig', 'Faster set-up of test cells']);
	});

	it('finds "verbetering" when searching "verbeteringen" (Dutch stemming), with a highlighted snippet', async () => {
		const result = await search({ q: 'verbeteringen' });
		expect(result.hits.map((h) => h.id)).toEqual([ids.dutch]);
		expect(result.hits[0].snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toContain('verbetering');
	});

	it('folds accents and searches tag and attachment names', async () => {
		expect(await titles({ q: 'geinstalleerd' })).toEqual(['Sensor geïnstalleerd bij dock 3']);
		expect(await titles({ q: 'werkinstructie' })).toEqual(['Checklist for new technicians']);
		expect(await titles({ q: 'jig' })).toEqual(['Interferometer alignment jig']);
	});

	it('never finds pending or unpublished entries, nor counts them in facets', async () => {
		const result = await search({ q: 'interferometer' });
		expect(result.hits.map((h) => h.id).sort()).toEqual([ids.bodyOnly, ids.titleHit].sort());
		const calibration = result.facets.tag.find((t) => t.key === 'calibration');
		expect(calibration?.n).toBe(1);
		expect((await search({ q: 'secret' })).total).toBe(0);
		expect((await search({ q: 'withdrawn' })).total).toBe(0);
	});

	it('counts facets over what the query matched, and filters by them', async () => {
		const result = await search({ q: 'interferometer' });
		expect(result.facets.department.map((d) => [d.labelEn, d.n])).toEqual([
			['Department BO', 1],
			['Department TST', 1]
		]);
		expect(result.facets.year.map((y) => [y.key, y.n])).toEqual([
			['2025', 1],
			['2024', 1]
		]);
		expect(result.facets.process_area.map((p) => [p.labelEn, p.labelNl, p.n])).toEqual([['Calibration', 'Kalibratie', 1]]);
		expect(result.facets.award).toEqual([{ key: 'finalist', labelEn: 'finalist', labelNl: 'finalist', n: 1 }]);
		expect(await titles({ q: 'interferometer', year: '2025' })).toEqual(['Faster set-up of test cells']);
		expect(await titles({ q: 'interferometer', department: String(bo.id) })).toEqual(['Interferometer alignment jig']);
		expect(await titles({ q: 'interferometer', tag: 'calibration' })).toEqual(['Interferometer alignment jig']);
		expect(await titles({ q: 'interferometer', area: String(areaA.id) })).toEqual(['Interferometer alignment jig']);
		expect(await titles({ q: 'interferometer', award: 'finalist' })).toEqual(['Interferometer alignment jig']);
	});

	it('browses newest first without a query, and pages', async () => {
		const all = await search({});
		// The shadow boards were published again a moment ago: newest.
		expect(all.hits.slice(0, 2).map((h) => h.title)).toEqual([
			'Shadow boards for torque tools at every module line',
			'Checklist for new technicians'
		]);
		expect(all.hits.every((h, i) => i === 0 || h.publishedAt <= all.hits[i - 1].publishedAt)).toBe(true);
		expect(all.total).toBe(all.hits.length);
		const page2 = await search({ page: '2' });
		expect(page2.hits).toEqual([]);
		expect(page2.total).toBe(all.total);
	});

	it('sorts by most adopted', async () => {
		const result = await search({ sort: 'adopted' });
		expect(result.hits[0].title).toBe('Shadow boards for torque tools at every module line');
	});

	it('suggests a correction for a misspelt word (trigram similarity)', async () => {
		const result = await search({ q: 'interferomter' });
		expect(result.total).toBe(0);
		expect(result.suggestion).toBe('interferometer');
	});

	it('never shows user HTML as markup: snippets are plain segments', async () => {
		const xss = await k.newEntry({
			departmentId: tst.id,
			title: 'Label <img src=x onerror=alert(1)> printer',
			summary: '<script>alert(1)</script> label printer fix'
		});
		const result = await search({ q: 'printer' });
		const hit = result.hits.find((h) => h.id === xss.id)!;
		expect(hit.titleSegments.map((s) => s.text).join('')).toBe('Label <img src=x onerror=alert(1)> printer');
		// ts_headline drops markup-like tokens; whatever remains is text, never HTML.
		expect(hit.snippet.every((s) => typeof s.text === 'string')).toBe(true);
		expect(hit.snippet.map((s) => s.text).join('')).toContain('label printer fix');
	});
});

describe('subscriptions', () => {
	it('subscribes once per target and unsubscribes', async () => {
		await subscribe(db, tester, { target: 'department', departmentId: bo.id });
		await subscribe(db, tester, { target: 'department', departmentId: bo.id });
		const { subscriptions } = await getSubscriptions(db, tester);
		expect(subscriptions.map((s) => s.departmentName)).toEqual(['Department BO']);
		await unsubscribe(db, tester, subscriptions[0].id);
		expect((await getSubscriptions(db, tester)).subscriptions).toEqual([]);
		await expect(subscribe(db, tester, { target: 'tag', tag: 'no-such-tag' })).rejects.toMatchObject({ code: 'invalid' });
	});

	it('a new entry notifies subscribers to its department', async () => {
		await subscribe(db, logistician, { target: 'department', departmentId: tst.id });
		const idea = await f.newIdea({ owner: tester, competitionId: cup.id, status: 'implemented', title: 'Test-cell consumables kanban' });
		const { entryId } = await requestPublication(
			db,
			tester,
			idea.id,
			entrySchema.parse({
				title: 'Test-cell consumables kanban',
				summary: 'Two bins for cable ties and caps.',
				problem: 'Test cells waited for consumables.',
				solution: 'Two-bin kanban refilled by logistics.'
			})
		);
		await approveEntry(db, organiser, entryId);
		expect(await notifications(logistician.id, 'kb_new_entry')).toHaveLength(1);
		await sql`select 1`.execute(db);
	});
});

describe('the same results on PGlite and PostgreSQL', () => {
	const both = !!process.env.DATABASE_URL?.trim();

	it.skipIf(!both)('gives identical hits, highlights, totals, facets and suggestions on both engines', async () => {
		const { openDatabase } = await import('$lib/server/db/index.js');
		const { migrateToLatest } = await import('$lib/server/db/migrate.js');
		const { migrations } = await import('$lib/server/db/migrations.js');
		const lite = await openDatabase({ engine: 'pglite' });
		const server = await createTestDatabase();
		try {
			await migrateToLatest(lite.db, migrations);
			const load = async (target: Database) => {
				const fx = factories(target);
				const kx = kbFactories(target);
				const d1 = await fx.newDepartment('AA');
				const d2 = await fx.newDepartment('BB');
				const reader = await fx.newUser({ departmentId: d1.id });
				const texts = [
					['Torque wrench check-out', 'Calibration stickers wear off; verbeteringen aan de uitgifte.', ['torque', 'calibration']],
					['Verbetering van de magazijnroute', 'Heftrucks reden dubbel; een vaste route met tijdschema.', ['route']],
					['Shadow boards on cleanroom trolleys', 'Operators searched for torque tools every shift.', ['5s', 'cleanroom']],
					['Kalibratie van momentsleutels', 'De momentsleutels worden nu wekelijks gecontroleerd.', ['calibration']],
					['Lifting aid for heavy covers', 'Two-person lifts above 25 kg caused near misses.', ['safety']]
				] as const;
				for (const [i, [title, problem, tags]] of texts.entries()) {
					await kx.newEntry({
						departmentId: i % 2 ? d2.id : d1.id,
						title,
						problem,
						tags: [...tags],
						publishedAt: `202${i}-06-01T00:00:00Z`
					});
				}
				await kx.newEntry({ departmentId: d1.id, title: 'Hidden torque draft', status: 'pending', tags: ['torque'] });
				return reader;
			};
			const readerPg = await load(server.db);
			const readerLite = await load(lite.db);
			const queries = [
				{ q: 'torque' },
				{ q: 'verbeteringen' },
				{ q: 'momentsleutel' },
				{ q: 'calibration' },
				{ q: 'torqe' },
				{ q: 'lifting safety' },
				{},
				{ sort: 'adopted' },
				{ q: 'torque', tag: 'calibration' },
				{ q: 'hidden' }
			];
			for (const params of queries) {
				const [a, b] = await Promise.all([
					searchKb(server.db, readerPg, searchQuerySchema.parse(params)),
					searchKb(lite.db, readerLite, searchQuerySchema.parse(params))
				]);
				const shape = (r: Awaited<ReturnType<typeof searchKb>>) => ({
					total: r.total,
					hits: r.hits.map((h) => [h.title, h.titleSegments, h.snippet, h.tags, h.publishedAt]),
					facets: r.facets,
					suggestion: r.suggestion
				});
				expect(shape(a), JSON.stringify(params)).toEqual(shape(b));
			}
			expect((await searchKb(lite.db, readerLite, searchQuerySchema.parse({ q: 'torqe' }))).suggestion).toBe('torque');
		} finally {
			await lite.close();
			await server.close();
		}
	});
});
