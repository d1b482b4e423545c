/**
 * A mentor for an idea: the organiser assigns (never over a mentor's capacity, never two
 * mentors for one idea), or saves the reviewed "assign all" list; the team asks for a mentor;
 * the proposed mentor accepts (coaching starts) or declines.
 */
import type { Database, Db } from '../db/index.js';
import { can, canOnCoaching, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { listOrganiserIds, listTeamIds, moveIdea, recordIdeaEvent } from '../ideas/ideas.service.js';
import { refusal, requireCoaching } from './mentoring.access.js';
import type { EndMentorInput } from './mentoring.schema.js';
import * as q from './mentoring.queries.js';

/**
 * Propose a mentor for an idea. The mentor's profile row is locked first, then the idea's:
 * two organisers assigning at once queue, so a mentor is never proposed over capacity and an
 * idea never gets two mentors. The team's open requests close; the mentor is asked.
 */
export async function assignMentor(db: Database, actor: Actor, input: { ideaId: number; mentorId: number }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute((trx) => proposeMentor(trx, actor, input));
}

/** assignMentor's work, inside the caller's transaction (also used to replace a mentor). */
async function proposeMentor(trx: Db, actor: Actor, input: { ideaId: number; mentorId: number }) {
	const profile = await q.lockMentorProfile(trx, input.mentorId);
	if (!profile) throw new FieldErrors({ mentorId: ['not_a_mentor'] });
	await q.lockIdeaForCoaching(trx, input.ideaId);
	const access = await requireCoaching(trx, actor, input.ideaId, 'view');
	if (!canOnCoaching(actor, 'assign', access.facts)) {
		throw refusal(
			access.facts.hasActiveMentor ? 'already_assigned' : 'not_allowed_now',
			'This idea already has a mentor, or is past coaching.'
		);
	}
	if (profile.status !== 'active') throw refusal('mentor_paused', 'This mentor is paused.');
	const team = await listTeamIds(trx, input.ideaId);
	if (team.some((m) => m.userId === input.mentorId)) throw refusal('own_idea', 'A mentor cannot coach an idea of their own team.');
	const active = await q.countActiveAssignments(trx, input.mentorId);
	if (active >= profile.capacity) throw refusal('mentor_full', 'This mentor has no free place left.');
	await q.endRequests(trx, input.ideaId);
	const { id } = await q.insertAssignment(trx, {
		ideaId: input.ideaId,
		mentorId: input.mentorId,
		status: 'proposed',
		assignedBy: actor.id
	});
	await recordIdeaEvent(trx, {
		ideaId: input.ideaId,
		actorId: actor.id,
		kind: 'mentor_assigned',
		data: { mentorId: input.mentorId, status: 'proposed' }
	});
	await insertNotifications(trx, [input.mentorId], {
		kind: 'mentor_request',
		params: { ideaId: input.ideaId, title: access.title },
		link: '/mentoring'
	});
	await recordAudit(trx, {
		actorId: actor.id,
		action: 'mentoring.assigned',
		objectType: 'idea',
		objectId: input.ideaId,
		data: { mentorId: input.mentorId, assignmentId: id }
	});
	return { assignmentId: id, free: profile.capacity - active - 1 };
}

/**
 * Save the reviewed "assign all" list: each pair on its own, so one that no longer fits
 * (the mentor filled up, someone assigned the idea meanwhile) is reported and the rest saved.
 */
export async function assignAll(db: Database, actor: Actor, pairs: Array<{ ideaId: number; mentorId: number }>) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	const assigned: number[] = [];
	const skipped: Array<{ ideaId: number; code: string }> = [];
	for (const pair of pairs) {
		try {
			await assignMentor(db, actor, pair);
			assigned.push(pair.ideaId);
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			skipped.push({ ideaId: pair.ideaId, code: e instanceof FieldErrors ? (Object.values(e.fields)[0]?.[0] ?? e.code) : e.code });
		}
	}
	return { assigned, skipped };
}

/**
 * The proposed mentor answers. Accepting starts coaching (the idea moves to "coaching"),
 * records the mentor's conflict of interest for judging, and tells the team. Declining needs a
 * reason; the idea goes back to the organiser's queue and the organisers are told.
 */
export async function answerProposal(
	db: Database,
	actor: Actor,
	ideaId: number,
	input: { decision: 'accept' | 'decline'; reason: string }
) {
	return db.transaction().execute(async (trx) => {
		const access = await requireCoaching(trx, actor, ideaId, 'answer');
		const reason = input.reason.trim() || null;
		const changed = await q.answerProposal(trx, ideaId, actor.id, {
			status: input.decision === 'accept' ? 'accepted' : 'declined',
			reason
		});
		if (!changed) throw refusal('already_answered', 'This proposal was answered already.');
		const params = { ideaId, title: access.title };
		if (input.decision === 'accept') {
			await q.recordMentorConflict(trx, actor.id, ideaId);
			await recordIdeaEvent(trx, { ideaId, actorId: actor.id, kind: 'mentor_accepted', data: { mentorId: actor.id } });
			if (access.status === 'accepted') {
				await moveIdea(trx, { ideaId, actorId: actor.id, transition: 'startCoaching', as: ['mentor'], data: { mentorId: actor.id } });
			}
			const team = (await listTeamIds(trx, ideaId)).map((m) => m.userId);
			await insertNotifications(trx, team, { kind: 'mentor_assigned', params, link: `/ideas/${ideaId}/coaching` });
		} else {
			await recordIdeaEvent(trx, { ideaId, actorId: actor.id, kind: 'mentor_declined', reason, data: { mentorId: actor.id } });
			const organisers = (await listOrganiserIds(trx)).map((o) => o.id);
			await insertNotifications(trx, organisers, { kind: 'mentor_declined', params, link: '/organise/mentors' });
		}
		return { decision: input.decision };
	});
}

