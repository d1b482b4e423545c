/**
 * Where attachment files are kept: one interface (FileStore), two implementations chosen by
 * configuration. Without S3_BUCKET, the data folder: `<FILES_DIR>/<k0k1>/<k2k3>/<key>`, FILES_DIR
 * defaulting to `<DATA_DIR>/files`. With S3_BUCKET, an S3 bucket (AWS or any S3-compatible
 * service), object key = storage key, so several instances share the files.
 *
 * Either way an upload is first written to `<FILES_DIR>/tmp/` on the instance that received
 * it and checked there (upload.ts); only then is it stored: renamed into place on disk (one
 * file system, atomic), or sent with PutObject (multipart above 8 MiB) to the bucket. The
 * key is 32 random hex characters kept in `attachment.storage_key`.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { config, ConfigError, type ObjectStorage } from '../config.js';

const KEY = /^[0-9a-f]{32}$/;
const READ_CHUNK = 64 * 1024;

/** Read on every call, so tests (and a changed environment) take effect without a restart. */
export function filesDir(): string {
	const override = process.env.FILES_DIR?.trim();
	return override ? resolve(override) : join(config().dataDir, 'files');
}

function tempDir(): string {
	return join(filesDir(), 'tmp');
}

export function newStorageKey(): string {
	return randomBytes(16).toString('hex');
}

/** The path of a stored file; refuses anything but a well-formed key, so no path can escape. */
export function storedPath(key: string): string {
	if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
	return join(filesDir(), key.slice(0, 2), key.slice(2, 4), key);
}

/** A fresh path for an upload in progress; the caller creates the file (flag 'wx'). */
export async function createTempPath(): Promise<string> {
	const dir = tempDir();
	await mkdir(dir, { recursive: true });
	return join(dir, `${randomBytes(12).toString('hex')}.part`);
}

/** Deletes a file if it is there; a missing file is not an error. */
export async function deleteTempFile(path: string): Promise<void> {
	await rm(path, { force: true });
}

/** `size` is the whole file's; with a range, `stream` carries only bytes `start`..`end` (inclusive). */
export type StoredFile = { size: number; stream: ReadableStream<Uint8Array> };

/** Bytes `start`..`end` of a file, both inclusive, as an HTTP range names them (http/range.ts). */
export type StoredRange = { start: number; end: number };

/** The one way files are stored, read and deleted, on disk or in a bucket. */
export interface FileStore {
	readonly kind: 'disk' | 's3';
	/**
	 * Stores a checked upload under `key`. The temporary file is used up on success (renamed,
	 * or sent and removed); on failure nothing is left under the key and the caller removes
	 * the temporary file.
	 */
	put(tempPath: string, key: string, file: { mediaType: string }): Promise<void>;
	/**
	 * The file as a stream pulled as the consumer reads, with its size; null when missing. With
	 * a range (checked against the size by the caller), only those bytes are read and sent.
	 */
	open(key: string, range?: StoredRange): Promise<StoredFile | null>;
	/** Deletes the file; a missing one is not an error. */
	delete(key: string): Promise<void>;
	/** Throws with a one-line reason when the store cannot be used (start-up check). */
	check(): Promise<void>;
}

/** Files in FILES_DIR (read on every call, so tests and a changed environment take effect). */
export const diskStore: FileStore = {
	kind: 'disk',
	async put(tempPath, key) {
		const target = storedPath(key);
		await mkdir(join(target, '..'), { recursive: true });
		await rename(tempPath, target);
	},
	open: openFromDisk,
	async delete(key) {
		await rm(storedPath(key), { force: true });
	},
	async check() {
		await mkdir(tempDir(), { recursive: true });
	}
};

/**
 * A stored file as a web stream, read in 64 KiB steps as the consumer pulls, with its size
 * on disk. Null when the file is missing. The handle closes at the end or on cancel. With a
 * range, reading starts at `start` and stops after `end` (cut to the file's end).
 */
async function openFromDisk(key: string, range?: StoredRange): Promise<StoredFile | null> {
	let handle;
	try {
		handle = await open(storedPath(key), 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	const fh = handle;
	const { size } = await fh.stat();
	let position = range ? range.start : 0;
	const stop = range ? Math.min(range.end + 1, size) : Infinity;
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		await fh.close().catch(() => {});
	};
	const stream = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const want = Math.min(READ_CHUNK, stop - position);
				const buffer = new Uint8Array(Math.max(want, 0));
				const { bytesRead } = want > 0 ? await fh.read(buffer, 0, want, position) : { bytesRead: 0 };
				position += bytesRead;
				if (bytesRead === 0) {
					await close();
					controller.close();
				} else {
					controller.enqueue(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
				}
			} catch (error) {
				await close();
				controller.error(error);
			}
		},
		cancel: close
	});
	return { size, stream };
}

