/** People admin on a real database: add and edit through the people service, disable with the handover, enable, flagged jury seats. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { changeRole, loadSessionUser } from '$lib/server/org/users.service.js';
import { addPerson, disablePerson, editPerson, enablePerson, loadPersonForAdmin } from '$lib/server/people/people-admin.service.js';
import { personSchema, type PersonInput } from '$lib/server/people/people-admin.schema.js';
import { getMentoringOverview } from '$lib/server/mentoring/suggestions.service.js';
import { getRoundAdmin } from '$lib/server/competitions/round-setup.service.js';
import { FieldErrors } from '$lib/server/errors.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { mentoringFactories } from '../fixtures/mentoring-factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let mf: ReturnType<typeof mentoringFactories>;
let jf: ReturnType<typeof judgingFactories>;
let admin: SessionUser;
let organiser: SessionUser;
let deptId: number;

/** The seats the round page flags: members of its juries who left the company. */
async function flaggedSeats(roundId: number) {
	const round = await getRoundAdmin(db, organiser, roundId);
	return round.juries.flatMap((j) => j.seats.filter((s) => s.disabled).map((s) => ({ userId: s.userId, juryId: j.id })));
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	mf = mentoringFactories(db);
	jf = judgingFactories(db);
	deptId = (await f.newDepartment('BO')).id;
	admin = await f.newUser({ name: 'Ada Admin', roles: ['admin'], departmentId: deptId });
	organiser = await f.newUser({ name: 'Olga Organiser', roles: ['organiser'], departmentId: deptId });
});

afterAll(async () => {
	await testDb?.close();
});

