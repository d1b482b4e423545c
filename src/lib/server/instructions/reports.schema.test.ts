import { describe, expect, it } from 'vitest';
import { parseForm } from '../http/parse.js';
import { closeSchema, ideaTitleFromReport, mayCloseWithVersion, reportFormSchema } from './reports.schema.js';

const close = (fields: Record<string, string>) => parseForm(closeSchema, new URLSearchParams(fields));

describe('a report form', () => {
	it('needs a kind and what happens; the text is trimmed and at most 2000 characters', () => {
		const empty = parseForm(reportFormSchema, new URLSearchParams({ body: '   ' }));
		expect(empty.ok ? null : empty.errors).toEqual({ kind: ['required'], body: ['required'] });
		const long = parseForm(reportFormSchema, new URLSearchParams({ kind: 'problem', body: 'x'.repeat(2001) }));
		expect(long.ok ? null : long.errors).toEqual({ body: ['too_long'] });
		const fine = parseForm(reportFormSchema, new URLSearchParams({ kind: 'better_way', body: '  Use a jig  ', clientKey: '' }));
		expect(fine.ok && fine.data).toEqual({ kind: 'better_way', body: 'Use a jig', clientKey: null });
	});
});

describe('closing a report', () => {
	it('with a version needs the version; not needed needs a reason; as an idea needs nothing', () => {
		expect(close({ resolution: 'new_version' })).toMatchObject({ ok: false, errors: { version: ['required'] } });
		expect(close({ resolution: 'not_needed', reason: ' ' })).toMatchObject({ ok: false, errors: { reason: ['required'] } });
		expect(close({ resolution: 'idea', reason: 'ignored', version: '3' })).toEqual({ ok: true, data: { resolution: 'idea' } });
		expect(close({ resolution: 'new_version', version: '2', reason: 'x' })).toEqual({
			ok: true,
			data: { resolution: 'new_version', version: 2 }
		});
		expect(close({})).toMatchObject({ ok: false, errors: { resolution: ['required'] } });
	});

	it('a version closes it only when approved and newer than the one reported on', () => {
		expect(mayCloseWithVersion(1, 2, [1, 2])).toBe(true);
		expect(mayCloseWithVersion(2, 2, [1, 2])).toBe(false); // the same version
		expect(mayCloseWithVersion(2, 1, [1, 2])).toBe(false); // older
		expect(mayCloseWithVersion(1, 3, [1, 2])).toBe(false); // not approved (a draft, or none)
	});
});

describe("an idea's title from a report", () => {
	it('names the instruction and step, then the report', () => {
		expect(ideaTitleFromReport('Bearing housing', 3, 'The  torque\ncracks it')).toBe('Bearing housing #3: The torque cracks it');
	});

	it('cuts on a word at 160 characters with an ellipsis', () => {
		const title = ideaTitleFromReport('WI', 1, `${'word '.repeat(40)}end`);
		// "WI #1: " is 7 characters; the words fill the rest, the last whole word kept
		expect(title.length).toBeLessThanOrEqual(160);
		expect(title.endsWith('word…')).toBe(true);
		expect(ideaTitleFromReport('T', 1, 'x'.repeat(300))).toBe(`T #1: ${'x'.repeat(153)}…`);
	});
});
