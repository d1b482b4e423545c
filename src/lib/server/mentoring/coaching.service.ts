/** An idea's coaching space: what it shows and who may do what; the checklist, the log and the mentor's ready mark. */
import type { Database } from '../db/index.js';
import { canOnCoaching, hasRole, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { listOrganiserIds, listTeamIds, recordIdeaEvent } from '../ideas/ideas.service.js';
import { CHECKLIST_ITEMS, type ChecklistItem, type LogInput } from './mentoring.schema.js';
import { requireCoaching } from './mentoring.access.js';
import { listRequestChoices } from './suggestions.service.js';
import * as q from './coaching.queries.js';

/** An idea's coaching space: mentor, checklist, log, presentations, and what this reader may do. */
export async function getCoachingSpace(db: Database, actor: Actor, ideaId: number) {
	const access = await requireCoaching(db, actor, ideaId, 'view');
	const organiser = hasRole(actor, 'organiser');
	const space = await q.findCoachingSpace(db, ideaId);
	if (!space) throw notFound();
	const { assignments, checks, log, presentations, ...idea } = space;
	const can_ = {
		work: canOnCoaching(actor, 'work', access.facts),
		markReady: canOnCoaching(actor, 'markReady', access.facts),
		answer: canOnCoaching(actor, 'answer', access.facts),
		request: canOnCoaching(actor, 'request', access.facts),
		assign: canOnCoaching(actor, 'assign', access.facts)
	};
	const current = assignments.find((a) => a.status === 'proposed' || a.status === 'accepted') ?? null;
	const request = assignments.find((a) => a.status === 'requested') ?? null;
	const choices = can_.request ? await listRequestChoices(db, idea) : [];
	const done = new Map(checks.map((c) => [c.item, c]));
	return {
		idea,
		current,
		request,
		// Past answers (declines with their reason) are the organisers' and the declining mentor's business.
		history: organiser ? assignments.filter((a) => a.status === 'declined' || a.status === 'ended') : [],
		checklist: CHECKLIST_ITEMS.map((item) => ({
			item,
			doneAt: done.get(item)?.doneAt ?? null,
			doneBy: done.get(item)?.doneByName ?? null
		})),
		log,
		presentations,
		choices,
		can: can_,
		viewer: { organiser, mentorStatus: access.facts.mentorStatus, isMember: access.facts.isMember }
	};
}

/** Tick or untick one checklist item (team or accepted mentor). Ticking twice keeps the first tick. */
export async function setChecklistItem(db: Database, actor: Actor, ideaId: number, input: { item: ChecklistItem; done: boolean }) {
	await requireCoaching(db, actor, ideaId, 'work');
	if (input.done) await q.checkItem(db, ideaId, input.item, actor.id);
	else await q.uncheckItem(db, ideaId, input.item);
	return input;
}

export async function addCoachingLog(db: Database, actor: Actor, ideaId: number, input: LogInput) {
	await requireCoaching(db, actor, ideaId, 'work');
	return q.insertCoachingLog(db, { ideaId, authorId: actor.id, ...input });
}

/** The mentor's "ready for presentation" mark, or its withdrawal; the organisers see it when planning rounds. */
export async function markReady(db: Database, actor: Actor, ideaId: number, ready: boolean) {
	return db.transaction().execute(async (trx) => {
		const access = await requireCoaching(trx, actor, ideaId, 'markReady');
		const changed = await q.setReady(trx, ideaId, actor.id, ready);
		if (!changed) return { ready, changed: false };
		await recordIdeaEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: ready ? 'marked_ready' : 'ready_withdrawn',
			data: { mentorId: actor.id }
		});
		if (ready) {
			const organisers = (await listOrganiserIds(trx)).map((o) => o.id);
			const team = (await listTeamIds(trx, ideaId)).map((m) => m.userId);
			await insertNotifications(trx, [...organisers, ...team], {
				kind: 'idea_ready',
				params: { ideaId, title: access.title },
				link: `/ideas/${ideaId}/coaching`
			});
		}
		return { ready, changed: true };
	});
}
