import type { Database } from '../db/index.js';
import { queueDigests } from './mail.queries.js';
import { mailQueued } from './signal.js';

/**
 * Makes the daily digests: one outbox message per person holding every notification that
 * waits for the digest (made up to `now`), in one statement; a notification goes into one
 * digest only, also when two runs meet. Tells the job runner when it queued mail.
 */
export async function makeDigests(db: Database, options: { now?: Date } = {}): Promise<{ messages: number; notifications: number }> {
	const made = await queueDigests(db, options.now ?? null);
	if (made.messages > 0) mailQueued();
	return made;
}
