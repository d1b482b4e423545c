/** Ideas on a real database: submit, screen, return, resubmit, accept, decline, merge, and the guards. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { ideaFormSchema } from '$lib/server/ideas/ideas.schema.js';
import { addComment, getIdeaPage } from '$lib/server/ideas/idea-page.service.js';
import { findSimilarIdeas, getIdeaListChoices, saveIdea, submitIdea, withdrawIdea } from '$lib/server/ideas/idea-form.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { getScreeningQueue, mergeIdea, screenIdea } from '$lib/server/ideas/screening.service.js';
import { listAllIdeas, listMyIdeas } from '$lib/server/ideas/idea-lists.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let operator: SessionUser;
let colleague: SessionUser;
let rival: SessionUser;
let organiser: SessionUser;
let openCup: { id: number };
let closedCup: { id: number };

const form = (over: Record<string, unknown> = {}) =>
	ideaFormSchema.parse({
		title: 'Colour-coded torque tools',
		problem: 'Operators lose twenty minutes a shift looking for the right torque tool.',
		proposal: 'Shadow boards with colour codes per module line, checked at every shift start.',
		departmentId: String(operator.departmentId),
		competitionId: String(openCup.id),
		tags: 'Torque, 5S, torque',
		benefit_time_description: 'Less searching',
		benefit_time_estimate: '120,5',
		benefit_time_unit: 'hours/year',
		clientKey: randomUUID(),
		...over
	});

const events = (ideaId: number) =>
	db.selectFrom('ideaEvent').select(['kind', 'fromStatus', 'toStatus', 'reason']).where('ideaId', '=', ideaId).orderBy('id').execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	const bo = await f.newDepartment('BO');
	operator = await f.newUser({ departmentId: bo.id, name: 'Sanne Operator' });
	colleague = await f.newUser({ departmentId: bo.id, name: 'Kees Colleague' });
	rival = await f.newUser({ name: 'Rita Rival' });
	organiser = await f.newUser({ roles: ['organiser'], name: 'Olga Organiser' });
	openCup = await f.newCompetition({ open: true });
	closedCup = await f.newCompetition({ open: false });
});

afterAll(async () => {
	await testDb?.close();
});

describe('writing and submitting', () => {
	it('saves a draft with team, benefits and normalised tags, and records its creation', async () => {
		const { id, version } = await saveIdea(db, operator, null, form({ member: [String(colleague.id)] }));
		expect(version).toBe(1);
		const page = await getIdeaPage(db, operator, id);
		expect(page.idea.status).toBe('draft');
		expect(page.idea.tags.map((t) => t.name)).toEqual(['5s', 'torque']);
		expect(page.idea.team.map((t) => t.name).sort()).toEqual(['Kees Colleague', 'Sanne Operator']);
		expect(page.idea.benefits).toEqual([{ kind: 'time', description: 'Less searching', estimate: 120.5, unit: 'hours/year' }]);
		expect((await events(id)).map((e) => e.kind)).toEqual(['created']);
	});

	it('a save is two statements (what the form names, then the idea with its team, benefits, tags and event); an edit three', async () => {
		const tally = newTally();
		const { id, version } = await countStatements(tally, () =>
			saveIdea(db, operator, null, form({ title: 'Counted save', member: [String(colleague.id)], tags: 'lean, torque, counted' }))
		);
		expect(tally.statements).toBe(2);
		const edit = newTally();
		const edited = await countStatements(edit, () =>
			saveIdea(
				db,
				operator,
				id,
				form({
					title: 'Counted save, edited',
					version: String(version),
					member: [],
					tags: 'torque, new-tag',
					benefit_time_description: '',
					benefit_time_estimate: '',
					benefit_money_description: 'Fewer scrapped parts',
					benefit_money_estimate: '900'
				})
			)
		);
		expect(edit.statements).toBe(3);
		expect(edited.version).toBe(version + 1);
		const page = await getIdeaPage(db, operator, id);
		expect(page.idea.title).toBe('Counted save, edited');
		// the colleague left the team, the owner stayed; tags and benefits are what the form holds now
		expect(page.idea.team.map((t) => t.name)).toEqual(['Sanne Operator']);
		expect(page.idea.tags.map((t) => t.name)).toEqual(['new-tag', 'torque']);
		expect(page.idea.benefits).toEqual([{ kind: 'money', description: 'Fewer scrapped parts', estimate: 900, unit: null }]);
		expect((await events(id)).map((e) => e.kind)).toEqual(['created', 'edited']);
		// a second tab with the old version changes nothing
		await expect(saveIdea(db, operator, id, form({ title: 'Stale tab', version: String(version) }))).rejects.toMatchObject({
			code: 'stale'
		});
		expect((await getIdeaPage(db, operator, id)).idea.title).toBe('Counted save, edited');
	});

	it('a submission is four statements: the policy facts, what it needs with its call held, the move with its event, the notifications', async () => {
		const { id, version } = await saveIdea(db, operator, null, form({ title: 'Counted submission', member: [String(colleague.id)] }));
		const tally = newTally();
		await countStatements(tally, () => submitIdea(db, operator, id, version));
		expect(tally.statements).toBe(4);
		expect((await events(id)).map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
			['created', null, 'draft'],
			['status_changed', 'draft', 'submitted']
		]);
		const told = await db
			.selectFrom('notification')
			.select(['userId', 'kind'])
			.where(sql<boolean>`params->>'ideaId' = ${String(id)}`)
			.orderBy('userId')
			.execute();
		// the team (both) hears it was received, the organiser that it arrived
		expect(told).toEqual(
			expect.arrayContaining([
				{ userId: operator.id, kind: 'idea_received' },
				{ userId: colleague.id, kind: 'idea_received' },
				{ userId: organiser.id, kind: 'idea_submitted' }
			])
		);
	});

	it('a comment is four statements: access, the comment, its event, the team told', async () => {
		const { id, version } = await saveIdea(db, operator, null, form({ title: 'Counted comment', member: [String(colleague.id)] }));
		await submitIdea(db, operator, id, version);
		const tally = newTally();
		await countStatements(tally, () =>
			addComment(db, operator, id, { body: 'Photos of the line follow.', visibility: 'team', clientKey: randomUUID() })
		);
		expect(tally.statements).toBe(4);
		const told = await db
			.selectFrom('notification')
			.select('userId')
			.where('kind', '=', 'comment_added')
			.where(sql<boolean>`params->>'ideaId' = ${String(id)}`)
			.execute();
		expect(told).toEqual([{ userId: colleague.id }]);
	});

	it('creates one idea when the same form is saved twice (double click, retry)', async () => {
		const input = form({ title: 'Saved twice' });
		const first = await saveIdea(db, operator, null, input);
		const second = await saveIdea(db, operator, null, input);
		expect(second.id).toBe(first.id);
		const rows = await db.selectFrom('idea').select('id').where('title', '=', 'Saved twice').execute();
		expect(rows).toHaveLength(1);
	});

	it('tells the second of two editors that the first changed it, and keeps the first save', async () => {
		const { id } = await saveIdea(db, operator, null, form({ title: 'Two tabs' }));
		await saveIdea(db, operator, id, form({ title: 'Tab one wins', version: '1' }));
		await expect(saveIdea(db, operator, id, form({ title: 'Tab two', version: '1' }))).rejects.toMatchObject({ code: 'stale' });
		expect((await getIdeaPage(db, operator, id)).idea.title).toBe('Tab one wins');
	});

	it('submits only with the fields a jury needs and only while the window is open', async () => {
		const thin = await saveIdea(db, operator, null, form({ title: 'Thin idea', problem: 'short', proposal: '' }));
		await expect(submitIdea(db, operator, thin.id, thin.version)).rejects.toMatchObject({
			fields: { problem: ['needed_to_submit'], proposal: ['needed_to_submit'] }
		});
		const late = await saveIdea(db, operator, null, form({ title: 'Too late', competitionId: String(closedCup.id) }));
		await expect(submitIdea(db, operator, late.id, late.version)).rejects.toMatchObject({ code: 'window_closed' });
		expect((await getIdeaPage(db, operator, late.id)).idea.status).toBe('draft');
	});

	it('a double submit changes the status once and leaves one event', async () => {
		const { id, version } = await saveIdea(db, operator, null, form({ title: 'Double submit' }));
		const results = await Promise.allSettled([submitIdea(db, operator, id, version), submitIdea(db, operator, id, version)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const submits = (await events(id)).filter((e) => e.toStatus === 'submitted');
		expect(submits).toHaveLength(1);
	});

	it('a stranger cannot read or edit a draft: it does not exist for them', async () => {
		const { id } = await saveIdea(db, operator, null, form({ title: 'Secret draft' }));
		await expect(getIdeaPage(db, rival, id)).rejects.toMatchObject({ status: 404 });
		await expect(getIdeaPage(db, organiser, id)).rejects.toMatchObject({ status: 404 });
		await expect(saveIdea(db, rival, id, form({ version: '1' }))).rejects.toMatchObject({ status: 404 });
	});
});

describe('screening: every idea gets an answer', () => {
	it('return, edit, resubmit, accept: the timeline tells all of it', async () => {
		const draft = await saveIdea(db, operator, null, form({ title: 'Full journey' }));
		const submitted = await submitIdea(db, operator, draft.id, draft.version);
		const queue = await getScreeningQueue(db, organiser);
		expect(queue.map((q) => q.id)).toContain(draft.id);
		expect(queue.find((q) => q.id === draft.id)?.team).toBe('Sanne Operator');

		await expect(
			screenIdea(db, organiser, draft.id, { decision: 'return', version: submitted.version, message: '' })
		).rejects.toMatchObject({ code: 'reason_required' });
		const returned = await screenIdea(db, organiser, draft.id, {
			decision: 'return',
			version: submitted.version,
			message: 'Please add the baseline: how many minutes today?'
		});
		expect(returned.status).toBe('returned');

		const edited = await saveIdea(
			db,
			operator,
			draft.id,
			form({ title: 'Full journey', problem: 'We measured 22 minutes per shift searching for tools.', version: String(returned.version) })
		);
		const resubmitted = await submitIdea(db, operator, draft.id, edited.version);
		expect(resubmitted.status).toBe('submitted');
		const accepted = await screenIdea(db, organiser, draft.id, { decision: 'accept', version: resubmitted.version, message: '' });
		expect(accepted.status).toBe('accepted');

		const timeline = (await events(draft.id)).filter((e) => e.kind === 'status_changed').map((e) => `${e.fromStatus}>${e.toStatus}`);
		expect(timeline).toEqual(['draft>submitted', 'submitted>returned', 'returned>submitted', 'submitted>accepted']);
		const returnEvent = (await events(draft.id)).find((e) => e.toStatus === 'returned');
		expect(returnEvent?.reason).toBe('Please add the baseline: how many minutes today?');
		const notes = await db
			.selectFrom('notification')
			.select(['kind', 'params'])
			.where('userId', '=', operator.id)
			.where('params', '@>', JSON.stringify({ ideaId: draft.id }))
			.execute();
		expect(notes.map((n) => n.kind).sort()).toEqual(['idea_accepted', 'idea_received', 'idea_received', 'idea_returned']);
		// The return tells the team its reason (their e-mail quotes it); the others carry none.
		expect(notes.find((n) => n.kind === 'idea_returned')?.params).toMatchObject({
			reason: 'Please add the baseline: how many minutes today?'
		});
		expect(notes.filter((n) => (n.params as { reason?: string }).reason !== undefined)).toHaveLength(1);
		// Each screening decision is in the audit log, with who took it.
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'actorId'])
			.where('objectType', '=', 'idea')
			.where('objectId', '=', String(draft.id))
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'idea.screened.return', actorId: organiser.id },
			{ action: 'idea.screened.accept', actorId: organiser.id }
		]);
	});

	it('declines with a reason from the list and a message; the team can still read it', async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted', title: 'Decline me' });
		await expect(
			screenIdea(db, organiser, idea.id, { decision: 'decline', version: 1, message: '', declineReason: 'too_vague' })
		).rejects.toMatchObject({ code: 'reason_required' });
		await screenIdea(db, organiser, idea.id, {
			decision: 'decline',
			version: 1,
			message: 'We could not see which line this is about.',
			declineReason: 'too_vague'
		});
		const page = await getIdeaPage(db, operator, idea.id);
		expect(page.idea.status).toBe('declined');
		expect(page.events.at(-1)?.reason).toBe('We could not see which line this is about.');
	});

	it('refuses a decision in the wrong state and from a non-organiser, changing nothing', async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'accepted', title: 'Already accepted' });
		await expect(
			screenIdea(db, organiser, idea.id, { decision: 'decline', version: 1, message: 'x', declineReason: 'other' })
		).rejects.toMatchObject({ code: 'wrong_state' });
		const other = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted' });
		await expect(screenIdea(db, operator, other.id, { decision: 'accept', version: 1, message: '' })).rejects.toMatchObject({
			status: 404
		});
		expect((await getIdeaPage(db, operator, other.id)).idea.status).toBe('submitted');
	});

	it('an organiser acting on an old version is told, and nothing changes', async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted' });
		await screenIdea(db, organiser, idea.id, { decision: 'accept', version: 1, message: '' });
		await expect(screenIdea(db, organiser, idea.id, { decision: 'return', version: 1, message: 'late' })).rejects.toMatchObject({
			code: 'wrong_state'
		});
	});

	it('the team withdraws before screening', async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted' });
		await withdrawIdea(db, operator, idea.id, 1, 'Solved by the line already');
		expect((await getIdeaPage(db, operator, idea.id)).idea.status).toBe('withdrawn');
	});
});

describe('merging duplicates', () => {
	it("the idea page reads in two statements (access, then the idea with its timeline, comments and an organiser's merge candidates)", async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted', title: 'Torque shadow boards' });
		await addComment(db, operator, idea.id, { body: 'For the **team**', visibility: 'team' });
		await addComment(db, organiser, idea.id, { body: 'Organisers only', visibility: 'organisers' });
		const tally = newTally();
		const page = await countStatements(tally, () => getIdeaPage(db, organiser, idea.id));
		expect(tally.statements).toBe(2);
		expect(page.comments.map((c) => c.body)).toEqual(['For the **team**', 'Organisers only']);
		expect(page.comments.every((c) => c.createdAt instanceof Date)).toBe(true);
		expect(page.events.every((e) => e.createdAt instanceof Date)).toBe(true);
		expect(page.mergeCandidates.length).toBeGreaterThan(0);
		expect(page.mergeCandidates.map((c) => c.id)).not.toContain(idea.id);
		const teams = await getIdeaPage(db, operator, idea.id);
		expect(teams.comments.map((c) => c.body)).toEqual(['For the **team**']);
		expect(teams.mergeCandidates).toEqual([]);
	});

	it('one idea stays, the other points to it, both teams become members, both timelines record it', async () => {
		const stays = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted', title: 'Stays' });
		const goes = await f.newIdea({ owner: rival, competitionId: openCup.id, status: 'submitted', title: 'Goes' });
		const offered = (await getIdeaPage(db, organiser, goes.id)).mergeCandidates.map((c) => c.id);
		expect(offered).toContain(stays.id);
		expect(offered).not.toContain(goes.id);
		await expect(mergeIdea(db, organiser, goes.id, { version: 1, targetId: goes.id, message: 'same' })).rejects.toMatchObject({
			fields: { targetId: ['same_idea'] }
		});
		await mergeIdea(db, organiser, goes.id, { version: 1, targetId: stays.id, message: 'Both propose shadow boards for torque tools.' });
		const merged = await getIdeaPage(db, rival, goes.id);
		expect(merged.idea.status).toBe('merged');
		expect(merged.idea.mergedIntoId).toBe(stays.id);
		const staying = await getIdeaPage(db, rival, stays.id);
		expect(staying.idea.team.map((t) => t.name).sort()).toEqual(['Rita Rival', 'Sanne Operator']);
		expect(staying.events.map((e) => e.kind)).toContain('merged_in');
		const audit = await db.selectFrom('auditLog').select('action').where('objectId', '=', String(goes.id)).execute();
		expect(audit.map((a) => a.action)).toEqual(['idea.merged']);
	});

	it('is all or nothing: when the team cannot be merged, the duplicate keeps its status and nothing is recorded', async () => {
		const stays = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted', title: 'Stays whole' });
		const goes = await f.newIdea({ owner: colleague, competitionId: openCup.id, status: 'submitted', title: 'Goes whole' });
		const ideaRow = (id: number) =>
			db.selectFrom('idea').select(['status', 'version', 'mergedIntoId']).where('id', '=', id).executeTakeFirstOrThrow();
		const merged = { version: 1, targetId: stays.id, message: 'Both propose shadow boards.' };
		// The staying idea takes no team rows for now, so the merge fails at the team, after the status change.
		const block = sql.raw(`idea_member_test_block_${stays.id}`);
		await sql`ALTER TABLE idea_member ADD CONSTRAINT ${block} CHECK (idea_id <> ${sql.lit(stays.id)}) NOT VALID`.execute(db);
		try {
			await expect(mergeIdea(db, organiser, goes.id, merged)).rejects.toThrow(/idea_member_test_block/);
		} finally {
			await sql`ALTER TABLE idea_member DROP CONSTRAINT ${block}`.execute(db);
		}
		expect(await ideaRow(goes.id)).toEqual({ status: 'submitted', version: 1, mergedIntoId: null });
		expect((await events(goes.id)).map((e) => e.toStatus)).not.toContain('merged');
		expect((await events(stays.id)).map((e) => e.kind)).not.toContain('merged_in');
		const told = await db
			.selectFrom('notification')
			.select('id')
			.where('kind', '=', 'idea_merged')
			.where('userId', '=', colleague.id)
			.execute();
		expect(told).toEqual([]);
		expect(await db.selectFrom('auditLog').select('id').where('objectId', '=', String(goes.id)).execute()).toEqual([]);

		// Nothing was half done: the same request (same version) now merges both, together.
		await mergeIdea(db, organiser, goes.id, merged);
		expect(await ideaRow(goes.id)).toEqual({ status: 'merged', version: 2, mergedIntoId: stays.id });
		expect((await getIdeaPage(db, colleague, stays.id)).idea.team.map((t) => t.name).sort()).toEqual(['Kees Colleague', 'Sanne Operator']);
	});
});

describe('who sees what', () => {
	it("rivals do not see each other's ideas before the deadline; after it, accepted ideas are visible", async () => {
		const early = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'accepted' });
		await expect(getIdeaPage(db, rival, early.id)).rejects.toMatchObject({ status: 404 });
		const later = await f.newIdea({ owner: operator, competitionId: closedCup.id, status: 'accepted' });
		expect((await getIdeaPage(db, rival, later.id)).idea.id).toBe(later.id);
		const declined = await f.newIdea({ owner: operator, competitionId: closedCup.id, status: 'declined' });
		await expect(getIdeaPage(db, rival, declined.id)).rejects.toMatchObject({ status: 404 });
	});

	it("organisers-only comments stay out of the team's page; markdown is rendered safely", async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted' });
		await addComment(db, organiser, idea.id, { body: 'Check with **Quality** first <script>alert(1)</script>', visibility: 'organisers' });
		await addComment(db, operator, idea.id, { body: 'We measured it: *22 minutes*.', visibility: 'team' });
		const teamView = await getIdeaPage(db, operator, idea.id);
		expect(teamView.comments).toHaveLength(1);
		expect(teamView.comments[0].html).toContain('<em>22 minutes</em>');
		const organiserView = await getIdeaPage(db, organiser, idea.id);
		expect(organiserView.comments).toHaveLength(2);
		expect(organiserView.comments[0].html).not.toContain('<script');
		await expect(addComment(db, operator, idea.id, { body: 'sneaky', visibility: 'organisers' })).rejects.toMatchObject({
			code: 'not_allowed_now'
		});
	});

	it('a department or process area that does not exist is a field error, and nothing is saved', async () => {
		const input = ideaFormSchema.parse({
			title: 'Ghost department',
			departmentId: '99999',
			processAreaId: '88888',
			clientKey: randomUUID()
		});
		await expect(saveIdea(db, operator, null, input)).rejects.toMatchObject({
			fields: { departmentId: ['unknown'], processAreaId: ['unknown'] }
		});
		expect(await db.selectFrom('idea').select('id').where('title', '=', 'Ghost department').execute()).toEqual([]);
	});

	it('five identical comment posts at once store one comment and one notification; a new form key stores another', async () => {
		const idea = await f.newIdea({ owner: operator, competitionId: openCup.id, status: 'submitted' });
		const teammate = await f.newUser({ departmentId: operator.departmentId, name: 'Tim Teammate' });
		await db.insertInto('ideaMember').values({ ideaId: idea.id, userId: teammate.id, role: 'member' }).execute();
		const input = { body: 'Same words, five clicks.', visibility: 'team' as const, clientKey: randomUUID() };
		const saved = await Promise.all(Array.from({ length: 5 }, () => addComment(db, operator, idea.id, input)));
		expect(new Set(saved.map((c) => c.id)).size).toBe(1);
		const stored = await db.selectFrom('comment').select('id').where('ideaId', '=', idea.id).execute();
		expect(stored).toHaveLength(1);
		const told = await db
			.selectFrom('notification')
			.select('id')
			.where('userId', '=', teammate.id)
			.where('kind', '=', 'comment_added')
			.execute();
		expect(told).toHaveLength(1);
		await addComment(db, operator, idea.id, { ...input, clientKey: randomUUID() });
		expect(await db.selectFrom('comment').select('id').where('ideaId', '=', idea.id).execute()).toHaveLength(2);
	});

	it('"solved before?" finds published improvements and visible ideas, never a rival\'s open idea', async () => {
		const dept = operator.departmentId;
		await db
			.insertInto('kbEntry')
			.values({ title: 'Shadow boards for torque tools', summary: 'Colour-coded boards', departmentId: dept })
			.execute();
		await f.newIdea({ owner: rival, competitionId: openCup.id, status: 'submitted', title: 'Torque tool shadow board secret' });
		const visible = await f.newIdea({
			owner: rival,
			competitionId: closedCup.id,
			status: 'semi_final',
			title: 'Torque tool calibration board'
		});
		const similar = await findSimilarIdeas(db, operator, { title: 'torque tools', problem: '' });
		const kb = similar.results.filter((r) => r.kind === 'kb');
		const ideas = similar.results.filter((r) => r.kind === 'idea');
		expect(kb.map((k) => k.title)).toContain('Shadow boards for torque tools');
		expect(ideas.map((i) => i.id)).toContain(visible.id);
		expect(ideas.map((i) => i.title)).not.toContain('Torque tool shadow board secret');
	});
});

describe('lists', () => {
	it('an employee is offered only the open calls their department may enter', async () => {
		const listed = await f.newCompetition({ open: true });
		const other = await f.newDepartment();
		await db.insertInto('competitionDepartment').values({ competitionId: listed.id, departmentId: other.id }).execute();
		const calls = (await listMyIdeas(db, operator)).calls.map((c) => c.id);
		expect(calls).toContain(openCup.id);
		expect(calls).not.toContain(listed.id);
	});

	it("my ideas include the team's ideas with who holds them", async () => {
		const { ideas: mine } = await listMyIdeas(db, colleague);
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((i) => typeof i.holder === 'string')).toBe(true);
	});

	it('the organiser filters, sorts and pages all ideas; drafts stay out', async () => {
		const all = await listAllIdeas(db, organiser, { sort: 'title', dir: 'asc', page: 1 }, 3);
		expect(all.ideas).toHaveLength(3);
		expect(all.total).toBeGreaterThan(3);
		const titles = all.ideas.map((i) => i.title);
		expect([...titles].sort((a, b) => a.localeCompare(b))).toEqual(titles);
		const declined = await listAllIdeas(db, organiser, { status: 'declined', sort: 'submitted', dir: 'desc', page: 1 });
		expect(declined.ideas.every((i) => i.status === 'declined')).toBe(true);
		const drafts = await listAllIdeas(db, organiser, { status: 'draft', sort: 'submitted', dir: 'desc', page: 1 });
		expect(drafts.ideas.some((i) => i.status === 'draft')).toBe(false);
		await expect(listAllIdeas(db, operator, { sort: 'title', dir: 'asc', page: 1 })).rejects.toMatchObject({ status: 404 });
	});

	it('pages of all ideas add up to the whole list, with each idea’s team and tags, in one statement a page', async () => {
		for (const [sort, dir] of [
			['submitted', 'desc'],
			['title', 'asc'],
			['status', 'desc'],
			['updated', 'asc']
		] as const) {
			const whole = await listAllIdeas(db, organiser, { sort, dir, page: 1 }, 1000);
			const paged: typeof whole.ideas = [];
			for (let page = 1; page <= Math.ceil(whole.total / 2); page++) {
				const tally = newTally();
				const part = await countStatements(tally, () => listAllIdeas(db, organiser, { sort, dir, page }, 2));
				expect(tally.statements).toBe(1);
				expect(part.total).toBe(whole.total);
				paged.push(...part.ideas);
			}
			expect(paged).toEqual(whole.ideas);
			expect(whole.ideas).toHaveLength(whole.total);
		}
		const tagged = await listAllIdeas(db, organiser, { tag: 'torque', sort: 'title', dir: 'asc', page: 1 });
		expect(tagged.total).toBeGreaterThan(0);
		expect(tagged.ideas.every((i) => (i.tags ?? '').split(', ').includes('torque'))).toBe(true);
		expect(tagged.ideas.every((i) => (i.team ?? '').length > 0)).toBe(true);
		const beyond = await listAllIdeas(db, organiser, { sort: 'title', dir: 'asc', page: 999 });
		expect(beyond).toEqual({ total: 0, ideas: [] });
	});

	it("the list's choices (competitions, departments, tags) come in one statement", async () => {
		const tally = newTally();
		const choices = await countStatements(tally, () => getIdeaListChoices(db));
		expect(tally.statements).toBe(1);
		expect(choices.competitions.map((c) => c.id)).toEqual(expect.arrayContaining([openCup.id, closedCup.id]));
		expect(choices.departments.map((d) => d.id)).toContain(operator.departmentId);
		expect(choices.tags).toEqual([...choices.tags].sort());
		expect(choices.tags).toContain('torque');
	});
});