/** The team asks for a specific mentor (one with a free place); the organisers decide. */
export async function requestMentor(db: Database, actor: Actor, ideaId: number, input: { mentorId: number }) {
	return db.transaction().execute(async (trx) => {
		const profile = await q.lockMentorProfile(trx, input.mentorId);
		const access = await requireCoaching(trx, actor, ideaId, 'request');
		if (!profile || profile.status !== 'active') throw new FieldErrors({ mentorId: ['not_a_mentor'] });
		const team = await listTeamIds(trx, ideaId);
		if (team.some((m) => m.userId === input.mentorId)) throw new FieldErrors({ mentorId: ['own_idea'] });
		if ((await q.countActiveAssignments(trx, input.mentorId)) >= profile.capacity) throw new FieldErrors({ mentorId: ['mentor_full'] });
		await q.endRequests(trx, ideaId);
		await q.insertAssignment(trx, { ideaId, mentorId: input.mentorId, status: 'requested', assignedBy: actor.id });
		await recordIdeaEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'mentor_requested',
			data: { mentorId: input.mentorId, status: 'requested' }
		});
		const organisers = (await listOrganiserIds(trx)).map((o) => o.id);
		await insertNotifications(trx, organisers, {
			kind: 'mentor_requested',
			params: { ideaId, title: access.title },
			link: '/organise/mentors'
		});
		return { requested: input.mentorId };
	});
}

/**
 * The organiser ends an idea's mentorship (proposed or accepted) with a reason: the mentor is
 * ill, changed job, has no time, or it did not work out. The mentorship is kept as ended (the
 * mentor stays conflicted for judging: they coached it), the idea's history says why, and the
 * mentor and the team are told. With a replacement, the new mentor is proposed in the same
 * transaction (capacity and team rules as for any assignment); without one, the idea is back in
 * the organisers' queue of ideas without a mentor.
 */
export async function endMentorship(db: Database, actor: Actor, input: EndMentorInput) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		// Locks in assignMentor's order (the mentor's profile, then the idea), so the two never wait on each other.
		if (input.replacementId !== undefined) await q.lockMentorProfile(trx, input.replacementId);
		await q.lockIdeaForCoaching(trx, input.ideaId);
		const access = await requireCoaching(trx, actor, input.ideaId, 'view');
		if (!canOnCoaching(actor, 'endMentor', access.facts))
			throw refusal('no_mentor', 'This idea has no mentor to end, or is past coaching.');
		if (input.replacementId !== undefined) {
			const current = await q.findActiveAssignment(trx, input.ideaId);
			if (current?.mentorId === input.replacementId) throw new FieldErrors({ replacementId: ['same_mentor'] });
		}
		const ended = await q.endActiveAssignment(trx, input.ideaId, { endedBy: actor.id, reason: input.reason });
		if (!ended) throw refusal('no_mentor', 'This idea has no mentor to end, or is past coaching.');
		const note = input.note.trim() || null;
		await recordIdeaEvent(trx, {
			ideaId: input.ideaId,
			actorId: actor.id,
			kind: 'mentor_ended',
			reason: note,
			data: { mentorId: ended.mentorId, reason: input.reason, status: ended.status }
		});
		const params = { ideaId: input.ideaId, title: access.title, reason: input.reason };
		await insertNotifications(trx, [ended.mentorId], { kind: 'mentorship_ended', params, link: '/mentoring' });
		const team = (await listTeamIds(trx, input.ideaId)).map((m) => m.userId);
		await insertNotifications(trx, team, {
			kind: input.replacementId ? 'mentor_replaced' : 'mentorship_ended_team',
			params,
			link: `/ideas/${input.ideaId}/coaching`
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'mentoring.ended',
			objectType: 'idea',
			objectId: input.ideaId,
			data: { mentorId: ended.mentorId, assignmentId: ended.id, reason: input.reason, note }
		});
		const replacement = input.replacementId
			? await proposeMentor(trx, actor, { ideaId: input.ideaId, mentorId: input.replacementId }).catch((e: unknown) => {
					// The replacement's refusal belongs beside its field; nothing was changed (the transaction rolls back).
					if (e instanceof DomainError && !(e instanceof FieldErrors)) throw new FieldErrors({ replacementId: [e.code] });
					throw e;
				})
			: null;
		return { endedMentorId: ended.mentorId, replacement };
	});
}
