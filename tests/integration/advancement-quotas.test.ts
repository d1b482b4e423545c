/**
 * Advancement with quotas per scope and a final that carries the semi-final (issue 14), on a
 * real database: quotas and a threshold beside top N propose the right ideas; closing stores
 * each entry's score and tie-break with its rank; confirming fills the next round (entries
 * with from_round_id, automatic conflicts, events) or is refused cleanly; the final's jury
 * reads the semi-final only when the round shows it; the team's feedback names the rule and
 * the tie-break that placed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError, FieldErrors } from '$lib/server/errors.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { getScoringSheet, saveSheet } from '$lib/server/scoring/jury-sheet.service.js';
import { getFeedback } from '$lib/server/scoring/feedback.service.js';
import { enterIdeas, getRoundAdmin, openRound, updateRoundSettings } from '$lib/server/competitions/round-setup.service.js';
import type { RoundSettingsInput } from '$lib/server/competitions/round-setup.schema.js';
import { closeRound, confirmAdvancement, publishResults } from '$lib/server/competitions/round-results.service.js';
import { insertCarriedEntries } from '$lib/server/competitions/round-results.queries.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { codeOf, judgingWorld, type JudgingWorld } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: JudgingWorld['f'], j: JudgingWorld['j'], organiser: SessionUser, bo: { id: number };

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	({ f, j, bo, organiser } = await judgingWorld(db));
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

const settings = (over: Partial<RoundSettingsInput> = {}): RoundSettingsInput => ({
	name: 'Semi-final',
	scoringOpensAt: null,
	scoringClosesAt: null,
	advancementRule: 'top_n',
	advancementCount: 1,
	advancementThreshold: null,
	scoreBasis: 'raw',
	scoresVisible: 'after_close',
	tieBreaks: ['roll_out', 'jurors', 'submitted_at'],
	...over
});

async function fieldErrorsOf(p: Promise<unknown>) {
	try {
		await p;
		return null;
	} catch (e) {
		if (e instanceof FieldErrors) return e.fields;
		throw e;
	}
}

/**
 * A competition with a semi-final over Build Operations (four ideas) and QA (two), top 1 per
 * department, and a final in preparation with one jury. Build Operations' MT gives idea 0 all
 * 5s (J = 100), idea 1 all 4s (75), ideas 2 and 3 J = 48.75 each with roll-out 2 and 4 (idea
 * 3 ranks above idea 2 by the roll-out tie-break). QA's juror gives its ideas all 4s (75)
 * and all 3s (50). The final's first juror manages idea 0's owner.
 */
async function pitchDay() {
	const cup = await f.newCompetition({ open: false });
	const qa = await f.newDepartment();
	const owners = await Promise.all([1, 2, 3, 4].map(() => f.newUser({ departmentId: bo.id })));
	const ideas = await Promise.all(
		owners.map((o, i) => f.newIdea({ owner: o, competitionId: cup.id, status: 'coaching', title: `BO idea ${i}` }))
	);
	const qaOwners = await Promise.all([1, 2].map(() => f.newUser({ departmentId: qa.id })));
	const qaIdeas = await Promise.all(
		qaOwners.map((o, i) => f.newIdea({ owner: o, competitionId: cup.id, status: 'coaching', title: `QA idea ${i}` }))
	);
	const boMt = await Promise.all([1, 2, 3].map(() => f.newUser({ departmentId: bo.id })));
	const qaMt = await f.newUser({ departmentId: qa.id });
	const finalJury = await Promise.all([1, 2].map(() => f.newUser({ departmentId: bo.id })));
	await db.updateTable('appUser').set({ managerId: finalJury[0].id }).where('id', '=', owners[0].id).execute();
	const semi = await j.newRound({
		competitionId: cup.id,
		status: 'draft',
		advancementCount: 1,
		juries: [
			{ departmentId: bo.id, members: boMt },
			{ departmentId: qa.id, members: [qaMt] }
		]
	});
	const final = await j.newRound({
		competitionId: cup.id,
		kind: 'final',
		status: 'draft',
		juries: [{ departmentId: null, members: finalJury }]
	});
	await enterIdeas(
		db,
		organiser,
		semi.id,
		[...ideas, ...qaIdeas].map((i) => i.id)
	);
	const [boJury, qaJury] = semi.juries;
	return { cup, qa, owners, ideas, qaOwners, qaIdeas, boMt, qaMt, finalJury, semi, final, boJury, qaJury };
}

