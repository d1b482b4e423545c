/** Small HTTP details of responses (uploads, downloads), kept pure so they are unit-tested. */

/**
 * Whether the client would rather have an HTML page than JSON: a browser's plain form post
 * (Accept: text/html,...) gets a redirect, script (Accept: application/json or *\/*) gets JSON.
 * Ties go to JSON.
 */
export function prefersHtml(accept: string | null): boolean {
	if (!accept) return false;
	let html = 0;
	let json = 0;
	for (const part of accept.split(',')) {
		const [type, ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		if (!Number.isFinite(q)) continue;
		const t = type.trim();
		if (t === 'text/html' || t === 'application/xhtml+xml') html = Math.max(html, q);
		else if (t === 'application/json') json = Math.max(json, q);
		else if (t === '*/*' || t === 'application/*') json = Math.max(json, q * 0.999);
	}
	return html > json;
}

/**
 * `attachment` with the name twice: an ASCII fallback for old clients and the exact name in
 * UTF-8 (RFC 6266 / RFC 8187), e.g. `attachment; filename="Sla_ter.pdf"; filename*=UTF-8''Sla%C3%ABter.pdf`.
 */
export function contentDisposition(fileName: string): string {
	const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A download that is nobody else's business: private, never cached, never sniffed. */
export function download(body: string | Uint8Array, fileName: string, contentType: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': contentType,
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
