/**
 * The reminder job (run by the job queue every 15 minutes): read the facts, let the rules
 * of domain/reminders.ts say which reminders are due, record their keys, and notify only
 * for the keys that were new, all in one transaction. Two runs at once (two instances)
 * insert the same keys: the second waits for the first and finds them taken, so each
 * reminder is sent once; a run that fails rolls back its keys with its notifications.
 *
 * Statements for N new reminders: 1 (the facts) + 1 (the keys) + N (one notification
 * statement per reminder, with its outbox mail). A run sends at most `limit` (500), so its
 * transaction stays short; what is left goes in the next run, 15 minutes later.
 */
import type { Database } from '../db/index.js';
import { dueReminders } from '../../domain/reminders.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import * as q from './reminders.queries.js';

/** The most reminders one run sends; the rest wait for the next run. */
export const REMINDERS_PER_RUN = 500;

export async function runReminders(db: Database, options: { now?: Date; limit?: number } = {}): Promise<{ sent: number }> {
	const now = options.now ?? new Date();
	const limit = options.limit ?? REMINDERS_PER_RUN;
	return db.transaction().execute(async (trx) => {
		const due = dueReminders(await q.loadReminderFacts(trx, now), now);
		if (!due.length) return { sent: 0 };
		const fresh = new Set(await q.claimReminderKeys(trx, due, limit));
		const toSend = due.filter((r) => fresh.has(r.key));
		for (const r of toSend) await insertNotifications(trx, r.recipients, { kind: r.kind, params: r.params, link: r.link });
		return { sent: toSend.length };
	});
}
