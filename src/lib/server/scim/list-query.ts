/**
 * The query parameters of a SCIM read (RFC 7644 sections 3.4.2.4 and 3.4.2.5): the page
 * (`startIndex` from 1, `count` up to 200) and which attributes to return (`attributes`,
 * `excludedAttributes`, e.g. Entra's `excludedAttributes=members`). Pure.
 */
import type { Resource } from './patch.js';
import { DEFAULT_COUNT, MAX_RESULTS } from './schemas.js';

export type Projection = { attributes: string[] | null; excluded: string[] };
export type ListQuery = Projection & { filter: string | null; startIndex: number; count: number };

function names(value: string | null): string[] {
	return (value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

export function readProjection(params: URLSearchParams): Projection {
	const attributes = names(params.get('attributes'));
	return { attributes: attributes.length ? attributes : null, excluded: names(params.get('excludedAttributes')) };
}

/** A page as the RFC reads it: startIndex below 1 is 1, a negative count is 0; anything unreadable takes the default. */
export function readListQuery(params: URLSearchParams): ListQuery {
	const start = Number.parseInt(params.get('startIndex') ?? '', 10);
	const count = Number.parseInt(params.get('count') ?? '', 10);
	const filter = params.get('filter');
	return {
		...readProjection(params),
		filter: filter && filter.trim() ? filter : null,
		startIndex: Number.isFinite(start) && start > 1 ? start : 1,
		count: Number.isFinite(count) ? Math.min(Math.max(count, 0), MAX_RESULTS) : DEFAULT_COUNT
	};
}

/** Does the answer include this top-level attribute (members of a Group cost a query)? */
export function wants(p: Projection, attribute: string): boolean {
	const a = attribute.toLowerCase();
	if (p.attributes) return p.attributes.some((n) => n.toLowerCase() === a || n.toLowerCase().startsWith(a + '.'));
	return !p.excluded.some((n) => n.toLowerCase() === a);
}

const ALWAYS = new Set(['schemas', 'id', 'meta']);

/**
 * The resource with only the attributes asked for, or without the excluded ones. Names are
 * top-level attributes (`name.givenName` keeps `name`), an extension's URN (the whole
 * extension) or `URN:attribute` (that attribute of the extension). id, schemas and meta stay.
 */
export function project(resource: Resource, p: Projection, extensions: readonly string[]): Resource {
	if (!p.attributes && !p.excluded.length) return resource;
	const split = (n: string): { ext?: string; attr?: string } => {
		const lower = n.toLowerCase();
		const ext = extensions.find((u) => lower === u.toLowerCase() || lower.startsWith(u.toLowerCase() + ':'));
		if (!ext) return { attr: lower.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, '').split('.')[0] };
		const rest = n.slice(ext.length + 1);
		return rest ? { ext, attr: rest.toLowerCase().split('.')[0] } : { ext };
	};
	const out: Resource = {};
	const pick = (obj: Record<string, unknown>, names: { attr?: string }[]) =>
		Object.fromEntries(Object.entries(obj).filter(([k]) => names.some((n) => n.attr === undefined || n.attr === k.toLowerCase())));
	if (p.attributes) {
		const asked = p.attributes.map(split);
		for (const [key, value] of Object.entries(resource)) {
			const ext = extensions.find((u) => u === key);
			if (ext) {
				const forExt = asked.filter((a) => a.ext === ext);
				if (forExt.length) out[key] = pick(value as Record<string, unknown>, forExt);
			} else if (ALWAYS.has(key.toLowerCase()) || asked.some((a) => !a.ext && a.attr === key.toLowerCase())) {
				out[key] = value;
			}
		}
		return out;
	}
	const dropped = p.excluded.map(split);
	for (const [key, value] of Object.entries(resource)) {
		const ext = extensions.find((u) => u === key);
		if (ext) {
			const forExt = dropped.filter((d) => d.ext === ext);
			if (forExt.some((d) => d.attr === undefined)) continue;
			out[key] = forExt.length
				? Object.fromEntries(
						Object.entries(value as Record<string, unknown>).filter(([k]) => !forExt.some((d) => d.attr === k.toLowerCase()))
					)
				: value;
		} else if (ALWAYS.has(key.toLowerCase()) || !dropped.some((d) => !d.ext && d.attr === key.toLowerCase())) {
			out[key] = value;
		}
	}
	return out;
}
