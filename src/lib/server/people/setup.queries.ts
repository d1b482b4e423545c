import { sql } from 'kysely';
import type { Db } from '../db/index.js';

export const SETUP_TOKEN_KEY = 'setup_token';

/** Active administrators: none means the portal still waits for its first start. */
export async function countActiveAdmins(db: Db): Promise<number> {
	const row = await db
		.selectFrom('roleGrant as g')
		.innerJoin('appUser as u', 'u.id', 'g.userId')
		.where('g.role', '=', 'admin')
		.where('u.disabledAt', 'is', null)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function saveSetupTokenHash(db: Db, hash: string) {
	return db
		.insertInto('appSetting')
		.values({ key: SETUP_TOKEN_KEY, value: JSON.stringify({ hash }) })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ hash }), updatedAt: sql<Date>`now()` }))
		.execute();
}

/** Whether a setup link was made less than `ms` ago (by another instance starting at the same time). */
export async function setupTokenMadeWithin(db: Db, ms: number): Promise<boolean> {
	const row = await db
		.selectFrom('appSetting')
		.select('key')
		.where('key', '=', SETUP_TOKEN_KEY)
		.where('updatedAt', '>', sql<Date>`now() - make_interval(secs => ${ms / 1000})`)
		.executeTakeFirst();
	return row !== undefined;
}

/** The stored hash of the setup link's token; `lock` holds it for the transaction, so it is used once. */
export async function findSetupTokenHash(db: Db, lock = false): Promise<string | null> {
	const row = await db
		.selectFrom('appSetting')
		.select('value')
		.where('key', '=', SETUP_TOKEN_KEY)
		.$if(lock, (qb) => qb.forUpdate())
		.executeTakeFirst();
	const value = row?.value as { hash?: unknown } | undefined;
	return typeof value?.hash === 'string' ? value.hash : null;
}

export function deleteSetupToken(db: Db) {
	return db.deleteFrom('appSetting').where('key', '=', SETUP_TOKEN_KEY).execute();
}

/** Serialises first starts: two setups at once (link and command) queue on this lock. */
export function lockSetup(db: Db) {
	return sql`select pg_advisory_xact_lock(hashtext('ideacup.setup'))`.execute(db);
}

export function findDepartmentByCode(db: Db, code: string) {
	return db.selectFrom('department').select(['id', 'retiredAt']).where('code', '=', code).executeTakeFirst();
}

export function insertTopDepartment(db: Db, d: { code: string; name: string; nameNl: string | null }) {
	return db
		.insertInto('department')
		.values({ ...d, parentId: null })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export function findPersonByEmail(db: Db, email: string) {
	return db.selectFrom('appUser').select(['id', 'disabledAt']).where('email', '=', email).executeTakeFirst();
}

export function grantAdmin(db: Db, userId: number) {
	return db
		.insertInto('roleGrant')
		.values({ userId, role: 'admin', grantedBy: null })
		.onConflict((oc) => oc.columns(['userId', 'role']).doNothing())
		.execute();
}