/** Parts of a multipart upload: an upload holds at most PART_BYTES × PART_QUEUE in memory. */
const PART_BYTES = 8 * 1024 * 1024;
const PART_QUEUE = 2;

/**
 * Files in an S3 bucket through the AWS SDK v3. Larger files go up in parts (lib-storage's
 * Upload, which aborts the multipart upload when a part fails, so nothing is left under the
 * key); downloads stream the response body as it arrives.
 */
export async function createS3Store(settings: ObjectStorage): Promise<FileStore> {
	// The SDK warns once per process that its releases from 2027 on need Node 22; the versions
	// in package-lock.json run on Node 20. The operator can still ask for the warning.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	const [{ S3Client, GetObjectCommand, DeleteObjectCommand, HeadBucketCommand }, { Upload }] = await Promise.all([
		import('@aws-sdk/client-s3'),
		import('@aws-sdk/lib-storage')
	]);
	const client = new S3Client({
		region: settings.region,
		endpoint: settings.endpoint,
		forcePathStyle: settings.forcePathStyle,
		credentials: settings.credentials,
		// Checksums only where S3 requires them: S3-compatible services differ in the newer ones.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
		maxAttempts: 3
	});
	const Bucket = settings.bucket;
	const where = `bucket ${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ` in ${settings.region}`}`;
	const objectKey = (key: string) => {
		if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
		return key;
	};
	return {
		kind: 's3',
		async put(tempPath, key, file) {
			const Key = objectKey(key);
			const body = createReadStream(tempPath);
			try {
				await new Upload({
					client,
					params: { Bucket, Key, Body: body, ContentType: file.mediaType },
					partSize: PART_BYTES,
					queueSize: PART_QUEUE,
					leavePartsOnError: false
				}).done();
			} finally {
				body.destroy();
			}
			await rm(tempPath, { force: true });
		},
		async open(key, range) {
			let response;
			try {
				response = await client.send(
					new GetObjectCommand({ Bucket, Key: objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined })
				);
			} catch (error) {
				if (isMissing(error)) return null;
				throw error;
			}
			const body = response.Body;
			if (!body) return null;
			const stream = Readable.toWeb(body as Readable) as unknown as ReadableStream<Uint8Array>;
			// With a range, ContentLength is the part's; the whole size follows the slash of Content-Range.
			const whole = range ? /\/(\d+)$/.exec(response.ContentRange ?? '')?.[1] : undefined;
			return { size: Number(whole ?? response.ContentLength ?? 0), stream };
		},
		async delete(key) {
			await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
		},
		async check() {
			try {
				await client.send(new HeadBucketCommand({ Bucket }));
			} catch (error) {
				const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
				const reason =
					status === 404 ? 'no such bucket' : status === 403 ? 'access denied' : (error as Error).message || (error as Error).name;
				throw new ConfigError(`Cannot use the object storage (${where}): ${reason}`);
			}
		}
	};
}

function isMissing(error: unknown): boolean {
	const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
	return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

let chosen: FileStore = diskStore;

/** The store in use: the data folder until the runtime configured a bucket (configureFileStore). */
export function fileStore(): FileStore {
	return chosen;
}

/**
 * At start-up: the bucket when S3_BUCKET is set (checked to answer, or ConfigError with one
 * line), else the data folder.
 */
export async function configureFileStore(settings: ObjectStorage | null): Promise<FileStore> {
	const store = settings ? await createS3Store(settings) : diskStore;
	await store.check();
	chosen = store;
	return store;
}

/** Tests: use this store (the data folder again with diskStore). */
export function useFileStore(store: FileStore): void {
	chosen = store;
}

/**
 * Removes uploads left half-written by a crash or a killed process. Safe to call at start-up:
 * only `.part` files older than `maxAgeMs` are touched. Returns how many were removed.
 */
export async function removeStaleTempFiles(maxAgeMs = 24 * 60 * 60 * 1000, now = Date.now()): Promise<number> {
	let names: string[];
	try {
		names = await readdir(tempDir());
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		if (!name.endsWith('.part')) continue;
		const path = join(tempDir(), name);
		const info = await stat(path).catch(() => null);
		if (info && now - info.mtimeMs > maxAgeMs) {
			await rm(path, { force: true });
			removed++;
		}
	}
	return removed;
}
