import type { Database } from '../db/index.js';
import { can, hasRole, type Actor } from '../auth/policy.js';
import { funnel, holderOf, isIdeaStatus, type FunnelStage } from '../../domain/lifecycle.js';
import { isOverdue } from '../../domain/response-time.js';
import { renderMarkdown } from '../markdown.js';
import * as q from './home.queries.js';

/** How many of the person's ideas the home page lists. */
const MY_IDEAS = 20;

/**
 * Everything a person's home page shows, for each role they hold: one statement for
 * everyone (the mentor and admin sections included), one more for the jury and for the
 * organiser section, in parallel; none per row.
 */
export async function loadHome(db: Database, actor: Actor, now = new Date()) {
	const isMentor = hasRole(actor, 'mentor');
	const [basics, juror, organiser] = await Promise.all([
		q.findHomeBasics(db, actor, { ideas: MY_IDEAS, notifications: 5, mentor: isMentor, admin: can(actor, 'admin.users') }),
		hasRole(actor, 'juror') ? q.listJurorRounds(db, actor.id) : null,
		can(actor, 'competition.manage') ? loadOrganiserHome(db, now) : null
	]);
	// Inside JSON the times arrive as text: the page gets the Dates the separate reads gave.
	const calls = basics.calls.map((c) => ({
		...c,
		submissionOpensAt: date(c.submissionOpensAt),
		submissionClosesAt: date(c.submissionClosesAt)
	}));
	const ideas = basics.ideas.map((i) => ({
		...i,
		updatedAt: date(i.updatedAt),
		submittedAt: maybeDate(i.submittedAt),
		returnedAt: maybeDate(i.returnedAt)
	}));
	const notifications = basics.notifications.map((n) => ({ ...n, readAt: maybeDate(n.readAt), createdAt: date(n.createdAt) }));
	const mentor = isMentor ? mentorCardOf(basics.mentor) : null;
	const admin = basics.admin;
	const myIdeas = ideas
		.map((idea) => ({ ...idea, holder: isIdeaStatus(idea.status) ? holderOf(idea.status) : ('nobody' as const) }))
		.sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime() || b.id - a.id);
	return {
		// The call text is markdown written by organisers: rendered and sanitised here.
		calls: calls.filter((c) => c.eligible).map(({ eligible: _, ...c }) => ({ ...c, callHtml: renderMarkdown(c.callText) })),
		// Calls open to other departments only: the person learns a call is running, and why it is not for them.
		callsElsewhere: calls.filter((c) => !c.eligible).map((c) => ({ id: c.id, name: c.name, submissionClosesAt: c.submissionClosesAt })),
		// Ideas returned for changes wait for their team: the page puts them first, with the organiser's message.
		waiting: ideas
			.filter((i) => i.status === 'returned')
			.map((i) => ({
				id: i.id,
				title: i.title,
				competitionName: i.competitionName,
				message: i.returnMessage ?? '',
				returnedAt: i.returnedAt
			}))
			.sort((a, b) => new Date(a.returnedAt ?? 0).getTime() - new Date(b.returnedAt ?? 0).getTime() || a.id - b.id),
		myIdeas,
		notifications,
		mentor,
		juror:
			juror?.map((r) => {
				const toScore = r.toScore ?? 0;
				const scored = r.scored ?? 0;
				return { ...r, toScore, scored, pending: Math.max(0, toScore - scored), next: r.status === 'open' ? r.next : null };
			}) ?? null,
		organiser,
		admin
	};
}

export type Home = Awaited<ReturnType<typeof loadHome>>;

const date = (value: Date | string) => new Date(value);
const maybeDate = (value: Date | string | null) => (value === null ? null : new Date(value));

function mentorCardOf(card: Awaited<ReturnType<typeof q.findHomeBasics>>['mentor']) {
	const mentees = card?.mentees ?? [];
	const active = mentees.filter((m) => m.assignmentStatus === 'accepted').length;
	// Places in use by the one rule assignment follows (ACTIVE_ASSIGNMENT): a proposal waiting
	// for the mentor's answer holds a place as an accepted idea does, as /mentoring says too.
	return { mentees, capacity: card?.capacity ?? 0, active, waiting: mentees.length - active, placesInUse: mentees.length };
}

async function loadOrganiserHome(db: Database, now: Date) {
	const competitions = await q.listRunningCompetitions(db);
	return competitions.map(({ byStatus: rows, unanswered, ...c }) => {
		const byStatus: Record<string, number> = {};
		for (const row of rows) byStatus[row.status] = Number(row.n);
		// Inside JSON the times arrive as text.
		const overdue = unanswered.filter((u) => isOverdue(new Date(u.submittedAt!), now, c.responseDays)).length;
		const stages = funnel(byStatus);
		return {
			...c,
			funnel: (Object.keys(stages) as FunnelStage[]).map((stage) => ({ stage, count: stages[stage] })),
			funnelMax: Math.max(1, ...Object.values(stages)),
			declined: byStatus.declined ?? 0,
			waiting: unanswered.length,
			overdue
		};
	});
}
