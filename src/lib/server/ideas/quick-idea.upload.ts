/**
 * Reads the one-minute idea's form as it streams in (never request.formData(): a phone photo
 * would be held whole in memory): its text fields, and the optional photo written to a
 * temporary file while it is hashed and counted, cut off at the photo limit. The photo is then
 * judged by its content (magic bytes, attachments/rules.ts), so a file that lies about its type
 * is refused. Unlike an attachment upload, a refused photo does not lose the form: the text
 * fields come back with the refusal, so the page can show both.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import { AttachmentRefused, judgeFile, sanitizeFileName, streamLimit, tooLargeWhileStreaming } from '../attachments/rules.js';
import { createTempPath, deleteTempFile } from '../attachments/storage.js';
import type { ReceivedUpload } from '../attachments/upload.js';

/** The one file field of the form. */
export const PHOTO_FIELD = 'photo';
const PHOTO_KINDS = ['photo'] as const;

export type QuickIdeaBody = {
	/** the text fields as sent (the file field left out) */
	fields: Record<string, string>;
	/** the checked photo in a temporary file, or null when none was chosen or it was refused */
	photo: ReceivedUpload | null;
	/** why the photo was refused; the fields are still read */
	photoError: AttachmentRefused | null;
};

/** Bad multipart framing or a form that is not ours: nothing was kept. */
export class QuickFormUnreadable extends Error {}

export async function receiveQuickIdea(request: Request): Promise<QuickIdeaBody> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!request.body) throw new QuickFormUnreadable('no body');
	if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
		// A form without a file input (or a client that sent none) is small: the hooks cap it at 1 MB.
		const params = new URLSearchParams(await request.text());
		return { fields: Object.fromEntries([...params].filter(([k]) => k !== PHOTO_FIELD)), photo: null, photoError: null };
	}
	if (!/^multipart\/form-data\s*;/i.test(contentType)) {
		void request.body.cancel().catch(() => {});
		throw new QuickFormUnreadable('not a form');
	}
	const limit = streamLimit('photo', PHOTO_KINDS);
	const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			limits: { files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024, fieldNameSize: 100, fileSize: limit }
		});
	} catch {
		source.destroy();
		throw new QuickFormUnreadable('bad multipart');
	}

	return new Promise<QuickIdeaBody>((resolve, reject) => {
		const fields: Record<string, string> = {};
		let file: Promise<{ tempPath: string; written: Written | null; name: string; unnamed: boolean; truncated: boolean }> | null = null;
		let broken: Error | null = null;

		parser.on('field', (name, value, info) => {
			if (info.valueTruncated) broken ??= new QuickFormUnreadable(`field ${name} too long`);
			else if (name !== PHOTO_FIELD) fields[name] = value;
		});
		parser.on('file', (name, stream, info) => {
			if (name !== PHOTO_FIELD || file) {
				stream.resume();
				return;
			}
			const unnamed = !info.filename?.trim();
			const fileName = sanitizeFileName(info.filename ?? '');
			let truncated = false;
			stream.on('limit', () => {
				truncated = true;
			});
			file = createTempPath().then(async (tempPath) => {
				try {
					const written = await writeFile(stream, tempPath);
					return { tempPath, written, name: fileName, unnamed, truncated };
				} catch (error) {
					stream.resume();
					await deleteTempFile(tempPath).catch(() => {});
					throw error;
				}
			});
			file.catch(() => {});
		});
		parser.on('error', (error) => {
			broken ??= error as Error;
		});
		let settled = false;
		// A phone that loses its connection mid-upload: busboy may never close, so give up here.
		source.on('error', () => {
			if (settled) return;
			settled = true;
			parser.destroy();
			void (async () => {
				const got = await file?.catch(() => null);
				if (got) await deleteTempFile(got.tempPath).catch(() => {});
				reject(new QuickFormUnreadable('the upload was interrupted'));
			})();
		});
		parser.on('close', () => {
			if (settled) return;
			settled = true;
			void (async () => {
				let got: Awaited<NonNullable<typeof file>> | null = null;
				try {
					got = file ? await file : null;
				} catch (error) {
					return reject(error instanceof Error ? error : new Error(String(error)));
				}
				if (broken) {
					if (got) await deleteTempFile(got.tempPath).catch(() => {});
					return reject(broken instanceof QuickFormUnreadable ? broken : new QuickFormUnreadable(broken.message));
				}
				// An empty file input still sends a part: no name, no bytes. That is no photo.
				if (!got || (got.written?.sizeBytes === 0 && got.unnamed)) {
					if (got) await deleteTempFile(got.tempPath).catch(() => {});
					return resolve({ fields, photo: null, photoError: null });
				}
				try {
					if (got.truncated || !got.written) throw tooLargeWhileStreaming(got.name, 'photo', limit);
					const sniffed = await fileTypeFromFile(got.tempPath).catch(() => undefined);
					const accepted = judgeFile({
						fileName: got.name || 'photo',
						detected: sniffed?.mime ?? null,
						sizeBytes: got.written.sizeBytes,
						chosenKind: 'photo',
						allowedKinds: PHOTO_KINDS
					});
					resolve({
						fields,
						photoError: null,
						photo: {
							tempPath: got.tempPath,
							fileName: accepted.fileName,
							originalName: got.name,
							kind: accepted.kind,
							mediaType: accepted.mediaType,
							sizeBytes: got.written.sizeBytes,
							sha256: got.written.sha256,
							fields: {}
						}
					});
				} catch (error) {
					await deleteTempFile(got.tempPath).catch(() => {});
					if (error instanceof AttachmentRefused) resolve({ fields, photo: null, photoError: error });
					else reject(error instanceof Error ? error : new Error(String(error)));
				}
			})();
		});
		source.pipe(parser);
	});
}

type Written = { sizeBytes: number; sha256: string };

/** Writes the part to `path`, hashing and counting (busboy stops the part at the limit). */
async function writeFile(part: Readable, path: string): Promise<Written> {
	const hash = createHash('sha256');
	let size = 0;
	const meter = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			size += chunk.length;
			hash.update(chunk);
			callback(null, chunk);
		}
	});
	const out = createWriteStream(path, { flags: 'wx' });
	try {
		await pipeline(part, meter, out);
	} catch (error) {
		if (!out.closed) await once(out, 'close').catch(() => {});
		throw error;
	}
	return { sizeBytes: size, sha256: hash.digest('hex') };
}
