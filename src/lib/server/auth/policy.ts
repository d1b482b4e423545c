/**
 * Who may do what: the one place that answers it. Pure functions over facts the services
 * load, so the whole table is unit-tested (policy.test.ts). Loads and actions ask here;
 * a "no" on an object is shown as 404, so a stranger learns nothing.
 */
import type { DashboardName } from '../../domain/insight-table.js';
import { ACCEPTED_AND_LATER, COACHING_ONGOING, statusIn, TEAM_EDITS, UNANSWERED } from '../../domain/idea-status.js';

export const ROLES = ['employee', 'mentor', 'juror', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles granted in the role_grant table; mentor and juror follow from profiles and juries. */
export const GRANTABLE_ROLES = ['organiser', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export type Actor = {
	id: number;
	departmentId: number;
	roles: readonly Role[];
	/** read with the session (LeaderFacts below); absent, a service reads them (team-leader.queries.ts) */
	leader?: LeaderFacts;
};

export const PORTAL_ACTIONS = [
	'idea.create',
	'idea.listOwn',
	'idea.screen',
	'idea.listAll',
	'competition.manage',
	'dashboard.view',
	'mentoring.coach',
	'mentoring.manage',
	'mentoring.optIn',
	'jury.score',
	'kb.read',
	'kb.adopt',
	'kb.manage',
	'admin.users',
	'admin.audit',
	'org.manage',
	'org.import',
	'admin.provisioning',
	'admin.mail',
	'admin.jobs',
	'mail.preferences',
	'insight.summary',
	'insight.all',
	'idea.wall',
	'glossary.manage'
] as const;
export type PortalAction = (typeof PORTAL_ACTIONS)[number];

const portalRules: Record<PortalAction, readonly Role[]> = {
	'idea.create': ['employee'],
	'idea.listOwn': ['employee'],
	'idea.screen': ['organiser'],
	'idea.listAll': ['organiser'],
	'competition.manage': ['organiser'],
	'dashboard.view': ['organiser', 'admin'],
	'mentoring.coach': ['mentor'],
	'mentoring.manage': ['organiser'],
	'mentoring.optIn': ['employee'],
	'jury.score': ['juror'],
	'kb.read': ['employee'],
	'kb.adopt': ['employee'],
	'kb.manage': ['organiser'],
	'admin.users': ['admin'],
	'admin.audit': ['admin'],
	// departments, process areas and each person's record
	'org.manage': ['admin'],
	// people and departments from an HR export: admins, and organisers who run the programme
	'org.import': ['admin', 'organiser'],
	// SCIM tokens for the identity provider
	'admin.provisioning': ['admin'],
	// the e-mail outbox (what was sent, what waits, what failed) and the background jobs
	'admin.mail': ['admin'],
	'admin.jobs': ['admin'],
	// everyone chooses how their own notifications reach them by e-mail
	'mail.preferences': ['employee'],
	// programme insight: everyone reads the company summary; organisers and admins every
	// dashboard of every department (department managers: insightAccess below)
	'insight.summary': ['employee'],
	'insight.all': ['organiser', 'admin'],
	// the ideas wall: every employee browses what the stage-gated rule lets them see
	'idea.wall': ['employee'],
	// the company glossary (English and Dutch term pairs) that widens every search
	'glossary.manage': ['organiser']
};

export function hasRole(actor: Actor | null, role: Role): boolean {
	return !!actor && actor.roles.includes(role);
}

/** Portal-wide permissions: does any of the actor's roles allow it? */
export function can(actor: Actor | null, action: PortalAction): boolean {
	if (!actor) return false;
	return portalRules[action].some((role) => actor.roles.includes(role));
}

/** What the service knows about one idea and the actor's relation to it. */
export type IdeaFacts = {
	status: string;
	/** the actor is on the idea's team */
	isMember: boolean;
	/** the actor is the idea's (proposed or accepted) mentor */
	isMentor: boolean;
	/** the actor sits on a jury of a round the idea is entered in */
	isJuror: boolean;
	/** the competition's submission deadline has passed (stage-gated visibility) */
	submissionClosed: boolean;
};

export const IDEA_ACTIONS = [
	'view',
	'edit',
	'submit',
	'withdraw',
	'comment',
	'commentOrganisersOnly',
	'screen',
	'support',
	'follow',
	'hideComment',
	'askHelp'
] as const;
export type IdeaAction = (typeof IDEA_ACTIONS)[number];

/**
 * On the wall for every employee: accepted (or later) and its competition's submission
 * deadline passed. The ideas wall lists exactly these for a colleague with no part in them;
 * its SQL twin is wall.queries.ts, kept equal by a test over every status and role.
 */
export function isPublicIdea(idea: Pick<IdeaFacts, 'status' | 'submissionClosed'>): boolean {
	return idea.submissionClosed && statusIn(idea.status, ACCEPTED_AND_LATER);
}

/**
 * Rules per idea:
 * - a draft is seen by its team only (helpers included);
 * - organisers see every submitted idea; the mentor and the jurors of its rounds see it;
 * - other employees see accepted-and-later ideas only after the submission deadline, so
 *   rivals never read each other's ideas while the call is open (isPublicIdea);
 * - the team edits a draft or a returned idea; organisers screen submitted ones;
 * - the discussion: team, mentor and organisers, and every colleague once the idea is public;
 *   organisers hide a comment (with a reason) and show it again;
 * - a colleague outside the team supports a public idea; anyone outside the team who sees a
 *   submitted idea follows it;
 * - the team asks a colleague (their team leader, a mentor) to help while they may edit it.
 */
export function canOnIdea(actor: Actor | null, action: IdeaAction, idea: IdeaFacts): boolean {
	if (!actor) return false;
	const organiser = actor.roles.includes('organiser');
	const draft = idea.status === 'draft';
	const publicIdea = isPublicIdea(idea);
	const view = idea.isMember || (!draft && (organiser || idea.isMentor || idea.isJuror)) || publicIdea;
	switch (action) {
		case 'view':
			return view;
		case 'edit':
			return idea.isMember && statusIn(idea.status, TEAM_EDITS);
		case 'submit':
			return idea.isMember && statusIn(idea.status, TEAM_EDITS);
		case 'withdraw':
			return idea.isMember && ['draft', 'submitted', 'returned'].includes(idea.status);
		case 'comment':
			return !draft && (idea.isMember || idea.isMentor || organiser || publicIdea);
		case 'commentOrganisersOnly':
			return !draft && organiser;
		case 'screen':
			return organiser && statusIn(idea.status, UNANSWERED);
		case 'support':
			return publicIdea && !idea.isMember;
		case 'follow':
			return view && !draft && !idea.isMember;
		case 'hideComment':
			return !draft && organiser;
		case 'askHelp':
			return idea.isMember && statusIn(idea.status, TEAM_EDITS);
	}
}

/** What the mentoring service knows about one idea and the actor's place in its coaching. */
export type CoachingFacts = {
	status: string;
	/** the actor is on the idea's team */
	isMember: boolean;
	/** the actor's own assignment to this idea, if proposed or accepted */
	mentorStatus: 'proposed' | 'accepted' | null;
	/** someone (anyone) is proposed or accepted as this idea's mentor */
	hasActiveMentor: boolean;
};

export const COACHING_ACTIONS = ['view', 'work', 'markReady', 'answer', 'request', 'assign', 'endMentor'] as const;
export type CoachingAction = (typeof COACHING_ACTIONS)[number];

/**
 * Rules of an idea's coaching space:
 * - team, mentor (proposed or accepted) and organisers see it once the idea is accepted;
 * - team and accepted mentor tick the checklist and write the log while coaching goes on;
 * - only the accepted mentor marks the idea ready for its presentation;
 * - the proposed mentor answers (accepts or declines) the proposal;
 * - the team asks for a specific mentor while nobody is proposed or accepted;
 * - organisers assign a mentor while coaching goes on and nobody is proposed or accepted;
 * - organisers end the proposed or accepted mentor's part while coaching goes on (illness, a new job).
 */
export function canOnCoaching(actor: Actor | null, action: CoachingAction, facts: CoachingFacts): boolean {
	if (!actor || !statusIn(facts.status, ACCEPTED_AND_LATER)) return false;
	const organiser = actor.roles.includes('organiser');
	const active = statusIn(facts.status, COACHING_ONGOING);
	switch (action) {
		case 'view':
			return facts.isMember || facts.mentorStatus !== null || organiser;
		case 'work':
			return active && (facts.isMember || facts.mentorStatus === 'accepted');
		case 'markReady':
			return active && facts.mentorStatus === 'accepted';
		case 'answer':
			return active && facts.mentorStatus === 'proposed';
		case 'request':
			return active && facts.isMember && !facts.hasActiveMentor;
		case 'assign':
			return active && organiser && !facts.hasActiveMentor;
		case 'endMentor':
			return active && organiser && facts.hasActiveMentor;
	}
}

/** Judging: one juror and one idea of a round, as the scoring service finds them. */
export type ScoringFacts = {
	/** the actor sits on the jury that judges this idea in this round */
	onJury: boolean;
	/** team, mentor, manager or declared conflict of interest */
	conflicted: boolean;
	roundStatus: string;
};

/**
 * Scoring: a member of the idea's jury, without a conflict, while the round is open. A
 * conflicted juror does not even open the sheet (the pair counts nowhere).
 */
export function canScoreIdea(actor: Actor | null, facts: ScoringFacts): boolean {
	return !!actor && facts.onJury && !facts.conflicted && facts.roundStatus === 'open';
}

/** Pitch day: one session (one jury's sitting) as the session service finds it. */
export type SessionFacts = {
	/** the actor sits on the session's jury */
	onJury: boolean;
	/** ... as its chair (jury_member.is_chair) */
	isJuryChair: boolean;
};

export const SESSION_ACTIONS = ['plan', 'chair', 'follow'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/**
 * Pitch day:
 * - plan (slots, "Plan for me", publish, print the agenda and booklet): organisers;
 * - chair (run the live session: start, next, timer, end; see who has scored): organisers
 *   and the jury's chair;
 * - follow (a juror's tablet: the current idea and the sheet, or "recused"): the jury's
 *   members. Whether a juror may score the idea on stage is canScoreIdea's answer, and
 *   whether the chair sees the running tally is mayViewOtherScores' (domain/scoring.ts).
 * Anyone else gets 404.
 */
export function canOnSession(actor: Actor | null, action: SessionAction, facts: SessionFacts): boolean {
	if (!actor) return false;
	const organiser = can(actor, 'competition.manage');
	switch (action) {
		case 'plan':
			return organiser;
		case 'chair':
			return organiser || (facts.onJury && facts.isJuryChair);
		case 'follow':
			return facts.onJury;
	}
}

/**
 * Feedback of a round is read once the organiser published it: by the idea's team and by
 * organisers. Jurors who scored the idea see its outcome (not the feedback page).
 */
export function canReadFeedback(actor: Actor | null, facts: { isMember: boolean; published: boolean }): boolean {
	if (!actor || !facts.published) return false;
	return facts.isMember || actor.roles.includes('organiser');
}

/** Knowledge base: one entry, as the knowledge-base service finds it. */
export type KbEntryFacts = {
	/** 'pending' (waiting for the organiser), 'published' or 'unpublished' */
	status: string;
	/** the actor is on the team of the idea the entry came from */
	isTeam: boolean;
};

export const KB_ENTRY_ACTIONS = ['view', 'edit', 'approve', 'unpublish', 'attach', 'adopt'] as const;
export type KbEntryAction = (typeof KB_ENTRY_ACTIONS)[number];

/**
 * Knowledge-base entries:
 * - every employee reads a published entry; a pending or unpublished one only its team and
 *   organisers (so nothing unapproved leaks into the knowledge base);
 * - organisers edit, approve (publish) and unpublish;
 * - files are added by organisers, and by the team until the entry is published;
 * - any employee records an adoption of a published entry.
 */
export function canOnKbEntry(actor: Actor | null, action: KbEntryAction, entry: KbEntryFacts): boolean {
	if (!actor || !can(actor, 'kb.read')) return false;
	const organiser = actor.roles.includes('organiser');
	const published = entry.status === 'published';
	switch (action) {
		case 'view':
			return published || organiser || entry.isTeam;
		case 'edit':
			return organiser;
		case 'approve':
			return organiser && entry.status !== 'published';
		case 'unpublish':
			return organiser && published;
		case 'attach':
			return organiser || (entry.isTeam && entry.status === 'pending');
		case 'adopt':
			return published && can(actor, 'kb.adopt');
	}
}

/** Who keeps a department's adoption of an entry once it is recorded. */
export type AdoptionFacts = { ownerId: number | null; createdBy: number | null };

/**
 * A department's adoption of an entry: anyone in the department records it first (organisers
 * for any department); from then on it is changed by its owner, by whoever recorded it, or by
 * organisers. A colleague of the same department cannot overwrite it, nor take it over.
 */
export function canOnAdoption(actor: Actor | null, departmentId: number, existing: AdoptionFacts | null): boolean {
	if (!actor || !can(actor, 'kb.adopt')) return false;
	if (actor.roles.includes('organiser')) return true;
	if (actor.departmentId !== departmentId) return false;
	if (!existing) return true;
	return actor.id === existing.ownerId || actor.id === existing.createdBy;
}

/**
 * The implementation record of an idea: kept by its team and by organisers, once the idea
 * was accepted. Publication is asked by the team once the idea is implemented.
 */
export function canOnImplementation(
	actor: Actor | null,
	action: 'record' | 'requestPublication',
	idea: { status: string; isMember: boolean }
): boolean {
	if (!actor) return false;
	const organiser = actor.roles.includes('organiser');
	if (action === 'record') return (idea.isMember || organiser) && statusIn(idea.status, ACCEPTED_AND_LATER);
	return (idea.isMember || organiser) && idea.status === 'implemented';
}

/** The team's pitch-day page of one idea: its slots, the calendar file, its unavailable times. */
export type TeamPitchFacts = { isMember: boolean; isMentor: boolean };
export const TEAM_PITCH_ACTIONS = ['view', 'editUnavailability'] as const;
export type TeamPitchAction = (typeof TEAM_PITCH_ACTIONS)[number];

/**
 * view: the idea's team, its mentor (proposed or accepted) and organisers.
 * editUnavailability ("When can't you present?"): the team and its mentor; organisers read
 * it (they plan around it) but do not speak for the team. Anyone else gets 404. Whether the
 * times may still change (session not started, round not closed) is the service's rule.
 */
export function canOnTeamPitch(actor: Actor | null, action: TeamPitchAction, facts: TeamPitchFacts): boolean {
	if (!actor) return false;
	const team = facts.isMember || facts.isMentor;
	return action === 'view' ? team || can(actor, 'competition.manage') : team;
}

/** What one person may see of the programme insight (src/routes/insight). */
export type InsightAccess = {
	/** the dashboards they may open; any other answers 404 */
	dashboards: readonly DashboardName[];
	/** 'all' departments, or the departments whose management team they sit on (with their sub-departments) */
	departments: 'all' | readonly number[];
};

const MANAGER_DASHBOARDS: readonly DashboardName[] = ['summary', 'participation', 'flow', 'mentoring', 'results'];

/**
 * Programme insight:
 * - organisers and admins: every dashboard, every department; the juries dashboard (each
 *   juror's leniency and agreement, outliers flagged) is theirs alone;
 * - a department manager (on a department's management team): their department's
 *   participation, flow, mentoring and results, with its sub-departments, and the summary;
 * - every other employee: the company summary.
 * Groups of fewer than five people are merged before anyone sees them (domain rule).
 */
export function insightAccess(actor: Actor | null, facts: { managedDepartmentIds: readonly number[] }): InsightAccess | null {
	if (!actor || !can(actor, 'insight.summary')) return null;
	if (can(actor, 'insight.all'))
		return { dashboards: ['summary', 'participation', 'flow', 'mentoring', 'juries', 'results'], departments: 'all' };
	if (facts.managedDepartmentIds.length > 0) return { dashboards: MANAGER_DASHBOARDS, departments: [...facts.managedDepartmentIds] };
	return { dashboards: ['summary'], departments: [] };
}

/** What the policy needs to know about a person's place in the organisation (team-leader.queries.ts). */
export type LeaderFacts = {
	/** someone active reports to them (app_user.manager_id) */
	leadsTeam: boolean;
	/** the departments whose management team they sit on */
	managedDepartmentIds: readonly number[];
};

/**
 * Entering an idea for a colleague who does not use the portal: a team leader or a mentor.
 * The colleague is credited as the submitter and must have agreed (the form asks).
 */
export function canEnterOnBehalf(actor: Actor | null, facts: Pick<LeaderFacts, 'leadsTeam'>): boolean {
	return can(actor, 'idea.create') && (facts.leadsTeam || hasRole(actor, 'mentor'));
}

/**
 * QR posters that open the one-minute idea with the place filled in: organisers for any
 * department, a department's management team for theirs, a team leader for their own.
 */
export function canMakePosters(actor: Actor | null, departmentId: number, facts: LeaderFacts): boolean {
	if (!actor || !can(actor, 'idea.create')) return false;
	if (hasRole(actor, 'organiser')) return true;
	if (facts.managedDepartmentIds.includes(departmentId)) return true;
	return facts.leadsTeam && actor.departmentId === departmentId;
}

/** Does this person make posters for any department (the menu's entry)? */
export function makesPosters(actor: Actor | null, facts: LeaderFacts): boolean {
	return !!actor && (hasRole(actor, 'organiser') || facts.managedDepartmentIds.length > 0 || facts.leadsTeam);
}

/**
 * A work instruction (a step plan on a knowledge-base entry), as the instructions service
 * finds it. Its owner approves its versions.
 */
export type InstructionFacts = {
	/** the entry's status: 'pending', 'published' or 'unpublished' */
	entryStatus: string;
	/** the actor is on the team of the idea the entry came from */
	isEntryTeam: boolean;
	/** the actor owns the instruction */
	isOwner: boolean;
	/** the actor handles an open report on it (Quality, a test technician it was passed to) */
	isHandler: boolean;
};

export const INSTRUCTION_ACTIONS = ['view', 'draft', 'approve', 'manage', 'report'] as const;
export type InstructionAction = (typeof INSTRUCTION_ACTIONS)[number];

/**
 * Work instructions:
 * - view: whoever may view the entry (every employee once it is published);
 * - draft (start, edit or discard the next version, add a step's photo or clip): the owner,
 *   the entry's team, a handler of an open report, and organisers;
 * - approve (the draft becomes the version people work to): the owner alone; organisers
 *   change the owner when the owner cannot;
 * - manage (add an instruction to the entry, change its title or owner): organisers, the
 *   owner, and the entry's team while the entry waits for publication;
 * - report (a problem or a better way on a step): every employee, on a published entry.
 */
export function canOnInstruction(actor: Actor | null, action: InstructionAction, facts: InstructionFacts): boolean {
	const entry = { status: facts.entryStatus, isTeam: facts.isEntryTeam };
	if (!canOnKbEntry(actor, 'view', entry)) return false;
	const organiser = hasRole(actor, 'organiser');
	switch (action) {
		case 'view':
			return true;
		case 'draft':
			return organiser || facts.isOwner || facts.isEntryTeam || facts.isHandler;
		case 'approve':
			return facts.isOwner;
		case 'manage':
			return organiser || facts.isOwner || (facts.isEntryTeam && facts.entryStatus === 'pending');
		case 'report':
			return facts.entryStatus === 'published';
	}
}

/** Which version of an instruction a department runs: anyone in the department confirms it, organisers for any. */
export function canConfirmInstructionVersion(actor: Actor | null, departmentId: number): boolean {
	if (!actor || !can(actor, 'kb.adopt')) return false;
	return hasRole(actor, 'organiser') || actor.departmentId === departmentId;
}

/** A report on a step, as the reports service finds it. */
export type ReportFacts = {
	/** 'open', 'passed_on' or 'closed' */
	status: string;
	isReporter: boolean;
	/** the actor owns the instruction it was reported on */
	isOwner: boolean;
	/** it was passed to the actor */
	isHandler: boolean;
};

export const REPORT_ACTIONS = ['view', 'note', 'passOn', 'close'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * Reports from the floor:
 * - view: the reporter (who sees every step of its way), the instruction's owner, its handler
 *   and organisers; anyone else gets 404;
 * - note (add to its history while it is not closed): the same people;
 * - passOn (to Quality or a technician, who is told) and close (with a new version, with a
 *   reason, or as an idea): the owner and organisers, while it is not closed.
 */
export function canOnReport(actor: Actor | null, action: ReportAction, facts: ReportFacts): boolean {
	if (!actor || !can(actor, 'kb.read')) return false;
	const organiser = hasRole(actor, 'organiser');
	const involved = facts.isReporter || facts.isOwner || facts.isHandler || organiser;
	const open = facts.status !== 'closed';
	switch (action) {
		case 'view':
			return involved;
		case 'note':
			return involved && open;
		case 'passOn':
		case 'close':
			return (facts.isOwner || organiser) && open;
	}
}
