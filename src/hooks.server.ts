import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { handle as authHandle } from './auth';
import { ConfigError, config } from '$lib/server/config';
import { DatabaseOpenError } from '$lib/server/db/index';
import { db, startRuntime, stopRuntime } from '$lib/server/runtime';
import { loadSessionUser } from '$lib/server/org/users.service';
import { removeStaleTempFiles } from '$lib/server/attachments/storage';
import { paraglideMiddleware } from '$lib/paraglide/server';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		const cfg = config();
		const { seeded } = await startRuntime(cfg);
		void removeStaleTempFiles().catch(() => {});
		const where = cfg.engine === 'pglite' ? `embedded database in ${cfg.dataDir}` : 'PostgreSQL';
		if (seeded) console.log(`IdeaCup: seeded the demo organisation (${seeded})`);
		console.log(`IdeaCup: using the ${where}${cfg.demoSignIn ? '; demo sign-in is on' : ''}`);
		const port = process.env.PORT ?? '3000';
		if (process.env.NODE_ENV !== 'development') console.log(`IdeaCup is ready: http://localhost:${port}`);
	} catch (error) {
		// One clear line for the operator, not a stack trace.
		const known = error instanceof ConfigError || error instanceof DatabaseOpenError;
		console.error(`IdeaCup cannot start: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}`);
		await stopRuntime().catch(() => {});
		process.exit(1);
	}
	process.once('sveltekit:shutdown' as 'exit', () => {
		void stopRuntime();
	});
};

const userHandle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	if (event.url.pathname !== '/healthz' && !event.url.pathname.startsWith('/auth/')) {
		const session = await event.locals.auth();
		const id = Number(session?.user?.id);
		if (Number.isInteger(id) && id > 0) event.locals.user = await loadSessionUser(db(), id);
	}
	return resolve(event);
};

const localeHandle: Handle = ({ event, resolve }) => {
	// Paraglide clones (tees) the request it is given; an unread copy of an upload would be
	// held in memory whole. The locale needs only the URL and the headers.
	const probe = new Request(event.request.url, { headers: event.request.headers });
	return paraglideMiddleware(probe, ({ locale }) => {
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

/** Only the upload endpoint streams large bodies; any other form is refused above 1 MB. */
const UPLOAD_ROUTES = new Set(['/ideas/[ideaId]/attachments', '/kb/[entryId]/attachments']);
const bodyLimit: Handle = ({ event, resolve }) => {
	const request = event.request;
	if (request.body && !(request.method === 'POST' && UPLOAD_ROUTES.has(event.route.id ?? ''))) {
		const length = Number(request.headers.get('content-length') ?? NaN);
		if (Number.isFinite(length) ? length > 1024 * 1024 : request.headers.has('transfer-encoding')) {
			return new Response('Payload Too Large', { status: 413 });
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	return response;
};

export const handle = sequence(bodyLimit, securityHeaders, localeHandle, authHandle, userHandle);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = randomUUID().slice(0, 8);
	console.error(`[error ${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Something went wrong on our side.', errorId };
};