async function score(day: Awaited<ReturnType<typeof pitchDay>>) {
	const plan: Record<string, number>[] = [
		{ roll_out: 5, quality: 5, safety: 5, savings: 5, feasibility: 5, originality: 5 },
		{ roll_out: 4, quality: 4, safety: 4, savings: 4, feasibility: 4, originality: 4 },
		{ roll_out: 2, quality: 4, safety: 3, savings: 3, feasibility: 3, originality: 3 },
		{ roll_out: 4, quality: 2, safety: 3, savings: 3, feasibility: 3, originality: 2 }
	];
	const mt = await Promise.all(day.boMt.map((u) => j.reload(u)));
	for (const [k, juror] of mt.entries())
		for (const [i, idea] of day.ideas.entries())
			await saveSheet(db, juror, day.semi.id, idea.id, {
				version: 0,
				submit: true,
				overallComment: i === 0 ? `Overall from juror ${['Zed', 'Amy', 'Kim'][k]}` : '',
				scores: j.scores(day.semi.criteria, plan[i], i === 0 && k < 2 ? ['Roll it out everywhere.', 'A clear plan.'][k] : '')
			});
	const qaJuror = await j.reload(day.qaMt);
	for (const [i, idea] of day.qaIdeas.entries())
		await saveSheet(db, qaJuror, day.semi.id, idea.id, {
			version: 0,
			submit: true,
			overallComment: '',
			scores: j.scores(day.semi.criteria, 4 - i)
		});
}

const proposedIn = (admin: Awaited<ReturnType<typeof getRoundAdmin>>, juryId: number) =>
	admin.results.scopes
		.find((s) => s.juryId === juryId)!
		.rows.filter((r) => r.proposed)
		.map((r) => r.ideaId);

describe('quotas per scope and a threshold beside top N', () => {
	it("propose each scope's quota (the others the round's count), cut inside it at the threshold, and lock at closing", async () => {
		const day = await pitchDay();
		const { semi, ideas, qaIdeas, boJury, qaJury } = day;
		// Build Operations 3, every other department the round's count (1); audited.
		const tally = newTally();
		await countStatements(tally, () =>
			updateRoundSettings(
				db,
				organiser,
				semi.id,
				settings({
					quotas: [
						{ juryId: boJury.id, count: 3 },
						{ juryId: qaJury.id, count: null }
					]
				})
			)
		);
		expect(tally.statements).toBe(4); // the round held with juries and quotas, the round, the quotas, the audit
		expect(await db.selectFrom('roundQuota').select(['juryId', 'count']).where('roundId', '=', semi.id).execute()).toEqual([
			{ juryId: boJury.id, count: 3 }
		]);
		const audit = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'round.settings')
			.where('objectId', '=', String(semi.id))
			.executeTakeFirstOrThrow();
		expect(audit.data).toMatchObject({ quotas: [{ juryId: boJury.id, count: 3 }] });
		// A jury of another round is refused beside its field; nothing changes.
		expect(
			await fieldErrorsOf(updateRoundSettings(db, organiser, semi.id, settings({ quotas: [{ juryId: day.final.juries[0].id, count: 2 }] })))
		).toEqual({
			[`quota_${day.final.juries[0].id}`]: ['unknown_jury']
		});

		await openRound(db, organiser, semi.id);
		await score(day);
		let admin = await getRoundAdmin(db, organiser, semi.id);
		// BO: 100, 75, 48.75 (idea 3, roll-out 4) | 48.75 (idea 2, roll-out 2): the tie at the quota cut goes by the roll-out.
		expect(proposedIn(admin, boJury.id)).toEqual([ideas[0].id, ideas[1].id, ideas[3].id]);
		const boScope = admin.results.scopes.find((s) => s.juryId === boJury.id)!;
		expect(boScope).toMatchObject({ quota: 3, cutIndex: 3, tieAtCut: true, rule: { kind: 'top_n', count: 3, min: null } });
		expect(boScope.rows[3]).toMatchObject({ ideaId: ideas[2].id, tieBrokenBy: 'roll_out', proposedOutcome: 'stopped' });
		expect(proposedIn(admin, qaJury.id)).toEqual([qaIdeas[0].id]);

		// While open, a threshold of 60 beside the quotas cuts inside Build Operations' three.
		await updateRoundSettings(db, organiser, semi.id, settings({ advancementThreshold: 60, quotas: [{ juryId: boJury.id, count: 3 }] }));
		admin = await getRoundAdmin(db, organiser, semi.id);
		expect(proposedIn(admin, boJury.id)).toEqual([ideas[0].id, ideas[1].id]);
		expect(proposedIn(admin, qaJury.id)).toEqual([qaIdeas[0].id]);

		// Closing stores each entry's score and the tie-break that placed it with its rank.
		await closeRound(db, organiser, semi.id, { override: false, reason: '' });
		const stored = await db
			.selectFrom('roundEntry')
			.select(['ideaId', 'rank', 'score', 'tieBrokenBy'])
			.where('roundId', '=', semi.id)
			.execute();
		const entry = (id: number) => stored.find((e) => e.ideaId === id)!;
		expect(entry(ideas[0].id)).toMatchObject({ rank: 1, tieBrokenBy: null });
		expect(Number(entry(ideas[0].id).score)).toBe(100);
		expect(entry(ideas[3].id)).toMatchObject({ rank: 3, tieBrokenBy: null });
		expect(entry(ideas[2].id)).toMatchObject({ rank: 4, tieBrokenBy: 'roll_out' });
		expect(Number(entry(ideas[2].id).score)).toBe(48.75);
		expect(Number(entry(qaIdeas[1].id).score)).toBe(50);

		// Closed: the same quotas again are fine, a changed one is refused beside its field.
		await updateRoundSettings(db, organiser, semi.id, settings({ advancementThreshold: 60, quotas: [{ juryId: boJury.id, count: 3 }] }));
		expect(
			await fieldErrorsOf(
				updateRoundSettings(db, organiser, semi.id, settings({ advancementThreshold: 60, quotas: [{ juryId: boJury.id, count: 2 }] }))
			)
		).toEqual({ [`quota_${boJury.id}`]: ['quotas_locked'] });
		expect((await db.selectFrom('roundQuota').select('count').where('roundId', '=', semi.id).executeTakeFirstOrThrow()).count).toBe(3);
	}, 120_000);
});

