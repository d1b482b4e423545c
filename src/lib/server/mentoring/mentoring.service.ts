import type { Database, Db } from '../db/index.js';
import { can, canOnCoaching, hasRole, type Actor, type CoachingAction, type CoachingFacts } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { suggestMentors, type MentorCandidate, type MentorStatus, type MentorSuggestion } from '../../domain/matching.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertEvent, listOrganiserIds, listTeamIds } from '../ideas/ideas.queries.js';
import { moveIdea } from '../ideas/ideas.service.js';
import { CHECKLIST_ITEMS, type ChecklistItem, type LogInput, type ProfileInput } from './mentoring.schema.js';
import * as q from './mentoring.queries.js';

/** How many suggestions the organiser sees per idea. */
export const SUGGESTIONS_SHOWN = 3;

const refusal = (code: string, message: string, status: 400 | 409 = 409) => new DomainError(code, message, status);

// ---------- access ----------

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
async function requireCoaching(db: Db, actor: Actor, ideaId: number, action: CoachingAction) {
	const access = await loadCoaching(db, actor, ideaId);
	if (!access || !canOnCoaching(actor, 'view', access.facts)) throw notFound();
	if (action !== 'view' && !canOnCoaching(actor, action, access.facts)) {
		throw refusal('not_allowed_now', 'This cannot be done to this idea now; reload to see what changed.');
	}
	return access;
}

const toCandidate = (m: Awaited<ReturnType<typeof q.listMentors>>[number]): MentorCandidate => ({
	userId: m.userId,
	name: m.name,
	departmentId: m.departmentId,
	expertise: m.expertise,
	languages: m.languages,
	capacity: m.capacity,
	active: m.active ?? 0,
	status: m.status as MentorStatus
});

// ---------- profiles ----------

/** The signed-in person's own mentor profile (null before opting in) and the expertise tags known in the portal. */
export async function getOwnProfile(db: Database, actor: Actor) {
	if (!can(actor, 'mentoring.optIn')) throw notFound();
	const [profile, active] = await Promise.all([q.findMentorProfileFull(db, actor.id), q.countActiveAssignments(db, actor.id)]);
	const mentors = await q.listMentors(db);
	const known = [...new Set(mentors.flatMap((m) => m.expertise))].sort();
	return { profile: profile ?? null, active, knownExpertise: known };
}

/** Opt in as a mentor, or change one's profile; capacity never below the ideas one coaches now. */
export async function saveOwnProfile(db: Database, actor: Actor, input: ProfileInput) {
	if (!can(actor, 'mentoring.optIn')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const existing = await q.lockMentorProfile(trx, actor.id);
		const active = existing ? await q.countActiveAssignments(trx, actor.id) : 0;
		if (input.capacity < active) throw new FieldErrors({ capacity: ['capacity_below_load'] });
		await q.upsertMentorProfile(trx, { userId: actor.id, ...input });
		await recordAudit(trx, {
			actorId: actor.id,
			action: existing ? 'mentoring.profile_changed' : 'mentoring.opted_in',
			objectType: 'mentor_profile',
			objectId: actor.id,
			data: { capacity: input.capacity, status: input.status, expertise: input.expertise }
		});
		return { optedIn: !existing };
	});
}

/** The organiser adds a colleague as mentor (they can change the profile themselves later). */
export async function addMentor(db: Database, actor: Actor, input: { userId: number; expertise: string[]; capacity: number }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const person = await q.findActiveUser(trx, input.userId);
		if (!person) throw new FieldErrors({ userId: ['unknown_person'] });
		const added = await q.insertMentorProfileIfMissing(trx, {
			userId: input.userId,
			expertise: input.expertise,
			languages: ['nl', 'en'],
			capacity: input.capacity
		});
		if (!added) throw new FieldErrors({ userId: ['already_mentor'] });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'mentoring.mentor_added',
			objectType: 'mentor_profile',
			objectId: input.userId,
			data: { ...input }
		});
		return { name: person.name };
	});
}

/** Pause a mentor (no new suggestions or assignments; current mentees stay) or resume them. */
export async function setMentorAvailability(db: Database, actor: Actor, input: { userId: number; status: 'active' | 'paused' }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const changed = await q.setMentorStatus(trx, input.userId, input.status);
		if (!changed) throw notFound();
		await recordAudit(trx, {
			actorId: actor.id,
			action: `mentoring.mentor_${input.status}`,
			objectType: 'mentor_profile',
			objectId: input.userId
		});
		return input;
	});
}

