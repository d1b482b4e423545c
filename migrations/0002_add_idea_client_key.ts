import { sql, type Kysely } from 'kysely';

/**
 * A new idea carries a key made when its form was opened: a double click or a retry of
 * "save" finds the idea the first request made instead of creating a second one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE idea ADD COLUMN client_key uuid`.execute(db);
	await sql`CREATE UNIQUE INDEX idea_created_by_client_key_unique ON idea (created_by, client_key)`.execute(db);
	await sql`CREATE INDEX idea_merged_into_id_index ON idea (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(db);
	await sql`CREATE INDEX kb_entry_title_problem_trgm_index ON kb_entry USING gin ((title || ' ' || summary) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS kb_entry_title_problem_trgm_index`.execute(db);
	await sql`DROP INDEX IF EXISTS idea_merged_into_id_index`.execute(db);
	await sql`DROP INDEX IF EXISTS idea_created_by_client_key_unique`.execute(db);
	await sql`ALTER TABLE idea DROP COLUMN IF EXISTS client_key`.execute(db);
}
