/**
 * The live session's SQL: the whole state of one session in one statement (every screen's
 * view is derived from it in memory), a juror's tap batch in one statement, and the chair's
 * moves, each one version-checked statement that also announces the change
 * (`pg_notify('ideacup_live', '<sessionId>')`, delivered on commit to every instance).
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { conflictSources } from '../scoring/conflict-sources.js';

export const LIVE_CHANNEL = 'ideacup_live';

const currentIdea = sql<number | null>`(select cs.idea_id from presentation_slot cs where cs.id = ps.current_slot_id)`;

/** The session, its round, jury, criteria, slots, members (conflicted with the idea on stage) and their sheets of it. */
export function loadLiveStateRow(db: Db, sessionId: number) {
	return db
		.selectFrom('pitchSession as ps')
		.innerJoin('round as r', 'r.id', 'ps.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.innerJoin('jury as j', 'j.id', 'ps.juryId')
		.select((eb) => [
			'ps.id',
			'ps.status',
			'ps.currentSlotId',
			'ps.phase',
			'ps.phaseStartedAt',
			'ps.liveVersion',
			'ps.pitchMinutes',
			'ps.questionsMinutes',
			'ps.startsAt',
			'ps.room',
			'r.id as roundId',
			'r.name as roundName',
			'r.status as roundStatus',
			'r.scoresVisible',
			'c.name as competitionName',
			'j.id as juryId',
			'j.name as juryName',
			jsonArrayFrom(
				eb
					.selectFrom('roundCriterion as rc')
					.select(['rc.id', 'rc.code', 'rc.name', 'rc.weight', 'rc.scaleMin', 'rc.scaleMax', 'rc.isRollOut', 'rc.rubric'])
					.whereRef('rc.roundId', '=', 'ps.roundId')
					.orderBy('rc.position')
			).as('criteria'),
			jsonArrayFrom(
				eb
					.selectFrom('presentationSlot as p')
					.leftJoin('idea as i', 'i.id', 'p.ideaId')
					.leftJoin('department as d', 'd.id', 'i.departmentId')
					.select((e2) => [
						'p.id',
						'p.position',
						'p.kind',
						'p.ideaId',
						'i.title',
						'd.name as departmentName',
						'p.startsAt',
						'p.endsAt',
						sql<string[]>`coalesce((${e2
							.selectFrom('ideaMember as m')
							.innerJoin('appUser as u', 'u.id', 'm.userId')
							.select(sql`json_agg(u.name order by m.role desc, u.name)`.as('names'))
							.whereRef('m.ideaId', '=', 'p.ideaId')
							.where('m.role', '<>', 'helper')}), '[]'::json)`.as('team')
					])
					.whereRef('p.sessionId', '=', 'ps.id')
					.orderBy('p.position')
			).as('slots'),
			jsonArrayFrom(
				eb
					.selectFrom('juryMember as jm')
					.innerJoin('appUser as u', 'u.id', 'jm.userId')
					.select([
						'jm.userId',
						'u.name',
						'jm.isChair',
						sql<boolean>`(${currentIdea} is not null and exists (${conflictSources(sql.ref('jm.user_id'), currentIdea, { recorded: true })}))`.as(
							'conflicted'
						)
					])
					.whereRef('jm.juryId', '=', 'ps.juryId')
					.orderBy('jm.isChair', (ob) => ob.desc())
					.orderBy('u.name')
			).as('members'),
			jsonArrayFrom(
				eb
					.selectFrom('scoreSheet as h')
					.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.userId', '=', 'h.jurorId').onRef('jm.juryId', '=', 'ps.juryId'))
					.select((e2) => [
						'h.jurorId',
						'h.version',
						'h.submittedAt',
						jsonArrayFrom(e2.selectFrom('score as s').select(['s.criterionId', 's.value']).whereRef('s.sheetId', '=', 'h.id')).as('scores')
					])
					.whereRef('h.roundId', '=', 'ps.roundId')
					.where(sql<boolean>`h.idea_id = ${currentIdea}`)
			).as('sheets')
		])
		.where('ps.id', '=', sessionId)
		.executeTakeFirst();
}

export type LiveStateRow = NonNullable<Awaited<ReturnType<typeof loadLiveStateRow>>>;

/**
 * The juror's sessions, today's and upcoming (and any live one), for the jury home: one
 * statement, with whether each is live.
 */
export function listJurorSessions(db: Db, jurorId: number) {
	return db
		.selectFrom('pitchSession as ps')
		.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'ps.juryId').on('jm.userId', '=', jurorId))
		.innerJoin('round as r', 'r.id', 'ps.roundId')
		.innerJoin('jury as j', 'j.id', 'ps.juryId')
		.select(['ps.id', 'ps.startsAt', 'ps.room', 'ps.status', 'r.name as roundName', 'j.name as juryName', 'jm.isChair'])
		.where('r.status', '<>', 'draft')
		.where((eb) =>
			eb.or([
				eb('ps.status', '=', 'live'),
				eb.and([eb('ps.status', '=', 'planned'), eb('ps.startsAt', '>=', sql<Date>`date_trunc('day', now())`)])
			])
		)
		.orderBy('ps.startsAt')
		.limit(20)
		.execute();
}

