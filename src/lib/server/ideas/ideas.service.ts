/**
 * An idea's lifecycle in one place: every status change goes through changeStatus (the
 * ideas services' own actions) or moveIdea (other aggregates, inside their transaction).
 * Below it, what other aggregates may ask of ideas: they call this file, never the ideas
 * queries. Drafts and submission: idea-form.service.ts; screening: screening.service.ts;
 * the idea page: idea-page.service.ts; lists: idea-lists.service.ts.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { canOnIdea, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { decideTransition, type IdeaActorKind, type TransitionName } from '../../domain/lifecycle.js';
import { findCompetitionWindow } from './calls.queries.js';
import { notifyFollowers, notifyRoles } from '../notifications/notifications.queries.js';
import { ACCEPTED_AND_LATER, statusIn } from '../../domain/idea-status.js';
import { actorKinds, loadIdeaFacts } from './ideas.access.js';
import * as lists from './idea-lists.queries.js';
import * as q from './ideas.queries.js';

const refusals: Record<string, { message: string; status: 400 | 409 }> = {
	wrong_state: { message: 'This idea is no longer in a state that allows this; reload to see what changed.', status: 409 },
	not_allowed: { message: 'You cannot do this to this idea.', status: 409 },
	reason_required: { message: 'Please give a reason; the team will read it.', status: 400 },
	window_closed: { message: 'The submission window of this competition is closed.', status: 409 }
};

function refuse(reason: keyof typeof refusals): never {
	throw new DomainError(reason, refusals[reason].message, refusals[reason].status);
}

export const stale = () =>
	new DomainError('stale', 'Someone changed this idea after you opened it. Reload to see their changes; your text is kept below.', 409);

type Notice = { kind: string; to: 'team' | 'organisers' };

type Change = {
	/** the transition, or how to choose it from the idea's status as read (submit or resubmit) */
	transition: TransitionName | ((status: string) => TransitionName);
	/**
	 * what must hold besides the state machine, checked once the actor may make the change (the
	 * fields a submission needs); it may say whether the call's window is open, read and held
	 * in its own statement
	 */
	check?: (trx: Transaction<DB>, access: NonNullable<Awaited<ReturnType<typeof loadIdeaFacts>>>) => Promise<{ windowOpen: boolean } | void>;
	reason?: string | null;
	data?: Record<string, unknown>;
	/** who is told, and with which kind: one notice or several (a submission tells the team and the organisers) */
	notify?: Notice | Notice[];
	mergedIntoId?: number;
};

/**
 * Apply one lifecycle transition: policy, state machine, version check, the status change
 * and its event in one transaction, then notifications. Refusals change nothing.
 */
export async function changeStatus(db: Database, actor: Actor, ideaId: number, version: number, change: Change) {
	return db.transaction().execute((trx) => changeStatusIn(trx, actor, ideaId, version, change));
}

