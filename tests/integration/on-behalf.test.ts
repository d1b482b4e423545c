/**
 * An idea entered on a colleague's behalf, on a real database: the colleague is credited (owner,
 * created_by), the team leader or mentor who typed it is a helper (entered_by, on the team,
 * not credited), the event and the notification say so, and who may not is refused with
 * nothing stored. Helpers are not participants, but they are conflicted in a jury.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { loadSessionUser } from '$lib/server/org/users.service.js';
import { ideaFormSchema } from '$lib/server/ideas/ideas.schema.js';
import { mayEnterOnBehalf, saveIdea, submitIdea, getIdeaForEdit } from '$lib/server/ideas/idea-form.service.js';
import { listMyIdeas } from '$lib/server/ideas/idea-lists.service.js';
import { teamNames } from '$lib/server/ideas/idea-columns.js';
import { selectParticipation } from '$lib/server/insight/participation.queries.js';
import { conflictSources } from '$lib/server/scoring/conflict-sources.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let leader: SessionUser;
let operator: SessionUser;
let mentor: SessionUser;
let employee: SessionUser;
let gone: { id: number };
let cup: { id: number };
let line: { id: number };
let office: { id: number };

const form = (over: Record<string, unknown> = {}) =>
	ideaFormSchema.parse({
		title: 'A stop at the press',
		problem: 'The press stops every hour because the sheet guide sticks in cold weather.',
		proposal: 'Heat the sheet guide with the spare heater from line 2 during the first hour.',
		location: 'Press 4, hall B',
		departmentId: String(office.id),
		competitionId: String(cup.id),
		onBehalfOf: String(operator.id),
		agreed: 'on',
		clientKey: randomUUID(),
		...over
	});

const ideaRow = (id: number) =>
	db
		.selectFrom('idea')
		.select(['createdBy', 'enteredBy', 'departmentId', 'location', 'status'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
const team = (id: number) => db.selectFrom('ideaMember').select(['userId', 'role']).where('ideaId', '=', id).orderBy('userId').execute();
const ideaCount = async () =>
	Number(
		(
			await db
				.selectFrom('idea')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	office = await f.newDepartment('OFC');
	line = await f.newDepartment('LIN');
	leader = await f.newUser({ departmentId: office.id, name: 'Lotte Leader' });
	operator = await f.newUser({ departmentId: line.id, name: 'Omar Operator' });
	mentor = await f.newUser({ departmentId: office.id, name: 'Mila Mentor', mentor: true });
	employee = await f.newUser({ departmentId: line.id, name: 'Erik Employee' });
	gone = await f.newUser({ departmentId: line.id, name: 'Gert Gone' });
	// Omar and Gert report to Lotte: she leads a team. Gert has left.
	await db.updateTable('appUser').set({ managerId: leader.id }).where('id', 'in', [operator.id, gone.id]).execute();
	await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', gone.id).execute();
	// as a request would: the session reads roles and leader facts afresh
	leader = (await loadSessionUser(db, leader.id))!;
	mentor = (await loadSessionUser(db, mentor.id))!;
	cup = await f.newCompetition({ open: true });
});

afterAll(async () => {
	await testDb?.close();
});

describe('entering an idea for a colleague', () => {
	it('is offered to a team leader and a mentor, not to an employee', async () => {
		expect(await mayEnterOnBehalf(db, leader)).toBe(true);
		expect(await mayEnterOnBehalf(db, mentor)).toBe(true);
		expect(await mayEnterOnBehalf(db, employee)).toBe(false);
		expect(await mayEnterOnBehalf(db, operator)).toBe(false);
	});

	it('credits the colleague: owner and created_by; the leader is entered_by and a helper; event and notification say so', async () => {
		const { id } = await saveIdea(db, leader, null, form());
		const row = await ideaRow(id);
		expect(row).toMatchObject({ createdBy: operator.id, enteredBy: leader.id, location: 'Press 4, hall B', status: 'draft' });
		// The form left the leader's own department: the idea goes to the colleague's.
		expect(row.departmentId).toBe(line.id);
		expect(await team(id)).toEqual(
			[
				{ userId: leader.id, role: 'helper' },
				{ userId: operator.id, role: 'owner' }
			].sort((a, b) => a.userId - b.userId)
		);
		const events = await db.selectFrom('ideaEvent').select(['kind', 'actorId', 'data']).where('ideaId', '=', id).execute();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ kind: 'created', actorId: leader.id });
		expect(events[0].data).toEqual({ enteredBy: leader.id, onBehalfOf: operator.id, agreed: true });
		const told = await db
			.selectFrom('notification')
			.select(['userId', 'kind', 'params', 'link'])
			.where('kind', '=', 'entered_for_you')
			.execute();
		expect(told).toEqual([
			{
				userId: operator.id,
				kind: 'entered_for_you',
				params: { ideaId: id, title: 'A stop at the press', name: 'Lotte Leader' },
				link: `/ideas/${id}`
			}
		]);
	});

	it('keeps a department chosen other than the enterer’s own', async () => {
		const other = await f.newDepartment('OTH');
		const { id } = await saveIdea(db, leader, null, form({ departmentId: String(other.id), competitionId: '' }));
		expect((await ideaRow(id)).departmentId).toBe(other.id);
	});

	it('shows under My ideas: the colleague’s own, "entered by"; the helper’s as helping', async () => {
		const { id } = await saveIdea(db, mentor, null, form({ title: 'Mentor entered' }));
		const mine = await listMyIdeas(db, operator);
		expect(mine.ideas.find((i) => i.id === id)).toMatchObject({ role: 'owner', enteredByName: 'Mila Mentor' });
		const helping = await listMyIdeas(db, mentor);
		expect(helping.ideas.find((i) => i.id === id)).toMatchObject({ role: 'helper' });
	});

	it('names only the credited team (not the helper)', async () => {
		const { id } = await saveIdea(db, leader, null, form({ title: 'Names', member: [String(employee.id)] }));
		const row = await db
			.selectFrom('idea as i')
			.select((eb) => [teamNames(eb.ref('i.id'))])
			.where('i.id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.team).toBe('Omar Operator, Erik Employee');
	});

	it('refuses an employee who is neither team leader nor mentor, storing nothing', async () => {
		const before = await ideaCount();
		await expect(saveIdea(db, employee, null, form({ onBehalfOf: String(operator.id) }))).rejects.toMatchObject({ status: 404 });
		expect(await ideaCount()).toBe(before);
	});

	it('asks for the agreement, beside its field', async () => {
		const before = await ideaCount();
		await expect(saveIdea(db, leader, null, form({ agreed: undefined }))).rejects.toMatchObject({ fields: { agreed: ['behalf_agree'] } });
		expect(await ideaCount()).toBe(before);
	});

	it('refuses an unknown, a disabled and oneself as the colleague', async () => {
		const before = await ideaCount();
		await expect(saveIdea(db, leader, null, form({ onBehalfOf: '999999' }))).rejects.toMatchObject({
			fields: { onBehalfOf: ['behalf_unknown'] }
		});
		await expect(saveIdea(db, leader, null, form({ onBehalfOf: String(gone.id) }))).rejects.toMatchObject({
			fields: { onBehalfOf: ['behalf_unknown'] }
		});
		await expect(saveIdea(db, leader, null, form({ onBehalfOf: String(leader.id) }))).rejects.toMatchObject({
			fields: { onBehalfOf: ['behalf_self'] }
		});
		expect(await ideaCount()).toBe(before);
	});

	it('refuses the one who enters it as a team member too (they are its helper)', async () => {
		await expect(saveIdea(db, leader, null, form({ member: [String(leader.id)] }))).rejects.toMatchObject({
			fields: { member: ['behalf_helper_not_member'] }
		});
	});

	it('keeps a double click to one idea and one notification', async () => {
		const input = form({ title: 'Double click' });
		const [a, b] = await Promise.all([saveIdea(db, leader, null, input), saveIdea(db, leader, null, input)]);
		expect(a.id).toBe(b.id);
		const again = await saveIdea(db, leader, null, input);
		expect(again.id).toBe(a.id);
		const n = await db
			.selectFrom('notification')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('kind', '=', 'entered_for_you')
			.where(sql<boolean>`params->>'title' = 'Double click'`)
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBe(1);
	});

	it('lets the helper edit (owner kept, location kept) and submit it', async () => {
		const { id } = await saveIdea(db, leader, null, form({ title: 'Helper follows up' }));
		const { idea } = await getIdeaForEdit(db, leader, id);
		expect(idea.location).toBe('Press 4, hall B');
		const edited = await saveIdea(
			db,
			leader,
			id,
			form({
				title: 'Helper follows up, edited',
				location: 'Press 5',
				version: String(idea.version),
				onBehalfOf: '',
				agreed: undefined,
				departmentId: String(line.id)
			})
		);
		expect(await ideaRow(id)).toMatchObject({ createdBy: operator.id, location: 'Press 5' });
		expect((await team(id)).find((m) => m.userId === leader.id)?.role).toBe('helper');
		expect((await team(id)).find((m) => m.userId === operator.id)?.role).toBe('owner');
		await submitIdea(db, leader, id, edited.version);
		expect((await ideaRow(id)).status).toBe('submitted');
	});

	it('ignores the field on an edit: the owner stays', async () => {
		const { id, version } = await saveIdea(db, operator, null, form({ title: 'Own idea', onBehalfOf: '', agreed: undefined }));
		await saveIdea(db, operator, id, form({ title: 'Own idea', version: String(version), onBehalfOf: String(employee.id) }));
		expect(await ideaRow(id)).toMatchObject({ createdBy: operator.id, enteredBy: null });
	});

	it('a save for a colleague runs four statements', async () => {
		const tally = newTally();
		await countStatements(tally, () => saveIdea(db, leader, null, form({ title: 'Counted' })));
		// (the leader facts come with the session) what the form names with the two people; the
		// colleague's department checked once more (the idea moved there); the idea with its team,
		// helper, benefits, tags and event; the colleague's notification
		expect(tally.statements).toBe(4);
	});
});

describe('helpers are not credited', () => {
	it('counts the colleague as a participant, not the helper', async () => {
		// The boss sits in another department than the worker: whose department counts one tells who was counted.
		const bossDept = await f.newDepartment('BSS');
		const workDept = await f.newDepartment('WRK');
		const bossUser = await f.newUser({ departmentId: bossDept.id, name: 'Bo Boss' });
		const worker = await f.newUser({ departmentId: workDept.id, name: 'Wim Worker' });
		await db.updateTable('appUser').set({ managerId: bossUser.id }).where('id', '=', worker.id).execute();
		const boss = (await loadSessionUser(db, bossUser.id))!;
		const edition = await f.newCompetition({ open: true });
		const { id, version } = await saveIdea(
			db,
			boss,
			null,
			form({ title: 'Counted once', departmentId: String(bossDept.id), competitionId: String(edition.id), onBehalfOf: String(worker.id) })
		);
		await submitIdea(db, boss, id, version);
		const count = async (departmentIds: number[]) => {
			const { cells } = await selectParticipation(
				db,
				{ competitionId: edition.id, departmentIds, from: null, to: null },
				{ editions: true }
			);
			return cells.reduce((sum, c) => sum + c.participants, 0);
		};
		expect(await count([workDept.id])).toBe(1);
		expect(await count([bossDept.id])).toBe(0);
		expect(await count([workDept.id, bossDept.id])).toBe(1);
	});

	it('a helper on a jury is conflicted for that idea (team)', async () => {
		const { id } = await saveIdea(db, mentor, null, form({ title: 'Conflicted' }));
		const { rows } = await sql<{ source: string }>`
			select s.source from (${conflictSources(sql`${mentor.id}::int`, sql`${id}::int`, { recorded: false })}) s`.execute(db);
		expect(rows.map((r) => r.source)).toContain('team');
	});
});
