/**
 * What the reminder job reads and writes: every fact the reminder rules need in one
 * statement (domain/reminders.ts decides), and the keys of the reminders sent.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ReminderFacts } from '../../domain/reminders.js';
import { conflictSources } from '../scoring/conflict-sources.js';

/** The longest a jury reminder may come before the deadline (competition_jury_reminder_days_check), plus a day. */
const JURY_WINDOW_DAYS = 31;

type FactsRow = {
	competitions: ReminderFacts['competitions'];
	organiserIds: number[];
	adminIds: number[];
	unanswered: Array<Omit<ReminderFacts['unanswered'][number], 'submittedAt'> & { submittedAt: string }>;
	mentorRequests: Array<Omit<ReminderFacts['mentorRequests'][number], 'createdAt'> & { createdAt: string }>;
	scoringQueues: Array<Omit<ReminderFacts['scoringQueues'][number], 'scoringClosesAt'> & { scoringClosesAt: string }>;
	returned: Array<Omit<ReminderFacts['returned'][number], 'returnedAt'> & { returnedAt: string }>;
};

/**
 * The facts at `now`, in one statement: each competition's settings (a programme lead who is
 * disabled counts as none), the active organisers and administrators, the unanswered ideas,
 * the unanswered mentor requests, per juror of each round open for scoring whose deadline is
 * near the ideas still to score (the jury home's rule: their juries' ideas without a submitted
 * sheet, conflicts left out), and the returned ideas with their team.
 */
export async function loadReminderFacts(db: Db, now: Date): Promise<ReminderFacts> {
	const { rows } = await sql<FactsRow>`
		select
			(select coalesce(json_agg(json_build_object(
				'competitionId', c.id, 'responseDays', c.response_days,
				'programmeLeadId', case when lead.disabled_at is null then c.programme_lead_id end,
				'screeningReminderDays', c.screening_reminder_days, 'screeningEscalationDays', c.screening_escalation_days,
				'mentorReminderDays', c.mentor_reminder_days, 'mentorEscalationDays', c.mentor_escalation_days,
				'juryReminderDays', c.jury_reminder_days, 'resubmitReminderDays', c.resubmit_reminder_days)), '[]'::json)
				from competition c left join app_user lead on lead.id = c.programme_lead_id) as competitions,
			(select coalesce(json_agg(distinct u.id), '[]'::json) from role_grant g join app_user u on u.id = g.user_id
				where g.role = 'organiser' and u.disabled_at is null) as "organiserIds",
			(select coalesce(json_agg(distinct u.id), '[]'::json) from role_grant g join app_user u on u.id = g.user_id
				where g.role = 'admin' and u.disabled_at is null) as "adminIds",
			(select coalesce(json_agg(json_build_object('ideaId', i.id, 'title', i.title, 'competitionId', i.competition_id,
				'submittedAt', i.submitted_at) order by i.id), '[]'::json)
				from idea i where i.status in ('submitted', 'screening') and i.submitted_at is not null) as unanswered,
			(select coalesce(json_agg(json_build_object('assignmentId', a.id, 'ideaId', i.id, 'title', i.title,
				'competitionId', i.competition_id, 'mentorId', a.mentor_id, 'createdAt', a.created_at) order by a.id), '[]'::json)
				from mentor_assignment a join idea i on i.id = a.idea_id where a.status in ('requested', 'proposed')) as "mentorRequests",
			(select coalesce(json_agg(json_build_object('roundId', s.round_id, 'roundName', s.round_name,
				'competitionId', s.competition_id, 'scoringClosesAt', s.scoring_closes_at, 'jurorId', s.juror_id, 'pending', s.pending)
				order by s.round_id, s.juror_id), '[]'::json)
				from (
					select r.id as round_id, r.name as round_name, r.competition_id, r.scoring_closes_at, jm.user_id as juror_id,
						count(distinct e.idea_id)::int as pending
					from round r
					join jury j on j.round_id = r.id
					join jury_member jm on jm.jury_id = j.id
					join app_user ju on ju.id = jm.user_id and ju.disabled_at is null
					join round_entry e on e.round_id = r.id and e.jury_id = j.id
					where r.status = 'open' and r.scoring_closes_at > ${now}
						and r.scoring_closes_at <= ${now}::timestamptz + make_interval(days => ${JURY_WINDOW_DAYS})
						and (r.scoring_opens_at is null or r.scoring_opens_at <= ${now})
						and not exists (select 1 from score_sheet h where h.round_id = r.id and h.idea_id = e.idea_id
							and h.juror_id = jm.user_id and h.submitted_at is not null)
						and not exists (${conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })})
					group by r.id, r.name, r.competition_id, r.scoring_closes_at, jm.user_id
				) s) as "scoringQueues",
			(select coalesce(json_agg(json_build_object('ideaId', i.id, 'title', i.title, 'competitionId', i.competition_id,
				'returnedAt', i.answered_at,
				'teamIds', (select coalesce(json_agg(m.user_id order by m.user_id), '[]'::json) from idea_member m where m.idea_id = i.id))
				order by i.id), '[]'::json)
				from idea i where i.status = 'returned' and i.answered_at is not null) as returned`.execute(db);
	const row = rows[0];
	return {
		competitions: row.competitions,
		organiserIds: row.organiserIds,
		adminIds: row.adminIds,
		unanswered: row.unanswered.map((i) => ({ ...i, submittedAt: new Date(i.submittedAt) })),
		mentorRequests: row.mentorRequests.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
		scoringQueues: row.scoringQueues.map((s) => ({ ...s, scoringClosesAt: new Date(s.scoringClosesAt) })),
		returned: row.returned.map((i) => ({ ...i, returnedAt: new Date(i.returnedAt) }))
	};
}

/**
 * Records at most `limit` of these reminders as sent, in one statement, and returns the keys
 * that were new: a key recorded before, or by another run at the same moment (it waits for
 * that run's transaction, then finds the key taken), comes back as nothing, so each reminder
 * is sent once. Keys left over by the limit are new for the next run.
 */
export async function claimReminderKeys(db: Db, reminders: Array<{ key: string; kind: string }>, limit: number): Promise<string[]> {
	if (!reminders.length) return [];
	// In key order, so two runs at once take the keys' locks in the same order (one waits, neither deadlocks).
	const sorted = [...reminders].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const { rows } = await sql<{ key: string }>`
		insert into reminder_sent (key, kind, sent_at)
		select k.key, k.kind, now()
		from unnest(${sorted.map((r) => r.key)}::text[], ${sorted.map((r) => r.kind)}::text[]) with ordinality as k(key, kind, position)
		where not exists (select 1 from reminder_sent s where s.key = k.key)
		order by k.position
		limit ${limit}
		on conflict (key) do nothing
		returning key`.execute(db);
	return rows.map((r) => r.key);
}
