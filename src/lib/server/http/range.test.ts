import { describe, expect, it } from 'vitest';
import { etagOf, ifRangeHolds, parseRange, requestedRange } from './range';

describe('parseRange (a file of 1000 bytes)', () => {
	it.each([
		['bytes=0-99', 0, 99],
		['bytes=0-0', 0, 0],
		['bytes=900-', 900, 999],
		['bytes=999-', 999, 999],
		['bytes=-100', 900, 999],
		['bytes=-1', 999, 999],
		['bytes=-2000', 0, 999],
		['bytes=990-2000', 990, 999],
		['bytes=0-999', 0, 999],
		['bytes=500-99999999999999999999', 500, 999],
		['BYTES = 10-19', 10, 19],
		['bytes=10-19,', 10, 19]
	])('%s -> bytes %i..%i', (header, start, end) => {
		expect(parseRange(header, 1000)).toEqual({ kind: 'partial', start, end });
	});

	it.each(['bytes=1000-', 'bytes=1000-1001', 'bytes=5000-6000', 'bytes=-0', 'bytes=99999999999999999999-'])(
		'%s is unsatisfiable (416)',
		(header) => {
			expect(parseRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
		}
	);

	it.each([
		null,
		'',
		'bytes=',
		'bytes=-',
		'bytes=5-2',
		'bytes=a-b',
		'bytes=1.5-2',
		'bytes=+1-2',
		'bytes=0-9, 20-29',
		'bytes=0-9,-5',
		'items=0-1',
		'0-1',
		'bytes 0-1'
	])('%s is ignored: the whole file (200)', (header) => {
		expect(parseRange(header, 1000)).toEqual({ kind: 'full' });
	});

	it('finds nothing to send in an empty file', () => {
		expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange(null, 0)).toEqual({ kind: 'full' });
	});
});

describe('If-Range', () => {
	const etag = etagOf('ab12');

	it('quotes the SHA-256 as a strong tag', () => {
		expect(etag).toBe('"ab12"');
	});

	it('holds without the header or with our exact tag, not with another, a weak one or a date', () => {
		expect(ifRangeHolds(null, etag)).toBe(true);
		expect(ifRangeHolds('"ab12"', etag)).toBe(true);
		expect(ifRangeHolds(' "ab12" ', etag)).toBe(true);
		expect(ifRangeHolds('"cd34"', etag)).toBe(false);
		expect(ifRangeHolds('W/"ab12"', etag)).toBe(false);
		expect(ifRangeHolds('Sun, 06 Dec 2026 10:00:00 GMT', etag)).toBe(false);
	});

	it('sends the range while the tag matches, the whole file when it does not', () => {
		expect(requestedRange({ range: 'bytes=10-19', ifRange: '"ab12"' }, 100, etag)).toEqual({ kind: 'partial', start: 10, end: 19 });
		expect(requestedRange({ range: 'bytes=10-19', ifRange: '"zz"' }, 100, etag)).toEqual({ kind: 'full' });
		expect(requestedRange({ range: 'bytes=100-', ifRange: '"zz"' }, 100, etag)).toEqual({ kind: 'full' });
		expect(requestedRange({ range: null, ifRange: '"ab12"' }, 100, etag)).toEqual({ kind: 'full' });
	});
});
