import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import { computeResults } from './results.js';
import * as q from './round.queries.js';

/**
 * A round as stored with its results computed: what the organiser's round page, opening,
 * closing and the export all start from. One statement, whatever the number of ideas or jurors.
 */
export async function loadRoundRecord(db: Db, roundId: number) {
	const rows = await q.findRoundRecordRows(db, roundId);
	if (!rows) throw notFound();
	const { round, criteria, juries, entries, sheets, conflicts } = rows;
	const results = computeResults({ round, criteria, juries, entries, sheets, conflicts });
	return { round, criteria, juries, entries, sheets, conflicts, results, criteriaLocked: rows.anyScore };
}

export type RoundRecord = Awaited<ReturnType<typeof loadRoundRecord>>;
