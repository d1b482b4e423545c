import { expressionBuilder, sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import type { RefKind, Reference } from './audit-details.js';
import type { AuditFilter } from './audit.schema.js';

/** Every privileged write leaves a line: who, what, on which object, with the details. */
export function recordAudit(db: Db, entry: AuditEntry) {
	return recordAudits(db, [entry]);
}

export type AuditEntry = {
	actorId: number | null;
	action: string;
	objectType: string;
	objectId: string | number;
	data?: Record<string, unknown>;
};

/** Lines per statement: five parameters each, well under PostgreSQL's 65,535. */
const AUDIT_CHUNK = 1000;

/**
 * Many audit lines, one statement per thousand (a handover, an HR import of 15,000 people);
 * nothing when there are none.
 */
export async function recordAudits(db: Db, entries: readonly AuditEntry[]) {
	for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
		await db
			.insertInto('auditLog')
			.values(
				entries.slice(i, i + AUDIT_CHUNK).map((e) => ({
					actorId: e.actorId,
					action: e.action,
					objectType: e.objectType,
					objectId: String(e.objectId),
					data: JSON.stringify(e.data ?? {})
				}))
			)
			.execute();
	}
}

/** The portal's days are Amsterdam days: a line at 00:30 on 2 March in Amsterdam is of 2 March. */
const TIME_ZONE = 'Europe/Amsterdam';

/** The filter as one condition on audit_log (true when nothing is filtered). */
function matching(f: AuditFilter) {
	const eb = expressionBuilder<DB, 'auditLog'>();
	const conditions = [];
	if (f.action) conditions.push(eb('auditLog.action', '=', f.action));
	if (f.objectType) conditions.push(eb('auditLog.objectType', '=', f.objectType));
	if (f.actorId) conditions.push(eb('auditLog.actorId', '=', f.actorId));
	if (f.fromDay) conditions.push(eb('auditLog.createdAt', '>=', sql<Date>`(${f.fromDay}::date)::timestamp at time zone ${TIME_ZONE}`));
	if (f.toDay) conditions.push(eb('auditLog.createdAt', '<', sql<Date>`(${f.toDay}::date + 1)::timestamp at time zone ${TIME_ZONE}`));
	return eb.and(conditions);
}

