/**
 * What the portal says on its own when something waits too long: the reminders and
 * escalations due at `now`, from facts read by the reminder job. Pure: the same facts and
 * clock give the same reminders, each with a key that names what it is about, so the job
 * sends each one once however often it runs (the key is stored in `reminder_sent`).
 *
 * Screening counts working days with the rules of response-time.ts, the same functions the
 * screening queue's "overdue" uses, so the reminder and the queue always agree. Example:
 * submitted Friday 2026-11-20 with a response time of 10 working days, the answer is due on
 * Friday 2026-12-04; reminded 2 working days before, on Wednesday 2026-12-02; overdue from
 * Monday 2026-12-07; escalated 3 working days past the answer date, on Wednesday 2026-12-09.
 *
 * Mentoring counts working days from the request; the jury and the returned idea count
 * calendar days (a deadline and "a week" are calendar time). Days are UTC days, as in
 * response-time.ts.
 */
import { answerDueOn, isOverdue, workingDaysBetween } from './response-time.js';

const DAY = 24 * 60 * 60 * 1000;

export const REMINDER_KINDS = [
	'screening_due',
	'screening_overdue',
	'screening_escalated',
	'mentor_reminder',
	'mentor_request_escalated',
	'scoring_reminder',
	'resubmit_reminder'
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A competition's reminder times and escalation steps (its columns; defaults in migration 0011). */
export type ReminderSettings = {
	competitionId: number;
	responseDays: number;
	/** who receives escalations; null: the administrators */
	programmeLeadId: number | null;
	screeningReminderDays: number;
	screeningEscalationDays: number;
	mentorReminderDays: number;
	mentorEscalationDays: number;
	juryReminderDays: number;
	resubmitReminderDays: number;
};

export const DEFAULT_REMINDER_SETTINGS: Omit<ReminderSettings, 'competitionId' | 'programmeLeadId'> = {
	responseDays: 10,
	screeningReminderDays: 2,
	screeningEscalationDays: 3,
	mentorReminderDays: 3,
	mentorEscalationDays: 5,
	juryReminderDays: 3,
	resubmitReminderDays: 7
};

export type ReminderFacts = {
	competitions: ReminderSettings[];
	/** active organisers */
	organiserIds: number[];
	/** active administrators: escalations go to them when a competition has no programme lead */
	adminIds: number[];
	/** ideas submitted and not yet answered (statuses 'submitted' and 'screening') */
	unanswered: Array<{ ideaId: number; title: string; competitionId: number | null; submittedAt: Date }>;
	/** mentor requests not yet answered (mentor_assignment 'requested' or 'proposed') */
	mentorRequests: Array<{
		assignmentId: number;
		ideaId: number;
		title: string;
		competitionId: number | null;
		mentorId: number;
		createdAt: Date;
	}>;
	/** per round open for scoring with a deadline: each juror with ideas still to score (conflicts excluded) */
	scoringQueues: Array<{
		roundId: number;
		roundName: string;
		competitionId: number;
		scoringClosesAt: Date;
		jurorId: number;
		pending: number;
	}>;
	/** ideas returned to their team and not submitted again */
	returned: Array<{ ideaId: number; title: string; competitionId: number | null; returnedAt: Date; teamIds: number[] }>;
};

export type Reminder = {
	/** stable and unique: what it is about, and the instant that started the wait */
	key: string;
	kind: ReminderKind;
	recipients: number[];
	params: Record<string, unknown>;
	link: string;
};

function utcDayStart(d: Date): number {
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

const iso = (d: Date) => d.toISOString();
const dayText = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The screening reminders of one unanswered idea at `now`:
 * - 'screening_due' to the organisers once `screeningReminderDays` working days or fewer are
 *   left before the answer date (and it is not overdue yet: an idea first seen late gets the
 *   overdue reminder instead);
 * - 'screening_overdue' to the organisers once it is overdue (isOverdue, as the queue);
 * - 'screening_escalated' to the programme lead (or the administrators) once
 *   `screeningEscalationDays` working days have passed since the answer date.
 */
export function screeningReminders(
	idea: ReminderFacts['unanswered'][number],
	settings: Omit<ReminderSettings, 'competitionId'>,
	people: { organiserIds: number[]; adminIds: number[] },
	now: Date
): Reminder[] {
	const out: Reminder[] = [];
	const dueOn = answerDueOn(idea.submittedAt, settings.responseDays);
	const elapsed = workingDaysBetween(idea.submittedAt, now);
	const overdue = isOverdue(idea.submittedAt, now, settings.responseDays);
	const about = `idea:${idea.ideaId}:${iso(idea.submittedAt)}`;
	const params = { ideaId: idea.ideaId, title: idea.title, dueOn: dayText(dueOn) };
	const link = `/ideas/${idea.ideaId}`;
	if (!overdue && elapsed >= settings.responseDays - settings.screeningReminderDays) {
		const left = settings.responseDays - elapsed;
		out.push({
			key: `screening_due:${about}`,
			kind: 'screening_due',
			recipients: people.organiserIds,
			params: { ...params, days: left },
			link
		});
	}
	if (overdue) {
		const pastDue = workingDaysBetween(dueOn, now);
		out.push({ key: `screening_overdue:${about}`, kind: 'screening_overdue', recipients: people.organiserIds, params, link });
		if (pastDue >= settings.screeningEscalationDays) {
			const to = settings.programmeLeadId !== null ? [settings.programmeLeadId] : people.adminIds;
			out.push({
				key: `screening_escalated:${about}`,
				kind: 'screening_escalated',
				recipients: to,
				params: { ...params, days: pastDue },
				link
			});
		}
	}
	return out;
}

/**
 * A mentor request unanswered for `mentorReminderDays` working days reminds the mentor; for
 * `mentorEscalationDays` working days it goes to the organisers.
 */
export function mentorReminders(
	request: ReminderFacts['mentorRequests'][number],
	settings: Pick<ReminderSettings, 'mentorReminderDays' | 'mentorEscalationDays'>,
	people: { organiserIds: number[] },
	now: Date
): Reminder[] {
	const out: Reminder[] = [];
	const waited = workingDaysBetween(request.createdAt, now);
	const about = `assignment:${request.assignmentId}:${iso(request.createdAt)}`;
	// How long it has really waited: a run that comes late (the server was down) says so.
	const params = { ideaId: request.ideaId, title: request.title, days: waited };
	if (waited >= settings.mentorReminderDays)
		out.push({
			key: `mentor_reminder:${about}`,
			kind: 'mentor_reminder',
			recipients: [request.mentorId],
			params,
			link: '/mentoring'
		});
	if (waited >= settings.mentorEscalationDays)
		out.push({
			key: `mentor_request_escalated:${about}`,
			kind: 'mentor_request_escalated',
			recipients: people.organiserIds,
			params,
			link: '/organise/mentors'
		});
	return out;
}

/**
 * A juror with ideas still to score is reminded `juryReminderDays` days before the scoring
 * deadline, and again on the deadline's day (before the deadline). First seen on the
 * deadline's day, only the day's reminder goes. The key names the deadline, so a deadline
 * moved later gets its own reminders.
 */
export function scoringReminders(
	queue: ReminderFacts['scoringQueues'][number],
	settings: Pick<ReminderSettings, 'juryReminderDays'>,
	now: Date
): Reminder[] {
	if (queue.pending <= 0) return [];
	const deadline = queue.scoringClosesAt.getTime();
	const t = now.getTime();
	if (t >= deadline) return [];
	const dayStart = utcDayStart(queue.scoringClosesAt);
	const about = `round:${queue.roundId}:juror:${queue.jurorId}:${iso(queue.scoringClosesAt)}`;
	const base = {
		kind: 'scoring_reminder' as const,
		recipients: [queue.jurorId],
		params: { roundId: queue.roundId, round: queue.roundName, pending: queue.pending, deadline: iso(queue.scoringClosesAt) },
		link: `/jury#round-${queue.roundId}-h`
	};
	if (t >= dayStart) return [{ ...base, key: `scoring_reminder:day:${about}` }];
	if (t >= deadline - settings.juryReminderDays * DAY) return [{ ...base, key: `scoring_reminder:before:${about}` }];
	return [];
}

/** A returned idea not submitted again `resubmitReminderDays` days after it was returned: one friendly reminder to the team. */
export function resubmitReminders(
	idea: ReminderFacts['returned'][number],
	settings: Pick<ReminderSettings, 'resubmitReminderDays'>,
	now: Date
): Reminder[] {
	if (now.getTime() - idea.returnedAt.getTime() < settings.resubmitReminderDays * DAY) return [];
	return [
		{
			key: `resubmit_reminder:idea:${idea.ideaId}:${iso(idea.returnedAt)}`,
			kind: 'resubmit_reminder',
			recipients: idea.teamIds,
			params: { ideaId: idea.ideaId, title: idea.title, days: settings.resubmitReminderDays },
			link: `/ideas/${idea.ideaId}`
		}
	];
}

/** Every reminder due at `now`, those without anyone to tell left out. */
export function dueReminders(facts: ReminderFacts, now: Date): Reminder[] {
	const settingsOf = new Map(facts.competitions.map((c) => [c.competitionId, c]));
	const of = (competitionId: number | null) =>
		(competitionId !== null ? settingsOf.get(competitionId) : undefined) ?? { ...DEFAULT_REMINDER_SETTINGS, programmeLeadId: null };
	const people = { organiserIds: facts.organiserIds, adminIds: facts.adminIds };
	const all = [
		...facts.unanswered.flatMap((i) => screeningReminders(i, of(i.competitionId), people, now)),
		...facts.mentorRequests.flatMap((r) => mentorReminders(r, of(r.competitionId), people, now)),
		...facts.scoringQueues.flatMap((q) => scoringReminders(q, of(q.competitionId), now)),
		...facts.returned.flatMap((i) => resubmitReminders(i, of(i.competitionId), now))
	];
	return all.filter((r) => r.recipients.length > 0);
}
