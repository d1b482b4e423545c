import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { MARK_START, MARK_STOP } from './highlight.js';

export type SearchFilters = {
	q: string;
	departmentId?: number;
	processAreaId?: number;
	tag?: string;
	year?: number;
	award?: string;
	sort: 'relevance' | 'newest' | 'adopted';
	limit: number;
	offset: number;
};

export type SearchRow = {
	id: number;
	title: string;
	summary: string;
	departmentId: number;
	departmentName: string;
	processAreaId: number | null;
	processAreaEn: string | null;
	processAreaNl: string | null;
	award: string | null;
	publishedAt: string;
	adoptionCount: number;
	rank: number;
	tags: string[];
	titleHeadline: string | null;
	headlineEn: string | null;
	headlineNl: string | null;
};

export type FacetRow = {
	facet: 'department' | 'process_area' | 'tag' | 'year' | 'award';
	key: string;
	labelEn: string;
	labelNl: string;
	n: number;
};

export type SearchResult = {
	/** Matches, at most SEARCH_CAP */
	total: number;
	/** More than SEARCH_CAP matched: the total is "more than", the facets count the first SEARCH_CAP */
	capped: boolean;
	rows: SearchRow[];
	facets: FacetRow[];
	/** Misspelt word -> suggested word, looked up when fewer than three matched */
	suggestions: Map<string, string>;
	/** The glossary's translations the search added ("also searched: torque wrench") */
	also: string[];
};

/**
 * The query as the search reads it, in the search's own statement: `glossary_search` (migration
 * 0016) reads the words as typed, as English stems and as Dutch stems, accents folded, and replaces each glossary term found in the words by "(the term OR its translations)", so
 * "momentsleutel kalibratie" finds "torque wrench ... calibration"; it reads glossary_term
 * there and then, so an organiser's change counts at once everywhere. `query` matches,
 * `typed` and `translated` rank, `also` lists the translations added.
 */
export function glossaryQuery(q: string): RawBuilder<unknown> {
	return sql`SELECT g.query, g.typed, g.translated, g.loose, g.also FROM glossary_search(${q}) g`;
}

/**
 * Ranking: weights D, C, B, A = 0.02, 0.05, 0.1, 1 (A = title, B = summary, problem and
 * solution, C = tags and attachment names), so an entry whose title matches ranks above one
 * that only mentions the words in its body; ties go to the newest.
 */
export const RANK_WEIGHTS = sql.raw(`'{0.02,0.05,0.1,1.0}'::float4[]`);

/**
 * A typed word counts fully, a glossary translation half: an entry that says "momentsleutel"
 * in its title ranks above one that says "torque wrench" in its title for the query
 * "momentsleutel", and either ranks above one that only says it in its body (the field
 * weights are ten times apart).
 */
export const TRANSLATION_WEIGHT = 0.5;
function rankSql(doc: RawBuilder<unknown>): RawBuilder<unknown> {
	return sql`(ts_rank(${RANK_WEIGHTS}, ${doc}, q.typed) + CASE WHEN q.translated IS NULL THEN 0 ELSE ${sql.raw(String(TRANSLATION_WEIGHT))} * ts_rank(${RANK_WEIGHTS}, ${doc}, q.translated) END)::float4`;
}

function where(f: SearchFilters): RawBuilder<unknown> {
	const parts: RawBuilder<unknown>[] = [sql`k.status = 'published'`];
	if (f.q) parts.push(sql`k.search_doc @@ q.query`);
	if (f.departmentId) parts.push(sql`k.department_id = ${f.departmentId}`);
	if (f.processAreaId) parts.push(sql`k.process_area_id = ${f.processAreaId}`);
	if (f.award) parts.push(sql`k.award = ${f.award}`);
	if (f.year)
		parts.push(
			sql`k.published_at >= make_timestamptz(${f.year}, 1, 1, 0, 0, 0, 'UTC') AND k.published_at < make_timestamptz(${f.year + 1}, 1, 1, 0, 0, 0, 'UTC')`
		);
	if (f.tag)
		parts.push(
			sql`k.id IN (SELECT kt.kb_entry_id FROM kb_entry_tag kt WHERE kt.tag_id = (SELECT t.id FROM tag t WHERE t.name = ${f.tag}))`
		);
	return sql.join(parts, sql` AND `);
}

