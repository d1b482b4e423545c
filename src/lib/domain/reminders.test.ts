import { describe, expect, it } from 'vitest';
import {
	DEFAULT_REMINDER_SETTINGS,
	dueReminders,
	mentorReminders,
	resubmitReminders,
	scoringReminders,
	screeningReminders,
	type ReminderFacts
} from './reminders';
import { isOverdue } from './response-time';

const at = (s: string) => new Date(s);
const settings = { ...DEFAULT_REMINDER_SETTINGS, programmeLeadId: 900 };
const people = { organiserIds: [1, 2], adminIds: [50] };

// Friday 2026-11-20, 10:00 UTC (resubmitted Monday 14 December: due Monday 28, reminded Thursday 24); response time 10 working days: the answer is due on Friday 2026-12-04.
const friday = { ideaId: 42, title: 'Label the trays', competitionId: 7, submittedAt: at('2026-11-20T10:00:00.000Z') };
const kindsOn = (day: string, s = settings) => screeningReminders(friday, s, people, at(day)).map((r) => r.kind);

describe('screening reminders', () => {
	it('reminds the organisers 2 working days before the answer date: Wednesday 2 December, not Tuesday', () => {
		expect(kindsOn('2026-12-01T23:59:00Z')).toEqual([]);
		const [due] = screeningReminders(friday, settings, people, at('2026-12-02T00:00:00Z'));
		expect(due).toEqual({
			key: 'screening_due:idea:42:2026-11-20T10:00:00.000Z',
			kind: 'screening_due',
			recipients: [1, 2],
			params: { ideaId: 42, title: 'Label the trays', dueOn: '2026-12-04', days: 2 },
			link: '/ideas/42'
		});
	});

	it('keeps the same key for the same submission on later days, so it goes once', () => {
		const keys = ['2026-12-02T09:00:00Z', '2026-12-03T09:00:00Z', '2026-12-04T17:00:00Z'].map(
			(d) => screeningReminders(friday, settings, people, at(d))[0].key
		);
		expect(new Set(keys).size).toBe(1);
	});

	it('is not overdue on the answer date or over the weekend after it; overdue on Monday 7 December', () => {
		expect(kindsOn('2026-12-04T23:00:00Z')).toEqual(['screening_due']);
		expect(kindsOn('2026-12-06T12:00:00Z')).toEqual(['screening_due']);
		expect(kindsOn('2026-12-07T08:00:00Z')).toEqual(['screening_overdue']);
	});

	it('agrees with the queue: overdue exactly when isOverdue says so', () => {
		for (let day = 0; day < 30; day++) {
			const now = new Date(Date.UTC(2026, 10, 20 + day, 12));
			const overdue = screeningReminders(friday, settings, people, now).some((r) => r.kind === 'screening_overdue');
			expect(overdue).toBe(isOverdue(friday.submittedAt, now, 10));
		}
	});

	it('escalates to the programme lead 3 working days past the answer date: Wednesday 9 December', () => {
		expect(kindsOn('2026-12-08T23:59:00Z')).toEqual(['screening_overdue']);
		const reminders = screeningReminders(friday, settings, people, at('2026-12-09T00:00:00Z'));
		expect(reminders.map((r) => r.kind)).toEqual(['screening_overdue', 'screening_escalated']);
		expect(reminders[1]).toMatchObject({
			key: 'screening_escalated:idea:42:2026-11-20T10:00:00.000Z',
			recipients: [900],
			params: { days: 3, dueOn: '2026-12-04' }
		});
	});

	it('escalates to the administrators when the competition has no programme lead', () => {
		const reminders = screeningReminders(friday, { ...settings, programmeLeadId: null }, people, at('2026-12-09T10:00:00Z'));
		expect(reminders.find((r) => r.kind === 'screening_escalated')?.recipients).toEqual([50]);
	});

	it('gives a resubmission its own keys', () => {
		const again = { ...friday, submittedAt: at('2026-12-14T08:30:00.000Z') };
		const first = screeningReminders(friday, settings, people, at('2026-12-09T10:00:00Z')).map((r) => r.key);
		const second = screeningReminders(again, settings, people, at('2026-12-24T10:00:00Z')).map((r) => r.key);
		expect(second.length).toBeGreaterThan(0);
		expect(second.some((k) => first.includes(k))).toBe(false);
		expect(second[0]).toBe('screening_due:idea:42:2026-12-14T08:30:00.000Z');
	});

	it('an idea submitted on Saturday counts from Monday: due Friday 4 December as well', () => {
		const saturday = { ...friday, submittedAt: at('2026-11-21T10:00:00.000Z') };
		expect(screeningReminders(saturday, settings, people, at('2026-12-02T10:00:00Z'))[0].params.dueOn).toBe('2026-12-04');
		expect(screeningReminders(saturday, settings, people, at('2026-12-01T10:00:00Z'))).toEqual([]);
	});

	it('with 0 days before, reminds on the answer date itself', () => {
		const s = { ...settings, screeningReminderDays: 0 };
		expect(kindsOn('2026-12-03T12:00:00Z', s)).toEqual([]);
		expect(kindsOn('2026-12-04T12:00:00Z', s)).toEqual(['screening_due']);
	});
});