function person(overrides: Partial<Record<keyof PersonInput, string>> = {}): PersonInput {
	const parsed = personSchema.safeParse({
		name: 'Noor Nieuw',
		email: `noor${Math.random().toString(36).slice(2, 8)}@example.com`,
		employeeNumber: '',
		departmentId: String(deptId),
		manager: '',
		jobLevel: 'engineer',
		educationLevel: 'hbo',
		locale: 'nl',
		jobTitle: 'Process Engineer',
		...overrides
	});
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

async function fieldErrorsOf(work: Promise<unknown>) {
	try {
		await work;
	} catch (e) {
		if (e instanceof FieldErrors) return e.fields;
		throw e;
	}
	throw new Error('expected field errors');
}

describe('adding and editing a person', () => {
	it('adds a person with a manager given by e-mail or employee number, audited via admin', async () => {
		const boss = await addPerson(db, admin, person({ name: 'Bea Baas', employeeNumber: 'E900' }));
		const byNumber = await addPerson(db, admin, person({ name: 'Cas', manager: 'E900' }));
		const row = await loadPersonForAdmin(db, admin, byNumber.id);
		expect(row.manager?.name).toBe('Bea Baas');
		expect(row).toMatchObject({ jobLevel: 'engineer', educationLevel: 'hbo', locale: 'nl', jobTitle: 'Process Engineer' });
		const audit = await db.selectFrom('auditLog').select(['action', 'actorId', 'data']).where('objectId', '=', String(boss.id)).execute();
		expect(audit).toEqual([expect.objectContaining({ action: 'user.created', actorId: admin.id })]);
		expect(audit[0].data).toMatchObject({ via: 'admin' });
	});

	it('refuses a taken e-mail and employee number and an unknown manager beside their fields, changing nothing', async () => {
		const first = await addPerson(db, admin, person({ employeeNumber: 'E901' }));
		const { email } = await loadPersonForAdmin(db, admin, first.id);
		const before = await db
			.selectFrom('appUser')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(await fieldErrorsOf(addPerson(db, admin, person({ email, employeeNumber: 'E901' })))).toEqual({
			email: ['email_taken'],
			employeeNumber: ['employee_number_taken']
		});
		expect(await fieldErrorsOf(addPerson(db, admin, person({ manager: 'nobody@example.com' })))).toEqual({ manager: ['unknown_manager'] });
		const after = await db
			.selectFrom('appUser')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('refuses a manager cycle, the whole way up, and a person as their own manager', async () => {
		const top = await addPerson(db, admin, person({ name: 'Top', employeeNumber: 'E910' }));
		const mid = await addPerson(db, admin, person({ name: 'Mid', employeeNumber: 'E911', manager: 'E910' }));
		const low = await addPerson(db, admin, person({ name: 'Low', employeeNumber: 'E912', manager: 'E911' }));
		const topNow = await loadPersonForAdmin(db, admin, top.id);
		const asForm = (p: typeof topNow, manager: string) =>
			person({ name: p.name, email: p.email, employeeNumber: p.employeeNumber ?? '', manager });
		// Top reporting to Low would close Top -> Low -> Mid -> Top.
		expect(await fieldErrorsOf(editPerson(db, admin, top.id, asForm(topNow, 'E912')))).toEqual({ manager: ['manager_cycle'] });
		expect(await fieldErrorsOf(editPerson(db, admin, top.id, asForm(topNow, 'E910')))).toEqual({ manager: ['manager_self'] });
		expect((await loadPersonForAdmin(db, admin, top.id)).managerId).toBeNull();
		// Moving Low under Top directly is fine.
		const lowNow = await loadPersonForAdmin(db, admin, low.id);
		expect(await editPerson(db, admin, low.id, asForm(lowNow, 'E910'))).toEqual({ changed: ['managerId'] });
		expect((await loadPersonForAdmin(db, admin, mid.id)).managerId).toBe(top.id);
	});

	it('refuses a retired department', async () => {
		const old = await f.newDepartment('OLD');
		await db.updateTable('department').set({ retiredAt: new Date() }).where('id', '=', old.id).execute();
		expect(await fieldErrorsOf(addPerson(db, admin, person({ departmentId: String(old.id) })))).toEqual({
			departmentId: ['department_retired']
		});
	});

	it('is not found for anyone but an admin', async () => {
		await expect(addPerson(db, organiser, person())).rejects.toMatchObject({ status: 404 });
		await expect(loadPersonForAdmin(db, organiser, admin.id)).rejects.toMatchObject({ status: 404 });
		await expect(disablePerson(db, organiser, admin.id)).rejects.toMatchObject({ status: 404 });
	});
});

describe('disabling a person hands over what they hold', () => {
	it('ends their mentorship with a reason (the idea back in the organisers’ queue), flags their jury seat, keeps their ideas’ teams', async () => {
		const owner = await f.newUser({ name: 'Owen Owner', departmentId: deptId });
		const leaver = await mf.newMentor({ departmentId: deptId, name: 'Lea Leaver' });
		const teammate = await f.newUser({ name: 'Tim Teammate', departmentId: deptId });
		const competition = await f.newCompetition();
		const coached = await f.newIdea({ owner, competitionId: competition.id, status: 'accepted', title: 'Torque shadow boards' });
		const assignment = await mf.newAssignment({ ideaId: coached.id, mentorId: leaver.id, status: 'accepted' });
		const ownIdea = await f.newIdea({ owner: leaver, competitionId: competition.id, status: 'submitted', members: [teammate] });
		const round = await jf.newRound({
			competitionId: competition.id,
			status: 'open',
			juries: [{ departmentId: deptId, members: [leaver, organiser] }]
		});

		const before = await loadPersonForAdmin(db, admin, leaver.id);
		expect(before.mentorships.map((m) => m.ideaId)).toEqual([coached.id]);
		expect(before.jurySeats.map((s) => s.roundId)).toEqual([round.id]);
		expect(before.ideas.map((i) => ({ status: i.status, count: Number(i.count) }))).toEqual([{ status: 'submitted', count: 1 }]);
		expect((await getMentoringOverview(db, organiser)).ideas.map((i) => i.id)).not.toContain(coached.id);

		const handover = await disablePerson(db, admin, leaver.id);
		expect(handover).toMatchObject({ disabled: [leaver.id], mentorshipsEnded: 1, jurySeatsFlagged: 1 });

		const ended = await db.selectFrom('mentorAssignment').selectAll().where('id', '=', assignment.id).executeTakeFirstOrThrow();
		expect(ended).toMatchObject({ status: 'ended', endReason: 'left_company', endedBy: admin.id });
		expect(ended.endedAt).not.toBeNull();
		expect((await getMentoringOverview(db, organiser)).ideas.map((i) => i.id)).toContain(coached.id);
		const event = await db.selectFrom('ideaEvent').select(['kind', 'reason']).where('ideaId', '=', coached.id).execute();
		expect(event).toContainEqual({ kind: 'mentor_ended', reason: 'left_company' });

		expect(await flaggedSeats(round.id)).toEqual([{ userId: leaver.id, juryId: round.juries[0].id }]);

		const team = await db
			.selectFrom('ideaMember')
			.select(['userId', 'role'])
			.where('ideaId', '=', ownIdea.id)
			.orderBy('role', (ob) => ob.desc())
			.execute();
		expect(team).toEqual([
			{ userId: leaver.id, role: 'owner' },
			{ userId: teammate.id, role: 'member' }
		]);
		expect(await loadSessionUser(db, leaver.id)).toBeNull();
		const after = await loadPersonForAdmin(db, admin, leaver.id);
		expect(after.mentorships).toEqual([]);
		expect(after.disabledAt).not.toBeNull();
	});

	it('enables them again (audited), and the seat is no longer flagged', async () => {
		const back = await f.newUser({ name: 'Bo Back', departmentId: deptId });
		const competition = await f.newCompetition();
		const round = await jf.newRound({ competitionId: competition.id, status: 'draft', juries: [{ departmentId: null, members: [back] }] });
		await disablePerson(db, admin, back.id);
		expect((await flaggedSeats(round.id)).map((s) => s.userId)).toEqual([back.id]);
		expect(await enablePerson(db, admin, back.id)).toEqual({ enabled: true });
		expect(await flaggedSeats(round.id)).toEqual([]);
		expect(await loadSessionUser(db, back.id)).not.toBeNull();
		const actions = await db.selectFrom('auditLog').select('action').where('objectId', '=', String(back.id)).orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
	});

	it('an admin cannot disable themselves, and the last active admin cannot be disabled or lose the role', async () => {
		await expect(disablePerson(db, admin, admin.id)).rejects.toMatchObject({ code: 'self_disable' });
		await expect(changeRole(db, admin, admin.id, 'admin', false)).rejects.toMatchObject({ code: 'last_admin' });
		// A second admin exists only in name: once disabled, they do not count, so Ada stays the last.
		const other = await f.newUser({ name: 'Otto Admin', roles: ['admin'], departmentId: deptId });
		await disablePerson(db, admin, other.id);
		await expect(changeRole(db, admin, admin.id, 'admin', false)).rejects.toMatchObject({ code: 'last_admin' });
		// Otto is enabled, then disabled behind his back while his page is open: disabling Ada would leave no active admin.
		await enablePerson(db, admin, other.id);
		const otto = (await loadSessionUser(db, other.id))!;
		await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', otto.id).execute();
		await expect(disablePerson(db, otto, admin.id)).rejects.toMatchObject({ code: 'last_admin' });
		expect((await loadSessionUser(db, admin.id))!.roles).toContain('admin');
	});
});
