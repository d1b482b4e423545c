/**
 * Pitch sessions' SQL (issue 14, planning). Every read is one statement with its parts as
 * JSON; every change of a session's order ends with one statement that writes every row's
 * position and times (positions 1..n; the unique (session_id, position) is checked at commit).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { conflictSources } from '../scoring/conflict-sources.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v));

/**
 * A change's audit line (audit_log, as `recordAudit` writes it), written by the change's own
 * statement: the budget of five statements per request includes the session lookup.
 */
export type AuditLine = { actorId: number; action: string; sessionId: number; data: Record<string, unknown> };

/** `, audited as (insert into audit_log ...)`: a data-modifying CTE, run whether or not it is read. */
function auditCte(line: AuditLine | undefined, extra = sql`'{}'::jsonb`) {
	if (!line) return sql``;
	return sql`, audited as (
		insert into audit_log (actor_id, action, object_type, object_id, data)
		select ${line.actorId}, ${line.action}, 'pitch_session', ${String(line.sessionId)}, ${JSON.stringify(line.data)}::jsonb || ${extra}
		returning 1)`;
}

// ---------------------------------------------------------------- the round's sessions

export type RoundSessionsRow = {
	round: { id: number; name: string; kind: string; status: string; competitionId: number; competitionName: string };
	juries: { id: number; name: string; departmentId: number | null; members: number; entries: number }[];
	sessions: {
		id: number;
		juryId: number;
		startsAt: string;
		room: string;
		slotMinutes: number;
		pitchMinutes: number;
		questionsMinutes: number;
		planVersion: number;
		publishedAt: string | null;
		status: string;
		pitches: number;
		breaks: number;
		endsAt: string | null;
	}[];
};

/** The round, its juries (members, entries) and its sessions (slots counted), in one statement. */
export async function loadRoundSessions(db: Db, roundId: number): Promise<RoundSessionsRow | null> {
	const { rows } = await sql<RoundSessionsRow>`
		select
			json_build_object('id', r.id, 'name', r.name, 'kind', r.kind, 'status', r.status,
				'competitionId', r.competition_id, 'competitionName', c.name) as round,
			coalesce((select json_agg(json_build_object('id', j.id, 'name', j.name, 'departmentId', j.department_id,
					'members', (select count(*)::int from jury_member m where m.jury_id = j.id),
					'entries', (select count(*)::int from round_entry e where e.jury_id = j.id and e.round_id = r.id))
				order by j.name, j.id) from jury j where j.round_id = r.id), '[]'::json) as juries,
			coalesce((select json_agg(json_build_object('id', s.id, 'juryId', s.jury_id, 'startsAt', s.starts_at, 'room', s.room,
					'slotMinutes', s.slot_minutes, 'pitchMinutes', s.pitch_minutes, 'questionsMinutes', s.questions_minutes,
					'planVersion', s.plan_version, 'publishedAt', s.published_at, 'status', s.status,
					'pitches', (select count(*)::int from presentation_slot p where p.session_id = s.id and p.kind = 'pitch'),
					'breaks', (select count(*)::int from presentation_slot p where p.session_id = s.id and p.kind = 'break'),
					'endsAt', (select max(p.ends_at) from presentation_slot p where p.session_id = s.id))
				order by s.starts_at, s.id) from pitch_session s where s.round_id = r.id), '[]'::json) as sessions
		from round r join competition c on c.id = r.competition_id
		where r.id = ${roundId}`.execute(db);
	return rows[0] ?? null;
}

/**
 * Takes the jury's row (a double click's second request waits here), and tells whether the
 * jury is the round's and whether the round still takes changes.
 */
export async function lockJury(db: Db, roundId: number, juryId: number) {
	const { rows } = await sql<{ roundStatus: string; isRounds: boolean }>`
		select r.status as "roundStatus", exists (select 1 from jury j where j.id = ${juryId} and j.round_id = r.id) as "isRounds"
		from round r where r.id = ${roundId}`.execute(db);
	if (rows[0]?.isRounds) await sql`select id from jury where id = ${juryId} for update`.execute(db);
	return rows[0] ?? null;
}

/**
 * A session for the jury, or the one it already has at that moment (a second click of the
 * same form finds the first one's): `created` says which.
 */
