/**
 * Who may see a knowledge-base entry, and who may work on an idea's way into the knowledge
 * base, as policy.ts decides it. Used by this aggregate's services and by the attachments
 * service for an entry's files. One who may not see the thing gets not-found, as if it did
 * not exist.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { canOnKbEntry, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { requireIdeaAccess } from '../ideas/ideas.access.js';
import * as q from './kb.queries.js';

/** The idea for one who may view it, with the facts canOnImplementation needs: its status and whether the actor is on its team. */
export async function requireIdeaFacts(db: Db, actor: Actor, ideaId: number) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'view');
	return { access, facts: { status: access.status, isMember: access.facts.isMember } };
}

/** The entry for one who may see it, with the facts canOnKbEntry needs. */
export async function requireEntryAccess(db: Db, actor: Actor, entryId: number) {
	const row = await q.findEntryFacts(db, entryId, actor.id);
	if (!row) throw notFound();
	const facts = { status: row.status, isTeam: Boolean(row.isTeam) };
	if (!canOnKbEntry(actor, 'view', facts)) throw notFound();
	return { ...row, facts };
}

/** Whether the actor may add or remove the entry's files now: organisers always, its team while it is pending. */
export async function mayAttachToEntry(db: Db, actor: Actor, entryId: number): Promise<boolean> {
	const { facts } = await requireEntryAccess(db, actor, entryId);
	return canOnKbEntry(actor, 'attach', facts);
}

/**
 * The same, inside the transaction that files or removes a file: the entry is held until the
 * transaction ends, so its status cannot change under an upload being filed. With the idea
 * it came from, whose timeline records the change.
 */
export async function lockEntryForFiles(
	trx: Transaction<DB>,
	actor: Actor,
	entryId: number
): Promise<{ ideaId: number | null; mayAttach: boolean }> {
	const entry = await q.lockEntry(trx, entryId);
	const { facts } = await requireEntryAccess(trx, actor, entryId);
	return { ideaId: entry?.ideaId ?? null, mayAttach: !!entry && canOnKbEntry(actor, 'attach', facts) };
}

/** The entry written from this idea; not-found when there is none yet. */
export async function requireEntryIdOfIdea(db: Db, ideaId: number): Promise<number> {
	const entry = await q.findEntryByIdea(db, ideaId);
	if (!entry) throw notFound();
	return entry.id;
}
