import { describe, expect, it } from 'vitest';
import {
	amsterdamLocalToDate,
	checkCompetitionInput,
	competitionFormSchema,
	dateToAmsterdamLocal,
	slugFromName,
	toCompetitionInput
} from './competition-setup.schema';

describe('Amsterdam wall-clock time', () => {
	it.each([
		['2028-01-15T09:00', '2028-01-15T08:00:00.000Z'], // CET, +01:00
		['2028-07-01T09:00', '2028-07-01T07:00:00.000Z'], // CEST, +02:00
		['2027-12-31T23:30', '2027-12-31T22:30:00.000Z'], // the day before in UTC stays right
		['2028-03-26T01:30', '2028-03-26T00:30:00.000Z'], // just before clocks go forward
		['2028-03-26T03:30', '2028-03-26T01:30:00.000Z'], // just after
		['2028-03-26T02:30', '2028-03-26T01:30:00.000Z'], // does not exist: an hour later (03:30 CEST)
		['2028-10-29T02:30', '2028-10-29T01:30:00.000Z'] // exists twice: the second (CET)
	])('reads %s as %s', (local, iso) => {
		expect(amsterdamLocalToDate(local)?.toISOString()).toBe(iso);
	});

	it('refuses what is no date and time', () => {
		for (const bad of ['', '2028-02-30T09:00', '2028-13-01T09:00', '2028-01-01T24:00', '2028-01-01 09:00', 'tomorrow'])
			expect(amsterdamLocalToDate(bad)).toBeNull();
	});

	it('writes an instant back as Amsterdam time', () => {
		expect(dateToAmsterdamLocal(new Date('2028-01-15T08:00:00Z'))).toBe('2028-01-15T09:00');
		expect(dateToAmsterdamLocal('2028-07-01T07:00:00Z')).toBe('2028-07-01T09:00');
	});
});

describe('slugFromName', () => {
	it.each([
		['Improvement Cup 2028', 'improvement-cup-2028'],
		['  Verbeter-Cup — Één  ', 'verbeter-cup-een'],
		['!!', ''],
		['a'.repeat(70), 'a'.repeat(60)]
	])('%s → %s', (name, slug) => expect(slugFromName(name)).toBe(slug));
});

describe('competitionFormSchema', () => {
	const base = { name: 'Improvement Cup 2028', opensAt: '2028-01-15T09:00', closesAt: '2028-03-31T17:00', responseDays: '10' };

	it('reads checkboxes: departments as a list, the mentor preference as on/off', () => {
		const one = competitionFormSchema.parse({ ...base, departmentId: '3', preferOtherDepartmentMentor: 'on' });
		expect(one.departmentId).toEqual([3]);
		expect(one.preferOtherDepartmentMentor).toBe(true);
		const none = competitionFormSchema.parse(base);
		expect(none.departmentId).toEqual([]);
		expect(none.preferOtherDepartmentMentor).toBe(false);
	});

	it('gives field codes beside the fields', () => {
		const result = competitionFormSchema.safeParse({ ...base, name: 'ab', slug: 'Not OK', opensAt: 'soon', responseDays: '0' });
		expect(result.success).toBe(false);
		const fields = result.error!.flatten().fieldErrors;
		expect(fields).toMatchObject({
			name: ['too_short'],
			slug: ['slug_format'],
			opensAt: ['not_a_datetime'],
			responseDays: ['response_days_range']
		});
		const order = competitionFormSchema.safeParse({ ...base, closesAt: '2028-01-15T09:00' });
		expect(order.error!.flatten().fieldErrors).toEqual({ closesAt: ['closes_before_opens'] });
	});

	it('reads the peer conflicts as on/off and the load cap per juror as a whole number or none', () => {
		expect(competitionFormSchema.parse(base)).toMatchObject({ peerConflicts: false, jurorLoadCap: null });
		expect(competitionFormSchema.parse({ ...base, peerConflicts: 'on', jurorLoadCap: ' 12 ' })).toMatchObject({
			peerConflicts: true,
			jurorLoadCap: 12
		});
		expect(competitionFormSchema.parse({ ...base, jurorLoadCap: '' }).jurorLoadCap).toBeNull();
		for (const [cap, code] of [
			['0', 'load_cap_range'],
			['1001', 'load_cap_range'],
			['2.5', 'not_a_whole_number'],
			['many', 'not_a_number']
		])
			expect(competitionFormSchema.safeParse({ ...base, jurorLoadCap: cap }).error!.flatten().fieldErrors).toEqual({
				jurorLoadCap: [code]
			});
	});

	it('takes the reminder settings with their defaults when a caller does not post them', () => {
		expect(toCompetitionInput(competitionFormSchema.parse(base)).reminders).toEqual({
			programmeLeadId: null,
			screeningReminderDays: 2,
			screeningEscalationDays: 3,
			mentorReminderDays: 3,
			mentorEscalationDays: 5,
			juryReminderDays: 3,
			resubmitReminderDays: 7
		});
		const typed = competitionFormSchema.parse({
			...base,
			programmeLeadId: '12',
			screeningReminderDays: '0',
			screeningEscalationDays: '60',
			mentorReminderDays: '4',
			mentorEscalationDays: '4',
			juryReminderDays: '0',
			resubmitReminderDays: ' 14 '
		});
		expect(toCompetitionInput(typed).reminders).toEqual({
			programmeLeadId: 12,
			screeningReminderDays: 0,
			screeningEscalationDays: 60,
			mentorReminderDays: 4,
			mentorEscalationDays: 4,
			juryReminderDays: 0,
			resubmitReminderDays: 14
		});
		expect(competitionFormSchema.parse({ ...base, programmeLeadId: '' }).programmeLeadId).toBeNull();
	});

	it('refuses reminder settings outside the ranges of the database, each beside its field', () => {
		const result = competitionFormSchema.safeParse({
			...base,
			programmeLeadId: 'someone',
			screeningReminderDays: '31',
			screeningEscalationDays: '0',
			mentorReminderDays: '',
			mentorEscalationDays: '61',
			juryReminderDays: '-1',
			resubmitReminderDays: '1.5'
		});
		expect(result.error!.flatten().fieldErrors).toEqual({
			programmeLeadId: ['programme_lead_unknown'],
			screeningReminderDays: ['days_0_30'],
			screeningEscalationDays: ['days_1_60'],
			mentorReminderDays: ['days_1_30'],
			mentorEscalationDays: ['days_1_60'],
			juryReminderDays: ['days_0_30'],
			resubmitReminderDays: ['days_1_60']
		});
	});

	it('refuses telling the organisers before the mentor is reminded', () => {
		const result = competitionFormSchema.safeParse({ ...base, mentorReminderDays: '5', mentorEscalationDays: '4' });
		expect(result.error!.flatten().fieldErrors).toEqual({ mentorEscalationDays: ['escalation_before_reminder'] });
		// shown together with the other fields' errors
		const both = competitionFormSchema.safeParse({ ...base, juryReminderDays: '31', mentorReminderDays: '5', mentorEscalationDays: '4' });
		expect(both.error!.flatten().fieldErrors).toEqual({
			juryReminderDays: ['days_0_30'],
			mentorEscalationDays: ['escalation_before_reminder']
		});
	});

	it('checks the same rules again on whatever reaches the service', () => {
		const input = toCompetitionInput(competitionFormSchema.parse(base));
		expect(checkCompetitionInput({ ...input, reminders: { ...input.reminders!, mentorReminderDays: 6, juryReminderDays: 31 } })).toEqual({
			mentorEscalationDays: ['escalation_before_reminder'],
			juryReminderDays: ['days_0_30']
		});
	});
});
