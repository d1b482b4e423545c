/**
 * Receives one file from a multipart/form-data request without ever holding it in memory:
 * busboy parses the body as it streams in, the file part goes straight to a temporary file
 * while its SHA-256 and size are computed, and the upload is cut off as soon as it passes
 * the limit. Then the content is identified by its magic number (file-type) and judged by
 * rules.ts. Never call request.formData() for uploads: it buffers the whole body.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import {
	CAPTIONS_MAX_BYTES,
	MAX_UPLOAD_BYTES,
	TEXT_PLAIN,
	isAttachmentKind,
	type AttachmentKind,
	type StoredKind
} from '../../domain/attachment-kinds.js';
import {
	AttachmentRefused,
	MULTIPART_OVERHEAD_BYTES,
	createTextCheck,
	judgeCaptions,
	judgeFile,
	kindNotAllowedNow,
	sanitizeFileName,
	streamLimit,
	tooLargeWhileStreaming
} from './rules.js';
import { createTempPath, deleteTempFile } from './storage.js';

export type UploadLimits = {
	/** Kinds the actor may add now (rules.kindsTeamMayAttach); none: nothing is read. */
	kinds: readonly AttachmentKind[];
	/** Largest text field, in bytes (kind, version, ...). Default 1 KiB. */
	fieldBytes?: number;
	/** Most text fields. Default 10. */
	fields?: number;
	/** 'captions': a video's WebVTT captions (rules.judgeCaptions, 1 MB); `kinds` and the form's `kind` are then ignored. */
	accept?: 'captions';
};

/** A checked file waiting in a temporary place; the service moves it or deletes it. */
export type ReceivedUpload = {
	tempPath: string;
	/** sanitised, with the extension that fits the content */
	fileName: string;
	/** sanitised name as sent */
	originalName: string;
	kind: StoredKind;
	mediaType: string;
	sizeBytes: number;
	sha256: string;
	/** the small text fields of the form (the file field excluded) */
	fields: Record<string, string>;
};

/**
 * Streams the request's one file to disk and checks it. The form's `kind` field ('' or
 * 'auto': choose from the content) should come before the file field, as a form with the
 * select above the file input sends it; then the chosen kind's limit applies while
 * streaming, otherwise the largest limit among `limits.kinds` until the content is known.
 *
 * Throws AttachmentRefused (no temporary file is left behind). When it refuses before the
 * body is read to the end, the rest of the body is read and thrown away if the request
 * declared a Content-Length within the largest upload, so the browser still receives the
 * answer; a body of unknown or larger length is cancelled instead, which closes the
 * connection.
 */
export async function receiveUpload(request: Request, limits: UploadLimits): Promise<ReceivedUpload> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(contentType)) {
		discardBody(request);
		throw new AttachmentRefused('bad_request', 'Send the file as multipart/form-data.');
	}
	if (!request.body) throw new AttachmentRefused('no_file', 'Choose a file to upload.');
	const captions = limits.accept === 'captions';
	if (!limits.kinds.length && !captions) {
		discardBody(request);
		throw new AttachmentRefused('kind_not_allowed_now', 'Nothing can be added to this idea in its current state.');
	}

	const largest = captions ? CAPTIONS_MAX_BYTES : streamLimit(null, limits.kinds);
	const requestCap = largest + MULTIPART_OVERHEAD_BYTES;
	const declared = declaredLength(request);
	const declaredWithinCap = declared !== null && declared <= requestCap;
	if (declared !== null && declared > requestCap) {
		discardBody(request, requestCap);
		throw tooLargeWhileStreaming('', null, largest);
	}

	const tempPath = await createTempPath();
	const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			// Browsers send file names as raw UTF-8; busboy's default would read them as Latin-1.
			defParamCharset: 'utf8',
			limits: {
				files: 1,
				fields: limits.fields ?? 10,
				parts: (limits.fields ?? 10) + 2,
				fieldSize: limits.fieldBytes ?? 1024,
				fieldNameSize: 100
			}
		});
	} catch {
		source.destroy();
		throw new AttachmentRefused('bad_request', 'The upload is not a valid multipart/form-data body.');
	}

	return new Promise<ReceivedUpload>((resolve, reject) => {
		const fields: Record<string, string> = {};
		let chosenKind: AttachmentKind | null = null;
		let settled = false;
		let tooManyFiles = false;
		let fileDone: Promise<FileWritten | null> | null = null;
		let activePart: Readable | null = null;

		/** Stops reading for good: refuse, clean up, and discard or cancel the rest of the body. */
		const fail = (error: unknown) => {
			if (settled) return;
			settled = true;
			source.unpipe(parser);
			parser.on('error', () => {});
			source.on('error', () => {});
			if (declaredWithinCap && !source.readableEnded) {
				source.on('data', () => {});
				source.resume();
			} else {
				source.destroy();
			}
			activePart?.destroy();
			void (async () => {
				await fileDone;
				await deleteTempFile(tempPath).catch(() => {});
				reject(asRefusal(error));
			})();
		};

		parser.on('field', (name, value, info) => {
			if (settled) return;
			if (info.nameTruncated || info.valueTruncated) return fail(new AttachmentRefused('bad_request', `The field ${name} is too long.`));
			fields[name] = value;
			if (name === 'kind' && !captions) {
				const kind = value.trim();
				if (kind === '' || kind === 'auto') chosenKind = null;
				else if (!isAttachmentKind(kind)) return fail(new AttachmentRefused('invalid_kind', `Unknown kind: ${kind.slice(0, 40)}.`));
				else if (!limits.kinds.includes(kind)) return fail(kindNotAllowedNow(kind, limits.kinds));
				else chosenKind = kind;
			}
		});

		parser.on('file', (_name, stream, info) => {
			if (settled || fileDone) {
				stream.resume();
				return;
			}
			const originalName = sanitizeFileName(info.filename ?? '');
			const limit = captions ? CAPTIONS_MAX_BYTES : streamLimit(chosenKind, limits.kinds);
			const kindWhenStarted = chosenKind;
			activePart = stream;
			fileDone = writeFile(stream, tempPath, limit).then(
				(written) => {
					if (written === 'too_large') {
						fail(tooLargeWhileStreaming(originalName, kindWhenStarted, limit));
						return null;
					}
					return { ...written, originalName };
				},
				(error) => {
					fail(error);
					return null;
				}
			);
		});

		parser.on('filesLimit', () => {
			tooManyFiles = true;
		});
		parser.on('fieldsLimit', () => fail(new AttachmentRefused('bad_request', 'The form has too many fields.')));
		parser.on('partsLimit', () => fail(new AttachmentRefused('bad_request', 'The form has too many parts.')));
		parser.on('error', (error) => fail(new AttachmentRefused('bad_request', `The upload could not be read: ${(error as Error).message}`)));
		source.on('error', () => fail(new AttachmentRefused('upload_aborted', 'The upload was interrupted.')));

		parser.on('close', () => {
			void (async () => {
				if (settled) return;
				const written = await fileDone;
				if (settled) return;
				if (!fileDone) return fail(new AttachmentRefused('no_file', 'Choose a file to upload.'));
				if (!written) return;
				if (tooManyFiles) return fail(new AttachmentRefused('too_many_files', 'Send one file at a time.'));
				try {
					const sniffed = await fileTypeFromFile(tempPath).catch(() => undefined);
					const detected = sniffed?.mime ?? (written.isText ? TEXT_PLAIN : null);
					const accepted = captions
						? judgeCaptions({
								fileName: written.originalName,
								detected: sniffed?.mime ?? null,
								isText: written.isText,
								head: written.head,
								sizeBytes: written.sizeBytes
							})
						: judgeFile({
								fileName: written.originalName,
								detected,
								sizeBytes: written.sizeBytes,
								chosenKind,
								allowedKinds: limits.kinds
							});
					settled = true;
					resolve({
						tempPath,
						fileName: accepted.fileName,
						originalName: written.originalName,
						kind: accepted.kind,
						mediaType: accepted.mediaType,
						sizeBytes: written.sizeBytes,
						sha256: written.sha256,
						fields
					});
				} catch (error) {
					fail(error);
				}
			})();
		});

		source.pipe(parser);
	});
}

