import { sql, type Kysely } from 'kysely';

/**
 * A comment carries the key its form was rendered with, like a new idea does: five identical
 * posts at once (a double click, a retry) store one comment.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE comment ADD COLUMN client_key uuid`.execute(db);
	await sql`CREATE UNIQUE INDEX comment_author_id_client_key_unique ON comment (author_id, client_key)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS comment_author_id_client_key_unique`.execute(db);
	await sql`ALTER TABLE comment DROP COLUMN IF EXISTS client_key`.execute(db);
}
