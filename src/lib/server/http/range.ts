/**
 * HTTP range requests (RFC 9110 §14), pure so every case is unit-tested: which bytes of a
 * stored file to send for a `Range` header, and whether an `If-Range` validator still holds.
 *
 * Only byte ranges. One range is answered 206 with exactly those bytes; several ranges
 * (`bytes=0-9,20-29`, which browsers never send for media) are answered with the whole file
 * (200), as RFC 9110 allows a server to ignore the header, rather than with a multipart body.
 * A header that is not a valid `bytes=` specifier is ignored (200, whole file); a valid one
 * whose range starts at or after the end is unsatisfiable (416, `Content-Range: bytes *\/size`).
 *
 * Examples for a file of 1000 bytes: `bytes=0-99` -> 0..99; `bytes=900-` -> 900..999;
 * `bytes=-100` -> 900..999; `bytes=990-2000` -> 990..999; `bytes=1000-` -> unsatisfiable;
 * `bytes=-2000` -> 0..999 (the whole file, still 206); `bytes=5-2` or `items=0-1` -> full.
 */

export type ByteRange = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const FULL: ByteRange = { kind: 'full' };
const SPEC = /^(\d*)-(\d*)$/;

/** The bytes to send for a `Range` header and a file of `size` bytes (`end` inclusive). */
export function parseRange(header: string | null, size: number): ByteRange {
	if (header === null) return FULL;
	const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
	if (!match) return FULL;
	const specs = match[1]
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (specs.length !== 1) return FULL;
	const spec = SPEC.exec(specs[0]);
	if (!spec) return FULL;
	const [, first, last] = spec;
	if (first === '' && last === '') return FULL;
	if (first === '') {
		// suffix: the last n bytes
		const n = Number(last);
		if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
	}
	const start = Number(first);
	const end = last === '' ? Infinity : Number(last);
	if (end < start) return FULL;
	if (start >= size) return { kind: 'unsatisfiable' };
	return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** The strong entity tag of a stored file: its SHA-256 in quotes. */
export function etagOf(sha256: string): string {
	return `"${sha256}"`;
}

/**
 * Whether a range may be sent under `If-Range` (RFC 9110 §13.1.5): without the header, yes;
 * with an entity tag, only if it is exactly ours (strong comparison, so a weak `W/` tag never
 * matches); with a date, no (we send no Last-Modified, so a date cannot be ours): then the
 * whole file goes out, 200.
 */
export function ifRangeHolds(ifRange: string | null, etag: string): boolean {
	if (ifRange === null) return true;
	const value = ifRange.trim();
	return value === etag;
}

/** The range to answer for a request's `Range` and `If-Range` headers. */
export function requestedRange(headers: { range: string | null; ifRange: string | null }, size: number, etag: string): ByteRange {
	if (headers.range === null) return FULL;
	if (!ifRangeHolds(headers.ifRange, etag)) return FULL;
	return parseRange(headers.range, size);
}