// ---------------------------------------------------------------- taps

/**
 * Taps of one juror are applied one batch at a time: the batch's statement then reads the
 * taps before it (a later device_seq already stored wins over an old tap arriving late,
 * even when two batches of the same juror arrive at once). Transaction-scoped: released on
 * commit.
 */
export async function lockJurorTaps(db: Db, jurorId: number) {
	await sql`select pg_advisory_xact_lock(hashtext('ideacup.live_tap'), ${jurorId})`.execute(db);
}

export type TapInput = { clientId: string; deviceSeq: number; ideaId: number; criterionId: number; value: number };
export type TapOutcome = 'applied' | 'superseded' | 'repeat' | 'refused';
export type TapBatchResult = {
	roundStatus: string | null;
	taps: { clientId: string; outcome: TapOutcome; reason: string | null }[];
	submits: { ideaId: number; submitted: boolean; reason: string | null }[];
	/** Something a screen must show changed (announced on the channel). */
	changed: boolean;
};

/**
 * A juror's batch of taps (and submits) in one statement, under the round row held FOR
 * SHARE (closing takes it FOR UPDATE: a batch is before a close or refused after it):
 * - each tap is allowed when the round is open, the juror sits on the jury of this session,
 *   the idea is a pitch of this session, the juror has no conflict of interest with it
 *   (recorded or found live: the rule of the scoring sheet), the criterion is the round's
 *   and the value on its scale;
 * - allowed taps go into live_tap ON CONFLICT (juror_id, client_id) DO NOTHING: a tap sent
 *   again is a repeat and changes nothing;
 * - per idea and criterion, the new tap with the highest device_seq writes the score, and
 *   only when no stored tap of the juror has a higher one (an old tap arriving late is
 *   stored, `applied` false);
 * - the juror's sheet of each idea touched is created or its version raised (the desk sheet
 *   in another tab sees it changed); a submit sets submitted_at once every criterion of the
 *   round has a value (the stored ones and this batch's), and keeps the first time;
 * - `pg_notify` announces the session when a sheet changed.
 * Call under lockJurorTaps in the same transaction.
 */
