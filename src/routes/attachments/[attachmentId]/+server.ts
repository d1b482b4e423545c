import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { answerFileRequest } from '$lib/server/attachments/serve-route';

/**
 * Download one attachment, streamed from the store. Always as a download (Content-Disposition:
 * attachment) with the type found from its content and nosniff, so an uploaded file never
 * runs as a page of this site; the sandbox CSP covers a browser that opens it anyway. Range
 * requests are answered (a resumed download). Anyone who may not see it gets 404.
 */
export const GET: RequestHandler = (event) => answerFileRequest(db(), event, 'download');
