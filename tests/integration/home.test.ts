/**
 * Each role's home page on a real database: the calls, my ideas and notifications every
 * employee sees, and the mentor, jury, organiser and admin sections, counted by hand from
 * the rows built below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { loadHome } from '$lib/server/home/home.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';

let testDb: TestDatabase;
let db: Database;

let eva: SessionUser; // employee in Operations, on four ideas
let lars: SessionUser; // employee in the Lab
let max: SessionUser; // mentor: one idea coached, one proposal waiting
let nora: SessionUser; // mentor without ideas
let paula: SessionUser; // mentor profile paused
let judy: SessionUser; // juror
let olga: SessionUser; // organiser
let ada: SessionUser; // admin

const ids: Record<string, number> = {};
const notifications: number[] = [];
let winterSemiId = 0;
const DAY = 86_400_000;

/** Monday 30 November 2026, noon UTC: the organiser's "now" for working-day counts. */
const MONDAY = new Date('2026-11-30T12:00:00Z');

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	const judging = judgingFactories(db);
	const mentoring = mentoringFactories(db);

	const ops = await f.newDepartment('OPS');
	const lab = await f.newDepartment('LAB');
	eva = await f.newUser({ departmentId: ops.id, name: 'Eva Employee' });
	const finn = await f.newUser({ departmentId: ops.id, name: 'Finn Fitter' });
	lars = await f.newUser({ departmentId: lab.id, name: 'Lars Laborant' });
	max = await mentoring.newMentor({ departmentId: ops.id, name: 'Max Mentor', capacity: 3 });
	nora = await mentoring.newMentor({ departmentId: lab.id, name: 'Nora Mentor', capacity: 2 });
	paula = await mentoring.newMentor({ departmentId: lab.id, name: 'Paula Paused', capacity: 4, status: 'paused' });
	judy = await f.newUser({ departmentId: ops.id, name: 'Judy Juror' });
	olga = await f.newUser({ departmentId: lab.id, name: 'Olga Organiser', roles: ['organiser'] });
	ada = await f.newUser({ departmentId: lab.id, name: 'Ada Admin', roles: ['admin'] });
	const dirk = await f.newUser({ departmentId: lab.id, name: 'Dirk Disabled' });
	await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', dirk.id).execute();

	// Competitions, by when their window opens (days from now).
	const spring = await f.newCompetition({
		name: 'Spring cup',
		window: { opens: -30, closes: 30 },
		responseDays: 5,
		callText: 'Send us **your** ideas.<script>alert(1)</script>'
	});
	const depot = await f.newCompetition({ name: 'Depot cup', window: { opens: -10, closes: 10 }, departmentIds: [ops.id] });
	await f.newCompetition({ name: 'Lab cup', window: { opens: -5, closes: 20 }, departmentIds: [lab.id] });
	const winter = await f.newCompetition({ name: 'Winter cup', status: 'judging', window: { opens: -90, closes: -1 } });
	const old = await f.newCompetition({ name: 'Old cup', status: 'closed', window: { opens: -400, closes: -300 } });
	await f.newCompetition({ name: 'Next cup', status: 'draft', window: { opens: 10, closes: 40 } });

	// Spring cup: sixteen ideas, one in every status but merged.
	const idea = async (key: string, owner: SessionUser, status: string, more: { submittedAt?: Date; members?: SessionUser[] } = {}) =>
		(ids[key] = (await f.newIdea({ owner, competitionId: spring.id, status, title: key, ...more })).id);
	await idea('Eva draft', eva, 'draft');
	await idea('Finn draft', finn, 'draft');
	await idea('Finn submitted', finn, 'submitted', { submittedAt: new Date('2026-11-20T09:00:00Z'), members: [eva] });
	await idea('Lars submitted', lars, 'submitted', { submittedAt: new Date('2026-11-23T09:00:00Z') });
	await idea('Finn screening', finn, 'screening', { submittedAt: new Date('2026-11-02T09:00:00Z') });
	await idea('Lars returned', lars, 'returned');
	await idea('Eva declined', eva, 'declined');
	await idea('Finn withdrawn', finn, 'withdrawn');
	await idea('Lars accepted', lars, 'accepted');
	await idea('Eva coaching', eva, 'coaching');
	await idea('Finn semi-final', finn, 'semi_final');
	await idea('Finn not advanced', finn, 'not_advanced');
	await idea('Lars finalist', lars, 'finalist');
	await idea('Lars winner', lars, 'winner');
	await idea('Finn implemented', finn, 'implemented');
	await idea('Lars published', lars, 'published');
	// Outside any competition, and in the other competitions.
	await f.newIdea({ owner: lars, competitionId: null, status: 'submitted', title: 'Lars loose idea' });
	await f.newIdea({ owner: finn, competitionId: depot.id, status: 'submitted', submittedAt: new Date('2026-11-27T09:00:00Z') });
	await f.newIdea({ owner: finn, competitionId: winter.id, status: 'submitted', submittedAt: new Date('2026-10-01T09:00:00Z') });
	const semi = async (owner: SessionUser, title?: string) =>
		(await f.newIdea({ owner, competitionId: winter.id, status: 'semi_final', title })).id;
	const [a, b, c, d] = [await semi(finn), await semi(finn), await semi(finn), await semi(lars)];
	const [fIdea, g] = [await semi(finn, 'Winter F'), await semi(lars, 'Winter G')];
	ids['Winter B'] = b;
	ids['Winter F'] = fIdea;
	const e = (await f.newIdea({ owner: finn, competitionId: old.id, status: 'not_advanced' })).id;

	// Eva's ideas, last touched one, two, three and four days ago.
	for (const [key, daysAgo] of [
		['Eva draft', 1],
		['Finn submitted', 2],
		['Eva coaching', 3],
		['Eva declined', 4]
	] as const) {
		await db
			.updateTable('idea')
			.set({ updatedAt: new Date(Date.now() - daysAgo * 86_400_000) })
			.where('id', '=', ids[key])
			.execute();
	}

	// Max coaches Eva's idea (two checklist items done) and has a proposal waiting for Lars's;
	// his earlier declined and ended assignments are history.
	await mentoring.newAssignment({ ideaId: ids['Eva coaching'], mentorId: max.id, status: 'accepted' });
	await mentoring.tickChecklist(ids['Eva coaching'], ['problem_defined', 'baseline_measured'], max.id);
	await mentoring.newAssignment({ ideaId: ids['Lars accepted'], mentorId: max.id, status: 'proposed' });
	await mentoring.newAssignment({ ideaId: ids['Finn semi-final'], mentorId: max.id, status: 'declined' });
	await mentoring.newAssignment({ ideaId: ids['Finn not advanced'], mentorId: max.id, status: 'ended' });
	await mentoring.newAssignment({ ideaId: ids['Finn implemented'], mentorId: paula.id, status: 'accepted' });

	// Judy sits on three juries. Winter semi-final (open): A, B, C, F and G for Operations, D for
	// the Lab's jury; she declared a conflict on C, manages Lars (so G is not hers to score: a
	// conflict found live, never recorded), submitted A and has a draft sheet for B.
	// Presentations: G first, then F, then B; A and C have no slot.
	const winterSemi = await judging.newRound({
		competitionId: winter.id,
		status: 'open',
		juries: [
			{ departmentId: ops.id, members: [judy] },
			{ departmentId: lab.id, members: [] }
		],
		entries: [a, b, c, fIdea, g].map((ideaId) => ({ ideaId, departmentId: ops.id })).concat([{ ideaId: d, departmentId: lab.id }])
	});
	winterSemiId = winterSemi.id;
	await judging.newConflict({ userId: judy.id, ideaId: c });
	await db.updateTable('appUser').set({ managerId: judy.id }).where('id', '=', lars.id).execute();
	const slot = (ideaId: number, hour: number) => ({
		roundId: winterSemi.id,
		ideaId,
		startsAt: new Date(Date.now() + DAY + hour * 3_600_000),
		endsAt: new Date(Date.now() + DAY + (hour + 0.5) * 3_600_000)
	});
	await db
		.insertInto('presentationSlot')
		.values([slot(g, 1), slot(fIdea, 2), slot(b, 3)])
		.execute();
	await judging.newScoreSheet({ roundId: winterSemi.id, ideaId: a, jurorId: judy.id, submitted: true });
	await judging.newScoreSheet({ roundId: winterSemi.id, ideaId: b, jurorId: judy.id });
	// Old semi-final (closed): she scored E, and declared a conflict with it afterwards.
	const oldSemi = await judging.newRound({
		competitionId: old.id,
		status: 'closed',
		juries: [{ departmentId: ops.id, members: [judy] }],
		entries: [{ ideaId: e, departmentId: ops.id }]
	});
	await judging.newScoreSheet({ roundId: oldSemi.id, ideaId: e, jurorId: judy.id, submitted: true });
	await judging.newConflict({ userId: judy.id, ideaId: e });
	// Spring final (draft), nothing entered yet.
	await judging.newRound({ competitionId: spring.id, kind: 'final', status: 'draft', juries: [{ departmentId: null, members: [judy] }] });
	judy = await judging.reload(judy);

	// Lars's returned idea waits for him: returned twice, the second time two days ago; twenty
	// loose drafts of his were touched since.
	await db
		.updateTable('idea')
		.set({ updatedAt: new Date(Date.now() - 30 * DAY) })
		.where('id', '=', ids['Lars returned'])
		.execute();
	const returned = (reason: string, daysAgo: number) => ({
		ideaId: ids['Lars returned'],
		actorId: olga.id,
		kind: 'status_changed',
		fromStatus: 'submitted',
		toStatus: 'returned',
		reason,
		createdAt: new Date(Date.now() - daysAgo * DAY)
	});
	await db
		.insertInto('ideaEvent')
		.values([returned('Please add the numbers.', 10), returned('Which stations does it concern?', 2)])
		.execute();
	for (let i = 0; i < 20; i++) await f.newIdea({ owner: lars, competitionId: null, title: `Lars loose draft ${i}` });

	// Six notifications for Eva, dated out of insertion order; one for Finn.
	for (const hoursAgo of [1, 6, 2, 5, 3, 4]) {
		notifications.push((await f.newNotification({ userId: eva.id, link: `/ideas/${hoursAgo}`, hoursAgo })).id);
	}
	await f.newNotification({ userId: finn.id, hoursAgo: 0 });
}, 120_000);

