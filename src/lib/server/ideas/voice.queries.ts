/**
 * Colleagues' voice on one idea (supports, follows, the departments it would help too), as
 * columns of a query over `idea as i`, so the idea page reads them in its one statement:
 * `.select((eb) => ideaVoiceColumns(eb, actor.id))`, then `toIdeaVoice(row)`.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.js';
import type { Db } from '../db/index.js';

export function ideaVoiceColumns(eb: ExpressionBuilder<DB & { i: DB['idea'] }, 'i'>, userId: number) {
	return [
		'i.supportCount',
		'i.followCount',
		eb
			.selectFrom('ideaSupport as s')
			.select(sql<number | null>`coalesce(s.department_id, 0)`.as('d'))
			.whereRef('s.ideaId', '=', 'i.id')
			.where('s.userId', '=', userId)
			.as('mySupport'),
		eb
			.exists(eb.selectFrom('ideaFollow as f').select('f.userId').whereRef('f.ideaId', '=', 'i.id').where('f.userId', '=', userId))
			.as('following'),
		jsonArrayFrom(
			eb
				.selectFrom('ideaSupport as s')
				.innerJoin('department as sd', 'sd.id', 's.departmentId')
				.select(['sd.id', 'sd.name', 'sd.nameNl', sql<number>`count(*)::int`.as('supporters')])
				.whereRef('s.ideaId', '=', 'i.id')
				.whereRef('s.departmentId', '<>', 'i.departmentId')
				.groupBy(['sd.id', 'sd.name', 'sd.nameNl'])
				.orderBy(sql`count(*)`, 'desc')
				.orderBy('sd.name')
		).as('supportDepartments')
	] as const;
}

/** What the idea page and the wall show of colleagues' voice on one idea. */
export type IdeaVoice = {
	supportCount: number;
	followCount: number;
	/** null: I do not support it; 0: I support it without naming a department; else the department named */
	mySupport: number | null;
	following: boolean;
	/** departments (other than the idea's own) that said it would help them too: suggested for its roll-out */
	supportDepartments: { id: number; name: string; nameNl: string | null; supporters: number }[];
};

export function toIdeaVoice(row: {
	supportCount: number;
	followCount: number;
	mySupport: number | null;
	following: unknown;
	supportDepartments: { id: number; name: string; nameNl: string | null; supporters: number }[];
}): IdeaVoice {
	return {
		supportCount: row.supportCount,
		followCount: row.followCount,
		mySupport: row.mySupport === null ? null : Number(row.mySupport),
		following: Boolean(row.following),
		supportDepartments: row.supportDepartments
	};
}

// ---------- writing: one statement each, the count moving only with a row really added or removed ----------

/**
 * A person supports an idea (for a department, or none); supporting again changes the
 * department. The idea's support_count goes up in the same statement only when the row is
 * new: `xmax = 0` tells an inserted row from one the conflict updated, also when two requests
 * race (the second waits for the first's row and updates it). Returns whether it was new and
 * the team to tell.
 */
export async function upsertSupport(db: Db, ideaId: number, userId: number, departmentId: number | null) {
	const { rows } = await sql<{ inserted: boolean; team: number[] | null }>`
		WITH s AS (
			INSERT INTO idea_support (idea_id, user_id, department_id) VALUES (${ideaId}, ${userId}, ${departmentId})
			ON CONFLICT (idea_id, user_id) DO UPDATE SET department_id = excluded.department_id
			RETURNING (xmax = 0) AS inserted
		), bump AS (
			UPDATE idea SET support_count = support_count + 1
			WHERE id = ${ideaId} AND EXISTS (SELECT 1 FROM s WHERE s.inserted)
			RETURNING id
		)
		SELECT s.inserted,
			(SELECT array_agg(m.user_id ORDER BY m.user_id) FROM idea_member m WHERE m.idea_id = ${ideaId}) AS team
		FROM s`.execute(db);
	const row = rows[0];
	return { inserted: Boolean(row?.inserted), team: (row?.team ?? []).map(Number) };
}

/** Withdraws a support; the count goes down in the same statement only if a row was removed. */
export async function deleteSupport(db: Db, ideaId: number, userId: number): Promise<boolean> {
	const { rows } = await sql<{ removed: number }>`
		WITH d AS (
			DELETE FROM idea_support WHERE idea_id = ${ideaId} AND user_id = ${userId} RETURNING 1
		), bump AS (
			UPDATE idea SET support_count = support_count - 1
			WHERE id = ${ideaId} AND EXISTS (SELECT 1 FROM d)
			RETURNING id
		)
		SELECT count(*)::int AS removed FROM d`.execute(db);
	return (rows[0]?.removed ?? 0) > 0;
}

/** Follows an idea; the count goes up only if the row is new (a repeat changes nothing). */
export async function insertFollow(db: Db, ideaId: number, userId: number): Promise<boolean> {
	const { rows } = await sql<{ added: number }>`
		WITH f AS (
			INSERT INTO idea_follow (idea_id, user_id) VALUES (${ideaId}, ${userId})
			ON CONFLICT (idea_id, user_id) DO NOTHING
			RETURNING 1
		), bump AS (
			UPDATE idea SET follow_count = follow_count + 1
			WHERE id = ${ideaId} AND EXISTS (SELECT 1 FROM f)
			RETURNING id
		)
		SELECT count(*)::int AS added FROM f`.execute(db);
	return (rows[0]?.added ?? 0) > 0;
}

/** Stops following; the count goes down only if a row was removed. */
export async function deleteFollow(db: Db, ideaId: number, userId: number): Promise<boolean> {
	const { rows } = await sql<{ removed: number }>`
		WITH d AS (
			DELETE FROM idea_follow WHERE idea_id = ${ideaId} AND user_id = ${userId} RETURNING 1
		), bump AS (
			UPDATE idea SET follow_count = follow_count - 1
			WHERE id = ${ideaId} AND EXISTS (SELECT 1 FROM d)
			RETURNING id
		)
		SELECT count(*)::int AS removed FROM d`.execute(db);
	return (rows[0]?.removed ?? 0) > 0;
}

/**
 * Not the company as a whole: the one top department above all others (the root of the org
 * chart) is no department an idea is rolled out to. An organisation of departments side by
 * side, with no single root, keeps them all.
 */
const notCompanyRoot = sql<boolean>`NOT (d.parent_id IS NULL AND (SELECT count(*) FROM department r WHERE r.parent_id IS NULL) = 1
	AND EXISTS (SELECT 1 FROM department c WHERE c.parent_id = d.id))`;

/** A department a supporter may name: it exists, is not retired and is not the company's root. */
export function findActiveDepartment(db: Db, departmentId: number) {
	return db
		.selectFrom('department as d')
		.select(['d.id', 'd.name', 'd.nameNl'])
		.where('d.id', '=', departmentId)
		.where('d.retiredAt', 'is', null)
		.where(notCompanyRoot)
		.executeTakeFirst();
}

/**
 * The support page of one idea in one statement: its title and department, the actor's voice
 * on it, and the departments to choose from (not retired, not the company's root).
 */
export function findSupportPage(db: Db, ideaId: number, userId: number) {
	return db
		.selectFrom('idea as i')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.departmentId',
			...ideaVoiceColumns(eb, userId),
			jsonArrayFrom(
				eb
					.selectFrom('department as d')
					.select(['d.id', 'd.name', 'd.nameNl'])
					.where('d.retiredAt', 'is', null)
					.where(notCompanyRoot)
					.orderBy('d.name')
			).as('departments')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}