describe('mentor reminders', () => {
	// requested Thursday 2026-11-19
	const request = {
		assignmentId: 5,
		ideaId: 8,
		title: 'Shorter changeover',
		competitionId: 7,
		mentorId: 30,
		createdAt: at('2026-11-19T15:00:00.000Z')
	};
	const kinds = (d: string) => mentorReminders(request, settings, people, at(d)).map((r) => r.kind);

	it('reminds the mentor after 3 working days (Tuesday 24 November) and the organisers after 5 (Thursday 26)', () => {
		expect(kinds('2026-11-23T18:00:00Z')).toEqual([]);
		expect(kinds('2026-11-24T06:00:00Z')).toEqual(['mentor_reminder']);
		expect(kinds('2026-11-25T06:00:00Z')).toEqual(['mentor_reminder']);
		expect(kinds('2026-11-26T06:00:00Z')).toEqual(['mentor_reminder', 'mentor_request_escalated']);
	});

	it('sends the mentor reminder to the mentor and the escalation to the organisers, keyed by the request', () => {
		const [mentor, organisers] = mentorReminders(request, settings, people, at('2026-11-30T06:00:00Z'));
		expect(mentor).toMatchObject({ key: 'mentor_reminder:assignment:5:2026-11-19T15:00:00.000Z', recipients: [30], link: '/mentoring' });
		expect(organisers).toMatchObject({
			key: 'mentor_request_escalated:assignment:5:2026-11-19T15:00:00.000Z',
			recipients: [1, 2],
			// Monday 30 November: 7 working days since Thursday 19 (a late run says how long it really waited)
			params: { days: 7 }
		});
	});
});

describe('scoring reminders', () => {
	const queue = {
		roundId: 3,
		roundName: 'Semi-final',
		competitionId: 7,
		scoringClosesAt: at('2026-12-10T16:00:00.000Z'),
		jurorId: 20,
		pending: 4
	};
	const keys = (d: string, q = queue) => scoringReminders(q, settings, at(d)).map((r) => r.key);

	it('reminds 3 days before the deadline, from the minute', () => {
		expect(keys('2026-12-07T15:59:00Z')).toEqual([]);
		expect(keys('2026-12-07T16:00:00Z')).toEqual(['scoring_reminder:before:round:3:juror:20:2026-12-10T16:00:00.000Z']);
		expect(keys('2026-12-09T23:59:00Z')).toEqual(['scoring_reminder:before:round:3:juror:20:2026-12-10T16:00:00.000Z']);
	});

	it('reminds again on the deadline day, until the deadline', () => {
		expect(keys('2026-12-10T00:00:00Z')).toEqual(['scoring_reminder:day:round:3:juror:20:2026-12-10T16:00:00.000Z']);
		expect(keys('2026-12-10T15:59:00Z')).toEqual(['scoring_reminder:day:round:3:juror:20:2026-12-10T16:00:00.000Z']);
		expect(keys('2026-12-10T16:00:00Z')).toEqual([]);
	});

	it('says how many are left, for the juror only, and nothing when none are', () => {
		const [r] = scoringReminders(queue, settings, at('2026-12-08T10:00:00Z'));
		expect(r).toMatchObject({
			kind: 'scoring_reminder',
			recipients: [20],
			params: { pending: 4, round: 'Semi-final', deadline: '2026-12-10T16:00:00.000Z' }
		});
		expect(keys('2026-12-08T10:00:00Z', { ...queue, pending: 0 })).toEqual([]);
	});
});

describe('resubmit reminders', () => {
	const idea = { ideaId: 9, title: 'Safer ladder', competitionId: 7, returnedAt: at('2026-11-20T10:00:00.000Z'), teamIds: [11, 12] };

	it('reminds the team once, 7 days after the idea was returned', () => {
		expect(resubmitReminders(idea, settings, at('2026-11-27T09:59:00Z'))).toEqual([]);
		expect(resubmitReminders(idea, settings, at('2026-11-27T10:00:00Z'))).toEqual([
			{
				key: 'resubmit_reminder:idea:9:2026-11-20T10:00:00.000Z',
				kind: 'resubmit_reminder',
				recipients: [11, 12],
				params: { ideaId: 9, title: 'Safer ladder', days: 7 },
				link: '/ideas/9'
			}
		]);
	});
});

describe('dueReminders', () => {
	const facts: ReminderFacts = {
		competitions: [{ competitionId: 7, ...settings, screeningReminderDays: 0 }],
		organiserIds: [1],
		adminIds: [],
		unanswered: [friday, { ...friday, ideaId: 43, competitionId: null }],
		mentorRequests: [],
		scoringQueues: [],
		returned: []
	};

	it("uses each idea's competition settings, and the defaults without one", () => {
		// 2 December: 2 working days left. Competition 7 reminds on the day itself; the defaults 2 days before.
		expect(dueReminders(facts, at('2026-12-02T10:00:00Z')).map((r) => r.key)).toEqual(['screening_due:idea:43:2026-11-20T10:00:00.000Z']);
	});

	it('leaves out reminders with nobody to tell (no lead and no administrator)', () => {
		const noLead = { ...facts, competitions: [{ ...facts.competitions[0], programmeLeadId: null }] };
		const kinds = dueReminders(noLead, at('2026-12-09T10:00:00Z')).map((r) => r.kind);
		expect(kinds).not.toContain('screening_escalated');
		expect(kinds).toContain('screening_overdue');
	});

	it('gives every reminder a unique key', () => {
		const keys = dueReminders(facts, at('2026-12-09T10:00:00Z')).map((r) => r.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
