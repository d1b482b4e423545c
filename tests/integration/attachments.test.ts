/**
 * Attachments on a real database and a temporary FILES_DIR: files judged by their content,
 * streamed to disk (never held whole in memory), downloadable only by those who may see them.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { Actor, Role } from '$lib/server/auth/policy.js';
import { DomainError } from '$lib/server/errors.js';
import {
	addIdeaAttachment,
	addKbAttachment,
	listIdeaAttachments,
	openAttachmentForDownload,
	removeIdeaAttachment,
	removeKbAttachment,
	removeKbAttachmentOfIdea
} from '$lib/server/attachments/attachments.service.js';
import { receiveUpload } from '$lib/server/attachments/upload.js';
import { MB } from '$lib/domain/attachment-kinds.js';
import { storedPath } from '$lib/server/attachments/storage.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

import { GET as download } from '../../src/routes/attachments/[attachmentId]/+server.js';
import { POST as upload } from '../../src/routes/ideas/[ideaId]/attachments/+server.js';

// The routes take their database from the runtime; here it is this file's test database.
const runtime = vi.hoisted((): { db: unknown } => ({ db: undefined }));
vi.mock('$lib/server/runtime', () => ({ db: () => runtime.db }));
let db: Database;

let testDb: TestDatabase;
let filesDir: string;
let deptId: number;
let competitionId: number;
let owner: Actor;
let teammate: Actor;
let stranger: Actor;
let organiser: Actor;
const previousFilesDir = process.env.FILES_DIR;

// ---------- factories ----------

let seq = 0;
async function newUser(roles: Role[] = ['employee']): Promise<Actor> {
	seq++;
	const u = await db
		.insertInto('appUser')
		.values({ email: `user${seq}@example.com`, name: `User ${seq}`, departmentId: deptId })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (roles.includes('organiser')) await db.insertInto('roleGrant').values({ userId: u.id, role: 'organiser' }).execute();
	return { id: u.id, departmentId: deptId, roles };
}

async function newIdea(opts: { status?: string; team?: Actor[] } = {}): Promise<number> {
	const status = opts.status ?? 'draft';
	const team = opts.team ?? [owner, teammate];
	const idea = await db
		.insertInto('idea')
		.values({
			competitionId,
			departmentId: deptId,
			title: `Idea ${++seq}`,
			status,
			createdBy: team[0].id,
			firstSubmittedAt: status === 'draft' ? null : new Date(),
			submittedAt: status === 'draft' ? null : new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('ideaMember')
		.values(team.map((m, i) => ({ ideaId: idea.id, userId: m.id, role: i === 0 ? 'owner' : 'member' })))
		.execute();
	return idea.id;
}

// ---------- sample files, made here ----------

function crc32(bytes: Uint8Array): number {
	let crc = ~0;
	for (const b of bytes) {
		crc ^= b;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

/** A real 4x4 RGB PNG: signature, IHDR, IDAT (zlib), IEND. */
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
	ihdr.writeUInt32BE(4, 0);
	ihdr.writeUInt32BE(4, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	const rows = Buffer.concat(
		Array.from({ length: 4 }, (_, y) => Buffer.from([0, ...Array.from({ length: 12 }, (_, x) => (x * 20 + y * 60) & 255)]))
	);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', new Uint8Array())
	]);
}

