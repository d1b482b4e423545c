import type { Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, canOnIdea, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { availableTransitions, decideTransition, holderOf, type IdeaActorKind, type TransitionName } from '../../domain/lifecycle.js';
import { ACCEPTED_AND_LATER, isIdeaStatus, NOT_MERGE_TARGETS, statusIn, UNANSWERED } from '../../domain/idea-status.js';
import { answerDueOn, isOverdue, workingDaysBetween } from '../../domain/response-time.js';
import { findCompetitionWindow, isDepartmentEligible, listCompetitions, listOpenCalls } from '../competitions/competitions.queries.js';
import { listDepartments } from '../org/users.queries.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { renderMarkdown } from '../markdown.js';
import { loadIdeaFacts, requireIdeaAccess, type IdeaAccess } from './ideas.access.js';
import { missingForSubmission, type IdeaInput, type IdeaListQuery, IDEA_PAGE_SIZE } from './ideas.schema.js';
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

const stale = () =>
	new DomainError('stale', 'Someone changed this idea after you opened it. Reload to see their changes; your text is kept below.', 409);

/** How the actor relates to the idea, as the state machine names it. */
function actorKinds(actor: Actor, access: IdeaAccess): IdeaActorKind[] {
	const kinds: IdeaActorKind[] = [];
	if (access.facts.isMember) kinds.push('team');
	if (hasRole(actor, 'organiser')) kinds.push('organiser');
	if (access.facts.isMentor) kinds.push('mentor');
	return kinds;
}

async function checkReferences(db: Database, input: IdeaInput) {
	const errors: Record<string, string[]> = {};
	if (input.competitionId) {
		const competition = await findCompetitionWindow(db, input.competitionId);
		if (!competition) errors.competitionId = ['unknown'];
		else if (!(await isDepartmentEligible(db, input.competitionId, input.departmentId))) errors.departmentId = ['not_eligible'];
	}
	if (input.memberIds.length) {
		const found = await q.findUsersByIds(db, input.memberIds);
		if (found.length !== input.memberIds.length) errors.member = ['unknown_person'];
	}
	if (Object.keys(errors).length) throw new FieldErrors(errors);
}

/**
 * Save a draft: new (idempotent through the form's client key) or an edit of a draft or a
 * returned idea (guarded by the version the editor read, so a second tab or a colleague's
 * save is never silently overwritten).
 */
export async function saveIdea(
	db: Database,
	actor: Actor,
	ideaId: number | null,
	input: IdeaInput
): Promise<{ id: number; version: number }> {
	if (!can(actor, 'idea.create')) throw notFound();
	await checkReferences(db, input);
	const fields: q.IdeaFields = {
		title: input.title,
		problem: input.problem,
		proposal: input.proposal,
		processAreaId: input.processAreaId,
		departmentId: input.departmentId,
		competitionId: input.competitionId
	};
	return db.transaction().execute(async (trx) => {
		if (ideaId === null) {
			const { id, created } = await q.insertDraft(trx, { ...fields, createdBy: actor.id, clientKey: input.clientKey });
			if (!created) {
				const existing = await loadIdeaFacts(trx, actor, id);
				return { id, version: existing!.version };
			}
			await q.replaceTeam(trx, id, actor.id, input.memberIds);
			await q.replaceBenefits(trx, id, input.benefits);
			await q.replaceTags(trx, id, input.tags);
			await q.insertEvent(trx, { ideaId: id, actorId: actor.id, kind: 'created', toStatus: 'draft' });
			return { id, version: 1 };
		}
		const access = await requireIdeaAccess(trx, actor, ideaId, 'edit');
		if (input.version === null || input.version !== access.version) throw stale();
		const updated = await q.updateIdeaFields(trx, ideaId, input.version, fields);
		if (!updated) throw stale();
		const owner = (await q.listTeamIds(trx, ideaId)).find((m) => m.role === 'owner')?.userId ?? actor.id;
		await q.replaceTeam(trx, ideaId, owner, input.memberIds);
		await q.replaceBenefits(trx, ideaId, input.benefits);
		await q.replaceTags(trx, ideaId, input.tags);
		await q.insertEvent(trx, { ideaId, actorId: actor.id, kind: 'edited' });
		return { id: ideaId, version: updated.version };
	});
}

type Change = {
	transition: TransitionName;
	reason?: string | null;
	data?: Record<string, unknown>;
	notify?: { kind: string; to: 'team' | 'organisers' };
	mergedIntoId?: number;
};

/**
 * Apply one lifecycle transition: policy, state machine, version check, the status change
 * and its event in one transaction, then notifications. Refusals change nothing.
 */
async function changeStatus(db: Database, actor: Actor, ideaId: number, version: number, change: Change) {
	return db.transaction().execute((trx) => changeStatusIn(trx, actor, ideaId, version, change));
}

/** changeStatus inside the caller's transaction, for a change that writes more than the status (mergeIdea). */
async function changeStatusIn(trx: Transaction<DB>, actor: Actor, ideaId: number, version: number, change: Change) {
	const access = await loadIdeaFacts(trx, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	let windowOpen = false;
	if (change.transition === 'submit') {
		if (!access.competitionId) throw new FieldErrors({ competitionId: ['needed_to_submit'] });
		windowOpen = Boolean((await findCompetitionWindow(trx, access.competitionId, true))?.windowOpen);
	}
	const decision = decideTransition(access.status, change.transition, {
		actor: actorKinds(actor, access),
		reason: change.reason,
		windowOpen
	});
	if (!decision.ok) refuse(decision.reason);
	if (access.version !== version) throw stale();
	const submitted = decision.to === 'submitted';
	const answered = ['returned', 'declined', 'accepted'].includes(decision.to);
	const updated = await q.updateIdeaStatus(
		trx,
		ideaId,
		{ version, status: decision.from },
		{ status: decision.to, submittedAt: submitted, answeredAt: answered, mergedIntoId: change.mergedIntoId }
	);
	if (!updated) throw stale();
	await q.insertEvent(trx, {
		ideaId,
		actorId: actor.id,
		kind: 'status_changed',
		fromStatus: decision.from,
		toStatus: decision.to,
		reason: change.reason?.trim() || null,
		data: change.data
	});
	if (change.notify) {
		const to =
			change.notify.to === 'team'
				? (await q.listTeamIds(trx, ideaId)).map((m) => m.userId)
				: (await q.listOrganiserIds(trx)).map((o) => o.id);
		await insertNotifications(trx, to, { kind: change.notify.kind, params: { ideaId, title: access.title }, link: `/ideas/${ideaId}` });
	}
	return { id: ideaId, version: updated.version, status: decision.to };
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
	const updated = await q.updateIdeaStatus(trx, input.ideaId, { version: current.version, status: decision.from }, { status: decision.to });
	if (!updated) throw stale();
	await q.insertEvent(trx, {
		ideaId: input.ideaId,
		actorId: input.actorId,
		kind: 'status_changed',
		fromStatus: decision.from,
		toStatus: decision.to,
		reason: input.reason?.trim() || null,
		data: input.data
	});
	return { from: decision.from, to: decision.to, version: updated.version };
}

/** Submit a draft (window open, the fields a jury needs filled), or resubmit a returned idea. */
export async function submitIdea(db: Database, actor: Actor, ideaId: number, version: number) {
	const detail = await q.findIdeaDetail(db, ideaId);
	const access = await requireIdeaAccess(db, actor, ideaId, 'submit');
	if (!detail) throw notFound();
	const missing = missingForSubmission(detail);
	if (Object.keys(missing).length) throw new FieldErrors(missing);
	if (detail.competitionId && !(await isDepartmentEligible(db, detail.competitionId, detail.departmentId))) {
		throw new FieldErrors({ departmentId: ['not_eligible'] });
	}
	const transition = access.status === 'returned' ? 'resubmit' : 'submit';
	return changeStatus(db, actor, ideaId, version, { transition, notify: { kind: 'idea_received', to: 'team' } });
}

export async function withdrawIdea(db: Database, actor: Actor, ideaId: number, version: number, message: string) {
	return changeStatus(db, actor, ideaId, version, { transition: 'withdraw', reason: message || null });
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
	return changeStatus(db, actor, ideaId, input.version, {
		transition: input.decision,
		reason: input.message || null,
		data: input.declineReason ? { declineReason: input.declineReason } : undefined,
		notify: { kind: kinds[input.decision], to: 'team' }
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

export async function addComment(db: Database, actor: Actor, ideaId: number, input: { body: string; visibility: 'team' | 'organisers' }) {
	const access = await requireIdeaAccess(db, actor, ideaId, input.visibility === 'organisers' ? 'commentOrganisersOnly' : 'comment');
	return db.transaction().execute(async (trx) => {
		const comment = await q.insertComment(trx, { ideaId, authorId: actor.id, body: input.body, visibility: input.visibility });
		await q.insertEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'commented',
			data: { commentId: comment.id, visibility: input.visibility }
		});
		if (input.visibility === 'team') {
			const team = (await q.listTeamIds(trx, ideaId)).map((m) => m.userId).filter((id) => id !== actor.id);
			await insertNotifications(trx, team, {
				kind: 'comment_added',
				params: { ideaId, title: access.title },
				link: `/ideas/${ideaId}#comments`
			});
		}
		return comment;
	});
}

/** Everything the idea page shows to this reader, and the actions they may take now. */
export async function getIdeaPage(db: Database, actor: Actor, ideaId: number, now = new Date()) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'view');
	const organiser = hasRole(actor, 'organiser');
	const [detail, events, comments] = await Promise.all([
		q.findIdeaDetail(db, ideaId),
		q.listEvents(db, ideaId),
		q.listComments(db, ideaId, organiser ? ['team', 'organisers'] : ['team'])
	]);
	if (!detail) throw notFound();
	const kinds = actorKinds(actor, access);
	const transitions = availableTransitions(detail.status, kinds);
	const mergeCandidates = organiser && transitions.includes('merge') ? await q.findMergeCandidates(db, detail) : [];
	const waiting = statusIn(detail.status, UNANSWERED) && detail.submittedAt;
	return {
		idea: detail,
		isMember: access.facts.isMember,
		holder: isIdeaStatus(detail.status) ? holderOf(detail.status) : 'nobody',
		events,
		// Organisers-only notes stay out of the page for everyone else (filtered in the query).
		comments: comments.map((c) => ({ ...c, html: renderMarkdown(c.body) })),
		transitions,
		mergeCandidates,
		links: {
			// The coaching space and the implementation record open once an idea is accepted.
			coaching: statusIn(detail.status, ACCEPTED_AND_LATER) && (access.facts.isMember || access.facts.isMentor || organiser),
			implementation: statusIn(detail.status, ACCEPTED_AND_LATER) && (access.facts.isMember || organiser),
			kbEntryId: detail.kbEntryId ?? null
		},
		can: {
			edit: canOnIdea(actor, 'edit', access.facts),
			comment: canOnIdea(actor, 'comment', access.facts),
			commentOrganisersOnly: canOnIdea(actor, 'commentOrganisersOnly', access.facts),
			screen: canOnIdea(actor, 'screen', access.facts),
			merge: organiser && transitions.includes('merge')
		},
		response: waiting
			? {
					waitingDays: workingDaysBetween(new Date(detail.submittedAt!), now),
					dueOn: answerDueOn(new Date(detail.submittedAt!), detail.responseDays ?? 10),
					overdue: isOverdue(new Date(detail.submittedAt!), now, detail.responseDays ?? 10)
				}
			: null
	};
}

/** The form's choices: open calls, departments, process areas, known tags, and the team chosen. */
export async function getIdeaFormOptions(db: Database, memberIds: number[] = [], departmentId?: number) {
	const [calls, competitions, departments, processAreas, tags, members] = await Promise.all([
		listOpenCalls(db, departmentId),
		listCompetitions(db),
		listDepartments(db),
		q.listProcessAreas(db),
		q.listTagNames(db),
		q.findUsersByIds(db, memberIds)
	]);
	return { calls, competitions, departments, processAreas, tags: tags.map((t) => t.name), members };
}

/** The editable idea as the form shows it. */
export async function getIdeaForEdit(db: Database, actor: Actor, ideaId: number) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'edit');
	const detail = await q.findIdeaDetail(db, ideaId);
	if (!detail) throw notFound();
	return { access, idea: detail };
}

