import type { Database } from '../db/index.js';
import { can, hasRole, type Actor } from '../auth/policy.js';
import { funnel, holderOf, isIdeaStatus, type FunnelStage } from '../../domain/lifecycle.js';
import { isOverdue } from '../../domain/response-time.js';
import { listActiveCompetitions, listOpenCalls } from '../ideas/calls.queries.js';
import { countIdeasByStatus, listIdeasOfMember, listUnansweredSubmissions } from '../ideas/ideas.service.js';
import { findMentorProfile, listMentees } from '../mentoring/mentor-home.service.js';
import { listJurorRounds } from '../scoring/jury-sheet.queries.js';
import { listRecentNotifications } from '../notifications/notifications.queries.js';
import { countPeople } from '../org/users.queries.js';
import { renderMarkdown } from '../markdown.js';

/** Everything a person's home page shows, for each role they hold; a few queries in parallel. */
export async function loadHome(db: Database, actor: Actor, now = new Date()) {
	const [calls, myIdeas, notifications, mentor, juror, organiser, admin] = await Promise.all([
		listOpenCalls(db, actor.departmentId),
		listIdeasOfMember(db, actor.id, 20),
		listRecentNotifications(db, actor.id, 5),
		hasRole(actor, 'mentor') ? loadMentorHome(db, actor.id) : null,
		hasRole(actor, 'juror') ? listJurorRounds(db, actor.id) : null,
		can(actor, 'competition.manage') ? loadOrganiserHome(db, now) : null,
		can(actor, 'admin.users') ? countPeople(db) : null
	]);
	return {
		// The call text is markdown written by organisers: rendered and sanitised here.
		calls: calls.map((c) => ({ ...c, callHtml: renderMarkdown(c.callText) })),
		myIdeas: myIdeas.map((idea) => ({ ...idea, holder: isIdeaStatus(idea.status) ? holderOf(idea.status) : 'nobody' })),
		notifications,
		mentor,
		juror:
			juror?.map((r) => {
				const toScore = r.toScore ?? 0;
				const scored = r.scored ?? 0;
				return { ...r, toScore, scored, pending: Math.max(0, toScore - scored) };
			}) ?? null,
		organiser,
		admin
	};
}

async function loadMentorHome(db: Database, mentorId: number) {
	const [mentees, profile] = await Promise.all([listMentees(db, mentorId), findMentorProfile(db, mentorId)]);
	const active = mentees.filter((m) => m.assignmentStatus === 'accepted').length;
	return { mentees, capacity: profile?.capacity ?? 0, active, waiting: mentees.length - active };
}

async function loadOrganiserHome(db: Database, now: Date) {
	const competitions = await listActiveCompetitions(db);
	const ids = competitions.map((c) => c.id);
	const [counts, unanswered] = await Promise.all([countIdeasByStatus(db, ids), listUnansweredSubmissions(db, ids)]);
	return competitions.map((c) => {
		const byStatus: Record<string, number> = {};
		for (const row of counts) if (row.competitionId === c.id) byStatus[row.status] = Number(row.n);
		const waiting = unanswered.filter((u) => u.competitionId === c.id);
		const overdue = waiting.filter((u) => isOverdue(u.submittedAt!, now, c.responseDays)).length;
		const stages = funnel(byStatus);
		return {
			...c,
			funnel: (Object.keys(stages) as FunnelStage[]).map((stage) => ({ stage, count: stages[stage] })),
			funnelMax: Math.max(1, ...Object.values(stages)),
			declined: byStatus.declined ?? 0,
			waiting: waiting.length,
			overdue
		};
	});
}
