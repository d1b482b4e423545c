/**
 * Where attachment files are kept, through the same tests on both stores: the data folder,
 * and an S3 bucket on a local S3-compatible server (s3rver, started here on a free port in a
 * temporary folder, reached with forcePathStyle as any self-hosted S3 is). Each store is
 * tried alone (put, streamed open, delete, multipart for a large file) and under the
 * attachment service: a row exists exactly when its file does, also when storing fails.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ObjectStorage } from '$lib/server/config.js';
import type { Database } from '$lib/server/db/index.js';
import type { Actor } from '$lib/server/auth/policy.js';
import {
	addIdeaAttachment,
	openAttachmentForDownload,
	removeIdeaAttachment,
	type UploadSource
} from '$lib/server/attachments/attachments.service.js';
import {
	configureFileStore,
	createS3Store,
	createTempPath,
	diskStore,
	fileStore,
	newStorageKey,
	useFileStore,
	type FileStore
} from '$lib/server/attachments/storage.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

const BUCKET = 'ideacup-test';
const previousFilesDir = process.env.FILES_DIR;
let filesDir: string;
let s3Dir: string;
let s3: S3rver;
let s3Settings: ObjectStorage;
let s3Client: S3Client;
let testDb: TestDatabase;
let db: Database;
let owner: Actor;
let ideaId: number;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/** A checked upload waiting in the temporary folder, as upload.ts leaves it. */
async function tempFile(bytes: Uint8Array): Promise<string> {
	const path = await createTempPath();
	await writeFile(path, bytes, { flag: 'wx' });
	return path;
}

async function tempNames(): Promise<string[]> {
	return readdir(join(filesDir, 'tmp')).catch(() => []);
}

/** Every stored file's key, in the folder or the bucket. */
async function storedKeys(kind: 'disk' | 's3'): Promise<string[]> {
	if (kind === 's3') {
		const listed = await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
		return (listed.Contents ?? []).map((o) => o.Key!).sort();
	}
	const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && !e.parentPath.endsWith('tmp'))
		.map((e) => e.name)
		.sort();
}

async function emptyStores() {
	const listed = await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
	for (const o of listed.Contents ?? []) await s3Client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: o.Key }));
	for (const name of await readdir(filesDir)) await rm(join(filesDir, name), { recursive: true, force: true });
}

/** A real 1x1 PNG (the service checks content in upload.ts; here the file is handed over checked). */
const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
	'hex'
);

function uploadOf(bytes: Uint8Array, hook?: () => Promise<void>): UploadSource {
	return async () => {
		const tempPath = await tempFile(bytes);
		await hook?.();
		return {
			tempPath,
			fileName: 'line.png',
			originalName: 'line.png',
			kind: 'photo',
			mediaType: 'image/png',
			sizeBytes: bytes.length,
			sha256: sha256(bytes),
			fields: {}
		};
	};
}

