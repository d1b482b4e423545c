/**
 * A report's whole route on a real database and a temporary FILES_DIR: an operator reports a
 * problem on step 3 (with a photo; a lying photo saves nothing and keeps the text), a double
 * tap makes one report, the owner is told, passes it on (the handler and the reporter are
 * told), a note, closing with a newer approved version (not an older or a draft one), not
 * needed with a reason, as an idea with the reporter on its team; a closed report changes no
 * more; who sees what; a step of an old version is refused; the statements each takes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError, FieldErrors } from '$lib/server/errors.js';
import { openAttachmentForDownload } from '$lib/server/attachments/attachments.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { parseForm } from '$lib/server/http/parse.js';
import { closeSchema, reportFormSchema, type CloseInput, type ReportFormInput } from '$lib/server/instructions/reports.schema.js';
import {
	addReportNote,
	closeReport,
	createReport,
	getReportForm,
	getReportPage,
	listReportsPage,
	passOnReport
} from '$lib/server/instructions/reports.service.js';
import { receiveQuickIdea } from '$lib/server/ideas/quick-idea.upload.js';
import { factories } from '../fixtures/factories.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

import { actions as reportActions } from '../../src/routes/instructions/[instructionId]/steps/[stepId]/report/+page.server.js';

const runtime = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock('$lib/server/runtime', () => ({ db: () => runtime.db }));

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let filesDir: string;
const previousFilesDir = process.env.FILES_DIR;

let owner: SessionUser;
let operator: SessionUser;
let quality: SessionUser;
let stranger: SessionUser;
let organiser: SessionUser;
let instructionId: number;
/** version 1's steps by position, then version 2's */
let v1Steps: number[];
let v2Steps: number[];
let call: { id: number };

const reportInput = (fields: Record<string, string>): ReportFormInput => {
	const parsed = parseForm(reportFormSchema, new URLSearchParams(fields));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};
const closeInput = (fields: Record<string, string>): CloseInput => {
	const parsed = parseForm(closeSchema, new URLSearchParams(fields));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};

function formRequest(url: string, fields: Record<string, string>, photo?: { name: string; type: string; bytes: Uint8Array }) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	body.set(
		'photo',
		photo ? new File([photo.bytes as BlobPart], photo.name, { type: photo.type }) : new File([], '', { type: 'application/octet-stream' })
	);
	return new Request(url, { method: 'POST', body });
}

async function storedFiles(): Promise<string[]> {
	const all = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
	return all.filter((e) => e.isFile()).map((e) => e.name);
}

const reportsOf = (userId: number) =>
	db.selectFrom('instructionReport').selectAll().where('reporterId', '=', userId).orderBy('id').execute();
const noticesOf = (userId: number, kind: string) =>
	db
		.selectFrom('notification')
		.select(['kind', 'params', 'link'])
		.where('userId', '=', userId)
		.where('kind', '=', kind)
		.orderBy('id')
		.execute();
const historyOf = (reportId: number) =>
	db.selectFrom('instructionReportEvent').select(['kind', 'actorId', 'data']).where('reportId', '=', reportId).orderBy('id').execute();

async function rejects(work: Promise<unknown>, code: string) {
	const e = await work.then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(DomainError);
	expect((e as DomainError).code).toBe(code);
	return e as DomainError;
}

