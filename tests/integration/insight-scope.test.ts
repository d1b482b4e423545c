/**
 * Who sees which insight dashboard on a real database: the options (editions, departments,
 * the departments a person manages) come in one statement, and resolveInsight turns them into
 * the access and the filter. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { loadInsightOptions, resolveInsight } from '$lib/server/insight/scope.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let organiser: SessionUser;
let manager: SessionUser;
let colleague: SessionUser;
const dept: Record<string, number> = {};
const editions: Record<string, number> = {};

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	dept.ops = (await f.newDepartment('OPS')).id;
	dept.build = (await f.newDepartment('BLD')).id;
	dept.clean = (await f.newDepartment('CLN')).id;
	dept.it = (await f.newDepartment('ITX')).id;
	await db.updateTable('department').set({ parentId: dept.ops }).where('id', '=', dept.build).execute();
	await db.updateTable('department').set({ parentId: dept.build }).where('id', '=', dept.clean).execute();
	organiser = await f.newUser({ departmentId: dept.it, roles: ['organiser'] });
	manager = await f.newUser({ departmentId: dept.build });
	colleague = await f.newUser({ departmentId: dept.build });
	await db.insertInto('departmentMtMember').values({ departmentId: dept.build, userId: manager.id }).execute();
	editions.past = (await f.newCompetition({ name: 'Past cup', status: 'archived', window: { opens: -400, closes: -300 } })).id;
	editions.now = (await f.newCompetition({ name: 'This cup', window: { opens: -20, closes: 20 } })).id;
	editions.next = (await f.newCompetition({ name: 'Next cup', status: 'open', window: { opens: 30, closes: 90 } })).id;
	await f.newCompetition({ name: 'Draft cup', status: 'draft', window: { opens: 60, closes: 90 } });
});

afterAll(async () => {
	await testDb?.close();
});

describe('insight scope', () => {
	it('reads editions (newest first, drafts left out), departments and who manages what in one statement', async () => {
		const tally = newTally();
		const options = await countStatements(tally, () => loadInsightOptions(db, manager.id));
		expect(tally.statements).toBe(1);
		expect(options.editions.map((e) => e.name)).toEqual(['Next cup', 'This cup', 'Past cup']);
		expect(options.departments.find((d) => d.id === dept.clean)?.parentId).toBe(dept.build);
		expect(options.managed).toEqual([dept.build]);
		expect((await loadInsightOptions(db, colleague.id)).managed).toEqual([]);
	});

	it('the organiser sees everything; the default edition is the one whose call opened last', async () => {
		const r = (await resolveInsight(db, organiser, new URLSearchParams(''), 'summary'))!;
		expect(r.access.departments).toBe('all');
		expect(r.filter).toEqual({ competitionId: editions.now, departmentIds: null, from: null, to: null });
		const ops = (await resolveInsight(db, organiser, new URLSearchParams(`department=${dept.ops}&edition=all`), 'flow'))!;
		expect(ops.filter.departmentIds).toEqual([dept.ops, dept.build, dept.clean].sort((a, b) => a - b));
		expect(ops.filter.competitionId).toBeNull();
	});

	it('a manager of Build sees Build with its cleanroom, and is held there', async () => {
		const r = (await resolveInsight(db, manager, new URLSearchParams(`department=${dept.it}`), 'participation'))!;
		expect(r.access.dashboards).not.toContain('juries');
		expect(r.filter.departmentIds).toEqual([dept.build, dept.clean].sort((a, b) => a - b));
		expect(r.errors.department).toEqual(['insight_own_departments_only']);
		expect(r.departmentChoices.map((d) => d.id).sort((a, b) => a - b)).toEqual([dept.build, dept.clean].sort((a, b) => a - b));
	});

	it('the juries dashboard starts at the newest edition whose judging began', async () => {
		expect((await resolveInsight(db, organiser, new URLSearchParams(''), 'juries'))!.filter.competitionId).toBe(editions.now);
		await db
			.insertInto('round')
			.values({
				competitionId: editions.past,
				position: 1,
				name: 'Final',
				kind: 'final',
				scope: 'competition',
				status: 'closed',
				advancementRule: 'manual'
			})
			.execute();
		expect((await resolveInsight(db, organiser, new URLSearchParams(''), 'juries'))!.filter.competitionId).toBe(editions.past);
		expect((await resolveInsight(db, organiser, new URLSearchParams(''), 'flow'))!.filter.competitionId).toBe(editions.now);
	});

	it('a colleague reads the summary only', async () => {
		const r = (await resolveInsight(db, colleague, new URLSearchParams(''), 'summary'))!;
		expect(r.access).toEqual({ dashboards: ['summary'], departments: [] });
	});
});
