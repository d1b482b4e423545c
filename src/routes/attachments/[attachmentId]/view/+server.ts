import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { answerFileRequest } from '$lib/server/attachments/serve-route';

/**
 * One attachment shown in the page (Content-Disposition: inline): a video the player seeks in
 * with range requests, an image, a PDF in the browser's viewer, a video's captions. Anything
 * else is sent to its download. The same access as the download: 404 for anyone who may not see it.
 */
export const GET: RequestHandler = (event) => answerFileRequest(db(), event, 'view');
