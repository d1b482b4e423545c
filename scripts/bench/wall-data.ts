/**
 * Colleagues' voice at company scale (issue 16), generated in SQL on top of the insight
 * benchmark's company (scripts/bench/insight-data.ts): `generateWallVoices(db, { supports:
 * 40000, follows: 20000, comments: 10000 })`.
 *
 * - Supports and follows go to public ideas (accepted or later, their edition's submission
 *   deadline passed) from active people outside the idea's team, after the deadline. A few
 *   ideas draw most of them (the idea is drawn as n·u³ of the public ideas in a hashed order),
 *   as on a real wall. About 60% of the supports from another department name the supporter's
 *   own department ("this would help us too in <department>").
 * - Comments: public ('team') comments on public ideas by colleagues, about 3% hidden by an
 *   organiser with a reason, and organisers-only notes on about 1 in 10.
 * - `idea.support_count` and `follow_count` are set from the rows, as the writer keeps them.
 *
 * Every choice is an integer hash (md5) of the row number and a salt, so the same database
 * gives the same rows. One connection (temporary tables hold the candidates).
 */
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.js';

export type WallDataOptions = { supports?: number; follows?: number; comments?: number; log?: (line: string) => void };
export type WallData = { seconds: number; counts: Record<string, number> };

/** A number in [0, 2^32) from `expr` and `salt`. */
const H = (expr: string, salt: string) => `(('x' || substr(md5((${expr})::text || ':${salt}'), 1, 8))::bit(32)::bigint)`;
/** A number in [0, 1) from `expr` and `salt`. */
const U = (expr: string, salt: string) => `(${H(expr, salt)} / 4294967296.0)`;

const PUBLIC = `('accepted', 'coaching', 'semi_final', 'not_advanced', 'finalist', 'winner', 'runner_up', 'implemented', 'published')`;

const REASONS = [
	'Names a colleague instead of the problem. You are welcome to post it again about what should change.',
	'Not about this idea; please take it to your team leader.',
	'Contains a customer name that may not be shared here.'
];

export async function generateWallVoices(db: Database, opts: WallDataOptions = {}): Promise<WallData> {
	return db.connection().execute((conn) => generateOn(conn, opts));
}

