import { sql, type Kysely } from 'kysely';

/**
 * Knowledge-base search at a million entries (issue 12):
 * - the "did you mean" lookup asks for the published titles nearest a word (`<<->` with
 *   LIMIT); only a GiST trigram index can return rows in that order, the GIN one only filters,
 *   so PostgreSQL scored every title that shared a trigram with the word;
 * - browsing newest first and most adopted first reads the page straight from an index whose
 *   order ends in the id, the page's last tie-break.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE INDEX kb_entry_title_trgm_gist_index ON kb_entry USING gist (title gist_trgm_ops) WHERE status = 'published'`.execute(
		db
	);
	await sql`DROP INDEX IF EXISTS kb_entry_published_at_index`.execute(db);
	await sql`CREATE INDEX kb_entry_published_at_index ON kb_entry (published_at DESC, id DESC) WHERE status = 'published'`.execute(db);
	await sql`DROP INDEX IF EXISTS kb_entry_adoption_count_index`.execute(db);
	await sql`CREATE INDEX kb_entry_adoption_count_index ON kb_entry (adoption_count DESC, published_at DESC, id DESC) WHERE status = 'published'`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS kb_entry_adoption_count_index`.execute(db);
	await sql`CREATE INDEX kb_entry_adoption_count_index ON kb_entry (adoption_count DESC, published_at DESC) WHERE status = 'published'`.execute(
		db
	);
	await sql`DROP INDEX IF EXISTS kb_entry_published_at_index`.execute(db);
	await sql`CREATE INDEX kb_entry_published_at_index ON kb_entry (published_at DESC) WHERE status = 'published'`.execute(db);
	await sql`DROP INDEX IF EXISTS kb_entry_title_trgm_gist_index`.execute(db);
}
