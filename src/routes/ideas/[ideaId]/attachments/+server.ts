import { error, json, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { addIdeaAttachment } from '$lib/server/attachments/attachments.service';
import { discardBody, receiveUpload } from '$lib/server/attachments/upload';
import { AttachmentRefused } from '$lib/server/attachments/rules';
import { refusalMessage } from '$lib/server/attachments/messages';
import { parseId, prefersHtml } from '$lib/server/attachments/http';

/**
 * Upload one file to an idea, streamed to disk (never request.formData(): it buffers).
 * Script (Accept: application/json) gets 201 {attachment} or {error: {code, message}} with
 * 400/401/404/409/413. A plain form post (Accept prefers text/html) is redirected back to the
 * idea page with ?uploaded=<name> or ?uploadError=<code>, so it works without JavaScript.
 * Needs a body limit above 200 MB for this route only (see the attachments notes in the report).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const html = prefersHtml(request.headers.get('accept'));
	const ideaId = parseId(params.ideaId);
	const user = locals.user;
	if (!user || ideaId === null) {
		discardBody(request);
		if (!user) {
			if (html) redirect(303, `/signin?redirectTo=${encodeURIComponent(`/ideas/${params.ideaId}`)}`);
			return json({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 });
		}
		if (html) error(404, 'Not found');
		return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
	}
	const back = `/ideas/${ideaId}`;

	let outcome: { ok: true; fileName: string; body: unknown } | { ok: false; error: DomainError };
	try {
		const attachment = await addIdeaAttachment(db(), user, ideaId, (limits) => receiveUpload(request, limits));
		outcome = { ok: true, fileName: attachment.fileName, body: { attachment } };
	} catch (e) {
		discardBody(request);
		if (!(e instanceof DomainError)) throw e;
		outcome = { ok: false, error: e };
	}

	if (outcome.ok) {
		if (html) redirect(303, `${back}?uploaded=${encodeURIComponent(outcome.fileName)}`);
		return json(outcome.body, { status: 201 });
	}
	const e = outcome.error;
	const status = e instanceof AttachmentRefused ? e.httpStatus : e.status;
	if (status === 404) {
		if (html) error(404, 'Not found');
		return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
	}
	if (html) redirect(303, `${back}?uploadError=${encodeURIComponent(e.code)}`);
	return json({ error: { code: e.code, message: refusalMessage(e) } }, { status });
};
