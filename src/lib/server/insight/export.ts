/**
 * An insight chart's data as CSV, and a dashboard's charts as one Excel workbook. Both are
 * written from the same InsightTable the chart is drawn from, so a download never differs
 * from what the page shows. Shares are 0..1 in a table: the CSV writes them as percentages
 * with one decimal (the header says "(%)"); the workbook keeps the fraction and formats it
 * as 0.0%, so sums and charts in Excel stay right.
 */
import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages.js';
import type { Cell, ColumnKind, InsightColumn, InsightTable } from '../../domain/insight-table.js';
import { round } from '../../domain/insight-stats.js';
import { spreadsheetCsv } from '../http/csv.js';
import type { ResolvedInsight } from './scope.js';

function csvLabel(column: InsightColumn): string {
	return column.kind === 'share' ? `${column.label} (%)` : column.label;
}

function csvValue(value: Cell | undefined, kind: ColumnKind): string | number {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || kind === 'text') return String(value);
	if (!Number.isFinite(value)) return '';
	if (kind === 'share') return round(value * 100, 1)!;
	if (kind === 'days' || kind === 'points') return round(value, 1)!;
	if (kind === 'number') return round(value, 2)!;
	return value;
}

/** One chart's table as CSV: the column labels as header, one line per row; formula-like text is neutralised. */
export function tableCsv(table: InsightTable): string {
	return spreadsheetCsv([table.columns.map(csvLabel), ...table.rows.map((row) => table.columns.map((c) => csvValue(row[c.key], c.kind)))]);
}

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = {
	count: '#,##0',
	share: '0.0%',
	days: '0.0',
	points: '0.0',
	number: '#,##0.##'
};

/** At most `max` characters, cut at a space when that keeps at least half. */
function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	const hard = text.slice(0, max);
	const space = hard.lastIndexOf(' ');
	return (space >= max / 2 ? hard.slice(0, space) : hard).trimEnd();
}

const RESERVED_SHEET_NAMES = new Set(['history']);

/**
 * A sheet name Excel accepts, unique in the workbook (case-insensitively): no []:*?/\, no
 * apostrophe at either end, at most 31 characters; "Flow (2)" when the name is taken.
 */
export function sheetName(title: string, taken: Set<string>): string {
	const whole =
		title
			.replace(/[[\]:*?/\\]/g, ' ')
			.replace(/\p{Cc}/gu, ' ')
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/^'+|'+$/g, '') || 'Sheet';
	const clean = cut(whole, 31);
	let name = clean;
	for (let n = 2; taken.has(name.toLowerCase()) || RESERVED_SHEET_NAMES.has(name.toLowerCase()); n++) {
		const suffix = ` (${n})`;
		name = cut(clean, 31 - suffix.length) + suffix;
	}
	taken.add(name.toLowerCase());
	return name;
}

function excelValue(value: Cell | undefined, kind: ColumnKind): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || kind === 'text') {
		const text = String(value);
		// exceljs writes a string as a string cell (never a formula), but a sheet re-saved as CSV would run it.
		return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	}
	return Number.isFinite(value) ? value : null;
}

export type WorkbookAbout = {
	/** the dashboard's name as the reader calls it ("Participation") */
	dashboard: string;
	/** the filters as lines of text ("Edition: Cup 2026") */
	filters: string[];
	generatedAt: Date;
};

const generatedFormat = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/**
 * The whole dashboard as a workbook: an "About" sheet (dashboard, filters, when, the
 * small-group rule), then one sheet per chart with a bold frozen header row, number formats
 * per column kind and widths that fit the longest cell.
 */
export async function dashboardWorkbook(tables: readonly InsightTable[], about: WorkbookAbout): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.creator = 'IdeaCup';
	book.created = about.generatedAt;
	const taken = new Set<string>();

	const aboutSheet = book.addWorksheet(sheetName(m.insight_chart_sheet_about(), taken));
	aboutSheet.addRow([m.insight_chart_about_dashboard(), about.dashboard]);
	about.filters.forEach((line, i) => aboutSheet.addRow([i === 0 ? m.insight_chart_about_filters() : '', excelValue(line, 'text')]));
	aboutSheet.addRow([m.insight_chart_about_generated(), `${generatedFormat.format(about.generatedAt)} (Europe/Amsterdam)`]);
	aboutSheet.addRow([]);
	aboutSheet.addRow([m.insight_chart_about_privacy()]);
	aboutSheet.addRow([m.insight_chart_about_sheets()]);
	for (const t of tables) aboutSheet.addRow(['', excelValue(t.title, 'text'), excelValue(t.description, 'text')]);
	aboutSheet.getColumn(1).font = { bold: true };
	aboutSheet.getColumn(1).width = 24;
	aboutSheet.getColumn(2).width = 48;
	aboutSheet.getColumn(3).width = 80;

	for (const table of tables) {
		const sheet = book.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(table.columns.map((c) => excelValue(c.label, 'text'))).font = { bold: true };
		for (const row of table.rows) sheet.addRow(table.columns.map((c) => excelValue(row[c.key], c.kind)));
		if (table.note) {
			sheet.addRow([]);
			sheet.addRow([excelValue(table.note, 'text')]).font = { italic: true };
		}
		table.columns.forEach((c, i) => {
			const column = sheet.getColumn(i + 1);
			const format = NUMBER_FORMAT[c.kind];
			if (format) column.numFmt = format;
			const longest = Math.max(
				c.label.length,
				...table.rows.map((r) => {
					const v = r[c.key];
					return v === null || v === undefined ? 0 : typeof v === 'number' ? String(round(v, 2)).length + 2 : String(v).length;
				})
			);
			column.width = Math.min(60, Math.max(10, longest + 2));
		});
	}
	return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The filters a download was made with, as lines for the About sheet ("Edition: Cup 2026"). */
export function filterLines(
	resolved: Pick<ResolvedInsight, 'filter' | 'form' | 'options' | 'access'>,
	options: { locale: string; withDepartment: boolean }
): string[] {
	const { filter, form, access } = resolved;
	const lines: string[] = [];
	const edition = filter.competitionId === null ? null : resolved.options.editions.find((e) => e.id === filter.competitionId);
	lines.push(edition ? m.insight_chart_filter_edition({ name: edition.name }) : m.insight_chart_filter_all_editions());
	if (options.withDepartment) {
		const chosen = form.department ? resolved.options.departments.find((d) => String(d.id) === form.department) : undefined;
		if (chosen)
			lines.push(m.insight_chart_filter_department({ name: options.locale === 'nl' && chosen.nameNl ? chosen.nameNl : chosen.name }));
		else lines.push(access.departments === 'all' ? m.insight_chart_filter_whole_company() : m.insight_chart_filter_my_departments());
	}
	if (filter.from || filter.to)
		lines.push(
			m.insight_chart_filter_period({ from: filter.from ?? m.insight_chart_filter_open(), to: filter.to ?? m.insight_chart_filter_open() })
		);
	return lines;
}