async function generateOn(db: Database, opts: WallDataOptions): Promise<WallData> {
	const started = performance.now();
	const SUPPORTS = opts.supports ?? 40_000;
	const FOLLOWS = opts.follows ?? 20_000;
	const COMMENTS = opts.comments ?? 10_000;
	const log = opts.log ?? (() => {});
	const run = async (label: string, text: string) => {
		const t0 = performance.now();
		const r = await sql.raw(text).execute(db);
		const ms = performance.now() - t0;
		if (ms > 500) log(`${label}: ${(ms / 1000).toFixed(1)} s${r.numAffectedRows !== undefined ? ` (${r.numAffectedRows} rows)` : ''}`);
		return r;
	};
	await run('jit', 'SET jit = off').catch(() => {});

	// The candidates, numbered: public ideas in a hashed order (so the popular ones are spread
	// over editions and departments), active people, and the organisers.
	await run('drop', 'DROP TABLE IF EXISTS wall_idea, wall_person, wall_organiser');
	await run(
		'public ideas',
		`CREATE TEMPORARY TABLE wall_idea AS
		SELECT row_number() OVER (ORDER BY md5(i.id::text || ':wall'))::int AS n, i.id, i.department_id, c.submission_closes_at AS public_at
		FROM idea i JOIN competition c ON c.id = i.competition_id
		WHERE i.status IN ${PUBLIC} AND c.submission_closes_at < now()`
	);
	await run(
		'people',
		`CREATE TEMPORARY TABLE wall_person AS
		SELECT row_number() OVER (ORDER BY id)::int AS n, id, department_id FROM app_user WHERE disabled_at IS NULL`
	);
	await run(
		'organisers',
		`CREATE TEMPORARY TABLE wall_organiser AS
		SELECT row_number() OVER (ORDER BY user_id)::int AS n, user_id AS id FROM role_grant WHERE role = 'organiser'`
	);
	await run('analyze', 'ANALYZE wall_idea, wall_person, wall_organiser');
	const sizes = (
		await sql<{ ideas: number; people: number; organisers: number }>`SELECT
			(SELECT count(*)::int FROM wall_idea) AS ideas,
			(SELECT count(*)::int FROM wall_person) AS people,
			(SELECT count(*)::int FROM wall_organiser) AS organisers`.execute(db)
	).rows[0];
	if (!sizes.ideas || !sizes.people || !sizes.organisers) throw new Error(`wall data: nothing to voice on (${JSON.stringify(sizes)})`);

	/** The k-th pick's idea (skewed: n·u³) and person, for a kind of voice (`salt`). */
	const pickIdea = (k: string, salt: string) => `1 + floor(${sizes.ideas} * power(${U(k, `${salt}-idea`)}, 3))::int`;
	const pickPerson = (k: string, salt: string) => `1 + (${H(k, `${salt}-person`)} % ${sizes.people})::int`;
	/** A moment between the idea's deadline and now. */
	const after = (k: string, salt: string) => `w.public_at + (now() - w.public_at) * ${U(k, `${salt}-at`)}`;
	const picks = (count: number, salt: string) =>
		`SELECT k, wi.id AS idea_id, wi.department_id AS idea_department, wp.id AS user_id, wp.department_id, wi.public_at
		FROM generate_series(1, ${Math.ceil(count * 1.3)}) AS k
		JOIN wall_idea wi ON wi.n = ${pickIdea('k', salt)}
		JOIN wall_person wp ON wp.n = ${pickPerson('k', salt)}
		WHERE NOT EXISTS (SELECT 1 FROM idea_member m WHERE m.idea_id = wi.id AND m.user_id = wp.id)`;
	/** `count` distinct (idea, person) picks, the first ones drawn. */
	const distinctPicks = (count: number, salt: string) =>
		`SELECT * FROM (SELECT DISTINCT ON (idea_id, user_id) * FROM (${picks(count, salt)}) AS p ORDER BY idea_id, user_id, k) AS d
		ORDER BY k LIMIT ${count}`;

	await run(
		'supports',
		`INSERT INTO idea_support (idea_id, user_id, department_id, created_at)
		SELECT idea_id, user_id,
			CASE WHEN department_id <> idea_department AND ${U('k', 'support-dept')} < 0.6 THEN department_id END,
			${after('k', 'support')}
		FROM (${distinctPicks(SUPPORTS, 'support')}) AS w
		ON CONFLICT DO NOTHING`
	);
	await run(
		'follows',
		`INSERT INTO idea_follow (idea_id, user_id, created_at)
		SELECT idea_id, user_id, ${after('k', 'follow')}
		FROM (${distinctPicks(FOLLOWS, 'follow')}) AS w
		ON CONFLICT DO NOTHING`
	);
	const reasons = `(ARRAY[${REASONS.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}])[1 + ${H('k', 'reason')} % ${REASONS.length}]`;
	await run(
		'comments',
		`INSERT INTO comment (idea_id, author_id, body, visibility, created_at, hidden_at, hidden_by, hidden_reason)
		SELECT idea_id, user_id,
			'Generated remark ' || k || ': we see the same at our station; how did you measure the before?',
			CASE WHEN ${U('k', 'comment-note')} < 0.1 THEN 'organisers' ELSE 'team' END,
			at,
			CASE WHEN hide THEN at + interval '1 day' END,
			CASE WHEN hide THEN (SELECT o.id FROM wall_organiser o WHERE o.n = 1 + (${H('k', 'hider')} % ${sizes.organisers})::int) END,
			CASE WHEN hide THEN ${reasons} END
		FROM (
			SELECT w.*, ${after('k', 'comment')} AS at, ${U('k', 'comment-hide')} < 0.03 AS hide
			FROM (${picks(COMMENTS, 'comment')}) AS w
		) AS c
		ORDER BY k LIMIT ${COMMENTS}`
	);
	await run(
		'support counts',
		`UPDATE idea i SET support_count = c.n FROM (SELECT idea_id, count(*)::int AS n FROM idea_support GROUP BY idea_id) c
		WHERE c.idea_id = i.id AND i.support_count <> c.n`
	);
	await run(
		'follow counts',
		`UPDATE idea i SET follow_count = c.n FROM (SELECT idea_id, count(*)::int AS n FROM idea_follow GROUP BY idea_id) c
		WHERE c.idea_id = i.id AND i.follow_count <> c.n`
	);
	await run('drop', 'DROP TABLE IF EXISTS wall_idea, wall_person, wall_organiser');
	await run('analyze', 'ANALYZE idea, idea_support, idea_follow, comment');
	const counts = (
		await sql<Record<string, number>>`SELECT
			(SELECT count(*)::int FROM idea) AS idea,
			(SELECT count(*)::int FROM app_user) AS people,
			(SELECT count(*)::int FROM idea_support) AS supports,
			(SELECT count(*)::int FROM idea_support WHERE department_id IS NOT NULL) AS supports_for_a_department,
			(SELECT count(*)::int FROM idea_follow) AS follows,
			(SELECT count(*)::int FROM comment) AS comments,
			(SELECT count(*)::int FROM comment WHERE hidden_at IS NOT NULL) AS hidden_comments,
			(SELECT max(support_count) FROM idea) AS most_supports,
			(SELECT max(follow_count) FROM idea) AS most_follows`.execute(db)
	).rows[0];
	return { seconds: (performance.now() - started) / 1000, counts: { ...counts, publicIdeas: sizes.ideas } };
}