/** changeStatus inside the caller's transaction, for a change that writes more than the status (mergeIdea). */
export async function changeStatusIn(trx: Transaction<DB>, actor: Actor, ideaId: number, version: number, change: Change) {
	const access = await loadIdeaFacts(trx, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	const transition = typeof change.transition === 'function' ? change.transition(access.status) : change.transition;
	// May this actor make this move at all (the window aside)? Then what else it needs, then the window.
	const allowed = decideTransition(access.status, transition, {
		actor: actorKinds(actor, access),
		reason: change.reason,
		windowOpen: true
	});
	if (!allowed.ok) refuse(allowed.reason);
	const checked = change.check ? await change.check(trx, access) : undefined;
	let windowOpen = true;
	if (transition === 'submit') {
		if (!access.competitionId) throw new FieldErrors({ competitionId: ['choose_competition'] });
		windowOpen = checked ? checked.windowOpen : Boolean((await findCompetitionWindow(trx, access.competitionId, true))?.windowOpen);
	}
	const decision = decideTransition(access.status, transition, { actor: actorKinds(actor, access), reason: change.reason, windowOpen });
	if (!decision.ok) refuse(decision.reason);
	if (access.version !== version) throw stale();
	const submitted = decision.to === 'submitted';
	const answered = ['returned', 'declined', 'accepted'].includes(decision.to);
	const updated = await q.updateIdeaStatus(
		trx,
		ideaId,
		{ version, status: decision.from },
		{ status: decision.to, submittedAt: submitted, answeredAt: answered, mergedIntoId: change.mergedIntoId },
		{ actorId: actor.id, reason: change.reason?.trim() || null, data: change.data }
	);
	if (!updated) throw stale();
	await tellFollowers(trx, [{ ideaId, from: decision.from, to: decision.to, actorId: actor.id, followCount: updated.followCount }]);
	const notices = change.notify === undefined ? [] : Array.isArray(change.notify) ? change.notify : [change.notify];
	// One statement for every notice. A return or decline tells the team its reason, so their
	// e-mail says what to change; organisers are not told of what they did themselves.
	const reason = change.reason?.trim();
	await notifyRoles(
		trx,
		notices.map((notice) => ({
			to: notice.to === 'team' ? { team: ideaId } : ('organisers' as const),
			except: notice.to === 'team' ? null : actor.id,
			kind: notice.kind,
			params: { ideaId, title: access.title, ...(notice.to === 'team' && reason ? { reason } : {}) },
			link: `/ideas/${ideaId}`
		}))
	);
	return { id: ideaId, version: updated.version, status: decision.to };
}

/**
 * Followers hear of an idea's public updates: one statement for all the moves, none when no
 * followed idea lands in a status colleagues may see (the statement itself checks the deadline
 * too). The follow count comes back with the status update, so an idea nobody follows costs nothing.
 */
async function tellFollowers(
	trx: Transaction<DB>,
	moves: { ideaId: number; from: string; to: string; actorId: number | null; followCount: number }[]
) {
	const changed = moves.filter((m) => m.followCount > 0 && m.from !== m.to && statusIn(m.to, ACCEPTED_AND_LATER));
	if (changed.length)
		await notifyFollowers(
			trx,
			changed.map((m) => ({ ideaId: m.ideaId, status: m.to, actorId: m.actorId }))
		);
}

/**
 * For other services, inside their own transaction: move an idea along the lifecycle
 * (e.g. mentoring's startCoaching, judging's enterSemiFinal/advance/stop/win, the knowledge
 * base's implement/publish). The row is locked, the state machine decides, the version
 * goes up and the event is written; a refusal throws and the caller's transaction rolls back.
 */
export async function moveIdea(
	trx: Transaction<DB>,
	input: {
		ideaId: number;
		actorId: number | null;
		transition: TransitionName;
		as: IdeaActorKind[];
		reason?: string | null;
		data?: Record<string, unknown>;
	}
): Promise<{ from: string; to: string; version: number }> {
	const current = await q.lockIdea(trx, input.ideaId);
	if (!current) throw notFound();
	const decision = decideTransition(current.status, input.transition, { actor: input.as, reason: input.reason, windowOpen: true });
	if (!decision.ok) refuse(decision.reason);
	const updated = await q.updateIdeaStatus(
		trx,
		input.ideaId,
		{ version: current.version, status: decision.from },
		{ status: decision.to },
		{ actorId: input.actorId, reason: input.reason?.trim() || null, data: input.data }
	);
	if (!updated) throw stale();
	await tellFollowers(trx, [
		{ ideaId: input.ideaId, from: decision.from, to: decision.to, actorId: input.actorId, followCount: updated.followCount }
	]);
	return { from: decision.from, to: decision.to, version: updated.version };
}

/**
 * moveIdea for several ideas at once, in three statements whatever their number: the ideas
 * held (in id order), each transition decided by the state machine, the statuses and versions
 * moved, the events written. A refusal of any one throws and the caller's transaction rolls
 * back. Only transitions that change the status alone (judging's advance, stop, win,
 * runnerUp): no submission or answer times, no merge.
 */
export async function moveIdeas(
	trx: Transaction<DB>,
	inputs: readonly {
		ideaId: number;
		actorId: number | null;
		transition: TransitionName;
		as: IdeaActorKind[];
		reason?: string | null;
		data?: Record<string, unknown>;
	}[]
): Promise<{ ideaId: number; from: string; to: string }[]> {
	if (!inputs.length) return [];
	const current = await q.lockIdeas(
		trx,
		inputs.map((i) => i.ideaId)
	);
	const moves = inputs.map((input) => {
		const idea = current.find((c) => c.id === input.ideaId);
		if (!idea) throw notFound();
		const decision = decideTransition(idea.status, input.transition, { actor: input.as, reason: input.reason, windowOpen: true });
		if (!decision.ok) refuse(decision.reason);
		return { input, version: idea.version, from: decision.from, to: decision.to };
	});
	const updated = await q.updateIdeaStatuses(
		trx,
		moves.map((m) => ({ ideaId: m.input.ideaId, version: m.version, from: m.from, to: m.to }))
	);
	if (updated.length !== moves.length) throw stale();
	await q.insertEvents(
		trx,
		moves.map((m) => ({
			ideaId: m.input.ideaId,
			actorId: m.input.actorId,
			kind: 'status_changed',
			fromStatus: m.from,
			toStatus: m.to,
			reason: m.input.reason?.trim() || null,
			data: m.input.data
		}))
	);
	await tellFollowers(
		trx,
		moves.map((m) => ({
			ideaId: m.input.ideaId,
			from: m.from,
			to: m.to,
			actorId: m.input.actorId,
			followCount: updated.find((u) => u.id === m.input.ideaId)?.followCount ?? 0
		}))
	);
	return moves.map((m) => ({ ideaId: m.input.ideaId, from: m.from, to: m.to }));
}

// ---------- for other aggregates ----------

/** An event on the idea's timeline, in the caller's transaction (mentoring, the knowledge base). */
/** A final's award on the idea (winner, runner-up, finalist), written by the round's results. */
export function recordAward(db: Db, ideaId: number, award: 'winner' | 'runner_up' | 'finalist') {
	return q.setIdeaAward(db, ideaId, award);
}

export function recordIdeaEvent(db: Db, event: Parameters<typeof q.insertEvent>[1]) {
	return q.insertEvent(db, event);
}

/** Events on several ideas' timelines in one statement; nothing for none. */
export async function recordIdeaEvents(db: Db, events: readonly Parameters<typeof q.insertEvent>[1][]) {
	if (events.length) await q.insertEvents(db, events);
}

/** A final's awards on several ideas in one statement; nothing for none. */
export async function recordAwards(db: Db, awards: readonly { ideaId: number; award: 'winner' | 'runner_up' | 'finalist' }[]) {
	if (awards.length) await q.setIdeaAwards(db, awards);
}

/** The idea's team: each member's id and role ('owner' or 'member'). */
export function listTeamIds(db: Db, ideaId: number) {
	return q.listTeamIds(db, ideaId);
}

/** The organisers to notify: active people holding the organiser role. */
export function listOrganiserIds(db: Db) {
	return q.listOrganiserIds(db);
}

/** Active people by id, with job title and department (to check the people a form names). */
export function findUsersByIds(db: Db, ids: number[]) {
	return q.findUsersByIds(db, ids);
}

export function listProcessAreas(db: Db) {
	return q.listProcessAreas(db);
}

export function listTagNames(db: Db) {
	return q.listTagNames(db);
}

/** The ideas a person is on the team of, newest activity first (the home page). */
export function listIdeasOfMember(db: Db, userId: number, limit?: number) {
	return lists.listIdeasOfMember(db, userId, limit);
}

/** Ideas per status in these competitions (the organiser's home). */
export function countIdeasByStatus(db: Db, competitionIds: number[]) {
	return lists.countIdeasByStatus(db, competitionIds);
}

/** Submitted ideas still without an answer in these competitions (the organiser's home). */
export function listUnansweredSubmissions(db: Db, competitionIds: number[]) {
	return lists.listUnansweredSubmissions(db, competitionIds);
}
