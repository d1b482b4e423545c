import { describe, expect, it } from 'vitest';
import { contentDisposition, prefersHtml } from './responses.js';
import { parseId } from './params.js';

describe('answering a browser form or a script', () => {
	it('a browser form post prefers HTML', () => {
		expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
	});

	it('a script asking for JSON or anything gets JSON', () => {
		expect(prefersHtml('application/json')).toBe(false);
		expect(prefersHtml('*/*')).toBe(false);
		expect(prefersHtml(null)).toBe(false);
		expect(prefersHtml('text/html;q=0.5, application/json')).toBe(false);
	});
});

describe('download names', () => {
	it('gives an ASCII fallback and the exact UTF-8 name', () => {
		expect(contentDisposition('Slaëter "v2".pdf')).toBe(
			`attachment; filename="Sla_ter _v2_.pdf"; filename*=UTF-8''Sla%C3%ABter%20%22v2%22.pdf`
		);
		expect(contentDisposition("it's (final)*.pdf")).toBe(
			`attachment; filename="it's (final)*.pdf"; filename*=UTF-8''it%27s%20%28final%29%2A.pdf`
		);
	});
});

describe('ids in the path', () => {
	it('takes positive integers that fit the database', () => {
		expect(parseId('42')).toBe(42);
		for (const bad of ['0', '-1', '01', '1.5', 'abc', '', undefined, '99999999999', '2147483648']) expect(parseId(bad)).toBeNull();
	});
});
