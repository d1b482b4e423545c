/**
 * Thirty jurors saving at once, on the engine of the run (PGlite in memory, or PostgreSQL
 * with DATABASE_URL): nothing lost, nothing doubled, a double click and a retry safe, and
 * one save's statements counted (the budget is five per request, the session lookup
 * included). The latency of the saves is printed (p50/p99), never asserted: figures go in
 * the commit and the issue, measured on a quiet machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { getJuryHome, getScoringSheet, saveSheet } from '$lib/server/scoring/jury-sheet.service.js';
import type { DomainError } from '$lib/server/errors.js';
import { DEFAULT_CRITERIA } from '$lib/domain/criteria.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { judgingWorld, type JudgingWorld } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let w: JudgingWorld;
let jurors: SessionUser[];
let ideas: { id: number }[];
let round: Awaited<ReturnType<JudgingWorld['j']['newRound']>>;

const JURORS = 30;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	w = await judgingWorld(db);
	const owner = await w.f.newUser({ departmentId: w.bo.id });
	ideas = [];
	for (let i = 0; i < 3; i++) ideas.push(await w.f.newIdea({ owner, competitionId: w.cup.id, status: 'semi_final' }));
	const people = [];
	for (let i = 0; i < JURORS; i++) people.push(await w.f.newUser({ departmentId: w.bo.id }));
	round = await w.j.newRound({
		competitionId: w.cup.id,
		juries: [{ departmentId: w.bo.id, members: people }],
		entries: ideas.map((i) => ({ ideaId: i.id, departmentId: w.bo.id }))
	});
	jurors = await Promise.all(people.map((p) => w.j.reload(p)));
}, 120_000);

afterAll(async () => {
	await testDb?.close();
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs the saves at once; each one's time from start to answer. */
async function timed<T>(work: (() => Promise<T>)[]) {
	const times: number[] = [];
	const results = await Promise.allSettled(
		work.map(async (w) => {
			const t0 = performance.now();
			try {
				return await w();
			} finally {
				times.push(performance.now() - t0);
			}
		})
	);
	times.sort((a, b) => a - b);
	return { results, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function storedScores(ideaId: number) {
	return db
		.selectFrom('score as s')
		.innerJoin('scoreSheet as h', 'h.id', 's.sheetId')
		.select(['h.jurorId', 'h.version', 'h.submittedAt', 'h.overallComment', 's.criterionId', 's.value', 's.comment'])
		.where('h.roundId', '=', round.id)
		.where('h.ideaId', '=', ideaId)
		.execute();
}

describe(`${JURORS} jurors saving at once`, () => {
	it('lose nothing and double nothing: each clicks twice, then all change their scores at once', async () => {
		const idea = ideas[0];
		const first = await timed(
			jurors.flatMap((juror, i) => {
				const input = { version: 0, submit: false, overallComment: `juror ${i}`, scores: w.j.scores(round.criteria, 1 + (i % 5), `c${i}`) };
				return [() => saveSheet(db, juror, round.id, idea.id, input), () => saveSheet(db, juror, round.id, idea.id, input)];
			})
		);
		expect(first.results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect(await w.sheetCount(round.id)).toBe(JURORS);
		let scores = await storedScores(idea.id);
		expect(scores).toHaveLength(JURORS * DEFAULT_CRITERIA.length);
		jurors.forEach((juror, i) => {
			const mine = scores.filter((s) => s.jurorId === juror.id);
			expect(mine.every((s) => s.value === 1 + (i % 5) && s.comment === `c${i}` && s.version === 1 && !s.submittedAt)).toBe(true);
		});

		// Everyone submits a change to the version they read, at once.
		const second = await timed(
			jurors.map(
				(juror, i) => () =>
					saveSheet(db, juror, round.id, idea.id, {
						version: 1,
						submit: true,
						overallComment: `juror ${i}, final`,
						scores: w.j.scores(round.criteria, 1 + ((i + 2) % 5), `d${i}`)
					})
			)
		);
		expect(second.results.filter((r) => r.status === 'rejected')).toEqual([]);
		scores = await storedScores(idea.id);
		expect(scores).toHaveLength(JURORS * DEFAULT_CRITERIA.length);
		jurors.forEach((juror, i) => {
			const mine = scores.filter((s) => s.jurorId === juror.id);
			expect(
				mine.every(
					(s) =>
						s.value === 1 + ((i + 2) % 5) &&
						s.comment === `d${i}` &&
						s.version === 2 &&
						s.submittedAt &&
						s.overallComment === `juror ${i}, final`
				)
			).toBe(true);
		});
		console.log(
			`[bench] ${testDb.engine}: ${JURORS} jurors x2 new sheets at once p50 ${first.p50.toFixed(0)} ms p99 ${first.p99.toFixed(0)} ms; ` +
				`${JURORS} submits at once p50 ${second.p50.toFixed(0)} ms p99 ${second.p99.toFixed(0)} ms`
		);
	}, 120_000);

	it('two tabs at once on the same version: one wins, the other is told the sheet is stale, nothing mixed', async () => {
		const idea = ideas[1];
		const juror = jurors[0];
		const a = { version: 0, submit: false, overallComment: 'tab a', scores: w.j.scores(round.criteria, 2, 'a') };
		const b = { version: 0, submit: false, overallComment: 'tab b', scores: w.j.scores(round.criteria, 4, 'b') };
		const results = await Promise.allSettled([saveSheet(db, juror, round.id, idea.id, a), saveSheet(db, juror, round.id, idea.id, b)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((refused.reason as DomainError).code).toBe('sheet_stale');
		const scores = await storedScores(idea.id);
		expect(scores).toHaveLength(DEFAULT_CRITERIA.length);
		const won = scores[0].overallComment === 'tab a' ? a : b;
		expect(scores.every((s) => s.overallComment === won.overallComment && s.comment === won.scores[s.criterionId].comment)).toBe(true);
	});

	it('one save runs at most three statements, the sheet at most three, the jury home one', async () => {
		const idea = ideas[2];
		const juror = jurors[1];
		const save = newTally();
		const saved = await countStatements(save, () =>
			saveSheet(db, juror, round.id, idea.id, { version: 0, submit: false, overallComment: 'x', scores: w.j.scores(round.criteria, 3) })
		);
		const change = newTally();
		await countStatements(change, () =>
			saveSheet(db, juror, round.id, idea.id, {
				version: saved.version,
				submit: true,
				overallComment: 'y',
				scores: w.j.scores(round.criteria, 4)
			})
		);
		const sheet = newTally();
		await countStatements(sheet, () => getScoringSheet(db, juror, round.id, idea.id));
		const home = newTally();
		const { rounds } = await countStatements(home, () => getJuryHome(db, juror));
		expect(rounds.find((r) => r.roundId === round.id)?.ideas.map((i) => i.ideaId)).toEqual(ideas.map((i) => i.id));
		expect(home.statements).toBe(1);
		console.log(
			`[statements] save ${save.statements} (+${save.control} control, ${save.ms.toFixed(1)} ms), change ${change.statements} (${change.ms.toFixed(1)} ms), sheet ${sheet.statements} (${sheet.ms.toFixed(1)} ms)`
		);
		expect(save.statements).toBeLessThanOrEqual(3);
		expect(change.statements).toBeLessThanOrEqual(3);
		expect(sheet.statements).toBeLessThanOrEqual(3);
	});
});