export async function insertSession(
	db: Db,
	row: {
		roundId: number;
		juryId: number;
		startsAt: Date;
		room: string;
		slotMinutes: number;
		pitchMinutes: number;
		questionsMinutes: number;
		createdBy: number;
	},
	audit: { action: string; data: Record<string, unknown> }
) {
	const { rows } = await sql<{ id: number; created: boolean }>`
		with existing as (
			select id from pitch_session where round_id = ${row.roundId} and jury_id = ${row.juryId} and starts_at = ${row.startsAt}
		), made as (
			insert into pitch_session (round_id, jury_id, starts_at, room, slot_minutes, pitch_minutes, questions_minutes, created_by)
			select ${row.roundId}, ${row.juryId}, ${row.startsAt}, ${row.room}, ${row.slotMinutes}, ${row.pitchMinutes},
				${row.questionsMinutes}, ${row.createdBy}
			where not exists (select 1 from existing)
			returning id
		), audited as (
			insert into audit_log (actor_id, action, object_type, object_id, data)
			select ${row.createdBy}, ${audit.action}, 'pitch_session', made.id::text, ${JSON.stringify(audit.data)}::jsonb from made
			returning 1
		)
		select id, true as created from made union all select id, false from existing limit 1`.execute(db);
	return rows[0];
}

// ---------------------------------------------------------------- one session's plan

export type PlanSlot = {
	id: number;
	position: number;
	kind: 'pitch' | 'break';
	ideaId: number | null;
	title: string | null;
	departmentId: number | null;
	departmentName: string | null;
	startsAt: Date;
	endsAt: Date;
	location: string;
	toldAt: Date | null;
	toldStartsAt: Date | null;
	toldEndsAt: Date | null;
	toldLocation: string | null;
	icsSequence: number;
	/** The team's members (for notifications). */
	team: number[];
	/** The team's unavailable times. */
	unavailable: [string, string][];
};

export type PlanRecord = {
	session: {
		id: number;
		roundId: number;
		juryId: number;
		startsAt: Date;
		room: string;
		slotMinutes: number;
		pitchMinutes: number;
		questionsMinutes: number;
		planVersion: number;
		publishedAt: Date | null;
		status: string;
	};
	round: { id: number; name: string; kind: string; status: string; competitionId: number; competitionName: string };
	jury: { id: number; name: string; departmentId: number | null; members: number[] };
	slots: PlanSlot[];
	/** A told slot was removed since the last publication (the jurors' invitation changes). */
	removedSincePublished: boolean;
};

type RawPlan = Omit<PlanRecord, 'slots' | 'session'> & {
	candidates: Candidate[];
	session: Omit<PlanRecord['session'], 'startsAt' | 'publishedAt'> & { startsAt: string; publishedAt: string | null };
	slots: (Omit<PlanSlot, 'startsAt' | 'endsAt' | 'toldAt' | 'toldStartsAt' | 'toldEndsAt'> & {
		startsAt: string;
		endsAt: string;
		toldAt: string | null;
		toldStartsAt: string | null;
		toldEndsAt: string | null;
	})[];
};

/**
 * Takes the session's row for the transaction: a second change of the same plan waits here,
 * and reads the plan (in a statement of its own, so it sees what the first one committed).
 */
export async function lockSession(db: Db, sessionId: number): Promise<boolean> {
	const { rows } = await sql<{ id: number }>`select id from pitch_session where id = ${sessionId} for update`.execute(db);
	return rows.length > 0;
}

/**
 * A session with its round, jury and ordered slots (each idea's team and unavailable times),
 * in one statement; with `candidates`, also the jury's ideas not planned yet (`listCandidates`).
 */
