import { error } from '@sveltejs/kit';

/** The largest form body read into memory; uploads stream through `attachments/upload.ts` instead. */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Reads a form post. What is not a form gets a clear 4xx instead of a 500: another content
 * type or a charset other than UTF-8 415, multipart without a boundary or a body that breaks off 400, a body over the
 * limit 413 (`hooks.server.ts` refuses most of those before they are read).
 */
export async function readForm(request: Request): Promise<FormData> {
	const contentType = request.headers.get('content-type') ?? '';
	const mediaType = contentType.split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.has(mediaType)) error(415, 'This address expects a form.');
	const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
	if (charset && charset !== 'utf-8' && charset !== 'utf8') error(415, 'Forms are read as UTF-8 only.');
	if (mediaType === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType)) {
		error(400, 'The form could not be read: its parts have no boundary.');
	}
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(length) && length > FORM_BODY_LIMIT_BYTES) error(413, 'The form is too large.');
	try {
		return await request.formData();
	} catch {
		error(400, 'The form could not be read: it was cut off or malformed. Please try again.');
	}
}
