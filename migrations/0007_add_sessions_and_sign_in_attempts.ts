import { sql, type Kysely } from 'kysely';

/**
 * Sessions held by the server, so signing out ends them (issue 10): the cookie carries a
 * random token, the table only its SHA-256. Sign-in attempts are counted in the database,
 * so the limit holds across several server instances.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE TABLE user_session (
		token_hash text PRIMARY KEY CONSTRAINT user_session_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
		user_id integer NOT NULL CONSTRAINT user_session_user_id_fkey REFERENCES app_user (id) ON DELETE CASCADE,
		created_at timestamptz NOT NULL DEFAULT now(),
		expires_at timestamptz NOT NULL,
		CONSTRAINT user_session_expires_at_check CHECK (expires_at > created_at)
	)`.execute(db);
	await sql`CREATE INDEX user_session_user_id_idx ON user_session (user_id)`.execute(db);
	await sql`CREATE TABLE sign_in_attempt (
		id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		key text NOT NULL CONSTRAINT sign_in_attempt_key_check CHECK (length(key) BETWEEN 1 AND 300),
		attempted_at timestamptz NOT NULL DEFAULT now()
	)`.execute(db);
	await sql`CREATE INDEX sign_in_attempt_key_attempted_at_idx ON sign_in_attempt (key, attempted_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP TABLE IF EXISTS sign_in_attempt`.execute(db);
	await sql`DROP TABLE IF EXISTS user_session`.execute(db);
}
