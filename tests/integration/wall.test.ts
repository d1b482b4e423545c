/**
 * The ideas wall on a real database (PGlite and PostgreSQL): it lists exactly the ideas the
 * policy lets each actor view (drafts never), for an idea in every status, before and after
 * the submission deadline, and for every role and relation; then its filters, sorts, paging
 * and statement count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { canOnIdea } from '$lib/server/auth/policy.js';
import { loadIdeaFacts } from '$lib/server/ideas/ideas.access.js';
import { getWall } from '$lib/server/ideas/wall.service.js';
import { wallQuerySchema } from '$lib/server/ideas/wall.schema.js';
import { IDEA_STATUSES } from '$lib/domain/idea-status.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';
import { kbFactories } from '../fixtures/kb-factories.js';

let testDb: TestDatabase;
let db: Database;
let ops: { id: number };
let log: { id: number };
let owner: SessionUser;
let member: SessionUser;
let helper: SessionUser;
let mentor: SessionUser;
let declinedMentor: SessionUser;
let juror: SessionUser;
let organiser: SessionUser;
let sameDept: SessionUser;
let otherDept: SessionUser;
let stranger: SessionUser;
let area: { id: number };
let openCup: { id: number };
let closedCup: { id: number };
const ideaIds: { id: number; status: string; cup: 'open' | 'closed' | 'none' }[] = [];

const wall = (actor: SessionUser, params: Record<string, string> = {}, pageSize = 1000) =>
	getWall(db, actor, wallQuerySchema.parse(params), pageSize);
const wallIds = async (actor: SessionUser, params: Record<string, string> = {}) => (await wall(actor, params)).ideas.map((i) => i.id);

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	const j = judgingFactories(db);
	const mf = mentoringFactories(db);
	const k = kbFactories(db);
	ops = await f.newDepartment('OPS');
	log = await f.newDepartment('LOG');
	area = await k.newProcessArea('Assembly', 'Assemblage');
	owner = await f.newUser({ departmentId: ops.id, name: 'Olga Owner' });
	member = await f.newUser({ departmentId: ops.id, name: 'Mark Member' });
	helper = await f.newUser({ departmentId: ops.id, name: 'Hans Helper' });
	mentor = await mf.newMentor({ departmentId: log.id, name: 'Mia Mentor' });
	declinedMentor = await mf.newMentor({ departmentId: log.id, name: 'Dirk Declined' });
	juror = await f.newUser({ departmentId: log.id, name: 'Jan Juror' });
	organiser = await f.newUser({ departmentId: log.id, roles: ['organiser'], name: 'Oona Organiser' });
	sameDept = await f.newUser({ departmentId: ops.id, name: 'Sam Same' });
	otherDept = await f.newUser({ departmentId: log.id, name: 'Lotte Logistics' });
	stranger = await f.newUser({ name: 'Sven Stranger' });
	openCup = await f.newCompetition({ open: true, name: 'Cup open' });
	closedCup = await f.newCompetition({ open: false, name: 'Cup closed' });
	let n = 0;
	for (const [cup, competitionId] of [
		['open', openCup.id],
		['closed', closedCup.id],
		['none', null]
	] as const) {
		for (const status of IDEA_STATUSES) {
			n++;
			const merged = status === 'merged';
			const idea = await f.newIdea({
				owner,
				competitionId,
				status: merged ? 'submitted' : status,
				members: [member],
				title: `${status} in ${cup} ${n}`
			});
			if (merged) await db.updateTable('idea').set({ status, mergedIntoId: ideaIds[0].id }).where('id', '=', idea.id).execute();
			await db.insertInto('ideaMember').values({ ideaId: idea.id, userId: helper.id, role: 'helper' }).execute();
			if (n % 2 === 0) await mf.newAssignment({ ideaId: idea.id, mentorId: mentor.id, status: n % 4 === 0 ? 'accepted' : 'proposed' });
			else await mf.newAssignment({ ideaId: idea.id, mentorId: declinedMentor.id, status: 'declined' });
			if (n % 2 === 1) await db.updateTable('idea').set({ processAreaId: area.id }).where('id', '=', idea.id).execute();
			ideaIds.push({ id: idea.id, status, cup });
		}
	}
	// a jury of the open cup judges every third idea of it; the juror sits on it
	await j.newRound({
		competitionId: openCup.id,
		juries: [{ departmentId: null, members: [juror] }],
		entries: ideaIds.filter((i, x) => i.cup === 'open' && x % 3 === 0).map((i) => ({ ideaId: i.id, departmentId: null }))
	});
	// an idea of Logistics, public, to filter by department
	const logIdea = await f.newIdea({ owner: otherDept, competitionId: closedCup.id, status: 'winner', title: 'Logistics kanban' });
	ideaIds.push({ id: logIdea.id, status: 'winner', cup: 'closed' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('the wall lists exactly what the policy lets each actor view (drafts never)', () => {
	const actors = () => ({ owner, member, helper, mentor, declinedMentor, juror, organiser, sameDept, otherDept, stranger });
	for (const name of ['owner', 'member', 'helper', 'mentor', 'declinedMentor', 'juror', 'organiser', 'sameDept', 'otherDept', 'stranger']) {
		it(`for the ${name}`, async () => {
			const actor = actors()[name as keyof ReturnType<typeof actors>];
			const expected: number[] = [];
			for (const idea of ideaIds) {
				const access = await loadIdeaFacts(db, actor, idea.id);
				if (access && canOnIdea(actor, 'view', access.facts) && access.status !== 'draft') expected.push(idea.id);
			}
			const got = await wallIds(actor);
			expect([...got].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
			expect(got.length).toBeGreaterThan(0);
		});
	}

	it('counts as the policy does (hand-computed): a colleague sees the nine public statuses of the closed cup, and the Logistics idea', async () => {
		const ids = await wallIds(sameDept);
		expect(ids).toHaveLength(10);
		const statuses = ideaIds.filter((i) => ids.includes(i.id)).map((i) => `${i.status}/${i.cup}`);
		expect(statuses).not.toContain('accepted/open');
		expect(statuses).toContain('accepted/closed');
		expect(statuses).not.toContain('submitted/closed');
	});

	it('an organiser sees every idea but the drafts; a team member sees their non-draft ideas anywhere', async () => {
		expect(await wallIds(organiser)).toHaveLength(ideaIds.length - 3);
		// 3 cups x 15 non-draft statuses
		expect(await wallIds(member)).toHaveLength(45 + 1);
	});

	it("a juror sees their round's ideas even before the deadline", async () => {
		const ids = await wallIds(juror);
		const judged = ideaIds.filter((i, x) => i.cup === 'open' && x % 3 === 0 && i.status !== 'draft').map((i) => i.id);
		expect(judged.length).toBeGreaterThan(0);
		for (const id of judged) expect(ids).toContain(id);
		const submittedJudged = ideaIds.find((i, x) => i.cup === 'open' && x % 3 === 0 && i.status === 'submitted');
		if (submittedJudged) expect(ids).toContain(submittedJudged.id);
	});
});

describe('filters, sorts and paging', () => {
	it('filters by department, process area, stage, edition and words', async () => {
		const byLog = await wall(sameDept, { department: String(log.id) });
		expect(byLog.ideas.map((i) => i.title)).toEqual(['Logistics kanban']);
		expect(byLog.total).toBe(1);
		const byArea = await wall(sameDept, { area: String(area.id) });
		expect(byArea.ideas.length).toBeGreaterThan(0);
		expect(byArea.ideas.every((i) => i.area?.nameEn === 'Assembly')).toBe(true);
		const awarded = await wall(sameDept, { stage: 'awarded' });
		expect(awarded.ideas.map((i) => i.status).sort()).toEqual(['runner_up', 'winner', 'winner']);
		const screening = await wall(organiser, { stage: 'screening' });
		expect(screening.ideas.map((i) => i.status).sort()).toEqual([
			'screening',
			'screening',
			'screening',
			'submitted',
			'submitted',
			'submitted'
		]);
		// a colleague filtering for a stage they may not see finds nothing
		expect((await wall(sameDept, { stage: 'screening' })).ideas).toEqual([]);
		expect((await wall(organiser, { edition: String(openCup.id) })).total).toBe(15);
		expect((await wall(sameDept, { q: 'kanban' })).ideas.map((i) => i.title)).toEqual(['Logistics kanban']);
		// nonsense falls back to no filter
		expect((await wall(sameDept, { stage: 'nonsense', department: 'x', sort: 'zzz', page: '-1' })).total).toBe(10);
	});

	it('offers the private stages to organisers only', async () => {
		expect((await wall(organiser)).stages).toContain('screening');
		expect((await wall(sameDept)).stages).not.toContain('screening');
		expect((await wall(sameDept)).stages).toContain('published');
	});

	it('sorts by newest, most supported and most followed, the id breaking ties', async () => {
		const visible = await wallIds(sameDept);
		const [a, b, c] = visible;
		await db.updateTable('idea').set({ supportCount: 5 }).where('id', '=', b).execute();
		await db.updateTable('idea').set({ supportCount: 3, followCount: 9 }).where('id', '=', c).execute();
		await db
			.updateTable('idea')
			.set({ firstSubmittedAt: sql<Date>`now() + interval '1 day'` })
			.where('id', '=', a)
			.execute();
		const supported = await wallIds(sameDept, { sort: 'supported' });
		expect(supported.slice(0, 2)).toEqual([b, c]);
		const followed = await wallIds(sameDept, { sort: 'followed' });
		expect(followed[0]).toBe(c);
		// the rest in id order, newest id first
		const rest = followed.slice(1);
		expect(rest).toEqual([...rest].sort((x, y) => y - x));
		expect((await wallIds(sameDept, { sort: 'newest' }))[0]).toBe(a);
		const cards = (await wall(sameDept, { sort: 'supported' })).ideas;
		expect(cards[0].voice.supportCount).toBe(5);
	});

	it('pages 24 at a time by default, with the total on every page', async () => {
		const first = await getWall(db, organiser, wallQuerySchema.parse({}));
		expect(first.pageSize).toBe(24);
		expect(first.ideas).toHaveLength(24);
		expect(first.total).toBe(ideaIds.length - 3);
		const second = await getWall(db, organiser, wallQuerySchema.parse({ page: '2' }));
		expect(second.ideas).toHaveLength(ideaIds.length - 3 - 24);
		expect(second.total).toBe(first.total);
		expect(second.ideas.some((i) => first.ideas.some((x) => x.id === i.id))).toBe(false);
	});

	it('each card names its department, edition, team and counts, and what it may offer', async () => {
		const card = (await wall(sameDept, { q: 'kanban' })).ideas[0];
		expect(card).toMatchObject({
			department: { name: 'Department LOG' },
			edition: 'Cup closed',
			team: 'Lotte Logistics',
			commentCount: 0,
			canSupport: true,
			canFollow: true
		});
		expect(card.excerpt.length).toBeGreaterThan(10);
		const own = (await wall(member, { stage: 'awarded', edition: String(closedCup.id), department: String(ops.id) })).ideas[0];
		expect(own).toMatchObject({ canSupport: false, canFollow: false });
	});

	it("counts the comments every colleague reads: not organisers' notes, not hidden ones", async () => {
		const idea = (await wall(sameDept, { q: 'kanban' })).ideas[0];
		await db
			.insertInto('comment')
			.values([
				{ ideaId: idea.id, authorId: sameDept.id, body: 'Would help us too.', visibility: 'team' },
				{ ideaId: idea.id, authorId: otherDept.id, body: 'Thanks!', visibility: 'team' },
				{ ideaId: idea.id, authorId: organiser.id, body: 'Note for organisers.', visibility: 'organisers' },
				{
					ideaId: idea.id,
					authorId: stranger.id,
					body: 'Off topic.',
					visibility: 'team',
					hiddenAt: new Date(),
					hiddenBy: organiser.id,
					hiddenReason: 'Off topic'
				}
			])
			.execute();
		expect((await wall(sameDept, { q: 'kanban' })).ideas[0].commentCount).toBe(2);
		expect((await wall(organiser, { q: 'kanban' })).ideas[0].commentCount).toBe(2);
	});

	it('reads in two statements, however many ideas', async () => {
		for (const actor of [sameDept, organiser, juror]) {
			const tally = newTally();
			await countStatements(tally, () => getWall(db, actor, wallQuerySchema.parse({ sort: 'supported' })));
			expect(tally.statements).toBeLessThanOrEqual(3);
			expect(tally.statements).toBe(2);
		}
	});

	it('is not for someone without the wall permission', async () => {
		await expect(getWall(db, { id: 0, departmentId: ops.id, roles: [] }, wallQuerySchema.parse({}))).rejects.toMatchObject({
			code: 'not_found'
		});
	});
});
