/**
 * The one-minute idea on a real database and a temporary FILES_DIR: a draft with its place,
 * in the poster's department (or the person's own), answering the open call; one idea for a
 * double tap; a photo judged by its content (a lying one saves nothing, no file is left); and
 * asking the team leader or a mentor for help.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import QRCode from 'qrcode';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError } from '$lib/server/errors.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { parseForm } from '$lib/server/http/parse.js';
import { quickIdeaSchema, type QuickIdeaInput } from '$lib/server/ideas/quick-idea.schema.js';
import { askForHelp, getHelpPage, saveQuickIdea } from '$lib/server/ideas/quick-idea.service.js';
import { QuickFormUnreadable, receiveQuickIdea } from '$lib/server/ideas/quick-idea.upload.js';
import { factories } from '../fixtures/factories.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

import { actions as quickActions } from '../../src/routes/ideas/quick/+page.server.js';

const runtime = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock('$lib/server/runtime', () => ({ db: () => runtime.db }));

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let filesDir: string;
const previousFilesDir = process.env.FILES_DIR;

let assembly: { id: number };
let logistics: { id: number };
let leader: SessionUser;
let operator: SessionUser;
let mentor: SessionUser;
let busyMentor: SessionUser;
let stranger: SessionUser;
let logisticsCall: { id: number };

const input = (fields: Record<string, string>): QuickIdeaInput => {
	const parsed = parseForm(quickIdeaSchema, new URLSearchParams(fields));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};

/** A multipart request as a phone's browser sends the form (the file input last). */
function formRequest(fields: Record<string, string>, photo?: { name: string; type: string; bytes: Uint8Array }) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	body.set(
		'photo',
		photo ? new File([photo.bytes as BlobPart], photo.name, { type: photo.type }) : new File([], '', { type: 'application/octet-stream' })
	);
	return new Request('http://localhost/ideas/quick', { method: 'POST', body });
}

async function storedFiles(): Promise<string[]> {
	const all = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
	return all.filter((e) => e.isFile()).map((e) => e.name);
}

const ideasOf = (userId: number) => db.selectFrom('idea').selectAll().where('createdBy', '=', userId).orderBy('id').execute();

beforeAll(async () => {
	filesDir = await mkdtemp(join(tmpdir(), 'ideacup-quick-'));
	process.env.FILES_DIR = filesDir;
	testDb = await createTestDatabase();
	db = testDb.db;
	runtime.db = db;
	f = factories(db);
	assembly = await f.newDepartment('ASM');
	logistics = await f.newDepartment('LOG');
	leader = await f.newUser({ departmentId: assembly.id, name: 'Lotte Leader' });
	operator = await f.newUser({ departmentId: assembly.id, name: 'Omar Operator' });
	await db.updateTable('appUser').set({ managerId: leader.id }).where('id', '=', operator.id).execute();
	mentor = await f.newUser({ departmentId: logistics.id, mentor: true, name: 'Mira Mentor' });
	busyMentor = await f.newUser({ departmentId: logistics.id, mentor: true, name: 'Bert Busy' });
	stranger = await f.newUser({ departmentId: assembly.id, name: 'Sam Stranger' });
	// Bert's one place is taken by an idea he coaches.
	await db.updateTable('mentorProfile').set({ capacity: 1 }).where('userId', '=', busyMentor.id).execute();
	const coached = await f.newIdea({ owner: stranger, competitionId: null, status: 'accepted' });
	await db
		.insertInto('mentorAssignment')
		.values({ ideaId: coached.id, mentorId: busyMentor.id, status: 'accepted', assignedBy: busyMentor.id })
		.execute();
	// Only Logistics is called now; Assembly has no open call.
	logisticsCall = await f.newCompetition({ departmentIds: [logistics.id], name: 'Logistics cup' });
});

