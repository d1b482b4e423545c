/** Lists of ideas: a member's, the screening queue, the organiser's filtered list, the home page's counts, "solved before?". */
import { sql } from 'kysely';
import { teamNames } from './idea-columns.js';
import { UNANSWERED } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';
import { RANK_WEIGHTS } from '../knowledge-base/kb-search.queries.js';

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

/** One "solved before?" result: a published entry (maybe with the idea it came from) or an idea. */
export type SimilarResult =
	| { kind: 'kb'; id: number; title: string; summary: string; ideaId: number | null; ideaTitle: string | null; score: number }
	| { kind: 'idea'; id: number; title: string; status: string; score: number };

/**
 * "Solved before?" in one statement: published knowledge-base entries and ideas the reader may
 * already see, like free text (a title while it is typed): any meaningful word matches (stop
 * words of English and Dutch ignored), widened by the company glossary both ways
 * (glossary_search's `loose` query), or the title's trigram similarity; best first.
 *
 * Each improvement once: an idea that became a published entry is that entry (the link goes
 * to the entry, which names the idea it came from), whether the idea or the entry matched.
 */
export async function findSimilar(db: Db, text: string, visibleIdeaStatuses: readonly string[], excludeIdeaId: number | null, limit = 5) {
	const statuses = sql.join(visibleIdeaStatuses.map((s) => sql`${s}`));
	const exclude = excludeIdeaId ?? 0;
	const { rows } = await sql<{ results: SimilarResult[] | null }>`
		WITH q AS (SELECT g.loose FROM glossary_search(${text}) g),
		kb_hits AS (
			SELECT k.id AS entry_id, greatest(similarity(k.title, ${text}), ts_rank(${RANK_WEIGHTS}, k.search_doc, q.loose)) AS score
			FROM kb_entry k, q
			WHERE k.status = 'published' AND k.idea_id IS DISTINCT FROM ${exclude}::int
				AND (k.title % ${text} OR k.search_doc @@ q.loose)
			ORDER BY score DESC, k.id DESC
			LIMIT ${limit * 2}
		),
		idea_hits AS (
			SELECT i.id AS idea_id, greatest(similarity(i.title, ${text}), ts_rank(${RANK_WEIGHTS}, i.search_doc, q.loose)) AS score
			FROM idea i JOIN competition c ON c.id = i.competition_id, q
			WHERE i.status IN (${statuses}) AND c.submission_closes_at <= now() AND i.id <> ${exclude}::int
				AND (i.title % ${text} OR i.search_doc @@ q.loose)
			ORDER BY score DESC, i.id DESC
			LIMIT ${limit * 2}
		),
		hits AS (
			SELECT entry_id, NULL::int AS idea_id, score FROM kb_hits
			UNION ALL
			SELECT e.id, CASE WHEN e.id IS NULL THEN h.idea_id END, h.score
			FROM idea_hits h
			LEFT JOIN LATERAL (SELECT k.id FROM kb_entry k WHERE k.idea_id = h.idea_id AND k.status = 'published' ORDER BY k.id LIMIT 1) e ON true
		),
		best AS (
			SELECT entry_id, idea_id, max(score) AS score FROM hits GROUP BY entry_id, idea_id
			ORDER BY max(score) DESC, entry_id DESC NULLS LAST, idea_id DESC
			LIMIT ${limit}
		)
		SELECT json_agg(r.result ORDER BY r.score DESC, r.entry_id DESC NULLS LAST, r.idea_id DESC) AS results FROM (
			SELECT b.score, b.entry_id, b.idea_id,
				CASE WHEN b.entry_id IS NULL
					THEN json_build_object('kind', 'idea', 'id', i.id, 'title', i.title, 'status', i.status, 'score', b.score)
					ELSE json_build_object('kind', 'kb', 'id', k.id, 'title', k.title, 'summary', k.summary, 'ideaId', k.idea_id, 'ideaTitle', src.title, 'score', b.score)
				END AS result
			FROM best b
			LEFT JOIN kb_entry k ON k.id = b.entry_id
			LEFT JOIN idea src ON src.id = k.idea_id
			LEFT JOIN idea i ON i.id = b.idea_id
		) r`.execute(db);
	const results = rows[0]?.results ?? [];
	return { results };
}
