/**
 * Counts the SQL statements a piece of work runs: a request (the `Server-Timing` header when
 * STATEMENT_TIMING is on, read by `npm run bench` and the statement-budget tests) or a test's
 * call. Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET) is counted apart: the
 * budget of five is for statements that read or write.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogEvent } from 'kysely';

export type StatementTally = { statements: number; control: number; ms: number; sql: string[] };

const current = new AsyncLocalStorage<StatementTally>();
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set|start transaction)\b/i;

export const newTally = (): StatementTally => ({ statements: 0, control: 0, ms: 0, sql: [] });

/** Runs `work` with every statement it runs counted in `tally` (nested counts add to the innermost). */
export function countStatements<T>(tally: StatementTally, work: () => T): T {
	return current.run(tally, work);
}

/** Kysely's `log` option: called once per statement run (and per failed one). */
export function tallyStatement(event: LogEvent): void {
	const tally = current.getStore();
	if (!tally) return;
	const text = event.query.sql;
	if (CONTROL.test(text)) {
		tally.control++;
		return;
	}
	tally.statements++;
	tally.ms += event.queryDurationMillis;
	if (tally.sql.length < 50) tally.sql.push(text.length > 500 ? `${text.slice(0, 500)}…` : text);
}

/** The header value: `db;desc="statements=3 control=2";dur=4.1`. */
export function serverTiming(tally: StatementTally): string {
	return `db;desc="statements=${tally.statements} control=${tally.control}";dur=${tally.ms.toFixed(1)}`;
}

/**
 * Runs `work` outside any count: timers and promises it starts belong to no request (the job
 * runner's delivery kick, asked for by a request, runs a second later and is not its statement).
 */
export function outsideStatementCount<T>(work: () => T): T {
	return current.exit(work);
}
