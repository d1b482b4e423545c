/** Who may do what in an idea's coaching: the facts the policy reads, and the guard each coaching service starts with. */
import type { Db } from '../db/index.js';
import { canOnCoaching, type Actor, type CoachingAction, type CoachingFacts } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import * as q from './mentoring.queries.js';

export const refusal = (code: string, message: string, status: 400 | 409 = 409) => new DomainError(code, message, status);

async function loadCoaching(db: Db, actor: Actor, ideaId: number) {
	const row = await q.findCoachingFacts(db, actor.id, ideaId);
	if (!row) return null;
	const facts: CoachingFacts = {
		status: row.status,
		isMember: Boolean(row.isMember),
		mentorStatus: row.mentorStatus === 'proposed' || row.mentorStatus === 'accepted' ? row.mentorStatus : null,
		hasActiveMentor: Boolean(row.hasActiveMentor)
	};
	return { ...row, facts };
}

/**
 * The idea's coaching facts if the policy allows the action. One who may not see the space
 * gets not-found; one who sees it but may not do this now gets a conflict.
 */
export async function requireCoaching(db: Db, actor: Actor, ideaId: number, action: CoachingAction) {
	const access = await loadCoaching(db, actor, ideaId);
	if (!access || !canOnCoaching(actor, 'view', access.facts)) throw notFound();
	if (action !== 'view' && !canOnCoaching(actor, action, access.facts)) {
		throw refusal('not_allowed_now', 'This cannot be done to this idea now; reload to see what changed.');
	}
	return access;
}
