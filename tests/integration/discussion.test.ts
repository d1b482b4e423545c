/**
 * An idea's public discussion on a real database: every colleague comments once the idea is
 * public, organisers hide a comment with a reason (audited, the author told) and show it again,
 * hidden comments reach nobody's page but organisers', and the idea page keeps its statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { addComment, getIdeaPage, hideComment, showComment } from '$lib/server/ideas/idea-page.service.js';
import { hideCommentSchema } from '$lib/server/ideas/ideas.schema.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let owner: SessionUser;
let teammate: SessionUser;
let colleague: SessionUser;
let mentor: SessionUser;
let juror: SessionUser;
let organiser: SessionUser;
let secondOrganiser: SessionUser;
let openCup: { id: number };
let closedCup: { id: number };

const commentsOn = (ideaId: number) =>
	db.selectFrom('comment').select(['id', 'body', 'hiddenAt', 'hiddenReason']).where('ideaId', '=', ideaId).execute();
const notificationsOf = (userId: number, kind: string) =>
	db.selectFrom('notification').select(['params', 'link']).where('userId', '=', userId).where('kind', '=', kind).orderBy('id').execute();
const auditOf = (commentId: number) =>
	db
		.selectFrom('auditLog')
		.select(['action', 'actorId', 'data'])
		.where('objectType', '=', 'comment')
		.where('objectId', '=', String(commentId))
		.orderBy('id')
		.execute();

/** A public idea (accepted, its call's deadline passed) with a mentor and a juror on a round it is entered in. */
async function publicIdea(title = 'Shadow boards for torque tools') {
	const idea = await f.newIdea({ owner, members: [teammate], competitionId: closedCup.id, status: 'accepted', title });
	await db.insertInto('mentorAssignment').values({ ideaId: idea.id, mentorId: mentor.id, status: 'accepted' }).execute();
	const round = await db
		.insertInto('round')
		.values({
			competitionId: closedCup.id,
			position: idea.id,
			name: `Round ${idea.id}`,
			kind: 'semi_final',
			scope: 'department',
			status: 'open',
			advancementRule: 'manual'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const jury = await db
		.insertInto('jury')
		.values({ roundId: round.id, name: `Jury ${idea.id}` })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.insertInto('juryMember').values({ juryId: jury.id, userId: juror.id }).execute();
	await db.insertInto('roundEntry').values({ roundId: round.id, ideaId: idea.id, juryId: jury.id }).execute();
	return idea;
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	const bo = await f.newDepartment('BO');
	const logistics = await f.newDepartment('LOG');
	owner = await f.newUser({ departmentId: bo.id, name: 'Sanne Owner' });
	teammate = await f.newUser({ departmentId: bo.id, name: 'Tim Teammate' });
	colleague = await f.newUser({ departmentId: logistics.id, name: 'Lotte Logistics' });
	mentor = await f.newUser({ mentor: true, name: 'Mees Mentor' });
	juror = await f.newUser({ name: 'Jan Juror' });
	organiser = await f.newUser({ roles: ['organiser'], name: 'Olga Organiser' });
	secondOrganiser = await f.newUser({ roles: ['organiser'], name: 'Otto Organiser' });
	openCup = await f.newCompetition({ open: true });
	closedCup = await f.newCompetition({ open: false });
});

afterAll(async () => {
	await testDb?.close();
});

describe('public comments', () => {
	it("a colleague comments on a public idea: the team is told, and everyone reads it with the writer's department; the team's reply is marked Team", async () => {
		const idea = await publicIdea();
		await addComment(db, colleague, idea.id, { body: 'We lose the same **20 minutes** in Logistics.', visibility: 'team' });
		expect(await notificationsOf(owner.id, 'comment_added')).toEqual([
			{ params: { ideaId: idea.id, title: idea.title }, link: `/ideas/${idea.id}#comments` }
		]);
		expect(await notificationsOf(teammate.id, 'comment_added')).toHaveLength(1);
		expect(await notificationsOf(colleague.id, 'comment_added')).toHaveLength(0);

		await addComment(db, owner, idea.id, { body: 'Thanks: we will try it on your dock too.', visibility: 'team' });
		await addComment(db, mentor, idea.id, { body: 'Measure before and after.', visibility: 'team' });
		await addComment(db, organiser, idea.id, { body: 'Nice one.', visibility: 'team' });
		const page = await getIdeaPage(db, colleague, idea.id);
		const marks = page.comments.map((c) => [c.authorName, c.authorDepartment, c.byTeam, c.byMentor, c.byOrganiser]);
		expect(marks).toEqual([
			['Lotte Logistics', 'Department LOG', false, false, false],
			['Sanne Owner', 'Department BO', true, false, false],
			['Mees Mentor', mentor.departmentName, false, true, false],
			['Olga Organiser', organiser.departmentName, false, false, true]
		]);
		expect(page.comments[0].html).toContain('<strong>20 minutes</strong>');
		expect(page.can.comment).toBe(true);
		// A juror and a stranger see the team's reply too.
		expect((await getIdeaPage(db, juror, idea.id)).comments.map((c) => c.authorName)).toContain('Sanne Owner');
	});

	it('before the deadline, or on a declined idea, a colleague is refused and nothing is stored', async () => {
		const told = (await notificationsOf(owner.id, 'comment_added')).length;
		const early = await f.newIdea({ owner, competitionId: openCup.id, status: 'accepted' });
		await expect(addComment(db, colleague, early.id, { body: 'Too early', visibility: 'team' })).rejects.toMatchObject({ status: 404 });
		const declined = await f.newIdea({ owner, competitionId: closedCup.id, status: 'declined' });
		await expect(addComment(db, colleague, declined.id, { body: 'Declined', visibility: 'team' })).rejects.toMatchObject({ status: 404 });
		// A juror sees a submitted idea entered in their round, but the discussion is not theirs until it is public.
		const submitted = await publicIdea('Submitted, judged, not public');
		await db.updateTable('idea').set({ status: 'submitted' }).where('id', '=', submitted.id).execute();
		await expect(addComment(db, juror, submitted.id, { body: 'Juror remark', visibility: 'team' })).rejects.toMatchObject({
			status: 409,
			code: 'not_allowed_now'
		});
		// ... nor may a colleague write organisers-only notes on a public idea.
		const open = await publicIdea('Public, organisers-only notes stay organisers');
		await expect(addComment(db, colleague, open.id, { body: 'Psst', visibility: 'organisers' })).rejects.toMatchObject({ status: 409 });
		for (const id of [early.id, declined.id, submitted.id, open.id]) expect(await commentsOn(id)).toEqual([]);
		expect(await notificationsOf(owner.id, 'comment_added')).toHaveLength(told);
	});
});

describe('hiding a comment', () => {
	it('the reason is required and at most 1000 characters', () => {
		const fails = (reason: unknown) => {
			const r = hideCommentSchema.safeParse({ commentId: '7', reason });
			return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
		};
		expect(fails('   ')).toEqual(['reason:required']);
		expect(fails('x'.repeat(1001))).toEqual(['reason:too_long']);
		expect(fails('x'.repeat(1000))).toBeNull();
		expect(hideCommentSchema.parse({ commentId: '7', reason: '  Names a colleague  ' })).toEqual({
			commentId: 7,
			reason: 'Names a colleague'
		});
	});

	it('an organiser hides a comment: audited, the author told, gone for team, colleague, juror and mentor, marked for organisers', async () => {
		const idea = await publicIdea('Hidden remarks');
		const remark = await addComment(db, colleague, idea.id, { body: 'Our manager Piet never listens.', visibility: 'team' });
		await addComment(db, owner, idea.id, { body: 'We hear you.', visibility: 'team' });
		const reason = 'It names a colleague; please keep it about the work.';

		const tally = newTally();
		await countStatements(tally, () => hideComment(db, organiser, idea.id, { commentId: remark.id, reason }));
		expect(tally.statements).toBe(4); // access, the update, the audit line, the notification

		const [row] = await db.selectFrom('comment').select(['hiddenBy', 'hiddenReason', 'hiddenAt']).where('id', '=', remark.id).execute();
		expect(row).toMatchObject({ hiddenBy: organiser.id, hiddenReason: reason });
		expect(row.hiddenAt).toBeInstanceOf(Date);
		expect(await auditOf(remark.id)).toEqual([{ action: 'comment.hide', actorId: organiser.id, data: { ideaId: idea.id, reason } }]);
		expect(await notificationsOf(colleague.id, 'comment_hidden')).toEqual([
			{ params: { ideaId: idea.id, title: idea.title, reason }, link: `/ideas/${idea.id}#comments` }
		]);

		for (const reader of [owner, teammate, colleague, juror, mentor]) {
			const page = await getIdeaPage(db, reader, idea.id);
			expect(page.comments.map((c) => c.body)).toEqual(['We hear you.']);
			// nor does its "Comment added" stay in the timeline
			expect(page.events.filter((e) => e.kind === 'commented').map((e) => e.actorName)).toEqual(['Sanne Owner']);
			expect(page.can.hideComment).toBe(false);
		}
		for (const reader of [organiser, secondOrganiser]) {
			const page = await getIdeaPage(db, reader, idea.id);
			expect(page.can.hideComment).toBe(true);
			const hidden = page.comments.find((c) => c.id === remark.id)!;
			expect(hidden).toMatchObject({ hiddenReason: reason, hiddenByName: 'Olga Organiser' });
			expect(hidden.hiddenAt).toBeInstanceOf(Date);
			expect(page.comments.find((c) => c.body === 'We hear you.')!.hiddenAt).toBeNull();
			expect(page.events.filter((e) => e.kind === 'commented').map((e) => e.actorName)).toEqual(['Lotte Logistics', 'Sanne Owner']);
		}
	});

	it('a second hide (a double click, another organiser, both at once) changes nothing and says "already hidden"', async () => {
		const idea = await publicIdea('Hidden twice');
		const remark = await addComment(db, colleague, idea.id, { body: 'Off topic.', visibility: 'team' });
		const results = await Promise.allSettled([
			hideComment(db, organiser, idea.id, { commentId: remark.id, reason: 'First reason' }),
			hideComment(db, secondOrganiser, idea.id, { commentId: remark.id, reason: 'Second reason' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toMatchObject({ code: 'already_hidden', status: 409 });
		const first = (await commentsOn(idea.id))[0].hiddenReason!;

		await expect(hideComment(db, organiser, idea.id, { commentId: remark.id, reason: 'Third reason' })).rejects.toMatchObject({
			code: 'already_hidden'
		});
		expect((await commentsOn(idea.id))[0].hiddenReason).toBe(first);
		expect(await auditOf(remark.id)).toHaveLength(1);
		expect(
			await notificationsOf(colleague.id, 'comment_hidden').then((n) =>
				n.filter((x) => (x.params as { ideaId: number }).ideaId === idea.id)
			)
		).toHaveLength(1);
	});

	it('show again: everyone reads it once more, audited; showing a shown comment changes nothing', async () => {
		const idea = await publicIdea('Shown again');
		const remark = await addComment(db, colleague, idea.id, { body: 'Hidden by mistake.', visibility: 'team' });
		await hideComment(db, organiser, idea.id, { commentId: remark.id, reason: 'Looked like spam' });
		const tally = newTally();
		await countStatements(tally, () => showComment(db, secondOrganiser, idea.id, { commentId: remark.id }));
		expect(tally.statements).toBe(3); // access, the update, the audit line
		expect((await commentsOn(idea.id))[0]).toMatchObject({ hiddenAt: null, hiddenReason: null });
		expect((await getIdeaPage(db, colleague, idea.id)).comments.map((c) => c.body)).toEqual(['Hidden by mistake.']);
		expect((await auditOf(remark.id)).map((a) => [a.action, a.actorId])).toEqual([
			['comment.hide', organiser.id],
			['comment.show', secondOrganiser.id]
		]);
		await expect(showComment(db, organiser, idea.id, { commentId: remark.id })).rejects.toMatchObject({ code: 'not_hidden', status: 409 });
		expect(await auditOf(remark.id)).toHaveLength(2);
	});

	it('only organisers hide; a comment of another idea is not found; a stranger gets 404', async () => {
		const idea = await publicIdea('Who hides');
		const other = await publicIdea('Other idea');
		const remark = await addComment(db, colleague, idea.id, { body: 'Fine words.', visibility: 'team' });
		await expect(hideComment(db, owner, idea.id, { commentId: remark.id, reason: 'I do not like it' })).rejects.toMatchObject({
			status: 409
		});
		await expect(hideComment(db, mentor, idea.id, { commentId: remark.id, reason: 'No' })).rejects.toMatchObject({ status: 409 });
		await expect(hideComment(db, organiser, other.id, { commentId: remark.id, reason: 'Wrong idea' })).rejects.toMatchObject({
			status: 404
		});
		await expect(showComment(db, organiser, other.id, { commentId: remark.id })).rejects.toMatchObject({ status: 404 });
		const early = await f.newIdea({ owner, competitionId: openCup.id, status: 'accepted' });
		await expect(hideComment(db, colleague, early.id, { commentId: remark.id, reason: 'x' })).rejects.toMatchObject({ status: 404 });
		expect((await commentsOn(idea.id))[0].hiddenAt).toBeNull();
		expect(await auditOf(remark.id)).toEqual([]);
	});
});

describe('the idea page', () => {
	it("reads in two statements for an organiser and a colleague, with colleagues' voice, the active departments, where, who entered it and its helpers", async () => {
		const idea = await publicIdea('Everything on one page');
		const leader = await f.newUser({ name: 'Lea Leader' });
		await db
			.updateTable('idea')
			.set({ location: 'Line 3, the press', enteredBy: leader.id, supportCount: 1, followCount: 1 })
			.where('id', '=', idea.id)
			.execute();
		await db.insertInto('ideaMember').values({ ideaId: idea.id, userId: leader.id, role: 'helper' }).execute();
		await db.insertInto('ideaSupport').values({ ideaId: idea.id, userId: colleague.id, departmentId: colleague.departmentId }).execute();
		await db.insertInto('ideaFollow').values({ ideaId: idea.id, userId: colleague.id }).execute();
		await db.insertInto('department').values({ code: 'OLD', name: 'Retired department', retiredAt: new Date() }).execute();
		const remark = await addComment(db, colleague, idea.id, { body: 'Hidden one.', visibility: 'team' });
		await hideComment(db, organiser, idea.id, { commentId: remark.id, reason: 'Test' });
		await addComment(db, organiser, idea.id, { body: 'Note', visibility: 'organisers' });

		for (const reader of [organiser, colleague]) {
			const tally = newTally();
			const page = await countStatements(tally, () => getIdeaPage(db, reader, idea.id));
			expect(tally.statements).toBe(2);
			expect(page.idea.location).toBe('Line 3, the press');
			expect(page.idea.enteredByName).toBe('Lea Leader');
			expect(page.idea.team.map((p) => [p.name, p.role])).toEqual([
				['Sanne Owner', 'owner'],
				['Tim Teammate', 'member']
			]);
			expect(page.helpers.map((p) => p.name)).toEqual(['Lea Leader']);
			expect(page.departments.map((d) => d.name)).not.toContain('Retired department');
			expect(page.departments.map((d) => d.name)).toContain('Department LOG');
			expect(page.voice).toMatchObject({ supportCount: 1, followCount: 1 });
		}
		const mine = await getIdeaPage(db, colleague, idea.id);
		expect(mine.voice).toMatchObject({ mySupport: colleague.departmentId, following: true });
		expect(mine.voice.supportDepartments).toEqual([{ id: colleague.departmentId, name: 'Department LOG', nameNl: null, supporters: 1 }]);
		expect(mine.can).toMatchObject({ support: true, follow: true, comment: true, hideComment: false });
		expect(mine.comments).toHaveLength(0);
		const organisers = await getIdeaPage(db, organiser, idea.id);
		expect(organisers.comments.map((c) => [c.body, c.hiddenAt !== null])).toEqual([
			['Hidden one.', true],
			['Note', false]
		]);
		expect((await getIdeaPage(db, owner, idea.id)).can).toMatchObject({ support: false, follow: false });
	});
});