afterAll(async () => {
	await testDb?.close();
	await rm(filesDir, { recursive: true, force: true });
	if (previousFilesDir === undefined) delete process.env.FILES_DIR;
	else process.env.FILES_DIR = previousFilesDir;
});

describe('a one-minute idea', () => {
	it('is a draft of the person with its place, title, owner and created event, in four statements', async () => {
		const tally = newTally();
		const saved = await countStatements(tally, () =>
			saveQuickIdea(
				db,
				operator,
				input({
					problem: 'The torque wrench is never where it should be',
					proposal: 'Shadow board at line 3',
					place: 'Line 3',
					clientKey: randomUUID()
				})
			)
		);
		expect(saved.created).toBe(true);
		expect(tally.statements).toBe(3); // + the session: 4 in all
		const idea = await db.selectFrom('idea').selectAll().where('id', '=', saved.id).executeTakeFirstOrThrow();
		expect(idea).toMatchObject({
			status: 'draft',
			title: 'Shadow board at line 3',
			problem: 'The torque wrench is never where it should be',
			proposal: 'Shadow board at line 3',
			location: 'Line 3',
			departmentId: assembly.id,
			competitionId: null,
			createdBy: operator.id
		});
		const team = await db.selectFrom('ideaMember').select(['userId', 'role']).where('ideaId', '=', saved.id).execute();
		expect(team).toEqual([{ userId: operator.id, role: 'owner' }]);
		const events = await db
			.selectFrom('ideaEvent')
			.select(['kind', 'toStatus', 'data', 'actorId'])
			.where('ideaId', '=', saved.id)
			.execute();
		expect(events).toEqual([{ kind: 'created', toStatus: 'draft', data: { via: 'one_minute', place: 'Line 3' }, actorId: operator.id }]);
	});

	it("goes to the poster's department and answers the open call that department may enter", async () => {
		const saved = await saveQuickIdea(
			db,
			operator,
			input({ proposal: 'Label the racks', place: 'Dock 2', department: String(logistics.id) })
		);
		const idea = await db
			.selectFrom('idea')
			.select(['departmentId', 'competitionId', 'location'])
			.where('id', '=', saved.id)
			.executeTakeFirstOrThrow();
		expect(idea).toEqual({ departmentId: logistics.id, competitionId: logisticsCall.id, location: 'Dock 2' });
	});

	it("goes to the person's own department when the poster's does not exist", async () => {
		const saved = await saveQuickIdea(db, operator, input({ proposal: 'Label the racks', department: '999999' }));
		const idea = await db.selectFrom('idea').select(['departmentId', 'competitionId']).where('id', '=', saved.id).executeTakeFirstOrThrow();
		expect(idea).toEqual({ departmentId: assembly.id, competitionId: null });
	});

	it('makes one idea of a double tap (the same form key twice at once)', async () => {
		const person = await f.newUser({ departmentId: assembly.id });
		const fields = { proposal: 'One idea only', clientKey: randomUUID() };
		const [a, b] = await Promise.all([saveQuickIdea(db, person, input(fields)), saveQuickIdea(db, person, input(fields))]);
		expect(a.id).toBe(b.id);
		expect([a.created, b.created].sort()).toEqual([false, true]);
		expect(await ideasOf(person.id)).toHaveLength(1);
		const events = await db.selectFrom('ideaEvent').select('kind').where('ideaId', '=', a.id).execute();
		expect(events).toHaveLength(1);
	});
});

