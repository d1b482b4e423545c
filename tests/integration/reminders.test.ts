/**
 * What the portal says on its own, on a real database: reminders and escalations at fixed
 * clocks (each once, also from two runs at once), the queue's "overdue" and the reminder
 * agreeing, a call opening telling exactly the eligible departments' active people, a
 * submission telling the organisers, and published results telling the jurors who scored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { runReminders } from '$lib/server/reminders/reminders.service.js';
import { getScreeningQueue } from '$lib/server/ideas/screening.service.js';
import { saveIdea, submitIdea } from '$lib/server/ideas/idea-form.service.js';
import { ideaFormSchema } from '$lib/server/ideas/ideas.schema.js';
import { changeCompetitionStatus } from '$lib/server/competitions/competition-setup.service.js';
import { publishResults } from '$lib/server/competitions/round-results.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let j: ReturnType<typeof judgingFactories>;
let organisers: SessionUser[];
let lead: SessionUser;
let admin: SessionUser;
let bo: { id: number };
let cup: { id: number };

const at = (s: string) => new Date(s);

/** Who received a notification of this kind about this idea (or with this key in its params), sorted. */
async function receivers(kind: string, param: { name: string; value: number | string }) {
	const rows = await db
		.selectFrom('notification')
		.select('userId')
		.where('kind', '=', kind)
		.where(sql<string>`params->>${param.name}`, '=', String(param.value))
		.orderBy('userId')
		.execute();
	return rows.map((r) => r.userId);
}

const ids = (people: { id: number }[]) => people.map((p) => p.id).sort((a, b) => a - b);

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	j = judgingFactories(db);
	bo = await f.newDepartment('BO');
	lead = await f.newUser({ roles: ['organiser'], name: 'Karin Lead' });
	organisers = [lead, await f.newUser({ roles: ['organiser'], name: 'Ruud Organiser' })];
	admin = await f.newUser({ roles: ['admin'], name: 'Esther Admin' });
	cup = await f.newCompetition({ open: true, responseDays: 10 });
	await db.updateTable('competition').set({ programmeLeadId: lead.id }).where('id', '=', cup.id).execute();
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('screening reminders', () => {
	it('reminds before the answer date, again when overdue as the queue says, then escalates to the programme lead; each once', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		// Friday 20 November 2026; 10 working days: due Friday 4 December.
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'submitted', submittedAt: at('2026-11-20T10:00:00Z') });
		const about = { name: 'ideaId', value: idea.id };

		await runReminders(db, { now: at('2026-12-01T12:00:00Z') });
		expect(await receivers('screening_due', about)).toEqual([]);

		const tally = newTally();
		const first = await countStatements(tally, () => runReminders(db, { now: at('2026-12-02T09:00:00Z') }));
		expect(first.sent).toBeGreaterThanOrEqual(1);
		// the facts, the keys, and one notification statement per new reminder
		expect(tally.statements).toBe(2 + first.sent);
		expect(await receivers('screening_due', about)).toEqual(ids(organisers));
		expect(await runReminders(db, { now: at('2026-12-02T09:00:00Z') })).toEqual({ sent: 0 });
		expect(await runReminders(db, { now: at('2026-12-03T09:00:00Z') })).toEqual({ sent: 0 });

		// On the answer date and over the weekend after it: not overdue, in the queue or in reminders.
		for (const now of ['2026-12-04T20:00:00Z', '2026-12-06T20:00:00Z']) {
			await runReminders(db, { now: at(now) });
			expect((await getScreeningQueue(db, organisers[0], at(now))).find((q) => q.id === idea.id)?.overdue).toBe(false);
			expect(await receivers('screening_overdue', about)).toEqual([]);
		}
		// Monday 7 December: overdue in both.
		await runReminders(db, { now: at('2026-12-07T08:00:00Z') });
		expect((await getScreeningQueue(db, organisers[0], at('2026-12-07T08:00:00Z'))).find((q) => q.id === idea.id)?.overdue).toBe(true);
		expect(await receivers('screening_overdue', about)).toEqual(ids(organisers));
		expect(await receivers('screening_escalated', about)).toEqual([]);

		// 3 working days past the answer date: Wednesday 9 December, to the programme lead only.
		await runReminders(db, { now: at('2026-12-08T20:00:00Z') });
		expect(await receivers('screening_escalated', about)).toEqual([]);
		await runReminders(db, { now: at('2026-12-09T08:00:00Z') });
		await runReminders(db, { now: at('2026-12-10T08:00:00Z') });
		expect(await receivers('screening_escalated', about)).toEqual([lead.id]);
		expect(await receivers('screening_overdue', about)).toEqual(ids(organisers));
		expect(await receivers('screening_due', about)).toEqual(ids(organisers));
	}, 60_000);

	it('escalates to the administrators when the competition has no programme lead, or the lead left', async () => {
		const noLead = await f.newCompetition({ open: true, responseDays: 5 });
		const leftLead = await f.newCompetition({ open: true, responseDays: 5 });
		const gone = await f.newUser({ roles: ['organiser'] });
		await db.updateTable('competition').set({ programmeLeadId: gone.id }).where('id', '=', leftLead.id).execute();
		await db
			.updateTable('appUser')
			.set({ disabledAt: sql<Date>`now()` })
			.where('id', '=', gone.id)
			.execute();
		const owner = await f.newUser({ departmentId: bo.id });
		const a = await f.newIdea({ owner, competitionId: noLead.id, status: 'screening', submittedAt: at('2027-01-04T10:00:00Z') });
		const b = await f.newIdea({ owner, competitionId: leftLead.id, status: 'submitted', submittedAt: at('2027-01-04T10:00:00Z') });
		// Monday 4 January 2027 + 5 working days: due Monday 11; 3 past: Thursday 14.
		await runReminders(db, { now: at('2027-01-14T09:00:00Z') });
		expect(await receivers('screening_escalated', { name: 'ideaId', value: a.id })).toEqual([admin.id]);
		expect(await receivers('screening_escalated', { name: 'ideaId', value: b.id })).toEqual([admin.id]);
	}, 60_000);

	it('two runs at once send each reminder once', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'submitted', submittedAt: at('2027-02-01T10:00:00Z') });
		const now = at('2027-03-01T10:00:00Z');
		const runs = await Promise.all([runReminders(db, { now }), runReminders(db, { now }), runReminders(db, { now })]);
		expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(2);
		for (const kind of ['screening_overdue', 'screening_escalated']) {
			const got = await receivers(kind, { name: 'ideaId', value: idea.id });
			expect(new Set(got).size).toBe(got.length);
			expect(got.length).toBeGreaterThan(0);
		}
		// Resubmitted later: the new submission has its own reminders.
		await db
			.updateTable('idea')
			.set({ submittedAt: at('2027-03-01T12:00:00Z') })
			.where('id', '=', idea.id)
			.execute();
		await runReminders(db, { now: at('2027-03-22T10:00:00Z') });
		expect(await receivers('screening_overdue', { name: 'ideaId', value: idea.id })).toEqual(
			[...ids(organisers), ...ids(organisers)].sort((x, y) => x - y)
		);
	}, 60_000);
});

