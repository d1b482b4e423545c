/**
 * Conflicts and juries that follow the real organisation, on a real database: the reporting
 * line the whole way up (found live, also after a manager changes), same-team peers only when
 * the competition counts them, the organiser's suggestions with load and conflicts, the load
 * cap per juror, the word to a person added to a jury, the template's management teams, and
 * the round page's statement budget.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { updatePerson } from '$lib/server/people/people.service.js';
import { getJuryHome, getScoringSheet, recomputeConflicts, saveSheet } from '$lib/server/scoring/jury-sheet.service.js';
import { loadRoundRecord } from '$lib/server/scoring/round-record.js';
import { addJuryMember, createRoundsFromTemplate, getRoundAdmin } from '$lib/server/competitions/round-setup.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { codeOf, judgingFactories, templateCompetition } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let j: ReturnType<typeof judgingFactories>;
let organiser: SessionUser;

async function setManager(personId: number, managerId: number | null) {
	await db.transaction().execute((trx) => updatePerson(trx, personId, { managerId }, { actorId: organiser.id, via: 'admin' }));
}

async function setJobLevel(personId: number, jobLevel: 'manager' | 'director') {
	await db.updateTable('appUser').set({ jobLevel }).where('id', '=', personId).execute();
}

/**
 * A department with a chart:
 *   director -> head -> lead -> anna (owner), bram
 *                    -> lead2 -> cor
 */
async function chart(code: string) {
	const dept = await f.newDepartment(code);
	const person = (name: string) => f.newUser({ departmentId: dept.id, name });
	const director = await person(`Dirk ${code}`);
	const head = await person(`Hanna ${code}`);
	const lead = await person(`Lotte ${code}`);
	const lead2 = await person(`Leo ${code}`);
	const anna = await person(`Anna ${code}`);
	const bram = await person(`Bram ${code}`);
	const cor = await person(`Cor ${code}`);
	await db.updateTable('appUser').set({ managerId: director.id }).where('id', '=', head.id).execute();
	await db.updateTable('appUser').set({ managerId: head.id }).where('id', 'in', [lead.id, lead2.id]).execute();
	await db.updateTable('appUser').set({ managerId: lead.id }).where('id', 'in', [anna.id, bram.id]).execute();
	await db.updateTable('appUser').set({ managerId: lead2.id }).where('id', '=', cor.id).execute();
	return { dept, director, head, lead, lead2, anna, bram, cor };
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	j = judgingFactories(db);
	organiser = await f.newUser({ roles: ['organiser'], name: 'Olga Organiser' });
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('the reporting line, the whole way up', () => {
	it('excludes everyone above a team member, says how many levels, and follows a manager change at once', async () => {
		const o = await chart('RL');
		const cup = await f.newCompetition({ open: false });
		const idea = await f.newIdea({ owner: o.anna, competitionId: cup.id, status: 'semi_final', title: 'Torque labels' });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: o.dept.id, members: [o.director, o.head, o.lead2, o.cor] }],
			entries: [{ ideaId: idea.id, departmentId: o.dept.id }]
		});
		const reasons = async (juror: SessionUser) => (await getScoringSheet(db, await j.reload(juror), round.id, idea.id)).conflictReasons;
		expect(await reasons(o.director)).toEqual([{ source: 'manager', personName: o.anna.name, levels: 3 }]);
		expect(await reasons(o.head)).toEqual([{ source: 'manager', personName: o.anna.name, levels: 2 }]);
		expect(await reasons(o.lead2)).toEqual([]);
		expect(await reasons(o.cor)).toEqual([]);

		// Anna moves to Leo's team: Leo is now her manager, Cor her peer (not counted here); the head stays two levels up.
		await recomputeConflicts(db);
		await setManager(o.anna.id, o.lead2.id);
		expect(await reasons(o.lead2)).toEqual([{ source: 'manager', personName: o.anna.name, levels: 1 }]);
		expect(await reasons(o.cor)).toEqual([]);
		const home = await getJuryHome(db, await j.reload(o.lead2));
		expect(home.rounds[0].excluded).toEqual([
			{ ideaId: idea.id, title: 'Torque labels', reasons: [{ source: 'manager', personName: o.anna.name, levels: 1 }] }
		]);

		// Anna reports straight to the director: Leo is free again, the recorded copy too.
		await setManager(o.anna.id, o.director.id);
		expect(await reasons(o.lead2)).toEqual([]);
		expect(await reasons(o.head)).toEqual([]);
		const recorded = await db.selectFrom('conflictOfInterest').select(['userId', 'source']).where('ideaId', '=', idea.id).execute();
		expect(recorded).toEqual([{ userId: o.director.id, source: 'manager' }]);
	});

	it('keeps the sheet of a juror who becomes conflicted, and counts it nowhere', async () => {
		const o = await chart('KS');
		const cup = await f.newCompetition({ open: false });
		const idea = await f.newIdea({ owner: o.anna, competitionId: cup.id, status: 'semi_final' });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: o.dept.id, members: [o.cor, o.lead2] }],
			entries: [{ ideaId: idea.id, departmentId: o.dept.id }]
		});
		for (const [juror, level] of [
			[o.cor, 5],
			[o.lead2, 1]
		] as const)
			await saveSheet(db, await j.reload(juror), round.id, idea.id, {
				version: 0,
				submit: true,
				overallComment: '',
				scores: j.scores(round.criteria, level)
			});
		expect((await loadRoundRecord(db, round.id)).results.scopes[0].rows[0].jurors).toBe(2);

		await setManager(o.anna.id, o.lead2.id);
		const record = await loadRoundRecord(db, round.id);
		expect(record.sheets.filter((s) => s.submittedAt)).toHaveLength(2);
		expect(record.results.scopes[0].rows[0]).toMatchObject({ jurors: 1, raw: 100 });
		expect(record.results.scopes[0].progress).toMatchObject({ pairs: 1, complete: 1 });
	});
});

