/**
 * How the printouts write times: the organisation's clock (Europe/Amsterdam), formatters built
 * once per locale (building an Intl formatter per call costs ~50x using one).
 */
const zone = 'Europe/Amsterdam';
const intlLocale = (locale: string) => (locale === 'nl' ? 'nl-NL' : 'en-GB');
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "08:30" */
export function formatTime(value: Date | string, locale: string): string {
	let f = timeFormats.get(locale);
	if (!f)
		timeFormats.set(
			locale,
			(f = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }))
		);
	return f.format(new Date(value));
}

/** "Tuesday, 8 December 2026" / "dinsdag 8 december 2026" */
export function formatDay(value: Date | string, locale: string): string {
	let f = dayFormats.get(locale);
	if (!f)
		dayFormats.set(
			locale,
			(f = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }))
		);
	return f.format(new Date(value));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "8 Dec 2026, 10:00–10:20" within one day; both ends in full when the range crosses midnight. */
export function formatRange(start: Date | string, end: Date | string, locale: string): string {
	let f = dateTimeFormats.get(locale);
	if (!f)
		dateTimeFormats.set(
			locale,
			(f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }))
		);
	const from = new Date(start);
	const until = new Date(end);
	return dayKey.format(from) === dayKey.format(until)
		? `${f.format(from)}–${formatTime(until, locale)}`
		: `${f.format(from)} – ${f.format(until)}`;
}