/** The lines that pass the filter, newest first, with the actor's name and address (none for the portal's own lines). */
export function listAudit(db: Db, filter: AuditFilter, limit: number, offset = 0) {
	return db
		.selectFrom('auditLog')
		.leftJoin('appUser as u', 'u.id', 'auditLog.actorId')
		.select([
			'auditLog.id',
			'auditLog.action',
			'auditLog.objectType',
			'auditLog.objectId',
			'auditLog.data',
			'auditLog.createdAt',
			'auditLog.actorId',
			'u.name as actorName',
			'u.email as actorEmail'
		])
		.where(matching(filter))
		.orderBy('auditLog.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countAudit(db: Db, filter: AuditFilter): Promise<number> {
	const row = await db
		.selectFrom('auditLog')
		.select(sql<number>`count(*)::int`.as('n'))
		.where(matching(filter))
		.executeTakeFirstOrThrow();
	return row.n;
}

/**
 * What the filters offer, in one statement: the actions and object types in the log, and the
 * people who wrote lines (by name). `kind` says which list a row belongs to.
 */
export function listAuditFilterOptions(db: Db) {
	const actions = db
		.selectFrom('auditLog')
		.select([sql<string>`'action'`.as('kind'), 'action as value', sql<string>`action`.as('label')])
		.distinct();
	const types = db
		.selectFrom('auditLog')
		.select([sql<string>`'type'`.as('kind'), 'objectType as value', sql<string>`object_type`.as('label')])
		.distinct();
	const actors = db
		.selectFrom('auditLog as a')
		.innerJoin('appUser as u', 'u.id', 'a.actorId')
		.select([sql<string>`'actor'`.as('kind'), sql<string>`u.id::text`.as('value'), 'u.name as label'])
		.distinct();
	return actions.unionAll(types).unionAll(actors).orderBy('kind').orderBy('label').execute();
}

/**
 * The names (and what their links and the reader's rights need) of the things audit lines
 * name, in one statement whatever the number of lines: a branch per kind, only for the kinds
 * asked about. `readerId` is the person reading the log: is the idea (or the entry's idea) theirs?
 */
export async function findAuditReferences(db: Db, ids: Map<RefKind, Set<number>>, readerId: number): Promise<Reference[]> {
	const list = (kind: RefKind) => [...(ids.get(kind) ?? [])];
	const kindOf = (kind: RefKind) => sql<string>`${sql.lit(kind)}::text`.as('kind');
	const text = (name: string) => sql<string | null>`null::text`.as(name);
	const int = (name: string) => sql<number | null>`null::int`.as(name);
	const bool = (name: string) => sql<boolean | null>`null::boolean`.as(name);
	const onTeam = (ideaId: 'i.id' | 'k.ideaId') =>
		sql<boolean>`exists (select 1 from idea_member m where m.idea_id = ${sql.ref(ideaId)} and m.user_id = ${readerId})`.as('mine');
	const branches = [
		list('idea').length
			? db
					.selectFrom('idea as i')
					.leftJoin('competition as c', 'c.id', 'i.competitionId')
					.select([
						kindOf('idea'),
						'i.id',
						'i.title as label',
						text('email'),
						int('competitionId'),
						int('roundId'),
						'i.status',
						sql<boolean>`coalesce(c.submission_closes_at < now(), false)`.as('closed'),
						onTeam('i.id')
					])
					.where('i.id', 'in', list('idea'))
			: null,
		list('user').length
			? db
					.selectFrom('appUser')
					.select([
						kindOf('user'),
						'id',
						'name as label',
						'email',
						int('competitionId'),
						int('roundId'),
						text('status'),
						bool('closed'),
						bool('mine')
					])
					.where('id', 'in', list('user'))
			: null,
		list('round').length
			? db
					.selectFrom('round as r')
					.innerJoin('competition as c', 'c.id', 'r.competitionId')
					.select([
						kindOf('round'),
						'r.id',
						sql<string>`c.name || ' · ' || r.name`.as('label'),
						text('email'),
						'r.competitionId',
						int('roundId'),
						text('status'),
						bool('closed'),
						bool('mine')
					])
					.where('r.id', 'in', list('round'))
			: null,
		list('jury').length
			? db
					.selectFrom('jury as j')
					.innerJoin('round as r', 'r.id', 'j.roundId')
					.innerJoin('competition as c', 'c.id', 'r.competitionId')
					.select([
						kindOf('jury'),
						'j.id',
						sql<string>`j.name || ' (' || c.name || ' · ' || r.name || ')'`.as('label'),
						text('email'),
						'r.competitionId',
						'j.roundId',
						text('status'),
						bool('closed'),
						bool('mine')
					])
					.where('j.id', 'in', list('jury'))
			: null,
		list('competition').length
			? db
					.selectFrom('competition')
					.select([
						kindOf('competition'),
						'id',
						'name as label',
						text('email'),
						int('competitionId'),
						int('roundId'),
						text('status'),
						bool('closed'),
						bool('mine')
					])
					.where('id', 'in', list('competition'))
			: null,
		list('kb_entry').length
			? db
					.selectFrom('kbEntry as k')
					.select([
						kindOf('kb_entry'),
						'k.id',
						'k.title as label',
						text('email'),
						int('competitionId'),
						int('roundId'),
						'k.status',
						bool('closed'),
						onTeam('k.ideaId')
					])
					.where('k.id', 'in', list('kb_entry'))
			: null,
		list('department').length
			? db
					.selectFrom('department')
					.select([
						kindOf('department'),
						'id',
						'name as label',
						text('email'),
						int('competitionId'),
						int('roundId'),
						text('status'),
						bool('closed'),
						bool('mine')
					])
					.where('id', 'in', list('department'))
			: null
	].filter((b) => b !== null);
	if (!branches.length) return [];
	const [first, ...rest] = branches;
	// Each branch selects the same columns; Kysely types each by its own tables, hence the widening.
	let query = first as unknown as SelectQueryBuilder<DB, never, Reference>;
	for (const branch of rest) query = query.unionAll(branch as unknown as SelectQueryBuilder<DB, never, Reference>);
	return query.execute();
}
