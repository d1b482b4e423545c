/**
 * The pitch sessions' forms (organisers): a new session, its settings, and the planner's
 * buttons. Dates and times are typed as Amsterdam wall-clock time (like the competition's
 * window, competition-setup.schema.ts). Every planner form carries the plan's `version` as the
 * page read it, so a change made from a second tab in between is refused.
 */
import { z } from 'zod';
import { idField, plainNumber } from '../http/fields.js';
import { amsterdamLocalToDate } from '../competitions/competition-setup.schema.js';

const whole = (min: number, max: number, code: string) =>
	plainNumber(
		z.coerce
			.number({ message: code })
			.refine((v) => Number.isFinite(v), { message: code })
			.pipe(z.number().int({ message: code }).min(min, { message: code }).max(max, { message: code }))
	);

/** A date and a time in Amsterdam, "2026-03-03" and "09:00", as one instant. */
const dateField = z
	.string({ message: 'required' })
	.trim()
	.min(1, { message: 'required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'not_a_date' });
const timeField = z
	.string({ message: 'required' })
	.trim()
	.min(1, { message: 'required' })
	.regex(/^\d{2}:\d{2}$/, { message: 'not_a_time' });

export const SLOT_MINUTES = { min: 5, max: 240 } as const;
export const PITCH_MINUTES = { min: 1, max: 120 } as const;
export const QUESTIONS_MINUTES = { min: 0, max: 120 } as const;
export const BREAK_MINUTES = { min: 5, max: 240 } as const;
export const ROOM_MAX = 120;

const settingsFields = {
	date: dateField,
	time: timeField,
	room: z
		.string()
		.default('')
		.pipe(z.string().trim().max(ROOM_MAX, { message: 'too_long' })),
	slotMinutes: whole(SLOT_MINUTES.min, SLOT_MINUTES.max, 'pitch_plan_slot_minutes_range'),
	pitchMinutes: whole(PITCH_MINUTES.min, PITCH_MINUTES.max, 'pitch_plan_pitch_minutes_range'),
	questionsMinutes: whole(QUESTIONS_MINUTES.min, QUESTIONS_MINUTES.max, 'pitch_plan_questions_minutes_range')
};

export type SessionSettings = { startsAt: Date; room: string; slotMinutes: number; pitchMinutes: number; questionsMinutes: number };

type RawSettings = { date: string; time: string; room: string; slotMinutes: number; pitchMinutes: number; questionsMinutes: number };

/** The form's fields as the stored settings; errors beside the date and the minutes. */
function toSettings<T extends RawSettings>(value: T, ctx: z.RefinementCtx): Omit<T, 'date' | 'time'> & { startsAt: Date } {
	const startsAt = amsterdamLocalToDate(`${value.date}T${value.time}`);
	if (!startsAt) ctx.addIssue({ code: 'custom', path: ['date'], message: 'not_a_datetime' });
	if (value.pitchMinutes + value.questionsMinutes > value.slotMinutes)
		ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: 'pitch_plan_minutes_exceed_slot' });
	const { date: _date, time: _time, ...rest } = value;
	return { ...rest, startsAt: startsAt ?? new Date(Number.NaN) };
}

export const newSessionSchema = z.object({ juryId: idField, ...settingsFields }).transform(toSettings);
export type NewSessionInput = z.output<typeof newSessionSchema>;

/** The plan as the page read it (a fingerprint of the session and its order). */
const versionField = z
	.string({ message: 'pitch_plan_stale' })
	.trim()
	.regex(/^[0-9a-f]{16}$/, { message: 'pitch_plan_stale' });

export const sessionSettingsSchema = z.object({ version: versionField, ...settingsFields }).transform(toSettings);
export type SessionSettingsInput = z.output<typeof sessionSettingsSchema>;

/** Plan for me, publish: only the version. */
export const planVersionSchema = z.object({ version: versionField });

/** Earlier / Later buttons (no JavaScript) or a drop at a position (with it). */
export const moveSchema = z.object({
	version: versionField,
	slotId: idField,
	to: z.union([z.enum(['earlier', 'later']), whole(1, 1000, 'invalid')])
});
export type MoveInput = z.output<typeof moveSchema>;

/** A break after one item of the order (its slot id), or at the start (no slot). */
export const addBreakSchema = z.object({
	version: versionField,
	afterSlotId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idField.nullable()),
	minutes: whole(BREAK_MINUTES.min, BREAK_MINUTES.max, 'pitch_plan_break_minutes_range')
});
export type AddBreakInput = z.output<typeof addBreakSchema>;

/** Remove a break or an idea's slot from the plan. */
export const slotSchema = z.object({ version: versionField, slotId: idField });

/** Put an idea of the jury that is not in the plan at its end ("add anyway" too). */
export const addIdeaSchema = z.object({ version: versionField, ideaId: idField });
