/**
 * "When can't you present?": the team's unavailable times. The form's "from" and "until" are
 * `datetime-local` values read as Amsterdam wall-clock time (as the competition form reads
 * its dates): "2026-12-08T13:00" in winter is 12:00 UTC.
 */
import { z } from 'zod';
import { idField, textField } from '../http/fields.js';
import { amsterdamLocalToDate } from '../competitions/competition-setup.schema.js';

/** A range longer than this is no "time you cannot present": ask the organiser instead. */
export const MAX_UNAVAILABLE_DAYS = 14;
export const MAX_UNAVAILABLE_NOTE = 200;

const localTime = z
	.string({ message: 'required' })
	.trim()
	.min(1, { message: 'required' })
	.transform((value, ctx) => {
		const date = amsterdamLocalToDate(value);
		if (!date) {
			ctx.addIssue({ code: 'custom', message: 'pitch_team_invalid_time' });
			return z.NEVER;
		}
		return date;
	});

export const unavailabilitySchema = z
	.object({
		startsAt: localTime,
		endsAt: localTime,
		note: textField(MAX_UNAVAILABLE_NOTE).default('')
	})
	.superRefine((v, ctx) => {
		// Runs also when a time was unreadable (reported beside its field already).
		if (!(v.startsAt instanceof Date) || !(v.endsAt instanceof Date)) return;
		if (v.endsAt.getTime() <= v.startsAt.getTime())
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'pitch_team_ends_before_start' });
		else if (v.endsAt.getTime() - v.startsAt.getTime() > MAX_UNAVAILABLE_DAYS * 86_400_000)
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'pitch_team_too_long' });
	});
export type UnavailabilityInput = z.output<typeof unavailabilitySchema>;

export const removeUnavailabilitySchema = z.object({ unavailabilityId: idField });