/** The competition setting: prefer a mentor from another department than the idea's. */
export async function setPreferOtherDepartment(db: Database, actor: Actor, input: { competitionId: number; prefer: boolean }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const changed = await q.setPreferOtherDepartment(trx, input.competitionId, input.prefer);
		if (!changed) throw notFound();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'competition.mentor_preference',
			objectType: 'competition',
			objectId: input.competitionId,
			data: { prefer: input.prefer }
		});
		return input;
	});
}

// ---------- suggestions and assignment ----------

type WaitingIdea = Awaited<ReturnType<typeof q.listIdeasWithoutMentor>>[number];

function suggestFor(idea: WaitingIdea, candidates: MentorCandidate[], limit?: number): MentorSuggestion[] {
	return suggestMentors(
		{ tags: idea.tags ?? [], processArea: idea.processAreaCode, departmentId: idea.departmentId, teamUserIds: idea.teamIds ?? [] },
		candidates,
		{ preferOtherDepartment: idea.preferOtherDepartment, limit }
	);
}

/**
 * The organiser's mentoring page: mentor load, ideas without a mentor with the best
 * suggestions (and the mentor the team asked for), proposals not answered yet, ideas coached.
 */
export async function getMentoringOverview(db: Database, actor: Actor, now = new Date()) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	const [mentors, waiting, unanswered, coached, competitions, people] = await Promise.all([
		q.listMentors(db),
		q.listIdeasWithoutMentor(db),
		q.listUnansweredProposals(db),
		q.listCoachedIdeas(db),
		q.listCompetitionMentorSettings(db),
		q.listPeopleWithoutProfile(db)
	]);
	const candidates = mentors.map(toCandidate);
	const byId = new Map(mentors.map((m) => [m.userId, m]));
	const available = candidates
		.filter((c) => c.status === 'active' && c.active < c.capacity)
		.map((c) => ({ userId: c.userId, name: c.name, free: c.capacity - c.active }));
	return {
		mentors: mentors.map((m) => ({ ...m, active: m.active ?? 0, waiting: m.waiting ?? 0 })),
		ideas: waiting.map((idea) => {
			const all = suggestFor(idea, candidates);
			const requested = idea.requestedMentorId ? byId.get(idea.requestedMentorId) : undefined;
			const requestedSuggestion = requested ? all.find((s) => s.mentor.userId === requested.userId) : undefined;
			return {
				id: idea.id,
				title: idea.title,
				status: idea.status,
				departmentName: idea.departmentName,
				team: idea.team,
				tags: idea.tags ?? [],
				processAreaEn: idea.processAreaEn,
				processAreaNl: idea.processAreaNl,
				competitionName: idea.competitionName,
				declines: idea.declines ?? 0,
				acceptedAt: idea.answeredAt,
				requested: requested
					? {
							userId: requested.userId,
							name: requested.name,
							available: !!requestedSuggestion,
							reasons: requestedSuggestion?.reasons ?? null
						}
					: null,
				suggestions: all.slice(0, SUGGESTIONS_SHOWN).map(suggestionView),
				// Every mentor with a free place, for a choice outside the suggestions (team members left out).
				others: all.map((s) => ({ userId: s.mentor.userId, name: s.mentor.name, free: s.reasons.free }))
			};
		}),
		unanswered: unanswered.map((u) => ({ ...u, days: Math.floor((now.getTime() - new Date(u.createdAt).getTime()) / 86_400_000) })),
		coached,
		competitions,
		people,
		available
	};
}

const suggestionView = (s: MentorSuggestion) => ({ userId: s.mentor.userId, name: s.mentor.name, score: s.score, reasons: s.reasons });

/**
 * "Assign all unassigned", before saving: for each idea without a mentor (longest waiting
 * first) the best suggestion, counting the places the earlier proposals in this list take.
 * The team's own request goes first when that mentor has a place.
 */
export async function previewAssignAll(db: Database, actor: Actor) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	const [mentors, waiting] = await Promise.all([q.listMentors(db), q.listIdeasWithoutMentor(db)]);
	const candidates = mentors.map(toCandidate);
	const proposals = waiting.map((idea) => {
		const all = suggestFor(idea, candidates);
		const requested = idea.requestedMentorId ? all.find((s) => s.mentor.userId === idea.requestedMentorId) : undefined;
		const pick = requested ?? all[0];
		if (pick) pick.mentor.active += 1;
		return {
			id: idea.id,
			title: idea.title,
			departmentName: idea.departmentName,
			tags: idea.tags ?? [],
			proposal: pick ? { ...suggestionView(pick), requested: pick === requested } : null,
			alternatives: all.filter((s) => s !== pick).map((s) => ({ userId: s.mentor.userId, name: s.mentor.name }))
		};
	});
	return { proposals };
}

