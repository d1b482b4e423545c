import type { RequestHandler } from './$types';
import { postRemoveChild } from '$lib/server/attachments/media-route';

/** Remove a video's captions or poster frame (this id is theirs); works as a plain form post. */
export const POST: RequestHandler = (event) => postRemoveChild(event);