/** My ideas: every idea of mine or my team, with what happens next, and the calls I may enter. */
export async function listMyIdeas(db: Database, actor: Actor) {
	if (!can(actor, 'idea.listOwn')) throw notFound();
	const [rows, calls] = await Promise.all([q.listIdeasOfMember(db, actor.id, 200), listOpenCalls(db, actor.departmentId)]);
	return {
		ideas: rows.map((idea) => ({ ...idea, holder: isIdeaStatus(idea.status) ? holderOf(idea.status) : 'nobody' })),
		calls
	};
}

/** The screening queue, oldest first, with working days waited and the overdue flag. */
export async function getScreeningQueue(db: Database, actor: Actor, now = new Date()) {
	if (!can(actor, 'idea.screen')) throw notFound();
	const rows = await q.listScreeningQueue(db);
	return rows.map((r) => ({
		...r,
		waitingDays: r.submittedAt ? workingDaysBetween(new Date(r.submittedAt), now) : 0,
		overdue: r.submittedAt ? isOverdue(new Date(r.submittedAt), now, r.responseDays) : false,
		resubmitted: !!r.firstSubmittedAt && !!r.submittedAt && new Date(r.firstSubmittedAt).getTime() !== new Date(r.submittedAt).getTime()
	}));
}

export async function listAllIdeas(db: Database, actor: Actor, query: IdeaListQuery, pageSize = IDEA_PAGE_SIZE) {
	if (!can(actor, 'idea.listAll')) throw notFound();
	const rows = await q.listIdeas(db, {
		competitionId: query.competition,
		departmentId: query.department,
		status: query.status && isIdeaStatus(query.status) ? query.status : undefined,
		tag: query.tag,
		q: query.q,
		sort: query.sort,
		dir: query.dir,
		limit: pageSize,
		offset: (query.page - 1) * pageSize
	});
	return { total: rows[0]?.total ?? 0, ideas: rows.map(({ total: _t, ...r }) => r) };
}

/** "Solved before?": published improvements and ideas this reader may see, like the text typed. */
export async function findSimilarIdeas(db: Database, actor: Actor, input: { title: string; problem: string; exclude?: number }) {
	if (!can(actor, 'idea.create')) throw notFound();
	const text = `${input.title} ${input.problem}`.replace(/\s+/g, ' ').trim().slice(0, 300);
	if (text.length < 4) return { kb: [], ideas: [] };
	return q.findSimilar(db, text, ACCEPTED_AND_LATER, input.exclude ?? null);
}

export async function findColleagues(db: Database, actor: Actor, query: string) {
	if (!can(actor, 'idea.create')) throw notFound();
	return q.searchColleagues(db, query);
}

export { listDepartments };
