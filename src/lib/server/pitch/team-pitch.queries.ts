/** The team's pitch-day page: its slots in published sessions, its unavailable times; adding and removing those. */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

type Stamp = Date | string;

export type TeamSlotRow = {
	id: number;
	sessionId: number;
	startsAt: Stamp;
	endsAt: Stamp;
	location: string;
	toldAt: Stamp | null;
	toldStartsAt: Stamp | null;
	toldEndsAt: Stamp | null;
	toldLocation: string | null;
	icsSequence: number;
	sessionStatus: string;
	publishedAt: Stamp | null;
	planVersion: number;
	pitchMinutes: number;
	questionsMinutes: number;
	roundId: number;
	roundName: string;
	roundStatus: string;
	juryName: string;
};

export type UnavailabilityRow = { id: number; startsAt: Stamp; endsAt: Stamp; note: string; createdByName: string | null };

/** The entries of the idea in rounds that are not closed, with the state of its session there (null: no slot yet). */
export type OpenEntryRow = { roundId: number; roundStatus: string; sessionStatus: string | null };

/**
 * The idea, whether `actorId` is on its team or its mentor, its slots in pitch sessions (with
 * the session, round and jury), its entries in rounds still running, and its unavailable
 * times. One statement; `lock` takes the idea's row lock so that two writes for one idea
 * (two tabs, a double click) run one after the other.
 */
export async function findTeamPitch(db: Db, ideaId: number, actorId: number, lock = false) {
	let query = db
		.selectFrom('idea as i')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'c.name as competitionName',
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'i.id').where('m.userId', '=', actorId).select('m.userId'))
				.as('isMember'),
			eb
				.exists(
					eb
						.selectFrom('mentorAssignment as a')
						.whereRef('a.ideaId', '=', 'i.id')
						.where('a.mentorId', '=', actorId)
						.where('a.status', 'in', ['proposed', 'accepted'])
						.select('a.id')
				)
				.as('isMentor'),
			jsonArrayFrom(
				eb
					.selectFrom('presentationSlot as p')
					.innerJoin('pitchSession as s', 's.id', 'p.sessionId')
					.innerJoin('round as r', 'r.id', 's.roundId')
					.innerJoin('jury as j', 'j.id', 's.juryId')
					.select([
						'p.id',
						'p.sessionId',
						'p.startsAt',
						'p.endsAt',
						'p.location',
						'p.toldAt',
						'p.toldStartsAt',
						'p.toldEndsAt',
						'p.toldLocation',
						'p.icsSequence',
						's.status as sessionStatus',
						's.publishedAt',
						's.planVersion',
						's.pitchMinutes',
						's.questionsMinutes',
						'r.id as roundId',
						'r.name as roundName',
						'r.status as roundStatus',
						'j.name as juryName'
					])
					.whereRef('p.ideaId', '=', 'i.id')
					.orderBy('p.startsAt')
			).as('slots'),
			jsonArrayFrom(
				eb
					.selectFrom('roundEntry as e')
					.innerJoin('round as r', 'r.id', 'e.roundId')
					.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
					.leftJoin('pitchSession as s', 's.id', 'p.sessionId')
					.select(['r.id as roundId', 'r.status as roundStatus', 's.status as sessionStatus'])
					.whereRef('e.ideaId', '=', 'i.id')
					.where('r.status', 'in', ['draft', 'open'])
			).as('openEntries'),
			jsonArrayFrom(
				eb
					.selectFrom('pitchUnavailability as u')
					.leftJoin('appUser as cu', 'cu.id', 'u.createdBy')
					.select(['u.id', 'u.startsAt', 'u.endsAt', 'u.note', 'cu.name as createdByName'])
					.whereRef('u.ideaId', '=', 'i.id')
					.orderBy('u.startsAt')
					.orderBy('u.id')
			).as('unavailable')
		])
		.where('i.id', '=', ideaId);
	if (lock) query = query.forUpdate('i');
	const row = await query.executeTakeFirst();
	if (!row) return null;
	return {
		...row,
		isMember: Boolean(row.isMember),
		isMentor: Boolean(row.isMentor),
		slots: row.slots as unknown as TeamSlotRow[],
		openEntries: row.openEntries as unknown as OpenEntryRow[],
		unavailable: row.unavailable as unknown as UnavailabilityRow[]
	};
}

/**
 * Stores an unavailable time and its timeline event in one statement (a data-modifying CTE):
 * team writes are not audited; every change is an idea_event 'pitch_unavailability'.
 * The same time already there (a double click, two tabs) is not stored again: this statement
 * runs after the caller locked the idea, so it sees a twin committed meanwhile, which the
 * caller's earlier read could not. Returns that time's id and whether it was new.
 */
export async function insertUnavailability(
	db: Db,
	row: { ideaId: number; startsAt: Date; endsAt: Date; note: string; createdBy: number }
): Promise<{ id: number; created: boolean }> {
	const { rows } = await sql<{ id: number; created: boolean }>`
		with existing as (
			select id from pitch_unavailability
			where idea_id = ${row.ideaId} and starts_at = ${row.startsAt} and ends_at = ${row.endsAt}
			limit 1
		),
		u as (
			insert into pitch_unavailability (idea_id, starts_at, ends_at, note, created_by)
			select ${row.ideaId}, ${row.startsAt}, ${row.endsAt}, ${row.note}, ${row.createdBy}
			where not exists (select 1 from existing)
			returning id, idea_id, starts_at, ends_at, created_by
		),
		e as (
			insert into idea_event (idea_id, actor_id, kind, data)
			select u.idea_id, u.created_by, 'pitch_unavailability',
				jsonb_build_object('action', 'added', 'unavailabilityId', u.id, 'startsAt', u.starts_at, 'endsAt', u.ends_at)
			from u
		)
		select coalesce((select id from u), (select id from existing)) as id, exists (select 1 from u) as created
	`.execute(db);
	return { id: Number(rows[0].id), created: rows[0].created };
}

/** Removes an unavailable time of this idea and records it, in one statement; false when it was gone already. */
export async function deleteUnavailability(db: Db, ideaId: number, id: number, actorId: number): Promise<boolean> {
	const rows = await db
		.with('u', (qb) =>
			qb
				.deleteFrom('pitchUnavailability')
				.where('id', '=', id)
				.where('ideaId', '=', ideaId)
				.returning(['id', 'ideaId', 'startsAt', 'endsAt'])
		)
		.insertInto('ideaEvent')
		.columns(['ideaId', 'actorId', 'kind', 'data'])
		.expression((eb) =>
			eb
				.selectFrom('u')
				.select([
					'u.ideaId',
					sql.lit(actorId).as('actorId'),
					sql.lit('pitch_unavailability').as('kind'),
					sql`jsonb_build_object('action', 'removed', 'unavailabilityId', u.id, 'startsAt', u.starts_at, 'endsAt', u.ends_at)`.as('data')
				])
		)
		.returning('id')
		.execute();
	return rows.length > 0;
}
