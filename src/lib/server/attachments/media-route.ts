import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../runtime/index.js';
import { DomainError } from '../errors.js';
import { isLocalPath } from '../../domain/local-path.js';
import { parseId, prefersHtml } from '../http/index.js';
import { addVideoCaptions, addVideoPoster, removeVideoChild } from './attachments.service.js';
import { handleUpload } from './upload-route.js';
import { refusalMessage } from './messages.js';

/**
 * The page a video's captions and poster forms go back to (`?back=/ideas/4`): a path of this
 * site without query or fragment; anything else, the home page. The answer comes back as
 * `?media=<videoId>&mediaField=captions|poster&mediaSaved=<name>` or `&mediaError=<message>`, shown beside the form of
 * that video (VideoMediaForms), so nothing else on the page mistakes it for its own.
 */
export function mediaBack(url: URL): string {
	const back = url.searchParams.get('back') ?? '';
	return /^\/[A-Za-z0-9/_-]{0,200}$/.test(back) && isLocalPath(back) ? back : '/';
}

const uploadOptions = (event: RequestEvent, field: 'captions' | 'poster') => {
	const videoId = event.params.attachmentId ?? '';
	return {
		ownerParam: 'attachmentId',
		back: () => mediaBack(event.url),
		signInBack: mediaBack(event.url),
		errorParam: 'message' as const,
		hash: `#media-${parseId(videoId) ?? ''}`,
		query: { ok: 'mediaSaved', error: 'mediaError', extra: `media=${parseId(videoId) ?? ''}&mediaField=${field}` }
	};
};

/** POST /attachments/[id]/captions: WebVTT captions in one language for a video (multipart: lang, file). */
export const postCaptions = (event: RequestEvent) =>
	handleUpload(event, {
		...uploadOptions(event, 'captions'),
		add: (user, videoId, source) => addVideoCaptions(db(), user, videoId, source)
	});

/** POST /attachments/[id]/poster: a poster frame for a video (multipart: file). */
export const postPoster = (event: RequestEvent) =>
	handleUpload(event, { ...uploadOptions(event, 'poster'), add: (user, videoId, source) => addVideoPoster(db(), user, videoId, source) });

/** POST /attachments/[id]/remove: removes a video's captions or poster frame (the id is theirs). */
export async function postRemoveChild(event: RequestEvent): Promise<Response> {
	const html = prefersHtml(event.request.headers.get('accept'));
	const back = mediaBack(event.url);
	const user = event.locals.user;
	if (!user) {
		if (html) redirect(303, `/signin?redirectTo=${encodeURIComponent(back)}`);
		return json({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 });
	}
	const childId = parseId(event.params.attachmentId);
	if (childId === null) error(404, 'Not found');
	let removed;
	try {
		removed = await removeVideoChild(db(), user, childId);
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		if (e.status === 404) error(404, 'Not found');
		if (html) redirect(303, `${back}?mediaError=${encodeURIComponent(refusalMessage(e))}#files`);
		return json({ error: { code: e.code, message: refusalMessage(e) } }, { status: e.status });
	}
	if (html) redirect(303, `${back}?mediaRemoved=${removed.kind}&media=${removed.videoId}#media-${removed.videoId}`);
	return json({ removed }, { status: 200 });
}
