import { randomUUID } from 'node:crypto';
import { isRedirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { handle as authHandle } from './auth';
import { ConfigError, config, publicAddress } from '$lib/server/config';
import { DatabaseOpenError } from '$lib/server/db/index';
import { db, startRuntime, stopRuntime } from '$lib/server/runtime';
import { admitSignIn, requestSessionOf } from '$lib/server/org/sessions.service';
import { sessionToken } from '$lib/server/http';
import { removeStaleTempFiles } from '$lib/server/attachments/storage';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { countStatements, newTally, serverTiming } from '$lib/server/db/statement-count';
import { crossSiteFormRefusal, isForbiddenCrossSiteForm } from '$lib/server/mail/origin-check';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		const cfg = config();
		const { seeded, setup, files } = await startRuntime(cfg);
		void removeStaleTempFiles().catch(() => {});
		const where = cfg.engine === 'pglite' ? `embedded database in ${cfg.dataDir}` : 'PostgreSQL';
		if (seeded) console.log(`IdeaCup: seeded the demo organisation (${seeded})`);
		const bucket = files === 's3' && cfg.objectStorage ? `; files in the bucket ${cfg.objectStorage.bucket}` : '';
		console.log(`IdeaCup: using the ${where}${bucket}${cfg.demoSignIn ? '; demo sign-in is on' : ''}`);
		if (process.env.NODE_ENV !== 'development') console.log(`IdeaCup is ready: ${publicAddress(cfg, process.env.PORT)}`);
		// No administrator yet: a one-time setup link, new at each start until someone uses it
		// (instances starting together share the first one's).
		if (setup && 'token' in setup) {
			console.log(
				`IdeaCup: no administrator yet. Open ${publicAddress(cfg, process.env.PORT)}/setup/${setup.token} to set up your organisation.`
			);
		} else if (setup) {
			console.log(
				'IdeaCup: no administrator yet. The setup link was printed by another instance that started in the last two minutes; or make one with `npm run org:setup`.'
			);
		}
	} catch (error) {
		// One clear line for the operator, not a stack trace.
		const known = error instanceof ConfigError || error instanceof DatabaseOpenError;
		console.error(`IdeaCup cannot start: ${known ? error.message : String((error as Error)?.message ?? error)}`);
		await stopRuntime().catch(() => {});
		process.exit(1);
	}
	process.once('sveltekit:shutdown' as 'exit', () => {
		void stopRuntime();
	});
};

/**
 * The person of this request and their unread count (the header's bell): one query on the
 * session the cookie names (ended sessions are nobody).
 */
const userHandle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.unread = 0;
	if (event.url.pathname !== '/healthz' && !event.url.pathname.startsWith('/auth/')) {
		const session = await requestSessionOf(db(), sessionToken(event.cookies));
		if (session) {
			event.locals.user = session.user;
			event.locals.unread = session.unread;
		}
	}
	return resolve(event);
};

/**
 * Auth.js answers only the company sign-in's own routes (/auth/...). Whatever goes wrong
 * there (an unknown provider, a forged callback, a refused person) lands on the sign-in page
 * with a message, never on a 500; attempts there count against the address's sign-in limit.
 */
const companySignIn: Handle = async (input) => {
	const { event } = input;
	if (!event.url.pathname.startsWith('/auth/')) return authHandle(input);
	const limits = config().signInLimits;
	const admitted = await admitSignIn(db(), { address: event.getClientAddress() }, limits);
	if (!admitted.ok) {
		return new Response('Too many sign-in attempts. Please wait and try again.', {
			status: 429,
			headers: { 'retry-after': String(admitted.retryAfterSeconds), 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	let response: Response;
	try {
		response = await authHandle(input);
	} catch (error) {
		if (isRedirect(error)) throw error;
		console.error(`[sign-in] ${event.request.method} ${event.url.pathname}:`, (error as Error)?.message ?? error);
		return signInFailed();
	}
	if (response.status >= 400) return signInFailed();
	// Auth.js's redirects have immutable headers; the security headers are added to a copy.
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
};

const signInFailed = () => new Response(null, { status: 303, headers: { location: '/signin?error=signin_failed' } });

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

/**
 * SvelteKit's check against cross-site form posts, with one exception: the unsubscribe link,
 * which mail programs post to from elsewhere (svelte.config.js turns the built-in one off).
 * Like the built-in check, it is off in development.
 */
const formOrigin: Handle = ({ event, resolve }) => {
	if (!dev && isForbiddenCrossSiteForm(event.request, event.url, event.route.id)) return crossSiteFormRefusal(event.request);
	return resolve(event);
};

/** Only the upload endpoints (and the one-minute idea with its photo) stream large bodies; any other form is refused above 1 MB. */
const UPLOAD_ROUTES = new Set([
	'/ideas/[ideaId]/attachments',
	'/kb/[entryId]/attachments',
	'/admin/import',
	'/ideas/quick',
	'/instructions/[instructionId]/steps/[stepId]/report'
]);
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
	// Several instances behind a load balancer: which one answered (INSTANCE_NAME, tests only).
	const instance = config().instanceName;
	if (instance) h.set('X-Served-By', instance);
	return response;
};

/** With STATEMENT_TIMING on, every response says how many statements it ran (Server-Timing). */
const statementTiming: Handle = async ({ event, resolve }) => {
	if (!config().statementTiming) return resolve(event);
	const tally = newTally();
	const response = await countStatements(tally, () => resolve(event));
	try {
		response.headers.append('Server-Timing', serverTiming(tally));
	} catch {
		// A redirect's headers can be immutable; the count is only for measuring.
	}
	return response;
};

export const handle = sequence(formOrigin, bodyLimit, statementTiming, securityHeaders, localeHandle, companySignIn, userHandle);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = randomUUID().slice(0, 8);
	console.error(`[error ${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Something went wrong on our side.', errorId };
};