describe('confirming fills the next round', () => {
	it('enters the ideas that advance with where they came from, conflicts and events; refuses cleanly when the next round cannot take them', async () => {
		const day = await pitchDay();
		const { semi, final, ideas, qaIdeas, boJury, finalJury } = day;
		await updateRoundSettings(db, organiser, semi.id, settings({ quotas: [{ juryId: boJury.id, count: 2 }] }));
		await openRound(db, organiser, semi.id);
		await score(day);
		await closeRound(db, organiser, semi.id, { override: false, reason: '' });
		const admin = await getRoundAdmin(db, organiser, semi.id);
		expect(admin.nextRound).toEqual({ id: final.id, name: 'Final', status: 'draft', takesIdeas: true, missing: [] });
		const decisions = admin.results.scopes.flatMap((s) =>
			s.rows.map((r) => ({ ideaId: r.ideaId, outcome: r.proposedOutcome!, reason: r.proposed ? 'Within the quota.' : 'Below the cut.' }))
		);
		const finalEntries = () =>
			db.selectFrom('roundEntry').select(['ideaId', 'juryId', 'fromRoundId']).where('roundId', '=', final.id).orderBy('ideaId').execute();
		// In the order of `ideas` (made at once, their ids need not follow it).
		const semiStatuses = async () => {
			const rows = await db
				.selectFrom('idea')
				.select(['id', 'status'])
				.where(
					'id',
					'in',
					ideas.map((i) => i.id)
				)
				.execute();
			return ideas.map((i) => rows.find((r) => r.id === i.id)?.status);
		};

		// The final is closed: refused, nothing recorded.
		await db.updateTable('round').set({ status: 'closed' }).where('id', '=', final.id).execute();
		expect(await codeOf(confirmAdvancement(db, organiser, semi.id, decisions))).toBe('next_round_locked');
		await db.updateTable('round').set({ status: 'draft' }).where('id', '=', final.id).execute();
		expect(await finalEntries()).toEqual([]);
		expect(await semiStatuses()).toEqual(['semi_final', 'semi_final', 'semi_final', 'semi_final']);
		// The final has no jury: refused, nothing recorded; the page says so before the click.
		await db.deleteFrom('jury').where('roundId', '=', final.id).execute();
		expect((await getRoundAdmin(db, organiser, semi.id)).nextRound?.missing).toEqual(['Final']);
		expect(await codeOf(confirmAdvancement(db, organiser, semi.id, decisions))).toBe('next_round_no_jury');
		expect(await semiStatuses()).toEqual(['semi_final', 'semi_final', 'semi_final', 'semi_final']);
		const finalJuryRow = await j.newJury(final.id, null, finalJury);

		// Two tabs confirm at once: one records, the other is refused; the final gets each idea once.
		const tallies = [newTally(), newTally()];
		const runs = await Promise.all(
			tallies.map((t) =>
				countStatements(t, () =>
					confirmAdvancement(db, organiser, semi.id, decisions).then(
						(result) => ({ code: 'ok', result }),
						(e: unknown) => {
							if (e instanceof DomainError) return { code: e.code, result: null };
							throw e;
						}
					)
				)
			)
		);
		expect(runs.map((r) => r.code).sort()).toEqual(['already_decided', 'ok']);
		const won = runs.findIndex((r) => r.code === 'ok');
		// Whatever the number of ideas (6 here): the round held, read with its entries, the final held, the ideas held,
		// moved and their events, the outcomes, the entries into the final, their conflicts, the audit.
		expect(tallies[won].statements).toBe(10);
		expect(runs[won].result).toEqual({ decided: 6, entered: 3, nextRound: { id: final.id, name: 'Final' } });
		expect(await finalEntries()).toEqual(
			[ideas[0].id, ideas[1].id, qaIdeas[0].id]
				.sort((a, b) => a - b)
				.map((ideaId) => ({ ideaId, juryId: finalJuryRow.id, fromRoundId: semi.id }))
		);
		expect(await semiStatuses()).toEqual(['finalist', 'finalist', 'not_advanced', 'not_advanced']);
		const event = await db
			.selectFrom('ideaEvent')
			.select(['toStatus', 'data'])
			.where('ideaId', '=', ideas[0].id)
			.where('toStatus', '=', 'finalist')
			.executeTakeFirstOrThrow();
		expect(event.data).toMatchObject({ roundId: semi.id, rank: 1, enteredRoundId: final.id, enteredRoundName: 'Final' });
		// The final's first juror manages idea 0's owner: written down at once.
		const conflicts = await db.selectFrom('conflictOfInterest').select(['userId', 'source']).where('ideaId', '=', ideas[0].id).execute();
		expect(conflicts).toContainEqual({ userId: finalJury[0].id, source: 'manager' });
		const audit = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'round.advancement_confirmed')
			.where('objectId', '=', String(semi.id))
			.executeTakeFirstOrThrow();
		expect(audit.data).toMatchObject({ enteredInto: { roundId: final.id } });

		// Entering again changes nothing; confirming again is refused.
		const again = await db
			.transaction()
			.execute((trx) => insertCarriedEntries(trx, final.id, semi.id, [{ ideaId: ideas[0].id, juryId: finalJuryRow.id }]));
		expect(again).toEqual([]);
		expect((await finalEntries()).length).toBe(3);
		expect(await codeOf(confirmAdvancement(db, organiser, semi.id, decisions))).toBe('already_decided');
	}, 120_000);
});

