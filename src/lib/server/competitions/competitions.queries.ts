import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';

type Db = Database | Transaction<DB>;

/** Calls whose submission window is open now. */
export function listOpenCalls(db: Db) {
	return db
		.selectFrom('competition')
		.select(['id', 'slug', 'name', 'callText', 'submissionOpensAt', 'submissionClosesAt'])
		.where('status', '=', 'open')
		.where('submissionOpensAt', '<=', sql<Date>`now()`)
		.where('submissionClosesAt', '>', sql<Date>`now()`)
		.orderBy('submissionClosesAt')
		.execute();
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
