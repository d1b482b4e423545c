/**
 * The organiser's screening: the queue of ideas waiting for an answer, starting to screen
 * one, the answer (accept, return for changes, decline), and merging a duplicate.
 */
import type { Database } from '../db/index.js';
import { can, canOnIdea, type Actor } from '../auth/policy.js';
import { FieldErrors, notFound } from '../errors.js';
import { NOT_MERGE_TARGETS, statusIn } from '../../domain/idea-status.js';
import { isOverdue, workingDaysBetween } from '../../domain/response-time.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { loadIdeaFacts } from './ideas.access.js';
import { changeStatus, changeStatusIn } from './ideas.service.js';
import { listScreeningQueue } from './idea-lists.queries.js';
import * as q from './ideas.queries.js';

/** The screening queue, oldest first, with working days waited and the overdue flag. */
export async function getScreeningQueue(db: Database, actor: Actor, now = new Date()) {
	if (!can(actor, 'idea.screen')) throw notFound();
	const rows = await listScreeningQueue(db);
	return rows.map((r) => ({
		...r,
		waitingDays: r.submittedAt ? workingDaysBetween(new Date(r.submittedAt), now) : 0,
		overdue: r.submittedAt ? isOverdue(new Date(r.submittedAt), now, r.responseDays) : false,
		resubmitted: !!r.firstSubmittedAt && !!r.submittedAt && new Date(r.firstSubmittedAt).getTime() !== new Date(r.submittedAt).getTime()
	}));
}

export async function startScreening(db: Database, actor: Actor, ideaId: number, version: number) {
	if (!can(actor, 'idea.screen')) throw notFound();
	return changeStatus(db, actor, ideaId, version, { transition: 'startScreening' });
}

/** The organiser's answer: accept, return for changes (message), or decline (reason from the list + text). */
export async function screenIdea(
	db: Database,
	actor: Actor,
	ideaId: number,
	input: { decision: 'accept' | 'return' | 'decline'; version: number; message: string; declineReason?: string }
) {
	if (!can(actor, 'idea.screen')) throw notFound();
	const kinds = { accept: 'idea_accepted', return: 'idea_returned', decline: 'idea_declined' } as const;
	// A screening decision is a privileged write: the event and the audit line commit together.
	return db.transaction().execute(async (trx) => {
		const result = await changeStatusIn(trx, actor, ideaId, input.version, {
			transition: input.decision,
			reason: input.message || null,
			data: input.declineReason ? { declineReason: input.declineReason } : undefined,
			notify: { kind: kinds[input.decision], to: 'team' }
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: `idea.screened.${input.decision}`,
			objectType: 'idea',
			objectId: ideaId,
			data: { message: input.message || null, declineReason: input.declineReason ?? null }
		});
		return result;
	});
}

/**
 * Merge a duplicate into the idea that stays: the duplicate points to it, its team joins
 * the staying idea's team, both timelines record it. Audited. All in one transaction: a
 * failure anywhere leaves both ideas as they were.
 */
export async function mergeIdea(
	db: Database,
	actor: Actor,
	sourceId: number,
	input: { version: number; targetId: number; message: string }
) {
	if (!can(actor, 'idea.screen')) throw notFound();
	if (sourceId === input.targetId) throw new FieldErrors({ targetId: ['same_idea'] });
	return db.transaction().execute(async (trx) => {
		// Both held until the end, in id order so that a merge the other way waits instead of deadlocking:
		// the staying idea cannot be closed (or merged away) while it receives the team.
		for (const id of [sourceId, input.targetId].sort((x, y) => x - y)) await q.lockIdea(trx, id);
		const target = await loadIdeaFacts(trx, actor, input.targetId);
		if (!target || !canOnIdea(actor, 'view', target.facts)) throw new FieldErrors({ targetId: ['unknown'] });
		if (statusIn(target.status, NOT_MERGE_TARGETS)) throw new FieldErrors({ targetId: ['cannot_receive'] });
		const result = await changeStatusIn(trx, actor, sourceId, input.version, {
			transition: 'merge',
			reason: input.message,
			data: { mergedIntoId: input.targetId, mergedIntoTitle: target.title },
			mergedIntoId: input.targetId,
			notify: { kind: 'idea_merged', to: 'team' }
		});
		const sourceTeam = await q.listTeamIds(trx, sourceId);
		const targetTeam = await q.listTeamIds(trx, input.targetId);
		const owner = targetTeam.find((m) => m.role === 'owner')?.userId ?? actor.id;
		const members = [...new Set([...targetTeam.map((m) => m.userId), ...sourceTeam.map((m) => m.userId)])];
		await q.replaceTeam(trx, input.targetId, owner, members);
		await q.insertEvent(trx, {
			ideaId: input.targetId,
			actorId: actor.id,
			kind: 'merged_in',
			reason: input.message,
			data: { mergedFromId: sourceId, newMembers: sourceTeam.map((m) => m.userId) }
		});
		await insertNotifications(trx, members, {
			kind: 'idea_merged',
			params: { ideaId: input.targetId, title: target.title },
			link: `/ideas/${input.targetId}`
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'idea.merged',
			objectType: 'idea',
			objectId: sourceId,
			data: { into: input.targetId }
		});
		return result;
	});
}
