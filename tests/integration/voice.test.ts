/**
 * Support and follow on a real database (PGlite and PostgreSQL): exact counts through repeats,
 * withdrawals and concurrent requests; the department a supporter names; the team told of a
 * new support; followers told of public status changes (and not of private ones); supporting
 * departments as the suggested candidates of the knowledge-base entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { followIdea, getSupportPage, supportIdea, unfollowIdea, unsupportIdea } from '$lib/server/ideas/voice.service.js';
import { supportSchema } from '$lib/server/ideas/wall.schema.js';
import { changeStatus, moveIdea, moveIdeas } from '$lib/server/ideas/ideas.service.js';
import { requestPublication } from '$lib/server/knowledge-base/publication.service.js';
import { entrySchema } from '$lib/server/knowledge-base/kb.schema.js';
import { notificationText } from '$lib/i18n-labels.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let ops: { id: number };
let log: { id: number };
let lab: { id: number };
let retired: { id: number };
let owner: SessionUser;
let teammate: SessionUser;
let logistician: SessionUser;
let logistician2: SessionUser;
let labPerson: SessionUser;
let organiser: SessionUser;
let closedCup: { id: number };
let openCup: { id: number };
let publicIdea: { id: number; title: string };

const counts = (ideaId: number) =>
	db.selectFrom('idea').select(['supportCount', 'followCount']).where('id', '=', ideaId).executeTakeFirstOrThrow();
const rows = async (ideaId: number) => ({
	supports: await db.selectFrom('ideaSupport').select(['userId', 'departmentId']).where('ideaId', '=', ideaId).orderBy('userId').execute(),
	follows: await db.selectFrom('ideaFollow').select('userId').where('ideaId', '=', ideaId).orderBy('userId').execute()
});
const notes = (userId: number, kind: string) =>
	db.selectFrom('notification').select(['params', 'link']).where('userId', '=', userId).where('kind', '=', kind).orderBy('id').execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	ops = await f.newDepartment('OPS');
	log = await f.newDepartment('LOG');
	lab = await f.newDepartment('LAB');
	retired = await f.newDepartment('OLD');
	await db.updateTable('department').set({ retiredAt: new Date() }).where('id', '=', retired.id).execute();
	await db.updateTable('department').set({ name: 'Logistics', nameNl: 'Logistiek' }).where('id', '=', log.id).execute();
	owner = await f.newUser({ departmentId: ops.id, name: 'Olga Owner' });
	teammate = await f.newUser({ departmentId: ops.id, name: 'Tim Teammate' });
	logistician = await f.newUser({ departmentId: log.id, name: 'Lotte Logistics' });
	logistician2 = await f.newUser({ departmentId: log.id, name: 'Lars Logistics' });
	labPerson = await f.newUser({ departmentId: lab.id, name: 'Lea Lab' });
	organiser = await f.newUser({ departmentId: lab.id, roles: ['organiser'], name: 'Oona Organiser' });
	closedCup = await f.newCompetition({ open: false });
	openCup = await f.newCompetition({ open: true });
	publicIdea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'coaching', members: [teammate], title: 'Shadow boards' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('support', () => {
	it('a colleague supports a public idea for their department: the count, the row, the team told', async () => {
		const result = await supportIdea(db, logistician, publicIdea.id, supportSchema.parse({ departmentId: String(log.id) }));
		expect(result).toEqual({ added: true });
		expect(await counts(publicIdea.id)).toEqual({ supportCount: 1, followCount: 0 });
		expect((await rows(publicIdea.id)).supports).toEqual([{ userId: logistician.id, departmentId: log.id }]);
		for (const member of [owner, teammate])
			expect(await notes(member.id, 'idea_supported')).toEqual([
				{
					params: { ideaId: publicIdea.id, title: 'Shadow boards', department: 'Logistics', departmentNl: 'Logistiek' },
					link: `/ideas/${publicIdea.id}`
				}
			]);
	});

	it('supporting again changes the department, not the count, and tells nobody again', async () => {
		expect(await supportIdea(db, logistician, publicIdea.id, { departmentId: lab.id })).toEqual({ added: false });
		expect(await supportIdea(db, logistician, publicIdea.id, { departmentId: null })).toEqual({ added: false });
		expect((await rows(publicIdea.id)).supports).toEqual([{ userId: logistician.id, departmentId: null }]);
		await supportIdea(db, logistician, publicIdea.id, { departmentId: log.id });
		expect((await counts(publicIdea.id)).supportCount).toBe(1);
		expect(await notes(owner.id, 'idea_supported')).toHaveLength(1);
	});

	it('a support without a department tells the team without one', async () => {
		await supportIdea(db, labPerson, publicIdea.id, supportSchema.parse({ departmentId: '' }));
		expect((await notes(owner.id, 'idea_supported')).at(-1)?.params).toEqual({ ideaId: publicIdea.id, title: 'Shadow boards' });
		expect((await counts(publicIdea.id)).supportCount).toBe(2);
	});

	it('withdrawing removes it once; a second withdrawal changes nothing', async () => {
		expect(await unsupportIdea(db, labPerson, publicIdea.id)).toEqual({ removed: true });
		expect(await unsupportIdea(db, labPerson, publicIdea.id)).toEqual({ removed: false });
		expect((await counts(publicIdea.id)).supportCount).toBe(1);
	});

	it('double clicks, two tabs and many colleagues at once keep the count exact', async () => {
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'accepted' });
		await Promise.all([1, 2, 3, 4].map(() => supportIdea(db, logistician2, idea.id, { departmentId: log.id })));
		expect((await counts(idea.id)).supportCount).toBe(1);
		await Promise.all([logistician, labPerson, organiser].map((p) => supportIdea(db, p, idea.id, { departmentId: null })));
		expect((await counts(idea.id)).supportCount).toBe(4);
		expect((await rows(idea.id)).supports).toHaveLength(4);
		// the team heard of four supporters, once each
		expect((await notes(owner.id, 'idea_supported')).filter((n) => (n.params as { ideaId: number }).ideaId === idea.id)).toHaveLength(4);
		await Promise.all([1, 2, 3].map(() => unsupportIdea(db, logistician2, idea.id)));
		expect((await counts(idea.id)).supportCount).toBe(3);
		await Promise.all([
			unsupportIdea(db, logistician, idea.id),
			supportIdea(db, logistician2, idea.id, { departmentId: null }),
			unsupportIdea(db, labPerson, idea.id),
			supportIdea(db, logistician2, idea.id, { departmentId: log.id })
		]);
		const { supports } = await rows(idea.id);
		expect((await counts(idea.id)).supportCount).toBe(supports.length);
		expect(supports.map((s) => s.userId).sort()).toEqual([logistician2.id, organiser.id].sort());
	});

	it("names a department that exists, is not retired and is not the idea's own", async () => {
		await expect(supportIdea(db, logistician, publicIdea.id, { departmentId: ops.id })).rejects.toMatchObject({
			fields: { departmentId: ['own_department'] }
		});
		await expect(supportIdea(db, logistician, publicIdea.id, { departmentId: retired.id })).rejects.toMatchObject({
			fields: { departmentId: ['unknown_department'] }
		});
		await expect(supportIdea(db, logistician, publicIdea.id, { departmentId: 999_999 })).rejects.toMatchObject({
			fields: { departmentId: ['unknown_department'] }
		});
		expect(supportSchema.safeParse({ departmentId: 'abc' }).success).toBe(false);
		// nothing changed
		expect((await rows(publicIdea.id)).supports).toEqual([{ userId: logistician.id, departmentId: log.id }]);
	});

	it('the team reads the department in its own language', async () => {
		const [note] = await notes(owner.id, 'idea_supported');
		expect(notificationText('idea_supported', note.params, 'nl')).toContain('Logistiek');
		expect(notificationText('idea_supported', note.params, 'en')).toContain('Logistics');
	});
	it('the team cannot support its own idea (409); a stranger to a private idea gets 404; an organiser waits for it to be public', async () => {
		await expect(supportIdea(db, teammate, publicIdea.id, { departmentId: null })).rejects.toMatchObject({ code: 'own_idea', status: 409 });
		const early = await f.newIdea({ owner, competitionId: openCup.id, status: 'accepted' });
		await expect(supportIdea(db, logistician, early.id, { departmentId: null })).rejects.toMatchObject({ status: 404 });
		await expect(followIdea(db, logistician, early.id)).rejects.toMatchObject({ status: 404 });
		await expect(supportIdea(db, organiser, early.id, { departmentId: null })).rejects.toMatchObject({ code: 'not_public', status: 409 });
		const draft = await f.newIdea({ owner, competitionId: closedCup.id, status: 'draft' });
		await expect(supportIdea(db, organiser, draft.id, { departmentId: null })).rejects.toMatchObject({ status: 404 });
		expect(await counts(early.id)).toEqual({ supportCount: 0, followCount: 0 });
	});

	it('the support page reads the voice and the departments; the action stays within the statement budget', async () => {
		const page = await getSupportPage(db, logistician, publicIdea.id);
		expect(page.voice).toMatchObject({ supportCount: 1, mySupport: log.id, following: false });
		expect(page.voice.supportDepartments).toEqual([{ id: log.id, name: 'Logistics', nameNl: 'Logistiek', supporters: 1 }]);
		expect(page.departments.map((d) => d.id)).not.toContain(retired.id);
		expect(page).toMatchObject({ canSupport: true, canFollow: true });
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'accepted' });
		const tally = newTally();
		await countStatements(tally, () => supportIdea(db, logistician, idea.id, { departmentId: lab.id }));
		// facts, department, the support with its count, the team's notification (the session is the fifth)
		expect(tally.statements).toBe(4);
		const pageTally = newTally();
		await countStatements(pageTally, () => getSupportPage(db, logistician, idea.id));
		expect(pageTally.statements).toBe(2);
	});
});

describe('follow', () => {
	it('follows once, however often clicked, and unfollows once', async () => {
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'semi_final' });
		await Promise.all([1, 2, 3].map(() => followIdea(db, logistician, idea.id)));
		expect((await counts(idea.id)).followCount).toBe(1);
		expect(await followIdea(db, logistician, idea.id)).toEqual({ added: false });
		await followIdea(db, labPerson, idea.id);
		expect((await counts(idea.id)).followCount).toBe(2);
		await Promise.all([1, 2, 3].map(() => unfollowIdea(db, logistician, idea.id)));
		expect((await counts(idea.id)).followCount).toBe(1);
		expect((await rows(idea.id)).follows).toEqual([{ userId: labPerson.id }]);
		await expect(followIdea(db, owner, idea.id)).rejects.toMatchObject({ code: 'own_idea', status: 409 });
	});

	it('an organiser follows a submitted idea; its followers hear only what they may see', async () => {
		const idea = await f.newIdea({ owner, competitionId: openCup.id, status: 'submitted', title: 'Early bird' });
		const current = await db.selectFrom('idea').select('version').where('id', '=', idea.id).executeTakeFirstOrThrow();
		await followIdea(db, organiser, idea.id);
		const other = await f.newUser({ departmentId: lab.id, roles: ['organiser'] });
		// accepted, but the call is still open: not public, nobody is told
		await changeStatus(db, other, idea.id, current.version, { transition: 'accept' });
		expect(await notes(organiser.id, 'idea_update')).toEqual([]);
	});

	it('followers hear of a public status change, in the same transaction; the actor and the team do not', async () => {
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'accepted', members: [teammate], title: 'Kanban' });
		await followIdea(db, logistician, idea.id);
		await followIdea(db, labPerson, idea.id);
		await followIdea(db, organiser, idea.id);
		const tally = newTally();
		await countStatements(tally, () =>
			db
				.transaction()
				.execute((trx) => moveIdea(trx, { ideaId: idea.id, actorId: organiser.id, transition: 'startCoaching', as: ['organiser'] }))
		);
		const expected = [{ params: { ideaId: idea.id, title: 'Kanban', status: 'coaching' }, link: `/ideas/${idea.id}` }];
		expect(await notes(logistician.id, 'idea_update')).toEqual(expected);
		expect(await notes(labPerson.id, 'idea_update')).toEqual(expected);
		expect(await notes(organiser.id, 'idea_update')).toEqual([]);
		expect(await notes(owner.id, 'idea_update')).toEqual([]);
		// lock, the update with its event, followers (the update said it has followers)
		expect(tally.statements).toBe(3);
		// a change that rolls back tells nobody
		await expect(
			db.transaction().execute(async (trx) => {
				await moveIdea(trx, { ideaId: idea.id, actorId: organiser.id, transition: 'enterSemiFinal', as: ['organiser'] });
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await notes(logistician.id, 'idea_update')).toHaveLength(1);
	});

	it('moveIdeas tells the followers of all the moved ideas in one statement', async () => {
		const a = await f.newIdea({ owner, competitionId: closedCup.id, status: 'semi_final', title: 'A' });
		const b = await f.newIdea({ owner, competitionId: closedCup.id, status: 'semi_final', title: 'B' });
		await followIdea(db, logistician2, a.id);
		await followIdea(db, logistician2, b.id);
		const tally = newTally();
		await countStatements(tally, () =>
			db.transaction().execute((trx) =>
				moveIdeas(trx, [
					{ ideaId: a.id, actorId: organiser.id, transition: 'advance', as: ['organiser'] },
					{ ideaId: b.id, actorId: organiser.id, transition: 'stop', as: ['organiser'], reason: 'Close call' }
				])
			)
		);
		expect(tally.statements).toBe(4);
		const got = (await notes(logistician2.id, 'idea_update'))
			.map((n) => n.params)
			.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
		expect(got).toEqual([
			{ ideaId: a.id, title: 'A', status: 'finalist' },
			{ ideaId: b.id, title: 'B', status: 'not_advanced' }
		]);
	});
});

describe('supporting departments become suggested candidates for the roll-out', () => {
	it("a new knowledge-base entry starts with them, besides what the team chose; the idea's own is not among them", async () => {
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'implemented', title: 'Two-bin kanban' });
		await supportIdea(db, logistician, idea.id, { departmentId: log.id });
		await supportIdea(db, logistician2, idea.id, { departmentId: log.id });
		await supportIdea(db, labPerson, idea.id, { departmentId: null });
		// a supporter whose department was later retired does not count
		const old = await f.newDepartment('GONE');
		const gone = await f.newUser({ departmentId: old.id });
		await supportIdea(db, gone, idea.id, { departmentId: old.id });
		await db.updateTable('department').set({ retiredAt: new Date() }).where('id', '=', old.id).execute();
		const { entryId } = await requestPublication(
			db,
			owner,
			idea.id,
			entrySchema.parse({
				title: 'Two-bin kanban',
				summary: 'Two bins by the test cells.',
				problem: 'Waiting for consumables.',
				solution: 'Two-bin kanban refilled by logistics.',
				candidate: [String(lab.id)]
			})
		);
		const candidates = await db
			.selectFrom('kbEntryCandidateDepartment')
			.select('departmentId')
			.where('kbEntryId', '=', entryId)
			.orderBy('departmentId')
			.execute();
		expect(candidates.map((c) => c.departmentId)).toEqual([log.id, lab.id].sort((x, y) => x - y));
		// asking again keeps what was chosen then (the supports are not added twice, nor forced back)
		await requestPublication(
			db,
			owner,
			idea.id,
			entrySchema.parse({
				title: 'Two-bin kanban',
				summary: 'Two bins by the test cells.',
				problem: 'Waiting for consumables.',
				solution: 'Two-bin kanban refilled by logistics.',
				candidate: [String(lab.id)]
			})
		);
		const after = await db.selectFrom('kbEntryCandidateDepartment').select('departmentId').where('kbEntryId', '=', entryId).execute();
		expect(after.map((c) => c.departmentId)).toEqual([lab.id]);
	});
});

describe('the company as a whole is no roll-out department', () => {
	it('with one root above every department, the root is not offered and not accepted; side by side, all are', async () => {
		const idea = await f.newIdea({ owner, competitionId: closedCup.id, status: 'accepted' });
		const before = await getSupportPage(db, labPerson, idea.id);
		expect(before.departments.map((d) => d.id)).toEqual(expect.arrayContaining([ops.id, log.id, lab.id]));
		const company = await f.newDepartment('CO');
		await db.updateTable('department').set({ parentId: company.id }).where('parentId', 'is', null).where('id', '<>', company.id).execute();
		const page = await getSupportPage(db, labPerson, idea.id);
		expect(page.departments.map((d) => d.id)).not.toContain(company.id);
		expect(page.departments.map((d) => d.id)).toEqual(expect.arrayContaining([log.id, lab.id]));
		await expect(supportIdea(db, labPerson, idea.id, { departmentId: company.id })).rejects.toMatchObject({
			fields: { departmentId: ['unknown_department'] }
		});
		expect(await supportIdea(db, labPerson, idea.id, { departmentId: log.id })).toEqual({ added: true });
	});
});
