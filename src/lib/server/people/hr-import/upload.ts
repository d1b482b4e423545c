/**
 * Receives the HR file of an upload form: busboy reads the multipart body as it streams in
 * and the file part is collected up to HR_FILE_MAX_BYTES, then cut off (the rest of the body
 * is cancelled). The whole file is needed in memory to read it as a table, so the cap is the
 * memory bound. The hooks let /admin/import past the 1 MB form limit (UPLOAD_ROUTES).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { HR_FILE_MAX_BYTES, HrFileRefused } from './parse.js';

/** Multipart framing and the small fields around the file. */
const OVERHEAD = 64 * 1024;

export async function receiveHrFile(request: Request): Promise<{ fileName: string; bytes: Uint8Array }> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
		await request.body?.cancel().catch(() => {});
		throw new HrFileRefused('file_empty');
	}
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > HR_FILE_MAX_BYTES + OVERHEAD) {
		await request.body.cancel().catch(() => {});
		throw new HrFileRefused('file_too_large');
	}
	const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			limits: { files: 1, fields: 5, parts: 7, fieldSize: 1024, fileSize: HR_FILE_MAX_BYTES + 1 }
		});
	} catch {
		source.destroy();
		throw new HrFileRefused('file_empty');
	}
	return new Promise((resolve, reject) => {
		let settled = false;
		let file: { fileName: string; parts: Buffer[]; size: number; done: Promise<void> } | null = null;
		const fail = (error: HrFileRefused) => {
			if (settled) return;
			settled = true;
			source.unpipe(parser);
			source.destroy();
			reject(error);
		};
		parser.on('file', (_name, stream, info) => {
			if (file || settled) {
				stream.resume();
				return;
			}
			const current = { fileName: (info.filename ?? '').trim() || 'hr-file', parts: [] as Buffer[], size: 0, done: Promise.resolve() };
			file = current;
			current.done = new Promise<void>((done) => {
				stream.on('data', (chunk: Buffer) => {
					current.size += chunk.length;
					if (current.size > HR_FILE_MAX_BYTES) return fail(new HrFileRefused('file_too_large'));
					current.parts.push(chunk);
				});
				stream.on('limit', () => fail(new HrFileRefused('file_too_large')));
				stream.on('end', () => done());
				stream.on('error', () => done());
			});
		});
		parser.on('error', () => fail(new HrFileRefused('unreadable', 'multipart')));
		source.on('error', () => fail(new HrFileRefused('unreadable', 'interrupted')));
		parser.on('close', () => {
			void (async () => {
				if (settled) return;
				if (!file) return fail(new HrFileRefused('file_empty'));
				await file.done;
				if (settled) return;
				settled = true;
				resolve({ fileName: file.fileName, bytes: new Uint8Array(Buffer.concat(file.parts)) });
			})();
		});
		source.pipe(parser);
	});
}
