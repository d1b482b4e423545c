/**
 * The one-minute idea's own statements: where the idea goes (the poster's department if it
 * exists, else the person's own, with the open call each may enter), its first rows written in
 * one statement, and what the help page and the ask for help need to know.
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { openCalls } from './calls.queries.js';

/**
 * The person's department and, if the poster named an existing (not retired) department,
 * that one; for each, the open call it may enter that closes first. One statement.
 */
export async function findQuickPlacement(db: Db, userId: number, posterDepartmentId: number | null) {
	const firstCall = (departmentId: number) => openCalls(db, departmentId).clearSelect().select('c.id').limit(1);
	const row = await db
		.selectFrom('appUser as u')
		.select((eb) => [
			'u.departmentId as ownDepartmentId',
			posterDepartmentId === null
				? sql<number | null>`null::int`.as('posterDepartmentId')
				: eb
						.selectFrom('department as d')
						.select('d.id')
						.where('d.id', '=', posterDepartmentId)
						.where('d.retiredAt', 'is', null)
						.as('posterDepartmentId'),
			posterDepartmentId === null ? sql<number | null>`null::int`.as('posterCallId') : firstCall(posterDepartmentId).as('posterCallId'),
			eb
				.selectFrom('competition as c')
				.select('c.id')
				.where('c.status', '=', 'open')
				.where('c.submissionOpensAt', '<=', sql<Date>`now()`)
				.where('c.submissionClosesAt', '>', sql<Date>`now()`)
				.where((w) =>
					w.or([
						w.not(
							w.exists(w.selectFrom('competitionDepartment as cd').whereRef('cd.competitionId', '=', 'c.id').select('cd.departmentId'))
						),
						w.exists(
							w
								.selectFrom('competitionDepartment as cd')
								.whereRef('cd.competitionId', '=', 'c.id')
								.whereRef('cd.departmentId', '=', 'u.departmentId')
								.select('cd.departmentId')
						)
					])
				)
				.orderBy('c.submissionClosesAt')
				.limit(1)
				.as('ownCallId')
		])
		.where('u.id', '=', userId)
		.executeTakeFirst();
	if (!row) return null;
	return row.posterDepartmentId != null
		? { departmentId: row.posterDepartmentId, competitionId: row.posterCallId ?? null }
		: { departmentId: row.ownDepartmentId, competitionId: row.ownCallId ?? null };
}

/**
 * A new one-minute draft's other rows in one statement: the owner on the team, the 'created'
 * event (how it came in and where), and the photo with its 'attachment_added' event.
 */
export async function insertQuickIdeaRows(
	db: Db,
	r: {
		ideaId: number;
		userId: number;
		place: string;
		photo: { kind: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; storageKey: string } | null;
	}
) {
	const created = JSON.stringify({ via: 'one_minute', place: r.place });
	const p = r.photo;
	const { rows } = await sql<{ attachmentId: number | null }>`
		with owner as (
			insert into idea_member (idea_id, user_id, role) values (${r.ideaId}, ${r.userId}, 'owner')
			on conflict (idea_id, user_id) do nothing
			returning user_id
		), created as (
			insert into idea_event (idea_id, actor_id, kind, to_status, data)
			values (${r.ideaId}, ${r.userId}, 'created', 'draft', ${created}::jsonb)
			returning id
		), photo as (
			insert into attachment (idea_id, kind, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by)
			select ${r.ideaId}, ${p?.kind ?? null}::text, ${p?.fileName ?? null}::text, ${p?.mediaType ?? null}::text,
				${p?.sizeBytes ?? null}::int, ${p?.sha256 ?? null}::text, ${p?.storageKey ?? null}::text, ${r.userId}
			where ${p !== null}::boolean
			returning id, file_name
		), photo_event as (
			insert into idea_event (idea_id, actor_id, kind, data)
			select ${r.ideaId}, ${r.userId}, 'attachment_added', jsonb_build_object('attachmentId', photo.id, 'fileName', photo.file_name)
			from photo
			returning id
		)
		select (select id from photo) as attachment_id,
			(select count(*) from owner) + (select count(*) from created) + (select count(*) from photo_event) as written`.execute(db);
	return rows[0]?.attachmentId ?? null;
}

/** The help page's idea: title, status, department and team (with roles), in one statement. */
export function findIdeaWithTeam(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.departmentId',
			'i.location',
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['m.userId', 'm.role', 'u.name'])
					.whereRef('m.ideaId', '=', 'i.id')
					.orderBy('m.addedAt')
			).as('team')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}

/**
 * Before asking a colleague to help, in one statement with the idea held: its status and
 * title, whether the asker is on the team, and whether the colleague is the asker's team
 * leader, or an active mentor with a free place (as the mentoring pages count it).
 */
export function findHelpTarget(db: Db, ideaId: number, askerId: number, colleagueId: number) {
	return db
		.selectFrom('idea as i')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'i.id').where('m.userId', '=', askerId).select('m.userId'))
				.as('isMember'),
			eb
				.exists(
					eb
						.selectFrom('appUser as me')
						.innerJoin('appUser as boss', 'boss.id', 'me.managerId')
						.where('me.id', '=', askerId)
						.where('boss.id', '=', colleagueId)
						.where('boss.disabledAt', 'is', null)
						.select('boss.id')
				)
				.as('isTeamLeader'),
			eb
				.exists(
					eb
						.selectFrom('mentorProfile as p')
						.innerJoin('appUser as u', 'u.id', 'p.userId')
						.where('p.userId', '=', colleagueId)
						.where('p.status', '=', 'active')
						.where('u.disabledAt', 'is', null)
						.where(
							(w) =>
								w
									.selectFrom('mentorAssignment as a')
									.select(sql<number>`count(*)::int`.as('n'))
									.whereRef('a.mentorId', '=', 'p.userId')
									.where('a.status', 'in', ['proposed', 'accepted']),
							'<',
							(w) => w.ref('p.capacity')
						)
						.select('p.userId')
				)
				.as('isMentorWithRoom')
		])
		.where('i.id', '=', ideaId)
		.forUpdate('i')
		.executeTakeFirst();
}
