/**
 * The calls an idea answers: which competitions take submissions now, and from which
 * departments. Read by the ideas aggregate (the form, submission, my ideas); competitions
 * themselves are set up in competitions/ (competition-setup.*, round-setup.*).
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';

/**
 * Calls whose submission window is open now; with a department, only the calls that
 * department may enter (a competition without a list of departments takes every one).
 */
export function listOpenCalls(db: Db, departmentId?: number) {
	return openCalls(db, departmentId).execute();
}

/** The open calls as a query, to run alone or nest (`jsonArrayFrom`). */
export function openCalls(db: Db, departmentId?: number) {
	return db
		.selectFrom('competition as c')
		.select(['c.id', 'c.slug', 'c.name', 'c.callText', 'c.submissionOpensAt', 'c.submissionClosesAt'])
		.where('c.status', '=', 'open')
		.where('c.submissionOpensAt', '<=', sql<Date>`now()`)
		.where('c.submissionClosesAt', '>', sql<Date>`now()`)
		.$if(departmentId !== undefined, (qb) =>
			qb.where((eb) =>
				eb.or([
					eb.not(
						eb.exists(eb.selectFrom('competitionDepartment as cd').whereRef('cd.competitionId', '=', 'c.id').select('cd.departmentId'))
					),
					eb.exists(
						eb
							.selectFrom('competitionDepartment as cd')
							.whereRef('cd.competitionId', '=', 'c.id')
							.where('cd.departmentId', '=', departmentId!)
							.select('cd.departmentId')
					)
				])
			)
		)
		.orderBy('c.submissionClosesAt');
}

/** Competitions an organiser is running now (not closed or archived), newest first. */
export function listActiveCompetitions(db: Db) {
	return db
		.selectFrom('competition')
		.select(['id', 'slug', 'name', 'status', 'submissionOpensAt', 'submissionClosesAt', 'responseDays'])
		.where('status', 'in', ['open', 'judging'])
		.orderBy('submissionOpensAt', 'desc')
		.execute();
}

/** With `lock`, the competition row is shared-locked, so its status cannot change under a submission. */
export function findCompetitionWindow(db: Db, competitionId: number, lock = false) {
	return db
		.selectFrom('competition')
		.select([
			'id',
			'name',
			'status',
			'submissionOpensAt',
			'submissionClosesAt',
			sql<boolean>`(status = 'open' and submission_opens_at <= now() and submission_closes_at > now())`.as('windowOpen')
		])
		.where('id', '=', competitionId)
		.$if(lock, (qb) => qb.forShare())
		.executeTakeFirst();
}

/** Is this department eligible? A competition without a list takes every department. */
export async function isDepartmentEligible(db: Db, competitionId: number, departmentId: number) {
	const row = await db
		.selectFrom('competition as c')
		.select((eb) => [
			eb.exists(eb.selectFrom('competitionDepartment').whereRef('competitionId', '=', 'c.id').select('departmentId')).as('hasList'),
			eb
				.exists(
					eb
						.selectFrom('competitionDepartment')
						.whereRef('competitionId', '=', 'c.id')
						.where('departmentId', '=', departmentId)
						.select('departmentId')
				)
				.as('listed')
		])
		.where('c.id', '=', competitionId)
		.executeTakeFirst();
	return !!row && (!row.hasList || !!row.listed);
}
