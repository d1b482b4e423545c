import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { unreadCountOf } from '../notifications/notifications.queries.js';
import { sessionUserColumns } from './users.queries.js';

/**
 * The one statement of a signed-in request: the session still valid for this token, with its
 * person, their roles and the header's unread count.
 */
export function findRequestSession(db: Db, tokenHash: string) {
	return db
		.selectFrom('userSession as s')
		.innerJoin('appUser as u', 'u.id', 's.userId')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select((eb) => [...sessionUserColumns(eb), unreadCountOf(eb, 'u.id').as('unread')])
		.where('s.tokenHash', '=', tokenHash)
		.where('s.expiresAt', '>', sql<Date>`now()`)
		.where('u.disabledAt', 'is', null)
		.executeTakeFirst();
}

export function insertSession(db: Db, row: { tokenHash: string; userId: number; expiresAt: Date }) {
	return db.insertInto('userSession').values(row).execute();
}

export function deleteSession(db: Db, tokenHash: string) {
	return db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Every session of a person, and any expired one of anybody while we are at it. */
export async function deleteSessionsOf(db: Db, userId: number): Promise<number> {
	const result = await db
		.deleteFrom('userSession')
		.where((eb) => eb.or([eb('userId', '=', userId), eb('expiresAt', '<=', sql<Date>`now()`)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/**
 * Holds each key until the transaction ends, so attempts under one key are counted one after
 * another: on PostgreSQL two statements at the same moment cannot see each other's insert.
 * Keys in a fixed order, so two attempts never wait for each other the other way round.
 */
export async function lockAttemptKeys(db: Db, keys: string[]) {
	await sql`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(${[...keys].sort()}::text[]) AS k`.execute(db);
}

/**
 * Records one attempt under each key and answers, per key, how many attempts fall in the
 * window and when the oldest of them was. One statement: insert, then count what is there.
 */
export async function recordAttempts(db: Db, keys: string[], windowSeconds: number) {
	const result = await sql<{ key: string; attempts: number; oldest: Date }>`
		WITH inserted AS (
			INSERT INTO sign_in_attempt (key) SELECT unnest(${keys}::text[]) RETURNING key, attempted_at
		)
		SELECT key, count(*)::int AS attempts, min(attempted_at) AS oldest FROM (
			SELECT key, attempted_at FROM sign_in_attempt
			WHERE key = ANY(${keys}::text[]) AND attempted_at > now() - make_interval(secs => ${windowSeconds})
			UNION ALL
			SELECT key, attempted_at FROM inserted
		) recent
		GROUP BY key`.execute(db);
	return result.rows;
}

/** Attempts older than the window are of no use any more. */
export function deleteOldAttempts(db: Db, windowSeconds: number) {
	return db
		.deleteFrom('signInAttempt')
		.where('attemptedAt', '<=', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
		.execute();
}
