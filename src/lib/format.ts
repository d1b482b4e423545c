/**
 * Display helpers shared by pages; the locale is the page's. Formatters are built once per
 * locale and kept: building an Intl formatter costs ~50x formatting with one, and each new
 * one holds native memory the process does not give back.
 */
const intlLocale = (locale: string) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

function cached<F>(build: (locale: string) => F): (locale: string) => F {
	const byLocale = new Map<string, F>();
	return (locale) => {
		let formatter = byLocale.get(locale);
		if (!formatter) byLocale.set(locale, (formatter = build(intlLocale(locale))));
		return formatter;
	};
}

const dateFormat = cached((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const dateTimeFormat = cached((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }));
const decimalFormat = cached((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));

export function formatDate(value: Date | string | null | undefined, locale: string): string {
	if (!value) return '';
	return dateFormat(locale).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
	if (!value) return '';
	return dateTimeFormat(locale).format(new Date(value));
}

/** A number with at most two decimals, in the locale's notation. */
export function formatDecimal(value: number, locale: string): string {
	return decimalFormat(locale).format(value);
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file size as people read it: 740 B, 3.4 MB, 12 kB (one decimal below ten). */
export function formatFileSize(bytes: number, locale: string): string {
	const [value, unit] =
		bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
	const digits = value < 10 && unit !== 'byte' ? 1 : 0;
	const key = `${locale}|${unit}|${digits}`;
	let format = sizeFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
		sizeFormats.set(key, format);
	}
	return format.format(value);
}

/** Whole days from now until `value` (negative when past). */
export function daysUntil(value: Date | string, now = new Date()): number {
	return Math.ceil((new Date(value).getTime() - now.getTime()) / 86_400_000);
}

export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
