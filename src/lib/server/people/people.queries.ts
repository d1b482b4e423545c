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

/** Other people already holding this e-mail, employee number or IdP id (one query). */
export function findHolders(
	db: Db,
	exceptId: number | null,
	keys: { email: string; employeeNumber: string | null; externalId: string | null }
) {
	return db
		.selectFrom('appUser')
		.select(['id', 'email', 'employeeNumber', 'externalId'])
		.where((eb) =>
			eb.or([
				eb('email', '=', keys.email),
				...(keys.employeeNumber ? [eb('employeeNumber', '=', keys.employeeNumber)] : []),
				...(keys.externalId ? [eb('externalId', '=', keys.externalId)] : [])
			])
		)
		.$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
		.execute();
}

/** The department a person may be placed in: it exists and is not retired. */
export function findActiveDepartment(db: Db, id: number) {
	return db.selectFrom('department').select(['id', 'retiredAt']).where('id', '=', id).executeTakeFirst();
}

/**
 * The reporting line above `managerId` (the manager, their manager, ...), nearest first,
 * with a depth guard so a loop already in the data cannot run away.
 */
export async function reportingLineOf(db: Db, managerId: number): Promise<number[]> {
	const rows = await sql<{ id: number }>`
		with recursive line (id, manager_id, depth) as (
			select id, manager_id, 1 from app_user where id = ${managerId}
			union all
			select u.id, u.manager_id, l.depth + 1 from app_user u join line l on u.id = l.manager_id where l.depth < 100
		)
		select id from line order by depth`.execute(db);
	return rows.rows.map((r) => r.id);
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

export async function deleteSessionsOfMany(db: Db, ids: number[]): Promise<number> {
	if (!ids.length) return 0;
	const r = await db.deleteFrom('userSession').where('userId', 'in', ids).executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Proposed and accepted mentorships of people who leave: ended, with why; the ideas go back to the organisers' queue. */
export function endMentorshipsOf(db: Db, mentorIds: number[], endedBy: number | null, reason: string) {
	if (!mentorIds.length) return Promise.resolve([]);
	return db
		.updateTable('mentorAssignment as a')
		.set({ status: 'ended', endedAt: sql<Date>`now()`, endedBy, endReason: reason })
		.where('a.mentorId', 'in', mentorIds)
		.where('a.status', 'in', ['proposed', 'accepted', 'requested'])
		.returning(['a.id', 'a.ideaId', 'a.mentorId', 'a.status'])
		.execute();
}

export function pauseMentorProfiles(db: Db, ids: number[]) {
	if (!ids.length) return Promise.resolve();
	return db
		.updateTable('mentorProfile')
		.set({ status: 'paused' })
		.where('userId', 'in', ids)
		.execute()
		.then(() => undefined);
}

/** Seats of leaving people on juries of rounds not yet closed: shown flagged to organisers (live, from disabled_at). */
export function openJurySeatsOf(db: Db, ids: number[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.select(['jm.userId', 'j.id as juryId', 'r.id as roundId'])
		.where('jm.userId', 'in', ids)
		.where('r.status', 'in', ['draft', 'open'])
		.execute();
}

export function ideaTitles(db: Db, ids: number[]) {
	if (!ids.length) return Promise.resolve([]);
	return db.selectFrom('idea').select(['id', 'title']).where('id', 'in', ids).execute();
}
