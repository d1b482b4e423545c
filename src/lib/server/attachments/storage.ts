/**
 * Attachment files on disk: `<FILES_DIR>/<k0k1>/<k2k3>/<key>`, where the key is 32 random hex
 * characters kept in `attachment.storage_key`. FILES_DIR defaults to `<DATA_DIR>/files`.
 *
 * An upload is written to `<FILES_DIR>/tmp/` first and renamed into place only once it has
 * been checked and its row inserted; the temporary folder sits inside FILES_DIR so the
 * rename stays on one file system (atomic: a reader sees the whole file or none).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { config } from '../config.js';

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

/** Moves a checked upload to its final place, in one rename. */
export async function moveIntoPlace(tempPath: string, key: string): Promise<void> {
	const target = storedPath(key);
	await mkdir(join(target, '..'), { recursive: true });
	await rename(tempPath, target);
}

/** Deletes a file if it is there; a missing file is not an error. */
export async function deleteTempFile(path: string): Promise<void> {
	await rm(path, { force: true });
}

export async function deleteStoredFile(key: string): Promise<void> {
	await rm(storedPath(key), { force: true });
}

/**
 * A stored file as a web stream, read in 64 KiB steps as the consumer pulls, with its size
 * on disk. Null when the file is missing. The handle closes at the end or on cancel.
 */
export async function openStoredFile(key: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null> {
	let handle;
	try {
		handle = await open(storedPath(key), 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	const fh = handle;
	const { size } = await fh.stat();
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		await fh.close().catch(() => {});
	};
	const stream = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const buffer = new Uint8Array(READ_CHUNK);
				const { bytesRead } = await fh.read(buffer, 0, READ_CHUNK, null);
				if (bytesRead === 0) {
					await close();
					controller.close();
				} else {
					controller.enqueue(bytesRead === READ_CHUNK ? buffer : buffer.subarray(0, bytesRead));
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
