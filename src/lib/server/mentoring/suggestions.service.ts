/**
 * Mentor suggestions (the rule is domain/matching.ts): the organiser's mentoring page with
 * the best mentors per idea, the "assign all" preview, the mentors a team may ask for, and the
 * competition's preference for a mentor from another department. Saving is assignment.service.ts.
 */
import type { Database, Db } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { suggestMentors, type MentorCandidate, type MentorStatus, type MentorSuggestion } from '../../domain/matching.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './mentoring.queries.js';

/** How many suggestions the organiser sees per idea. */
export const SUGGESTIONS_SHOWN = 3;

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

type WaitingIdea = Awaited<ReturnType<typeof q.listIdeasWithoutMentor>>[number];

function suggestFor(idea: WaitingIdea, candidates: MentorCandidate[], limit?: number): MentorSuggestion[] {
	return suggestMentors(
		{ tags: idea.tags ?? [], processArea: idea.processAreaCode, departmentId: idea.departmentId, teamUserIds: idea.teamIds ?? [] },
		candidates,
		{ preferOtherDepartment: idea.preferOtherDepartment, limit }
	);
}

const suggestionView = (s: MentorSuggestion) => ({ userId: s.mentor.userId, name: s.mentor.name, score: s.score, reasons: s.reasons });

/**
 * The organiser's mentoring page: mentor load, ideas without a mentor with the best
 * suggestions (and the mentor the team asked for), proposals not answered yet, ideas coached.
 */
export async function getMentoringOverview(db: Database, actor: Actor, now = new Date()) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	const { mentors, waiting, unanswered, coached, competitions, people } = await q.findMentoringOverview(db);
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

/** The mentors a team may ask for (the coaching space's request form): best first, each with a free place and the reasons. */
export async function listRequestChoices(
	db: Db,
	idea: {
		tags: string[] | null;
		processAreaCode: string | null;
		departmentId: number;
		preferOtherDepartment: boolean;
		team: Array<{ id: number }>;
	}
) {
	const mentors = await q.listMentors(db);
	const byId = new Map(mentors.map((m) => [m.userId, m]));
	const team = idea.team.map((p) => p.id);
	return suggestMentors(
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
