import type { RequestHandler } from './$types';
import { postPoster } from '$lib/server/attachments/media-route';

/** Upload a video's poster frame (an image), replacing the one before; works as a plain form post. */
export const POST: RequestHandler = (event) => postPoster(event);
