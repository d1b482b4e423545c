import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { addIdeaAttachment } from '$lib/server/attachments/attachments.service';
import { handleUpload } from '$lib/server/attachments/upload-route';

/** Upload one file to an idea (the hooks let only upload routes take large bodies). */
export const POST: RequestHandler = (event) =>
	handleUpload(event, {
		ownerParam: 'ideaId',
		back: (ideaId) => `/ideas/${ideaId}`,
		signInBack: `/ideas/${event.params.ideaId}`,
		add: (user, ideaId, source) => addIdeaAttachment(db(), user, ideaId, source)
	});
