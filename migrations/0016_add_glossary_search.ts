import { sql, type Kysely } from 'kysely';

/**
 * The company glossary widens every search inside the search's own statement, so a change to
 * `glossary_term` counts at once in every process (nothing is cached outside the database):
 *
 * - `glossary_key(text)`: a term as it is compared: lower case, accents folded, every run of
 *   other characters one space ("Torque-wrench" and "torque wrench" are the same key);
 *   indexed on both sides of the pair.
 * - `kb_tsquery(text)`: the knowledge base's query for typed words (as the search page always
 *   built it): the words as typed, as English stems and as Dutch stems, accents folded.
 * - `kb_phrase_tsquery(text)`: the same for a glossary term as one phrase ("work instruction").
 * - `glossary_search(q)`: per glossary term found in `q` as whole words (either language,
 *   longest term first), the term is replaced by "(the term OR its translations)"; words
 *   without a pair search as today. Returns
 *   - `query`: the expanded query to match with (AND between the words, as today);
 *   - `typed`: the query as typed, and `translated`: the translations only, both to rank
 *     with (a typed word ranks above its translation in the same field);
 *   - `loose`: any meaningful word (stop words of English and Dutch ignored) or glossary
 *     group, for "solved before?", which reads free text;
 *   - `also`: the translations that were added, to show ("also searched: torque wrench").
 */
