import { stringify, type Options } from 'csv-stringify/sync';

/**
 * A CSV file people open in Excel: UTF-8 with a byte order mark (so accents read right), and
 * every text cell that a spreadsheet would take for a formula (starting with = + - @, a tab
 * or a carriage return) prefixed with an apostrophe, so an idea titled `=HYPERLINK(...)`
 * stays text (OWASP "CSV injection"). Numbers stay numbers.
 */
export function spreadsheetCsv(rows: unknown[][], options: Pick<Options, 'header' | 'columns'> = {}): string {
	return '\uFEFF' + stringify(rows, { ...options, escape_formulas: true });
}
