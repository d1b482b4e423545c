/**
 * The summary and participation dashboards on a real database, counted by hand from the
 * small organisation built below:
 *
 * OPS has an HR headcount (49): operator/mbo 20, operator/vmbo 10, technician/mbo 6,
 * engineer/hbo 8, engineer/wo 2, manager/hbo 3. LAB has none, so its five active accounts
 * count (engineer/wo, engineer/hbo, specialist/hbo, specialist/wo, technician/mbo; a disabled
 * one does not). SUB is OPS's sub-department without people. Company headcount 54.
 *
 * Old cup (a year ago): Eva (OPS operator/mbo) and Lars (LAB engineer/wo) took part.
 * Spring cup: Eva with Gus (technician/mbo), Finn (operator/vmbo) with Jan (operator, no
 * education: unknown), Lars with Lena (engineer/hbo); Ida's idea is a draft. Six participants,
 * four of them first-time (Eva and Lars were in the Old cup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import type { Dashboard } from '$lib/domain/insight-table.js';
import type { InsightFilter } from '$lib/server/insight/filter.js';
import { loadParticipationDashboard } from '$lib/server/insight/participation.service.js';
import { loadSummaryDashboard } from '$lib/server/insight/summary.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let ops = 0;
let lab = 0;
let sub = 0;
let spring = 0;
let old = 0;
const NOW = { now: new Date('2026-12-01T12:00:00Z') };

const filter = (f: Partial<InsightFilter> = {}): InsightFilter => ({
	competitionId: null,
	departmentIds: null,
	from: null,
	to: null,
	...f
});
const table = (d: Dashboard, id: string) => d.tables.find((t) => t.id === id)!;
const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key)!;
const rows = (d: Dashboard, id: string, ...keys: string[]) => table(d, id).rows.map((r) => keys.map((k) => r[k]));

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	ops = (await f.newDepartment('OPS')).id;
	lab = (await f.newDepartment('LAB')).id;
	sub = (await f.newDepartment('SUB')).id;
	await db.updateTable('department').set({ parentId: ops }).where('id', '=', sub).execute();
	await db
		.insertInto('departmentHeadcount')
		.values(
			(
				[
					['operator', 'mbo', 20],
					['operator', 'vmbo', 10],
					['technician', 'mbo', 6],
					['engineer', 'hbo', 8],
					['engineer', 'wo', 2],
					['manager', 'hbo', 3]
				] as const
			).map(([jobLevel, educationLevel, headcount]) => ({ departmentId: ops, jobLevel, educationLevel, headcount }))
		)
		.execute();

	const person = async (departmentId: number, name: string, jobLevel: string, educationLevel: string | null) => {
		const u = await f.newUser({ departmentId, name });
		await db.updateTable('appUser').set({ jobLevel, educationLevel }).where('id', '=', u.id).execute();
		return { ...u, jobLevel } as SessionUser;
	};
	const eva = await person(ops, 'Eva', 'operator', 'mbo');
	const finn = await person(ops, 'Finn', 'operator', 'vmbo');
	const gus = await person(ops, 'Gus', 'technician', 'mbo');
	await person(ops, 'Hank', 'engineer', 'hbo');
	const ida = await person(ops, 'Ida', 'manager', 'hbo');
	const jan = await person(ops, 'Jan', 'operator', null);
	const lars = await person(lab, 'Lars', 'engineer', 'wo');
	const lena = await person(lab, 'Lena', 'engineer', 'hbo');
	await person(lab, 'Lotte', 'specialist', 'hbo');
	await person(lab, 'Luuk', 'specialist', 'wo');
	await person(lab, 'Lieke', 'technician', 'mbo');
	const dirk = await person(lab, 'Dirk', 'operator', 'mbo');
	await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', dirk.id).execute();

	old = (await f.newCompetition({ name: 'Old cup', status: 'closed', window: { opens: -400, closes: -300 } })).id;
	spring = (await f.newCompetition({ name: 'Spring cup', window: { opens: -60, closes: 30 } })).id;
	await f.newCompetition({ name: 'Next cup', status: 'draft', window: { opens: 10, closes: 40 } });

	const evaOld = await f.newIdea({ owner: eva, competitionId: old, status: 'declined', submittedAt: new Date('2025-10-01T09:00:00Z') });
	await f.newIdea({ owner: lars, competitionId: old, status: 'accepted', submittedAt: new Date('2025-10-02T09:00:00Z') });
	await f.newIdea({ owner: eva, competitionId: spring, status: 'accepted', members: [gus], submittedAt: new Date('2026-11-02T09:00:00Z') });
	// 23:30 on 20 November in Amsterdam (22:30 UTC): a day of 20 November
	const finnIdea = await f.newIdea({
		owner: finn,
		competitionId: spring,
		status: 'winner',
		members: [jan],
		submittedAt: new Date('2026-11-20T22:30:00Z')
	});
	await db.updateTable('idea').set({ award: 'winner' }).where('id', '=', finnIdea.id).execute();
	const larsIdea = await f.newIdea({
		owner: lars,
		competitionId: spring,
		status: 'implemented',
		members: [lena],
		submittedAt: new Date('2026-11-23T09:00:00Z')
	});
	await db
		.insertInto('ideaEvent')
		.values({ ideaId: larsIdea.id, kind: 'status', fromStatus: 'accepted', toStatus: 'semi_final' })
		.execute();
	await f.newIdea({ owner: ida, competitionId: spring, status: 'draft' });

	const kb = await db
		.insertInto('kbEntry')
		.values({ title: 'Shadow boards', departmentId: lab, competitionId: spring, ideaId: larsIdea.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	const adopted = await db
		.insertInto('adoption')
		.values({ kbEntryId: kb.id, departmentId: ops, status: 'adopted', adoptedOn: '2026-11-25', createdBy: eva.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.insertInto('adoption').values({ kbEntryId: kb.id, departmentId: sub, status: 'piloting', createdBy: eva.id }).execute();
	await db
		.insertInto('measuredResult')
		.values([
			{ ideaId: larsIdea.id, kind: 'hours', value: 120 },
			{ kbEntryId: kb.id, kind: 'euros', value: 5000.5 },
			{ adoptionId: adopted.id, kind: 'defects', value: 12 },
			{ adoptionId: adopted.id, kind: 'hours', value: 30 },
			{ ideaId: evaOld.id, kind: 'hours', value: 999 }
		])
		.execute();
});

afterAll(async () => {
	await testDb?.close();
});

async function counted(load: () => Promise<Dashboard>) {
	const tally = newTally();
	const dashboard = await countStatements(tally, load);
	return { dashboard, statements: tally.statements };
}

describe('participation dashboard', () => {
	it('counts participants, rate, gap and first-timers of an edition company-wide in two statements', async () => {
		const { dashboard: d, statements } = await counted(() => loadParticipationDashboard(db, filter({ competitionId: spring }), NOW));
		expect(statements).toBe(2);
		expect(figure(d, 'participants').value).toBe(6);
		expect(figure(d, 'rate').value).toBeCloseTo(6 / 54, 4);
		// higher 2 of 17 (hbo 13 + wo 4), vocational 3 of 37 (vmbo 10 + mbo 27): 11.76 % − 8.11 % = 3.7 pp
		expect(figure(d, 'gap').value).toBe(3.7);
		expect(figure(d, 'first-time').value).toBeCloseTo(4 / 6, 4);
	});

	it('shows rates by job level with groups under five merged into Other', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring }), NOW);
		// specialist 2 + manager 3 + director 0 = Other of 5
		expect(rows(d, 'rate-by-job-level', 'group', 'headcount', 'participants', 'rate')).toEqual([
			['Operator', 30, 3, 0.1],
			['Technician', 7, 1, 0.1429],
			['Engineer', 12, 2, 0.1667],
			['Other', 5, 0, 0]
		]);
		expect(table(d, 'rate-by-job-level').note).toBeTruthy();
	});

	it('merges a participant HR did not count (unknown education) with the small groups', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring }), NOW);
		// wo: 4 people, 1 participant; unknown: no headcount, Jan takes part → Other of 5 people
		expect(rows(d, 'rate-by-education-level', 'group', 'headcount', 'participants')).toEqual([
			['VMBO', 10, 1],
			['MBO', 27, 2],
			['HBO', 13, 1],
			['Other', 4, 2]
		]);
	});

	it('shows each department with its own people; an empty one is left out', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring }), NOW);
		expect(rows(d, 'rate-by-department', 'group', 'headcount', 'participants', 'rate')).toEqual([
			['Department LAB', 5, 2, 0.4],
			['Department OPS', 49, 4, 0.0816]
		]);
	});

	it('narrows to a department tree, adding the next smallest group to a too small Other', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring, departmentIds: [ops, sub] }), NOW);
		expect(figure(d, 'participants').value).toBe(4);
		expect(figure(d, 'first-time').value).toBe(0.75);
		// manager 3 (+ specialist, director 0) is under five → technician (6) joins: Other 9, Gus
		expect(rows(d, 'rate-by-job-level', 'group', 'headcount', 'participants')).toEqual([
			['Operator', 30, 3],
			['Engineer', 10, 0],
			['Other', 9, 1]
		]);
	});

	it('draws the gap over every edition (not drafts) whatever the edition filter', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring }), NOW);
		// Old cup: Eva (mbo) 1 of 37, Lars (wo) 1 of 17: 5.88 % − 2.70 % = 3.2 pp
		expect(rows(d, 'gap-over-editions', 'edition', 'vocational', 'higher', 'gap')).toEqual([
			['Old cup', 0.027, 0.0588, 3.2],
			['Spring cup', 0.0811, 0.1176, 3.7]
		]);
	});

	it('splits first-time and repeat participants per job level', async () => {
		const d = await loadParticipationDashboard(db, filter({ competitionId: spring }), NOW);
		expect(rows(d, 'first-time-by-job-level', 'group', 'firstTime', 'repeat')).toEqual([
			['Operator', 2, 1],
			['Technician', 1, 0],
			['Engineer', 1, 1]
		]);
	});

	it('with every edition counts each person once, first-time when their latest edition was their first', async () => {
		const d = await loadParticipationDashboard(db, filter(), NOW);
		expect(figure(d, 'participants').value).toBe(6);
		// Eva and Lars took part twice: repeat
		expect(figure(d, 'first-time').value).toBeCloseTo(4 / 6, 4);
	});

	it('counts ideas by the Amsterdam day they were first submitted', async () => {
		const d = await loadParticipationDashboard(db, filter({ from: '2026-11-10', to: '2026-11-20' }), NOW);
		// only Finn's idea (23:30 on 20 November in Amsterdam): Finn and Jan, both first-time
		expect(figure(d, 'participants').value).toBe(2);
		expect(figure(d, 'first-time').value).toBe(1);
		const early = await loadParticipationDashboard(db, filter({ from: '2026-11-21' }), NOW);
		expect(figure(early, 'participants').value).toBe(2); // Lars (repeat) and Lena
		expect(figure(early, 'first-time').value).toBe(0.5);
	});

	it('hides the counts of a selection of fewer than five people', async () => {
		const tiny = await db.insertInto('department').values({ code: 'TNY', name: 'Tiny' }).returning('id').executeTakeFirstOrThrow();
		const f = factories(db);
		const owner = await f.newUser({ departmentId: tiny.id, name: 'Tom' });
		await f.newUser({ departmentId: tiny.id, name: 'Tess' });
		const idea = await f.newIdea({ owner, competitionId: spring, status: 'submitted' });
		try {
			const d = await loadParticipationDashboard(db, filter({ competitionId: spring, departmentIds: [tiny.id] }), NOW);
			expect(figure(d, 'participants').value).toBeNull();
			expect(figure(d, 'rate').value).toBeNull();
			expect(rows(d, 'rate-by-job-level', 'group', 'headcount', 'participants')).toEqual([['Other', 2, null]]);
			expect(table(d, 'first-time-by-job-level').rows).toEqual([]);
		} finally {
			await db.deleteFrom('idea').where('id', '=', idea.id).execute();
			await db.deleteFrom('appUser').where('departmentId', '=', tiny.id).execute();
			await db.deleteFrom('department').where('id', '=', tiny.id).execute();
		}
	});
});

describe('summary dashboard', () => {
	it('sums the edition company-wide in three statements, whatever the department filter', async () => {
		const { dashboard: d, statements } = await counted(() =>
			loadSummaryDashboard(db, filter({ competitionId: spring, departmentIds: [lab] }), NOW)
		);
		expect(statements).toBe(3);
		expect(d.figures.map((f) => [f.key, f.value])).toEqual([
			['ideas', 3],
			['participants', 6],
			['rate', 0.1111],
			['departments', 2],
			['implemented', 1],
			['adoptions', 1]
		]);
		expect(figure(d, 'departments').hint).toContain('3');
	});

	it('draws the funnel with conversion from stage to stage, by where ideas are or went through', async () => {
		const d = await loadSummaryDashboard(db, filter({ competitionId: spring }), NOW);
		// accepted (Eva), winner (Finn: semi-final, final, awarded), implemented after the semi-final (Lars, by its timeline)
		expect(rows(d, 'funnel', 'stage', 'ideas', 'fromPrevious', 'fromFirst')).toEqual([
			['Submitted', 3, null, 1],
			['Accepted', 3, 1, 1],
			['Semi-final', 2, 0.6667, 0.6667],
			['Final', 1, 0.5, 0.3333],
			['Awarded', 1, 1, 0.3333],
			['Implemented', 1, null, 0.3333]
		]);
	});

	it('shows participation by education level merged, ideas per edition and measured results of the edition', async () => {
		const d = await loadSummaryDashboard(db, filter({ competitionId: spring }), NOW);
		expect(rows(d, 'participation-by-education-level', 'group', 'headcount', 'participants')).toEqual([
			['VMBO', 10, 1],
			['MBO', 27, 2],
			['HBO', 13, 1],
			['Other', 4, 2]
		]);
		expect(rows(d, 'ideas-per-edition', 'edition', 'ideas')).toEqual([
			['Old cup', 2],
			['Spring cup', 3]
		]);
		// the idea's 120 h and its adoption's 30 h; the Old cup's 999 h are not of this edition
		expect(rows(d, 'measured-results', 'kind', 'total', 'results')).toEqual([
			['Defects avoided', 12, 1],
			['Euros saved per year', 5000.5, 1],
			['Hours saved per year', 150, 2]
		]);
	});

	it('applies the period to ideas and adoptions', async () => {
		const d = await loadSummaryDashboard(db, filter({ from: '2026-11-26' }), NOW);
		expect(figure(d, 'ideas').value).toBe(0);
		expect(figure(d, 'adoptions').value).toBe(0);
		const all = await loadSummaryDashboard(db, filter(), NOW);
		expect(figure(all, 'ideas').value).toBe(5);
		expect(figure(all, 'adoptions').value).toBe(1);
		expect(rows(all, 'measured-results', 'kind', 'total')).toContainEqual(['Hours saved per year', 1149]);
	});

	it('names nobody: every table is counts and levels', async () => {
		const d = await loadSummaryDashboard(db, filter({ competitionId: spring }), NOW);
		const text = JSON.stringify(d);
		for (const name of ['Eva', 'Finn', 'Gus', 'Jan', 'Lars', 'Lena', 'Ida']) expect(text).not.toContain(`"${name}`);
	});
});
