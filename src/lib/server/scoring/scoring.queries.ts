import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';

type Db = Database | Transaction<DB>;

/**
 * The juror's rounds with their progress, in one query: ideas in the scope of the juror's
 * jury, less the ideas they have a conflict with, and how many sheets they completed.
 */
export function listJurorRounds(db: Db, jurorId: number) {
	return db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.leftJoin('department as d', 'd.id', 'j.departmentId')
		.select((eb) => [
			'r.id as roundId',
			'r.name as roundName',
			'r.status',
			'r.scoringOpensAt',
			'r.scoringClosesAt',
			'c.name as competitionName',
			'j.name as juryName',
			'd.name as departmentName',
			eb
				.selectFrom('roundEntry as e')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where((w) =>
					w.not(
						w.exists(
							w.selectFrom('conflictOfInterest as ci').whereRef('ci.ideaId', '=', 'e.ideaId').where('ci.userId', '=', jurorId).select('ci.id')
						)
					)
				)
				.as('toScore'),
			eb
				.selectFrom('scoreSheet as s')
				.innerJoin('roundEntry as e', (jn) => jn.onRef('e.roundId', '=', 's.roundId').onRef('e.ideaId', '=', 's.ideaId'))
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('e.juryId', '=', 'j.id')
				.where('s.jurorId', '=', jurorId)
				.where('s.submittedAt', 'is not', null)
				.as('scored')
		])
		.where('jm.userId', '=', jurorId)
		.where('r.status', 'in', ['open', 'draft', 'closed'])
		.orderBy('r.status', 'desc')
		.orderBy('r.position')
		.execute();
}
