import type { RequestHandler } from './$types';
import { postCaptions } from '$lib/server/attachments/media-route';

/** Upload a video's captions in one language (WebVTT), replacing that language's; works as a plain form post. */
export const POST: RequestHandler = (event) => postCaptions(event);