describe('the form as it streams in', () => {
	it('files a real photo with the idea, and a repeat of the form stores no second file', async () => {
		const person = await f.newUser({ departmentId: assembly.id });
		const png = await QRCode.toBuffer('a photo', { type: 'png', width: 64 });
		const fields = { problem: 'Oil on the floor', proposal: 'A drip tray under press 4', place: 'Press 4', clientKey: randomUUID() };
		const before = (await storedFiles()).length;
		for (let i = 0; i < 2; i++) {
			const body = await receiveQuickIdea(formRequest(fields, { name: 'IMG_0001.png', type: 'image/png', bytes: png }));
			expect(body.photoError).toBeNull();
			expect(body.photo).toMatchObject({ kind: 'photo', mediaType: 'image/png', sizeBytes: png.length });
			await saveQuickIdea(db, person, input(body.fields), body.photo);
		}
		const [idea] = await ideasOf(person.id);
		const files = await db
			.selectFrom('attachment')
			.select(['kind', 'mediaType', 'sizeBytes', 'uploadedBy'])
			.where('ideaId', '=', idea.id)
			.execute();
		expect(files).toEqual([{ kind: 'photo', mediaType: 'image/png', sizeBytes: png.length, uploadedBy: person.id }]);
		expect((await storedFiles()).length).toBe(before + 1);
		const kinds = (await db.selectFrom('ideaEvent').select('kind').where('ideaId', '=', idea.id).orderBy('id').execute()).map(
			(e) => e.kind
		);
		expect(kinds).toEqual(['created', 'attachment_added']);
	});

	it('reads an empty file input as no photo', async () => {
		const body = await receiveQuickIdea(formRequest({ proposal: 'No photo today' }));
		expect(body).toMatchObject({ photo: null, photoError: null, fields: { proposal: 'No photo today' } });
	});

	it('refuses a photo that lies about its type: nothing is saved, no file is left, the text comes back', async () => {
		const person = await f.newUser({ departmentId: assembly.id });
		const before = await storedFiles();
		const lie = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
		const request = formRequest(
			{ problem: 'Oil on the floor', proposal: 'A drip tray', place: 'Press 4', clientKey: randomUUID() },
			{ name: 'photo.jpg', type: 'image/jpeg', bytes: lie }
		);
		const result = (await quickActions.default({
			request,
			locals: { user: person },
			url: new URL('http://localhost/ideas/quick')
		} as unknown as Parameters<typeof quickActions.default>[0])) as {
			status: number;
			data: { errors: Record<string, string[]>; values: Record<string, string> };
		};
		expect(result.status).toBe(400);
		expect(result.data.errors.photo?.[0]).toMatch(/PDF/);
		expect(result.data.values).toMatchObject({ problem: 'Oil on the floor', proposal: 'A drip tray', place: 'Press 4' });
		expect(await ideasOf(person.id)).toHaveLength(0);
		expect(await storedFiles()).toEqual(before);
	});

	it('gives up on a connection lost mid-photo, leaving no temporary file', async () => {
		const png = await QRCode.toBuffer('a photo cut off', { type: 'png', width: 256 });
		const whole = formRequest({ proposal: 'Cut off' }, { name: 'cut.png', type: 'image/png', bytes: png });
		const bytes = new Uint8Array(await whole.arrayBuffer());
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(bytes.subarray(0, bytes.length - 200));
				setTimeout(() => controller.error(new Error('connection reset')), 20);
			}
		});
		const cut = new Request('http://localhost/ideas/quick', {
			method: 'POST',
			body,
			headers: { 'content-type': whole.headers.get('content-type')! },
			duplex: 'half'
		} as RequestInit);
		await expect(receiveQuickIdea(cut)).rejects.toBeInstanceOf(QuickFormUnreadable);
		expect((await storedFiles()).filter((name) => name.endsWith('.part'))).toEqual([]);
	});

	it('deletes the stored photo again when the idea cannot be saved', async () => {
		const png = await QRCode.toBuffer('another photo', { type: 'png', width: 64 });
		const body = await receiveQuickIdea(formRequest({ proposal: 'Ghost idea' }, { name: 'x.png', type: 'image/png', bytes: png }));
		const before = await storedFiles();
		const ghost = { ...operator, id: 2_000_000_000 };
		await expect(saveQuickIdea(db, ghost, input(body.fields), body.photo)).rejects.toBeInstanceOf(DomainError);
		expect(await storedFiles()).toEqual(before.filter((name) => !name.endsWith('.part')));
	});
});

