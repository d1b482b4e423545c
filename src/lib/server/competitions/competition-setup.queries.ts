import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import type { ReminderSettingsInput } from './competition-setup.schema.js';

export type CompetitionRow = {
	slug: string;
	name: string;
	callText: string;
	submissionOpensAt: Date;
	submissionClosesAt: Date;
	responseDays: number;
	preferOtherDepartmentMentor: boolean;
	peerConflicts: boolean;
	jurorLoadCap: number | null;
} & Partial<ReminderSettingsInput>;

/** One competition as the edit form needs it: its fields, eligible departments and how many ideas were ever submitted. */
export function findCompetitionForEdit(db: Db, competitionId: number) {
	return db
		.selectFrom('competition as c')
		.select((eb) => [
			'c.id',
			'c.slug',
			'c.name',
			'c.callText',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			'c.responseDays',
			'c.preferOtherDepartmentMentor',
			'c.peerConflicts',
			'c.jurorLoadCap',
			'c.programmeLeadId',
			'c.screeningReminderDays',
			'c.screeningEscalationDays',
			'c.mentorReminderDays',
			'c.mentorEscalationDays',
			'c.juryReminderDays',
			'c.resubmitReminderDays',
			'c.status',
			'c.createdAt',
			jsonArrayFrom(
				eb
					.selectFrom('competitionDepartment as cd')
					.select('cd.departmentId')
					.whereRef('cd.competitionId', '=', 'c.id')
					.orderBy('cd.departmentId')
			).as('departments'),
			eb
				.selectFrom('idea as i')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('i.competitionId', '=', 'c.id')
				.where('i.firstSubmittedAt', 'is not', null)
				.as('submittedIdeas')
		])
		.where('c.id', '=', competitionId)
		.executeTakeFirst();
}

/** Lock the competition row for a change; null when there is none. */
export function lockCompetitionRow(trx: Transaction<DB>, competitionId: number) {
	return trx.selectFrom('competition').select(['id', 'status', 'slug']).where('id', '=', competitionId).forUpdate().executeTakeFirst();
}

/** Lock the competition row for a status change, with how many of its ideas were ever submitted; null when there is none. */
export function lockCompetitionForStatus(trx: Transaction<DB>, competitionId: number) {
	return trx
		.selectFrom('competition as c')
		.select((eb) => [
			'c.id',
			'c.status',
			'c.name',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			eb
				.selectFrom('idea as i')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('i.competitionId', '=', 'c.id')
				.where('i.firstSubmittedAt', 'is not', null)
				.as('submittedIdeas')
		])
		.where('c.id', '=', competitionId)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * Open the competition and say who hears of it, in one statement: the active people of its
 * eligible departments (the department a person belongs to, as the idea form checks it;
 * everyone when the competition names no department). The first opening records
 * `call_opened:competition:<id>` in reminder_sent; opened again after going back to draft,
 * the key is taken and the answer is empty: nobody is told twice.
 */
export async function openCompetitionRow(trx: Transaction<DB>, competitionId: number): Promise<number[]> {
	const { rows } = await sql<{ id: number }>`
		with opened as (
			update competition set status = 'open' where id = ${competitionId} returning id
		), claimed as (
			insert into reminder_sent (key, kind)
			select ${`call_opened:competition:${competitionId}`}, 'call_opened' from opened
			on conflict (key) do nothing
			returning key
		)
		select u.id from app_user u
		where exists (select 1 from claimed) and u.disabled_at is null
			and (not exists (select 1 from competition_department cd where cd.competition_id = ${competitionId})
				or u.department_id in (select cd.department_id from competition_department cd where cd.competition_id = ${competitionId}))
		order by u.id`.execute(trx);
	return rows.map((r) => r.id);
}

export async function isSlugTaken(db: Db, slug: string, exceptId: number | null) {
	let query = db.selectFrom('competition').select('id').where('slug', '=', slug);
	if (exceptId !== null) query = query.where('id', '<>', exceptId);
	return !!(await query.executeTakeFirst());
}

/**
 * What the form names, checked in one statement: how many of these department ids exist, and
 * whether the programme lead (if any) is an active organiser or administrator.
 */
export async function checkChoices(db: Db, departmentIds: number[], programmeLeadId: number | null) {
	const { rows } = await sql<{ departments: number; leadOk: boolean }>`
		select
			(select count(*)::int from department d where d.id = any(${departmentIds}::int[])) as departments,
			(${programmeLeadId}::int is null or exists (
				select 1 from role_grant g join app_user u on u.id = g.user_id
				where g.user_id = ${programmeLeadId}::int and g.role in ('organiser', 'admin') and u.disabled_at is null)) as "leadOk"`.execute(db);
	return rows[0];
}

/**
 * Who may be a competition's programme lead: the active organisers and administrators, and
 * (editing one) its present lead, so the form shows who it is even when they no longer qualify.
 */
export function listProgrammeLeadChoices(db: Db, competitionId?: number) {
	return db
		.selectFrom('appUser as u')
		.select(['u.id', 'u.name', 'u.jobTitle'])
		.where((eb) =>
			eb.or([
				eb.and([
					eb('u.disabledAt', 'is', null),
					eb.exists(
						eb
							.selectFrom('roleGrant as g')
							.select('g.userId')
							.whereRef('g.userId', '=', 'u.id')
							.where('g.role', 'in', ['organiser', 'admin'])
					)
				]),
				...(competitionId === undefined
					? []
					: [
							eb.exists(
								eb
									.selectFrom('competition as c')
									.select('c.id')
									.whereRef('c.programmeLeadId', '=', 'u.id')
									.where('c.id', '=', competitionId)
							)
						])
			])
		)
		.orderBy('u.name')
		.orderBy('u.id')
		.execute();
}

/**
 * The departments a competition may name: those not retired, and (editing one) those it named
 * before a department was retired, so saving keeps them. With each, whether it takes part by default.
 */
export function listDepartmentChoices(db: Db, competitionId?: number) {
	return db
		.selectFrom('department as d')
		.select(['d.id', 'd.code', 'd.name', 'd.eligibleByDefault'])
		.where((eb) =>
			eb.or([
				eb('d.retiredAt', 'is', null),
				...(competitionId === undefined
					? []
					: [
							eb.exists(
								eb
									.selectFrom('competitionDepartment as cd')
									.select('cd.departmentId')
									.whereRef('cd.departmentId', '=', 'd.id')
									.where('cd.competitionId', '=', competitionId)
							)
						])
			])
		)
		.orderBy('d.name')
		.execute();
}

export function insertCompetition(trx: Transaction<DB>, row: CompetitionRow & { createdBy: number }) {
	return trx.insertInto('competition').values(row).returning(['id', 'slug', 'status']).executeTakeFirstOrThrow();
}

export function updateCompetitionRow(trx: Transaction<DB>, competitionId: number, row: CompetitionRow) {
	return trx.updateTable('competition').set(row).where('id', '=', competitionId).execute();
}

/** The eligible departments become exactly these (none: every department). */
export async function replaceCompetitionDepartments(trx: Transaction<DB>, competitionId: number, departmentIds: number[]) {
	await trx.deleteFrom('competitionDepartment').where('competitionId', '=', competitionId).execute();
	if (departmentIds.length) {
		await trx
			.insertInto('competitionDepartment')
			.values(departmentIds.map((departmentId) => ({ competitionId, departmentId })))
			.execute();
	}
}

export function updateCompetitionStatusRow(trx: Transaction<DB>, competitionId: number, status: string) {
	return trx.updateTable('competition').set({ status }).where('id', '=', competitionId).execute();
}