export async function loadPlan(
	db: Db,
	sessionId: number,
	options: { candidates?: boolean } = {}
): Promise<(PlanRecord & { candidates: Candidate[] }) | null> {
	const { rows } = await sql<RawPlan>`
		select
			json_build_object('id', s.id, 'roundId', s.round_id, 'juryId', s.jury_id, 'startsAt', s.starts_at, 'room', s.room,
				'slotMinutes', s.slot_minutes, 'pitchMinutes', s.pitch_minutes, 'questionsMinutes', s.questions_minutes,
				'planVersion', s.plan_version, 'publishedAt', s.published_at, 'status', s.status) as session,
			json_build_object('id', r.id, 'name', r.name, 'kind', r.kind, 'status', r.status,
				'competitionId', r.competition_id, 'competitionName', c.name) as round,
			json_build_object('id', j.id, 'name', j.name, 'departmentId', j.department_id,
				'members', coalesce((select json_agg(m.user_id order by m.user_id) from jury_member m where m.jury_id = j.id), '[]'::json)) as jury,
			coalesce((select json_agg(json_build_object('id', p.id, 'position', p.position, 'kind', p.kind, 'ideaId', p.idea_id,
					'title', i.title, 'departmentId', i.department_id, 'departmentName', d.name,
					'startsAt', p.starts_at, 'endsAt', p.ends_at, 'location', p.location,
					'toldAt', p.told_at, 'toldStartsAt', p.told_starts_at, 'toldEndsAt', p.told_ends_at, 'toldLocation', p.told_location,
					'icsSequence', p.ics_sequence,
					'team', coalesce((select json_agg(im.user_id order by im.user_id) from idea_member im where im.idea_id = p.idea_id), '[]'::json),
					'unavailable', coalesce((select json_agg(json_build_array(u.starts_at, u.ends_at) order by u.starts_at)
						from pitch_unavailability u where u.idea_id = p.idea_id), '[]'::json))
				order by p.position, p.id)
				from presentation_slot p left join idea i on i.id = p.idea_id left join department d on d.id = i.department_id
				where p.session_id = s.id), '[]'::json) as slots,
			(s.published_at is not null and exists (select 1 from audit_log a where a.object_type = 'pitch_session'
				and a.object_id = s.id::text and a.action = 'pitch.slot_removed' and a.created_at > s.published_at
				and (a.data ->> 'told')::boolean)) as "removedSincePublished",
			${options.candidates ? sql`coalesce((select json_agg(c order by c."departmentId" nulls last, c."ideaId") from (${candidatesSql(sql.ref('s.round_id'), sql.ref('s.jury_id'))}) c), '[]'::json)` : sql`'[]'::json`} as candidates
		from pitch_session s
		join round r on r.id = s.round_id
		join competition c on c.id = r.competition_id
		join jury j on j.id = s.jury_id
		where s.id = ${sessionId}`.execute(db);
	const raw = rows[0];
	if (!raw) return null;
	return {
		...raw,
		session: { ...raw.session, startsAt: toDate(raw.session.startsAt), publishedAt: toDateOrNull(raw.session.publishedAt) },
		slots: raw.slots.map((p) => ({
			...p,
			startsAt: toDate(p.startsAt),
			endsAt: toDate(p.endsAt),
			toldAt: toDateOrNull(p.toldAt),
			toldStartsAt: toDateOrNull(p.toldStartsAt),
			toldEndsAt: toDateOrNull(p.toldEndsAt)
		}))
	};
}

export type Candidate = {
	ideaId: number;
	title: string;
	departmentId: number | null;
	departmentName: string | null;
	ready: boolean;
	unavailable: [string, string][];
};

/**
 * The jury's entries in the round that have no slot in any session yet (a slot of the old
 * kind, without a session, does not count): ready when a mentor marked the idea ready.
 */
export async function listCandidates(db: Db, roundId: number, juryId: number): Promise<Candidate[]> {
	const { rows } =
		await sql<Candidate>`${candidatesSql(sql`${roundId}`, sql`${juryId}`)} order by "departmentId" nulls last, "ideaId"`.execute(db);
	return rows;
}

function candidatesSql(roundId: RawBuilder<unknown>, juryId: RawBuilder<unknown>) {
	return sql<Candidate>`
		select e.idea_id as "ideaId", i.title, i.department_id as "departmentId", d.name as "departmentName",
			exists (select 1 from mentor_assignment a where a.idea_id = e.idea_id and a.ready_at is not null
				and a.status in ('accepted', 'ended')) as ready,
			coalesce((select json_agg(json_build_array(u.starts_at, u.ends_at) order by u.starts_at)
				from pitch_unavailability u where u.idea_id = e.idea_id), '[]'::json) as unavailable
		from round_entry e
		join idea i on i.id = e.idea_id
		left join department d on d.id = i.department_id
		where e.round_id = ${roundId} and e.jury_id = ${juryId}
			and not exists (select 1 from presentation_slot p where p.round_id = e.round_id and p.idea_id = e.idea_id and p.session_id is not null)`;
}

/** Per idea placed in the session: how many of the jury's members have a conflict with it (found live, and recorded). */
export async function countConflicts(db: Db, sessionId: number): Promise<Map<number, number>> {
	const { rows } = await sql<{ ideaId: number; conflicted: number }>`
		select p.idea_id as "ideaId", count(distinct jm.user_id)::int as conflicted
		from presentation_slot p
		join pitch_session s on s.id = p.session_id
		join jury_member jm on jm.jury_id = s.jury_id
		where p.session_id = ${sessionId} and p.idea_id is not null
			and exists (${conflictSources(sql.ref('jm.user_id'), sql.ref('p.idea_id'), { recorded: true })})
		group by p.idea_id`.execute(db);
	return new Map(rows.map((r) => [r.ideaId, r.conflicted]));
}

// ---------------------------------------------------------------- changes

export type SlotTimes = { id: number; position: number; startsAt: Date; endsAt: Date };

/**
 * The session's whole order in one statement: every listed row gets its position and times;
 * `deleteId` (a removed slot or break) goes in the same statement; `session` settings too.
 */
