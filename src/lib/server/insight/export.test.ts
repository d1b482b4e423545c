/** A chart's CSV and a dashboard's workbook, read back with csv-parse and exceljs. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { InsightTable } from '$lib/domain/insight-table';
import { dashboardWorkbook, filterLines, sheetName, tableCsv } from './export';

const table: InsightTable = {
	id: 'by-level',
	title: 'Participation by job level',
	description: 'Submitters as a share of the people at each level.',
	columns: [
		{ key: 'level', label: 'Job level', kind: 'text' },
		{ key: 'people', label: 'People', kind: 'count' },
		{ key: 'rate', label: 'Participation', kind: 'share' },
		{ key: 'wait', label: 'Median wait', kind: 'days' },
		{ key: 'lenient', label: 'Leniency', kind: 'points' }
	],
	rows: [
		{ level: 'MBO', people: 1234, rate: 0.04251, wait: 3.25, lenient: -0.449 },
		{ level: '=HYPERLINK("http://evil")', people: 7, rate: null, wait: null, lenient: 0.4 },
		{ level: 'Other', people: 3, rate: 1, wait: 10, lenient: null }
	],
	note: 'Groups of fewer than 5 people are merged into Other.'
};

describe('tableCsv', () => {
	it('writes the labels as header, shares as percentages with one decimal and days and points with one decimal', () => {
		const csv = tableCsv(table);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = parse(csv.slice(1));
		expect(rows[0]).toEqual(['Job level', 'People', 'Participation (%)', 'Median wait', 'Leniency']);
		expect(rows[1]).toEqual(['MBO', '1234', '4.3', '3.3', '-0.4']);
		expect(rows[3]).toEqual(['Other', '3', '100', '10', '']);
	});

	it('keeps text a spreadsheet would run as a formula as text, and writes an empty value as an empty cell', () => {
		const rows = parse(tableCsv(table).slice(1));
		expect(rows[2]).toEqual([`'=HYPERLINK("http://evil")`, '7', '', '', '0.4']);
	});
});

describe('sheetName', () => {
	it('removes the characters Excel refuses, cuts to 31 and keeps names unique', () => {
		const taken = new Set<string>();
		expect(sheetName('Ideas: in/out [2026]?', taken)).toBe('Ideas in out 2026');
		expect(sheetName("'Quoted'", taken)).toBe('Quoted');
		const long = 'Time spent in each stage of the funnel, median';
		expect(sheetName(long, taken)).toBe('Time spent in each stage of');
		expect(sheetName(long, taken)).toBe('Time spent in each stage of (2)');
		expect(sheetName('quoted', taken)).toBe('quoted (2)');
		expect(sheetName('History', taken)).toBe('History (2)');
		expect(sheetName(' :: ', taken)).toBe('Sheet');
	});
});

describe('dashboardWorkbook', () => {
	async function read(tables: InsightTable[]) {
		const bytes = await dashboardWorkbook(tables, {
			dashboard: 'Participation',
			filters: ['Edition: Cup 2026', 'Department: whole company'],
			generatedAt: new Date('2026-12-06T09:30:00Z')
		});
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		return book;
	}

	it('starts with an About sheet naming the dashboard, the filters, the time and the small-group rule', async () => {
		const book = await read([table]);
		expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'Participation by job level']);
		const about = book.worksheets[0];
		expect(about.getCell('A1').value).toBe('Dashboard');
		expect(about.getCell('B1').value).toBe('Participation');
		expect(about.getCell('A2').value).toBe('Filters');
		expect(about.getCell('B2').value).toBe('Edition: Cup 2026');
		expect(about.getCell('B3').value).toBe('Department: whole company');
		expect(about.getCell('B4').value).toBe('2026-12-06 10:30 (Europe/Amsterdam)');
		const texts = about.getColumn(1).values.filter((v): v is string => typeof v === 'string');
		expect(texts.some((t) => t.includes('fewer than five'))).toBe(true);
	});

	it('writes one sheet per table with a bold frozen header, numbers as numbers and a format per kind', async () => {
		const sheet = (await read([table])).worksheets[1];
		expect(sheet.getRow(1).values).toEqual([undefined, 'Job level', 'People', 'Participation', 'Median wait', 'Leniency']);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getCell('B2').value).toBe(1234);
		expect(sheet.getCell('C2').value).toBeCloseTo(0.04251);
		expect(sheet.getCell('C2').numFmt).toBe('0.0%');
		expect(sheet.getCell('D2').numFmt).toBe('0.0');
		expect(sheet.getCell('E2').numFmt).toBe('0.0');
		expect(sheet.getCell('B2').numFmt).toBe('#,##0');
		expect(sheet.getCell('C3').value).toBeNull();
		expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
		expect(sheet.getCell('A6').value).toBe(table.note);
	});

	it('keeps formula-like text as text, never as a formula', async () => {
		const cell = (await read([table])).worksheets[1].getCell('A3');
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.value).toBe(`'=HYPERLINK("http://evil")`);
	});

	it('gives tables with the same title different sheet names', async () => {
		const book = await read([table, { ...table, id: 'again' }, { ...table, id: 'about', title: 'About' }]);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'About',
			'Participation by job level',
			'Participation by job level (2)',
			'About (2)'
		]);
	});
});

describe('filterLines', () => {
	const options = {
		editions: [{ id: 4, name: 'Cup 2026', opensAt: '2026-01-01T00:00:00Z', status: 'open', judged: true }],
		departments: [{ id: 7, name: 'Production', nameNl: 'Productie', parentId: null, retired: false }]
	};
	const base = {
		options,
		access: { dashboards: ['summary' as const], departments: 'all' as const },
		filter: { competitionId: 4, departmentIds: [7], from: '2026-01-01', to: null },
		form: { edition: '4', department: '7', from: '2026-01-01', to: '' }
	};

	it('names the edition, the department in the reader language and the period, an open end as open', () => {
		expect(filterLines(base, { locale: 'en', withDepartment: true })).toEqual([
			'Edition: Cup 2026',
			'Department: Production (with its sub-departments)',
			'Period: 2026-01-01 to open'
		]);
	});

	it('says all editions and the whole company, leaves an open period out, and skips the department where the dashboard has none', () => {
		const all = {
			...base,
			filter: { competitionId: null, departmentIds: null, from: null, to: null },
			form: { edition: 'all', department: '', from: '', to: '' }
		};
		expect(filterLines(all, { locale: 'en', withDepartment: true })).toEqual(['Edition: all editions', 'Department: whole company']);
		expect(filterLines(all, { locale: 'en', withDepartment: false })).toEqual(['Edition: all editions']);
		expect(filterLines({ ...all, access: { dashboards: ['summary'], departments: [7] } }, { locale: 'en', withDepartment: true })[1]).toBe(
			'Department: all departments you manage'
		);
	});
});
