/** Lists of ideas: a member's, the screening queue, the organiser's filtered list, the home page's counts, "solved before?". */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { teamNames } from './idea-columns.js';
import { UNANSWERED } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';

/**
 * Every idea the person is on the team of, newest activity first, with their part in it
 * ('owner', 'member', or 'helper': helping without credit) and who entered it for its owner.
 */
export function listIdeasOfMember(db: Db, userId: number, limit = 50) {
	return db
		.selectFrom('idea as i')
		.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'i.id').on('m.userId', '=', userId))
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.leftJoin('appUser as enteredBy', 'enteredBy.id', 'i.enteredBy')
		.select([
			'i.id',
			'i.title',
			'i.status',
			'i.updatedAt',
			'i.submittedAt',
			'm.role',
			'c.name as competitionName',
			'enteredBy.name as enteredByName'
		])
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
		.where('status', 'in', UNANSWERED)
		.where('submittedAt', 'is not', null)
		.orderBy('submittedAt')
		.execute();
}

/** Ideas waiting for an organiser's answer, oldest first, with their team's names. */
export function listScreeningQueue(db: Db) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.innerJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.version',
			'i.submittedAt',
			'i.firstSubmittedAt',
			'd.name as departmentName',
			'c.name as competitionName',
			'c.responseDays',
			teamNames(eb.ref('i.id'))
		])
		.where('i.status', 'in', UNANSWERED)
		.orderBy('i.submittedAt')
		.orderBy('i.id')
		.execute();
}

export type IdeaListFilter = {
	competitionId?: number;
	departmentId?: number;
	status?: string;
	tag?: string;
	q?: string;
	sort: 'submitted' | 'updated' | 'title' | 'status';
	dir: 'asc' | 'desc';
	limit: number;
	offset: number;
};

/**
 * The organiser's list of all ideas (drafts excepted): filtered, sorted and paged in one query.
 * The page's ids and the total are found first; the team and the tags are read for those
 * rows only, not for every match the count goes over.
 */
export function listIdeas(db: Db, f: IdeaListFilter) {
	let matches = db
		.selectFrom('idea as i')
		.select(['i.id', sql<number>`count(*) over ()`.as('total')])
		.where('i.status', '<>', 'draft');
	if (f.competitionId) matches = matches.where('i.competitionId', '=', f.competitionId);
	if (f.departmentId) matches = matches.where('i.departmentId', '=', f.departmentId);
	if (f.status) matches = matches.where('i.status', '=', f.status);
	if (f.tag) {
		const tag = f.tag;
		matches = matches.where((eb) =>
			eb.exists(
				eb
					.selectFrom('ideaTag as it')
					.innerJoin('tag as t', 't.id', 'it.tagId')
					.whereRef('it.ideaId', '=', 'i.id')
					.where('t.name', '=', tag)
					.select('it.ideaId')
			)
		);
	}
	if (f.q) {
		const q = f.q;
		matches = matches.where((eb) =>
			eb.or([
				eb(sql`i.search_doc`, '@@', sql`plainto_tsquery('simple', ${q})`),
				eb('i.title', 'ilike', `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
			])
		);
	}
	const column = { submitted: 'i.submittedAt', updated: 'i.updatedAt', title: 'i.title', status: 'i.status' } as const;
	const page = matches
		.orderBy(column[f.sort], (ob) => (f.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
		.orderBy('i.id', f.dir)
		.limit(f.limit)
		.offset(f.offset);
	return db
		.selectFrom(page.as('p'))
		.innerJoin('idea as i', 'i.id', 'p.id')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.submittedAt',
			'i.updatedAt',
			'd.name as departmentName',
			'c.name as competitionName',
			teamNames(eb.ref('i.id')),
			eb
				.selectFrom('ideaTag as it')
				.innerJoin('tag as t', 't.id', 'it.tagId')
				.select(sql<string>`string_agg(t.name, ', ' order by t.name)`.as('names'))
				.whereRef('it.ideaId', '=', 'i.id')
				.as('tags'),
			'p.total'
		])
		.orderBy(column[f.sort], (ob) => (f.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
		.orderBy('i.id', f.dir)
		.execute();
}

/**
 * "Solved before?": published knowledge-base entries and ideas the reader may already see,
 * by word match or trigram similarity to what they are typing.
 */
export async function findSimilar(db: Db, text: string, visibleIdeaStatuses: readonly string[], excludeIdeaId: number | null, limit = 5) {
	return db
		.selectNoFrom((eb) => [
			jsonArrayFrom(
				eb
					.selectFrom('kbEntry as k')
					.select([
						'k.id',
						'k.title',
						'k.summary',
						sql<number>`greatest(similarity(k.title, ${text}), ts_rank(k.search_doc, websearch_to_tsquery('simple', ${text})))`.as('score')
					])
					.where('k.status', '=', 'published')
					.where(sql<boolean>`(k.title % ${text} or k.search_doc @@ plainto_tsquery('simple', ${text}))`)
					.orderBy('score', 'desc')
					.limit(limit)
			).as('kb'),
			jsonArrayFrom(
				eb
					.selectFrom('idea as i')
					.innerJoin('competition as c', 'c.id', 'i.competitionId')
					.select([
						'i.id',
						'i.title',
						'i.status',
						sql<number>`greatest(similarity(i.title, ${text}), ts_rank(i.search_doc, plainto_tsquery('simple', ${text})))`.as('score')
					])
					.where('i.status', 'in', [...visibleIdeaStatuses])
					.where('c.submissionClosesAt', '<=', sql<Date>`now()`)
					.$if(excludeIdeaId !== null, (qb) => qb.where('i.id', '<>', excludeIdeaId!))
					.where(sql<boolean>`(i.title % ${text} or i.search_doc @@ plainto_tsquery('simple', ${text}))`)
					.orderBy('score', 'desc')
					.limit(limit)
			).as('ideas')
		])
		.executeTakeFirstOrThrow();
}
