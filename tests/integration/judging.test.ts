/**
 * Judging on a real database: many jurors saving at once, double saves and stale tabs, the
 * lock at closing, blind scoring, conflicts, ranking and advancement, the offline sheet and
 * the team's feedback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError } from '$lib/server/errors.js';
import {
	declareConflict,
	exportOfflineSheet,
	getFeedback,
	getJuryHome,
	getScoringSheet,
	importOfflineSheet,
	saveSheet
} from '$lib/server/scoring/scoring.service.js';
import {
	closeRound,
	confirmAdvancement,
	createRoundsFromTemplate,
	enterIdeas,
	exportRound,
	getRoundAdmin,
	openRound,
	publishResults,
	reopenRound,
	saveCriteria
} from '$lib/server/competitions/competitions.service.js';
import { DEFAULT_CRITERIA } from '$lib/domain/criteria.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let j: ReturnType<typeof judgingFactories>;
let organiser: SessionUser;
let cup: { id: number };
let bo: { id: number };

const codeOf = async (p: Promise<unknown>) => {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
};

const sheetCount = async (roundId: number) =>
	(
		await db
			.selectFrom('scoreSheet')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('roundId', '=', roundId)
			.executeTakeFirstOrThrow()
	).n;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	j = judgingFactories(db);
	bo = await f.newDepartment('BO');
	organiser = await f.newUser({ roles: ['organiser'], name: 'Ruud Organiser' });
	cup = await f.newCompetition({ open: false });
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

	it('criteria cannot change once a score exists', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' });
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: [{ ideaId: idea.id, departmentId: bo.id }]
		});
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
		const feedback = await getFeedback(db, team0, ideas[0].id);
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

		const exported = await exportRound(db, organiser, final.id);
		expect(exported.matrix.rows).toHaveLength(6);
		expect(exported.ranking.rows[0][2]).toBe(ideas[1].id);
	}, 60_000);
});

describe('the offline sheet', () => {
	it('takes valid rows, refuses bad ones with the reason, and refuses a file that is not a sheet', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const ideas = await Promise.all(
			[1, 2, 3].map((i) => f.newIdea({ owner, competitionId: cup.id, status: 'semi_final', title: `Offline ${i}` }))
		);
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		const juror = await j.reload(juror0);
		const csv = String((await exportOfflineSheet(db, juror, round.id, 'csv')).body).replace(/^\uFEFF/, '');
		const [header, ...lines] = csv.trim().split('\n');
		const fill = (line: string, values: string[]) => {
			const cells = line.split(',');
			values.forEach((v, i) => (cells[4 + 2 * i] = v));
			return cells.join(',');
		};
		const upload = [
			header,
			fill(lines[0], ['5', '4', '3', '4', '2', '5']),
			fill(lines[1], ['9', '4', '', '', '', '']),
			lines[2],
			`${round.id},999999,Nope,0`
		].join('\n');
		const report = await importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode(upload), name: 'scores.csv' });
		expect(report.fileRefused).toBeNull();
		expect(report.rows.map((r) => r.result)).toEqual(['taken', 'refused', 'skipped', 'refused']);
		expect(report.rows[1].reasons).toEqual([{ code: 'outside_scale', column: 'roll_out' }]);
		expect(report.rows[3].reasons[0].code).toBe('not_in_queue');
		const sheets = await db.selectFrom('scoreSheet').select(['ideaId', 'submittedAt']).where('roundId', '=', round.id).execute();
		expect(sheets).toHaveLength(1);
		expect(sheets[0].submittedAt).not.toBeNull();

		// The same file again: the first row is now stale (version 0, sheet at 1) unless unchanged.
		const again = await importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode(upload), name: 'scores.csv' });
		expect(again.rows[0].result).toBe('skipped');

		const wrong = await importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode('a,b,c\n1,2,3'), name: 'x.csv' });
		expect(wrong.fileRefused).toBe('wrong_columns');
		const binary = await importOfflineSheet(db, juror, round.id, { bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]), name: 'x.xlsx' });
		expect(binary.fileRefused).toBe('not_a_sheet');

		// Excel round trip.
		const xlsx = await exportOfflineSheet(db, juror, round.id, 'xlsx');
		const back = await importOfflineSheet(db, juror, round.id, { bytes: xlsx.body as Uint8Array, name: xlsx.fileName });
		expect(back.fileRefused).toBeNull();
		expect(back.rows.every((r) => r.result === 'skipped')).toBe(true);
		expect(await sheetCount(round.id)).toBe(1);
	});
});

describe('the template', () => {
	it('creates a semi-final per department with its MT and a final by higher management', async () => {
		const top = await db.insertInto('department').values({ code: 'CORPX', name: 'Company' }).returning('id').executeTakeFirstOrThrow();
		const dept = await db
			.insertInto('department')
			.values({ code: 'LOGX', name: 'Logistics', parentId: top.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		const comp = await f.newCompetition({ open: false });
		await db.insertInto('competitionDepartment').values({ competitionId: comp.id, departmentId: dept.id }).execute();
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
});
