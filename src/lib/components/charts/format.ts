/**
 * How an insight number reads, the same on a chart, in its data table, on a figure card and
 * in the CSV: counts with thousands separators, shares (0..1) as a percentage with one
 * decimal, days and points with one decimal. An empty value is a dash, never 0.
 */
import type { Cell, ColumnKind } from '$lib/domain/insight-table';

const intlLocale = (locale: string) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

type Style = 'count' | 'share' | 'days' | 'oneDecimal' | 'number';
const styles: Record<Style, Intl.NumberFormatOptions> = {
	count: { maximumFractionDigits: 0 },
	share: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
	days: { style: 'unit', unit: 'day', unitDisplay: 'long', minimumFractionDigits: 1, maximumFractionDigits: 1 },
	oneDecimal: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
	number: { maximumFractionDigits: 2 }
};

// Building an Intl formatter costs far more than using one: one per locale and style, kept.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(style: Style, locale: string, signed = false): Intl.NumberFormat {
	const key = `${locale}|${style}|${signed}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(intlLocale(locale), { ...styles[style], ...(signed ? { signDisplay: 'exceptZero' } : {}) });
		formatters.set(key, f);
	}
	return f;
}

const styleOf: Record<Exclude<ColumnKind, 'text'>, Style> = {
	count: 'count',
	share: 'share',
	days: 'days',
	points: 'oneDecimal',
	number: 'number'
};

export const EMPTY_CELL = '–';

/**
 * One cell as people read it in `locale` ('en' or 'nl'): formatCell(0.425, 'share', 'nl')
 * is "42,5%", formatCell(12345, 'count', 'en') is "12,345", formatCell(3.25, 'days', 'en')
 * is "3.3 days". `signed` writes "+0.4" for a difference from a mean.
 */
export function formatCell(value: Cell | undefined, kind: ColumnKind, locale: string, options: { signed?: boolean } = {}): string {
	if (value === null || value === undefined || value === '') return EMPTY_CELL;
	if (kind === 'text' || typeof value === 'string') return String(value);
	if (!Number.isFinite(value)) return EMPTY_CELL;
	return formatter(styleOf[kind], locale, options.signed).format(value);
}

const tickFormats = new Map<string, Intl.NumberFormat>();

/** How many decimals a tick step needs (0.5 → 1, 0.25 → 2, 20 → 0), at most 2. */
function decimalsOf(step: number): number {
	const text = String(Math.round(step * 1e6) / 1e6);
	return Math.min(2, text.split('.')[1]?.length ?? 0);
}

/**
 * An axis tick: like formatCell but without the unit word (the axis title carries it), with
 * as many decimals as the step between ticks needs, so 0.5% and 1% never both read "1%".
 */
export function formatTick(value: number, kind: ColumnKind, locale: string, step = 1): string {
	const digits = kind === 'share' ? decimalsOf(step * 100) : kind === 'count' ? 0 : decimalsOf(step);
	const key = `${locale}|${kind === 'share'}|${digits}`;
	let f = tickFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(intlLocale(locale), {
			...(kind === 'share' ? { style: 'percent' } : {}),
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		tickFormats.set(key, f);
	}
	return f.format(value);
}