describe("the final's sheet and the team's feedback", () => {
	it("shows the semi-final to the final's jury only when switched on, without names; the feedback names the rule and the tie-breaks", async () => {
		const day = await pitchDay();
		const { semi, final, ideas, qaIdeas, boJury, finalJury, owners, qaOwners } = day;
		await updateRoundSettings(db, organiser, semi.id, settings({ advancementThreshold: 40, quotas: [{ juryId: boJury.id, count: 3 }] }));
		await openRound(db, organiser, semi.id);
		await score(day);
		await closeRound(db, organiser, semi.id, { override: false, reason: '' });
		const admin = await getRoundAdmin(db, organiser, semi.id);
		const decisions = admin.results.scopes.flatMap((s) =>
			s.rows.map((r) => ({ ideaId: r.ideaId, outcome: r.proposedOutcome!, reason: r.proposed ? 'Within the quota.' : 'Below the cut.' }))
		);
		await confirmAdvancement(db, organiser, semi.id, decisions);
		const publishTally = newTally();
		await countStatements(publishTally, () => publishResults(db, organiser, semi.id));
		// Whatever the number of ideas and jurors: the round held, read, the teams, the jurors, its status with the audit line, every notification.
		expect(publishTally.statements).toBe(6);
		const told = await db
			.selectFrom('notification')
			.select(['userId', 'kind', 'params'])
			.where('kind', 'in', ['results_published', 'jury_outcome'])
			.where(
				'userId',
				'in',
				[...owners, ...qaOwners, ...day.boMt, day.qaMt].map((u) => u.id)
			)
			.execute();
		expect(told.filter((n) => n.kind === 'results_published').length).toBe(6);
		expect(told.find((n) => n.userId === owners[3].id)?.params).toMatchObject({ ideaId: ideas[3].id, outcome: 'advanced' });
		expect(
			told
				.filter((n) => n.kind === 'jury_outcome')
				.map((n) => n.userId)
				.sort((a, b) => a - b)
		).toEqual([...day.boMt, day.qaMt].map((u) => u.id).sort((a, b) => a - b));
		expect(told.find((n) => n.userId === day.qaMt.id)?.params).toMatchObject({ scored: 2, advanced: 1 });
		await openRound(db, organiser, final.id);
		const [manager, juror] = await Promise.all(finalJury.map((u) => j.reload(u)));

		// Off: nothing of the semi-final on the final's sheet.
		let sheet = await getScoringSheet(db, juror, final.id, ideas[0].id);
		expect(sheet.carried).toBeNull();
		await updateRoundSettings(
			db,
			organiser,
			final.id,
			settings({ name: 'Final', advancementRule: 'manual', advancementCount: null, showPreviousRound: true })
		);
		// The other final juror scores first: that stays blind.
		await saveSheet(db, manager, final.id, ideas[1].id, {
			version: 0,
			submit: true,
			overallComment: 'Final juror secret',
			scores: j.scores(final.criteria, 2)
		});
		const tally = newTally();
		sheet = await countStatements(tally, () => getScoringSheet(db, juror, final.id, ideas[0].id));
		expect(tally.statements).toBe(1);
		expect(sheet.carried).toMatchObject({
			roundId: semi.id,
			roundName: 'Semi-final',
			score: 100,
			rank: 1,
			ofCount: 4,
			scopeName: 'Department BO',
			jurors: 3,
			overallComments: ['Overall from juror Amy', 'Overall from juror Kim', 'Overall from juror Zed']
		});
		expect(sheet.carried!.criteria[0]).toMatchObject({ mean: 5, comments: ['A clear plan.', 'Roll it out everywhere.'] });
		expect(sheet.carried!.criteria.map((c) => c.mean)).toEqual([5, 5, 5, 5, 5, 5]);
		expect(JSON.stringify(sheet.carried)).not.toMatch(/Person \d+/);
		expect(JSON.stringify(sheet)).not.toContain('Final juror secret');
		expect(sheet.others).toBeNull();
		// Idea 3 came in third of Build Operations by the roll-out tie-break.
		const third = await getScoringSheet(db, juror, final.id, ideas[3].id);
		expect(third.carried).toMatchObject({ rank: 3, score: 48.75 });
		// An idea the organiser entered by hand (no round it came from) shows its latest earlier round.
		await db
			.updateTable('roundEntry')
			.set({ fromRoundId: null })
			.where('roundId', '=', final.id)
			.where('ideaId', '=', ideas[3].id)
			.execute();
		expect((await getScoringSheet(db, juror, final.id, ideas[3].id)).carried).toMatchObject({ roundId: semi.id, rank: 3 });
		// The juror above idea 0's owner does not score it: no sheet, no carried data.
		expect((await getScoringSheet(db, manager, final.id, ideas[0].id)).carried).toBeNull();

		// The team reads the rule that applied and the tie-break that placed it.
		const fb3 = await getFeedback(db, await j.reload(owners[3]), ideas[3].id);
		expect(fb3.rounds[0]).toMatchObject({
			rank: 3,
			rule: { kind: 'top_scope', count: 3, min: 40 },
			tieBreaks: { above: null, below: 'roll_out' }
		});
		const fb2 = await getFeedback(db, await j.reload(owners[2]), ideas[2].id);
		expect(fb2.rounds[0]).toMatchObject({ rank: 4, outcome: 'stopped', tieBreaks: { above: 'roll_out', below: null } });
		const fbTally = newTally();
		const fbQa = await countStatements(fbTally, async () => getFeedback(db, await j.reload(qaOwners[0]), qaIdeas[0].id));
		expect(fbTally.statements).toBe(3); // the reader, then the feedback's two
		expect(fbQa.rounds[0]).toMatchObject({ rule: { kind: 'top_each', count: 1, min: 40 }, tieBreaks: { above: null, below: null } });
	}, 120_000);
});
