import { sql, type Kysely } from 'kysely';

/**
 * Every colleague's voice (issue 16): an ideas wall across departments, a one-minute idea
 * from the floor, and ideas entered on a colleague's behalf.
 *
 * - `idea_support`: one colleague supports an idea once, optionally "this would help us too
 *   in <department>"; the departments named become suggested candidate departments for its
 *   roll-out. `idea_follow`: a colleague follows an idea; its public updates reach them.
 *   `idea.support_count` and `follow_count` are kept in the same transaction as the rows, so
 *   the wall sorts by them without counting per request.
 * - `idea.location`: where it happens ("Line 3", "the goods-in dock"), from the one-minute
 *   idea or its poster.
 * - `idea.entered_by`: the team leader or mentor who typed the idea in for a colleague; the
 *   colleague is its owner (credited as the submitter), the one who entered it joins the team
 *   as a `helper` (edits, answers a return) without being credited. A colleague asked to help
 *   develop a one-minute idea is a helper too.
 * - `comment.hidden_*`: an organiser hides a comment with a reason; it vanishes for everyone
 *   but organisers, and comes back when shown again.
 */
const statements = [
	sql`ALTER TABLE idea_member DROP CONSTRAINT idea_member_role_check`,
	sql`ALTER TABLE idea_member ADD CONSTRAINT idea_member_role_check CHECK (role IN ('owner', 'member', 'helper'))`,
	sql`ALTER TABLE idea
		ADD COLUMN location text NOT NULL DEFAULT '' CONSTRAINT idea_location_check CHECK (length(location) <= 200),
		ADD COLUMN entered_by integer REFERENCES app_user (id) ON DELETE RESTRICT,
		ADD COLUMN support_count integer NOT NULL DEFAULT 0 CONSTRAINT idea_support_count_check CHECK (support_count >= 0),
		ADD COLUMN follow_count integer NOT NULL DEFAULT 0 CONSTRAINT idea_follow_count_check CHECK (follow_count >= 0)`,
	sql`CREATE TABLE idea_support (
		idea_id integer NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
		user_id integer NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
		department_id integer REFERENCES department (id) ON DELETE RESTRICT,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (idea_id, user_id)
	)`,
	sql`CREATE INDEX idea_support_user_id_index ON idea_support (user_id)`,
	sql`CREATE INDEX idea_support_department_id_index ON idea_support (department_id) WHERE department_id IS NOT NULL`,
	sql`CREATE TABLE idea_follow (
		idea_id integer NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
		user_id integer NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (idea_id, user_id)
	)`,
	sql`CREATE INDEX idea_follow_user_id_index ON idea_follow (user_id)`,
	sql`ALTER TABLE comment
		ADD COLUMN hidden_at timestamptz,
		ADD COLUMN hidden_by integer REFERENCES app_user (id) ON DELETE RESTRICT,
		ADD COLUMN hidden_reason text CONSTRAINT comment_hidden_reason_check CHECK (length(hidden_reason) BETWEEN 1 AND 1000),
		ADD CONSTRAINT comment_hidden_check CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE comment DROP CONSTRAINT comment_hidden_check, DROP COLUMN hidden_reason, DROP COLUMN hidden_by, DROP COLUMN hidden_at`.execute(
		db
	);
	await sql`DROP TABLE idea_follow`.execute(db);
	await sql`DROP TABLE idea_support`.execute(db);
	await sql`ALTER TABLE idea DROP COLUMN follow_count, DROP COLUMN support_count, DROP COLUMN entered_by, DROP COLUMN location`.execute(db);
	await sql`DELETE FROM idea_member WHERE role = 'helper'`.execute(db);
	await sql`ALTER TABLE idea_member DROP CONSTRAINT idea_member_role_check`.execute(db);
	await sql`ALTER TABLE idea_member ADD CONSTRAINT idea_member_role_check CHECK (role IN ('owner', 'member'))`.execute(db);
}
