/**
 * Media in the portal on a real database and a temporary FILES_DIR (disk store, real files):
 * range requests (206 with the right bytes, 416, If-Range) with the same access as downloads,
 * extended to instructions and reports; a video's captions (WebVTT, per language) and poster
 * frame; removing a video removes them; lists bring them along in the same statement.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { Actor, Role } from '$lib/server/auth/policy.js';
import { DomainError } from '$lib/server/errors.js';
import {
	addIdeaAttachment,
	addKbAttachment,
	addVideoCaptions,
	addVideoPoster,
	listIdeaAttachments,
	removeIdeaAttachment,
	removeVideoChild,
	serveAttachment,
	storeUpload
} from '$lib/server/attachments/attachments.service.js';
import { receiveUpload } from '$lib/server/attachments/upload.js';
import { createTempPath, storedPath } from '$lib/server/attachments/storage.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

import { GET as viewRoute } from '../../src/routes/attachments/[attachmentId]/view/+server.js';
import { GET as downloadRoute } from '../../src/routes/attachments/[attachmentId]/+server.js';
import { POST as captionsRoute } from '../../src/routes/attachments/[attachmentId]/captions/+server.js';

const runtime = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock('$lib/server/runtime', () => ({ db: () => runtime.db }));

let testDb: TestDatabase;
let db: Database;
let filesDir: string;
let deptId: number;
let competitionId: number;
let owner: Actor;
let teammate: Actor;
let stranger: Actor;
let organiser: Actor;
const previousFilesDir = process.env.FILES_DIR;

let seq = 0;
async function newUser(roles: Role[] = ['employee']): Promise<Actor> {
	seq++;
	const u = await db
		.insertInto('appUser')
		.values({ email: `media${seq}@example.com`, name: `Media ${seq}`, departmentId: deptId })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (roles.includes('organiser')) await db.insertInto('roleGrant').values({ userId: u.id, role: 'organiser' }).execute();
	return { id: u.id, departmentId: deptId, roles };
}

async function newIdea(status = 'draft'): Promise<number> {
	const idea = await db
		.insertInto('idea')
		.values({
			competitionId,
			departmentId: deptId,
			title: `Idea ${++seq}`,
			status,
			createdBy: owner.id,
			firstSubmittedAt: status === 'draft' ? null : new Date(),
			submittedAt: status === 'draft' ? null : new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('ideaMember')
		.values([
			{ ideaId: idea.id, userId: owner.id, role: 'owner' },
			{ ideaId: idea.id, userId: teammate.id, role: 'member' }
		])
		.execute();
	return idea.id;
}

async function newEntry(status: 'pending' | 'published') {
	const ideaId = await newIdea('implemented');
	const entry = await db
		.insertInto('kbEntry')
		.values({ title: `Entry ${++seq}`, departmentId: deptId, ideaId, status })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ideaId, entryId: entry.id };
}

/** An instruction on an entry, owned by `instructionOwner`, with one step and a report on it by `reporter`. */
async function newInstructionWithReport(entryStatus: 'pending' | 'published', instructionOwner: Actor, reporter: Actor) {
	const { entryId } = await newEntry(entryStatus);
	const wi = await db
		.insertInto('workInstruction')
		.values({
			kbEntryId: entryId,
			title: 'Torque the flange',
			ownerId: instructionOwner.id,
			createdBy: instructionOwner.id,
			currentVersion: 1
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const version = await db
		.insertInto('instructionVersion')
		.values({
			instructionId: wi.id,
			version: 1,
			status: 'approved',
			createdBy: instructionOwner.id,
			approvedBy: instructionOwner.id,
			approvedAt: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const step = await db
		.insertInto('instructionStep')
		.values({ versionId: version.id, position: 1, body: 'Set the wrench to 25 Nm.' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const report = await db
		.insertInto('instructionReport')
		.values({ instructionId: wi.id, stepId: step.id, version: 1, kind: 'problem', body: 'The wrench slips.', reporterId: reporter.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { entryId, instructionId: wi.id, reportId: report.id };
}

// ---------- sample files ----------

function crc32(bytes: Uint8Array): number {
	let crc = ~0;
	for (const b of bytes) {
		crc ^= b;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function makePng(): Uint8Array {
	const chunk = (type: string, data: Uint8Array) => {
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		out.write(type, 4, 'latin1');
		Buffer.from(data).copy(out, 8);
		out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(2, 0);
	ihdr.writeUInt32BE(2, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	const rows = Buffer.concat([Buffer.from([0, 1, 2, 3, 4, 5, 6]), Buffer.from([0, 7, 8, 9, 10, 11, 12])]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', new Uint8Array())
	]);
}

/** An MP4 as file-type knows one (an `ftyp` box, brand isom), then 200 KiB of counted bytes, so every range has bytes of its own. */
function makeMp4(): Uint8Array {
	const ftyp = Buffer.from([
		0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31
	]);
	const body = Buffer.alloc(200 * 1024);
	for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 8)) & 255;
	return Buffer.concat([ftyp, body]);
}

const PNG = makePng();
const MP4 = makeMp4();
const VTT_EN = new TextEncoder().encode('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nSet the wrench to 25 Nm.\n');
const VTT_NL = new TextEncoder().encode('\ufeffWEBVTT\n\n00:00:00.000 --> 00:00:02.000\nZet de momentsleutel op 25 Nm.\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function multipart(fields: Record<string, string>, file: { fileName: string; bytes: Uint8Array }, accept = 'application/json') {
	const boundary = `----media${seq++}`;
	const enc = new TextEncoder();
	const parts: Uint8Array[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	parts.push(
		enc.encode(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`
		),
		file.bytes,
		enc.encode(`\r\n--${boundary}--\r\n`)
	);
	return new Request('http://localhost/upload', {
		method: 'POST',
		body: Buffer.concat(parts),
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept }
	});
}

const upload = (fields: Record<string, string>, file: { fileName: string; bytes: Uint8Array }) => {
	const request = multipart(fields, file);
	return (limits: Parameters<typeof receiveUpload>[1]) => receiveUpload(request, limits);
};

async function addVideoToIdea(ideaId: number, actor = owner) {
	return addIdeaAttachment(db, actor, ideaId, upload({ kind: 'video' }, { fileName: 'torque.mp4', bytes: MP4 }));
}

/** Files bytes for an instruction or a report as their services will (storeUpload), for the access tests. */
async function storeFor(
	owner_: { instructionId: number } | { reportId: number },
	actor: Actor,
	bytes: Uint8Array,
	kind: 'photo' | 'video'
) {
	const tempPath = await createTempPath();
	await writeFile(tempPath, bytes);
	const file = {
		tempPath,
		fileName: kind === 'photo' ? 'slip.png' : 'step.mp4',
		originalName: 'x',
		kind,
		mediaType: kind === 'photo' ? 'image/png' : 'video/mp4',
		sizeBytes: bytes.length,
		sha256: sha256(bytes),
		fields: {}
	};
	return storeUpload(db, actor, file, { owner: owner_, recheck: () => Promise.resolve(null), record: () => Promise.resolve(null) });
}

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
	if (!stream) return Buffer.alloc(0);
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
	return Buffer.concat(chunks);
}

async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
	return error;
}

const served = (actor: Actor, id: number, range: string | null = null, ifRange: string | null = null, mode: 'view' | 'download' = 'view') =>
	serveAttachment(db, actor, id, { range, ifRange, mode });

function routeEvent(actor: Actor | null, id: number, headers: Record<string, string> = {}) {
	const url = new URL(`http://localhost/attachments/${id}/view`);
	return { locals: { user: actor }, params: { attachmentId: String(id) }, url, request: new Request(url, { headers }) } as never;
}

const rowsOf = (parentId: number) =>
	db
		.selectFrom('attachment')
		.select(['id', 'kind', 'lang', 'storageKey', 'fileName'])
		.where('parentId', '=', parentId)
		.orderBy('id')
		.execute();

beforeAll(async () => {
	filesDir = await mkdtemp(join(tmpdir(), 'ideacup-media-'));
	process.env.FILES_DIR = filesDir;
	testDb = await createTestDatabase();
	db = testDb.db;
	runtime.db = db;
	deptId = (await db.insertInto('department').values({ code: 'MED', name: 'Media' }).returning('id').executeTakeFirstOrThrow()).id;
	competitionId = (
		await db
			.insertInto('competition')
			.values({
				slug: 'media-cup',
				name: 'Media Cup',
				submissionOpensAt: new Date(Date.now() - 30 * 86_400_000),
				submissionClosesAt: new Date(Date.now() + 30 * 86_400_000),
				status: 'open'
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	owner = await newUser();
	teammate = await newUser();
	stranger = await newUser();
	organiser = await newUser(['employee', 'organiser']);
});

afterAll(async () => {
	await testDb?.close();
	if (previousFilesDir === undefined) delete process.env.FILES_DIR;
	else process.env.FILES_DIR = previousFilesDir;
	if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('range requests', () => {
	it('answers a range with 206 and exactly those bytes from the stored file, in one statement', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const tally = newTally();
		const part = await countStatements(tally, () => served(teammate, video.id, 'bytes=1000-1999'));
		expect(tally.statements).toBe(1);
		if (part.kind !== 'file') throw new Error(part.kind);
		expect(part).toMatchObject({ status: 206, size: MP4.length, range: { start: 1000, end: 1999 }, etag: `"${sha256(MP4)}"` });
		expect(Buffer.compare(await readAll(part.stream), Buffer.from(MP4.subarray(1000, 2000)))).toBe(0);

		const suffix = await served(teammate, video.id, 'bytes=-100');
		if (suffix.kind !== 'file') throw new Error(suffix.kind);
		expect(suffix.range).toEqual({ start: MP4.length - 100, end: MP4.length - 1 });
		expect(Buffer.compare(await readAll(suffix.stream), Buffer.from(MP4.subarray(MP4.length - 100)))).toBe(0);
	});

	it('over the real route: 206 with Content-Range, Accept-Ranges, ETag, inline; 416 with bytes */size for bytes=size-', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const response = await viewRoute(routeEvent(owner, video.id, { range: 'bytes=65530-65545' }));
		expect(response.status).toBe(206);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'content-type': 'video/mp4',
			'content-length': '16',
			'content-range': `bytes 65530-65545/${MP4.length}`,
			'accept-ranges': 'bytes',
			etag: `"${sha256(MP4)}"`,
			'content-disposition': `inline; filename="torque.mp4"; filename*=UTF-8''torque.mp4`,
			'x-content-type-options': 'nosniff'
		});
		expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(MP4.subarray(65530, 65546)))).toBe(0);

		const bad = await viewRoute(routeEvent(owner, video.id, { range: `bytes=${MP4.length}-` }));
		expect(bad.status).toBe(416);
		expect(bad.headers.get('content-range')).toBe(`bytes */${MP4.length}`);

		const whole = await downloadRoute(routeEvent(owner, video.id));
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect((await whole.arrayBuffer()).byteLength).toBe(MP4.length);
	});

	it('sends the whole file (200) when If-Range names another version, the range when it names this one', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const stale = await served(owner, video.id, 'bytes=0-9', '"0000"');
		if (stale.kind !== 'file') throw new Error(stale.kind);
		expect(stale).toMatchObject({ status: 200, range: null });
		expect((await readAll(stale.stream)).length).toBe(MP4.length);
		const fresh = await served(owner, video.id, 'bytes=0-9', `"${sha256(MP4)}"`);
		if (fresh.kind !== 'file') throw new Error(fresh.kind);
		expect(fresh).toMatchObject({ status: 206, range: { start: 0, end: 9 } });
		await fresh.stream.cancel();
	});

	it("a stranger gets 404 on a draft idea's video, with a Range header too; so does an unknown id", async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		expect((await refusalOf(served(stranger, video.id, 'bytes=0-99'))).status).toBe(404);
		expect((await refusalOf(served(organiser, video.id, 'bytes=0-99'))).status).toBe(404);
		await expect(viewRoute(routeEvent(stranger, video.id, { range: 'bytes=0-99' }))).rejects.toMatchObject({ status: 404 });
		await expect(viewRoute(routeEvent(stranger, video.id, { range: `bytes=${MP4.length}-` }))).rejects.toMatchObject({ status: 404 });
		expect((await refusalOf(served(owner, 999_999, 'bytes=0-1'))).status).toBe(404);
	});

	it("a report's photo: the reporter, the instruction's owner, its handler and organisers; anyone else 404", async () => {
		const instructionOwner = await newUser();
		const reporter = await newUser();
		const handler = await newUser();
		const { reportId } = await newInstructionWithReport('published', instructionOwner, reporter);
		const photo = await storeFor({ reportId }, reporter, PNG, 'photo');
		for (const who of [reporter, instructionOwner, organiser]) {
			const file = await served(who, photo.id, 'bytes=0-7');
			if (file.kind !== 'file') throw new Error(file.kind);
			expect(file.status).toBe(206);
			await file.stream.cancel();
		}
		expect((await refusalOf(served(stranger, photo.id, 'bytes=0-7'))).status).toBe(404);
		expect((await refusalOf(served(handler, photo.id))).status).toBe(404);
		await db.updateTable('instructionReport').set({ status: 'passed_on', handlerId: handler.id }).where('id', '=', reportId).execute();
		const handled = await served(handler, photo.id);
		if (handled.kind !== 'file') throw new Error(handled.kind);
		await handled.stream.cancel();
	});

	it("an instruction's clip: every employee once the entry is published; before, only its team, its owner and organisers", async () => {
		const instructionOwner = await newUser();
		const pending = await newInstructionWithReport('pending', instructionOwner, owner);
		const clip = await storeFor({ instructionId: pending.instructionId }, instructionOwner, MP4, 'video');
		expect((await refusalOf(served(stranger, clip.id, 'bytes=0-9'))).status).toBe(404);
		for (const who of [organiser, teammate]) {
			const file = await served(who, clip.id, 'bytes=0-9');
			if (file.kind !== 'file') throw new Error(file.kind);
			await file.stream.cancel();
		}
		await db.updateTable('kbEntry').set({ status: 'published' }).where('id', '=', pending.entryId).execute();
		const now = await served(stranger, clip.id, 'bytes=0-9');
		expect(now.kind).toBe('file');
		if (now.kind === 'file') await now.stream.cancel();
	});

	it('views in the page only what a browser shows safely: a Word file is sent to its download', async () => {
		const ideaId = await newIdea();
		const text = await addIdeaAttachment(
			db,
			owner,
			ideaId,
			upload({ kind: 'document' }, { fileName: 'notes.txt', bytes: new TextEncoder().encode('plain notes') })
		);
		expect(await served(owner, text.id)).toEqual({ kind: 'download_instead' });
		await expect(viewRoute(routeEvent(owner, text.id))).rejects.toMatchObject({ status: 303, location: `/attachments/${text.id}` });
		const download = await served(owner, text.id, null, null, 'download');
		expect(download.kind).toBe('file');
		if (download.kind === 'file') await download.stream.cancel();
	});
});

describe("a video's captions and poster", () => {
	it('refuses a PNG named .vtt and text without WEBVTT, beside nothing stored', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const png = await refusalOf(addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'subs.vtt', bytes: PNG })));
		expect(png.code).toBe('type_not_allowed');
		expect(png.message).toBe('subs.vtt is a PNG image, not WebVTT captions.');
		const srt = new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\nHello\n');
		expect(
			(await refusalOf(addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'subs.vtt', bytes: srt })))).code
		).toBe('not_webvtt');
		expect(
			(await refusalOf(addVideoCaptions(db, owner, video.id, upload({ lang: 'de' }, { fileName: 'subs.vtt', bytes: VTT_EN })))).code
		).toBe('invalid_lang');
		expect(await rowsOf(video.id)).toEqual([]);
	});

	it('keeps one captions file per language, a new one replacing the old (row and file), in at most four statements', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const tally = newTally();
		const en1 = await countStatements(tally, () =>
			addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'torque.en.vtt', bytes: VTT_EN }))
		);
		expect(tally.statements).toBe(4);
		expect(en1).toMatchObject({ lang: 'en', replaced: false, fileName: 'torque.en.vtt' });
		const first = (await rowsOf(video.id))[0];
		const en2 = await addVideoCaptions(db, teammate, video.id, upload({ lang: 'en' }, { fileName: 'torque-v2.txt', bytes: VTT_EN }));
		expect(en2).toMatchObject({ replaced: true, fileName: 'torque-v2.vtt' });
		await addVideoCaptions(db, owner, video.id, upload({ lang: 'nl' }, { fileName: 'moment.vtt', bytes: VTT_NL }));
		const rows = await rowsOf(video.id);
		expect(rows.map((r) => [r.kind, r.lang])).toEqual([
			['captions', 'en'],
			['captions', 'nl']
		]);
		expect(rows[0].id).toBe(en2.id);
		expect(existsSync(storedPath(first.storageKey))).toBe(false);

		const vtt = await served(stranger, en2.id).catch((e: unknown) => e);
		expect((vtt as DomainError).status).toBe(404);
		const captions = await viewRoute(routeEvent(teammate, en2.id));
		expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
		expect(await captions.text()).toBe(new TextDecoder().decode(VTT_EN));

		const events = await db.selectFrom('ideaEvent').select(['kind', 'data']).where('ideaId', '=', ideaId).orderBy('id').execute();
		expect(events.at(-1)).toEqual({
			kind: 'attachment_added',
			data: { attachmentId: rows[1].id, fileName: 'moment.vtt', videoId: video.id }
		});
	});

	it('only those who may add a video change its captions: a stranger 404 before anything is read, the team not once the idea is submitted', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		let read = false;
		const nosy = addVideoCaptions(db, stranger, video.id, (limits) => {
			read = true;
			return receiveUpload(multipart({ lang: 'en' }, { fileName: 'x.vtt', bytes: VTT_EN }), limits);
		});
		expect((await refusalOf(nosy)).status).toBe(404);
		expect(read).toBe(false);
		await db
			.updateTable('idea')
			.set({ status: 'submitted', submittedAt: new Date(), firstSubmittedAt: new Date() })
			.where('id', '=', ideaId)
			.execute();
		expect(
			(await refusalOf(addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'x.vtt', bytes: VTT_EN })))).code
		).toBe('not_allowed_now');
	});

	it('a poster is a picture every browser shows; captions and poster cannot hang under a photo', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const poster = await addVideoPoster(db, owner, video.id, upload({}, { fileName: 'frame.png', bytes: PNG }));
		const again = await addVideoPoster(db, owner, video.id, upload({}, { fileName: 'frame2.png', bytes: PNG }));
		expect(again.replaced).toBe(true);
		expect((await rowsOf(video.id)).map((r) => r.id)).toEqual([again.id]);
		expect(poster.id).not.toBe(again.id);
		const photo = await addIdeaAttachment(db, owner, ideaId, upload({ kind: 'photo' }, { fileName: 'p.png', bytes: PNG }));
		expect((await refusalOf(addVideoPoster(db, owner, photo.id, upload({}, { fileName: 'f.png', bytes: PNG })))).status).toBe(404);
	});

	it('lists show a video with its captions and poster in the same statement, never as files of their own', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const en = await addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'en.vtt', bytes: VTT_EN }));
		const nl = await addVideoCaptions(db, owner, video.id, upload({ lang: 'nl' }, { fileName: 'nl.vtt', bytes: VTT_NL }));
		const poster = await addVideoPoster(db, owner, video.id, upload({}, { fileName: 'frame.png', bytes: PNG }));
		const tally = newTally();
		const list = await countStatements(tally, () => listIdeaAttachments(db, ideaId));
		expect(tally.statements).toBe(1);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({
			id: video.id,
			mediaType: 'video/mp4',
			captions: [
				{ id: en.id, lang: 'en' },
				{ id: nl.id, lang: 'nl' }
			],
			posterId: poster.id
		});
	});

	it('removing captions or the poster removes row and file; removing the video removes them all, rows and files', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const en = await addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'en.vtt', bytes: VTT_EN }));
		await addVideoCaptions(db, owner, video.id, upload({ lang: 'nl' }, { fileName: 'nl.vtt', bytes: VTT_NL }));
		await addVideoPoster(db, owner, video.id, upload({}, { fileName: 'frame.png', bytes: PNG }));
		const [enRow] = await rowsOf(video.id);
		expect((await refusalOf(removeVideoChild(db, stranger, en.id))).status).toBe(404);
		const tally = newTally();
		expect(await countStatements(tally, () => removeVideoChild(db, owner, en.id))).toEqual({ videoId: video.id, kind: 'captions' });
		expect(tally.statements).toBe(3);
		expect(existsSync(storedPath(enRow.storageKey))).toBe(false);

		const children = await rowsOf(video.id);
		expect(children).toHaveLength(2);
		const { storageKey } = await db.selectFrom('attachment').select('storageKey').where('id', '=', video.id).executeTakeFirstOrThrow();
		await removeIdeaAttachment(db, owner, video.id);
		expect(await rowsOf(video.id)).toEqual([]);
		for (const key of [storageKey, ...children.map((c) => c.storageKey)]) expect(existsSync(storedPath(key))).toBe(false);
	});

	it("an entry's video: organisers change its captions once published, audited; the team only while pending", async () => {
		const { entryId } = await newEntry('published');
		const video = await addKbAttachment(db, organiser, entryId, upload({ kind: 'video' }, { fileName: 'kb.mp4', bytes: MP4 }));
		expect(
			(await refusalOf(addVideoCaptions(db, owner, video.id, upload({ lang: 'en' }, { fileName: 'x.vtt', bytes: VTT_EN })))).code
		).toBe('not_allowed_now');
		const en = await addVideoCaptions(db, organiser, video.id, upload({ lang: 'en' }, { fileName: 'x.vtt', bytes: VTT_EN }));
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'data'])
			.where('objectType', '=', 'kb_entry')
			.where('objectId', '=', String(entryId))
			.orderBy('id')
			.execute();
		expect(audit.at(-1)).toEqual({ action: 'kb_entry.attach', data: { attachmentId: en.id, fileName: 'x.vtt', videoId: video.id } });
	});

	it('the captions route: a plain form post comes back to the page with the answer beside that video', async () => {
		const ideaId = await newIdea();
		const video = await addVideoToIdea(ideaId);
		const request = multipart({ lang: 'en' }, { fileName: 'subs.vtt', bytes: PNG }, 'text/html');
		const url = new URL(`http://localhost/attachments/${video.id}/captions?back=/ideas/${ideaId}`);
		const event = { request, url, locals: { user: owner }, params: { attachmentId: String(video.id) } } as never;
		await expect(captionsRoute(event)).rejects.toMatchObject({
			status: 303,
			location: expect.stringMatching(
				new RegExp(`^/ideas/${ideaId}\\?mediaError=.+&media=${video.id}&mediaField=captions#media-${video.id}$`)
			) as unknown
		});
		const ok = multipart({ lang: 'nl' }, { fileName: 'subs.vtt', bytes: VTT_NL }, 'text/html');
		const evil = new URL(`http://localhost/attachments/${video.id}/captions?back=//evil.example`);
		await expect(
			captionsRoute({ request: ok, url: evil, locals: { user: owner }, params: { attachmentId: String(video.id) } } as never)
		).rejects.toMatchObject({
			status: 303,
			location: `/?mediaSaved=subs.vtt&media=${video.id}&mediaField=captions#media-${video.id}`
		});
	});
});
