/**
 * The juror's sheet on a real database: many jurors saving at once, double saves and stale
 * tabs, the scale check, blind scoring and conflicts of interest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { declareConflict, getJuryHome, getScoringSheet, saveSheet } from '$lib/server/scoring/jury-sheet.service.js';
import { exportOfflineSheet } from '$lib/server/scoring/offline-sheet.service.js';
import { closeRound } from '$lib/server/competitions/round-results.service.js';
import { getRoundAdmin } from '$lib/server/competitions/round-setup.service.js';
import { DEFAULT_CRITERIA } from '$lib/domain/criteria.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { codeOf, judgingWorld, type JudgingWorld } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: JudgingWorld['f'], j: JudgingWorld['j'], organiser: SessionUser, cup: { id: number }, bo: { id: number };
let sheetCount: JudgingWorld['sheetCount'];

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	({ f, j, bo, organiser, cup, sheetCount } = await judgingWorld(db));
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('saving sheets', () => {
	it('30 jurors saving at once lose nothing and duplicate nothing, even when each clicks twice', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const people = await Promise.all(Array.from({ length: 30 }, () => f.newUser({ departmentId: bo.id })));
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: people }],
			entries: [{ ideaId: idea.id, departmentId: bo.id }]
		});
		const jurors = await Promise.all(people.map((p) => j.reload(p)));
		const saves = jurors.flatMap((juror, i) => {
			const input = { version: 0, submit: true, overallComment: `juror ${i}`, scores: j.scores(round.criteria, 1 + (i % 5), `c${i}`) };
			return [saveSheet(db, juror, round.id, idea.id, input), saveSheet(db, juror, round.id, idea.id, input)];
		});
		const results = await Promise.allSettled(saves);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect(await sheetCount(round.id)).toBe(30);
		const scores = await db
			.selectFrom('score as s')
			.innerJoin('scoreSheet as h', 'h.id', 's.sheetId')
			.select(['h.jurorId', 's.value', 's.comment'])
			.where('h.roundId', '=', round.id)
			.execute();
		expect(scores).toHaveLength(30 * DEFAULT_CRITERIA.length);
		jurors.forEach((juror, i) => {
			const mine = scores.filter((s) => s.jurorId === juror.id);
			expect(mine.every((s) => s.value === 1 + (i % 5) && s.comment === `c${i}`)).toBe(true);
		});
	}, 60_000);

	it('a second tab with an older version is refused and the newer save stays', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: [{ ideaId: idea.id, departmentId: bo.id }]
		});
		const juror = await j.reload(juror0);
		const first = await saveSheet(db, juror, round.id, idea.id, {
			version: 0,
			submit: false,
			overallComment: 'tab one',
			scores: j.scores(round.criteria, 4)
		});
		expect(first.version).toBe(1);
		const second = await saveSheet(db, juror, round.id, idea.id, {
			version: 1,
			submit: true,
			overallComment: 'tab one again',
			scores: j.scores(round.criteria, 5)
		});
		expect(second).toMatchObject({ version: 2, submitted: true });
		expect(
			await codeOf(
				saveSheet(db, juror, round.id, idea.id, {
					version: 1,
					submit: false,
					overallComment: 'old tab',
					scores: j.scores(round.criteria, 2)
				})
			)
		).toBe('sheet_stale');
		expect(
			await codeOf(
				saveSheet(db, juror, round.id, idea.id, {
					version: 0,
					submit: false,
					overallComment: 'new tab',
					scores: j.scores(round.criteria, 2)
				})
			)
		).toBe('sheet_stale');
		const page = await getScoringSheet(db, juror, round.id, idea.id);
		expect(page.sheet?.overallComment).toBe('tab one again');
		expect(Object.values(page.sheet!.scores).every((s) => s.value === 5)).toBe(true);
		expect(await sheetCount(round.id)).toBe(1);
	});

	it('refuses a score outside the scale, and submitting an incomplete sheet', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: [{ ideaId: idea.id, departmentId: bo.id }]
		});
		const juror = await j.reload(juror0);
		expect(
			await codeOf(
				saveSheet(db, juror, round.id, idea.id, { version: 0, submit: false, overallComment: '', scores: j.scores(round.criteria, 7) })
			)
		).toBe('invalid');
		expect(
			await codeOf(
				saveSheet(db, juror, round.id, idea.id, {
					version: 0,
					submit: true,
					overallComment: '',
					scores: j.scores(round.criteria, { roll_out: 3 })
				})
			)
		).toBe('invalid');
		expect(await sheetCount(round.id)).toBe(0);
	});
});

describe('blind scoring and conflicts', () => {
	it('a juror sees no other scores before submitting, and with after_close not before the close', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const [a0, b0] = await Promise.all([f.newUser({ departmentId: bo.id }), f.newUser({ departmentId: bo.id })]);
		for (const visibility of ['after_close', 'after_own_sheet'] as const) {
			const round = await j.newRound({
				competitionId: cup.id,
				scoresVisible: visibility,
				juries: [{ departmentId: bo.id, members: [a0, b0] }],
				entries: [{ ideaId: idea.id, departmentId: bo.id }]
			});
			const [a, b] = await Promise.all([j.reload(a0), j.reload(b0)]);
			await saveSheet(db, a, round.id, idea.id, {
				version: 0,
				submit: true,
				overallComment: 'SECRET-A',
				scores: j.scores(round.criteria, 5, 'secret comment of A')
			});
			const before = await getScoringSheet(db, b, round.id, idea.id);
			expect(before.others).toBeNull();
			expect(JSON.stringify(before)).not.toContain('SECRET-A');
			expect(JSON.stringify(before)).not.toContain('secret comment of A');
			const csv = await exportOfflineSheet(db, b, round.id, 'csv');
			expect(String(csv.body)).not.toContain('secret comment of A');
			expect(JSON.stringify(await getJuryHome(db, b))).not.toContain('SECRET-A');
			await saveSheet(db, b, round.id, idea.id, { version: 0, submit: true, overallComment: '', scores: j.scores(round.criteria, 1) });
			const after = await getScoringSheet(db, b, round.id, idea.id);
			if (visibility === 'after_own_sheet') expect(after.others).toMatchObject({ jurors: 1, weighted: [100] });
			else {
				expect(after.others).toBeNull();
				await closeRound(db, organiser, round.id, { override: false, reason: '' });
				expect((await getScoringSheet(db, b, round.id, idea.id)).others).toMatchObject({ jurors: 1, weighted: [100] });
			}
		}
	});

	it('leaves out the team, the manager of a team member and a declared conflict; excluded pairs count nowhere', async () => {
		const manager = await f.newUser({ departmentId: bo.id, name: 'Manager Mia' });
		const owner = await f.newUser({ departmentId: bo.id });
		await db.updateTable('appUser').set({ managerId: manager.id }).where('id', '=', owner.id).execute();
		const teamJuror = await f.newUser({ departmentId: bo.id });
		const other = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final', members: [teamJuror] });
		const idea2 = await f.newIdea({ owner: other, competitionId: cup.id, status: 'semi_final' });
		const free0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [manager, teamJuror, free0] }],
			entries: [idea, idea2].map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		const [mgr, team, free] = await Promise.all([j.reload(manager), j.reload(teamJuror), j.reload(free0)]);
		const queueOf = async (u: SessionUser) => (await getJuryHome(db, u)).rounds.find((r) => r.roundId === round.id)!;
		expect((await queueOf(mgr)).ideas.map((i) => i.ideaId)).toEqual([idea2.id]);
		expect((await queueOf(team)).ideas.map((i) => i.ideaId)).toEqual([idea2.id]);
		expect((await queueOf(free)).ideas).toHaveLength(2);
		expect(
			await codeOf(
				saveSheet(db, mgr, round.id, idea.id, { version: 0, submit: true, overallComment: '', scores: j.scores(round.criteria, 5) })
			)
		).toBe('conflicted');
		expect((await getScoringSheet(db, mgr, round.id, idea.id)).conflict).toEqual(['manager']);

		await declareConflict(db, free, round.id, idea2.id, 'My brother is on the team.');
		expect((await queueOf(free)).ideas.map((i) => i.ideaId)).toEqual([idea.id]);
		const admin = await getRoundAdmin(db, organiser, round.id);
		// Pairs: manager 1 (idea2), team juror 1 (idea2), free juror 1 (idea) = 3.
		expect(admin.results.pairs).toBe(3);
	});

	it('a conflicted idea has no place in the queue: no "0 of n", no previous or next; the others count without it', async () => {
		// One after another: the queue's order is the ideas' order, and on PostgreSQL ideas
		// created at once through a pool could be numbered in any order.
		const ideas = [];
		for (let i = 0; i < 3; i++) {
			const owner = await f.newUser({ departmentId: bo.id });
			ideas.push(await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' }));
		}
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		const juror = await j.reload(juror0);
		await declareConflict(db, juror, round.id, ideas[1].id, 'My neighbour wrote it.');
		expect(await getScoringSheet(db, juror, round.id, ideas[1].id)).toMatchObject({
			conflict: ['declared'],
			position: null,
			total: 2,
			previousId: null,
			nextId: null
		});
		expect(await getScoringSheet(db, juror, round.id, ideas[2].id)).toMatchObject({
			conflict: null,
			position: 2,
			total: 2,
			previousId: ideas[0].id,
			nextId: null
		});
	});
});
