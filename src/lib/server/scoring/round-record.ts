import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import { computeResults } from './results.js';
import * as q from './round.queries.js';

/**
 * A round as stored with its results computed: what the organiser's round page, opening,
 * closing and the export all start from. Seven statements, none per idea or juror.
 */
export async function loadRoundRecord(db: Db, roundId: number) {
	const round = await q.findRound(db, roundId);
	if (!round) throw notFound();
	const [criteria, juries, entries, sheets, conflicts, scores] = await Promise.all([
		q.listCriteria(db, roundId),
		q.listJuries(db, roundId),
		q.listEntries(db, roundId),
		q.listRoundSheets(db, roundId),
		q.listConflictPairs(db, roundId),
		q.countScoresInRound(db, roundId)
	]);
	const results = computeResults({ round, criteria, juries, entries, sheets, conflicts });
	return { round, criteria, juries, entries, sheets, conflicts, results, criteriaLocked: scores.n > 0 };
}

export type RoundRecord = Awaited<ReturnType<typeof loadRoundRecord>>;
