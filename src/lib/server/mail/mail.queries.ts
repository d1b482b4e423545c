import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { GROUP_DEFAULTS, type MailGroup } from './kinds.js';

/**
 * Stores 'off' for the person's groups; with `onlyWhereDigest`, only for those whose delivery
 * (stored, or the group's default) is the digest. An unknown person changes nothing.
 */
export async function turnGroupsOff(db: Db, userId: number, groups: MailGroup[], options: { onlyWhereDigest: boolean }): Promise<void> {
	const defaults = groups.map((g) => GROUP_DEFAULTS[g]);
	await sql`
		INSERT INTO mail_preference (user_id, kind_group, delivery, updated_at)
		SELECT u.id, g.kind_group, 'off', now()
		FROM app_user u
		CROSS JOIN unnest(${groups}::text[], ${defaults}::text[]) AS g(kind_group, default_delivery)
		LEFT JOIN mail_preference p ON p.user_id = u.id AND p.kind_group = g.kind_group
		WHERE u.id = ${userId}
			AND (NOT ${options.onlyWhereDigest}::boolean OR coalesce(p.delivery, g.default_delivery) = 'digest')
		ON CONFLICT (user_id, kind_group) DO UPDATE SET delivery = 'off', updated_at = now()`.execute(db);
}
