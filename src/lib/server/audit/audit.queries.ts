import type { Db } from '../db/index.js';

/** Every privileged write leaves a line: who, what, on which object, with the details. */
export function recordAudit(
	db: Db,
	entry: { actorId: number | null; action: string; objectType: string; objectId: string | number; data?: Record<string, unknown> }
) {
	return db
		.insertInto('auditLog')
		.values({
			actorId: entry.actorId,
			action: entry.action,
			objectType: entry.objectType,
			objectId: String(entry.objectId),
			data: JSON.stringify(entry.data ?? {})
		})
		.execute();
}

export function listAudit(db: Db, limit: number) {
	return db
		.selectFrom('auditLog as a')
		.leftJoin('appUser as u', 'u.id', 'a.actorId')
		.select(['a.id', 'a.action', 'a.objectType', 'a.objectId', 'a.data', 'a.createdAt', 'u.name as actorName'])
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute();
}