export async function applyTapBatch(
	db: Db,
	sessionId: number,
	jurorId: number,
	taps: readonly TapInput[],
	submits: readonly number[]
): Promise<TapBatchResult> {
	const tapJson = JSON.stringify(
		taps.map((t) => ({ client_id: t.clientId, seq: t.deviceSeq, idea_id: t.ideaId, criterion_id: t.criterionId, value: t.value }))
	);
	const submitJson = JSON.stringify(submits.map((ideaId) => ({ idea_id: ideaId })));
	const result = await sql<{
		kind: string;
		roundStatus: string | null;
		clientId: string | null;
		ideaId: number | null;
		outcome: string | null;
		reason: string | null;
		changed: boolean;
	}>`
		with ps as (
			select s.id, s.round_id, s.jury_id from pitch_session s where s.id = ${sessionId}
		), r as (
			select round.id, round.status from round join ps on ps.round_id = round.id for share of round
		), seat as (
			select exists (select 1 from jury_member jm join ps on jm.jury_id = ps.jury_id where jm.user_id = ${jurorId}) as on_jury
		), tin as (
			select distinct on (x.client_id) x.client_id, x.seq, x.idea_id, x.criterion_id, x.value
			from json_to_recordset(${tapJson}::json) as x(client_id uuid, seq bigint, idea_id int, criterion_id int, value int)
			order by x.client_id, x.seq desc
		), sin as (
			select distinct x.idea_id from json_to_recordset(${submitJson}::json) as x(idea_id int)
		), ideas as (
			select given_idea.idea_id,
				exists (select 1 from presentation_slot p join ps on p.session_id = ps.id where p.idea_id = given_idea.idea_id and p.kind = 'pitch')
					and exists (select 1 from round_entry e join ps on e.round_id = ps.round_id and e.jury_id = ps.jury_id where e.idea_id = given_idea.idea_id)
					as in_session,
				exists (${conflictSources(sql`${jurorId}::int`, sql.ref('given_idea.idea_id'), { recorded: true })}) as conflicted
			from (select idea_id from tin union select idea_id from sin) given_idea
		), checked as (
			select t.*,
				case
					when (select status from r) is distinct from 'open' then 'round_locked'
					when not (select on_jury from seat) then 'not_on_jury'
					when not coalesce(f.in_session, false) then 'not_in_session'
					when f.conflicted then 'conflicted'
					when c.id is null then 'unknown_criterion'
					when t.value is null or t.value < c.scale_min or t.value > c.scale_max then 'outside_scale'
				end as reason
			from tin t
			left join ideas f on f.idea_id = t.idea_id
			left join round_criterion c on c.id = t.criterion_id and c.round_id = (select round_id from ps)
		), fresh as (
			-- a client id stored before is a repeat; per idea and criterion only the highest seq of the batch can win
			select k.*,
				k.seq = max(k.seq) over (partition by k.idea_id, k.criterion_id)
					and not exists (
						select 1 from live_tap lt where lt.juror_id = ${jurorId} and lt.idea_id = k.idea_id
							and lt.criterion_id = k.criterion_id and lt.device_seq > k.seq
					) as wins
			from checked k
			where k.reason is null
				and not exists (select 1 from live_tap lt where lt.juror_id = ${jurorId} and lt.client_id = k.client_id)
		), stored as (
			insert into live_tap (juror_id, client_id, session_id, round_id, idea_id, criterion_id, value, device_seq, applied)
			select ${jurorId}, f.client_id, ${sessionId}, (select round_id from ps), f.idea_id, f.criterion_id, f.value, f.seq,
				f.wins
			from fresh f
			on conflict (juror_id, client_id) do nothing
			returning client_id, idea_id, criterion_id, value, applied
		), winners as (
			select distinct on (s.idea_id, s.criterion_id) s.idea_id, s.criterion_id, s.value from stored s where s.applied
			order by s.idea_id, s.criterion_id
		), submit_ok as (
			select si.idea_id,
				case
					when (select status from r) is distinct from 'open' then 'round_locked'
					when not (select on_jury from seat) then 'not_on_jury'
					when not coalesce(f.in_session, false) then 'not_in_session'
					when f.conflicted then 'conflicted'
					when (
						select count(*) from round_criterion c where c.round_id = (select round_id from ps) and (
							c.id in (select w.criterion_id from winners w where w.idea_id = si.idea_id)
							or exists (
								select 1 from score sc join score_sheet h on h.id = sc.sheet_id
								where h.round_id = (select round_id from ps) and h.idea_id = si.idea_id and h.juror_id = ${jurorId}
									and sc.criterion_id = c.id
							)
						)
					) < (select count(*) from round_criterion c where c.round_id = (select round_id from ps))
						or not exists (select 1 from round_criterion c where c.round_id = (select round_id from ps))
					then 'incomplete'
				end as reason,
				exists (
					select 1 from score_sheet h where h.round_id = (select round_id from ps) and h.idea_id = si.idea_id
						and h.juror_id = ${jurorId} and h.submitted_at is not null
				) as already
			from sin si left join ideas f on f.idea_id = si.idea_id
		), touched as (
			select w.idea_id, false as submit from winners w where w.idea_id not in (select idea_id from submit_ok where reason is null and not already)
			union
			select s.idea_id, true from submit_ok s where s.reason is null and not s.already
		), sheet as (
			insert into score_sheet (round_id, idea_id, juror_id, version, submitted_at)
			select (select round_id from ps), t.idea_id, ${jurorId}, 1, case when t.submit then now() end
			from (select distinct on (idea_id) idea_id, submit from touched order by idea_id, submit desc) t
			on conflict (round_id, idea_id, juror_id) do update set
				version = score_sheet.version + 1,
				updated_at = now(),
				submitted_at = coalesce(score_sheet.submitted_at, excluded.submitted_at)
			returning id, idea_id, pg_notify(${LIVE_CHANNEL}, ${String(sessionId)}) as notified
		), put as (
			insert into score (sheet_id, criterion_id, value, comment)
			select s.id, w.criterion_id, w.value, '' from winners w join sheet s on s.idea_id = w.idea_id
			on conflict (sheet_id, criterion_id) do update set value = excluded.value, updated_at = now()
		)
		select 'tap' as kind, (select status from r) as "roundStatus", k.client_id::text as "clientId", k.idea_id as "ideaId",
			case when k.reason is not null then 'refused' when s.client_id is null then 'repeat' when s.applied then 'applied' else 'superseded' end as outcome,
			k.reason, (select count(*) > 0 from sheet) as changed
		from checked k left join stored s on s.client_id = k.client_id
		union all
		select 'submit', (select status from r), null, s.idea_id,
			case when s.reason is not null then 'refused' when s.already then 'repeat' else 'applied' end, s.reason,
			(select count(*) > 0 from sheet)
		from submit_ok s
		union all
		select 'round', (select status from r), null, null, null, null, (select count(*) > 0 from sheet)
	`.execute(db);
	const rows = result.rows;
	return {
		roundStatus: rows[0]?.roundStatus ?? null,
		// in the order sent (a client id sent twice in one batch answered once)
		taps: [...new Set(taps.map((t) => t.clientId.toLowerCase()))]
			.map((id) => rows.find((r) => r.kind === 'tap' && r.clientId === id))
			.filter((r) => r !== undefined)
			.map((r) => ({ clientId: r.clientId!, outcome: r.outcome as TapOutcome, reason: r.reason })),
		submits: rows
			.filter((r) => r.kind === 'submit')
			.map((r) => ({ ideaId: r.ideaId!, submitted: r.outcome !== 'refused', reason: r.reason })),
		changed: !!rows[0]?.changed
	};
}

