import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { detectDelimiter, HR_FILE_MAX_ROWS, readHrFile } from './parse.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading an HR file by its bytes', () => {
	it('reads a semicolon CSV with a BOM, blank lines skipped, lines as in the file', async () => {
		const table = await readHrFile(utf8('\uFEFFNaam;E-mail;Afdeling\r\nAnn;ann@x.nl;OPS\r\n\r\n"Bob; Jr";bob@x.nl;OPS\r\n'), 'staff.csv');
		expect(table).toEqual({
			format: 'csv',
			headers: ['Naam', 'E-mail', 'Afdeling'],
			rows: [
				['Ann', 'ann@x.nl', 'OPS'],
				['Bob; Jr', 'bob@x.nl', 'OPS']
			],
			lines: [2, 4]
		});
	});

	it('picks the delimiter of the header line, quotes aside', () => {
		expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
		expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
	});

	it('reads the first sheet of a workbook, numbers as plain text', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Staff');
		sheet.addRow(['Personeelsnummer', 'E-mail']);
		sheet.addRow([1001, 'ann@x.nl']);
		const table = await readHrFile(new Uint8Array(await book.xlsx.writeBuffer()), 'export');
		expect(table).toEqual({ format: 'xlsx', headers: ['Personeelsnummer', 'E-mail'], rows: [['1001', 'ann@x.nl']], lines: [2] });
	});

	it('refuses a file whose name lies about its content', async () => {
		await expect(readHrFile(utf8('a,b\n1,2\n'), 'staff.xlsx')).rejects.toMatchObject({ reason: 'type_mismatch' });
		await expect(readHrFile(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'), 'staff.csv')).rejects.toMatchObject({ reason: 'type_mismatch' });
		const png = new Uint8Array([
			0x89,
			0x50,
			0x4e,
			0x47,
			0x0d,
			0x0a,
			0x1a,
			0x0a,
			0,
			0,
			0,
			0x0d,
			0x49,
			0x48,
			0x44,
			0x52,
			...new Array<number>(40).fill(0)
		]);
		await expect(readHrFile(png, 'photo')).rejects.toMatchObject({ reason: 'unsupported_type' });
	});

	it('refuses text that is not UTF-8, an empty file and a file without a header', async () => {
		await expect(
			readHrFile(new Uint8Array([0x4e, 0x61, 0x61, 0x6d, 0x3b, 0x45, 0x0a, 0x4a, 0xf6, 0x72, 0x67, 0x3b, 0x78, 0x0a]), 'latin1.csv')
		).rejects.toMatchObject({
			reason: 'not_utf8'
		});
		await expect(readHrFile(new Uint8Array(), 'empty.csv')).rejects.toMatchObject({ reason: 'file_empty' });
		await expect(readHrFile(utf8('just one column\n1\n'), 'x.csv')).rejects.toMatchObject({ reason: 'no_header' });
	});

	it('refuses more rows than the cap', async () => {
		const text = 'a,b\n' + '1,2\n'.repeat(HR_FILE_MAX_ROWS + 1);
		await expect(readHrFile(utf8(text), 'big.csv')).rejects.toMatchObject({ reason: 'too_many_rows' });
	});
});
