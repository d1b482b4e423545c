/**
 * The flow and mentoring dashboards on a real database: ideas with hand-written timelines
 * (idea_event) and mentor assignments, every number below counted by hand from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import type { Dashboard, InsightTable } from '$lib/domain/insight-table.js';
import type { InsightFilter } from '$lib/server/insight/filter.js';
import { statusLabel } from '$lib/i18n-labels.js';
import { loadFlowDashboard } from '$lib/server/insight/flow.service.js';
import { loadMentoringDashboard } from '$lib/server/insight/mentoring.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';

let testDb: TestDatabase;
let db: Database;

const DAY = 86_400_000;
/** Day 0: Monday 2 November 2026, 09:00 UTC. */
const T0 = Date.UTC(2026, 10, 2, 9);
const day = (n: number) => new Date(T0 + n * DAY);
/** Monday 30 November 2026, 12:00 UTC: day 28⅛. */
const NOW = new Date('2026-11-30T12:00:00Z');

const ids: Record<string, number> = {};
let cupId = 0;
let opsId = 0;
let labId = 0;

const all = (competitionId: number | null = null): InsightFilter => ({ competitionId, departmentIds: null, from: null, to: null });
const table = (d: Dashboard, id: string): InsightTable => d.tables.find((t) => t.id === id)!;
const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key)!;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	const ops = await f.newDepartment('OPS');
	const lab = await f.newDepartment('LAB');
	opsId = ops.id;
	labId = lab.id;
	const olle: SessionUser = await f.newUser({ departmentId: ops.id, name: 'Olle Ops' });
	const lotte: SessionUser = await f.newUser({ departmentId: lab.id, name: 'Lotte Lab' });
	const cup = await f.newCompetition({ name: 'Autumn cup', responseDays: 5 });
	const other = await f.newCompetition({ name: 'Other cup', responseDays: 5 });
	cupId = cup.id;

	/** An idea whose timeline is the given [status, day] changes; its status is the last one. */
	const idea = async (key: string, owner: SessionUser, steps: [string, number][], competitionId = cup.id) => {
		const status = steps[steps.length - 1][0];
		const row = await f.newIdea({ owner, competitionId, status, title: key });
		ids[key] = row.id;
		const firstSubmitted = steps.find(([s]) => s === 'submitted');
		await db
			.updateTable('idea')
			.set({ createdAt: day(steps[0][1]), firstSubmittedAt: firstSubmitted ? day(firstSubmitted[1]) : null })
			.where('id', '=', row.id)
			.execute();
		await db
			.insertInto('ideaEvent')
			.values(
				steps.map(([to, d], i) => ({
					ideaId: row.id,
					actorId: owner.id,
					kind: i === 0 ? 'created' : 'status_changed',
					fromStatus: i === 0 ? null : steps[i - 1][0],
					toStatus: to,
					createdAt: day(d)
				}))
			)
			.execute();
		// A comment-like event without a status change does not count.
		await db
			.insertInto('ideaEvent')
			.values({ ideaId: row.id, actorId: owner.id, kind: 'attachment_added', createdAt: day(steps[0][1]) })
			.execute();
	};

	// Operations: six ideas.
	await idea('A winner', olle, [
		['draft', 0],
		['submitted', 1],
		['accepted', 3],
		['coaching', 4],
		['semi_final', 10],
		['finalist', 15],
		['winner', 20],
		['implemented', 22],
		['published', 24]
	]);
	await idea('B returned and resubmitted', olle, [
		['draft', 0],
		['submitted', 0],
		['returned', 8],
		['submitted', 9],
		['accepted', 11]
	]);
	await idea('C declined', olle, [
		['draft', 0],
		['submitted', 2],
		['declined', 4]
	]);
	await idea('D overdue', olle, [
		['draft', 0],
		['submitted', 14]
	]);
	await idea('E in time', olle, [
		['draft', 0],
		['submitted', 25],
		['screening', 26]
	]);
	await idea('F implemented', olle, [
		['draft', 0],
		['submitted', 1],
		['accepted', 2],
		['implemented', 5]
	]);
	// The Lab: two ideas.
	await idea('G not advanced', lotte, [
		['draft', 0],
		['submitted', 0],
		['accepted', 1],
		['semi_final', 6],
		['not_advanced', 12]
	]);
	await idea('H withdrawn', lotte, [
		['draft', 0],
		['submitted', 0],
		['withdrawn', 2]
	]);
	// Never submitted, and another edition's idea.
	await idea('I draft', olle, [['draft', 3]]);
	await idea(
		'J other cup',
		olle,
		[
			['draft', 0],
			['submitted', 1]
		],
		other.id
	);

	// Mentors: Max and Quinn in Operations, Nora and Paula (paused) in the Lab.
	const mentoring = mentoringFactories(db);
	const max = await mentoring.newMentor({ departmentId: ops.id, name: 'Max Mentor', capacity: 3 });
	const nora = await mentoring.newMentor({ departmentId: lab.id, name: 'Nora Mentor', capacity: 2 });
	const quinn = await mentoring.newMentor({ departmentId: ops.id, name: 'Quinn Mentor', capacity: 1 });
	await mentoring.newMentor({ departmentId: lab.id, name: 'Paula Paused', capacity: 4, status: 'paused' });
	const assign = async (
		idea: string,
		mentorId: number,
		status: 'proposed' | 'accepted' | 'declined' | 'ended' | 'requested',
		asked: number,
		answered: number | null
	) => {
		const row = await mentoring.newAssignment({ ideaId: ids[idea], mentorId, status: status === 'requested' ? 'declined' : status });
		await db
			.updateTable('mentorAssignment')
			.set({ status, createdAt: day(asked), answeredAt: answered === null ? null : day(answered) })
			.where('id', '=', row.id)
			.execute();
	};
	await assign('A winner', max.id, 'ended', 3, 4); // coached, finished: 1 day to answer
	await assign('B returned and resubmitted', max.id, 'accepted', 11, 13); // coached now: 2 days
	await assign('F implemented', nora.id, 'declined', 2, 5); // declined: 3 days, F not coached
	await assign('F implemented', max.id, 'proposed', 27, null); // waiting for Max's answer
	await assign('G not advanced', nora.id, 'accepted', 1, 2); // coached: 1 day
	await assign('G not advanced', max.id, 'requested', 1, null); // the team's wish: not a proposal
	await assign('J other cup', quinn.id, 'accepted', 1, 5); // another edition: 4 days
});

