/** Mentoring on a real database: profiles, suggestions, assignment under concurrency, answers, the coaching space. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError } from '$lib/server/errors.js';
import { addCoachingLog, getCoachingSpace, markReady, setChecklistItem } from '$lib/server/mentoring/coaching.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { addMentor, getOwnProfile, saveOwnProfile, setMentorAvailability } from '$lib/server/mentoring/mentor-profiles.service.js';
import { answerProposal, assignAll, assignMentor, endMentorship, requestMentor } from '$lib/server/mentoring/assignment.service.js';
import { getMentorHome } from '$lib/server/mentoring/mentor-home.service.js';
import { getMentoringOverview, previewAssignAll } from '$lib/server/mentoring/suggestions.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let mf: ReturnType<typeof mentoringFactories>;
let bo: { id: number };
let eng: { id: number };
let owner: SessionUser;
let colleague: SessionUser;
let organiser: SessionUser;
let organiser2: SessionUser;
let cup: { id: number };

const code = async (p: Promise<unknown>) => {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (e instanceof DomainError)
			return 'fields' in e ? Object.values((e as unknown as { fields: Record<string, string[]> }).fields)[0][0] : e.code;
		throw e;
	}
};

const acceptedIdea = async (title?: string, tags: string[] = []) => {
	const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'accepted', title });
	if (tags.length) await mf.tagIdea(idea.id, tags);
	return idea;
};

const activeAssignments = (mentorId: number) =>
	db
		.selectFrom('mentorAssignment')
		.select('ideaId')
		.where('mentorId', '=', mentorId)
		.where('status', 'in', ['proposed', 'accepted'])
		.execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	mf = mentoringFactories(db);
	bo = await f.newDepartment('BO');
	eng = await f.newDepartment('ENG');
	owner = await f.newUser({ departmentId: bo.id, name: 'Sanne Operator' });
	colleague = await f.newUser({ departmentId: bo.id, name: 'Kees Colleague' });
	organiser = await f.newUser({ roles: ['organiser'], name: 'Olga Organiser' });
	organiser2 = await f.newUser({ roles: ['organiser'], name: 'Otto Organiser' });
	cup = await f.newCompetition({ open: false });
});

afterAll(async () => {
	await testDb?.close();
});

describe('mentor profiles', () => {
	it('an employee opts in with expertise, languages and capacity, and becomes a mentor', async () => {
		const person = await f.newUser({ departmentId: eng.id, name: 'Nina New' });
		expect(person.roles).not.toContain('mentor');
		expect((await getOwnProfile(db, person)).profile).toBeNull();
		const result = await saveOwnProfile(db, person, {
			expertise: ['lean', 'presenting'],
			languages: ['nl'],
			capacity: 2,
			bio: 'Green Belt',
			status: 'active'
		});
		expect(result.optedIn).toBe(true);
		const { profile } = await getOwnProfile(db, person);
		expect(profile).toMatchObject({ expertise: ['lean', 'presenting'], languages: ['nl'], capacity: 2, status: 'active' });
		const audit = await db.selectFrom('auditLog').select('action').where('objectId', '=', String(person.id)).execute();
		expect(audit.map((a) => a.action)).toContain('mentoring.opted_in');
	});

	it('refuses a capacity below the ideas the mentor coaches now', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, capacity: 2 });
		const a = await acceptedIdea();
		const b = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: a.id, mentorId: mentor.id });
		await assignMentor(db, organiser, { ideaId: b.id, mentorId: mentor.id });
		expect(await code(saveOwnProfile(db, mentor, { expertise: ['lean'], languages: ['en'], capacity: 1, bio: '', status: 'active' }))).toBe(
			'capacity_below_load'
		);
	});

	it('organisers add a mentor and pause or resume one; others may not', async () => {
		const person = await f.newUser({ departmentId: eng.id, name: 'Piet Added' });
		await addMentor(db, organiser, { userId: person.id, expertise: ['safety'], capacity: 2 });
		expect(await code(addMentor(db, organiser, { userId: person.id, expertise: ['safety'], capacity: 2 }))).toBe('already_mentor');
		await setMentorAvailability(db, organiser, { userId: person.id, status: 'paused' });
		const row = await db.selectFrom('mentorProfile').select('status').where('userId', '=', person.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('paused');
		expect(await code(setMentorAvailability(db, owner, { userId: person.id, status: 'active' }))).toBe('not_found');
	});
});

describe('suggestions and assignment', () => {
	it('suggests matching mentors first with the reason, leaves out paused and full mentors and the team', async () => {
		const dept = await f.newDepartment('QA');
		const expert = await mf.newMentor({ departmentId: dept.id, name: 'Aaron Expert', expertise: ['welding', 'torque'], capacity: 3 });
		const paused = await mf.newMentor({ departmentId: dept.id, name: 'Paula Paused', expertise: ['welding', 'torque'], status: 'paused' });
		const idea = await acceptedIdea('Torque welding fixture', ['torque', 'welding']);
		const overview = await getMentoringOverview(db, organiser);
		const row = overview.ideas.find((i) => i.id === idea.id)!;
		expect(row.suggestions[0]).toMatchObject({ userId: expert.id, reasons: { matches: ['torque', 'welding'], free: 3, capacity: 3 } });
		expect(row.others.map((o) => o.userId)).not.toContain(paused.id);
		expect(row.others.map((o) => o.userId)).not.toContain(owner.id);
	});

	it('proposes a mentor: the mentor is asked, the timeline records it, the idea leaves the queue', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, expertise: ['lean'], capacity: 2 });
		const idea = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		const overview = await getMentoringOverview(db, organiser);
		expect(overview.ideas.map((i) => i.id)).not.toContain(idea.id);
		expect(overview.unanswered.map((u) => u.ideaId)).toContain(idea.id);
		const note = await db.selectFrom('notification').select(['kind', 'link']).where('userId', '=', mentor.id).executeTakeFirstOrThrow();
		expect(note).toEqual({ kind: 'mentor_request', link: '/mentoring' });
		const events = await db.selectFrom('ideaEvent').select('kind').where('ideaId', '=', idea.id).execute();
		expect(events.map((e) => e.kind)).toContain('mentor_assigned');
		expect(await code(assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id }))).toBe('already_assigned');
	});

	it('never proposes over capacity, and never a paused mentor or a team member', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, capacity: 1 });
		const paused = await mf.newMentor({ departmentId: eng.id, status: 'paused' });
		const first = await acceptedIdea();
		const second = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: first.id, mentorId: mentor.id });
		expect(await code(assignMentor(db, organiser, { ideaId: second.id, mentorId: mentor.id }))).toBe('mentor_full');
		expect(await code(assignMentor(db, organiser, { ideaId: second.id, mentorId: paused.id }))).toBe('mentor_paused');
		await db
			.insertInto('mentorProfile')
			.values({ userId: owner.id, capacity: 2 })
			.onConflict((oc) => oc.column('userId').doNothing())
			.execute();
		expect(await code(assignMentor(db, organiser, { ideaId: second.id, mentorId: owner.id }))).toBe('own_idea');
		await db.deleteFrom('mentorProfile').where('userId', '=', owner.id).execute();
	});

	it('two organisers assigning one mentor at once cannot overbook (capacity 1, two ideas)', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, capacity: 1 });
		const a = await acceptedIdea();
		const b = await acceptedIdea();
		const results = await Promise.all([
			code(assignMentor(db, organiser, { ideaId: a.id, mentorId: mentor.id })),
			code(assignMentor(db, organiser2, { ideaId: b.id, mentorId: mentor.id }))
		]);
		expect(results.sort()).toEqual(['mentor_full', 'ok']);
		expect(await activeAssignments(mentor.id)).toHaveLength(1);
	});

	it('many assignments at once never exceed any mentor’s capacity, and no idea gets two mentors', async () => {
		const mentors = await Promise.all([1, 2].map((capacity) => mf.newMentor({ departmentId: eng.id, capacity })));
		const ideas = [];
		for (let i = 0; i < 4; i++) ideas.push(await acceptedIdea());
		const attempts = ideas.flatMap((idea) =>
			mentors.map((m, j) => code(assignMentor(db, j % 2 ? organiser : organiser2, { ideaId: idea.id, mentorId: m.id })))
		);
		const results = await Promise.all(attempts);
		expect(results.filter((r) => r === 'ok')).toHaveLength(3);
		expect(await activeAssignments(mentors[0].id)).toHaveLength(1);
		expect(await activeAssignments(mentors[1].id)).toHaveLength(2);
		const perIdea = await db
			.selectFrom('mentorAssignment')
			.select(['ideaId', (eb) => eb.fn.countAll<number>().as('n')])
			.where(
				'ideaId',
				'in',
				ideas.map((i) => i.id)
			)
			.where('status', 'in', ['proposed', 'accepted'])
			.groupBy('ideaId')
			.execute();
		expect(perIdea.every((r) => Number(r.n) === 1)).toBe(true);
	});

	it('"assign all" proposes one mentor per waiting idea within capacity, and saves what still fits', async () => {
		// Fill every mentor made so far, so only the two below have places.
		await db.updateTable('mentorProfile').set({ status: 'paused' }).execute();
		const dept = await f.newDepartment('AA');
		const one = await mf.newMentor({ departmentId: dept.id, name: 'Ann One', expertise: ['kanban'], capacity: 1 });
		const two = await mf.newMentor({ departmentId: dept.id, name: 'Bob Two', expertise: ['energy'], capacity: 1 });
		await db.updateTable('mentorAssignment').set({ status: 'ended' }).where('status', 'in', ['proposed', 'requested']).execute();
		await db.updateTable('idea').set({ status: 'semi_final' }).where('status', 'in', ['accepted', 'coaching']).execute();
		const k = await acceptedIdea('Kanban idea', ['kanban']);
		const e = await acceptedIdea('Energy idea', ['energy']);
		const third = await acceptedIdea('Third idea', ['kanban']);
		const { proposals } = await previewAssignAll(db, organiser);
		const byIdea = new Map(proposals.map((p) => [p.id, p.proposal?.userId ?? null]));
		expect(byIdea.get(k.id)).toBe(one.id);
		expect(byIdea.get(e.id)).toBe(two.id);
		expect(byIdea.get(third.id)).toBeNull();
		// Meanwhile another organiser gives Ann the third idea: saving reports the clash, keeps the rest.
		await assignMentor(db, organiser2, { ideaId: third.id, mentorId: one.id });
		const saved = await assignAll(db, organiser, [
			{ ideaId: k.id, mentorId: one.id },
			{ ideaId: e.id, mentorId: two.id }
		]);
		expect(saved).toEqual({ assigned: [e.id], skipped: [{ ideaId: k.id, code: 'mentor_full' }] });
		await db.updateTable('mentorProfile').set({ status: 'active' }).execute();
	});
});

describe('answers, requests and the coaching space', () => {
	it('the mentor accepts: coaching starts, the team is told, the mentor’s conflict is recorded', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id });
		const idea = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		expect((await getMentorHome(db, mentor)).waiting.map((w) => w.id)).toEqual([idea.id]);
		await answerProposal(db, mentor, idea.id, { decision: 'accept', reason: '' });
		expect(await code(answerProposal(db, mentor, idea.id, { decision: 'accept', reason: '' }))).toBe('not_allowed_now');
		const row = await db.selectFrom('idea').select('status').where('id', '=', idea.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('coaching');
		const conflict = await db.selectFrom('conflictOfInterest').select(['userId', 'source']).where('ideaId', '=', idea.id).execute();
		expect(conflict).toEqual([{ userId: mentor.id, source: 'mentor' }]);
		const team = await db
			.selectFrom('notification')
			.select('kind')
			.where('userId', '=', owner.id)
			.where('kind', '=', 'mentor_assigned')
			.execute();
		expect(team.length).toBeGreaterThan(0);
		const home = await getMentorHome(db, mentor);
		expect(home.mentees.map((m) => m.id)).toEqual([idea.id]);
		expect(home.waiting).toEqual([]);
	});

	it('the mentor declines with a reason; the idea returns to the queue and organisers are told', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id });
		const idea = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		await answerProposal(db, mentor, idea.id, { decision: 'decline', reason: 'On leave until June' });
		const overview = await getMentoringOverview(db, organiser);
		const row = overview.ideas.find((i) => i.id === idea.id);
		expect(row?.declines).toBe(1);
		const event = await db
			.selectFrom('ideaEvent')
			.select(['kind', 'reason'])
			.where('ideaId', '=', idea.id)
			.where('kind', '=', 'mentor_declined')
			.executeTakeFirstOrThrow();
		expect(event.reason).toBe('On leave until June');
		const notes = await db
			.selectFrom('notification')
			.select('kind')
			.where('userId', '=', organiser.id)
			.where('kind', '=', 'mentor_declined')
			.execute();
		expect(notes.length).toBeGreaterThan(0);
		// The place is free again.
		expect(await activeAssignments(mentor.id)).toHaveLength(0);
	});

	it('only the proposed mentor answers; others do not even see the proposal', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id });
		const other = await mf.newMentor({ departmentId: eng.id });
		const idea = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		expect(await code(answerProposal(db, other, idea.id, { decision: 'accept', reason: '' }))).toBe('not_found');
		expect(await code(answerProposal(db, owner, idea.id, { decision: 'accept', reason: '' }))).toBe('not_allowed_now');
	});

	it('the team asks for a mentor; the organiser sees the request first and assigning closes it', async () => {
		const wanted = await mf.newMentor({ departmentId: eng.id, name: 'Wanda Wanted', capacity: 2 });
		const idea = await acceptedIdea();
		await requestMentor(db, owner, idea.id, { mentorId: wanted.id });
		expect(await code(requestMentor(db, colleague, idea.id, { mentorId: wanted.id }))).toBe('not_found');
		const overview = await getMentoringOverview(db, organiser);
		const row = overview.ideas.find((i) => i.id === idea.id)!;
		expect(row.requested).toMatchObject({ userId: wanted.id, available: true });
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: wanted.id });
		const statuses = await db.selectFrom('mentorAssignment').select('status').where('ideaId', '=', idea.id).orderBy('id').execute();
		expect(statuses.map((s) => s.status)).toEqual(['ended', 'proposed']);
		expect(await code(requestMentor(db, owner, idea.id, { mentorId: wanted.id }))).toBe('not_allowed_now');
	});

	it('team and mentor tick the checklist and log sessions; the mentor marks ready; organisers only read', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id });
		const idea = await acceptedIdea();
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		expect(await code(setChecklistItem(db, mentor, idea.id, { item: 'problem_defined', done: true }))).toBe('not_allowed_now');
		await answerProposal(db, mentor, idea.id, { decision: 'accept', reason: '' });
		await setChecklistItem(db, mentor, idea.id, { item: 'problem_defined', done: true });
		await setChecklistItem(db, owner, idea.id, { item: 'baseline_measured', done: true });
		await setChecklistItem(db, owner, idea.id, { item: 'baseline_measured', done: true });
		await setChecklistItem(db, owner, idea.id, { item: 'solution_tried', done: true });
		await setChecklistItem(db, owner, idea.id, { item: 'solution_tried', done: false });
		await addCoachingLog(db, mentor, idea.id, { sessionOn: '2026-03-02', notes: 'Baseline agreed', nextStep: 'Count for 4 weeks' });
		expect(await code(setChecklistItem(db, organiser, idea.id, { item: 'solution_tried', done: true }))).toBe('not_allowed_now');
		expect(await code(markReady(db, owner, idea.id, true))).toBe('not_allowed_now');
		await markReady(db, mentor, idea.id, true);
		expect((await markReady(db, mentor, idea.id, true)).changed).toBe(false);

		const tally = newTally();
		const space = await countStatements(tally, () => getCoachingSpace(db, owner, idea.id));
		// The access check, then the idea with its assignments, checklist, log and presentations.
		expect(tally.statements).toBe(2);
		expect(space.current?.createdAt).toBeInstanceOf(Date);
		expect(space.checklist.find((c) => c.doneAt)?.doneAt).toBeInstanceOf(Date);
		expect(space.checklist.filter((c) => c.doneAt).map((c) => c.item)).toEqual(['problem_defined', 'baseline_measured']);
		expect(space.log).toMatchObject([{ sessionOn: '2026-03-02', notes: 'Baseline agreed', nextStep: 'Count for 4 weeks' }]);
		expect(space.current).toMatchObject({ mentorId: mentor.id, status: 'accepted' });
		expect(space.current?.readyAt).not.toBeNull();
		expect(space.can).toMatchObject({ work: true, markReady: false, request: false });
		const organiserView = await getCoachingSpace(db, organiser, idea.id);
		expect(organiserView.can.work).toBe(false);
		const overview = await getMentoringOverview(db, organiser);
		expect(overview.coached.find((c) => c.id === idea.id)?.readyAt).not.toBeNull();
		expect(await code(getCoachingSpace(db, colleague, idea.id))).toBe('not_found');
	});

	it('there is no coaching space for an idea not accepted yet', async () => {
		const idea = await f.newIdea({ owner, competitionId: cup.id, status: 'submitted' });
		expect(await code(getCoachingSpace(db, owner, idea.id))).toBe('not_found');
		expect(await code(getCoachingSpace(db, organiser, idea.id))).toBe('not_found');
	});
});

describe('the organiser ends or replaces a mentor (illness, a new job)', () => {
	const events = (ideaId: number) =>
		db.selectFrom('ideaEvent').select(['kind', 'reason', 'data']).where('ideaId', '=', ideaId).orderBy('id').execute();
	const notices = (userId: number, kind: string) =>
		db.selectFrom('notification').select('params').where('userId', '=', userId).where('kind', '=', kind).execute();

	it('ends an accepted mentorship with a reason: kept as ended, told, audited, the idea back in the queue', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, name: 'Ellen Ends' });
		const idea = await acceptedIdea('Torque wrench calibration reminder');
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		await answerProposal(db, mentor, idea.id, { decision: 'accept', reason: '' });

		const result = await endMentorship(db, organiser, { ideaId: idea.id, reason: 'illness', note: 'Long sick leave' });
		expect(result).toEqual({ endedMentorId: mentor.id, replacement: null });

		const row = await db.selectFrom('mentorAssignment').selectAll().where('ideaId', '=', idea.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'ended', endReason: 'illness', endedBy: organiser.id });
		expect(row.endedAt).not.toBeNull();
		const last = (await events(idea.id)).at(-1)!;
		expect(last).toMatchObject({ kind: 'mentor_ended', reason: 'Long sick leave', data: { mentorId: mentor.id, reason: 'illness' } });
		expect(await notices(mentor.id, 'mentorship_ended')).toHaveLength(1);
		expect(await notices(owner.id, 'mentorship_ended_team')).toHaveLength(1);
		const audit = await db
			.selectFrom('auditLog')
			.select('data')
			.where('action', '=', 'mentoring.ended')
			.where('objectId', '=', String(idea.id))
			.execute();
		expect(audit).toHaveLength(1);
		// The idea (still coaching) waits for a new mentor; the mentor's place is free again.
		const overview = await getMentoringOverview(db, organiser);
		expect(overview.ideas.map((i) => i.id)).toContain(idea.id);
		expect(await activeAssignments(mentor.id)).toEqual([]);
		// A second click finds nothing to end and changes nothing.
		expect(await code(endMentorship(db, organiser, { ideaId: idea.id, reason: 'illness', note: '' }))).toBe('no_mentor');
		expect((await events(idea.id)).filter((e) => e.kind === 'mentor_ended')).toHaveLength(1);
	});

	it('replaces a mentor in one step: the old one ends, the new one is asked', async () => {
		const first = await mf.newMentor({ departmentId: eng.id, name: 'Frank First' });
		const second = await mf.newMentor({ departmentId: eng.id, name: 'Sara Second' });
		const idea = await acceptedIdea('Kitting trolley labels');
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: first.id });
		await answerProposal(db, first, idea.id, { decision: 'accept', reason: '' });

		const result = await endMentorship(db, organiser, { ideaId: idea.id, reason: 'job_change', note: '', replacementId: second.id });
		expect(result.endedMentorId).toBe(first.id);
		expect(result.replacement?.assignmentId).toBeGreaterThan(0);
		const rows = await db
			.selectFrom('mentorAssignment')
			.select(['mentorId', 'status'])
			.where('ideaId', '=', idea.id)
			.orderBy('id')
			.execute();
		expect(rows).toEqual([
			{ mentorId: first.id, status: 'ended' },
			{ mentorId: second.id, status: 'proposed' }
		]);
		expect(await notices(second.id, 'mentor_request')).toHaveLength(1);
		expect(await notices(owner.id, 'mentor_replaced')).toHaveLength(1);
	});

	it('refuses a replacement that cannot take it and changes nothing', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, name: 'Mia Mentor' });
		const full = await mf.newMentor({ departmentId: eng.id, name: 'Fred Full', capacity: 1 });
		await assignMentor(db, organiser, { ideaId: (await acceptedIdea('Filler idea')).id, mentorId: full.id });
		const idea = await acceptedIdea('Pallet wrap tension');
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		await answerProposal(db, mentor, idea.id, { decision: 'accept', reason: '' });

		expect(await code(endMentorship(db, organiser, { ideaId: idea.id, reason: 'workload', note: '', replacementId: full.id }))).toBe(
			'mentor_full'
		);
		expect(await code(endMentorship(db, organiser, { ideaId: idea.id, reason: 'workload', note: '', replacementId: mentor.id }))).toBe(
			'same_mentor'
		);
		const rows = await db.selectFrom('mentorAssignment').select(['mentorId', 'status']).where('ideaId', '=', idea.id).execute();
		expect(rows).toEqual([{ mentorId: mentor.id, status: 'accepted' }]);
		expect((await events(idea.id)).some((e) => e.kind === 'mentor_ended')).toBe(false);
	});

	it('is for organisers only: a team member or the mentor gets not-found', async () => {
		const mentor = await mf.newMentor({ departmentId: eng.id, name: 'Nora Nope' });
		const idea = await acceptedIdea('Glove dispenser');
		await assignMentor(db, organiser, { ideaId: idea.id, mentorId: mentor.id });
		expect(await code(endMentorship(db, owner, { ideaId: idea.id, reason: 'other', note: 'because' }))).toBe('not_found');
		expect(await code(endMentorship(db, mentor, { ideaId: idea.id, reason: 'other', note: 'because' }))).toBe('not_found');
		// A proposal not yet answered can be ended too (the mentor does not respond).
		expect(await code(endMentorship(db, organiser, { ideaId: idea.id, reason: 'workload', note: '' }))).toBe('ok');
	});
});