const PNG = makePng();
const JPEG_HEADER = Uint8Array.from([
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00
]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// ---------- multipart requests, generated lazily ----------

type FilePart = {
	fileName: string;
	contentType?: string;
	bytes?: Uint8Array;
	/** zeros after `bytes`, made as they are read */ zeros?: number;
};
type Upload = {
	fields?: Record<string, string>;
	file?: FilePart;
	declareLength?: boolean;
	accept?: string;
	/** collect garbage every so many bytes read, so memory shows only what the receiver holds */
	collectEvery?: number;
};

const CHUNK = 256 * 1024;

/**
 * A multipart/form-data Request whose body is produced only as it is read, in fresh
 * 256 KiB chunks (so a receiver that kept them would show in memory). `stats` tells how far
 * the receiver read and whether it cancelled.
 */
function multipartRequest(ideaId: number, u: Upload) {
	const boundary = `----ideacup${seq++}`;
	const enc = new TextEncoder();
	const pieces: Array<Uint8Array | { zeros: number }> = [];
	for (const [name, value] of Object.entries(u.fields ?? {})) {
		pieces.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	if (u.file) {
		const f = u.file;
		pieces.push(
			enc.encode(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.fileName}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`
			)
		);
		if (f.bytes) pieces.push(f.bytes);
		if (f.zeros) pieces.push({ zeros: f.zeros });
		pieces.push(enc.encode('\r\n'));
	}
	pieces.push(enc.encode(`--${boundary}--\r\n`));
	const total = pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.length : p.zeros), 0);

	const stats = { pulled: 0, total, cancelled: false };
	let index = 0;
	let zerosLeft = -1;
	let collectedAt = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (u.collectEvery && stats.pulled - collectedAt >= u.collectEvery) {
				collectedAt = stats.pulled;
				gc();
			}
			const piece = pieces[index];
			if (!piece) return controller.close();
			if (piece instanceof Uint8Array) {
				index++;
				stats.pulled += piece.length;
				return controller.enqueue(piece);
			}
			if (zerosLeft < 0) zerosLeft = piece.zeros;
			const n = Math.min(CHUNK, zerosLeft);
			zerosLeft -= n;
			stats.pulled += n;
			if (zerosLeft === 0) {
				index++;
				zerosLeft = -1;
			}
			controller.enqueue(new Uint8Array(n));
		},
		cancel() {
			stats.cancelled = true;
		}
	});
	const headers: Record<string, string> = {
		'content-type': `multipart/form-data; boundary=${boundary}`,
		accept: u.accept ?? 'application/json'
	};
	if (u.declareLength) headers['content-length'] = String(total);
	const request = new Request(`http://localhost/ideas/${ideaId}/attachments`, {
		method: 'POST',
		body,
		headers,
		duplex: 'half'
	} as RequestInit);
	return { request, stats };
}

function send(actor: Actor, ideaId: number, u: Upload) {
	const { request } = multipartRequest(ideaId, u);
	return addIdeaAttachment(db, actor, ideaId, (limits) => receiveUpload(request, limits));
}

// Without a collection, chunks already thrown away still count; with one, only what is held.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function memoryAfterGc() {
	gc();
	return process.memoryUsage();
}

async function filesOnDisk(): Promise<string[]> {
	const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
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

beforeAll(async () => {
	filesDir = await mkdtemp(join(tmpdir(), 'ideacup-files-'));
	process.env.FILES_DIR = filesDir;
	testDb = await createTestDatabase();
	db = testDb.db;
	runtime.db = db;
	deptId = (await db.insertInto('department').values({ code: 'ASM', name: 'Assembly' }).returning('id').executeTakeFirstOrThrow()).id;
	competitionId = (
		await db
			.insertInto('competition')
			.values({
				slug: 'cup-2025',
				name: 'IdeaCup 2025',
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

describe('uploading', () => {
	it('accepts a real PNG as a photo: row, file, checksum and timeline event', async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, {
			fields: { kind: 'photo' },
			file: { fileName: 'line 3.png', contentType: 'image/png', bytes: PNG }
		});
		expect(a).toMatchObject({ kind: 'photo', fileName: 'line 3.png', mediaType: 'image/png', sizeBytes: PNG.length, sha256: sha256(PNG) });

		const row = await db.selectFrom('attachment').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ideaId, kbEntryId: null, uploadedBy: owner.id, sizeBytes: PNG.length, sha256: sha256(PNG) });
		expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
		const onDisk = await readFile(storedPath(row.storageKey));
		expect(sha256(onDisk)).toBe(row.sha256);
		expect(storedPath(row.storageKey)).toBe(join(filesDir, row.storageKey.slice(0, 2), row.storageKey.slice(2, 4), row.storageKey));

		const events = await db.selectFrom('ideaEvent').select(['kind', 'actorId', 'data']).where('ideaId', '=', ideaId).execute();
		expect(events).toEqual([{ kind: 'attachment_added', actorId: owner.id, data: { attachmentId: a.id, fileName: 'line 3.png' } }]);
		expect(await listIdeaAttachments(db, ideaId)).toEqual([
			// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringMatching) as any
			expect.objectContaining({ id: a.id, uploaderName: expect.stringMatching(/^User /) })
		]);
		expect(await readdir(join(filesDir, 'tmp'))).toEqual([]);
	});

	it('picks the kind from the content and keeps a UTF-8 name', async () => {
		const ideaId = await newIdea();
		const a = await send(teammate, ideaId, { file: { fileName: 'Sla-ëën ✓.png', bytes: PNG } });
		expect(a).toMatchObject({ kind: 'photo', fileName: 'Sla-ëën ✓.png' });
	});

	it('refuses a PNG renamed .pdf sent as slides, leaving no row and no file', async () => {
		const ideaId = await newIdea();
		const before = await filesOnDisk();
		const e = await refusalOf(
			send(owner, ideaId, { fields: { kind: 'slides' }, file: { fileName: 'photo.pdf', contentType: 'application/pdf', bytes: PNG } })
		);
		expect(e.code).toBe('type_not_allowed');
		expect(e.message).toContain('photo.pdf is a PNG image, not a PDF');
		expect(await db.selectFrom('attachment').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect(await db.selectFrom('ideaEvent').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect(await filesOnDisk()).toEqual(before);
	});

	it('takes UTF-8 text as a document, and refuses bytes that are neither text nor a known type', async () => {
		const ideaId = await newIdea();
		const csv = new TextEncoder().encode('line;defects\nL3;4\nL4;ëën\n');
		const a = await send(owner, ideaId, { file: { fileName: 'defects.csv', bytes: csv } });
		expect(a).toMatchObject({ kind: 'document', mediaType: 'text/plain', fileName: 'defects.csv' });
		const e = await refusalOf(send(owner, ideaId, { file: { fileName: 'blob.txt', bytes: Uint8Array.from([1, 2, 0, 0, 255, 254, 7]) } }));
		expect(e.code).toBe('type_not_allowed');
	});

	it('refuses an empty file, a form without a file and an unknown kind', async () => {
		const ideaId = await newIdea();
		expect((await refusalOf(send(owner, ideaId, { file: { fileName: 'empty.png', bytes: new Uint8Array() } }))).code).toBe('empty_file');
		expect((await refusalOf(send(owner, ideaId, { fields: { kind: 'photo' } }))).code).toBe('no_file');
		expect((await refusalOf(send(owner, ideaId, { fields: { kind: 'movie' }, file: { fileName: 'a.png', bytes: PNG } }))).code).toBe(
			'invalid_kind'
		);
		expect(await readdir(join(filesDir, 'tmp'))).toEqual([]);
	});
});

describe('large files are streamed, never held in memory', () => {
	it('cuts off a 25 MB "photo" at 20 MB without reading the rest', async () => {
		const ideaId = await newIdea();
		const { request, stats } = multipartRequest(ideaId, {
			fields: { kind: 'photo' },
			file: { fileName: 'huge.jpg', contentType: 'image/jpeg', bytes: JPEG_HEADER, zeros: 25 * MB },
			collectEvery: 4 * MB
		});
		const before = memoryAfterGc();
		const e = await refusalOf(addIdeaAttachment(db, owner, ideaId, (limits) => receiveUpload(request, limits)));
		const after = memoryAfterGc();

		expect(e.code).toBe('too_large');
		expect(e.message).toBe('huge.jpg is larger than 20 MB; photos may be up to 20 MB.');
		expect(stats.cancelled).toBe(true);
		expect(stats.pulled).toBeGreaterThan(20 * MB);
		expect(stats.pulled).toBeLessThan(22 * MB);
		expect(after.rss - before.rss).toBeLessThan(15 * MB);
		expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(5 * MB);
		expect(await db.selectFrom('attachment').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect(await readdir(join(filesDir, 'tmp'))).toEqual([]);
	});

	it('with a declared length, reads the rest and throws it away, so the browser still gets the answer', async () => {
		const ideaId = await newIdea();
		const { request, stats } = multipartRequest(ideaId, {
			fields: { kind: 'photo' },
			file: { fileName: 'huge.jpg', bytes: JPEG_HEADER, zeros: 25 * MB },
			declareLength: true,
			collectEvery: 4 * MB
		});
		const before = memoryAfterGc();
		const e = await refusalOf(addIdeaAttachment(db, owner, ideaId, (limits) => receiveUpload(request, limits)));
		await vi.waitFor(() => expect(stats.pulled).toBe(stats.total), { timeout: 10_000 });
		const after = memoryAfterGc();
		expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(5 * MB);
		expect(e.code).toBe('too_large');
		expect(stats.cancelled).toBe(false);
		expect(after.rss - before.rss).toBeLessThan(15 * MB);
		expect(await readdir(join(filesDir, 'tmp'))).toEqual([]);
	});

	it('refuses a declared length over the largest upload before reading anything', async () => {
		const ideaId = await newIdea();
		const { request, stats } = multipartRequest(ideaId, { file: { fileName: 'x.mp4', zeros: 10 } });
		const lying = new Request(request, { headers: { ...Object.fromEntries(request.headers), 'content-length': String(300 * MB) } });
		const e = await refusalOf(addIdeaAttachment(db, owner, ideaId, (limits) => receiveUpload(lying, limits)));
		expect(e.code).toBe('too_large');
		// A ReadableStream pulls its first chunk on creation; nothing past the part header was asked for.
		expect(stats.pulled).toBeLessThan(1000);
		expect(stats.cancelled).toBe(true);
	});

	it('a 21 MB photo with the kind left open is read, then refused for the photo limit', async () => {
		const ideaId = await newIdea();
		const e = await refusalOf(send(owner, ideaId, { file: { fileName: 'big.jpg', bytes: JPEG_HEADER, zeros: 21 * MB } }));
		expect(e.code).toBe('too_large');
		expect(e.message).toMatch(/^big\.jpg is 21\.0 MB; photos may be up to 20 MB\.$/);
		expect(await readdir(join(filesDir, 'tmp'))).toEqual([]);
	});
});

describe('who may add', () => {
	it('a stranger gets not-found and nothing is read', async () => {
		const ideaId = await newIdea();
		let read = false;
		const e = await refusalOf(
			addIdeaAttachment(db, stranger, ideaId, () => {
				read = true;
				return Promise.reject(new Error('must not be read'));
			})
		);
		expect(e.status).toBe(404);
		expect(read).toBe(false);
	});

	it('nobody adds while the organisers screen the idea', async () => {
		const ideaId = await newIdea({ status: 'submitted' });
		expect((await refusalOf(send(owner, ideaId, { file: { fileName: 'a.png', bytes: PNG } }))).code).toBe('not_allowed_now');
		expect((await refusalOf(send(organiser, ideaId, { file: { fileName: 'a.png', bytes: PNG } }))).code).toBe('not_allowed_now');
	});

	it('after acceptance the team adds slides but no photos', async () => {
		const ideaId = await newIdea({ status: 'coaching' });
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
		const slides = await send(owner, ideaId, { file: { fileName: 'pitch.pdf', bytes: pdf } });
		expect(slides.kind).toBe('slides');
		const e = await refusalOf(send(owner, ideaId, { fields: { kind: 'photo' }, file: { fileName: 'a.png', bytes: PNG } }));
		expect(e.code).toBe('kind_not_allowed_now');
		expect(e.status).toBe(409);
	});
});

describe('downloading', () => {
	it('a team member gets the bytes; a stranger gets not-found', async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, { file: { fileName: 'line.png', bytes: PNG } });
		const file = await openAttachmentForDownload(db, teammate, a.id);
		expect(file).toMatchObject({ fileName: 'line.png', mediaType: 'image/png', size: PNG.length });
		expect(sha256(await readAll(file.stream))).toBe(sha256(PNG));
		const e = await refusalOf(openAttachmentForDownload(db, stranger, a.id));
		expect(e).toMatchObject({ code: 'not_found', status: 404 });
		expect((await refusalOf(openAttachmentForDownload(db, owner, 999_999))).status).toBe(404);
	});

	it("an organiser cannot download a draft's file, but can once the idea is submitted", async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, { file: { fileName: 'line.png', bytes: PNG } });
		expect((await refusalOf(openAttachmentForDownload(db, organiser, a.id))).status).toBe(404);
		await db.updateTable('idea').set({ status: 'submitted', firstSubmittedAt: new Date() }).where('id', '=', ideaId).execute();
		const file = await openAttachmentForDownload(db, organiser, a.id);
		await file.stream.cancel();
	});

	it('knowledge-base files: every employee while published, only organisers when unpublished', async () => {
		const entry = await db
			.insertInto('kbEntry')
			.values({ title: 'Kitting', departmentId: deptId })
			.returning('id')
			.executeTakeFirstOrThrow();
		const key = 'ab'.repeat(16);
		const { mkdir, writeFile } = await import('node:fs/promises');
		await mkdir(join(storedPath(key), '..'), { recursive: true });
		await writeFile(storedPath(key), PNG);
		const row = await db
			.insertInto('attachment')
			.values({
				kbEntryId: entry.id,
				kind: 'photo',
				fileName: 'kit.png',
				mediaType: 'image/png',
				sizeBytes: PNG.length,
				sha256: sha256(PNG),
				storageKey: key,
				uploadedBy: organiser.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await (await openAttachmentForDownload(db, stranger, row.id)).stream.cancel();
		await db.updateTable('kbEntry').set({ status: 'unpublished' }).where('id', '=', entry.id).execute();
		expect((await refusalOf(openAttachmentForDownload(db, stranger, row.id))).status).toBe(404);
		await (await openAttachmentForDownload(db, organiser, row.id)).stream.cancel();
	});

	it('the route sends it as a download with nosniff, no caching and the exact name', async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, { file: { fileName: 'Sla-ëën.png', bytes: PNG } });
		const url = new URL(`http://localhost/attachments/${a.id}`);
		const response = await download({
			locals: { user: teammate },
			params: { attachmentId: String(a.id) },
			url,
			request: new Request(url)
		} as never);
		expect(response.status).toBe(200);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'content-type': 'image/png',
			'content-length': String(PNG.length),
			'content-disposition': `attachment; filename="Sla-__n.png"; filename*=UTF-8''Sla-%C3%AB%C3%ABn.png`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		});
		expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(PNG));
		await expect(
			download({ locals: { user: stranger }, params: { attachmentId: String(a.id) }, url, request: new Request(url) } as never)
		).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('the upload route', () => {
	it('answers script with JSON: 201 with the attachment, 400 with a message, 413 when too large', async () => {
		const ideaId = await newIdea();
		const ok = multipartRequest(ideaId, { file: { fileName: 'a.png', bytes: PNG } });
		const created = await upload({
			locals: { user: owner },
			params: { ideaId: String(ideaId) },
			request: ok.request
		} as never);
		expect(created.status).toBe(201);
		expect(((await created.json()) as { attachment: unknown }).attachment).toMatchObject({ fileName: 'a.png', kind: 'photo' });

		const bad = multipartRequest(ideaId, { fields: { kind: 'slides' }, file: { fileName: 'photo.pdf', bytes: PNG } });
		const refused = await upload({
			locals: { user: owner },
			params: { ideaId: String(ideaId) },
			request: bad.request
		} as never);
		expect(refused.status).toBe(400);
		expect(await refused.json()).toEqual({
			error: { code: 'type_not_allowed', message: 'photo.pdf is a PNG file, not a PDF file. Accepted here: PDF, PPTX.' }
		});

		const big = multipartRequest(ideaId, { fields: { kind: 'photo' }, file: { fileName: 'big.jpg', bytes: JPEG_HEADER, zeros: 21 * MB } });
		const tooLarge = await upload({
			locals: { user: owner },
			params: { ideaId: String(ideaId) },
			request: big.request
		} as never);
		expect(tooLarge.status).toBe(413);
		expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe('too_large');
	});

	it('redirects a plain form post back to the edit page, and hides ideas from strangers', async () => {
		const ideaId = await newIdea();
		const html = 'text/html,application/xhtml+xml,*/*;q=0.8';
		const ok = multipartRequest(ideaId, { fields: { kind: 'auto' }, file: { fileName: 'a b.png', bytes: PNG }, accept: html });
		await expect(
			upload({ locals: { user: owner }, params: { ideaId: String(ideaId) }, request: ok.request } as never)
		).rejects.toMatchObject({
			status: 303,
			location: `/ideas/${ideaId}?uploaded=a%20b.png`
		});
		const bad = multipartRequest(ideaId, { fields: { kind: 'slides' }, file: { fileName: 'photo.pdf', bytes: PNG }, accept: html });
		await expect(
			upload({ locals: { user: owner }, params: { ideaId: String(ideaId) }, request: bad.request } as never)
		).rejects.toMatchObject({
			status: 303,
			location: `/ideas/${ideaId}?uploadError=type_not_allowed`
		});
		const nosy = multipartRequest(ideaId, { file: { fileName: 'a.png', bytes: PNG } });
		const hidden = await upload({
			locals: { user: stranger },
			params: { ideaId: String(ideaId) },
			request: nosy.request
		} as never);
		expect(hidden.status).toBe(404);
		const anonymous = multipartRequest(ideaId, { file: { fileName: 'a.png', bytes: PNG } });
		const unauth = await upload({
			locals: { user: null },
			params: { ideaId: String(ideaId) },
			request: anonymous.request
		} as never);
		expect(unauth.status).toBe(401);
	});
});

describe('removing', () => {
	it('a team member removes a file of an editable idea: row, file and a timeline event', async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, { file: { fileName: 'old.png', bytes: PNG } });
		const { storageKey } = await db.selectFrom('attachment').select('storageKey').where('id', '=', a.id).executeTakeFirstOrThrow();
		expect((await refusalOf(removeIdeaAttachment(db, stranger, a.id))).status).toBe(404);
		expect(await removeIdeaAttachment(db, teammate, a.id)).toEqual({ ideaId, fileName: 'old.png' });
		expect(await listIdeaAttachments(db, ideaId)).toEqual([]);
		expect(existsSync(storedPath(storageKey))).toBe(false);
		const kinds = await db.selectFrom('ideaEvent').select('kind').where('ideaId', '=', ideaId).orderBy('id').execute();
		expect(kinds.map((k) => k.kind)).toEqual(['attachment_added', 'attachment_removed']);
	});

	it('nobody removes a file while the organisers screen the idea', async () => {
		const ideaId = await newIdea();
		const a = await send(owner, ideaId, { file: { fileName: 'keep.png', bytes: PNG } });
		await db.updateTable('idea').set({ status: 'submitted', firstSubmittedAt: new Date() }).where('id', '=', ideaId).execute();
		expect((await refusalOf(removeIdeaAttachment(db, owner, a.id))).code).toBe('not_allowed_now');
		expect(await listIdeaAttachments(db, ideaId)).toHaveLength(1);
	});
});

describe('knowledge-base entries', () => {
	async function newEntry(status: 'pending' | 'published') {
		const ideaId = await newIdea({ status: 'implemented' });
		const entry = await db
			.insertInto('kbEntry')
			.values({ title: `Entry ${++seq}`, departmentId: deptId, ideaId, status })
			.returning('id')
			.executeTakeFirstOrThrow();
		return { ideaId, entryId: entry.id };
	}
	function sendToEntry(actor: Actor, entryId: number, u: Upload) {
		const { request } = multipartRequest(entryId, u);
		const source = { read: false };
		const added = addKbAttachment(db, actor, entryId, (limits) => {
			source.read = true;
			return receiveUpload(request, limits);
		});
		return { source, added };
	}
	const auditOf = (entryId: number) =>
		db
			.selectFrom('auditLog')
			.select(['action', 'data'])
			.where('objectType', '=', 'kb_entry')
			.where('objectId', '=', String(entryId))
			.execute();

	it("the team adds to its pending entry: row, file and an event on the idea's timeline; a stranger gets not-found and nothing is read", async () => {
		const { ideaId, entryId } = await newEntry('pending');
		const a = await sendToEntry(owner, entryId, { fields: { kind: 'photo' }, file: { fileName: 'kit.png', bytes: PNG } }).added;
		// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringMatching) as any
		expect(a).toEqual({ id: expect.any(Number), fileName: 'kit.png', kind: 'photo' });
		const row = await db.selectFrom('attachment').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ideaId: null, kbEntryId: entryId, uploadedBy: owner.id, sha256: sha256(PNG) });
		expect(sha256(await readFile(storedPath(row.storageKey)))).toBe(row.sha256);
		const events = await db.selectFrom('ideaEvent').select(['kind', 'data']).where('ideaId', '=', ideaId).execute();
		expect(events).toEqual([{ kind: 'attachment_added', data: { attachmentId: a.id, fileName: 'kit.png', kbEntryId: entryId } }]);
		expect(await auditOf(entryId)).toEqual([]);

		const nosy = sendToEntry(stranger, entryId, { file: { fileName: 'x.png', bytes: PNG } });
		expect((await refusalOf(nosy.added)).status).toBe(404);
		expect(nosy.source.read).toBe(false);
	});

	it('once published only organisers add and remove files, audited; the team is refused before anything is read', async () => {
		const { ideaId, entryId } = await newEntry('published');
		const team = sendToEntry(owner, entryId, { file: { fileName: 'late.png', bytes: PNG } });
		expect((await refusalOf(team.added)).code).toBe('not_allowed_now');
		expect(team.source.read).toBe(false);

		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
		const a = await sendToEntry(organiser, entryId, { fields: { kind: 'work_instruction' }, file: { fileName: 'wi.pdf', bytes: pdf } })
			.added;
		expect(a.kind).toBe('work_instruction');
		const { storageKey } = await db.selectFrom('attachment').select('storageKey').where('id', '=', a.id).executeTakeFirstOrThrow();
		expect((await refusalOf(removeKbAttachment(db, owner, entryId, a.id))).code).toBe('not_allowed_now');
		expect((await refusalOf(removeKbAttachment(db, organiser, entryId + 1000, a.id))).status).toBe(404);
		await removeKbAttachmentOfIdea(db, organiser, ideaId, a.id);
		expect(await db.selectFrom('attachment').select('id').where('kbEntryId', '=', entryId).execute()).toEqual([]);
		expect(existsSync(storedPath(storageKey))).toBe(false);
		expect(await auditOf(entryId)).toEqual([
			{ action: 'kb_entry.attach', data: { attachmentId: a.id, fileName: 'wi.pdf' } },
			{ action: 'kb_entry.detach', data: { attachmentId: a.id, fileName: 'wi.pdf' } }
		]);
		const kinds = await db.selectFrom('ideaEvent').select('kind').where('ideaId', '=', ideaId).orderBy('id').execute();
		expect(kinds.map((k) => k.kind)).toEqual(['attachment_added', 'attachment_removed']);
	});

	it('an entry published during a long upload refuses the file: no row and no file remain', async () => {
		const { entryId } = await newEntry('pending');
		const before = await filesOnDisk();
		const { request } = multipartRequest(entryId, { file: { fileName: 'slow.png', bytes: PNG } });
		const refused = await refusalOf(
			addKbAttachment(db, owner, entryId, async (limits) => {
				const file = await receiveUpload(request, limits);
				await db.updateTable('kbEntry').set({ status: 'published' }).where('id', '=', entryId).execute();
				return file;
			})
		);
		expect(refused.code).toBe('kind_not_allowed_now');
		expect(await db.selectFrom('attachment').select('id').where('kbEntryId', '=', entryId).execute()).toEqual([]);
		expect(await filesOnDisk()).toEqual(before);
	});
});
