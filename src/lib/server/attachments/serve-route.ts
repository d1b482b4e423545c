import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards.js';
import { DomainError } from '../errors.js';
import { contentDisposition, idParam } from '../http/index.js';
import { CAPTIONS_MEDIA_TYPE } from '../../domain/attachment-kinds.js';
import { mediaPresentation } from '../../domain/attachment-kinds.js';
import type { Database } from '../db/index.js';
import { serveAttachment, type FileRequest } from './attachments.service.js';

/**
 * What a stored file may do when a browser opens it: nothing. `sandbox` makes it an opaque
 * origin without scripts, `default-src 'none'` loads nothing.
 */
const LOCKED_DOWN = "default-src 'none'; sandbox";
/**
 * A PDF viewed in the page: Chrome's viewer is a plugin, and for years a `sandbox` CSP made
 * Chrome show an empty page or a download instead of the PDF (crbug.com/271452), so a PDF
 * opened to view gets no sandbox but still loads nothing of its own: `object-src 'self'` lets
 * the browser's viewer show this very document; the viewer runs no PDF script in the site's
 * origin. Checked in Chromium 156 (headless): the PDF opens in the viewer; a <video> on the
 * entry page seeks with 206 answers.
 */
const PDF_VIEW = "default-src 'none'; object-src 'self'";

/**
 * Answers GET /attachments/[id] (download) and /attachments/[id]/view (inline): the file for
 * one who may see it, 404 for anyone else, with range requests answered (206 with
 * Content-Range, 416 with `Content-Range: bytes *\/size`), Accept-Ranges and the ETag that
 * If-Range compares. Kept apart from the route files so tests call it without a server.
 */
export async function answerFileRequest(
	database: Database,
	event: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'request'>,
	mode: FileRequest['mode']
): Promise<Response> {
	const user = requireUser(event.locals, event.url);
	const attachmentId = idParam((event.params as Record<string, string>).attachmentId);
	const headers = event.request.headers;
	let served;
	try {
		served = await serveAttachment(database, user, attachmentId, { range: headers.get('range'), ifRange: headers.get('if-range'), mode });
	} catch (e) {
		if (e instanceof DomainError) error(404, 'Not found');
		throw e;
	}
	if (served.kind === 'download_instead') redirect(303, `/attachments/${attachmentId}`);
	const common = {
		'Accept-Ranges': 'bytes',
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': 'private, no-store',
		'Cross-Origin-Resource-Policy': 'same-origin'
	};
	if (served.kind === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { ...common, ETag: served.etag, 'Content-Range': `bytes */${served.size}`, 'Content-Security-Policy': LOCKED_DOWN }
		});
	}
	// Checked to be UTF-8 on upload (rules.createTextCheck, rules.judgeCaptions).
	const type =
		served.mediaType.startsWith('text/') || served.mediaType === CAPTIONS_MEDIA_TYPE
			? `${served.mediaType}; charset=utf-8`
			: served.mediaType;
	const disposition = contentDisposition(served.fileName);
	const length = served.range ? served.range.end - served.range.start + 1 : served.size;
	const pdfInPage = mode === 'view' && mediaPresentation(served.mediaType) === 'pdf';
	return new Response(served.stream, {
		status: served.status,
		headers: {
			...common,
			'Content-Type': type,
			'Content-Length': String(length),
			'Content-Disposition': mode === 'view' ? disposition.replace(/^attachment/, 'inline') : disposition,
			ETag: served.etag,
			'Content-Security-Policy': pdfInPage ? PDF_VIEW : LOCKED_DOWN,
			...(served.range ? { 'Content-Range': `bytes ${served.range.start}-${served.range.end}/${served.size}` } : {})
		}
	});
}