describe('same-team peers', () => {
	it('conflict only when the competition counts them', async () => {
		const o = await chart('PE');
		const cup = await f.newCompetition({ open: false });
		const idea = await f.newIdea({ owner: o.anna, competitionId: cup.id, status: 'semi_final' });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: o.dept.id, members: [o.bram, o.lead2] }],
			entries: [{ ideaId: idea.id, departmentId: o.dept.id }]
		});
		const pairs = async () => (await loadRoundRecord(db, round.id)).conflicts.map((c) => [c.jurorId, c.source]);
		expect(await pairs()).toEqual([]);
		await db.updateTable('competition').set({ peerConflicts: true }).where('id', '=', cup.id).execute();
		await recomputeConflicts(db, { competitionId: cup.id });
		expect(await pairs()).toEqual([[o.bram.id, 'peer']]);
		const sheet = await getScoringSheet(db, await j.reload(o.bram), round.id, idea.id);
		expect(sheet.conflictReasons).toEqual([{ source: 'peer', personName: o.anna.name, levels: null }]);
		expect(sheet.canScore).toBe(false);
		// Turned off again: the recorded peer row goes with it.
		await db.updateTable('competition').set({ peerConflicts: false }).where('id', '=', cup.id).execute();
		await recomputeConflicts(db, { competitionId: cup.id });
		expect(await pairs()).toEqual([]);
	});
});

