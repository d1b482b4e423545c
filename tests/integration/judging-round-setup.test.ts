/**
 * Round set-up on a real database: criteria locked once a score exists, and the template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { saveSheet } from '$lib/server/scoring/jury-sheet.service.js';
import { createRoundsFromTemplate, getRoundAdmin, saveCriteria } from '$lib/server/competitions/round-setup.service.js';
import { DEFAULT_CRITERIA } from '$lib/domain/criteria.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { codeOf, judgingWorld, templateCompetition, type JudgingWorld } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: JudgingWorld['f'], j: JudgingWorld['j'], organiser: SessionUser, cup: { id: number }, bo: { id: number };

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	({ f, j, bo, organiser, cup } = await judgingWorld(db));
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('criteria', () => {
	it('criteria cannot change once a score exists', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: [{ ideaId: idea.id, departmentId: bo.id }]
		});
		// The round page offers the criteria to change while no score exists (its form is not disabled).
		expect((await getRoundAdmin(db, organiser, round.id)).criteriaLocked).toBe(false);
		await saveCriteria(db, organiser, round.id, DEFAULT_CRITERIA.slice(0, 3));
		const criteria = await db.selectFrom('roundCriterion').select(['id', 'code']).where('roundId', '=', round.id).execute();
		expect(criteria).toHaveLength(3);
		const juror = await j.reload(juror0);
		await saveSheet(db, juror, round.id, idea.id, {
			version: 0,
			submit: false,
			overallComment: '',
			scores: j.scores(criteria, { roll_out: 2 })
		});
		expect(await codeOf(saveCriteria(db, organiser, round.id, DEFAULT_CRITERIA))).toBe('criteria_locked');
		expect((await getRoundAdmin(db, organiser, round.id)).criteriaLocked).toBe(true);
	});
});

describe('the template', () => {
	it('creates a semi-final per department with its MT and a final by higher management', async () => {
		const { top, dept, comp } = await templateCompetition(db, f, { code: 'CORPX', name: 'Company' }, { code: 'LOGX', name: 'Logistics' });
		const boss = await f.newUser({ departmentId: dept.id });
		await db.updateTable('appUser').set({ jobLevel: 'manager' }).where('id', '=', boss.id).execute();
		const director = await f.newUser({ departmentId: top.id });
		await db.updateTable('appUser').set({ jobLevel: 'director' }).where('id', '=', director.id).execute();
		const { semiFinalId, finalId } = await createRoundsFromTemplate(db, organiser, comp.id);
		const semi = await getRoundAdmin(db, organiser, semiFinalId);
		expect(semi.juries.map((x) => [x.departmentName, x.members.map((m) => m.userId)])).toEqual([['Logistics', [boss.id]]]);
		expect(semi.criteria.map((c) => c.weightPercent)).toEqual([25, 20, 15, 15, 15, 10]);
		const final = await getRoundAdmin(db, organiser, finalId);
		expect(final.juries[0].members.map((m) => m.userId)).toContain(director.id);
		expect(final.round.advancementRule).toBe('manual');
	});

	it('is refused once the competition has rounds: a second click, or two at once, adds nothing', async () => {
		const comp = await f.newCompetition({ open: false });
		const both = await Promise.all([
			codeOf(createRoundsFromTemplate(db, organiser, comp.id)),
			codeOf(createRoundsFromTemplate(db, organiser, comp.id))
		]);
		expect(both.sort()).toEqual(['ok', 'template_not_available']);
		expect(await codeOf(createRoundsFromTemplate(db, organiser, comp.id))).toBe('template_not_available');
		const rounds = await db.selectFrom('round').select('kind').where('competitionId', '=', comp.id).orderBy('position').execute();
		expect(rounds.map((r) => r.kind)).toEqual(['semi_final', 'final']);
	});

	it('is refused for a closed competition', async () => {
		const comp = await f.newCompetition({ open: false });
		await db.updateTable('competition').set({ status: 'closed' }).where('id', '=', comp.id).execute();
		expect(await codeOf(createRoundsFromTemplate(db, organiser, comp.id))).toBe('template_not_available');
	});
});