beforeAll(async () => {
	// The SDK's notice that its 2027 releases need Node 22 (the store turns it off the same way).
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	filesDir = await mkdtemp(join(tmpdir(), 'ideacup-storage-'));
	process.env.FILES_DIR = filesDir;
	s3Dir = await mkdtemp(join(tmpdir(), 'ideacup-s3rver-'));
	s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: s3Dir, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
	const { port } = await s3.run();
	s3Settings = {
		bucket: BUCKET,
		endpoint: `http://127.0.0.1:${port}`,
		region: 'us-east-1',
		credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
		forcePathStyle: true
	};
	s3Client = new S3Client({ ...s3Settings });

	testDb = await createTestDatabase();
	db = testDb.db;
	const deptId = (await db.insertInto('department').values({ code: 'ASM', name: 'Assembly' }).returning('id').executeTakeFirstOrThrow()).id;
	const user = await db
		.insertInto('appUser')
		.values({ email: 'owner@example.com', name: 'Olga Owner', departmentId: deptId })
		.returning('id')
		.executeTakeFirstOrThrow();
	owner = { id: user.id, departmentId: deptId, roles: ['employee'] };
	const competitionId = (
		await db
			.insertInto('competition')
			.values({
				slug: 'cup',
				name: 'Cup',
				submissionOpensAt: new Date(Date.now() - 86_400_000),
				submissionClosesAt: new Date(Date.now() + 86_400_000),
				status: 'open'
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	ideaId = (
		await db
			.insertInto('idea')
			.values({ competitionId, departmentId: deptId, title: 'Stored files', status: 'draft', createdBy: owner.id })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await db.insertInto('ideaMember').values({ ideaId, userId: owner.id, role: 'owner' }).execute();
});

afterAll(async () => {
	useFileStore(diskStore);
	s3Client?.destroy();
	await s3?.close();
	await testDb?.close();
	if (previousFilesDir === undefined) delete process.env.FILES_DIR;
	else process.env.FILES_DIR = previousFilesDir;
	for (const dir of [filesDir, s3Dir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the S3 settings', () => {
	const base = { AUTH_SECRET: 'x'.repeat(32), DATA_DIR: tmpdir() };
	const refusal = (env: Record<string, string>) => {
		try {
			loadConfig({ ...base, ...env });
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			return (error as Error).message;
		}
		throw new Error('accepted');
	};

	it('keep files in the data folder when none is set', () => {
		expect(loadConfig(base).objectStorage).toBeNull();
	});

	it('name a bucket on an S3-compatible service', () => {
		const cfg = loadConfig({
			...base,
			S3_BUCKET: 'ideacup-files',
			S3_ENDPOINT: 'http://minio:9000/',
			S3_ACCESS_KEY_ID: 'key',
			S3_SECRET_ACCESS_KEY: 'secret',
			S3_FORCE_PATH_STYLE: 'true'
		});
		expect(cfg.objectStorage).toEqual({
			bucket: 'ideacup-files',
			endpoint: 'http://minio:9000',
			region: 'us-east-1',
			credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
			forcePathStyle: true
		});
		expect(loadConfig({ ...base, S3_BUCKET: 'files.example', S3_REGION: 'eu-central-1' }).objectStorage).toMatchObject({
			endpoint: undefined,
			region: 'eu-central-1',
			credentials: undefined,
			forcePathStyle: false
		});
	});

	it('are refused in one line when wrong', () => {
		expect(refusal({ S3_ENDPOINT: 'http://minio:9000' })).toMatch(/S3_BUCKET is required when any other S3_ setting is given/);
		expect(refusal({ S3_BUCKET: 'Files_2024', S3_REGION: 'x' })).toMatch(/S3_BUCKET must be a bucket name/);
		expect(refusal({ S3_BUCKET: 'files', S3_ENDPOINT: 'minio:9000' })).toMatch(/S3_ENDPOINT must be the service address/);
		expect(refusal({ S3_BUCKET: 'files', S3_REGION: 'eu-west-1', S3_ACCESS_KEY_ID: 'key' })).toMatch(
			/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/
		);
		expect(refusal({ S3_BUCKET: 'files' })).toMatch(/S3_REGION is required for AWS S3/);
		expect(refusal({ S3_BUCKET: 'files', S3_REGION: 'x', S3_FORCE_PATH_STYLE: 'maybe' })).toMatch(/S3_FORCE_PATH_STYLE/);
		for (const message of [refusal({ S3_ENDPOINT: 'x' }), refusal({ S3_BUCKET: 'files' })]) expect(message).not.toContain('\n');
	});
});

describe('choosing the store', () => {
	it('takes the data folder without a bucket, and the bucket when one is configured', async () => {
		expect((await configureFileStore(null)).kind).toBe('disk');
		expect(fileStore().kind).toBe('disk');
		expect((await configureFileStore(s3Settings)).kind).toBe('s3');
		expect(fileStore().kind).toBe('s3');
		useFileStore(diskStore);
	});

	it('refuses to start on a bucket that is not there, in one line', async () => {
		const error = await configureFileStore({ ...s3Settings, bucket: 'no-such-bucket' }).catch((e: unknown) => e as Error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(
			/^Cannot use the object storage \(bucket no-such-bucket at http:\/\/127\.0\.0\.1:\d+\): no such bucket$/
		);
		expect(fileStore().kind).toBe('disk');
	});
});

describe.each(['disk', 's3'] as const)('files in the %s store', (kind) => {
	let store: FileStore;

	beforeAll(async () => {
		store = kind === 's3' ? await createS3Store(s3Settings) : diskStore;
		await store.check();
		useFileStore(store);
		await emptyStores();
	});

	it('stores a checked upload under its key, streams it back whole and deletes it', async () => {
		const bytes = randomBytes(100_000);
		const key = newStorageKey();
		const temp = await tempFile(bytes);
		await store.put(temp, key, { mediaType: 'application/octet-stream' });
		expect(existsSync(temp)).toBe(false);
		expect(await storedKeys(kind)).toEqual([key]);

		const opened = await store.open(key);
		expect(opened?.size).toBe(bytes.length);
		expect(sha256(await readAll(opened!.stream))).toBe(sha256(bytes));

		await store.delete(key);
		expect(await store.open(key)).toBeNull();
		await store.delete(key); // a missing file is not an error
		expect(await storedKeys(kind)).toEqual([]);
	});

	it('sends a large file in parts and reads it back as a stream, a piece at a time', async () => {
		const bytes = randomBytes(20 * 1024 * 1024 + 123);
		const key = newStorageKey();
		await store.put(await tempFile(bytes), key, { mediaType: 'video/mp4' });
		const opened = (await store.open(key))!;
		expect(opened.size).toBe(bytes.length);
		let pieces = 0;
		const hash = createHash('sha256');
		for await (const chunk of opened.stream as unknown as AsyncIterable<Uint8Array>) {
			pieces++;
			hash.update(chunk);
		}
		expect(pieces).toBeGreaterThan(10);
		expect(hash.digest('hex')).toBe(sha256(bytes));
		await store.delete(key);
	});

	it('lets a download stop half-way without harm', async () => {
		const bytes = randomBytes(2 * 1024 * 1024);
		const key = newStorageKey();
		await store.put(await tempFile(bytes), key, { mediaType: 'application/octet-stream' });
		const opened = (await store.open(key))!;
		const reader = opened.stream.getReader();
		const first = await reader.read();
		expect(first.done).toBe(false);
		await reader.cancel();
		const again = (await store.open(key))!;
		expect(sha256(await readAll(again.stream))).toBe(sha256(bytes));
		await store.delete(key);
	});

	it('refuses keys that are not storage keys', async () => {
		await expect(store.open('../../etc/passwd')).rejects.toThrow(/Not a storage key/);
		await expect(store.delete('x')).rejects.toThrow(/Not a storage key/);
	});

	it('files an attachment: the row and the file together, downloaded and removed through the service', async () => {
		const a = await addIdeaAttachment(db, owner, ideaId, uploadOf(PNG));
		const row = await db.selectFrom('attachment').select('storageKey').where('id', '=', a.id).executeTakeFirstOrThrow();
		expect(await storedKeys(kind)).toEqual([row.storageKey]);
		expect(await tempNames()).toEqual([]);

		const download = await openAttachmentForDownload(db, owner, a.id);
		expect(download.size).toBe(PNG.length);
		expect(await readAll(download.stream)).toEqual(PNG);

		await removeIdeaAttachment(db, owner, a.id);
		expect(await storedKeys(kind)).toEqual([]);
	});

	it('keeps no file when the upload is refused after it was stored (the idea was submitted meanwhile)', async () => {
		await db.updateTable('idea').set({ status: 'draft' }).where('id', '=', ideaId).execute();
		const submitMeanwhile = () =>
			db
				.updateTable('idea')
				.set({ status: 'submitted', submittedAt: new Date(), firstSubmittedAt: new Date() })
				.where('id', '=', ideaId)
				.execute()
				.then(() => {});
		const refusal = await addIdeaAttachment(db, owner, ideaId, uploadOf(PNG, submitMeanwhile)).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(Error);
		expect(await db.selectFrom('attachment').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect(await storedKeys(kind)).toEqual([]);
		expect(await tempNames()).toEqual([]);
		await db.updateTable('idea').set({ status: 'draft', submittedAt: null, firstSubmittedAt: null }).where('id', '=', ideaId).execute();
	});

	it('keeps no row when storing fails, and nothing under the key', async () => {
		const failing: FileStore = {
			...store,
			// The bytes arrive, then the answer is lost (a dropped connection after the last part).
			async put(tempPath, key, file) {
				await store.put(tempPath, key, file);
				throw new Error('connection reset');
			}
		};
		useFileStore(failing);
		try {
			await expect(addIdeaAttachment(db, owner, ideaId, uploadOf(PNG))).rejects.toThrow('connection reset');
		} finally {
			useFileStore(store);
		}
		expect(await db.selectFrom('attachment').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect(await storedKeys(kind)).toEqual([]);
		expect(await tempNames()).toEqual([]);
	});

	it('answers a download with the error while the store is unreachable, and the file is there again after', async () => {
		const a = await addIdeaAttachment(db, owner, ideaId, uploadOf(PNG));
		const broken: FileStore = {
			...store,
			open: () => Promise.reject(new Error('store unreachable'))
		};
		useFileStore(broken);
		try {
			await expect(openAttachmentForDownload(db, owner, a.id)).rejects.toThrow('store unreachable');
		} finally {
			useFileStore(store);
		}
		const download = await openAttachmentForDownload(db, owner, a.id);
		expect(await readAll(download.stream)).toEqual(PNG);
		await removeIdeaAttachment(db, owner, a.id);
		expect(await storedKeys(kind)).toEqual([]);
	});

	it('removes the row even when the file cannot be deleted: an orphan file is logged, never a row without its file', async () => {
		const a = await addIdeaAttachment(db, owner, ideaId, uploadOf(PNG));
		const { storageKey } = await db.selectFrom('attachment').select('storageKey').where('id', '=', a.id).executeTakeFirstOrThrow();
		useFileStore({
			...store,
			delete: () => Promise.reject(new Error('store unreachable'))
		});
		try {
			await removeIdeaAttachment(db, owner, a.id);
		} finally {
			useFileStore(store);
		}
		expect(await db.selectFrom('attachment').select('id').where('id', '=', a.id).execute()).toEqual([]);
		expect(await storedKeys(kind)).toEqual([storageKey]);
		await store.delete(storageKey);
	});
});

describe('an S3 service that fails', () => {
	it('leaves no row and no temporary file when the bucket refuses a large (multipart) upload', async () => {
		const store = await createS3Store({ ...s3Settings, bucket: 'gone-bucket' });
		useFileStore(store);
		try {
			await expect(addIdeaAttachment(db, owner, ideaId, uploadOf(randomBytes(12 * 1024 * 1024)))).rejects.toThrow();
		} finally {
			useFileStore(diskStore);
		}
		expect(await db.selectFrom('attachment').select('id').where('ideaId', '=', ideaId).execute()).toEqual([]);
		expect((await tempNames()).length).toBeLessThanOrEqual(1);
	});
});
