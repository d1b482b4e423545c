/**
 * Every submitted idea gets an answer within the competition's response time, counted in
 * working days (Monday to Friday, in UTC). Public holidays are not modelled.
 *
 * Example: submitted on Friday 2026-11-20, checked on Monday 2026-11-30: the working days
 * passed are Mon 23 .. Fri 27 and Mon 30 = 6.
 */
const DAY = 24 * 60 * 60 * 1000;

function utcMidnight(d: Date): number {
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function isWorkingDay(t: number): boolean {
	const day = new Date(t).getUTCDay();
	return day !== 0 && day !== 6;
}

/** Working days after `from`'s day, up to and including `to`'s day. */
export function workingDaysBetween(from: Date, to: Date): number {
	const start = utcMidnight(from);
	const end = utcMidnight(to);
	if (end <= start) return 0;
	const days = Math.round((end - start) / DAY);
	const weeks = Math.floor(days / 7);
	let count = weeks * 5;
	for (let t = start + weeks * 7 * DAY + DAY; t <= end; t += DAY) if (isWorkingDay(t)) count++;
	return count;
}

/** The idea waits too long when more working days have passed than the response time allows. */
export function isOverdue(submittedAt: Date, now: Date, responseDays: number): boolean {
	return workingDaysBetween(submittedAt, now) > responseDays;
}

/** The last day on which an answer is still in time: `responseDays` working days after submission. */
export function answerDueOn(submittedAt: Date, responseDays: number): Date {
	let t = utcMidnight(submittedAt);
	let left = responseDays;
	while (left > 0) {
		t += DAY;
		if (isWorkingDay(t)) left--;
	}
	return new Date(t);
}