function orderBy(f: SearchFilters, alias: 'm' | 'p' | 'k'): RawBuilder<unknown> {
	const a = sql.raw(alias);
	if (f.sort === 'adopted') return sql`${a}.adoption_count DESC, ${a}.published_at DESC, ${a}.id DESC`;
	if (f.sort === 'relevance' && f.q) return sql`${a}.rank DESC, ${a}.published_at DESC, ${a}.id DESC`;
	return sql`${a}.published_at DESC, ${a}.id DESC`;
}

/**
 * At most this many matches are counted, ranked and summed into facets: the total then reads
 * "more than 10,000" (500 pages of 20, the last page anyone can open), and the facet counts
 * are those of the first 10,000 matches found. Up to it everything is exact. Without the cap,
 * a word found in a third of a million entries ranked, counted and grouped all of them.
 */
export const SEARCH_CAP = 10_000;

/** The suggestion's words (see suggestWords): at most six of at least three letters. */
const WORD = /[\p{L}\p{N}]+/gu;
export function suggestionWords(q: string): string[] {
	return [...new Set((q.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3))].slice(0, 6);
}

/**
 * "Did you mean", per word: the closest word of a published title by trigram similarity
 * (typo-tolerant: "calibraton" -> "calibration"), from kb_title_word (every title word with a
 * letter in it, kept by a trigger), among those the word matches well enough (`<%`).
 */
function suggestionSql(words: string[]): RawBuilder<unknown> {
	const values = sql.join(words.map((w, i) => sql`(${w}::text, ${i}::int)`));
	return sql`
		SELECT json_agg(json_build_object('term', w.term, 'word', best.word, 'score', best.score) ORDER BY w.n)
		FROM (VALUES ${values}) AS w(term, n)
		LEFT JOIN LATERAL (
			SELECT t.word, similarity(t.word, w.term) AS score
			FROM kb_title_word t
			WHERE w.term <% t.word
			ORDER BY similarity(t.word, w.term) DESC, t.word
			LIMIT 1
		) best ON true`;
}

export type Suggestion = { term: string; word: string | null; score: number | null };

/**
 * The search and browse page in one statement: one page of the matching published entries
 * (filters applied) with highlighted snippets, the total and the facet counts over at most
 * SEARCH_CAP + 1 matches, and, when fewer than three matched, the suggestion's words. Only
 * published entries are ever read.
 *
 * Cost follows the page, not the matches: browsing and sorting by date or adoptions read the
 * page straight from an index in that order; best-match ranking, the total and the facets
 * read at most SEARCH_CAP + 1 matches, the first ones found.
 */
