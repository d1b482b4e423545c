import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { addKbAttachment } from '$lib/server/attachments/attachments.service';
import { handleUpload } from '$lib/server/attachments/upload-route';

/** Only pages of this portal may be gone back to after an upload. */
function backTo(url: URL, entryId: number): string {
	const back = url.searchParams.get('back') ?? '';
	return /^\/(kb|ideas)\/[0-9]+(\/[a-z-]+)?$/.test(back) ? back : `/kb/${entryId}`;
}

/** Upload one file to a knowledge-base entry (work instructions, videos, slides, photos). */
export const POST: RequestHandler = (event) =>
	handleUpload(event, {
		ownerParam: 'entryId',
		back: (entryId) => backTo(event.url, entryId),
		signInBack: `/kb/${event.params.entryId}`,
		add: (user, entryId, source) => addKbAttachment(db(), user, entryId, source),
		errorParam: 'message',
		hash: '#files'
	});
