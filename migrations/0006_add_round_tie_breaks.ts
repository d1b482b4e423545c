import { sql, type Kysely } from 'kysely';

/** A round's own tie-break order (issue 5: "the tie-break order, default: roll-out, jurors, earlier submission"). */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE round ADD COLUMN tie_breaks text[] NOT NULL DEFAULT '{roll_out,jurors,submitted_at}'`.execute(db);
	await sql`ALTER TABLE round ADD CONSTRAINT round_tie_breaks_check CHECK (
		cardinality(tie_breaks) = 3 AND tie_breaks @> ARRAY['roll_out', 'jurors', 'submitted_at']::text[])`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE round DROP COLUMN IF EXISTS tie_breaks`.execute(db);
}