export function searchStatement(f: SearchFilters): RawBuilder<{
	total: number;
	rows: SearchRow[] | null;
	facets: FacetRow[] | null;
	also: string[] | null;
	suggestions: Suggestion[] | null;
}> {
	const rank = f.q ? rankSql(sql`k.search_doc`) : sql`0::float4`;
	const ranked = f.sort === 'relevance' && !!f.q;
	const headline = (config: string, body: RawBuilder<unknown>) =>
		f.q
			? sql`ts_headline(${sql.raw(`'${config}'::regconfig`)}, ${body}, q.query, ${`StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`
			: sql`NULL::text`;
	const words = f.q ? suggestionWords(f.q) : [];
	const columns = (a: string) => {
		const k = sql.raw(a);
		return sql`${k}.id, ${k}.department_id, ${k}.process_area_id, ${k}.award, ${k}.published_at, ${k}.adoption_count`;
	};
	// Ranked, or all matches in hand: the page from them. Otherwise (more than SEARCH_CAP
	// matched, newest or most adopted first) straight from the index in that order; the
	// branch not taken is never run (its one-time filter is false).
	const fromMatches = sql`SELECT m.* FROM m ORDER BY ${orderBy(f, 'm')} LIMIT ${f.limit} OFFSET ${f.offset}`;
	const page = ranked
		? fromMatches
		: sql`SELECT * FROM (${fromMatches}) a WHERE (SELECT count(*) FROM m) <= ${SEARCH_CAP}
			UNION ALL
			SELECT * FROM (
				SELECT ${columns('k')}, 0::float4 AS rank FROM kb_entry k, q WHERE ${where(f)} ORDER BY ${orderBy(f, 'k')} LIMIT ${f.limit} OFFSET ${f.offset}
			) b WHERE (SELECT count(*) FROM m) > ${SEARCH_CAP}`;
	return sql`
		WITH q AS (${f.q ? glossaryQuery(f.q) : sql`SELECT NULL::tsquery AS query, NULL::tsquery AS typed, NULL::tsquery AS translated, NULL::tsquery AS loose, '{}'::text[] AS also`}),
		m AS MATERIALIZED (
			SELECT ${columns('k')}, ${ranked ? rank : sql`0::float4`} AS rank
			FROM kb_entry k, q
			WHERE ${where(f)}
			LIMIT ${SEARCH_CAP + 1}
		),
		counted AS (SELECT * FROM m LIMIT ${SEARCH_CAP}),
		page AS MATERIALIZED (${page}),
		page_rows AS (
			SELECT p.id, k.title, k.summary, p.department_id AS "departmentId", d.name AS "departmentName",
				p.process_area_id AS "processAreaId", pa.name_en AS "processAreaEn", pa.name_nl AS "processAreaNl",
				p.award, p.published_at AS "publishedAt", p.adoption_count AS "adoptionCount", p.rank,
				coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM kb_entry_tag kt JOIN tag t ON t.id = kt.tag_id WHERE kt.kb_entry_id = p.id), '{}') AS tags,
				${f.q ? sql`ts_headline('simple'::regconfig, k.title, q.query, ${`StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`})` : sql`NULL::text`} AS "titleHeadline",
				${headline('english', sql`k.summary || ' ' || k.problem || ' ' || k.solution`)} AS "headlineEn",
				${headline('dutch', sql`k.summary || ' ' || k.problem || ' ' || k.solution`)} AS "headlineNl",
				row_number() OVER (ORDER BY ${orderBy(f, 'p')}) AS position
			FROM page p
			JOIN kb_entry k ON k.id = p.id
			JOIN department d ON d.id = p.department_id
			LEFT JOIN process_area pa ON pa.id = p.process_area_id
			CROSS JOIN q
		),
		facets AS (
			SELECT 'department' AS facet, d.id::text AS key, d.name AS "labelEn", d.name AS "labelNl", count(*)::int AS n
				FROM counted m JOIN department d ON d.id = m.department_id GROUP BY d.id, d.name
			UNION ALL
			SELECT 'process_area', pa.id::text, pa.name_en, pa.name_nl, count(*)::int
				FROM counted m JOIN process_area pa ON pa.id = m.process_area_id GROUP BY pa.id, pa.name_en, pa.name_nl
			UNION ALL
			SELECT 'year', y::text, y::text, y::text, count(*)::int
				FROM (SELECT extract(year FROM m.published_at AT TIME ZONE 'UTC')::int AS y FROM counted m) ys GROUP BY y
			UNION ALL
			SELECT 'award', m.award, m.award, m.award, count(*)::int FROM counted m WHERE m.award IS NOT NULL GROUP BY m.award
			UNION ALL
			(SELECT 'tag', t.name, t.name, t.name, count(*)::int
				FROM counted m JOIN kb_entry_tag kt ON kt.kb_entry_id = m.id JOIN tag t ON t.id = kt.tag_id
				GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT 20)
		)
		SELECT
			(SELECT count(*)::int FROM m) AS total,
			(SELECT json_agg(r ORDER BY r.position) FROM page_rows r) AS rows,
			(SELECT json_agg(f) FROM facets f) AS facets,
			(SELECT q.also FROM q) AS also,
			${words.length ? sql`CASE WHEN (SELECT count(*) FROM m) < 3 THEN (${suggestionSql(words)}) END` : sql`NULL::json`} AS suggestions
	`;
}

export async function searchEntries(db: Db, f: SearchFilters): Promise<SearchResult> {
	const { rows } = await searchStatement(f).execute(db);
	const row = rows[0];
	const total = row?.total ?? 0;
	const suggestions = new Map<string, string>();
	for (const r of row?.suggestions ?? []) if (r.word && (r.score ?? 0) >= 0.3) suggestions.set(r.term, r.word);
	return {
		total: Math.min(total, SEARCH_CAP),
		capped: total > SEARCH_CAP,
		rows: row?.rows ?? [],
		facets: row?.facets ?? [],
		suggestions,
		also: row?.also ?? []
	};
}
