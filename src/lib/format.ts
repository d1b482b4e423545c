/** Display helpers shared by pages; the locale is the page's. */
export function formatDate(value: Date | string | null | undefined, locale: string): string {
	if (!value) return '';
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
	if (!value) return '';
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}

/** Whole days from now until `value` (negative when past). */
export function daysUntil(value: Date | string, now = new Date()): number {
	return Math.ceil((new Date(value).getTime() - now.getTime()) / 86_400_000);
}

export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
