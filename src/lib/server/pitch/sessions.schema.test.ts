import { describe, expect, it } from 'vitest';
import { parseForm } from '../http/parse';
import { addBreakSchema, moveSchema, newSessionSchema, sessionSettingsSchema, slotSchema } from './sessions.schema';

const form = (entries: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
};
const good = {
	juryId: '4',
	date: '2026-03-03',
	time: '09:00',
	room: ' Boardroom 5 ',
	slotMinutes: '30',
	pitchMinutes: '10',
	questionsMinutes: '10'
};
const version = '0123456789abcdef';

describe('newSessionSchema', () => {
	it('reads the Amsterdam date and time as an instant (winter +1 h, summer +2 h) and trims the room', () => {
		const winter = parseForm(newSessionSchema, form(good));
		expect(winter).toEqual({
			ok: true,
			data: {
				juryId: 4,
				startsAt: new Date('2026-03-03T08:00:00Z'),
				room: 'Boardroom 5',
				slotMinutes: 30,
				pitchMinutes: 10,
				questionsMinutes: 10
			}
		});
		const summer = parseForm(newSessionSchema, form({ ...good, date: '2026-06-10' }));
		expect(summer.ok && summer.data.startsAt.toISOString()).toBe('2026-06-10T07:00:00.000Z');
	});

	it('says what is wrong beside each field', () => {
		const result = parseForm(
			newSessionSchema,
			form({
				...good,
				juryId: 'x',
				date: '3-3-2026',
				time: '9u',
				room: 'r'.repeat(121),
				slotMinutes: '2',
				pitchMinutes: '0',
				questionsMinutes: '1e3'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.juryId?.length).toBe(1);
		expect(result.errors).toMatchObject({
			date: ['not_a_date'],
			time: ['not_a_time'],
			room: ['too_long'],
			slotMinutes: ['pitch_plan_slot_minutes_range'],
			pitchMinutes: ['pitch_plan_pitch_minutes_range'],
			questionsMinutes: ['pitch_plan_questions_minutes_range']
		});
	});

	it('refuses a date that does not exist, and pitch plus questions longer than the slot', () => {
		const result = parseForm(newSessionSchema, form({ ...good, date: '2026-02-30' }));
		expect(result.ok === false && result.errors.date).toEqual(['not_a_datetime']);
		const long = parseForm(newSessionSchema, form({ ...good, pitchMinutes: '20', questionsMinutes: '15' }));
		expect(long.ok === false && long.errors.slotMinutes).toEqual(['pitch_plan_minutes_exceed_slot']);
	});

	it('reads Dutch decimals as numbers but refuses a fraction of a minute', () => {
		const result = parseForm(newSessionSchema, form({ ...good, slotMinutes: '30,5' }));
		expect(result.ok === false && result.errors.slotMinutes).toEqual(['pitch_plan_slot_minutes_range']);
	});
});

describe('the planner forms', () => {
	it('need the version the page read', () => {
		const { juryId: _j, ...settings } = good;
		expect(parseForm(sessionSettingsSchema, form({ ...settings, version })).ok).toBe(true);
		const stale = parseForm(sessionSettingsSchema, form(settings));
		expect(stale.ok === false && stale.errors.version).toEqual(['pitch_plan_stale']);
		expect(parseForm(slotSchema, form({ version: 'nope', slotId: '3' })).ok).toBe(false);
	});

	it('move: earlier, later or a position', () => {
		expect(parseForm(moveSchema, form({ version, slotId: '3', to: 'later' }))).toEqual({
			ok: true,
			data: { version, slotId: 3, to: 'later' }
		});
		expect(parseForm(moveSchema, form({ version, slotId: '3', to: '2' }))).toEqual({ ok: true, data: { version, slotId: 3, to: 2 } });
		expect(parseForm(moveSchema, form({ version, slotId: '3', to: 'sideways' })).ok).toBe(false);
		expect(parseForm(moveSchema, form({ version, slotId: '3', to: '0' })).ok).toBe(false);
	});

	it('a break: after a slot or at the start, 5 to 240 minutes', () => {
		expect(parseForm(addBreakSchema, form({ version, afterSlotId: '', minutes: '15' }))).toEqual({
			ok: true,
			data: { version, afterSlotId: null, minutes: 15 }
		});
		expect(parseForm(addBreakSchema, form({ version, afterSlotId: '8', minutes: '15' }))).toMatchObject({
			ok: true,
			data: { afterSlotId: 8 }
		});
		const short = parseForm(addBreakSchema, form({ version, afterSlotId: '8', minutes: '2' }));
		expect(short.ok === false && short.errors.minutes).toEqual(['pitch_plan_break_minutes_range']);
	});
});
