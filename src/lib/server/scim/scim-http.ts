/**
 * The SCIM endpoints' HTTP: the bearer token checked first (401 with WWW-Authenticate and a
 * SCIM error body otherwise), bodies read as `application/scim+json` or `application/json`,
 * answers in `application/scim+json`, every refusal in SCIM's error format (RFC 7644
 * section 3.12). Route handlers are one line each: `scimEndpoint((scim, event) => ...)`.
 */
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { config } from '../config.js';
import { db } from '../runtime/index.js';
import { errorBody, invalidSyntax, invalidValue, ScimError } from './scim-error.js';
import { authenticateToken } from './tokens.service.js';
import type { ScimContext } from './scim.service.js';

export const SCIM_MEDIA_TYPE = 'application/scim+json';
const CONTENT_TYPE = `${SCIM_MEDIA_TYPE}; charset=utf-8`;

/** The SCIM base URL the identity provider is given: ORIGIN when set, else as the request came. */
export function scimBaseUrl(url: URL): string {
	return `${config().origin ?? url.origin}/scim/v2`;
}

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store', ...headers } });
}

/** A single resource: its ETag beside it, and Location when it was just created. */
export function scimResource(resource: Record<string, unknown>, status = 200): Response {
	const meta = resource.meta as { version?: string; location?: string } | undefined;
	const headers: Record<string, string> = {};
	if (meta?.version) headers.etag = meta.version;
	if (status === 201 && meta?.location) headers.location = meta.location;
	return scimJson(resource, status, headers);
}

export const noContent = () => new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });

export function scimErrorResponse(
	status: number,
	detail: string,
	scimType?: ScimError['scimType'],
	headers: Record<string, string> = {}
): Response {
	return scimJson(errorBody(status, detail, scimType), status, headers);
}

const unauthorized = (detail: string, invalidToken: boolean) =>
	scimErrorResponse(401, detail, undefined, {
		'www-authenticate': invalidToken ? 'Bearer realm="IdeaCup SCIM", error="invalid_token"' : 'Bearer realm="IdeaCup SCIM"'
	});

function hasNul(value: unknown): boolean {
	if (typeof value === 'string') return value.includes('\0');
	if (Array.isArray(value)) return value.some(hasNul);
	if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\0') || hasNul(v));
	return false;
}

/**
 * The request's JSON. SCIM's media type or plain JSON (any charset parameter other than
 * UTF-8 refused); no Content-Type is read as JSON. NUL characters are refused before they
 * reach PostgreSQL. hooks.server.ts has already refused bodies over 1 MB.
 */
export async function readScimBody(request: Request): Promise<unknown> {
	const contentType = request.headers.get('content-type');
	if (contentType) {
		const media = contentType.split(';')[0].trim().toLowerCase();
		if (media !== SCIM_MEDIA_TYPE && media !== 'application/json') {
			throw new ScimError(415, undefined, `Send the body as ${SCIM_MEDIA_TYPE} (or application/json), not ${media}`);
		}
		const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
		if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new ScimError(415, undefined, 'Bodies are read as UTF-8 only');
	}
	const text = await request.text();
	if (!text.trim()) throw invalidSyntax('The request has no body');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw invalidSyntax('The body is not valid JSON');
	}
	if (hasNul(body)) throw invalidValue('Text may not contain NUL characters');
	return body;
}

/**
 * A SCIM endpoint: authenticates the token, runs the handler with the provisioning context
 * and turns every refusal into SCIM's error format. An unexpected error is logged and
 * answered 500 in the same format, without its details.
 */
export function scimEndpoint<E extends RequestEvent>(
	handler: (scim: ScimContext, event: E) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event: E) => {
		try {
			const token = await authenticateToken(db(), event.request.headers.get('authorization'));
			if (!token) {
				const sent = event.request.headers.has('authorization');
				return unauthorized(sent ? 'The bearer token is not valid or has been revoked' : 'A bearer token is required', sent);
			}
			const scim: ScimContext = {
				db: db(),
				tokenId: token.tokenId,
				base: scimBaseUrl(event.url),
				defaultDepartment: config().defaultDepartment
			};
			return await handler(scim, event);
		} catch (e) {
			if (e instanceof ScimError) return scimErrorResponse(e.status, e.detail, e.scimType);
			console.error(`[scim] ${event.request.method} ${event.url.pathname}:`, e);
			return scimErrorResponse(500, 'Something went wrong on our side');
		}
	};
}

/** Any other path or method under /scim: a SCIM 404 or 405, not an HTML page. */
export const scimNotFound: RequestHandler = ({ url }) => scimErrorResponse(404, `There is no SCIM endpoint at ${url.pathname}`);
export const scimMethodNotAllowed =
	(allowed: string): RequestHandler =>
	() =>
		scimErrorResponse(405, `Use ${allowed} here`, undefined, { allow: allowed });
