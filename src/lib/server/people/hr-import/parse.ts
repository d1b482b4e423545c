/**
 * Reading an HR export: CSV (comma or semicolon, UTF-8 with or without BOM) or an Excel
 * workbook (.xlsx, its first sheet). The file's type is judged by its bytes, not its name: a
 * PDF called staff.csv, or a CSV called staff.xlsx, is refused with a message that says so.
 * A workbook is looked inside before ExcelJS unpacks it (zip-guard.ts), so a zip bomb stops
 * in milliseconds. Capped in size and in rows.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../errors.js';
import { checkZip, ZipRefused } from '../../zip-guard.js';

export const HR_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const HR_FILE_MAX_ROWS = 100_000;
/** A workbook of 100,000 rows unpacks to well under this; a zip bomb does not. */
export const HR_WORKBOOK_LIMITS = { maxEntries: 500, maxUnpackedBytes: 300 * 1024 * 1024 };

export type HrFileRefusal =
	| 'file_empty'
	| 'file_too_large'
	| 'too_many_rows'
	| 'type_mismatch'
	| 'unsupported_type'
	| 'old_excel'
	| 'not_utf8'
	| 'unreadable'
	| 'workbook_too_large'
	| 'no_header';

/** A file that cannot be imported, and why (the code is the message key). */
export class HrFileRefused extends DomainError {
	constructor(
		readonly reason: HrFileRefusal,
		readonly detail: string = ''
	) {
		super(`import_file_${reason}`, `HR file refused: ${reason}${detail ? ` (${detail})` : ''}`, reason === 'file_too_large' ? 413 : 400);
	}
}

export type HrTable = {
	format: 'csv' | 'xlsx';
	headers: string[];
	/** data rows (the header row left out), cells as text, trimmed */
	rows: string[][];
	/** each data row's line (CSV) or row number (Excel) in the file; the header is line 1 in a plain file */
	lines: number[];
};

const XLSX_NAME = /\.xlsx$/i;
const TEXT_NAME = /\.(csv|txt|tsv)$/i;

/** The file as a table of text. Throws HrFileRefused. */
export async function readHrFile(bytes: Uint8Array, fileName: string): Promise<HrTable> {
	if (bytes.length === 0) throw new HrFileRefused('file_empty');
	if (bytes.length > HR_FILE_MAX_BYTES) throw new HrFileRefused('file_too_large');
	const sniffed = await fileTypeFromBuffer(bytes).catch(() => undefined);
	const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (isZip && (sniffed?.ext === 'xlsx' || !sniffed || sniffed.ext === 'zip')) {
		if (TEXT_NAME.test(fileName)) throw new HrFileRefused('type_mismatch', 'xlsx');
		return readWorkbook(bytes);
	}
	if (sniffed?.ext === 'cfb') throw new HrFileRefused('old_excel');
	if (sniffed)
		throw new HrFileRefused(XLSX_NAME.test(fileName) || TEXT_NAME.test(fileName) ? 'type_mismatch' : 'unsupported_type', sniffed.ext);
	if (XLSX_NAME.test(fileName)) throw new HrFileRefused('type_mismatch', 'csv');
	return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): HrTable {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new HrFileRefused('not_utf8');
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.includes('\0')) throw new HrFileRefused('unsupported_type', 'binary');
	const delimiter = detectDelimiter(text);
	let records: Array<{ record: string[]; info: { lines: number } }>;
	try {
		records = parse(text, {
			delimiter,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true,
			info: true,
			to: HR_FILE_MAX_ROWS + 2
		}) as unknown as Array<{ record: string[]; info: { lines: number } }>;
	} catch (e) {
		throw new HrFileRefused('unreadable', (e as Error).message.slice(0, 200));
	}
	return toTable(
		'csv',
		records.map((r) => r.record),
		records.map((r) => r.info.lines)
	);
}

/** The separator of the header line: the most frequent of semicolon, comma and tab (outside quotes). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
	const firstLine = (text.match(/^[^\r\n]*/)?.[0] ?? '').replace(/"[^"]*"/g, '');
	const count = (c: string) => firstLine.split(c).length - 1;
	const counts = { ';': count(';'), ',': count(','), '\t': count('\t') } as const;
	return (Object.keys(counts) as Array<keyof typeof counts>).reduce((best, c) => (counts[c] > counts[best] ? c : best), ',');
}

async function readWorkbook(bytes: Uint8Array): Promise<HrTable> {
	try {
		checkZip(bytes, HR_WORKBOOK_LIMITS);
	} catch (e) {
		if (e instanceof ZipRefused && (e.reason === 'too_large' || e.reason === 'too_many_entries'))
			throw new HrFileRefused('workbook_too_large');
		throw new HrFileRefused('unreadable', 'zip');
	}
	const book = new ExcelJS.Workbook();
	try {
		await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		throw new HrFileRefused('unreadable', 'xlsx');
	}
	const sheet = book.worksheets[0];
	if (!sheet) throw new HrFileRefused('no_header');
	if (sheet.actualRowCount > HR_FILE_MAX_ROWS + 1) throw new HrFileRefused('too_many_rows');
	const width = sheet.columnCount;
	const rows: string[][] = [];
	const lines: number[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, n) => {
		const values: string[] = [];
		for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value).trim());
		if (!values.some((v) => v !== '')) return;
		rows.push(values);
		lines.push(n);
	});
	return toTable('xlsx', rows, lines);
}

function toTable(format: 'csv' | 'xlsx', all: string[][], allLines: number[]): HrTable {
	const first = all.findIndex((r) => r.some((c) => c !== ''));
	if (first < 0) throw new HrFileRefused('no_header');
	const headers = all[first].map((h) => h.trim());
	if (headers.filter(Boolean).length < 2) throw new HrFileRefused('no_header');
	const rows = all.slice(first + 1);
	if (rows.length > HR_FILE_MAX_ROWS) throw new HrFileRefused('too_many_rows');
	return { format, headers, rows, lines: allLines.slice(first + 1) };
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
		if ('result' in value) return cellText(value.result);
		if ('text' in value) return String(value.text);
		if ('hyperlink' in value) return String(value.hyperlink).replace(/^mailto:/i, '');
	}
	return '';
}
