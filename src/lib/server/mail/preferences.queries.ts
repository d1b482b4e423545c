import { sql } from 'kysely';
import type { Db } from '../db/index.js';

/** The person's stored choices (a group without a row follows its default). */
export function listMailPreferences(db: Db, userId: number) {
	return db.selectFrom('mailPreference').select(['kindGroup', 'delivery']).where('userId', '=', userId).execute();
}

/**
 * Stores the person's choices in one statement: a group set to its default loses its row (so
 * it follows the default, should that ever change), any other group is written. Returns the
 * rows as they were before, to tell what changed.
 */
export async function replaceMailPreferences(
	db: Db,
	userId: number,
	choices: { custom: Array<{ group: string; delivery: string }>; asDefault: string[] }
) {
	const { rows } = await sql<{ kindGroup: string; delivery: string }>`
		WITH before AS (
			SELECT kind_group, delivery FROM mail_preference WHERE user_id = ${userId}
		), removed AS (
			DELETE FROM mail_preference WHERE user_id = ${userId} AND kind_group = ANY(${choices.asDefault}::text[])
		), written AS (
			INSERT INTO mail_preference (user_id, kind_group, delivery)
			SELECT ${userId}, c.kind_group, c.delivery
			FROM unnest(${choices.custom.map((c) => c.group)}::text[], ${choices.custom.map((c) => c.delivery)}::text[]) AS c (kind_group, delivery)
			ON CONFLICT (user_id, kind_group) DO UPDATE SET delivery = excluded.delivery, updated_at = now()
			WHERE mail_preference.delivery IS DISTINCT FROM excluded.delivery
		)
		SELECT kind_group, delivery FROM before`.execute(db);
	return rows;
}