// ---------------------------------------------------------------- the chair's moves

export type ChairMove = 'start' | 'questions' | 'scoring' | 'next' | 'end';

const firstPitch = sql`(select p.id from presentation_slot p where p.session_id = ps.id and p.kind = 'pitch' order by p.position limit 1)`;
const followingPitch = sql`(
	select p.id from presentation_slot p
	where p.session_id = ps.id and p.kind = 'pitch'
		and p.position > (select cp.position from presentation_slot cp where cp.id = ps.current_slot_id)
	order by p.position limit 1)`;

/**
 * One chair move, applied only when the session is still at the version the chair read and
 * in a state the move fits (start: planned, with a pitch, round open; questions and scoring:
 * live; next: live with a pitch after the one on stage; end: live). Returns the new version,
 * or undefined when refused (the caller reads why). Announces the change.
 */
export async function moveSession(db: Db, sessionId: number, move: ChairMove, expectedVersion: number) {
	const set =
		move === 'start'
			? sql`status = 'live', current_slot_id = ${firstPitch}, phase = 'pitch', phase_started_at = now(), started_at = now()`
			: move === 'questions'
				? sql`phase = 'questions', phase_started_at = now()`
				: move === 'scoring'
					? sql`phase = 'scoring', phase_started_at = now()`
					: move === 'next'
						? sql`current_slot_id = ${followingPitch}, phase = 'pitch', phase_started_at = now()`
						: sql`status = 'ended', current_slot_id = null, phase = null, phase_started_at = null, ended_at = now()`;
	const when =
		move === 'start'
			? sql`ps.status = 'planned' and ${firstPitch} is not null and exists (select 1 from round r where r.id = ps.round_id and r.status = 'open')`
			: move === 'next'
				? sql`ps.status = 'live' and ${followingPitch} is not null`
				: sql`ps.status = 'live'`;
	const result = await sql<{ liveVersion: number; currentSlotId: number | null }>`
		update pitch_session ps set ${set}, live_version = ps.live_version + 1
		where ps.id = ${sessionId} and ps.live_version = ${expectedVersion} and ${when}
		returning ps.live_version as "liveVersion", ps.current_slot_id as "currentSlotId", pg_notify(${LIVE_CHANNEL}, ${String(sessionId)}) as notified
	`.execute(db);
	return result.rows[0];
}

/** The session's facts for a chair move: its version and status, the round's status, and the actor's seat on its jury. */
export function findSessionFacts(db: Db, sessionId: number, actorId: number) {
	return db
		.selectFrom('pitchSession as ps')
		.innerJoin('round as r', 'r.id', 'ps.roundId')
		.leftJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'ps.juryId').on('jm.userId', '=', actorId))
		.select([
			'ps.id',
			'ps.status',
			'ps.liveVersion',
			'r.status as roundStatus',
			sql<boolean>`jm.user_id is not null`.as('onJury'),
			sql<boolean>`coalesce(jm.is_chair, false)`.as('isJuryChair')
		])
		.where('ps.id', '=', sessionId)
		.executeTakeFirst();
}
