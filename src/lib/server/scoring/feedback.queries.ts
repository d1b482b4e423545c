/** What a team reads once a round is published: the rounds its idea was judged in, and the idea. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

/** The published rounds an idea was judged in, for its feedback page. */
export function listPublishedEntriesOfIdea(db: Db, ideaId: number) {
	return publishedEntriesQuery(db, ideaId).execute();
}

function publishedEntriesQuery(db: Db, ideaId: number) {
	return db
		.selectFrom('roundEntry as e')
		.innerJoin('round as r', 'r.id', 'e.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select([
			'e.roundId',
			'e.juryId',
			'e.outcome',
			'e.outcomeReason',
			'e.rank',
			'r.name as roundName',
			'r.kind',
			'r.position',
			'r.competitionId',
			'c.name as competitionName'
		])
		.where('e.ideaId', '=', ideaId)
		.where('r.status', '=', 'published')
		.orderBy('r.position');
}

/** The idea the feedback is about, with its team (who may read it) and its published rounds (listPublishedEntriesOfIdea), in one statement. */
export function findIdeaForFeedback(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'd.name as departmentName',
			jsonArrayFrom(eb.selectFrom('ideaMember as m').select(['m.userId']).whereRef('m.ideaId', '=', 'i.id')).as('team'),
			jsonArrayFrom(publishedEntriesQuery(db, ideaId)).as('entries')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}