afterAll(async () => {
	await testDb?.close();
});

describe(`home (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	describe('every employee', () => {
		it('sees the open calls their department may enter, soonest closing first, the call text rendered and sanitised', async () => {
			const { calls } = await loadHome(db, eva);
			expect(calls.map((c) => c.name)).toEqual(['Depot cup', 'Spring cup']);
			expect(calls[1].callHtml).toBe('<p>Send us <strong>your</strong> ideas.</p>\n');
			expect(calls[0].callHtml).toBe('');
			expect((await loadHome(db, lars)).calls.map((c) => c.name)).toEqual(['Lab cup', 'Spring cup']);
		});

		it('learns of a call open to other departments only, so nobody reads "no open call" while one runs', async () => {
			expect((await loadHome(db, eva)).callsElsewhere.map((c) => c.name)).toEqual(['Lab cup']);
			// The organiser works in the Lab: the Depot cup is open, but not for her department.
			const home = await loadHome(db, olga);
			expect(home.calls.map((c) => c.name)).toEqual(['Lab cup', 'Spring cup']);
			expect(home.callsElsewhere.map(({ name }) => ({ name }))).toEqual([{ name: 'Depot cup' }]);
		});

		it('finds an idea returned for changes first, with the latest message, however many ideas were touched since', async () => {
			const home = await loadHome(db, lars);
			expect(home.waiting.map(({ id, title, message, competitionName }) => ({ id, title, message, competitionName }))).toEqual([
				{ id: ids['Lars returned'], title: 'Lars returned', message: 'Which stations does it concern?', competitionName: 'Spring cup' }
			]);
			expect(Math.round((Date.now() - new Date(home.waiting[0].returnedAt!).getTime()) / DAY)).toBe(2);
			// Twenty ideas listed: the nineteen drafts touched last, and the returned one of a month ago.
			expect(home.myIdeas).toHaveLength(20);
			expect(home.myIdeas[0].title).toBe('Lars loose draft 19');
			expect(home.myIdeas[19]).toMatchObject({ title: 'Lars returned', status: 'returned', holder: 'team' });
			expect((await loadHome(db, eva)).waiting).toEqual([]);
		});

		it('sees the ideas they are on, last touched first, with their part and who holds each', async () => {
			const { myIdeas } = await loadHome(db, eva);
			expect(myIdeas.map(({ title, role, holder, competitionName }) => ({ title, role, holder, competitionName }))).toEqual([
				{ title: 'Eva draft', role: 'owner', holder: 'team', competitionName: 'Spring cup' },
				{ title: 'Finn submitted', role: 'member', holder: 'organiser', competitionName: 'Spring cup' },
				{ title: 'Eva coaching', role: 'owner', holder: 'mentor', competitionName: 'Spring cup' },
				{ title: 'Eva declined', role: 'owner', holder: 'nobody', competitionName: 'Spring cup' }
			]);
		});

		it('sees their own five newest notifications, newest first', async () => {
			const home = await loadHome(db, eva);
			// Inserted 1, 6, 2, 5, 3 and 4 hours ago: the one of 6 hours ago falls off.
			const [h1, , h2, h5, h3, h4] = notifications;
			expect(home.notifications.map((n) => n.id)).toEqual([h1, h2, h3, h4, h5]);
			expect(home.notifications.map((n) => n.link)).toEqual(['/ideas/1', '/ideas/2', '/ideas/3', '/ideas/4', '/ideas/5']);
			expect((await loadHome(db, lars)).notifications).toEqual([]);
		});

		it('gets no mentor, jury, organiser or admin section', async () => {
			expect(eva.roles).toEqual(['employee']);
			expect(await loadHome(db, eva)).toMatchObject({ mentor: null, juror: null, organiser: null, admin: null });
		});
	});

	describe('a mentor', () => {
		it('sees the proposal waiting for an answer first, then the idea they coach, with checklist progress and capacity', async () => {
			const { mentor } = await loadHome(db, max);
			expect(mentor).toMatchObject({ capacity: 3, active: 1, waiting: 1, placesInUse: 2 });
			expect(
				mentor!.mentees.map(({ title, assignmentStatus, checksDone, departmentName, team }) => ({
					title,
					assignmentStatus,
					checksDone,
					departmentName,
					team
				}))
			).toEqual([
				{ title: 'Lars accepted', assignmentStatus: 'proposed', checksDone: 0, departmentName: 'Department LAB', team: 'Lars Laborant' },
				{ title: 'Eva coaching', assignmentStatus: 'accepted', checksDone: 2, departmentName: 'Department OPS', team: 'Eva Employee' }
			]);
		});

		it('without ideas sees an empty list and their capacity; a paused mentor has no mentor section', async () => {
			expect((await loadHome(db, nora)).mentor).toEqual({ mentees: [], capacity: 2, active: 0, waiting: 0, placesInUse: 0 });
			expect(paula.roles).not.toContain('mentor');
			expect((await loadHome(db, paula)).mentor).toBeNull();
		});
	});

	describe('a juror', () => {
		it('sees each round: open first, then draft, then closed, with the ideas to score less conflicts, and what is pending', async () => {
			const { juror } = await loadHome(db, judy);
			expect(
				juror!.map(({ roundName, kind, status, competitionName, toScore, scored, pending, next }) => ({
					roundName,
					kind,
					status,
					competitionName,
					toScore,
					scored,
					pending,
					next
				}))
			).toEqual([
				// A, B and F to score (C is a declared conflict, G a live one, D is the Lab jury's); A
				// submitted, B only a draft. Next in presentation order: F (G presents first, but is not hers).
				{
					roundName: 'Semi-final',
					kind: 'semi_final',
					status: 'open',
					competitionName: 'Winter cup',
					toScore: 3,
					scored: 1,
					pending: 2,
					next: { ideaId: ids['Winter F'], title: 'Winter F' }
				},
				{
					roundName: 'Final',
					kind: 'final',
					status: 'draft',
					competitionName: 'Spring cup',
					toScore: 0,
					scored: 0,
					pending: 0,
					next: null
				},
				// E was scored before the conflict was declared: nothing pending, never below zero.
				{
					roundName: 'Semi-final',
					kind: 'semi_final',
					status: 'closed',
					competitionName: 'Old cup',
					toScore: 0,
					scored: 1,
					pending: 0,
					next: null
				}
			]);
		});

		it('continues with the next idea without a submitted sheet (a draft counts as still to score), and none once all are in', async () => {
			const next = async () => (await loadHome(db, judy)).juror![0].next;
			const sheet = await db
				.insertInto('scoreSheet')
				.values({ roundId: winterSemiId, ideaId: ids['Winter F'], jurorId: judy.id, submittedAt: new Date() })
				.returning('id')
				.executeTakeFirstOrThrow();
			try {
				expect((await next())?.ideaId).toBe(ids['Winter B']);
				await db
					.updateTable('scoreSheet')
					.set({ submittedAt: new Date() })
					.where('roundId', '=', winterSemiId)
					.where('ideaId', '=', ids['Winter B'])
					.execute();
				expect(await next()).toBeNull();
				expect((await loadHome(db, judy)).juror![0]).toMatchObject({ toScore: 3, scored: 3, pending: 0 });
			} finally {
				await db
					.updateTable('scoreSheet')
					.set({ submittedAt: null })
					.where('roundId', '=', winterSemiId)
					.where('ideaId', '=', ids['Winter B'])
					.execute();
				await db.deleteFrom('scoreSheet').where('id', '=', sheet.id).execute();
			}
		});
	});

	describe('an organiser', () => {
		it("sees each running competition's funnel, last opened first, with the ideas waiting, overdue and declined", async () => {
			const { organiser } = await loadHome(db, olga, MONDAY);
			const summary = organiser!.map((c) => ({
				name: c.name,
				funnel: Object.fromEntries(c.funnel.map((s) => [s.stage, s.count])),
				funnelMax: c.funnelMax,
				waiting: c.waiting,
				overdue: c.overdue,
				declined: c.declined
			}));
			const none = { draft: 0, submitted: 0, accepted: 0, semi_final: 0, final: 0, implemented: 0 };
			expect(summary).toEqual([
				{ name: 'Lab cup', funnel: none, funnelMax: 1, waiting: 0, overdue: 0, declined: 0 },
				// Submitted Friday 27 November: one working day (Monday) on a response time of 10.
				{ name: 'Depot cup', funnel: { ...none, submitted: 1 }, funnelMax: 1, waiting: 1, overdue: 0, declined: 0 },
				{
					name: 'Spring cup',
					// 2 drafts; 14 submitted at some point; 8 accepted and beyond; 6 reached the
					// semi-final; 4 the final (finalist, winner, implemented, published); 2 implemented.
					funnel: { draft: 2, submitted: 14, accepted: 8, semi_final: 6, final: 4, implemented: 2 },
					funnelMax: 14,
					// Waiting: two submitted, one in screening. Overdue on 5 working days: the one of
					// Friday 20 November (6 working days) and the one in screening since 2 November;
					// Monday 23 November is 5 working days, still in time.
					waiting: 3,
					overdue: 2,
					declined: 1
				},
				{
					name: 'Winter cup',
					funnel: { ...none, submitted: 7, accepted: 6, semi_final: 6 },
					funnelMax: 7,
					waiting: 1,
					overdue: 1,
					declined: 0
				}
			]);
		});

		it('counts overdue ideas in working days, so a weekend does not count', async () => {
			const spring = async (now: string) =>
				(await loadHome(db, olga, new Date(now))).organiser!.find((c) => c.name === 'Spring cup')!.overdue;
			// Friday 27 November: 20 November is 5 working days back, 23 November 4: only screening is overdue.
			expect(await spring('2026-11-27T12:00:00Z')).toBe(1);
			// Sunday 29 November: still 5 and 4, the weekend adds nothing.
			expect(await spring('2026-11-29T12:00:00Z')).toBe(1);
			// Tuesday 1 December: 7 and 6 working days, both overdue.
			expect(await spring('2026-12-01T12:00:00Z')).toBe(3);
		});
	});

	describe('the statements it takes', () => {
		it('reads one statement for everyone and one more for the jury and organiser sections, however many rows there are', async () => {
			const counted = async (user: SessionUser) => {
				const tally = newTally();
				await countStatements(tally, () => loadHome(db, user, MONDAY));
				return tally.statements;
			};
			// Eva: calls, her ideas, notifications in one; Max's mentor card and Ada's organisation
			// counts come with it; Judy's three rounds and Olga's four funnels are one more each.
			expect({
				eva: await counted(eva),
				lars: await counted(lars),
				max: await counted(max),
				judy: await counted(judy),
				olga: await counted(olga),
				ada: await counted(ada)
			}).toEqual({ eva: 1, lars: 1, max: 1, judy: 2, olga: 2, ada: 1 });
		});
	});

	describe('an admin', () => {
		it('sees how many people, disabled people and departments there are', async () => {
			// Eva, Finn, Lars, Max, Nora, Paula, Judy, Olga, Ada and Dirk (disabled), in two departments.
			const home = await loadHome(db, ada);
			expect(home.admin).toEqual({ people: 10, disabled: 1, departments: 2 });
			expect(home.organiser).toBeNull();
			expect((await loadHome(db, olga)).admin).toBeNull();
		});
	});
});