describe('a bounded run', () => {
	it('sends at most its limit; the next runs send the rest, none twice', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const ideas = await Promise.all(
			[1, 2, 3].map(() => f.newIdea({ owner, competitionId: cup.id, status: 'submitted', submittedAt: at('2028-01-03T10:00:00Z') }))
		);
		// Monday 3 January 2028, 10 working days: due Monday 17; on Friday 14 each idea has one reminder due.
		const now = at('2028-01-14T10:00:00Z');
		const tally = newTally();
		expect(await countStatements(tally, () => runReminders(db, { now, limit: 2 }))).toEqual({ sent: 2 });
		expect(tally.statements).toBe(4);
		expect(await runReminders(db, { now, limit: 2 })).toEqual({ sent: 1 });
		expect(await runReminders(db, { now, limit: 2 })).toEqual({ sent: 0 });
		for (const idea of ideas) expect(await receivers('screening_due', { name: 'ideaId', value: idea.id })).toEqual(ids(organisers));
	}, 60_000);
});

describe('mentor, jury and returned-idea reminders', () => {
	it('reminds the mentor after 3 working days and the organisers after 5', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const mentor = await f.newUser({ mentor: true });
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'accepted' });
		// Thursday 19 November 2026
		await db
			.insertInto('mentorAssignment')
			.values({ ideaId: idea.id, mentorId: mentor.id, status: 'requested', createdAt: at('2026-11-19T15:00:00Z') })
			.execute();
		const about = { name: 'ideaId', value: idea.id };
		await runReminders(db, { now: at('2026-11-23T18:00:00Z') });
		expect(await receivers('mentor_reminder', about)).toEqual([]);
		await runReminders(db, { now: at('2026-11-24T06:00:00Z') });
		expect(await receivers('mentor_reminder', about)).toEqual([mentor.id]);
		expect(await receivers('mentor_request_escalated', about)).toEqual([]);
		await runReminders(db, { now: at('2026-11-26T06:00:00Z') });
		await runReminders(db, { now: at('2026-11-27T06:00:00Z') });
		expect(await receivers('mentor_request_escalated', about)).toEqual(ids(organisers));
		expect(await receivers('mentor_reminder', about)).toEqual([mentor.id]);
	}, 60_000);

	it('reminds jurors with ideas still to score before the deadline and on its day, conflicts left out', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const ideas = await Promise.all([1, 2, 3].map(() => f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' })));
		const [busy, done, conflicted] = await Promise.all([1, 2, 3].map(() => f.newUser({ departmentId: bo.id })));
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [busy, done, conflicted] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		await db
			.updateTable('round')
			.set({ scoringClosesAt: at('2027-04-15T16:00:00Z'), name: 'Semi-final BO' })
			.where('id', '=', round.id)
			.execute();
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[0].id, jurorId: busy.id, submitted: true });
		for (const i of ideas) await j.newScoreSheet({ roundId: round.id, ideaId: i.id, jurorId: done.id, submitted: true });
		// Declared conflicts with two ideas, a submitted sheet on the third: nothing left to score.
		await j.newConflict({ userId: conflicted.id, ideaId: ideas[0].id });
		await j.newConflict({ userId: conflicted.id, ideaId: ideas[1].id });
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[2].id, jurorId: conflicted.id, submitted: true });
		const about = { name: 'roundId', value: round.id };

		await runReminders(db, { now: at('2027-04-12T15:00:00Z') });
		expect(await receivers('scoring_reminder', about)).toEqual([]);
		await runReminders(db, { now: at('2027-04-12T16:00:00Z') });
		expect(await receivers('scoring_reminder', about)).toEqual([busy.id]);
		const [reminder] = await db
			.selectFrom('notification')
			.select(['params', 'link'])
			.where('kind', '=', 'scoring_reminder')
			.where('userId', '=', busy.id)
			.execute();
		expect(reminder.params).toMatchObject({ pending: 2, round: 'Semi-final BO' });
		expect(reminder.link).toBe(`/jury#round-${round.id}-h`);
		await runReminders(db, { now: at('2027-04-14T10:00:00Z') });
		await runReminders(db, { now: at('2027-04-15T07:00:00Z') });
		await runReminders(db, { now: at('2027-04-15T15:00:00Z') });
		expect(await receivers('scoring_reminder', about)).toEqual([busy.id, busy.id]);
		await runReminders(db, { now: at('2027-04-15T17:00:00Z') });
		expect(await receivers('scoring_reminder', about)).toEqual([busy.id, busy.id]);
	}, 60_000);

	it('reminds the team of a returned idea once, a week after it was returned', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const member = await f.newUser({ departmentId: bo.id });
		const idea = await f.newIdea({ owner, members: [member], competitionId: cup.id, status: 'returned' });
		await db
			.updateTable('idea')
			.set({ answeredAt: at('2027-05-03T10:00:00Z') })
			.where('id', '=', idea.id)
			.execute();
		const about = { name: 'ideaId', value: idea.id };
		await runReminders(db, { now: at('2027-05-10T09:59:00Z') });
		expect(await receivers('resubmit_reminder', about)).toEqual([]);
		await runReminders(db, { now: at('2027-05-10T10:00:00Z') });
		await runReminders(db, { now: at('2027-05-20T10:00:00Z') });
		expect(await receivers('resubmit_reminder', about)).toEqual(ids([owner, member]));
	}, 60_000);
});

