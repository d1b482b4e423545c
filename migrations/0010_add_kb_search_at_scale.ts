import { sql, type Kysely } from 'kysely';

/**
 * Knowledge-base search at a million entries (issue 12):
 * - "did you mean" looks for the words nearest a misspelt one among the words of published
 *   titles. Searching the titles themselves scored tens of thousands of them per word (a GIN
 *   trigram index cannot return the nearest first; a GiST one can, but on a million titles
 *   it still took over a second). `kb_title_word` holds each word of at least three
 *   characters with a letter in it, accents folded, lower case, with the number of published
 *   entries whose title has it; a trigger on kb_entry keeps it (bulk loads may switch the
 *   trigger off and call kb_title_words_rebuild() after);
 * - browsing newest first and most adopted first reads the page straight from an index whose
 *   order ends in the id, the page's last tie-break.
 */
const statements = [
	sql`CREATE TABLE kb_title_word (
		word text PRIMARY KEY,
		entries integer NOT NULL CONSTRAINT kb_title_word_entries_check CHECK (entries > 0)
	)`,
	sql`CREATE INDEX kb_title_word_trgm_index ON kb_title_word USING gin (word gin_trgm_ops)`,
	sql`CREATE FUNCTION kb_title_words(title text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
		SELECT DISTINCT w FROM regexp_split_to_table(lower(kb_unaccent(title)), '[^[:alnum:]]+') AS w
		WHERE length(w) >= 3 AND w ~ '[[:alpha:]]'
	$$`,
	sql`CREATE FUNCTION kb_title_word_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
				DELETE FROM kb_title_word WHERE entries = 1 AND word IN (SELECT kb_title_words(OLD.title));
				UPDATE kb_title_word SET entries = entries - 1 WHERE word IN (SELECT kb_title_words(OLD.title));
			END IF;
			IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
				INSERT INTO kb_title_word (word, entries) SELECT kb_title_words(NEW.title), 1
				ON CONFLICT (word) DO UPDATE SET entries = kb_title_word.entries + 1;
			END IF;
			RETURN NULL;
		END $$`,
	sql`CREATE TRIGGER kb_entry_title_word_refresh AFTER INSERT OR DELETE OR UPDATE OF title, status ON kb_entry
		FOR EACH ROW EXECUTE FUNCTION kb_title_word_refresh()`,
	sql`CREATE FUNCTION kb_title_words_rebuild() RETURNS void LANGUAGE sql AS $$
		DELETE FROM kb_title_word;
		INSERT INTO kb_title_word (word, entries)
			SELECT w, count(*) FROM kb_entry k CROSS JOIN LATERAL kb_title_words(k.title) AS w WHERE k.status = 'published' GROUP BY w;
	$$`,
	sql`SELECT kb_title_words_rebuild()`,
	sql`DROP INDEX IF EXISTS kb_entry_published_at_index`,
	sql`CREATE INDEX kb_entry_published_at_index ON kb_entry (published_at DESC, id DESC) WHERE status = 'published'`,
	sql`DROP INDEX IF EXISTS kb_entry_adoption_count_index`,
	sql`CREATE INDEX kb_entry_adoption_count_index ON kb_entry (adoption_count DESC, published_at DESC, id DESC) WHERE status = 'published'`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS kb_entry_adoption_count_index`.execute(db);
	await sql`CREATE INDEX kb_entry_adoption_count_index ON kb_entry (adoption_count DESC, published_at DESC) WHERE status = 'published'`.execute(
		db
	);
	await sql`DROP INDEX IF EXISTS kb_entry_published_at_index`.execute(db);
	await sql`CREATE INDEX kb_entry_published_at_index ON kb_entry (published_at DESC) WHERE status = 'published'`.execute(db);
	await sql`DROP TRIGGER IF EXISTS kb_entry_title_word_refresh ON kb_entry`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_title_words_rebuild()`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_title_word_refresh()`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_title_words(text)`.execute(db);
	await sql`DROP TABLE IF EXISTS kb_title_word`.execute(db);
}
