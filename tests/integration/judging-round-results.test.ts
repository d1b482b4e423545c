/**
 * Round results on a real database: the lock at closing and reopening, ranking and
 * advancement, the award, publication and the team's feedback, the export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError } from '$lib/server/errors.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { saveSheet, getJuryHome } from '$lib/server/scoring/jury-sheet.service.js';
import { getFeedback } from '$lib/server/scoring/feedback.service.js';
import { enterIdeas, getRoundAdmin, openRound } from '$lib/server/competitions/round-setup.service.js';
import {
	closeRound,
	confirmAdvancement,
	exportRound,
	publishResults,
	reopenRound
} from '$lib/server/competitions/round-results.service.js';
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

describe('closing locks the scores', () => {
	it('writes after the close are refused; a write racing the close either counts or is refused', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const ideas = await Promise.all([1, 2, 3].map(() => f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' })));
		const people = await Promise.all(Array.from({ length: 8 }, () => f.newUser({ departmentId: bo.id })));
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: people }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		const jurors = await Promise.all(people.map((p) => j.reload(p)));
		expect(await codeOf(closeRound(db, organiser, round.id, { override: false, reason: '' }))).toBe('round_incomplete');
		const racing = jurors.map((juror) =>
			saveSheet(db, juror, round.id, ideas[0].id, { version: 0, submit: true, overallComment: '', scores: j.scores(round.criteria, 3) })
		);
		const [closed, ...saves] = await Promise.allSettled([
			closeRound(db, organiser, round.id, { override: true, reason: 'Presentations held; two jurors ill.' }),
			...racing
		]);
		expect(closed.status).toBe('fulfilled');
		for (const s of saves) if (s.status === 'rejected') expect((s.reason as DomainError).code).toBe('round_locked');
		const taken = saves.filter((s) => s.status === 'fulfilled').length;
		expect(await sheetCount(round.id)).toBe(taken);
		expect(
			await codeOf(
				saveSheet(db, jurors[0], round.id, ideas[1].id, {
					version: 0,
					submit: false,
					overallComment: '',
					scores: j.scores(round.criteria, 3)
				})
			)
		).toBe('round_locked');
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'data'])
			.where('objectType', '=', 'round')
			.where('objectId', '=', String(round.id))
			.execute();
		expect(audit.map((a) => a.action)).toContain('round.close');
		// Reopen needs a reason and is audited; then scores can change again.
		expect(await codeOf(reopenRound(db, organiser, round.id, ''))).toBe('invalid');
		await reopenRound(db, organiser, round.id, 'A juror found a mistake in her sheet.');
		expect(
			await codeOf(
				saveSheet(db, jurors[0], round.id, ideas[1].id, {
					version: 0,
					submit: false,
					overallComment: '',
					scores: j.scores(round.criteria, 3)
				})
			)
		).toBe('ok');
		const reopened = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'round.reopen')
			.where('objectId', '=', String(round.id))
			.executeTakeFirst();
		expect(reopened?.data).toMatchObject({ reason: 'A juror found a mistake in her sheet.' });
	}, 60_000);
});

describe('results', () => {
	it('ranks per scope, stores the ranks at closing, moves ideas on with reasons, records the award, and gives feedback', async () => {
		const qa = await f.newDepartment('QA');
		const owners = await Promise.all([1, 2, 3, 4].map(() => f.newUser({ departmentId: bo.id })));
		const ideas = await Promise.all(
			owners.map((o, i) => f.newIdea({ owner: o, competitionId: cup.id, status: i < 3 ? 'coaching' : 'accepted', title: `Idea ${i}` }))
		);
		const qaOwner = await f.newUser({ departmentId: qa.id });
		const qaIdea = await f.newIdea({ owner: qaOwner, competitionId: cup.id, status: 'coaching', title: 'QA idea' });
		const boMt = await Promise.all([1, 2, 3].map(() => f.newUser({ departmentId: bo.id })));
		const qaMt = await f.newUser({ departmentId: qa.id });
		const finalJury = await Promise.all([1, 2].map(() => f.newUser({ departmentId: bo.id })));
		const semi = await j.newRound({
			competitionId: cup.id,
			status: 'draft',
			advancementCount: 2,
			juries: [
				{ departmentId: bo.id, members: boMt },
				{ departmentId: qa.id, members: [qaMt] }
			]
		});
		await enterIdeas(db, organiser, semi.id, [...ideas.map((i) => i.id), qaIdea.id]);
		expect((await db.selectFrom('idea').select('status').where('id', '=', ideas[0].id).executeTakeFirstOrThrow()).status).toBe(
			'semi_final'
		);
		await openRound(db, organiser, semi.id);
		const mt = await Promise.all(boMt.map((u) => j.reload(u)));
		const qaJuror = await j.reload(qaMt);
		// BO: idea 0 all 5s, idea 1 all 4s, idea 2 and 3 tie on 3s except roll-out (3 has the higher roll-out).
		const plan: Record<string, number>[] = [
			{ roll_out: 5, quality: 5, safety: 5, savings: 5, feasibility: 5, originality: 5 },
			{ roll_out: 4, quality: 4, safety: 4, savings: 4, feasibility: 4, originality: 4 },
			{ roll_out: 2, quality: 4, safety: 3, savings: 3, feasibility: 3, originality: 3 },
			{ roll_out: 4, quality: 2, safety: 3, savings: 3, feasibility: 3, originality: 2 }
		];
		for (const juror of mt)
			for (const [i, idea] of ideas.entries())
				await saveSheet(db, juror, semi.id, idea.id, {
					version: 0,
					submit: true,
					overallComment: `Overall ${i}`,
					scores: j.scores(semi.criteria, plan[i], i === 0 ? 'Clear roll-out plan.' : '')
				});
		await saveSheet(db, qaJuror, semi.id, qaIdea.id, { version: 0, submit: true, overallComment: '', scores: j.scores(semi.criteria, 3) });
		await closeRound(db, organiser, semi.id, { override: false, reason: '' });

		const admin = await getRoundAdmin(db, organiser, semi.id);
		const boScope = admin.results.scopes.find((s) => s.departmentName === 'Department BO')!;
		// Ideas 2 and 3 both have J = 48.75; idea 3's roll-out mean (4) beats idea 2's (2).
		expect(boScope.rows.map((r) => r.ideaId)).toEqual([ideas[0].id, ideas[1].id, ideas[3].id, ideas[2].id]);
		expect(boScope.rows[3].tieBrokenBy).toBe('roll_out');
		expect(boScope.rows[0].raw).toBeCloseTo(100, 9);
		expect(boScope.rows[1].raw).toBeCloseTo(75, 9);
		expect(boScope.cutIndex).toBe(2);
		const stored = await db.selectFrom('roundEntry').select(['ideaId', 'rank']).where('roundId', '=', semi.id).execute();
		expect(stored.find((e) => e.ideaId === ideas[1].id)?.rank).toBe(2);

		const decisions = boScope.rows.map((r) => ({
			ideaId: r.ideaId,
			outcome: r.proposedOutcome!,
			reason: r.proposed ? 'Top two of Build Operations.' : 'Below the cut line.'
		}));
		decisions.push({ ideaId: qaIdea.id, outcome: 'advanced', reason: 'Only QA idea, solid.' });
		expect(
			await codeOf(
				confirmAdvancement(
					db,
					organiser,
					semi.id,
					decisions.map((d) => ({ ...d, reason: '' }))
				)
			)
		).toBe('invalid');
		await confirmAdvancement(db, organiser, semi.id, decisions);
		const statuses = await db
			.selectFrom('idea')
			.select(['id', 'status'])
			.where('id', 'in', [...ideas.map((i) => i.id), qaIdea.id])
			.execute();
		const statusOf = (id: number) => statuses.find((s) => s.id === id)?.status;
		expect([ideas.map((i) => statusOf(i.id)), statusOf(qaIdea.id)]).toEqual([
			['finalist', 'finalist', 'not_advanced', 'not_advanced'],
			'finalist'
		]);
		const stop = await db
			.selectFrom('ideaEvent')
			.select(['reason', 'toStatus'])
			.where('ideaId', '=', ideas[3].id)
			.where('toStatus', '=', 'not_advanced')
			.executeTakeFirst();
		expect(stop?.reason).toBe('Below the cut line.');

		// Before publication no feedback; then the team reads it, a stranger does not.
		const team0 = await j.reload(owners[0]);
		expect(await codeOf(getFeedback(db, team0, ideas[0].id))).toBe('not_found');
		await publishResults(db, organiser, semi.id);
		const tally = newTally();
		const feedback = await countStatements(tally, () => getFeedback(db, team0, ideas[0].id));
		expect(tally.statements).toBe(2); // the idea with its published rounds, then those rounds as stored
		expect(feedback.rounds[0]).toMatchObject({ rank: 1, ofCount: 4, outcome: 'advanced' });
		expect(feedback.rounds[0].criteria[0].mean).toBe(5);
		expect(feedback.rounds[0].criteria[0].comments).toEqual(['Clear roll-out plan.', 'Clear roll-out plan.', 'Clear roll-out plan.']);
		expect(JSON.stringify(feedback)).not.toMatch(/Person \d+/);
		const fb3 = await getFeedback(db, await j.reload(owners[2]), ideas[2].id);
		expect(fb3.rounds[0].distanceToCut).toBeLessThan(0);
		expect(await codeOf(getFeedback(db, await j.reload(owners[1]), ideas[0].id))).toBe('not_found');
		// Jurors see the outcome of ideas they scored.
		const home = await getJuryHome(db, mt[0]);
		expect(home.rounds.find((r) => r.roundId === semi.id)!.ideas.find((i) => i.ideaId === ideas[0].id)?.outcome).toBe('advanced');

		// The final: the finalists, the jury scores, the winner is recorded as the award.
		const final = await j.newRound({
			competitionId: cup.id,
			kind: 'final',
			status: 'draft',
			juries: [{ departmentId: null, members: finalJury }]
		});
		await enterIdeas(db, organiser, final.id, [ideas[0].id, ideas[1].id, qaIdea.id]);
		await openRound(db, organiser, final.id);
		const fj = await Promise.all(finalJury.map((u) => j.reload(u)));
		for (const juror of fj)
			for (const [k, id] of [ideas[1].id, ideas[0].id, qaIdea.id].entries())
				await saveSheet(db, juror, final.id, id, { version: 0, submit: true, overallComment: '', scores: j.scores(final.criteria, 5 - k) });
		await closeRound(db, organiser, final.id, { override: false, reason: '' });
		const fa = await getRoundAdmin(db, organiser, final.id);
		const rows = fa.results.scopes[0].rows;
		expect(rows.map((r) => [r.ideaId, r.proposedOutcome])).toEqual([
			[ideas[1].id, 'winner'],
			[ideas[0].id, 'runner_up'],
			[qaIdea.id, 'finalist']
		]);
		await confirmAdvancement(
			db,
			organiser,
			final.id,
			rows.map((r) => ({ ideaId: r.ideaId, outcome: r.proposedOutcome!, reason: 'Decided by the jury.' }))
		);
		const awards = await db
			.selectFrom('idea')
			.select(['id', 'status', 'award'])
			.where('id', 'in', [ideas[0].id, ideas[1].id, qaIdea.id])
			.orderBy('id')
			.execute();
		expect(awards.find((a) => a.id === ideas[1].id)).toMatchObject({ status: 'winner', award: 'winner' });
		expect(awards.find((a) => a.id === ideas[0].id)).toMatchObject({ status: 'runner_up', award: 'runner_up' });
		expect(awards.find((a) => a.id === qaIdea.id)).toMatchObject({ status: 'finalist', award: 'finalist' });

		const exported = await exportRound(db, organiser, cup.id, final.id);
		expect(exported.matrix.rows).toHaveLength(6);
		expect(exported.ranking.rows[0][2]).toBe(ideas[1].id);
		// The address names the competition: another competition's id finds nothing.
		const other = await f.newCompetition();
		expect(await codeOf(exportRound(db, organiser, other.id, final.id))).toBe('not_found');
	}, 60_000);
});
