import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../org/users.service.js';
import { DomainError } from '../errors.js';
import { discardBody, receiveUpload } from './upload.js';
import type { UploadSource } from './attachments.service.js';
import { AttachmentRefused } from './rules.js';
import { refusalMessage } from './messages.js';
import { parseId, prefersHtml } from '../http/index.js';

/**
 * One upload endpoint for every owner of files (an idea, a knowledge-base entry): the file is
 * streamed to disk by the service (never request.formData(): it buffers). Script
 * (Accept: application/json) gets 201 {attachment} or {error: {code, message}} with
 * 400/401/404/409/413; a plain form post is redirected back with ?uploaded=<name> or
 * ?uploadError=<code>, so it works without JavaScript.
 */
export async function handleUpload(
	event: RequestEvent,
	options: {
		ownerParam: string;
		/** where a plain form post goes back to, for this owner */
		back: (ownerId: number) => string;
		/** the page to come back to after signing in */
		signInBack: string;
		add: (user: SessionUser, ownerId: number, source: UploadSource) => Promise<{ fileName: string }>;
		/** what ?uploadError carries: the code (default) or the worded message */
		errorParam?: 'code' | 'message';
		hash?: string;
		/** the query a plain form post comes back with: `?uploaded=<name>` / `?uploadError=<...>` unless named here, plus `extra` (e.g. `media=7`) */
		query?: { ok: string; error: string; extra?: string };
	}
): Promise<Response> {
	const { request, locals } = event;
	const html = prefersHtml(request.headers.get('accept'));
	const ownerId = parseId((event.params as Record<string, string | undefined>)[options.ownerParam]);
	const user = locals.user;
	if (!user || ownerId === null) {
		discardBody(request);
		if (!user) {
			if (html) redirect(303, `/signin?redirectTo=${encodeURIComponent(options.signInBack)}`);
			return json({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 });
		}
		if (html) error(404, 'Not found');
		return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
	}
	const back = options.back(ownerId);
	const hash = options.hash ?? '';
	const okParam = options.query?.ok ?? 'uploaded';
	const errorParam = options.query?.error ?? 'uploadError';
	const extra = options.query?.extra ? `&${options.query.extra}` : '';
	let attachment: { fileName: string };
	try {
		attachment = await options.add(user, ownerId, (limits) => receiveUpload(request, limits));
	} catch (e) {
		discardBody(request);
		if (!(e instanceof DomainError)) throw e;
		const status = e instanceof AttachmentRefused ? e.httpStatus : e.status;
		if (status === 404) {
			if (html) error(404, 'Not found');
			return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
		}
		const param = options.errorParam === 'message' ? refusalMessage(e) : e.code;
		if (html) redirect(303, `${back}?${errorParam}=${encodeURIComponent(param)}${extra}${hash}`);
		return json({ error: { code: e.code, message: refusalMessage(e) } }, { status });
	}
	if (html) redirect(303, `${back}?${okParam}=${encodeURIComponent(attachment.fileName)}${extra}${hash}`);
	return json({ attachment }, { status: 201 });
}
