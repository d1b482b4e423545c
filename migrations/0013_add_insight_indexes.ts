import { sql, type Kysely } from 'kysely';

/**
 * Programme insight at company scale (issue 15), measured on the benchmark's company
 * (`npm run bench -- --steps insight`: 15,000 people, 5 editions, 5,000 ideas, 35,000 idea
 * events; PostgreSQL, EXPLAIN ANALYZE, fastest of 7 runs on a loaded 2-core machine).
 *
 * The dashboards aggregate whole selections (an edition, a department tree, every edition),
 * so most of their statements read their tables once by hash join and an index would not
 * change them. One does:
 *
 * - `idea_event_status_index`: the status changes of an idea in time order, with the status
 *   in the index. The flow dashboard (flow.queries.ts, listFlowIdeas: every selected idea's
 *   statuses and their times) and the mentoring dashboard (mentoring.queries.ts,
 *   listOutcomeIdeas: the statuses a coached idea reached) read them per selected idea in a
 *   lateral subquery; with this index that is an index-only scan instead of index lookups
 *   plus the table. Fastest of 7 runs, without → with: listFlowIdeas over every edition
 *   44.7 → 39.2 ms, one edition 10.8 → 9.6 ms, Build Operations over every edition
 *   19.7 → 17.2 ms; listOutcomeIdeas over every edition 17.8 → 14.3 ms. (Against the first
 *   versions of both queries, which grouped the joined events, it turned a 30,000-row sort
 *   spilling to disk into a merge join: 91-111 → 69-91 ms and 52-75 → 23-36 ms.) Events
 *   without a status (mentor assigned, marked ready, award, …) are left out: 12% of the table.
 */
const statements = [
	sql`CREATE INDEX idea_event_status_index ON idea_event (idea_id, created_at, id) INCLUDE (to_status) WHERE to_status IS NOT NULL`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS idea_event_status_index`.execute(db);
}