const statements = [
	sql`CREATE FUNCTION glossary_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
		AS $$ SELECT btrim(regexp_replace(lower(public.kb_unaccent($1)), '[^[:alnum:]]+', ' ', 'g')) $$`,
	sql`CREATE FUNCTION glossary_stems(text, regdictionary) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
		SELECT coalesce(string_agg(coalesce((ts_lexize($2, t.w))[1], t.w), ' ' ORDER BY t.n), '')
		FROM unnest(string_to_array(public.glossary_key($1), ' ')) WITH ORDINALITY AS t(w, n)
	$$`,
	sql`ALTER TABLE glossary_term ADD COLUMN en_key text GENERATED ALWAYS AS (glossary_stems(term_en, 'english_stem'::regdictionary)) STORED`,
	sql`ALTER TABLE glossary_term ADD COLUMN nl_key text GENERATED ALWAYS AS (glossary_stems(term_nl, 'dutch_stem'::regdictionary)) STORED`,
	sql`CREATE INDEX glossary_term_en_key_index ON glossary_term (en_key)`,
	sql`CREATE INDEX glossary_term_nl_key_index ON glossary_term (nl_key)`,
	sql`CREATE FUNCTION kb_tsquery(text) RETURNS tsquery LANGUAGE sql STABLE PARALLEL SAFE STRICT AS $$
		SELECT websearch_to_tsquery('simple'::regconfig, kb_unaccent($1))
			|| websearch_to_tsquery('english'::regconfig, kb_unaccent($1))
			|| websearch_to_tsquery('dutch'::regconfig, kb_unaccent($1))
	$$`,
	sql`CREATE FUNCTION kb_phrase_tsquery(text) RETURNS tsquery LANGUAGE sql STABLE PARALLEL SAFE STRICT AS $$
		SELECT phraseto_tsquery('simple'::regconfig, kb_unaccent($1))
			|| phraseto_tsquery('english'::regconfig, kb_unaccent($1))
			|| phraseto_tsquery('dutch'::regconfig, kb_unaccent($1))
	$$`,
	sql`CREATE FUNCTION glossary_search(q text, OUT query tsquery, OUT typed tsquery, OUT translated tsquery, OUT loose tsquery, OUT also text[])
		LANGUAGE plpgsql STABLE AS $$
		DECLARE
			work text := lower(kb_unaccent(coalesce(q, '')));
			words text[] := array_remove(string_to_array(glossary_key(coalesce(q, '')), ' '), '');
			en text[];
			nl text[];
			surface text[] := '{}';
			en_grams text[] := '{}';
			nl_grams text[] := '{}';
			n integer := least(coalesce(array_length(words, 1), 0), 40);
			groups tsquery[] := '{}';
			g tsquery;
			t tsquery;
			c record;
			w text;
			pattern text;
			k integer := 0;
		BEGIN
			typed := kb_tsquery(coalesce(q, ''));
			also := '{}';
			IF n > 0 THEN
				words := words[1:n];
				en := ARRAY(SELECT coalesce((ts_lexize('english_stem', x.w))[1], x.w) FROM unnest(words) WITH ORDINALITY AS x(w, o) ORDER BY x.o);
				nl := ARRAY(SELECT coalesce((ts_lexize('dutch_stem', x.w))[1], x.w) FROM unnest(words) WITH ORDINALITY AS x(w, o) ORDER BY x.o);
				-- every run of one to five words is a candidate term, compared by its stems
				FOR i IN 1..n LOOP
					FOR j IN i..least(n, i + 4) LOOP
						surface := surface || array_to_string(words[i:j], ' ');
						en_grams := en_grams || array_to_string(en[i:j], ' ');
						nl_grams := nl_grams || array_to_string(nl[i:j], ' ');
					END LOOP;
				END LOOP;
				FOR c IN
					SELECT s.surface, array_agg(DISTINCT s.other ORDER BY s.other) AS others, bool_or(s.same) AS same
					FROM (
						SELECT x.surface, gt.term_nl AS other, glossary_key(gt.term_nl) = x.surface AS same
							FROM unnest(surface, en_grams) AS x(surface, gram) JOIN glossary_term gt ON gt.en_key = x.gram
						UNION ALL
						SELECT x.surface, gt.term_en, glossary_key(gt.term_en) = x.surface
							FROM unnest(surface, nl_grams) AS x(surface, gram) JOIN glossary_term gt ON gt.nl_key = x.gram
					) s
					GROUP BY s.surface
					ORDER BY length(s.surface) DESC, s.surface
				LOOP
					pattern := '\\m' || replace(c.surface, ' ', '[^[:alnum:]]+') || '\\M';
					CONTINUE WHEN work !~ pattern;
					k := k + 1;
					work := regexp_replace(work, pattern, ' glossaryterm' || k || 'x ', 'g');
					g := kb_tsquery(c.surface);
					FOREACH w IN ARRAY c.others LOOP
						t := kb_phrase_tsquery(w);
						CONTINUE WHEN numnode(t) = 0;
						g := g || t;
						translated := CASE WHEN translated IS NULL THEN t ELSE translated || t END;
						IF glossary_key(w) <> c.surface THEN also := also || w; END IF;
					END LOOP;
					groups := groups || g;
					loose := CASE WHEN loose IS NULL THEN g ELSE loose || g END;
				END LOOP;
			END IF;
			-- the words left: any that is no stop word in English nor in Dutch, for "solved before?"
			FOREACH w IN ARRAY array_remove(regexp_split_to_array(work, '[^[:alnum:]]+'), '') LOOP
				CONTINUE WHEN length(w) < 3 OR w ~ '^glossaryterm[0-9]+x$'
					OR length(to_tsvector('english'::regconfig, w)) = 0 OR length(to_tsvector('dutch'::regconfig, w)) = 0;
				t := to_tsquery('simple'::regconfig, w) || to_tsquery('english'::regconfig, w) || to_tsquery('dutch'::regconfig, w);
				loose := CASE WHEN loose IS NULL THEN t ELSE loose || t END;
			END LOOP;
			IF k = 0 THEN
				query := typed;
				RETURN;
			END IF;
			query := kb_tsquery(work);
			FOR i IN 1..k LOOP
				query := ts_rewrite(query, ('glossaryterm' || i || 'x')::tsquery, groups[i]);
			END LOOP;
		END $$`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP FUNCTION IF EXISTS glossary_search(text)`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_phrase_tsquery(text)`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_tsquery(text)`.execute(db);
	await sql`DROP INDEX IF EXISTS glossary_term_nl_key_index`.execute(db);
	await sql`DROP INDEX IF EXISTS glossary_term_en_key_index`.execute(db);
	await sql`ALTER TABLE glossary_term DROP COLUMN IF EXISTS nl_key`.execute(db);
	await sql`ALTER TABLE glossary_term DROP COLUMN IF EXISTS en_key`.execute(db);
	await sql`DROP FUNCTION IF EXISTS glossary_stems(text, regdictionary)`.execute(db);
	await sql`DROP FUNCTION IF EXISTS glossary_key(text)`.execute(db);
}