/** A published entry with an instruction: version 1 approved with three steps, version 2 a draft for now. */
async function makeInstruction() {
	const dept = await f.newDepartment('ASM');
	const entry = await db
		.insertInto('kbEntry')
		.values({ title: 'Torque the bearing housing', departmentId: dept.id, status: 'published' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const wi = await db
		.insertInto('workInstruction')
		.values({ kbEntryId: entry.id, code: 'WI-7', title: 'Bearing housing torque', ownerId: owner.id, createdBy: owner.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	const v1 = await db
		.insertInto('instructionVersion')
		.values({ instructionId: wi.id, version: 1, status: 'approved', createdBy: owner.id, approvedBy: owner.id, approvedAt: new Date() })
		.returning('id')
		.executeTakeFirstOrThrow();
	const steps = await db
		.insertInto('instructionStep')
		.values([1, 2, 3].map((position) => ({ versionId: v1.id, position, body: `Step ${position} of version 1` })))
		.returning('id')
		.execute();
	await db.updateTable('workInstruction').set({ currentVersion: 1 }).where('id', '=', wi.id).execute();
	return { id: wi.id, steps: steps.map((s) => s.id) };
}

/** Version 2 approved (what changed said), with its own three steps; it becomes current. */
async function approveVersion2() {
	const v2 = await db
		.insertInto('instructionVersion')
		.values({
			instructionId,
			version: 2,
			status: 'approved',
			changeNote: 'Torque 12 Nm, not 15',
			createdBy: owner.id,
			approvedBy: owner.id,
			approvedAt: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const steps = await db
		.insertInto('instructionStep')
		.values([1, 2, 3].map((position) => ({ versionId: v2.id, position, body: `Step ${position} of version 2` })))
		.returning('id')
		.execute();
	await db.updateTable('workInstruction').set({ currentVersion: 2 }).where('id', '=', instructionId).execute();
	return steps.map((s) => s.id);
}

beforeAll(async () => {
	filesDir = await mkdtemp(join(tmpdir(), 'ideacup-reports-'));
	process.env.FILES_DIR = filesDir;
	testDb = await createTestDatabase();
	db = testDb.db;
	runtime.db = db;
	f = factories(db);
	owner = await f.newUser({ name: 'Olaf Owner' });
	operator = await f.newUser({ name: 'Oona Operator' });
	quality = await f.newUser({ name: 'Quinten Quality' });
	stranger = await f.newUser({ name: 'Stijn Stranger' });
	organiser = await f.newUser({ roles: ['organiser'], name: 'Orla Organiser' });
	call = await f.newCompetition({ open: true, name: 'Spring cup' });
	const made = await makeInstruction();
	instructionId = made.id;
	v1Steps = made.steps;
});

afterAll(async () => {
	await testDb?.close();
	await rm(filesDir, { recursive: true, force: true });
	if (previousFilesDir === undefined) delete process.env.FILES_DIR;
	else process.env.FILES_DIR = previousFilesDir;
});

const stepUrl = (stepId: number) => `http://localhost/instructions/${instructionId}/steps/${stepId}/report`;
async function postForm(user: SessionUser, stepId: number, request: Request) {
	try {
		return await reportActions.default({
			request,
			locals: { user },
			url: new URL(stepUrl(stepId)),
			params: { instructionId: String(instructionId), stepId: String(stepId) }
		} as unknown as Parameters<typeof reportActions.default>[0]);
	} catch (e) {
		return e; // a redirect
	}
}

describe("a report's whole route", () => {
	let reportId: number;

	it('the form shows step 3 of the current version to anyone', async () => {
		const tally = newTally();
		const form = await countStatements(tally, () => getReportForm(db, operator, instructionId, v1Steps[2]));
		expect(tally.statements).toBe(1); // + the session: 2
		expect(form).toMatchObject({ outdated: false, step: { position: 3, body: 'Step 3 of version 1', version: 1 } });
		await rejects(getReportForm(db, operator, instructionId + 999, v1Steps[2]), 'not_found');
	});

	it('a lying photo saves nothing, no file is left, and the text comes back with the message', async () => {
		const before = await storedFiles();
		const lie = new TextEncoder().encode('%PDF-1.4 this is no photo at all');
		const result = (await postForm(
			operator,
			v1Steps[2],
			formRequest(
				stepUrl(v1Steps[2]),
				{ kind: 'problem', body: 'The torque is too high', clientKey: randomUUID() },
				{ name: 'IMG.jpg', type: 'image/jpeg', bytes: lie }
			)
		)) as { status: number; data: { errors: Record<string, string[]>; values: Record<string, string> } };
		expect(result.status).toBe(400);
		expect(result.data.errors.photo?.length).toBe(1);
		expect(result.data.values).toMatchObject({ kind: 'problem', body: 'The torque is too high' });
		expect(await reportsOf(operator.id)).toHaveLength(0);
		expect(await storedFiles()).toEqual(before);
	});

	it('a report on step 3 with a photo: the report, its event, the photo and the owner told; a double tap makes one report', async () => {
		const png = await QRCode.toBuffer('a photo of step 3', { type: 'png', width: 64 });
		const clientKey = randomUUID();
		const fields = { kind: 'problem', body: 'The torque of 15 Nm cracks the housing', clientKey };
		const first = (await postForm(
			operator,
			v1Steps[2],
			formRequest(stepUrl(v1Steps[2]), fields, { name: 'IMG_0003.png', type: 'image/png', bytes: png })
		)) as { status: number; location: string };
		expect(first.status).toBe(303);
		const reports = await reportsOf(operator.id);
		expect(reports).toHaveLength(1);
		reportId = reports[0].id;
		expect(first.location).toBe(`/instructions/reports/${reportId}?sent=1`);
		expect(reports[0]).toMatchObject({ status: 'open', version: 1, stepId: v1Steps[2], kind: 'problem' });

		// the same form again (a double tap), with its photo: the first report, nothing stored
		const filesBefore = await storedFiles();
		const again = (await postForm(
			operator,
			v1Steps[2],
			formRequest(stepUrl(v1Steps[2]), fields, { name: 'IMG_0003.png', type: 'image/png', bytes: png })
		)) as { location: string };
		expect(again.location).toBe(`/instructions/reports/${reportId}?sent=1`);
		expect(await reportsOf(operator.id)).toHaveLength(1);
		expect(await storedFiles()).toEqual(filesBefore);

		const photos = await db.selectFrom('attachment').select(['kind', 'mediaType', 'reportId']).where('reportId', '=', reportId).execute();
		expect(photos).toEqual([{ kind: 'photo', mediaType: 'image/png', reportId }]);
		expect((await historyOf(reportId)).map((h) => h.kind)).toEqual(['reported']);
		const told = await noticesOf(owner.id, 'instruction_report');
		expect(told).toHaveLength(1);
		expect(told[0]).toMatchObject({
			params: { reportId, title: 'Bearing housing torque', step: 3, name: 'Oona Operator', kind: 'problem' },
			link: `/instructions/reports/${reportId}`
		});
	});

	it('a report without a photo is four statements, with one five (each with the session: the route adds it)', async () => {
		const tally = newTally();
		await countStatements(tally, () =>
			createReport(
				db,
				operator,
				instructionId,
				v1Steps[0],
				reportInput({ kind: 'better_way', body: 'Use the shadow board', clientKey: randomUUID() })
			)
		);
		expect(tally.statements).toBe(3); // step, report with its event, the owner's notice; + the session: 4
		const png = await QRCode.toBuffer('counted photo', { type: 'png', width: 64 });
		const body = await receiveQuickIdea(
			formRequest(stepUrl(v1Steps[1]), { kind: 'problem', body: 'x' }, { name: 'p.png', type: 'image/png', bytes: png })
		);
		const withPhoto = newTally();
		await countStatements(withPhoto, () =>
			createReport(
				db,
				operator,
				instructionId,
				v1Steps[1],
				reportInput({ kind: 'problem', body: 'Counted', clientKey: randomUUID() }),
				body.photo
			)
		);
		expect(withPhoto.statements).toBe(4); // + the attachment row; + the session: 5
	});

	it('who sees it: the reporter, the owner and organisers; a stranger gets not found', async () => {
		const tally = newTally();
		const page = await countStatements(tally, () => getReportPage(db, operator, reportId));
		expect(tally.statements).toBe(1); // + the session: 2
		expect(page.report).toMatchObject({ status: 'open', step: { position: 3 }, instruction: { id: instructionId } });
		expect(page.report.photo).toMatchObject({ kind: 'photo', mediaType: 'image/png', fileName: 'IMG_0003.png' });
		expect(page.may).toEqual({ note: true, passOn: false, close: false });
		expect((await getReportPage(db, owner, reportId)).may).toEqual({ note: true, passOn: true, close: true });
		expect((await getReportPage(db, organiser, reportId)).may.close).toBe(true);
		await rejects(getReportPage(db, stranger, reportId), 'not_found');
		// the photo is for the same people, through the attachment routes' own check
		const photoId = page.report.photo!.id;
		for (const who of [operator, owner, organiser]) await (await openAttachmentForDownload(db, who, photoId)).stream.cancel();
		await rejects(openAttachmentForDownload(db, stranger, photoId), 'not_found');
		await rejects(openAttachmentForDownload(db, quality, photoId), 'not_found');
		await rejects(getReportPage(db, quality, reportId), 'not_found');
		await rejects(passOnReport(db, operator, reportId, { userId: quality.id }), 'not_found');
		await rejects(addReportNote(db, stranger, reportId, { text: 'Me too' }), 'not_found');
	});

	it('the owner searches a person and passes it on: the handler and the reporter are told, audited, in four statements', async () => {
		const search = newTally();
		const page = await countStatements(search, () => getReportPage(db, owner, reportId, 'Quinten'));
		expect(search.statements).toBe(2); // + the session: 3
		expect(page.people.map((p) => p.id)).toContain(quality.id);

		const tally = newTally();
		await countStatements(tally, () => passOnReport(db, owner, reportId, { userId: quality.id }));
		expect(tally.statements).toBe(3); // + the session: 4
		expect(await noticesOf(quality.id, 'report_passed')).toMatchObject([{ params: { step: 3, name: 'Olaf Owner' } }]);
		expect(await noticesOf(operator.id, 'report_update')).toMatchObject([{ params: { what: 'passed_on', handler: 'Quinten Quality' } }]);
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'actorId'])
			.where('objectType', '=', 'instruction_report')
			.where('objectId', '=', String(reportId))
			.execute();
		expect(audit).toEqual([{ action: 'report.pass_on', actorId: owner.id }]);
		const seen = await getReportPage(db, quality, reportId);
		expect(seen.report).toMatchObject({ status: 'passed_on', handlerName: 'Quinten Quality' });
		expect(seen.may).toEqual({ note: true, passOn: false, close: false });
		// a person who does not exist (or left) is refused beside the field
		const e = await rejects(passOnReport(db, owner, reportId, { userId: 999_999 }), 'invalid');
		expect((e as FieldErrors).fields.userId).toEqual(['reports_no_such_person']);
	});

	it('the handler adds a note: the reporter and the owner are told, in three statements', async () => {
		const tally = newTally();
		await countStatements(tally, () => addReportNote(db, quality, reportId, { text: 'Measured: 15 Nm is over the spec' }));
		expect(tally.statements).toBe(3); // + the session: 4
		expect((await noticesOf(operator.id, 'report_update')).map((n) => (n.params as { what: string }).what)).toEqual(['passed_on', 'note']);
		expect(await noticesOf(owner.id, 'report_update')).toMatchObject([{ params: { what: 'note', name: 'Quinten Quality' } }]);
		expect(await noticesOf(quality.id, 'report_update')).toEqual([]);
	});

	it('closing with a version: refused for one not newer or not approved, then version 2 closes it and the reporter is told', async () => {
		await rejects(closeReport(db, owner, reportId, closeInput({ resolution: 'new_version', version: '1' })), 'invalid');
		await rejects(closeReport(db, owner, reportId, closeInput({ resolution: 'new_version', version: '2' })), 'invalid'); // no version 2 yet
		await db.insertInto('instructionVersion').values({ instructionId, version: 2, status: 'draft', createdBy: owner.id }).execute();
		await rejects(closeReport(db, owner, reportId, closeInput({ resolution: 'new_version', version: '2' })), 'invalid'); // a draft
		await db.deleteFrom('instructionVersion').where('instructionId', '=', instructionId).where('status', '=', 'draft').execute();
		v2Steps = await approveVersion2();
		await rejects(closeReport(db, operator, reportId, closeInput({ resolution: 'new_version', version: '2' })), 'not_found');

		const page = await getReportPage(db, owner, reportId);
		expect(page.newerVersions).toEqual([{ version: 2, changeNote: 'Torque 12 Nm, not 15' }]);
		const tally = newTally();
		await countStatements(tally, () => closeReport(db, owner, reportId, closeInput({ resolution: 'new_version', version: '2' })));
		expect(tally.statements).toBe(3); // + the session: 4
		const row = await db.selectFrom('instructionReport').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'closed', resolution: 'new_version', resolvedVersion: 2, closedBy: owner.id });
		expect((await noticesOf(operator.id, 'report_update')).at(-1)).toMatchObject({ params: { what: 'new_version', version: 2 } });
		const history = await historyOf(reportId);
		expect(history.map((h) => h.kind)).toEqual(['reported', 'passed_on', 'note', 'closed']);
		expect(history.at(-1)?.data).toMatchObject({ resolution: 'new_version', version: 2 });
	});

	it('the reporter sees the whole history; a closed report changes no more', async () => {
		const page = await getReportPage(db, operator, reportId);
		expect(page.history.map((h) => [h.kind, h.actorName])).toEqual([
			['reported', 'Oona Operator'],
			['passed_on', 'Olaf Owner'],
			['note', 'Quinten Quality'],
			['closed', 'Olaf Owner']
		]);
		expect(page.may).toEqual({ note: false, passOn: false, close: false });
		await rejects(addReportNote(db, operator, reportId, { text: 'Thanks' }), 'reports_closed');
		await rejects(passOnReport(db, owner, reportId, { userId: quality.id }), 'reports_closed');
		await rejects(closeReport(db, organiser, reportId, closeInput({ resolution: 'not_needed', reason: 'again' })), 'reports_closed');
		expect(await historyOf(reportId)).toHaveLength(4);
	});

	it('a step of the old version is refused, with the current step named', async () => {
		const form = await getReportForm(db, operator, instructionId, v1Steps[2]);
		expect(form).toMatchObject({ outdated: true, currentStepId: v2Steps[2] });
		await rejects(
			createReport(db, operator, instructionId, v1Steps[2], reportInput({ kind: 'problem', body: 'Old step', clientKey: randomUUID() })),
			'reports_step_outdated'
		);
		const result = (await postForm(operator, v1Steps[2], formRequest(stepUrl(v1Steps[2]), { kind: 'problem', body: 'Old step' }))) as {
			status: number;
			data: { errors: Record<string, string[]>; values: Record<string, string> };
		};
		expect(result.status).toBe(409);
		expect(result.data.values.body).toBe('Old step');
	});

	it('not needed needs a reason; with one it closes and the reporter reads it', async () => {
		const { id } = await createReport(
			db,
			operator,
			instructionId,
			v2Steps[0],
			reportInput({ kind: 'better_way', body: 'Skip the check', clientKey: randomUUID() })
		);
		const missing = parseForm(closeSchema, new URLSearchParams({ resolution: 'not_needed', reason: '  ' }));
		expect(missing.ok ? null : missing.errors.reason).toEqual(['required']);
		await closeReport(db, owner, id, closeInput({ resolution: 'not_needed', reason: 'The check is required by the customer' }));
		expect((await noticesOf(operator.id, 'report_update')).at(-1)).toMatchObject({
			params: { what: 'not_needed', reason: 'The check is required by the customer' }
		});
	});

	it('as an idea: a draft in the open call, the closer its owner, the reporter a credited member, its event; in five statements', async () => {
		const { id } = await createReport(
			db,
			operator,
			instructionId,
			v2Steps[1],
			reportInput({ kind: 'better_way', body: 'A torque wrench with a click', clientKey: randomUUID() })
		);
		const tally = newTally();
		const { ideaId } = await countStatements(tally, () => closeReport(db, owner, id, closeInput({ resolution: 'idea' })));
		expect(tally.statements).toBe(4); // + the session: 5
		const idea = await db.selectFrom('idea').selectAll().where('id', '=', ideaId!).executeTakeFirstOrThrow();
		expect(idea).toMatchObject({ status: 'draft', createdBy: owner.id, competitionId: call.id, problem: 'A torque wrench with a click' });
		expect(idea.title).toBe('Bearing housing torque #2: A torque wrench with a click');
		const team = await db
			.selectFrom('ideaMember')
			.select(['userId', 'role'])
			.where('ideaId', '=', ideaId!)
			.orderBy('role', 'desc')
			.execute();
		expect(team).toEqual([
			{ userId: owner.id, role: 'owner' },
			{ userId: operator.id, role: 'member' }
		]);
		const events = await db.selectFrom('ideaEvent').select(['kind', 'data']).where('ideaId', '=', ideaId!).execute();
		expect(events).toMatchObject([{ kind: 'created', data: { via: 'instruction_report', reportId: id } }]);
		const row = await db.selectFrom('instructionReport').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'closed', resolution: 'idea', ideaId });
		expect((await getReportPage(db, operator, id)).report).toMatchObject({ ideaId, resolution: 'idea' });
		expect((await noticesOf(operator.id, 'report_update')).at(-1)).toMatchObject({ params: { what: 'idea' } });
	});

	it('two closing at once: one wins, the other is told it is closed', async () => {
		const { id } = await createReport(
			db,
			operator,
			instructionId,
			v2Steps[2],
			reportInput({ kind: 'problem', body: 'Twice closed', clientKey: randomUUID() })
		);
		const results = await Promise.allSettled([
			closeReport(db, owner, id, closeInput({ resolution: 'not_needed', reason: 'First' })),
			closeReport(db, organiser, id, closeInput({ resolution: 'idea' }))
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((lost.reason as DomainError).code).toBe('reports_closed');
		expect((await historyOf(id)).filter((h) => h.kind === 'closed')).toHaveLength(1);
		// an idea made by the loser was rolled back with it
		const ideas = await db
			.selectFrom('ideaEvent')
			.select('id')
			.where(sql<boolean>`data->>'via' = 'instruction_report' and data->>'reportId' = ${String(id)}`)
			.execute();
		expect(ideas).toHaveLength(results[1].status === 'fulfilled' ? 1 : 0);
	});

	it('the list: mine, to handle, all open for organisers; one instruction; two statements', async () => {
		const tally = newTally();
		const mine = await countStatements(tally, () => listReportsPage(db, operator, null));
		expect(tally.statements).toBe(1); // + the session: 2
		expect(mine.mine.length).toBeGreaterThanOrEqual(5);
		expect(mine.toHandle).toEqual([]);
		expect(mine.allOpen).toBeNull();
		const owners = await listReportsPage(db, owner, instructionId);
		expect(owners.toHandle.every((r) => r.status !== 'closed')).toBe(true);
		expect(owners.toHandle.length).toBeGreaterThan(0);
		expect(owners.instruction).toEqual({ id: instructionId, title: 'Bearing housing torque' });
		expect((await listReportsPage(db, organiser, null)).allOpen?.length).toBe(owners.toHandle.length);
		expect((await listReportsPage(db, stranger, null)).mine).toEqual([]);
		expect((await listReportsPage(db, quality, null)).mine).toEqual([]);
	});
});
