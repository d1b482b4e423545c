/**
 * Round results: the round's status as it opens, closes, reopens and publishes, the ranks
 * stored at closing, the outcome of each idea, and whom to tell.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { conflictSources } from '../scoring/conflict-sources.js';
import type { AuditEntry } from '../audit/audit.queries.js';

/** Stores, at closing, each entry's rank in its scope, the score it was ranked on and the tie-break that placed it below the one above. One statement. */
export function updateEntryRanks(
	db: Transaction<DB>,
	roundId: number,
	ranks: { ideaId: number; rank: number; score: number | null; tieBrokenBy: string | null }[]
) {
	if (!ranks.length) return Promise.resolve();
	return sql`
		update round_entry e set rank = v.rank, score = round(v.score, 4), tie_broken_by = v.tie_broken_by
		from (values ${sql.join(
			ranks.map((r) => sql`(${r.ideaId}::int, ${r.rank}::int, ${r.score}::numeric, ${r.tieBrokenBy}::text)`)
		)}) as v(idea_id, rank, score, tie_broken_by)
		where e.round_id = ${roundId} and e.idea_id = v.idea_id
	`.execute(db);
}

/**
 * Enters ideas that went through into the next round, each to its jury there, noting the
 * round it came from. Entering again changes nothing (the entry stays as it is). One statement.
 */
export function insertCarriedEntries(
	db: Transaction<DB>,
	roundId: number,
	fromRoundId: number,
	rows: { ideaId: number; juryId: number }[]
) {
	if (!rows.length) return Promise.resolve([] as { ideaId: number }[]);
	return db
		.insertInto('roundEntry')
		.values(rows.map((r) => ({ roundId, ideaId: r.ideaId, juryId: r.juryId, fromRoundId })))
		.onConflict((oc) => oc.columns(['roundId', 'ideaId']).doNothing())
		.returning('ideaId')
		.execute();
}

/** Records the outcomes of several entries in one statement, each only if it has none yet; returns those recorded. */
export async function setEntryOutcomes(db: Transaction<DB>, roundId: number, rows: { ideaId: number; outcome: string; reason: string }[]) {
	if (!rows.length) return [] as { ideaId: number }[];
	const result = await sql<{ ideaId: number }>`
		update round_entry e set outcome = v.outcome, outcome_reason = v.reason, decided_at = now()
		from (values ${sql.join(rows.map((r) => sql`(${r.ideaId}::int, ${r.outcome}::text, ${r.reason}::text)`))}) as v(idea_id, outcome, reason)
		where e.round_id = ${roundId} and e.idea_id = v.idea_id and e.outcome is null
		returning e.idea_id as "ideaId"
	`.execute(db);
	return result.rows;
}

/**
 * The round's new status, and with `audit` the change's audit line (audit_log, as
 * recordAudit writes it) in the same statement: opening, closing, reopening and publishing
 * stay within the five statements a request may run.
 */
export async function updateRoundStatus(
	db: Transaction<DB>,
	roundId: number,
	set: { status: string; closedBy?: number | null; closeReason?: string | null; closed?: boolean | null },
	audit?: Omit<AuditEntry, 'objectType' | 'objectId'>
) {
	const update = db
		.updateTable('round')
		.set({
			status: set.status,
			...(set.closed === true ? { closedAt: sql<Date>`now()`, closedBy: set.closedBy ?? null, closeReason: set.closeReason ?? null } : {}),
			...(set.closed === false ? { closedAt: null, closedBy: null, closeReason: null } : {})
		})
		.where('id', '=', roundId);
	if (!audit) {
		await update.execute();
		return;
	}
	await db
		.with('changed', () => update.returning('id'))
		.insertInto('auditLog')
		.columns(['actorId', 'action', 'objectType', 'objectId', 'data'])
		.expression((eb) =>
			eb
				.selectFrom('changed')
				.select([
					sql<number | null>`${audit.actorId}::int`.as('actorId'),
					sql<string>`${audit.action}::text`.as('action'),
					sql<string>`'round'`.as('objectType'),
					sql<string>`changed.id::text`.as('objectId'),
					sql<string>`${JSON.stringify(audit.data ?? {})}::jsonb`.as('data')
				])
		)
		.execute();
}

/** The team members of these ideas: whom to tell when the results are published. */
export function listTeamIds(db: Db, ideaIds: number[]) {
	if (!ideaIds.length) return Promise.resolve([] as { ideaId: number; userId: number }[]);
	return db.selectFrom('ideaMember').select(['ideaId', 'userId']).where('ideaId', 'in', ideaIds).execute();
}

/**
 * The jurors who scored ideas of the round, each with how many they scored and how many of
 * those moved on (advanced, or won or came second in a final): whom to tell when the results
 * are published. "Scored" is what the jury home shows an outcome for: a submitted sheet on an
 * idea of the juror's own jury, no conflict of interest with it.
 */
export async function listJurorOutcomes(db: Db, roundId: number) {
	const { rows } = await sql<{ jurorId: number; scored: number; advanced: number }>`
		select jm.user_id as "jurorId", count(distinct e.idea_id)::int as scored,
			(count(distinct e.idea_id) filter (where e.outcome in ('advanced', 'winner', 'runner_up')))::int as advanced
		from round_entry e
		join jury_member jm on jm.jury_id = e.jury_id
		join score_sheet h on h.round_id = e.round_id and h.idea_id = e.idea_id and h.juror_id = jm.user_id and h.submitted_at is not null
		where e.round_id = ${roundId}
			and not exists (${conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })})
		group by jm.user_id
		order by jm.user_id`.execute(db);
	return rows;
}