export async function writeOrder(
	db: Db,
	sessionId: number,
	rows: readonly SlotTimes[],
	options: {
		deleteId?: number;
		settings?: { startsAt: Date; room: string; slotMinutes: number; pitchMinutes: number; questionsMinutes: number };
		location?: string;
		audit?: AuditLine;
	} = {}
) {
	const gone = options.deleteId
		? sql`, gone as (delete from presentation_slot where id = ${options.deleteId} and session_id = ${sessionId} returning id)`
		: sql``;
	const settings = options.settings
		? sql`, settings as (update pitch_session set starts_at = ${options.settings.startsAt}, room = ${options.settings.room},
				slot_minutes = ${options.settings.slotMinutes}, pitch_minutes = ${options.settings.pitchMinutes},
				questions_minutes = ${options.settings.questionsMinutes} where id = ${sessionId} returning id)`
		: sql``;
	const location = options.location === undefined ? sql`` : sql`, location = ${options.location}`;
	await sql`
		with v as (
			select * from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.position)}::int[],
				${rows.map((r) => r.startsAt.toISOString())}::timestamptz[], ${rows.map((r) => r.endsAt.toISOString())}::timestamptz[])
				as v (id, position, starts_at, ends_at)
		) ${gone} ${settings} ${auditCte(options.audit)}
		update presentation_slot p set position = v.position, starts_at = v.starts_at, ends_at = v.ends_at ${location}
		from v where p.id = v.id and p.session_id = ${sessionId}`.execute(db);
}

/** A break at a provisional place; `writeOrder` puts it where it belongs. */
export async function insertBreak(
	db: Db,
	row: { roundId: number; sessionId: number; position: number; startsAt: Date; endsAt: Date; location: string }
) {
	const { rows } = await sql<{ id: number }>`
		insert into presentation_slot (round_id, session_id, position, kind, idea_id, starts_at, ends_at, location)
		values (${row.roundId}, ${row.sessionId}, ${row.position}, 'break', null, ${row.startsAt}, ${row.endsAt}, ${row.location})
		returning id`.execute(db);
	return rows[0];
}

/**
 * Ideas into the session, at provisional places: each must be an entry of the session's
 * jury without a slot in a session; an old slot without a session is taken over (its id kept).
 * Returns the slots made, by idea.
 */
export async function placeIdeas(
	db: Db,
	session: { id: number; roundId: number; juryId: number; location: string },
	ideas: readonly { ideaId: number; position: number; startsAt: Date; endsAt: Date }[],
	audit?: AuditLine
) {
	if (!ideas.length) return [];
	const { rows } = await sql<{ id: number; ideaId: number }>`
		with made as (
		insert into presentation_slot (round_id, session_id, position, kind, idea_id, starts_at, ends_at, location)
		select ${session.roundId}, ${session.id}, v.position, 'pitch', v.idea_id, v.starts_at, v.ends_at, ${session.location}
		from unnest(${ideas.map((i) => i.ideaId)}::int[], ${ideas.map((i) => i.position)}::int[],
			${ideas.map((i) => i.startsAt.toISOString())}::timestamptz[], ${ideas.map((i) => i.endsAt.toISOString())}::timestamptz[])
			as v (idea_id, position, starts_at, ends_at)
		join round_entry e on e.round_id = ${session.roundId} and e.idea_id = v.idea_id and e.jury_id = ${session.juryId}
		on conflict (round_id, idea_id) do update set session_id = excluded.session_id, position = excluded.position,
			kind = 'pitch', starts_at = excluded.starts_at, ends_at = excluded.ends_at, location = excluded.location
			where presentation_slot.session_id is null
		returning id, idea_id
		) ${auditCte(audit, sql`jsonb_build_object('slots', (select coalesce(jsonb_agg(jsonb_build_object('slotId', id, 'ideaId', idea_id)), '[]'::jsonb) from made))`)}
		select id, idea_id as "ideaId" from made`.execute(db);
	return rows;
}

/**
 * Publication: the session's plan_version + 1 and published_at, and every listed slot told
 * (what it was told, its new invitation sequence), in one statement.
 */
export async function markPublished(db: Db, sessionId: number, told: readonly { id: number; sequence: number }[], audit: AuditLine) {
	await sql`
		with s as (
			update pitch_session set plan_version = plan_version + 1, published_at = now() where id = ${sessionId} returning id
		) ${auditCte(audit)}
		update presentation_slot p set told_at = now(), told_starts_at = p.starts_at, told_ends_at = p.ends_at,
			told_location = p.location, ics_sequence = v.sequence
		from unnest(${told.map((t) => t.id)}::int[], ${told.map((t) => t.sequence)}::int[]) as v (id, sequence)
		where p.id = v.id and p.session_id = ${sessionId}`.execute(db);
}
