/**
 * The competition form (organisers): zod for the posted form, and the rules the service
 * checks again on whatever reaches it.
 *
 * Times: the form's "opens" and "closes" are `datetime-local` values, which carry no zone.
 * They are read as wall-clock time in Europe/Amsterdam (where the organisation works) and
 * stored as the exact instant (timestamptz). So "2028-01-15T09:00" is stored as
 * 2028-01-15 08:00 UTC (CET, +01:00) and "2028-07-01T09:00" as 07:00 UTC (CEST, +02:00).
 * A time that does not exist (the skipped hour when clocks go forward in March) moves an
 * hour later; a time that exists twice (the repeated hour in October) is taken as the
 * second one (winter time). Shown back in the form, an instant is written in Amsterdam time.
 */
import { z } from 'zod';
import { plainNumber } from '../http/fields.js';
import type { ReminderSettings } from '../../domain/reminders.js';

export const COMPETITION_TIME_ZONE = 'Europe/Amsterdam';
export const SLUG_PATTERN = /^[a-z0-9-]{2,60}$/;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const wallClock = new Intl.DateTimeFormat('en-GB', {
	timeZone: COMPETITION_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function amsterdamParts(instant: Date) {
	const p = Object.fromEntries(wallClock.formatToParts(instant).map((x) => [x.type, x.value]));
	return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Amsterdam's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: Date): number {
	const p = amsterdamParts(instant);
	return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2028-01-15T09:00" (Amsterdam wall clock) → the instant; null when it is no real date and time. */
export function amsterdamLocalToDate(local: string): Date | null {
	const match = LOCAL.exec(local.trim());
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0));
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(asUtc);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
		return null;
	// Two passes: the offset at the first guess can differ from the offset at the answer near a clock change.
	const first = asUtc - offsetAt(new Date(asUtc));
	return new Date(asUtc - offsetAt(new Date(first)));
}

/** The instant as an Amsterdam `datetime-local` value: "2028-01-15T09:00". */
export function dateToAmsterdamLocal(instant: Date | string): string {
	const p = amsterdamParts(new Date(instant));
	const two = (n: number) => String(n).padStart(2, '0');
	return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}`;
}

/** "Improvement Cup 2028" → "improvement-cup-2028"; accents dropped, at most 60 characters. */
export function slugFromName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}

export type CompetitionInput = {
	name: string;
	/** empty: derived from the name */
	slug: string;
	callText: string;
	submissionOpensAt: Date;
	submissionClosesAt: Date;
	responseDays: number;
	/** eligible departments; none means every department */
	departmentIds: number[];
	preferOtherDepartmentMentor: boolean;
	/** Same-team peers (same direct manager) conflict with each other's ideas. */
	peerConflicts?: boolean;
	/** At most this many ideas to score per juror across rounds not yet closed; null or absent: no cap. */
	jurorLoadCap?: number | null;
	/** Reminder times and escalation steps; absent: the database's defaults (new) or unchanged (edit). */
	reminders?: ReminderSettingsInput;
};

/**
 * Who receives escalations (an organiser or administrator; null: the administrators) and
 * when the portal reminds, in working days (screening, mentoring) or days (jury, returned
 * ideas). The ranges are the CHECK constraints of migration 0011.
 */
export type ReminderSettingsInput = Omit<ReminderSettings, 'competitionId' | 'responseDays'>;

/** Each reminder setting's range and its default, as in the database. */
export const REMINDER_RANGES: Record<
	Exclude<keyof ReminderSettingsInput, 'programmeLeadId'>,
	{ min: number; max: number; initial: number }
> = {
	screeningReminderDays: { min: 0, max: 30, initial: 2 },
	screeningEscalationDays: { min: 1, max: 60, initial: 3 },
	mentorReminderDays: { min: 1, max: 30, initial: 3 },
	mentorEscalationDays: { min: 1, max: 60, initial: 5 },
	juryReminderDays: { min: 0, max: 30, initial: 3 },
	resubmitReminderDays: { min: 1, max: 60, initial: 7 }
};

const rangeCode = (r: { min: number; max: number }) => `days_${r.min}_${r.max}`;

function checkReminderSettings(input: ReminderSettingsInput, errors: Record<string, string[]>) {
	for (const [field, range] of Object.entries(REMINDER_RANGES) as [
		keyof typeof REMINDER_RANGES,
		(typeof REMINDER_RANGES)[keyof typeof REMINDER_RANGES]
	][]) {
		const v = input[field];
		if (!Number.isInteger(v) || v < range.min || v > range.max) errors[field] = [rangeCode(range)];
	}
	if (!errors.mentorEscalationDays && !errors.mentorReminderDays && input.mentorEscalationDays < input.mentorReminderDays)
		errors.mentorEscalationDays = ['escalation_before_reminder'];
	if (input.programmeLeadId !== null && (!Number.isInteger(input.programmeLeadId) || input.programmeLeadId <= 0))
		errors.programmeLeadId = ['programme_lead_unknown'];
}

/** The rules on a competition's fields, as field codes; the service runs them on every input. */
export function checkCompetitionInput(input: CompetitionInput): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	const name = input.name.trim();
	if (!name) errors.name = ['required'];
	else if (name.length < 3) errors.name = ['too_short'];
	else if (name.length > 120) errors.name = ['too_long'];
	const slug = input.slug.trim() || slugFromName(name);
	if (input.slug.trim() && !SLUG_PATTERN.test(input.slug.trim())) errors.slug = ['slug_format'];
	else if (!SLUG_PATTERN.test(slug) && !errors.name) errors.slug = ['slug_required'];
	if (input.callText.length > 10_000) errors.callText = ['too_long'];
	if (Number.isNaN(input.submissionOpensAt.getTime())) errors.opensAt = ['not_a_datetime'];
	if (Number.isNaN(input.submissionClosesAt.getTime())) errors.closesAt = ['not_a_datetime'];
	else if (!errors.opensAt && input.submissionClosesAt.getTime() <= input.submissionOpensAt.getTime())
		errors.closesAt = ['closes_before_opens'];
	if (!Number.isInteger(input.responseDays) || input.responseDays < 1 || input.responseDays > 90)
		errors.responseDays = ['response_days_range'];
	if (input.departmentIds.some((id) => !Number.isInteger(id) || id <= 0)) errors.departmentId = ['unknown'];
	if (input.jurorLoadCap != null && (!Number.isInteger(input.jurorLoadCap) || input.jurorLoadCap < 1 || input.jurorLoadCap > 1000))
		errors.jurorLoadCap = ['load_cap_range'];
	if (input.reminders) checkReminderSettings(input.reminders, errors);
	return errors;
}

const localDateTime = z
	.string()
	.trim()
	.min(1, { message: 'required' })
	.transform((v, ctx) => {
		const date = amsterdamLocalToDate(v);
		if (!date) {
			ctx.addIssue({ code: 'custom', message: 'not_a_datetime' });
			return z.NEVER;
		}
		return date;
	});

/** A number of days in its range; absent (a caller that does not post it): the default; cleared: refused. */
const daysField = (range: { min: number; max: number; initial: number }) => {
	const code = rangeCode(range);
	return z.preprocess(
		(v) => (v === undefined || v === null ? range.initial : typeof v === 'string' && v.trim() === '' ? Number.NaN : v),
		plainNumber(
			z.coerce.number({ message: code }).int({ message: code }).min(range.min, { message: code }).max(range.max, { message: code })
		)
	);
};

const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** The posted form. Field names are the form's; errors come back under the same names. */
export const competitionFormSchema = z
	.object({
		name: z.string().trim().min(1, { message: 'required' }).min(3, { message: 'too_short' }).max(120, { message: 'too_long' }),
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.max(60, { message: 'slug_format' })
			.refine((v) => v === '' || SLUG_PATTERN.test(v), { message: 'slug_format' })
			.default(''),
		callText: z
			.string()
			.default('')
			.transform((v) => v.replace(/\r\n/g, '\n'))
			.pipe(z.string().max(10_000, { message: 'too_long' })),
		opensAt: localDateTime,
		closesAt: localDateTime,
		responseDays: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z.coerce
				.number({ message: 'not_a_number' })
				.int({ message: 'not_a_whole_number' })
				.min(1, { message: 'response_days_range' })
				.max(90, { message: 'response_days_range' })
		),
		departmentId: z.preprocess(
			asList,
			z.array(plainNumber(z.coerce.number({ message: 'unknown' }).int({ message: 'unknown' }).positive({ message: 'unknown' }))).max(200)
		),
		preferOtherDepartmentMentor: z.preprocess((v) => v !== undefined && v !== null && v !== '', z.boolean()),
		peerConflicts: z.preprocess((v) => v !== undefined && v !== null && v !== '', z.boolean()),
		jurorLoadCap: z.preprocess(
			(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
			plainNumber(
				z.coerce
					.number({ message: 'not_a_number' })
					.int({ message: 'not_a_whole_number' })
					.min(1, { message: 'load_cap_range' })
					.max(1000, { message: 'load_cap_range' })
			).nullable()
		),
		programmeLeadId: z.preprocess(
			(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
			plainNumber(
				z.coerce
					.number({ message: 'programme_lead_unknown' })
					.int({ message: 'programme_lead_unknown' })
					.positive({ message: 'programme_lead_unknown' })
					.max(2_147_483_647, { message: 'programme_lead_unknown' })
			).nullable()
		),
		screeningReminderDays: daysField(REMINDER_RANGES.screeningReminderDays),
		screeningEscalationDays: daysField(REMINDER_RANGES.screeningEscalationDays),
		mentorReminderDays: daysField(REMINDER_RANGES.mentorReminderDays),
		mentorEscalationDays: daysField(REMINDER_RANGES.mentorEscalationDays),
		juryReminderDays: daysField(REMINDER_RANGES.juryReminderDays),
		resubmitReminderDays: daysField(REMINDER_RANGES.resubmitReminderDays)
	})
	// Checked even when other fields have errors, so the organiser sees every problem at once.
	.refine((v) => v.mentorEscalationDays >= v.mentorReminderDays, {
		path: ['mentorEscalationDays'],
		message: 'escalation_before_reminder',
		when: (payload) =>
			!payload.issues.some((i) => i.path?.[0] === 'mentorReminderDays' || i.path?.[0] === 'mentorEscalationDays') &&
			typeof (payload.value as { mentorReminderDays?: unknown }).mentorReminderDays === 'number'
	})
	.superRefine((v, ctx) => {
		if (v.closesAt.getTime() <= v.opensAt.getTime()) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closes_before_opens' });
		if (!v.slug && !SLUG_PATTERN.test(slugFromName(v.name))) ctx.addIssue({ code: 'custom', path: ['slug'], message: 'slug_required' });
	});

export function toCompetitionInput(v: z.output<typeof competitionFormSchema>): CompetitionInput {
	return {
		name: v.name,
		slug: v.slug,
		callText: v.callText,
		submissionOpensAt: v.opensAt,
		submissionClosesAt: v.closesAt,
		responseDays: v.responseDays,
		departmentIds: [...new Set(v.departmentId)],
		preferOtherDepartmentMentor: v.preferOtherDepartmentMentor,
		peerConflicts: v.peerConflicts,
		jurorLoadCap: v.jurorLoadCap ?? null,
		reminders: {
			programmeLeadId: v.programmeLeadId ?? null,
			screeningReminderDays: v.screeningReminderDays,
			screeningEscalationDays: v.screeningEscalationDays,
			mentorReminderDays: v.mentorReminderDays,
			mentorEscalationDays: v.mentorEscalationDays,
			juryReminderDays: v.juryReminderDays,
			resubmitReminderDays: v.resubmitReminderDays
		}
	};
}

export const competitionStatusFormSchema = z.object({ status: z.string().trim().min(1).max(20) });
