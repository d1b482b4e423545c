import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from './csv';

describe('spreadsheetCsv', () => {
	it('starts with a byte order mark and writes the header', () => {
		expect(spreadsheetCsv([['a', 1]], { header: true, columns: ['text', 'n'] })).toBe('\uFEFFtext,n\na,1\n');
	});

	it('keeps a cell that a spreadsheet would run as a formula as text', () => {
		const csv = spreadsheetCsv([['=HYPERLINK("http://x")', '+31 6', '-2', '@SUM(A1)', '\tx', 'fine']]);
		expect(csv).toBe(`\uFEFF"'=HYPERLINK(""http://x"")",'+31 6,'-2,'@SUM(A1),'\tx,fine\n`);
	});

	it('leaves numbers, negative ones too, as numbers', () => {
		expect(spreadsheetCsv([[-3, 4.5, 0]])).toBe('\uFEFF-3,4.5,0\n');
	});
});