describe('composing a jury', () => {
	it('suggests the management team first, then directors and managers, with load and conflicts, in three statements', async () => {
		const o = await chart('CJ');
		await setJobLevel(o.director.id, 'director');
		await setJobLevel(o.head.id, 'manager');
		await db.insertInto('departmentMtMember').values({ departmentId: o.dept.id, userId: o.lead2.id }).execute();
		const cup = await f.newCompetition({ open: false });
		await db.updateTable('competition').set({ jurorLoadCap: 2 }).where('id', '=', cup.id).execute();
		const a = await f.newIdea({ owner: o.anna, competitionId: cup.id, status: 'semi_final', title: 'Idea A' });
		const b = await f.newIdea({ owner: o.cor, competitionId: cup.id, status: 'semi_final', title: 'Idea B' });
		const round = await j.newRound({
			competitionId: cup.id,
			status: 'draft',
			juries: [{ departmentId: o.dept.id, members: [] }],
			entries: [
				{ ideaId: a.id, departmentId: o.dept.id },
				{ ideaId: b.id, departmentId: o.dept.id }
			]
		});

		// Counted as results come back: a nested builder is transformed too, but only statements run.
		let statements = 0;
		const counter: KyselyPlugin = {
			transformQuery: ({ node }) => node,
			transformResult: ({ result }) => {
				statements++;
				return Promise.resolve(result);
			}
		};
		const page = await getRoundAdmin(db.withPlugin(counter), organiser, round.id);
		expect(statements).toBeLessThanOrEqual(5);
		expect(statements).toBe(3);
		expect(page.loadCap).toBe(2);
		const jury = page.juries[0];
		const ours = jury.suggestions.filter((c) => [o.lead2.id, o.director.id, o.head.id].includes(c.userId));
		expect(ours.map((c) => [c.name, c.rank])).toEqual([
			[o.lead2.name, 1],
			[o.director.name, 2],
			[o.head.name, 2]
		]);
		expect(jury.suggestions[0].userId).toBe(o.lead2.id);
		const leo = jury.suggestions[0];
		expect(leo.load).toBe(0);
		expect(leo.conflicts).toEqual([{ ideaId: b.id, title: 'Idea B', reasons: [{ source: 'manager', personName: o.cor.name, levels: 1 }] }]);
		expect(ours[1].conflicts.map((c) => c.reasons[0].levels)).toEqual([3, 3]);

		// Leo takes one idea (B is his own line): load 1, within the cap; he is told.
		await addJuryMember(db, organiser, round.id, jury.id, o.lead2.id);
		const note = await db.selectFrom('notification').select(['kind', 'params', 'link']).where('userId', '=', o.lead2.id).execute();
		expect(note).toEqual([{ kind: 'jury_added', params: { round: `${cup.name} · Semi-final` }, link: '/jury' }]);
		const after = await getRoundAdmin(db, organiser, round.id);
		expect(after.juries[0].seats.map((c) => [c.name, c.load])).toEqual([[o.lead2.name, 1]]);
	});

	it('refuses a juror whose load would pass the cap, and changes nothing', async () => {
		const o = await chart('CAP');
		const cup = await f.newCompetition({ open: false });
		await db.updateTable('competition').set({ jurorLoadCap: 2 }).where('id', '=', cup.id).execute();
		const outsider = await f.newUser({ name: 'Otto Outsider' });
		const ideas = [];
		for (const owner of [o.anna, o.bram, o.cor]) ideas.push(await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' }));
		const round = await j.newRound({
			competitionId: cup.id,
			status: 'draft',
			juries: [{ departmentId: o.dept.id, members: [] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: o.dept.id }))
		});
		const juryId = round.juries[0].id;
		expect(await codeOf(addJuryMember(db, organiser, round.id, juryId, outsider.id))).toBe('juror_over_cap');
		const members = await db.selectFrom('juryMember').select('userId').where('juryId', '=', juryId).execute();
		expect(members).toEqual([]);
		const notes = await db.selectFrom('notification').select('id').where('userId', '=', outsider.id).execute();
		expect(notes).toEqual([]);
		// Leo is above Cor: two ideas to score, at the cap, so he may sit; five statements.
		let statements = 0;
		const counter: KyselyPlugin = {
			transformQuery: ({ node }) => node,
			transformResult: ({ result }) => {
				statements++;
				return Promise.resolve(result);
			}
		};
		expect(await codeOf(addJuryMember(db.withPlugin(counter), organiser, round.id, juryId, o.lead2.id))).toBe('ok');
		expect(statements).toBe(5);
		// Someone who left the company is refused.
		await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', o.bram.id).execute();
		expect(await codeOf(addJuryMember(db, organiser, round.id, juryId, o.bram.id))).toBe('invalid');
	});

	it('flags the seat of a juror who left the company', async () => {
		const o = await chart('LEFT');
		const cup = await f.newCompetition({ open: false });
		const round = await j.newRound({
			competitionId: cup.id,
			status: 'draft',
			juries: [{ departmentId: o.dept.id, members: [o.head, o.lead] }]
		});
		await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', o.lead.id).execute();
		const page = await getRoundAdmin(db, organiser, round.id);
		expect(page.flaggedSeats).toBe(1);
		expect(page.juries[0].seats.map((s) => [s.name, s.disabled])).toEqual([
			[o.head.name, false],
			[o.lead.name, true]
		]);
	});

	it("the template seats each department's management team first, then its managers and directors", async () => {
		const { top, dept, comp } = await templateCompetition(
			db,
			f,
			{ code: 'TOPMT', name: 'Head office' },
			{ code: 'OPSMT', name: 'Operations' }
		);
		const specialist = await f.newUser({ departmentId: dept.id, name: 'Sam Specialist' });
		const manager = await f.newUser({ departmentId: dept.id, name: 'Mia Manager' });
		await setJobLevel(manager.id, 'manager');
		const engineer = await f.newUser({ departmentId: dept.id, name: 'Eli Engineer' });
		const ceo = await f.newUser({ departmentId: top.id, name: 'Cees CEO' });
		await db
			.insertInto('departmentMtMember')
			.values([
				{ departmentId: dept.id, userId: specialist.id },
				{ departmentId: top.id, userId: ceo.id }
			])
			.execute();
		const { semiFinalId, finalId } = await createRoundsFromTemplate(db, organiser, comp.id);
		const semi = await getRoundAdmin(db, organiser, semiFinalId);
		const seated = semi.juries[0].members.map((m) => m.userId);
		expect(seated.sort()).toEqual([specialist.id, manager.id].sort());
		expect(seated).not.toContain(engineer.id);
		const final = await getRoundAdmin(db, organiser, finalId);
		expect(final.juries[0].members.map((m) => m.userId)).toContain(ceo.id);
	});
});
