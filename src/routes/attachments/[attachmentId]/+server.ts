import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { openAttachmentForDownload } from '$lib/server/attachments/attachments.service';
import { contentDisposition, idParam } from '$lib/server/http';

/**
 * Download one attachment, streamed from disk. Always as a download (Content-Disposition:
 * attachment) with the type found from its content and nosniff, so an uploaded file never
 * runs as a page of this site; the sandbox CSP covers a browser that opens it anyway.
 * Anyone who may not see it gets 404.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const attachmentId = idParam(params.attachmentId);
	let file;
	try {
		file = await openAttachmentForDownload(db(), user, attachmentId);
	} catch (e) {
		if (e instanceof DomainError) error(404, 'Not found');
		throw e;
	}
	// Checked to be UTF-8 on upload (rules.createTextCheck).
	const type = file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType;
	return new Response(file.stream, {
		headers: {
			'Content-Type': type,
			'Content-Length': String(file.size),
			'Content-Disposition': contentDisposition(file.fileName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cross-Origin-Resource-Policy': 'same-origin'
		}
	});
};