afterAll(async () => {
	await testDb?.close();
});

describe('flow dashboard', () => {
	it('counts the funnel from every status an idea held', async () => {
		const d = await loadFlowDashboard(db, all(cupId), { now: NOW });
		const funnel = table(d, 'funnel');
		expect(funnel.rows.map((r) => r.ideas)).toEqual([8, 4, 2, 1, 1, 2, 1]);
		// accepted 4 of 8; semi-final 2 of 4; implemented 2 of 1 awarded (an idea can skip the judging)
		expect(funnel.rows.map((r) => r.fromPrevious)).toEqual([null, 0.5, 0.5, 0.5, 1, 2, 0.5]);
		expect(funnel.rows[6].fromFirst).toBe(0.125);
		expect(figure(d, 'submitted').value).toBe(8);
		expect(figure(d, 'accepted-share').value).toBe(0.5);
	});

	it('measures the time in each stage: median and 90th percentile', async () => {
		const d = await loadFlowDashboard(db, all(cupId), { now: NOW });
		const rows = table(d, 'time-in-stage').rows;
		// draft 0,0,0,1,1,2,14,25 · waiting 1,1,2,2,2,3⅛,10,14⅛ · returned 1 · coaching 3,5,7,17⅛ · semi-final 5,6 · final 5
		expect(rows.map((r) => [r.median, r.p90, r.ideas])).toEqual([
			[1, 17.3, 8],
			[2, 11.2, 8],
			[1, 1, 1],
			[6, 14.1, 4],
			[5.5, 5.9, 2],
			[5, 5, 1]
		]);
	});

	it('screening in time per department, the Lab merged into Other and, being one wait only, Operations with it', async () => {
		const d = await loadFlowDashboard(db, all(cupId), { now: NOW });
		// Operations: A, B (second), C, F in time; B (first) and D (open, overdue) late. The Lab: G in time, H withdrawn.
		// The Lab's 1 wait is under five; an Other of 1 would still single it out, so the next
		// smallest group (Operations, 6) joins: Other 7 waits, 5 in time, 2 late.
		expect(table(d, 'screening-response').rows).toEqual([{ department: 'Other', share: 0.714, onTime: 5, late: 2 }]);
		expect(figure(d, 'screening-on-time')).toMatchObject({ value: 0.714, warn: true });
		// answers: 2, 8, 2, 2, 1, 1 days
		expect(figure(d, 'answer-days').value).toBe(2);
		expect(figure(d, 'waiting-now')).toMatchObject({ value: 2, warn: true });
	});

	it('lists the ideas waiting longest in their current status', async () => {
		const d = await loadFlowDashboard(db, all(cupId), { now: NOW });
		expect(table(d, 'waiting-longest').rows).toEqual([
			{ title: 'B returned and resubmitted', department: 'Department OPS', status: statusLabel('accepted'), days: 17.1 },
			{ title: 'D overdue', department: 'Department OPS', status: statusLabel('submitted'), days: 14.1 },
			{ title: 'E in time', department: 'Department OPS', status: statusLabel('screening'), days: 2.1 }
		]);
	});

	it('filters by department, edition and period', async () => {
		const lab = await loadFlowDashboard(db, { ...all(cupId), departmentIds: [labId] }, { now: NOW });
		expect(figure(lab, 'submitted').value).toBe(2);
		const everyEdition = await loadFlowDashboard(db, all(), { now: NOW });
		expect(figure(everyEdition, 'submitted').value).toBe(9);
		// first submitted 10..20 November (Amsterdam days): D only (16 November)
		const period = await loadFlowDashboard(db, { ...all(cupId), from: '2026-11-10', to: '2026-11-20' }, { now: NOW });
		expect(figure(period, 'submitted').value).toBe(1);
		const none = await loadFlowDashboard(db, { ...all(cupId), departmentIds: [] }, { now: NOW });
		expect(figure(none, 'submitted').value).toBe(0);
		expect(figure(none, 'screening-on-time').value).toBeNull();
		expect(opsId).toBeGreaterThan(0);
	});

	it('runs at most four statements', async () => {
		const tally = newTally();
		await countStatements(tally, () => loadFlowDashboard(db, all(), { now: NOW }));
		expect(tally.statements).toBeLessThanOrEqual(4);
	});
});

