import { error, json, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { addKbAttachment } from '$lib/server/knowledge-base/publication.service';
import { discardBody, receiveUpload } from '$lib/server/attachments/upload';
import { AttachmentRefused } from '$lib/server/attachments/rules';
import { refusalMessage } from '$lib/server/attachments/messages';
import { parseId, prefersHtml } from '$lib/server/attachments/http';

/** Only pages of this portal may be gone back to after an upload. */
function backTo(url: URL, entryId: number): string {
	const back = url.searchParams.get('back') ?? '';
	return /^\/(kb|ideas)\/[0-9]+(\/[a-z-]+)?$/.test(back) ? back : `/kb/${entryId}`;
}

/**
 * Upload one file to a knowledge-base entry, streamed to disk by the attachments module.
 * Script (Accept: application/json) gets 201 {attachment} or {error}; a plain form post is
 * sent back to the page it came from with ?uploaded=<name> or ?uploadError=<message>.
 */
export const POST: RequestHandler = async ({ locals, params, request, url }) => {
	const html = prefersHtml(request.headers.get('accept'));
	const entryId = parseId(params.entryId);
	const user = locals.user;
	if (!user || entryId === null) {
		discardBody(request);
		if (!user) {
			if (html) redirect(303, `/signin?redirectTo=${encodeURIComponent(`/kb/${params.entryId}`)}`);
			return json({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 });
		}
		if (html) error(404, 'Not found');
		return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
	}
	const back = backTo(url, entryId);
	let outcome: { ok: true; fileName: string; body: unknown } | { ok: false; error: DomainError };
	try {
		const attachment = await addKbAttachment(db(), user, entryId, (limits) => receiveUpload(request, limits));
		outcome = { ok: true, fileName: attachment.fileName, body: { attachment } };
	} catch (e) {
		discardBody(request);
		if (!(e instanceof DomainError)) throw e;
		outcome = { ok: false, error: e };
	}
	if (outcome.ok) {
		if (html) redirect(303, `${back}?uploaded=${encodeURIComponent(outcome.fileName)}#files`);
		return json(outcome.body, { status: 201 });
	}
	const e = outcome.error;
	const status = e instanceof AttachmentRefused ? e.httpStatus : e.status;
	if (status === 404) {
		if (html) error(404, 'Not found');
		return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
	}
	if (html) redirect(303, `${back}?uploadError=${encodeURIComponent(refusalMessage(e))}#files`);
	return json({ error: { code: e.code, message: refusalMessage(e) } }, { status });
};
