/**
 * The offline scoring sheet: the juror's queue as rows (one per idea) with a score and a
 * comment column per criterion, as CSV or Excel, and reading it back. The first columns
 * name the round, the idea and the sheet version the juror downloaded, so an upload knows
 * where each row belongs and never overwrites a newer save.
 */
import ExcelJS from 'exceljs';
import { checkZip, ZipRefused } from '../zip-guard.js';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';

export type SheetCriterion = { id: number; code: string; name: string; scaleMin: number; scaleMax: number };

export type OfflineRow = {
	roundId: number;
	ideaId: number;
	title: string;
	version: number;
	scores: Record<number, { value: number | null; comment: string }>;
	overallComment: string;
};

/** Offline sheets are small: refuse anything larger before reading it. */
export const OFFLINE_SHEET_MAX_BYTES = 2 * 1024 * 1024;

export const FIXED_COLUMNS = ['round_id', 'idea_id', 'idea_title', 'sheet_version'] as const;

export function sheetHeader(criteria: readonly SheetCriterion[]): string[] {
	return [
		...FIXED_COLUMNS,
		...criteria.flatMap((c) => [`${c.code} (${c.scaleMin}-${c.scaleMax})`, `${c.code}_comment`]),
		'overall_comment'
	];
}

function cells(row: OfflineRow, criteria: readonly SheetCriterion[]): (string | number)[] {
	return [
		row.roundId,
		row.ideaId,
		row.title,
		row.version,
		...criteria.flatMap((c) => [row.scores[c.id]?.value ?? '', row.scores[c.id]?.comment ?? '']),
		row.overallComment
	];
}

/** CSV, UTF-8 with a BOM so Excel reads accents. */
export function renderCsv(rows: readonly OfflineRow[], criteria: readonly SheetCriterion[]): string {
	return '\uFEFF' + stringify([sheetHeader(criteria), ...rows.map((r) => cells(r, criteria))]);
}

export async function renderXlsx(
	rows: readonly OfflineRow[],
	criteria: readonly (SheetCriterion & { description: string; weightPercent: number; rubric: { level: number; text: string }[] })[],
	title: string
): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.creator = 'IdeaCup';
	const sheet = book.addWorksheet('Scores', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
	sheet.addRow(sheetHeader(criteria));
	for (const row of rows) sheet.addRow(cells(row, criteria));
	sheet.getRow(1).font = { bold: true };
	sheet.getColumn(1).hidden = false;
	sheet.getColumn(3).width = 48;
	criteria.forEach((c, i) => {
		const scoreCol = FIXED_COLUMNS.length + 1 + 2 * i;
		sheet.getColumn(scoreCol).width = 16;
		sheet.getColumn(scoreCol + 1).width = 30;
		for (let r = 2; r <= rows.length + 1; r++) {
			sheet.getCell(r, scoreCol).dataValidation = {
				type: 'whole',
				operator: 'between',
				allowBlank: true,
				formulae: [c.scaleMin, c.scaleMax],
				showErrorMessage: true,
				errorTitle: c.name,
				error: `${c.scaleMin}-${c.scaleMax}`
			};
		}
	});
	sheet.getColumn(FIXED_COLUMNS.length + 1 + 2 * criteria.length).width = 40;
	const guide = book.addWorksheet('Criteria');
	guide.addRow([title]).font = { bold: true, size: 14 };
	guide.addRow([]);
	guide.addRow(['code', 'criterion', 'weight %', 'scale', 'description', 'rubric']).font = { bold: true };
	for (const c of criteria)
		guide.addRow([
			c.code,
			c.name,
			c.weightPercent,
			`${c.scaleMin}-${c.scaleMax}`,
			c.description,
			c.rubric.map((l) => `${l.level}: ${l.text}`).join('\n')
		]);
	guide.getColumn(2).width = 36;
	guide.getColumn(5).width = 50;
	guide.getColumn(6).width = 70;
	const buffer = await book.xlsx.writeBuffer();
	return new Uint8Array(buffer);
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
		if ('result' in value) return cellText(value.result);
		if ('text' in value) return String(value.text);
	}
	return '';
}

export class NotASheet extends Error {}

/** A workbook that would unpack to more than this, or hold more parts, is refused before it is parsed. */
export const OFFLINE_SHEET_UNPACKED_LIMIT = { maxEntries: 200, maxUnpackedBytes: 20 * 1024 * 1024 };

/** An .xlsx file that unpacks to far more than a scoring sheet can be (a zip bomb). */
export class SheetTooLarge extends Error {}

/** The file's cells as text, header first. Anything that is not a CSV or an .xlsx workbook throws NotASheet. */
export async function readUpload(bytes: Uint8Array, fileName: string): Promise<string[][]> {
	const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
	if (isZip || /\.xlsx$/i.test(fileName)) {
		try {
			checkZip(bytes, OFFLINE_SHEET_UNPACKED_LIMIT);
		} catch (e) {
			if (e instanceof ZipRefused && (e.reason === 'too_large' || e.reason === 'too_many_entries')) throw new SheetTooLarge(e.reason);
			throw new NotASheet('not an Excel workbook');
		}
		const book = new ExcelJS.Workbook();
		try {
			await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		} catch {
			throw new NotASheet('not an Excel workbook');
		}
		const sheet = book.getWorksheet('Scores') ?? book.worksheets[0];
		if (!sheet) throw new NotASheet('no worksheet');
		const rows: string[][] = [];
		const width = sheet.columnCount;
		sheet.eachRow({ includeEmpty: true }, (row, n) => {
			const values: string[] = [];
			for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value).trim());
			rows[n - 1] = values;
		});
		return Array.from(rows, (r) => r ?? []);
	}
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
	if (text.includes('\0')) throw new NotASheet('binary file');
	try {
		const delimiter =
			(text.split(/\r?\n/, 1)[0].match(/;/g)?.length ?? 0) > (text.split(/\r?\n/, 1)[0].match(/,/g)?.length ?? 0) ? ';' : ',';
		return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }).map((r) => r.map((c) => c.trim()));
	} catch {
		throw new NotASheet('not a CSV file');
	}
}