describe('mentoring dashboard', () => {
	it("load per mentor: the mentors of the edition's ideas, most mentees first", async () => {
		const d = await loadMentoringDashboard(db, all(cupId), { now: NOW });
		expect(table(d, 'mentor-load').rows).toEqual([
			{ mentor: 'Max Mentor', mentees: 1, capacity: 3, proposed: 1, department: 'Department OPS' },
			{ mentor: 'Nora Mentor', mentees: 1, capacity: 2, proposed: 0, department: 'Department LAB' }
		]);
		expect(figure(d, 'active-mentors').value).toBe(2);
		expect(figure(d, 'mentees-per-mentor').value).toBe(1);
	});

	it('unfiltered, every active mentor; a department, only the mentors of its ideas', async () => {
		const d = await loadMentoringDashboard(db, all(), { now: NOW });
		expect(table(d, 'mentor-load').rows.map((r) => r.mentor)).toEqual(['Max Mentor', 'Nora Mentor', 'Quinn Mentor']);
		const lab = await loadMentoringDashboard(db, { ...all(cupId), departmentIds: [labId] }, { now: NOW });
		expect(table(lab, 'mentor-load').rows.map((r) => r.mentor)).toEqual(['Nora Mentor']);
	});

	it('time to answer a proposal: 1, 2, 3 and 1 days in November; the open one is a note', async () => {
		const d = await loadMentoringDashboard(db, all(cupId), { now: NOW });
		const answer = table(d, 'answer-time');
		expect(answer.rows).toEqual([{ month: '2026-11', median: 1.5, p90: 2.7, answered: 4 }]);
		expect(answer.note).toContain('1');
		expect(figure(d, 'answer-days').value).toBe(1.5);
	});

	it('coached ideas against ideas without a mentor, of the accepted ideas', async () => {
		const d = await loadMentoringDashboard(db, all(cupId), { now: NOW });
		// coached: A (every stage), B (none yet), G (semi-final); without a mentor: F (implemented)
		expect(table(d, 'coached-outcomes').rows.map((r) => [r.coached, r.alone])).toEqual([
			[0.667, 0],
			[0.333, 0],
			[0.333, 0],
			[0.333, 1]
		]);
		expect(figure(d, 'coached-semi-final').value).toBe(0.667);
	});

	it('runs at most four statements', async () => {
		const tally = newTally();
		await countStatements(tally, () => loadMentoringDashboard(db, all(), { now: NOW }));
		expect(tally.statements).toBeLessThanOrEqual(4);
	});
});
