import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { EducationLevel, JobLevel, Locale } from '../../domain/org-chart.js';

/** What defines a person in the portal, as people admin, the HR import, SCIM and SSO write it. */
export type PersonRecord = {
	name: string;
	email: string;
	employeeNumber: string | null;
	departmentId: number;
	managerId: number | null;
	jobLevel: JobLevel;
	educationLevel: EducationLevel | null;
	jobTitle: string | null;
	locale: Locale;
	externalId: string | null;
};

export const PERSON_FIELDS = [
	'name',
	'email',
	'employeeNumber',
	'departmentId',
	'managerId',
	'jobLevel',
	'educationLevel',
	'jobTitle',
	'locale',
	'externalId'
] as const satisfies ReadonlyArray<keyof PersonRecord>;

export function findPerson(db: Db, id: number) {
	return db
		.selectFrom('appUser')
		.select([...PERSON_FIELDS, 'id', 'disabledAt', 'updatedAt', 'createdAt'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Lock a person's row for a change, so two admins editing at once queue. */
export function lockPerson(db: Db, id: number) {
	return db
		.selectFrom('appUser')
		.select([...PERSON_FIELDS, 'id', 'disabledAt'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function insertPerson(db: Db, p: PersonRecord) {
	return db.insertInto('appUser').values(p).returning('id').executeTakeFirstOrThrow();
}

export function updatePersonRow(db: Db, id: number, patch: Partial<PersonRecord>) {
	return db
		.updateTable('appUser')
		.set({ ...patch, updatedAt: sql<Date>`now()` })
		.where('id', '=', id)
		.returning('id')
		.executeTakeFirst();
}

export function setDisabled(db: Db, ids: number[], disabled: boolean) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.updateTable('appUser')
		.set({ disabledAt: disabled ? sql<Date>`now()` : null, updatedAt: sql<Date>`now()` })
		.where('id', 'in', ids)
		.where('disabledAt', disabled ? 'is' : 'is not', null)
		.returning('id')
		.execute();
}

/**
 * Everything a person's write is checked against, in one statement: who else holds the
 * e-mail, employee number or IdP id; whether the department exists and is retired; and the
 * reporting line above the chosen manager (the manager first; empty when unknown), depth-guarded.
 */
export async function personChecks(
	db: Db,
	exceptId: number | null,
	p: { email: string; employeeNumber: string | null; externalId: string | null; departmentId: number; managerId: number | null }
) {
	const result = await sql<{
		holders: Array<{ email: string; employeeNumber: string | null; externalId: string | null }>;
		departmentExists: boolean;
		departmentRetired: boolean;
		managerLine: number[];
	}>`
		select
			(select coalesce(json_agg(json_build_object('email', u.email, 'employeeNumber', u.employee_number, 'externalId', u.external_id)), '[]'::json)
				from app_user u
				where (u.email = ${p.email} or u.employee_number = ${p.employeeNumber} or u.external_id = ${p.externalId})
					and u.id is distinct from ${exceptId}::integer) as holders,
			exists (select 1 from department d where d.id = ${p.departmentId}) as "departmentExists",
			exists (select 1 from department d where d.id = ${p.departmentId} and d.retired_at is not null) as "departmentRetired",
			(with recursive line (id, manager_id, depth) as (
				select id, manager_id, 1 from app_user where id = ${p.managerId}::integer
				union all
				select u.id, u.manager_id, l.depth + 1 from app_user u join line l on u.id = l.manager_id where l.depth < 100
			) select coalesce(array_agg(id order by depth), '{}') from line) as "managerLine"`.execute(db);
	return result.rows[0];
}

export type EndedMentorship = { id: number; ideaId: number; mentorId: number; status: string; title: string };

/**
 * The handover of people who leave, after they were disabled, in one statement: their sessions
 * end; their proposed, accepted and requested mentorships end with the reason (the ideas go
 * back to the organisers' queue), each with an event on its idea and, unless it was only a
 * request, a word to every active organiser; their mentor profiles pause. Returns what ended,
 * how many sessions, and their seats on juries of rounds not yet closed (flagged on the round page).
 */
export async function handOver(db: Db, ids: number[], end: { actorId: number | null; reason: string; notificationKind: string }) {
	const result = await sql<{
		sessionsEnded: number;
		ended: EndedMentorship[] | null;
		seats: Array<{ userId: number; juryId: number; roundId: number }> | null;
	}>`
		with sessions as (
			delete from user_session where user_id = any(${ids}::int[]) returning 1
		), ended as (
			update mentor_assignment a
			set status = 'ended', ended_at = now(), ended_by = ${end.actorId}::integer, end_reason = ${end.reason}
			from idea i
			where i.id = a.idea_id and a.mentor_id = any(${ids}::int[]) and a.status in ('proposed', 'accepted', 'requested')
			returning a.id, a.idea_id, a.mentor_id, a.status, i.title
		), paused as (
			update mentor_profile set status = 'paused' where user_id = any(${ids}::int[]) and status <> 'paused' returning 1
		), events as (
			insert into idea_event (idea_id, actor_id, kind, reason, data)
			select e.idea_id, ${end.actorId}::integer, 'mentor_ended', ${end.reason}, jsonb_build_object('mentorId', e.mentor_id, 'status', e.status)
			from ended e
			returning 1
		), told as (
			insert into notification (user_id, kind, params, link)
			select g.user_id, ${end.notificationKind}, jsonb_build_object('ideaId', e.idea_id, 'title', e.title), '/organise/mentors'
			from ended e
			cross join role_grant g
			join app_user o on o.id = g.user_id and o.disabled_at is null
			where g.role = 'organiser' and e.status <> 'requested' and not (g.user_id = any(${ids}::int[]))
			returning 1
		)
		select
			(select count(*)::int from sessions) as "sessionsEnded",
			(select json_agg(json_build_object('id', e.id, 'ideaId', e.idea_id, 'mentorId', e.mentor_id, 'status', e.status, 'title', e.title) order by e.id) from ended e) as ended,
			(select json_agg(json_build_object('userId', jm.user_id, 'juryId', j.id, 'roundId', r.id) order by j.id, jm.user_id)
				from jury_member jm join jury j on j.id = jm.jury_id join round r on r.id = j.round_id
				where jm.user_id = any(${ids}::int[]) and r.status in ('draft', 'open')) as seats`.execute(db);
	const row = result.rows[0];
	return { sessionsEnded: row.sessionsEnded, ended: row.ended ?? [], seats: row.seats ?? [] };
}