/**
 * Propose a mentor for an idea. The mentor's profile row is locked first, then the idea's:
 * two organisers assigning at once queue, so a mentor is never proposed over capacity and an
 * idea never gets two mentors. The team's open requests close; the mentor is asked.
 */
export async function assignMentor(db: Database, actor: Actor, input: { ideaId: number; mentorId: number }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
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
		await insertEvent(trx, {
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
	});
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
			await insertEvent(trx, { ideaId, actorId: actor.id, kind: 'mentor_accepted', data: { mentorId: actor.id } });
			if (access.status === 'accepted') {
				await moveIdea(trx, { ideaId, actorId: actor.id, transition: 'startCoaching', as: ['mentor'], data: { mentorId: actor.id } });
			}
			const team = (await listTeamIds(trx, ideaId)).map((m) => m.userId);
			await insertNotifications(trx, team, { kind: 'mentor_assigned', params, link: `/ideas/${ideaId}/coaching` });
		} else {
			await insertEvent(trx, { ideaId, actorId: actor.id, kind: 'mentor_declined', reason, data: { mentorId: actor.id } });
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
		await insertEvent(trx, {
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

// ---------- the coaching space ----------

/** An idea's coaching space: mentor, checklist, log, presentations, and what this reader may do. */
export async function getCoachingSpace(db: Database, actor: Actor, ideaId: number) {
	const access = await requireCoaching(db, actor, ideaId, 'view');
	const organiser = hasRole(actor, 'organiser');
	const [idea, assignments, checks, log, presentations] = await Promise.all([
		q.findCoachingIdea(db, ideaId),
		q.listIdeaAssignments(db, ideaId),
		q.listChecks(db, ideaId),
		q.listCoachingLog(db, ideaId),
		q.listIdeaPresentations(db, ideaId)
	]);
	if (!idea) throw notFound();
	const can_ = {
		work: canOnCoaching(actor, 'work', access.facts),
		markReady: canOnCoaching(actor, 'markReady', access.facts),
		answer: canOnCoaching(actor, 'answer', access.facts),
		request: canOnCoaching(actor, 'request', access.facts),
		assign: canOnCoaching(actor, 'assign', access.facts)
	};
	const current = assignments.find((a) => a.status === 'proposed' || a.status === 'accepted') ?? null;
	const request = assignments.find((a) => a.status === 'requested') ?? null;
	let choices: Array<{
		userId: number;
		name: string;
		departmentName: string;
		expertise: string[];
		free: number;
		reasons: MentorSuggestion['reasons'];
	}> = [];
	if (can_.request) {
		const mentors = await q.listMentors(db);
		const byId = new Map(mentors.map((m) => [m.userId, m]));
		const team = idea.team.map((p) => p.id);
		choices = suggestMentors(
			{ tags: idea.tags ?? [], processArea: idea.processAreaCode, departmentId: idea.departmentId, teamUserIds: team },
			mentors.map(toCandidate),
			{ preferOtherDepartment: idea.preferOtherDepartment }
		).map((s) => ({
			userId: s.mentor.userId,
			name: s.mentor.name,
			departmentName: byId.get(s.mentor.userId)?.departmentName ?? '',
			expertise: [...s.mentor.expertise],
			free: s.reasons.free,
			reasons: s.reasons
		}));
	}
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
		await insertEvent(trx, { ideaId, actorId: actor.id, kind: ready ? 'marked_ready' : 'ready_withdrawn', data: { mentorId: actor.id } });
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

// ---------- the mentor's home ----------

/** My mentees and their progress, proposals waiting for my answer, and my mentees' next presentations. */
export async function getMentorHome(db: Database, actor: Actor) {
	// A paused mentor is no longer "mentor" in the portal's roles, but still coaches their mentees.
	const profile = await q.findMentorProfileFull(db, actor.id);
	if (!profile && !can(actor, 'mentoring.coach')) throw notFound();
	const [assignments, presentations] = await Promise.all([q.listMentorAssignments(db, actor.id), q.listMenteePresentations(db, actor.id)]);
	const mentees = assignments.filter((a) => a.assignmentStatus === 'accepted');
	return {
		profile: profile ?? null,
		waiting: assignments.filter((a) => a.assignmentStatus === 'proposed'),
		mentees: mentees.map((a) => ({ ...a, checksDone: a.checksDone ?? 0, tags: a.tags ?? [] })),
		presentations,
		load: { active: assignments.length, capacity: profile?.capacity ?? 0 },
		checklistSize: CHECKLIST_ITEMS.length
	};
}