describe('at the moment things happen', () => {
	it("a call opening tells exactly the eligible departments' active people, once", async () => {
		const [a, b, c] = await Promise.all(['CA', 'CB', 'CC'].map((code) => f.newDepartment(code)));
		const inA = await Promise.all([1, 2].map(() => f.newUser({ departmentId: a.id })));
		const disabledInA = await f.newUser({ departmentId: a.id });
		await db
			.updateTable('appUser')
			.set({ disabledAt: sql<Date>`now()` })
			.where('id', '=', disabledInA.id)
			.execute();
		const inB = await f.newUser({ departmentId: b.id });
		await f.newUser({ departmentId: c.id });
		const call = await f.newCompetition({
			status: 'draft',
			window: { opens: -1, closes: 30 },
			departmentIds: [a.id, b.id],
			name: 'Cup 2028'
		});
		const about = { name: 'competitionId', value: call.id };

		const tally = newTally();
		await countStatements(tally, () => changeCompetitionStatus(db, organisers[0], call.id, 'open'));
		expect(tally.statements).toBeLessThanOrEqual(4);
		expect(await receivers('call_opened', about)).toEqual(ids([...inA, inB]));
		const [told] = await db.selectFrom('notification').select(['params', 'link']).where('kind', '=', 'call_opened').execute();
		expect(told.params).toMatchObject({ competitionId: call.id, competition: 'Cup 2028' });
		expect(Object.keys(told.params as object).sort()).toEqual(['closesAt', 'competition', 'competitionId', 'opensAt']);
		expect(told.link).toBe('/ideas/new');

		// Back to draft and open again: nobody is told twice.
		await changeCompetitionStatus(db, organisers[0], call.id, 'draft');
		await changeCompetitionStatus(db, organisers[0], call.id, 'open');
		expect(await receivers('call_opened', about)).toEqual(ids([...inA, inB]));
	}, 60_000);

	it('a call without a list of departments tells every active person', async () => {
		const everyone = await f.newCompetition({ status: 'draft', window: { opens: -1, closes: 30 } });
		await changeCompetitionStatus(db, organisers[0], everyone.id, 'open');
		const active = await db.selectFrom('appUser').select('id').where('disabledAt', 'is', null).orderBy('id').execute();
		expect(await receivers('call_opened', { name: 'competitionId', value: everyone.id })).toEqual(active.map((u) => u.id));
	}, 60_000);

	it('a submission and a resubmission tell the organisers; the team gets its receipt', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const draft = await saveIdea(
			db,
			owner,
			null,
			ideaFormSchema.parse({
				title: 'Label the trays',
				problem: 'Trays of different modules get mixed up at the cleanroom entrance every week.',
				proposal: 'Colour labels per module on every tray, checked at the entrance.',
				departmentId: String(bo.id),
				competitionId: String(cup.id),
				clientKey: crypto.randomUUID()
			})
		);
		await submitIdea(db, owner, draft.id, draft.version);
		const about = { name: 'ideaId', value: draft.id };
		expect(await receivers('idea_submitted', about)).toEqual(ids(organisers));
		expect(await receivers('idea_received', about)).toEqual([owner.id]);
		// Returned and submitted again: told again.
		const returned = await db
			.updateTable('idea')
			.set({ status: 'returned', version: sql<number>`version + 1` })
			.where('id', '=', draft.id)
			.returning('version')
			.executeTakeFirstOrThrow();
		await submitIdea(db, owner, draft.id, returned.version);
		expect(await receivers('idea_submitted', about)).toEqual([...ids(organisers), ...ids(organisers)].sort((x, y) => x - y));
	}, 60_000);

	it('published results tell each juror who scored how their ideas fared, with a link to the jury home', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		const ideas = await Promise.all([1, 2, 3].map(() => f.newIdea({ owner, competitionId: cup.id, status: 'semi_final' })));
		const [both, one, drafted] = await Promise.all([1, 2, 3].map(() => f.newUser({ departmentId: bo.id })));
		const round = await j.newRound({
			competitionId: cup.id,
			status: 'closed',
			juries: [{ departmentId: bo.id, members: [both, one, drafted] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[0].id, jurorId: both.id, submitted: true });
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[1].id, jurorId: both.id, submitted: true });
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[1].id, jurorId: one.id, submitted: true });
		await j.newScoreSheet({ roundId: round.id, ideaId: ideas[2].id, jurorId: drafted.id });
		const outcomes = ['advanced', 'stopped', 'advanced'];
		for (const [i, idea] of ideas.entries())
			await db
				.updateTable('roundEntry')
				.set({ outcome: outcomes[i], outcomeReason: 'Decided by the jury.' })
				.where('roundId', '=', round.id)
				.where('ideaId', '=', idea.id)
				.execute();
		await publishResults(db, organisers[0], round.id);
		const about = { name: 'roundId', value: round.id };
		expect(await receivers('jury_outcome', about)).toEqual(ids([both, one]));
		const told = await db
			.selectFrom('notification')
			.select(['userId', 'params', 'link'])
			.where('kind', '=', 'jury_outcome')
			.where(sql<string>`params->>'roundId'`, '=', String(round.id))
			.execute();
		expect(told.find((n) => n.userId === both.id)?.params).toMatchObject({ scored: 2, advanced: 1, round: 'Semi-final' });
		expect(told.find((n) => n.userId === one.id)?.params).toMatchObject({ scored: 1, advanced: 0 });
		expect(told[0].link).toBe(`/jury#round-${round.id}-h`);
	}, 60_000);
});
