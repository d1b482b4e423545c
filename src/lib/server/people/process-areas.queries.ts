import { sql } from 'kysely';
import type { Db } from '../db/index.js';

export type ProcessAreaRecord = { code: string; nameEn: string; nameNl: string };

/** Every process area with how many ideas and knowledge-base entries name it (one statement). */
export function listProcessAreaRows(db: Db) {
	return db
		.selectFrom('processArea as a')
		.select((eb) => [
			'a.id',
			'a.code',
			'a.nameEn',
			'a.nameNl',
			'a.retiredAt',
			eb
				.selectFrom('idea')
				.whereRef('idea.processAreaId', '=', 'a.id')
				.select(sql<number>`count(*)::int`.as('n'))
				.as('ideas')
		])
		.orderBy('a.nameEn')
		.execute();
}

export function findProcessArea(db: Db, id: number) {
	return db.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl', 'retiredAt']).where('id', '=', id).executeTakeFirst();
}

export function lockProcessArea(db: Db, id: number) {
	return db
		.selectFrom('processArea')
		.select(['id', 'code', 'nameEn', 'nameNl', 'retiredAt'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function codeHolder(db: Db, code: string, exceptId: number | null) {
	return db
		.selectFrom('processArea')
		.select('id')
		.where('code', '=', code)
		.$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
		.executeTakeFirst();
}

export function insertProcessArea(db: Db, a: ProcessAreaRecord) {
	return db.insertInto('processArea').values(a).returning('id').executeTakeFirstOrThrow();
}

export function updateProcessAreaRow(db: Db, id: number, patch: Partial<ProcessAreaRecord>) {
	return db.updateTable('processArea').set(patch).where('id', '=', id).execute();
}

export function setProcessAreaRetired(db: Db, id: number, retired: boolean) {
	return db
		.updateTable('processArea')
		.set({ retiredAt: retired ? sql<Date>`now()` : null })
		.where('id', '=', id)
		.where('retiredAt', retired ? 'is' : 'is not', null)
		.returning('id')
		.executeTakeFirst();
}
