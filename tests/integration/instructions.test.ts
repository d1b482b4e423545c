/**
 * Work instructions on a real database (PGlite and PostgreSQL): versions and approval. An
 * instruction is created with draft version 1, approved by its owner alone; version 2 starts
 * as a copy of version 1's steps, needs what changed, and once approved the departments that
 * run the entry are told, exactly once each and never the approver; a department confirms
 * the version it works to. Statement counts are measured per call (the session adds 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { getEntryPage } from '$lib/server/knowledge-base/kb.service.js';
import {
	addStep,
	approveVersion,
	confirmVersion,
	createInstruction,
	discardDraft,
	editStep,
	getDraftPage,
	getInstructionPage,
	getInstructionSettingsPage,
	moveStep,
	removeStep,
	saveChangeNote,
	startDraft,
	updateInstruction
} from '$lib/server/instructions/instructions.service.js';
import { DomainError, FieldErrors } from '$lib/server/errors.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { kbFactories } from '../fixtures/kb-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let k: ReturnType<typeof kbFactories>;
let owner: SessionUser;
let teammate: SessionUser;
let organiser: SessionUser;
let adoptionOwner: SessionUser;
let recorder: SessionUser;
let manager: SessionUser;
let operator: SessionUser;
let considering: SessionUser;
let stranger: SessionUser;
let entryId: number;
let pendingEntryId: number;
let tst: { id: number };
let log: { id: number };
let instructionId: number;

const counted = async <T>(work: () => Promise<T>) => {
	const tally = newTally();
	const result = await countStatements(tally, work);
	return { result, statements: tally.statements };
};
const refusal = async (work: Promise<unknown>) => {
	try {
		await work;
	} catch (e) {
		if (e instanceof FieldErrors) return { code: e.code, fields: e.fields, status: e.status };
		if (e instanceof DomainError) return { code: e.code, status: e.status };
		throw e;
	}
	return null;
};
const notices = (kind = 'instruction_version') =>
	db.selectFrom('notification').select(['userId', 'params', 'link']).where('kind', '=', kind).orderBy('userId').execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	k = kbFactories(db);
	const bo = await f.newDepartment('BO');
	tst = await f.newDepartment('TST');
	log = await f.newDepartment('LOG');
	const mnt = await f.newDepartment('MNT');
	owner = await f.newUser({ departmentId: bo.id, name: 'Olaf Owner' });
	teammate = await f.newUser({ departmentId: bo.id, name: 'Tom Teammate' });
	organiser = await f.newUser({ departmentId: bo.id, roles: ['organiser'], name: 'Olga Organiser' });
	adoptionOwner = await f.newUser({ departmentId: tst.id, name: 'Anna Adoption' });
	recorder = await f.newUser({ departmentId: tst.id, name: 'Rik Recorder' });
	manager = await f.newUser({ departmentId: log.id, name: 'Mia Manager' });
	operator = await f.newUser({ departmentId: tst.id, name: 'Otto Operator' });
	considering = await f.newUser({ departmentId: mnt.id, name: 'Cees Considering' });
	stranger = await f.newUser({ departmentId: mnt.id, name: 'Sam Stranger' });
	const cup = await f.newCompetition({ open: false });
	const idea = await f.newIdea({ owner: teammate, competitionId: cup.id, status: 'implemented', title: 'Torque sequence' });
	entryId = (await k.newEntry({ departmentId: bo.id, title: 'Torque sequence for the frame', ideaId: idea.id })).id;
	const pendingIdea = await f.newIdea({ owner: teammate, competitionId: cup.id, status: 'implemented', title: 'Pending one' });
	pendingEntryId = (await k.newEntry({ departmentId: bo.id, status: 'pending', ideaId: pendingIdea.id })).id;
	await db
		.insertInto('adoption')
		.values([
			{ kbEntryId: entryId, departmentId: tst.id, status: 'adopted', ownerId: adoptionOwner.id, createdBy: recorder.id },
			{ kbEntryId: entryId, departmentId: log.id, status: 'piloting', ownerId: null, createdBy: manager.id },
			{ kbEntryId: entryId, departmentId: mnt.id, status: 'considering', ownerId: considering.id, createdBy: considering.id }
		])
		.execute();
	await db
		.insertInto('departmentMtMember')
		.values([
			{ departmentId: log.id, userId: manager.id },
			{ departmentId: log.id, userId: owner.id },
			{ departmentId: mnt.id, userId: stranger.id }
		])
		.execute();
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('versions and approval', () => {
	it('creates an instruction with draft version 1, audited (4 statements with the session)', async () => {
		const { result, statements } = await counted(() =>
			createInstruction(db, organiser, entryId, { code: 'WI-BO-0142', title: 'Tighten the frame bolts', language: 'en', ownerId: owner.id })
		);
		instructionId = result;
		expect(statements).toBe(3);
		const versions = await db
			.selectFrom('instructionVersion')
			.select(['version', 'status'])
			.where('instructionId', '=', instructionId)
			.execute();
		expect(versions).toEqual([{ version: 1, status: 'draft' }]);
		const audit = await db.selectFrom('auditLog').select('action').where('objectType', '=', 'work_instruction').execute();
		expect(audit.map((a) => a.action)).toEqual(['instruction.create']);
	});

	it('refuses an unknown owner beside the field', async () => {
		expect(
			await refusal(createInstruction(db, organiser, entryId, { code: '', title: 'X', language: 'nl', ownerId: 999_999 }))
		).toMatchObject({ fields: { ownerId: ['unknown_person'] } });
	});

	it('a stranger on a pending entry gets not-found; its team may add one', async () => {
		expect(
			await refusal(createInstruction(db, stranger, pendingEntryId, { code: '', title: 'X', language: 'en', ownerId: stranger.id }))
		).toMatchObject({ status: 404 });
		const id = await createInstruction(db, teammate, pendingEntryId, {
			code: '',
			title: 'Pending steps',
			language: 'en',
			ownerId: teammate.id
		});
		expect(await refusal(getInstructionPage(db, stranger, id))).toMatchObject({ status: 404 });
		expect(await refusal(getDraftPage(db, stranger, id))).toMatchObject({ status: 404 });
		expect(await refusal(startDraft(db, stranger, id))).toMatchObject({ status: 404 });
		expect((await getInstructionPage(db, teammate, id)).instruction.id).toBe(id);
	});

	it('builds version 1: add, edit, move and remove steps', async () => {
		const add = (position: number, body: string, extra: { tools?: string; safety?: string } = {}) =>
			addStep(db, owner, instructionId, { draftVersion: 1, position, body, tools: extra.tools ?? '', safety: extra.safety ?? '' });
		const { statements } = await counted(() => add(1, 'Clean the thread', { tools: 'Brush' }));
		expect(statements).toBe(2);
		await add(2, 'Set the wrench to 25 Nm', { tools: 'Torque wrench', safety: 'Gloves on' });
		await add(3, 'Tighten crosswise');
		await add(4, 'Mark the bolts');
		// the same post again (double submit): the place is taken, nothing is added
		expect(await refusal(add(4, 'Mark the bolts'))).toMatchObject({ code: 'stale' });
		const draft = async () => (await getDraftPage(db, owner, instructionId)).draft!.steps;
		const steps = await draft();
		expect(steps.map((s) => s.body)).toEqual(['Clean the thread', 'Set the wrench to 25 Nm', 'Tighten crosswise', 'Mark the bolts']);

		const move = await counted(() =>
			moveStep(db, owner, instructionId, { draftVersion: 1, stepId: steps[3].id, position: 4, direction: 'up' })
		);
		expect(move).toEqual({ result: true, statements: 2 });
		// repeated: the step is no longer at 4, nothing moves
		expect(await moveStep(db, owner, instructionId, { draftVersion: 1, stepId: steps[3].id, position: 4, direction: 'up' })).toBe(false);
		expect((await draft()).map((s) => s.body)).toEqual([
			'Clean the thread',
			'Set the wrench to 25 Nm',
			'Mark the bolts',
			'Tighten crosswise'
		]);
		expect(await moveStep(db, owner, instructionId, { draftVersion: 1, stepId: steps[0].id, position: 1, direction: 'up' })).toBe(false);

		await editStep(db, teammate, instructionId, {
			draftVersion: 1,
			stepId: steps[2].id,
			body: 'Tighten crosswise in two passes',
			tools: 'Torque wrench',
			safety: '',
			removeMedia: false
		});
		const removed = await counted(() => removeStep(db, owner, instructionId, { draftVersion: 1, stepId: steps[3].id }));
		expect(removed).toEqual({ result: true, statements: 2 });
		expect(await removeStep(db, owner, instructionId, { draftVersion: 1, stepId: steps[3].id })).toBe(false);
		const now = await draft();
		expect(now.map((s) => [s.position, s.body])).toEqual([
			[1, 'Clean the thread'],
			[2, 'Set the wrench to 25 Nm'],
			[3, 'Tighten crosswise in two passes']
		]);
		await add(4, 'Mark the bolts');
	});

	it('only the owner approves; version 1 needs no change note', async () => {
		expect(await refusal(approveVersion(db, organiser, instructionId, { expectedVersion: 1 }))).toMatchObject({
			code: 'not_allowed',
			status: 403
		});
		expect(await refusal(approveVersion(db, teammate, instructionId, { expectedVersion: 1 }))).toMatchObject({ status: 403 });
		expect(await refusal(approveVersion(db, stranger, instructionId, { expectedVersion: 1 }))).toMatchObject({ status: 403 });
		const { result, statements } = await counted(() => approveVersion(db, owner, instructionId, { expectedVersion: 1 }));
		expect(result).toEqual({ version: 1 });
		// facts, approve, notify, audit: 5 with the session
		expect(statements).toBe(4);
		const wi = await db.selectFrom('workInstruction').select('currentVersion').where('id', '=', instructionId).executeTakeFirstOrThrow();
		expect(wi.currentVersion).toBe(1);
		// a second post of the same approval changes nothing
		expect(await refusal(approveVersion(db, owner, instructionId, { expectedVersion: 1 }))).toMatchObject({ code: 'stale' });
		await db.deleteFrom('notification').execute();
	});

	it('shows the current version to every employee in 2 statements with the session', async () => {
		const { result: page, statements } = await counted(() => getInstructionPage(db, operator, instructionId));
		expect(statements).toBe(1);
		expect(page.shown?.version).toBe(1);
		expect(page.isCurrent).toBe(true);
		expect(page.shown?.steps.map((s) => s.position)).toEqual([1, 2, 3, 4]);
		expect(page.shown?.steps[1]).toMatchObject({ tools: 'Torque wrench', safety: 'Gloves on', media: null });
		expect(page.can).toMatchObject({ report: true, draft: false, approve: false });
		expect(page.departments.map((d) => [d.departmentName, d.version])).toEqual([
			['Department LOG', null],
			['Department TST', null]
		]);
		expect(await refusal(getInstructionPage(db, operator, instructionId, 7))).toMatchObject({ status: 404 });
	});

	it('a department confirms the version it runs, audited; another department cannot speak for it', async () => {
		const { result, statements } = await counted(() => confirmVersion(db, operator, instructionId, { departmentId: tst.id, version: 1 }));
		expect(result).toBe(1);
		expect(statements).toBe(3);
		expect(await refusal(confirmVersion(db, manager, instructionId, { departmentId: tst.id, version: 1 }))).toMatchObject({
			code: 'not_allowed'
		});
		expect(
			await refusal(confirmVersion(db, considering, instructionId, { departmentId: considering.departmentId, version: 1 }))
		).toMatchObject({
			code: 'not_running'
		});
		expect(await refusal(confirmVersion(db, operator, instructionId, { departmentId: tst.id, version: 5 }))).toMatchObject({
			code: 'not_running'
		});
		const page = await getInstructionPage(db, operator, instructionId);
		expect(page.departments.find((d) => d.departmentId === tst.id)).toMatchObject({
			version: 1,
			confirmedByName: 'Otto Operator',
			mayConfirm: false
		});
	});

	it('version 2 starts as a copy of version 1; a second draft is refused and lands in the first', async () => {
		const { result, statements } = await counted(() => startDraft(db, teammate, instructionId));
		expect(result).toEqual({ version: 2, created: true });
		expect(statements).toBe(2);
		expect(await startDraft(db, owner, instructionId)).toEqual({ version: 2, created: false });
		const draft = (await getDraftPage(db, owner, instructionId)).draft!;
		const v1 = (await getInstructionPage(db, owner, instructionId)).shown!;
		expect(draft.version).toBe(2);
		expect(draft.steps.map((s) => [s.position, s.body, s.tools, s.safety])).toEqual(
			v1.steps.map((s) => [s.position, s.body, s.tools, s.safety])
		);
		expect(draft.steps.map((s) => s.id)).not.toEqual(v1.steps.map((s) => s.id));
		// the database keeps one draft per instruction
		await expect(
			db.insertInto('instructionVersion').values({ instructionId, version: 3, createdBy: owner.id }).execute()
		).rejects.toThrow();
	});

	it('version 2 needs what changed, from the service and from the database', async () => {
		await editStep(db, owner, instructionId, {
			draftVersion: 2,
			stepId: (await getDraftPage(db, owner, instructionId)).draft!.steps[1].id,
			body: 'Set the wrench to 28 Nm',
			tools: 'Torque wrench',
			safety: 'Gloves on',
			removeMedia: false
		});
		expect(await refusal(approveVersion(db, owner, instructionId, { expectedVersion: 2 }))).toMatchObject({
			fields: { changeNote: ['required'] }
		});
		await expect(
			db
				.updateTable('instructionVersion')
				.set({ status: 'approved', approvedBy: owner.id, approvedAt: new Date() })
				.where('instructionId', '=', instructionId)
				.where('version', '=', 2)
				.execute()
		).rejects.toThrow();
		await saveChangeNote(db, owner, instructionId, { draftVersion: 2, changeNote: 'Torque raised to 28 Nm after the new bolts.' });
		// the page still shows version 1 while version 2 is a draft
		expect((await getInstructionPage(db, operator, instructionId)).shown?.version).toBe(1);
	});

	it('approving version 2 makes it current and tells the running departments once each, never the approver', async () => {
		const [a, b] = await Promise.allSettled([
			approveVersion(db, owner, instructionId, { expectedVersion: 2 }),
			approveVersion(db, owner, instructionId, { expectedVersion: 2 })
		]);
		const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'approved' : (r.reason as DomainError).code)).sort();
		expect(outcomes).toEqual(['approved', 'stale']);
		const wi = await db.selectFrom('workInstruction').select('currentVersion').where('id', '=', instructionId).executeTakeFirstOrThrow();
		expect(wi.currentVersion).toBe(2);
		const sent = await notices();
		// TST: its adoption owner, its recorder, the one who confirmed; LOG: its recorder and
		// management team; the owner (on LOG's team) approved it and is not told; MNT only considers it
		expect(sent.map((n) => n.userId)).toEqual([adoptionOwner.id, recorder.id, manager.id, operator.id].sort((x, y) => x - y));
		expect(sent[0]).toMatchObject({
			params: { title: 'Tighten the frame bolts', version: 2, change: 'Torque raised to 28 Nm after the new bolts.' },
			link: `/instructions/${instructionId}`
		});
		const audit = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'work_instruction')
			.where('action', '=', 'instruction.approve')
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('a reader whose department runs version 1 sees it is behind, on the instruction and on the entry', async () => {
		const page = await getInstructionPage(db, operator, instructionId);
		expect(page.shown?.version).toBe(2);
		expect(page.behind).toEqual({
			departmentId: tst.id,
			runs: 1,
			current: 2,
			change: 'Torque raised to 28 Nm after the new bolts.',
			mayConfirm: true
		});
		const old = await getInstructionPage(db, operator, instructionId, 1);
		expect(old.isCurrent).toBe(false);
		expect(old.shown?.steps[1].body).toBe('Set the wrench to 25 Nm');
		expect(page.versions.map((v) => [v.version, v.approvedByName])).toEqual([
			[2, 'Olaf Owner'],
			[1, 'Olaf Owner']
		]);
		const { result: entry, statements } = await counted(() => getEntryPage(db, operator, entryId));
		expect(statements).toBeLessThanOrEqual(4);
		expect(entry.entry.instructions).toEqual([
			expect.objectContaining({ id: instructionId, currentVersion: 2, myDepartmentVersion: 1, myDepartmentRuns: true })
		]);
		await confirmVersion(db, operator, instructionId, { departmentId: tst.id, version: 2 });
		expect((await getInstructionPage(db, operator, instructionId)).behind).toBeNull();
	});

	it('a draft can be discarded; the first version cannot', async () => {
		await startDraft(db, owner, instructionId);
		expect(await discardDraft(db, owner, instructionId, { draftVersion: 3 })).toBe(true);
		expect(await refusal(discardDraft(db, owner, instructionId, { draftVersion: 3 }))).toMatchObject({ code: 'stale' });
		expect((await getDraftPage(db, owner, instructionId)).draft).toBeNull();
	});

	it('the owner types what changed and approves in one go', async () => {
		await startDraft(db, owner, instructionId);
		const { result, statements } = await counted(() =>
			approveVersion(db, owner, instructionId, { expectedVersion: 3, changeNote: 'Mark with the blue pen.' })
		);
		expect(result).toEqual({ version: 3 });
		expect(statements).toBe(4);
		const page = await getInstructionPage(db, owner, instructionId);
		expect(page.versions[0]).toMatchObject({ version: 3, changeNote: 'Mark with the blue pen.' });
		expect(page.shown?.steps).toHaveLength(4);
	});
});

describe('handing an instruction to a new owner', () => {
	it('an organiser changes the owner (audited); the new owner approves, the old one no longer; a colleague gets not found', async () => {
		const id = await createInstruction(db, organiser, entryId, { code: 'WI-H-1', title: 'Handover', language: 'en', ownerId: owner.id });
		expect(await refusal(getInstructionSettingsPage(db, stranger, id))).toMatchObject({ status: 404 });
		expect((await getInstructionSettingsPage(db, owner, id)).instruction).toMatchObject({ ownerId: owner.id, ownerName: 'Olaf Owner' });

		// a disabled person is no owner: refused beside the field, nothing changes
		const leaver = await f.newUser({ departmentId: tst.id, name: 'Lea Leaver' });
		await db.updateTable('appUser').set({ disabledAt: new Date() }).where('id', '=', leaver.id).execute();
		expect(
			await refusal(updateInstruction(db, organiser, id, { code: 'WI-H-1', title: 'Handover', language: 'en', ownerId: leaver.id }))
		).toMatchObject({ fields: { ownerId: ['unknown_person'] } });

		const { statements } = await counted(() =>
			updateInstruction(db, organiser, id, { code: 'WI-H-2', title: 'Handover, renamed', language: 'nl', ownerId: teammate.id })
		);
		expect(statements).toBe(3); // the facts, the change, the audit (+ the session: 4)
		const wi = await db.selectFrom('workInstruction').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(wi).toMatchObject({ code: 'WI-H-2', title: 'Handover, renamed', language: 'nl', ownerId: teammate.id });
		const audit = await db
			.selectFrom('auditLog')
			.select(['actorId', 'data'])
			.where('action', '=', 'instruction.update')
			.where('objectId', '=', String(id))
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actorId: organiser.id, data: { ownerId: teammate.id, previousOwnerId: owner.id } });

		// the first version is approved by the new owner alone
		await addStep(db, teammate, id, { draftVersion: 1, position: 1, body: 'Do it', tools: '', safety: '' });
		expect(await refusal(approveVersion(db, owner, id, { expectedVersion: 1 }))).toMatchObject({ status: 403 });
		await approveVersion(db, teammate, id, { expectedVersion: 1 });
		expect(
			(await db.selectFrom('workInstruction').select('currentVersion').where('id', '=', id).executeTakeFirstOrThrow()).currentVersion
		).toBe(1);
		// the old owner, now only a colleague, may not change it back
		expect(
			await refusal(updateInstruction(db, owner, id, { code: 'WI-H-2', title: 'Mine again', language: 'en', ownerId: owner.id }))
		).toMatchObject({ status: 403 });
	});
});
