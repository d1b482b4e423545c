import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';

type Db = Database | Transaction<DB>;

/** Every idea the person is on the team of, newest activity first. */
export function listIdeasOfMember(db: Db, userId: number, limit = 50) {
	return db
		.selectFrom('idea as i')
		.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'i.id').on('m.userId', '=', userId))
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select(['i.id', 'i.title', 'i.status', 'i.updatedAt', 'i.submittedAt', 'm.role', 'c.name as competitionName'])
		.orderBy('i.updatedAt', 'desc')
		.orderBy('i.id', 'desc')
		.limit(limit)
		.execute();
}

/** Ideas per status in these competitions: one grouped query. */
export function countIdeasByStatus(db: Db, competitionIds: number[]) {
	if (competitionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('idea')
		.select(['competitionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('competitionId', 'in', competitionIds)
		.groupBy(['competitionId', 'status'])
		.execute();
}

/**
 * Submitted ideas still without an answer, per competition, with the oldest wait. The
 * response time is in working days; the exact count is made by the domain rule, this
 * query only narrows to candidates.
 */
export function listUnansweredSubmissions(db: Db, competitionIds: number[]) {
	if (competitionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('idea')
		.select(['id', 'competitionId', 'submittedAt'])
		.where('competitionId', 'in', competitionIds)
		.where('status', 'in', ['submitted', 'screening'])
		.where('submittedAt', 'is not', null)
		.orderBy('submittedAt')
		.execute();
}

export function countIdeas(db: Db) {
	return db.selectFrom('idea').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
}
