/**
 * The juries and results dashboards on a real database (PGlite, or PostgreSQL with
 * DATABASE_URL), counted by hand from the rows built below. Every sheet gives one value on
 * all six default criteria (1..5), so its weighted score is 100 * (v − 1) / 4: 5 -> 100,
 * 4 -> 75, 3 -> 50, 2 -> 25, 1 -> 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { loadJuriesDashboard } from '$lib/server/insight/juries.service.js';
import { listSubmittedSheets } from '$lib/server/insight/juries.queries.js';
import { weightedScore } from '$lib/domain/scoring.js';
import { loadResultsDashboard } from '$lib/server/insight/results.service.js';
import type { InsightFilter } from '$lib/server/insight/filter.js';
import type { Dashboard } from '$lib/domain/insight-table.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let judging: ReturnType<typeof judgingFactories>;
const NOW = new Date('2026-12-01T12:00:00Z');
const ALL: InsightFilter = { competitionId: null, departmentIds: null, from: null, to: null };
const dep: Record<string, number> = {};
const cup: Record<string, number> = {};

const table = (d: Dashboard, id: string) => d.tables.find((t) => t.id === id)!;
const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key)?.value;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	judging = judgingFactories(db);
	dep.ops = (await f.newDepartment('OPS')).id;
	dep.lab = (await f.newDepartment('LAB')).id;
	dep.qa = (await f.newDepartment('QA')).id;
	const person = (name: string, departmentId: number) => f.newUser({ name, departmentId });
	const [ann, ben, cas, dirk] = await Promise.all([
		person('Ann', dep.ops),
		person('Ben', dep.ops),
		person('Cas', dep.ops),
		person('Dirk', dep.ops)
	]);
	const [eva, fay] = await Promise.all([person('Eva', dep.lab), person('Fay', dep.lab)]);
	const owner = await person('Olaf', dep.ops);
	const labOwner = await person('Lotte', dep.lab);
	cup.a = (await f.newCompetition({ name: 'Cup A', status: 'judging', window: { opens: -90, closes: -30 } })).id;
	cup.b = (await f.newCompetition({ name: 'Cup B', status: 'closed', window: { opens: -400, closes: -300 } })).id;

	const ideas = [];
	for (let i = 0; i < 4; i++) ideas.push((await f.newIdea({ owner, competitionId: cup.a, status: 'semi_final', title: `Ops ${i}` })).id);
	const labIdeas = [];
	for (let i = 0; i < 2; i++)
		labIdeas.push((await f.newIdea({ owner: labOwner, competitionId: cup.a, status: 'semi_final', title: `Lab ${i}` })).id);

	// Round 1: OPS jury Ann, Ben, Cas, Dirk on four ideas, open, closing tomorrow; Dirk has a conflict with the fourth idea.
	const r1 = await judging.newRound({
		competitionId: cup.a,
		juries: [{ departmentId: dep.ops, members: [ann, ben, cas, dirk] }],
		entries: ideas.map((ideaId) => ({ ideaId, departmentId: dep.ops }))
	});
	await db
		.updateTable('round')
		.set({ scoringClosesAt: new Date(NOW.getTime() + 86_400_000), name: 'Round 1' })
		.where('id', '=', r1.id)
		.execute();
	await judging.newConflict({ userId: dirk.id, ideaId: ideas[3] });
	// Round 2 (closed): LAB jury Eva, Fay on two ideas.
	const r2 = await judging.newRound({
		competitionId: cup.a,
		status: 'closed',
		juries: [{ departmentId: dep.lab, members: [eva, fay] }],
		entries: labIdeas.map((ideaId) => ({ ideaId, departmentId: dep.lab }))
	});
	await db.updateTable('round').set({ name: 'Round 2' }).where('id', '=', r2.id).execute();

	const sheet = async (
		roundId: number,
		criteria: { id: number }[],
		juror: SessionUser,
		ideaId: number,
		value: number | null,
		submittedAt: string
	) => {
		const h = await db
			.insertInto('scoreSheet')
			.values({
				roundId,
				ideaId,
				jurorId: juror.id,
				createdAt: new Date('2026-11-08T09:00:00Z'),
				submittedAt: value === null ? null : new Date(submittedAt)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (value !== null)
			await db
				.insertInto('score')
				.values(criteria.map((c) => ({ sheetId: h.id, criterionId: c.id, value })))
				.execute();
	};
	const scores: [SessionUser, number[]][] = [
		[ann, [5, 3, 4, 5]],
		[ben, [4, 2, 3, 4]],
		[cas, [3, 4, 2, 1]]
	];
	for (const [juror, values] of scores)
		for (let i = 0; i < 4; i++) await sheet(r1.id, r1.criteria, juror, ideas[i], values[i], `2026-11-${10 + i}T10:00:00Z`);
	await sheet(r1.id, r1.criteria, dirk, ideas[0], null, '');
	for (let i = 0; i < 2; i++) {
		await sheet(r2.id, r2.criteria, eva, labIdeas[i], 5, '2026-10-01T10:00:00Z');
		await sheet(r2.id, r2.criteria, fay, labIdeas[i], 1, '2026-10-01T10:00:00Z');
	}

	// Results: Ops 0 implemented on 15 November, Lab 0 still in progress.
	await db.insertInto('implementation').values({ ideaId: ideas[0], status: 'done', doneOn: '2026-11-15' }).execute();
	await db.insertInto('implementation').values({ ideaId: labIdeas[0], status: 'in_progress' }).execute();
	const kb = async (ideaId: number, status: string) =>
		(
			await db
				.insertInto('kbEntry')
				.values({
					title: `Entry ${ideaId}`,
					ideaId,
					departmentId: dep.ops,
					competitionId: cup.a,
					status,
					publishedAt: new Date('2026-11-20T10:00:00Z')
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const k1 = await kb(ideas[0], 'published');
	const k2 = await kb(ideas[1], 'unpublished');
	const adopt = async (departmentId: number, status: string, adoptedOn: string | null) =>
		(
			await db
				.insertInto('adoption')
				.values({ kbEntryId: k1, departmentId, status, adoptedOn, createdBy: owner.id })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const labAdoption = await adopt(dep.lab, 'adopted', '2026-11-25');
	await adopt(dep.qa, 'adopted', '2026-12-01');
	await adopt(dep.ops, 'considering', null);
	await db
		.insertInto('measuredResult')
		.values([
			{ kbEntryId: k1, kind: 'hours', value: 18 },
			{ adoptionId: labAdoption, kind: 'hours', value: 10 },
			{ adoptionId: labAdoption, kind: 'euros', value: 500 },
			{ ideaId: ideas[0], kind: 'defects', value: 3 },
			{ kbEntryId: k2, kind: 'hours', value: 99 },
			{ kbEntryId: k1, kind: 'other', value: 7 }
		])
		.execute();
	void sql;
});

afterAll(async () => {
	await testDb?.close();
});

async function counted(load: () => Promise<Dashboard>) {
	const tally = newTally();
	const dashboard = await countStatements(tally, load);
	return { dashboard, statements: tally.statements };
}

describe('juries dashboard', () => {
	it('progress per round: submitted of expected, conflicts excluded; two statements', async () => {
		const { dashboard, statements } = await counted(() => loadJuriesDashboard(db, ALL, { now: NOW }));
		expect(statements).toBeLessThanOrEqual(4);
		expect(statements).toBe(2);
		expect(table(dashboard, 'progress').rows).toEqual([
			{ round: 'Cup A · Round 1', submitted: 12, expected: 15, share: 0.8 },
			{ round: 'Cup A · Round 2', submitted: 4, expected: 4, share: 1 }
		]);
		expect(figure(dashboard, 'submitted')).toBe(16);
		expect(figure(dashboard, 'done')).toBe(round3(16 / 19));
	});

	it('per juror: mean, leniency, spread, agreement, days and flags with reasons', async () => {
		const dashboard = await loadJuriesDashboard(db, ALL, { now: NOW });
		const rows = table(dashboard, 'jurors').rows;
		const of = (name: string) => rows.find((r) => r.juror === name)!;
		// Jury mean 700 / 12 = 58.33; Ann 325 / 4 = 81.25 -> +22.9
		expect(of('Ann')).toMatchObject({ submitted: 4, expected: 4, mean: 81.3, leniency: 22.9 });
		// Ann 100, 50, 75, 100 against the others' 62.5, 50, 37.5, 37.5: ranks 3.5, 1, 2, 3.5 and 4, 3, 1.5, 1.5,
		// Spearman 0.25 / sqrt(4.5 * 4.5) = 0.06: below 0.2 over four ideas
		expect(of('Ann')).toMatchObject({ agreement: 0.06, flag: 'disagrees' });
		// Leniencies +22.9, −2.1, −20.8 have sd 21.9: the line is 2 × 21.9 = 43.9 points, nobody crosses it
		expect(rows.some((r) => /lenient|strict/.test(String(r.flag)))).toBe(false);
		expect(of('Ben')).toMatchObject({ mean: 56.3, leniency: -2.1 });
		// Cas 50, 75, 25, 0 against the others' 87.5, 37.5, 62.5, 87.5: Spearman −3 / sqrt(22.5) = −0.63
		expect(of('Cas')).toMatchObject({ leniency: -20.8, agreement: -0.63, flag: 'disagrees' });
		expect(of('Cas').spread).toBe(32.3);
		// Sheets opened 8 November, submitted 10..13 November 10:00: median 3.5 days + 1 hour
		expect(of('Ann').days).toBe(3.5);
		// Dirk: nothing submitted of 3 (conflict with the fourth idea), the round closes tomorrow
		expect(of('Dirk')).toMatchObject({ submitted: 0, expected: 3, mean: null, flag: 'slow' });
		expect(of('Dirk').reason).toContain('3 sheets missing');
		// Round 2 is closed: nobody is slow there, and two sheets are too few to be flat
		expect(of('Eva')).toMatchObject({ leniency: 50, flag: '' });
		// Ben against Ann and Cas (75, 62.5, 50, 50) ranks as Ann does: 0.06, disagrees too; a weak jury (W 0.26)
		expect(of('Ben')).toMatchObject({ agreement: 0.06, flag: 'disagrees' });
		expect(figure(dashboard, 'flagged')).toBe(4);
		// Rows of a round from lenient to strict
		expect(rows.slice(0, 4).map((r) => r.juror)).toEqual(['Ann', 'Ben', 'Cas', 'Dirk']);
	});

	it("agreement per jury: Kendall's W over the ideas every juror scored", async () => {
		const dashboard = await loadJuriesDashboard(db, ALL, { now: NOW });
		// Rank sums 10, 6, 6, 8 around 7.5: S = 11; ties 6 + 6: W = 132 / (540 − 36) = 0.26
		expect(table(dashboard, 'agreement').rows[0]).toEqual({
			jury: `Cup A · Round 1 · MT ${dep.ops}`,
			w: 0.26,
			jurors: 3,
			ideas: 4,
			reading: 'weak'
		});
		// Eva 100, 100 and Fay 0, 0: both tie everything, so there is no order to agree on
		expect(table(dashboard, 'agreement').rows[1]).toMatchObject({ w: null, jurors: 2, ideas: 2 });
	});

	it('filters: the department’s juries, sheets submitted in the period, the edition', async () => {
		const lab = await loadJuriesDashboard(db, { ...ALL, departmentIds: [dep.lab] }, { now: NOW });
		expect(table(lab, 'progress').rows.map((r) => r.round)).toEqual(['Cup A · Round 2']);
		expect(table(lab, 'jurors').rows.map((r) => r.juror)).toEqual(['Eva', 'Fay']);
		const november = await loadJuriesDashboard(db, { ...ALL, from: '2026-11-01', to: '2026-11-11' }, { now: NOW });
		// Only Round 1, and only the sheets of 10 and 11 November
		expect(table(november, 'progress').rows).toEqual([{ round: 'Cup A · Round 1', submitted: 6, expected: 15, share: 0.4 }]);
		const cupB = await loadJuriesDashboard(db, { ...ALL, competitionId: cup.b }, { now: NOW });
		expect(cupB.tables.every((t) => t.rows.length === 0)).toBe(true);
	});
});

describe('results dashboard', () => {
	it('figures and tables with no filter; three statements', async () => {
		const { dashboard, statements } = await counted(() => loadResultsDashboard(db, ALL, { now: NOW }));
		expect(statements).toBe(3);
		expect(Object.fromEntries(dashboard.figures.map((f) => [f.key, f.value]))).toEqual({
			implemented: 1,
			published: 1,
			adopted: 2,
			departments: 2,
			'measured-hours': 28,
			'measured-defects': 3,
			'measured-euros': 500,
			'measured-safety': 0
		});
		expect(table(dashboard, 'editions').rows).toEqual([
			{ edition: 'Cup A', implemented: 1, published: 1, adopted: 2 },
			{ edition: 'Cup B', implemented: 0, published: 0, adopted: 0 }
		]);
		expect(table(dashboard, 'departments').rows).toEqual([
			{ department: 'Department LAB', adoptions: 1 },
			{ department: 'Department QA', adoptions: 1 }
		]);
		expect(table(dashboard, 'measured-hours').rows).toEqual([
			{ edition: 'Cup A', total: 28, results: 2 },
			{ edition: 'Cup B', total: 0, results: 0 }
		]);
	});

	it('department: the adopting department, the idea’s or the entry’s', async () => {
		const lab = await loadResultsDashboard(db, { ...ALL, departmentIds: [dep.lab] }, { now: NOW });
		expect(Object.fromEntries(lab.figures.map((f) => [f.key, f.value]))).toMatchObject({
			implemented: 0,
			published: 0,
			adopted: 1,
			departments: 1,
			'measured-hours': 10,
			'measured-euros': 500,
			'measured-defects': 0
		});
	});

	it('period: by the day implemented, published or adopted', async () => {
		const early = await loadResultsDashboard(db, { ...ALL, to: '2026-11-24' }, { now: NOW });
		expect(Object.fromEntries(early.figures.map((f) => [f.key, f.value]))).toMatchObject({
			implemented: 1,
			published: 1,
			adopted: 0,
			'measured-hours': 18,
			'measured-defects': 3,
			'measured-euros': 0
		});
	});

	it('edition: the figures follow it, the per-edition chart ignores it', async () => {
		const b = await loadResultsDashboard(db, { ...ALL, competitionId: cup.b }, { now: NOW });
		expect(figure(b, 'implemented')).toBe(0);
		expect(figure(b, 'adopted')).toBe(0);
		expect(table(b, 'editions').rows[0]).toEqual({ edition: 'Cup A', implemented: 1, published: 1, adopted: 2 });
		expect(table(b, 'measured-hours').rows).toEqual([{ edition: 'Cup B', total: 0, results: 0 }]);
	});
});

function round3(v: number) {
	return Math.round(v * 1000) / 1000;
}

describe("a sheet's weighted score, reckoned in SQL", () => {
	it('equals weightedScore (scoring.ts) for mixed values and all-lowest; an incomplete sheet has none', async () => {
		const qa = (await f.newDepartment('QAP')).id;
		const [gus, hal, ivo] = await Promise.all(['Gus', 'Hal', 'Ivo'].map((name) => f.newUser({ name, departmentId: qa })));
		const owner = await f.newUser({ name: 'Quinn', departmentId: qa });
		const cupC = (await f.newCompetition({ name: 'Cup C', status: 'judging', window: { opens: -60, closes: -20 } })).id;
		const idea = (await f.newIdea({ owner, competitionId: cupC, status: 'semi_final', title: 'Mixed' })).id;
		const round = await judging.newRound({
			competitionId: cupC,
			juries: [{ departmentId: qa, members: [gus, hal, ivo] }],
			entries: [{ ideaId: idea, departmentId: qa }]
		});
		await db
			.updateTable('round')
			.set({ scoringOpensAt: new Date('2026-11-10T10:00:00Z') })
			.where('id', '=', round.id)
			.execute();
		const criteria = await db
			.selectFrom('roundCriterion')
			.select(['id', 'weight', 'scaleMin', 'scaleMax', 'isRollOut'])
			.where('roundId', '=', round.id)
			.orderBy('position')
			.execute();
		const mixed = [5, 4, 3, 4, 2, 5];
		const write = async (juror: SessionUser, values: number[]) => {
			const h = await db
				.insertInto('scoreSheet')
				.values({ roundId: round.id, ideaId: idea, jurorId: juror.id, submittedAt: new Date('2026-11-20T10:00:00Z') })
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('score')
				.values(values.map((value, i) => ({ sheetId: h.id, criterionId: criteria[i].id, value })))
				.execute();
		};
		await write(gus, mixed);
		await write(hal, mixed.slice(0, 5)); // one criterion left empty
		await write(ivo, [1, 1, 1, 1, 1, 1]);
		const rows = await listSubmittedSheets(db, { competitionId: cupC, departmentIds: [qa], from: null, to: null });
		const scoreOf = (who: SessionUser) => rows.find((r) => r.jurorId === who.id)?.score;
		const expected = weightedScore(
			{ scores: new Map(mixed.map((v, i) => [criteria[i].id, v])) },
			criteria.map((c) => ({ ...c, weight: Number(c.weight) }))
		);
		expect(expected).not.toBeNull();
		expect(scoreOf(gus)).toBeCloseTo(expected!, 9);
		expect(scoreOf(hal)).toBeNull();
		expect(scoreOf(ivo)).toBe(0);
		// days to score count from the round's opening for scoring: 10 November to 20 November
		expect(rows.find((r) => r.jurorId === gus.id)!.days).toBeCloseTo(10, 9);
	});
});