function declaredLength(request: Request): number | null {
	const value = request.headers.get('content-length');
	const n = value === null ? NaN : Number(value);
	return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Gets rid of a request body nobody will parse (an upload refused before or while reading).
 * A body whose declared length is within `cap` is read and thrown away in the background,
 * chunk by chunk, so the connection stays usable and the browser gets the answer; any other
 * body is cancelled, which in adapter-node closes the connection. Nothing is kept in memory.
 * Does nothing when the body is already being read.
 */
export function discardBody(request: Request, cap = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES): void {
	const body = request.body;
	if (!body || request.bodyUsed || body.locked) return;
	const declared = declaredLength(request);
	if (declared !== null && declared <= cap) {
		const reader = body.getReader();
		void (async () => {
			try {
				while (!(await reader.read()).done);
			} catch {
				// the client went away: nothing left to discard
			}
		})();
	} else {
		void body.cancel().catch(() => {});
	}
}

type FileWritten = { sizeBytes: number; sha256: string; isText: boolean; head: Uint8Array; originalName: string };

/** Bytes kept from a file's start, for checks by its first bytes (WebVTT's "WEBVTT" after a byte-order mark). */
const HEAD_BYTES = 16;

class LimitPassed extends Error {}

/** Writes the part to `path` (which must not exist), hashing and counting; 'too_large' once it passes `limit`. */
async function writeFile(part: Readable, path: string, limit: number): Promise<Omit<FileWritten, 'originalName'> | 'too_large'> {
	const hash = createHash('sha256');
	const text = createTextCheck();
	const head = new Uint8Array(HEAD_BYTES);
	let size = 0;
	const meter = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			size += chunk.length;
			if (size > limit) return callback(new LimitPassed());
			const at = size - chunk.length;
			if (at < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - at), at);
			hash.update(chunk);
			text.push(chunk);
			callback(null, chunk);
		}
	});
	const out = createWriteStream(path, { flags: 'wx' });
	try {
		await pipeline(part, meter, out);
	} catch (error) {
		// Wait until the file is closed (or was never opened), so deleting it afterwards is final.
		if (!out.closed) await once(out, 'close').catch(() => {});
		if (error instanceof LimitPassed) return 'too_large';
		throw error;
	}
	return { sizeBytes: size, sha256: hash.digest('hex'), isText: text.finish(), head: head.subarray(0, Math.min(size, HEAD_BYTES)) };
}

function asRefusal(error: unknown): Error {
	if (error instanceof AttachmentRefused) return error;
	const code = (error as NodeJS.ErrnoException)?.code;
	// Disk trouble is ours, not the user's: let it surface as a server error.
	if (code && /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET' && code !== 'EPIPE') return error as Error;
	return new AttachmentRefused('upload_aborted', 'The upload was interrupted.');
}