describe('asking for help', () => {
	let ideaId: number;
	beforeAll(async () => {
		ideaId = (await saveQuickIdea(db, operator, input({ proposal: 'Help me with this', place: 'Line 1' }))).id;
	});

	it('offers the team leader and mentors with room, to the team only', async () => {
		const tally = newTally();
		const page = await countStatements(tally, () => getHelpPage(db, operator, ideaId));
		expect(tally.statements).toBe(3); // + the session: 4
		expect(page.mayAsk).toBe(true);
		expect(page.offers).toEqual([
			{ userId: leader.id, name: 'Lotte Leader', as: 'team_leader', asked: false },
			expect.objectContaining({ userId: mentor.id, as: 'mentor', asked: false })
		]);
		await expect(getHelpPage(db, stranger, ideaId)).rejects.toMatchObject({ status: 404 });
		await expect(getHelpPage(db, leader, ideaId)).rejects.toMatchObject({ status: 404 });
	});

	it('adds the team leader as a helper once, records it and tells them once', async () => {
		const tally = newTally();
		const first = await countStatements(tally, () => askForHelp(db, operator, ideaId, { userId: leader.id, as: 'team_leader' }));
		expect(first.added).toBe(true);
		expect(tally.statements).toBe(4); // + the session: 5
		const again = await askForHelp(db, operator, ideaId, { userId: leader.id, as: 'team_leader' });
		expect(again.added).toBe(false);
		const team = await db.selectFrom('ideaMember').select(['userId', 'role']).where('ideaId', '=', ideaId).orderBy('addedAt').execute();
		expect(team).toContainEqual({ userId: leader.id, role: 'helper' });
		const events = await db
			.selectFrom('ideaEvent')
			.select(['kind', 'data'])
			.where('ideaId', '=', ideaId)
			.where('kind', '=', 'helper_asked')
			.execute();
		expect(events).toEqual([{ kind: 'helper_asked', data: { userId: leader.id, as: 'team_leader' } }]);
		const told = await db.selectFrom('notification').select(['kind', 'params', 'link']).where('userId', '=', leader.id).execute();
		expect(told).toEqual([
			{ kind: 'help_asked', params: { ideaId, title: 'Help me with this', name: 'Omar Operator' }, link: `/ideas/${ideaId}` }
		]);
		// The helper may now open the draft's help page (they are on the team).
		const page = await getHelpPage(db, operator, ideaId);
		expect(page.offers.find((o) => o.userId === leader.id)?.asked).toBe(true);
		await expect(getHelpPage(db, leader, ideaId)).resolves.toBeTruthy();
	});

	it('asks a mentor with room, but not a full mentor, nor someone who is neither', async () => {
		await expect(askForHelp(db, operator, ideaId, { userId: mentor.id, as: 'mentor' })).resolves.toEqual({ added: true });
		await expect(askForHelp(db, operator, ideaId, { userId: busyMentor.id, as: 'mentor' })).rejects.toMatchObject({ status: 404 });
		await expect(askForHelp(db, operator, ideaId, { userId: stranger.id, as: 'team_leader' })).rejects.toMatchObject({ status: 404 });
		await expect(askForHelp(db, operator, ideaId, { userId: stranger.id, as: 'mentor' })).rejects.toMatchObject({ status: 404 });
	});

	it('is not for strangers, and not once the idea is submitted', async () => {
		await expect(askForHelp(db, stranger, ideaId, { userId: leader.id, as: 'team_leader' })).rejects.toMatchObject({ status: 404 });
		const submitted = await f.newIdea({ owner: operator, competitionId: logisticsCall.id, status: 'submitted' });
		await expect(askForHelp(db, operator, submitted.id, { userId: leader.id, as: 'team_leader' })).rejects.toMatchObject({ status: 409 });
	});
});
