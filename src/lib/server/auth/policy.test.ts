import { describe, expect, it } from 'vitest';
import { can, canOnIdea, PORTAL_ACTIONS, ROLES, type Actor, type IdeaFacts, type PortalAction, type Role } from './policy';
import { canOnCoaching, COACHING_ACTIONS, type CoachingFacts } from './policy';
import { canReadFeedback, canScoreIdea } from './policy';
import { canEnterOnBehalf, canMakePosters, makesPosters } from './policy';

const actor = (...roles: Role[]): Actor => ({ id: 1, departmentId: 1, roles: ['employee', ...roles.filter((r) => r !== 'employee')] });

/** The whole table: which role may do which portal action. Read it as the specification. */
const expected: Record<Role, PortalAction[]> = {
	employee: ['idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt', 'mentoring.optIn', 'mail.preferences', 'insight.summary', 'idea.wall'],
	mentor: [
		'idea.create',
		'idea.listOwn',
		'kb.read',
		'kb.adopt',
		'mentoring.optIn',
		'mail.preferences',
		'insight.summary',
		'idea.wall',
		'mentoring.coach'
	],
	juror: [
		'idea.create',
		'idea.listOwn',
		'kb.read',
		'kb.adopt',
		'mentoring.optIn',
		'mail.preferences',
		'insight.summary',
		'idea.wall',
		'jury.score'
	],
	organiser: [
		'idea.create',
		'idea.listOwn',
		'kb.read',
		'kb.adopt',
		'mentoring.optIn',
		'mail.preferences',
		'idea.screen',
		'idea.listAll',
		'competition.manage',
		'dashboard.view',
		'mentoring.manage',
		'kb.manage',
		'org.import',
		'insight.summary',
		'insight.all',
		'idea.wall',
		'glossary.manage'
	],
	admin: [
		'idea.create',
		'idea.listOwn',
		'kb.read',
		'kb.adopt',
		'mentoring.optIn',
		'dashboard.view',
		'admin.users',
		'admin.audit',
		'org.manage',
		'org.import',
		'admin.provisioning',
		'mail.preferences',
		'admin.mail',
		'admin.jobs',
		'insight.summary',
		'insight.all',
		'idea.wall'
	]
};

describe('portal permissions: role x action', () => {
	for (const role of ROLES) {
		for (const action of PORTAL_ACTIONS) {
			const allowed = expected[role].includes(action);
			it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
				expect(can(actor(role), action)).toBe(allowed);
			});
		}
	}

	it('a stranger (not signed in) may do nothing', () => {
		for (const action of PORTAL_ACTIONS) expect(can(null, action)).toBe(false);
	});

	it('a person with several roles holds the union of them', () => {
		const managerWhoMentors = actor('juror', 'mentor');
		expect(can(managerWhoMentors, 'jury.score')).toBe(true);
		expect(can(managerWhoMentors, 'mentoring.coach')).toBe(true);
		expect(can(managerWhoMentors, 'admin.users')).toBe(false);
	});
});

const idea = (over: Partial<IdeaFacts> = {}): IdeaFacts => ({
	status: 'submitted',
	isMember: false,
	isMentor: false,
	isJuror: false,
	submissionClosed: false,
	...over
});

describe('idea permissions: relation x status x action', () => {
	const member = actor();
	const stranger = { ...actor(), id: 2 };
	const organiser = actor('organiser');
	const mentor = actor('mentor');
	const juror = actor('juror');

	it('a draft is seen by its team only, not even by organisers', () => {
		expect(canOnIdea(member, 'view', idea({ status: 'draft', isMember: true }))).toBe(true);
		expect(canOnIdea(organiser, 'view', idea({ status: 'draft' }))).toBe(false);
		expect(canOnIdea(stranger, 'view', idea({ status: 'draft', submissionClosed: true }))).toBe(false);
	});

	it('a submitted idea is seen by the team and organisers, not by a rival before the deadline', () => {
		expect(canOnIdea(member, 'view', idea({ isMember: true }))).toBe(true);
		expect(canOnIdea(organiser, 'view', idea())).toBe(true);
		expect(canOnIdea(stranger, 'view', idea())).toBe(false);
	});

	it('after the deadline, accepted-and-later ideas are visible to every department', () => {
		expect(canOnIdea(stranger, 'view', idea({ status: 'semi_final', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(stranger, 'view', idea({ status: 'semi_final', submissionClosed: false }))).toBe(false);
		expect(canOnIdea(stranger, 'view', idea({ status: 'declined', submissionClosed: true }))).toBe(false);
		expect(canOnIdea(stranger, 'view', idea({ status: 'submitted', submissionClosed: true }))).toBe(false);
	});

	it('the mentor and the jurors of its rounds see a submitted idea', () => {
		expect(canOnIdea(mentor, 'view', idea({ status: 'coaching', isMentor: true }))).toBe(true);
		expect(canOnIdea(juror, 'view', idea({ status: 'semi_final', isJuror: true }))).toBe(true);
		expect(canOnIdea(mentor, 'view', idea({ status: 'coaching' }))).toBe(false);
	});

	it('the team edits and submits a draft or a returned idea, nothing later', () => {
		for (const status of ['draft', 'returned']) {
			expect(canOnIdea(member, 'edit', idea({ status, isMember: true }))).toBe(true);
			expect(canOnIdea(member, 'submit', idea({ status, isMember: true }))).toBe(true);
		}
		for (const status of ['submitted', 'accepted', 'semi_final']) {
			expect(canOnIdea(member, 'edit', idea({ status, isMember: true }))).toBe(false);
		}
		expect(canOnIdea(organiser, 'edit', idea({ status: 'returned' }))).toBe(false);
	});

	it('the team withdraws before screening only', () => {
		expect(canOnIdea(member, 'withdraw', idea({ status: 'submitted', isMember: true }))).toBe(true);
		expect(canOnIdea(member, 'withdraw', idea({ status: 'accepted', isMember: true }))).toBe(false);
		expect(canOnIdea(stranger, 'withdraw', idea({ status: 'submitted' }))).toBe(false);
	});

	it('organisers screen submitted ideas; nobody else does', () => {
		expect(canOnIdea(organiser, 'screen', idea({ status: 'submitted' }))).toBe(true);
		expect(canOnIdea(organiser, 'screen', idea({ status: 'screening' }))).toBe(true);
		expect(canOnIdea(organiser, 'screen', idea({ status: 'accepted' }))).toBe(false);
		expect(canOnIdea(member, 'screen', idea({ isMember: true }))).toBe(false);
	});

	it('comments: team, mentor and organisers; every colleague once public; organisers-only notes by organisers', () => {
		expect(canOnIdea(member, 'comment', idea({ isMember: true }))).toBe(true);
		expect(canOnIdea(mentor, 'comment', idea({ status: 'coaching', isMentor: true }))).toBe(true);
		expect(canOnIdea(stranger, 'comment', idea({ status: 'semi_final', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(stranger, 'comment', idea({ status: 'semi_final', submissionClosed: false }))).toBe(false);
		expect(canOnIdea(stranger, 'comment', idea({ status: 'submitted', submissionClosed: true }))).toBe(false);
		expect(canOnIdea(organiser, 'commentOrganisersOnly', idea())).toBe(true);
		expect(canOnIdea(member, 'commentOrganisersOnly', idea({ isMember: true }))).toBe(false);
		expect(canOnIdea(member, 'comment', idea({ status: 'draft', isMember: true }))).toBe(false);
	});

	it('a colleague supports a public idea, never their own or one not yet public', () => {
		expect(canOnIdea(stranger, 'support', idea({ status: 'accepted', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(stranger, 'support', idea({ status: 'published', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(stranger, 'support', idea({ status: 'accepted', submissionClosed: false }))).toBe(false);
		expect(canOnIdea(stranger, 'support', idea({ status: 'declined', submissionClosed: true }))).toBe(false);
		expect(canOnIdea(member, 'support', idea({ status: 'accepted', submissionClosed: true, isMember: true }))).toBe(false);
		// an organiser sees a submitted idea, but it is not on the wall yet
		expect(canOnIdea(organiser, 'support', idea({ status: 'submitted', submissionClosed: true }))).toBe(false);
	});

	it('anyone outside the team who sees a submitted idea follows it', () => {
		expect(canOnIdea(stranger, 'follow', idea({ status: 'semi_final', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(organiser, 'follow', idea({ status: 'submitted' }))).toBe(true);
		expect(canOnIdea(juror, 'follow', idea({ status: 'semi_final', isJuror: true }))).toBe(true);
		expect(canOnIdea(stranger, 'follow', idea({ status: 'semi_final', submissionClosed: false }))).toBe(false);
		expect(canOnIdea(member, 'follow', idea({ status: 'semi_final', isMember: true }))).toBe(false);
	});

	it('organisers hide comments; nobody else does', () => {
		expect(canOnIdea(organiser, 'hideComment', idea({ status: 'winner', submissionClosed: true }))).toBe(true);
		expect(canOnIdea(member, 'hideComment', idea({ status: 'winner', isMember: true }))).toBe(false);
		expect(canOnIdea(stranger, 'hideComment', idea({ status: 'winner', submissionClosed: true }))).toBe(false);
	});

	it('the team asks a colleague to help while it may edit the idea', () => {
		expect(canOnIdea(member, 'askHelp', idea({ status: 'draft', isMember: true }))).toBe(true);
		expect(canOnIdea(member, 'askHelp', idea({ status: 'returned', isMember: true }))).toBe(true);
		expect(canOnIdea(member, 'askHelp', idea({ status: 'submitted', isMember: true }))).toBe(false);
		expect(canOnIdea(organiser, 'askHelp', idea({ status: 'draft' }))).toBe(false);
	});

	it('a stranger not signed in can do nothing to any idea', () => {
		expect(canOnIdea(null, 'view', idea({ status: 'published', submissionClosed: true }))).toBe(false);
	});
});

describe('coaching space: who does what', () => {
	const employee = actor();
	const organiser = actor('organiser');
	const coach = actor('mentor');
	const facts = (over: Partial<CoachingFacts> = {}): CoachingFacts => ({
		status: 'coaching',
		isMember: false,
		mentorStatus: null,
		hasActiveMentor: true,
		...over
	});

	it('team, mentor and organisers see it; a colleague does not', () => {
		expect(canOnCoaching(employee, 'view', facts({ isMember: true }))).toBe(true);
		expect(canOnCoaching(coach, 'view', facts({ mentorStatus: 'proposed' }))).toBe(true);
		expect(canOnCoaching(organiser, 'view', facts())).toBe(true);
		expect(canOnCoaching(employee, 'view', facts())).toBe(false);
		expect(canOnCoaching(coach, 'view', facts())).toBe(false);
	});

	it('there is no coaching space before acceptance', () => {
		for (const status of ['draft', 'submitted', 'screening', 'returned', 'declined', 'withdrawn', 'merged']) {
			expect(canOnCoaching(employee, 'view', facts({ status, isMember: true }))).toBe(false);
			expect(canOnCoaching(organiser, 'view', facts({ status }))).toBe(false);
		}
	});

	it('team and accepted mentor work on the checklist and log while coaching goes on', () => {
		expect(canOnCoaching(employee, 'work', facts({ isMember: true }))).toBe(true);
		expect(canOnCoaching(coach, 'work', facts({ mentorStatus: 'accepted' }))).toBe(true);
		expect(canOnCoaching(coach, 'work', facts({ mentorStatus: 'proposed' }))).toBe(false);
		expect(canOnCoaching(organiser, 'work', facts())).toBe(false);
		expect(canOnCoaching(employee, 'work', facts({ status: 'winner', isMember: true }))).toBe(false);
	});

	it('only the accepted mentor marks ready; only the proposed mentor answers', () => {
		expect(canOnCoaching(coach, 'markReady', facts({ mentorStatus: 'accepted' }))).toBe(true);
		expect(canOnCoaching(employee, 'markReady', facts({ isMember: true }))).toBe(false);
		expect(canOnCoaching(organiser, 'markReady', facts())).toBe(false);
		expect(canOnCoaching(coach, 'answer', facts({ status: 'accepted', mentorStatus: 'proposed' }))).toBe(true);
		expect(canOnCoaching(coach, 'answer', facts({ mentorStatus: 'accepted' }))).toBe(false);
	});

	it('the team asks and the organiser assigns only while no mentor is proposed or accepted', () => {
		expect(canOnCoaching(employee, 'request', facts({ status: 'accepted', isMember: true, hasActiveMentor: false }))).toBe(true);
		expect(canOnCoaching(employee, 'request', facts({ status: 'accepted', isMember: true }))).toBe(false);
		expect(canOnCoaching(employee, 'request', facts({ status: 'accepted', hasActiveMentor: false }))).toBe(false);
		expect(canOnCoaching(organiser, 'assign', facts({ status: 'accepted', hasActiveMentor: false }))).toBe(true);
		expect(canOnCoaching(organiser, 'assign', facts({ status: 'accepted' }))).toBe(false);
		expect(canOnCoaching(employee, 'assign', facts({ status: 'accepted', hasActiveMentor: false }))).toBe(false);
		expect(canOnCoaching(organiser, 'assign', facts({ status: 'published', hasActiveMentor: false }))).toBe(false);
	});

	it('lets organisers end a mentorship only while there is one and coaching goes on', () => {
		expect(canOnCoaching(organiser, 'endMentor', facts({ status: 'coaching', hasActiveMentor: true }))).toBe(true);
		expect(canOnCoaching(organiser, 'endMentor', facts({ status: 'coaching', hasActiveMentor: false }))).toBe(false);
		expect(canOnCoaching(organiser, 'endMentor', facts({ status: 'published', hasActiveMentor: true }))).toBe(false);
		expect(canOnCoaching(employee, 'endMentor', facts({ status: 'coaching', hasActiveMentor: true, isMember: true }))).toBe(false);
	});

	it('a stranger not signed in can do nothing', () => {
		for (const action of COACHING_ACTIONS) expect(canOnCoaching(null, action, facts({ isMember: true }))).toBe(false);
	});
});

describe('judging: canScoreIdea and canReadFeedback', () => {
	const juror = { id: 30, departmentId: 1, roles: ['employee', 'juror'] as const };
	const organiser = { id: 31, departmentId: 1, roles: ['employee', 'organiser'] as const };
	const member = { id: 32, departmentId: 1, roles: ['employee'] as const };
	const facts = (f: Partial<{ onJury: boolean; conflicted: boolean; roundStatus: string }> = {}) => ({
		onJury: true,
		conflicted: false,
		roundStatus: 'open',
		...f
	});

	it('a jury member without a conflict scores while the round is open', () => {
		expect(canScoreIdea(juror, facts())).toBe(true);
	});

	it('a conflicted juror, a stranger to the jury, or a closed round: no scoring', () => {
		expect(canScoreIdea(juror, facts({ conflicted: true }))).toBe(false);
		expect(canScoreIdea(juror, facts({ onJury: false }))).toBe(false);
		for (const roundStatus of ['draft', 'closed', 'published']) expect(canScoreIdea(juror, facts({ roundStatus }))).toBe(false);
		expect(canScoreIdea(null, facts())).toBe(false);
	});

	it('feedback: the team and organisers, only once published', () => {
		expect(canReadFeedback(member, { isMember: true, published: true })).toBe(true);
		expect(canReadFeedback(member, { isMember: true, published: false })).toBe(false);
		expect(canReadFeedback(organiser, { isMember: false, published: true })).toBe(true);
		expect(canReadFeedback(juror, { isMember: false, published: true })).toBe(false);
		expect(canReadFeedback(null, { isMember: true, published: true })).toBe(false);
	});
});

import { canOnAdoption, canOnImplementation, canOnKbEntry, KB_ENTRY_ACTIONS, type KbEntryAction } from './policy';

describe('knowledge base: canOnKbEntry, canOnAdoption, canOnImplementation', () => {
	const employee: Actor = { id: 40, departmentId: 7, roles: ['employee'] };
	const organiser: Actor = { id: 41, departmentId: 1, roles: ['employee', 'organiser'] };
	const allowed = (who: Actor, status: string, isTeam: boolean) =>
		KB_ENTRY_ACTIONS.filter((a: KbEntryAction) => canOnKbEntry(who, a, { status, isTeam }));

	it('a published entry: every employee reads and adopts it; organisers also edit and unpublish', () => {
		expect(allowed(employee, 'published', false)).toEqual(['view', 'adopt']);
		expect(allowed(employee, 'published', true)).toEqual(['view', 'adopt']);
		expect(allowed(organiser, 'published', false)).toEqual(['view', 'edit', 'unpublish', 'attach', 'adopt']);
	});

	it('a pending entry: only its team and organisers see it; the team adds files; organisers approve', () => {
		expect(allowed(employee, 'pending', false)).toEqual([]);
		expect(allowed(employee, 'pending', true)).toEqual(['view', 'attach']);
		expect(allowed(organiser, 'pending', false)).toEqual(['view', 'edit', 'approve', 'attach']);
	});

	it('an unpublished entry: hidden from everyone else, no adoptions', () => {
		expect(allowed(employee, 'unpublished', false)).toEqual([]);
		expect(allowed(employee, 'unpublished', true)).toEqual(['view']);
		expect(allowed(organiser, 'unpublished', false)).toEqual(['view', 'edit', 'approve', 'attach']);
		expect(canOnKbEntry(null, 'view', { status: 'published', isTeam: false })).toBe(false);
	});

	it("adoptions: first recorded for one's own department (organisers for any), then kept by its owner and recorder", () => {
		// employee: id 40, department 7 (above)
		const kept = (ownerId: number | null, createdBy: number | null) => ({ ownerId, createdBy });
		const table: Array<[string, Actor | null, number, ReturnType<typeof kept> | null, boolean]> = [
			['first record, own department', employee, 7, null, true],
			['first record, another department', employee, 8, null, false],
			['organiser, any department', organiser, 8, null, true],
			['nobody signed in', null, 7, null, false],
			['the owner changes it', employee, 7, kept(employee.id, 99), true],
			['whoever recorded it changes it', employee, 7, kept(98, employee.id), true],
			['a colleague of the department may not overwrite it', employee, 7, kept(98, 99), false],
			['nor take over one without an owner', employee, 7, kept(null, 99), false],
			['organisers may correct any', organiser, 7, kept(98, 99), true]
		];
		for (const [name, actor, departmentId, existing, expected] of table) {
			expect(canOnAdoption(actor, departmentId, existing), name).toBe(expected);
		}
	});

	it('implementation: the team or organisers, once accepted; publication once implemented', () => {
		expect(canOnImplementation(employee, 'record', { status: 'winner', isMember: true })).toBe(true);
		expect(canOnImplementation(employee, 'record', { status: 'submitted', isMember: true })).toBe(false);
		expect(canOnImplementation(employee, 'record', { status: 'winner', isMember: false })).toBe(false);
		expect(canOnImplementation(organiser, 'record', { status: 'coaching', isMember: false })).toBe(true);
		expect(canOnImplementation(employee, 'requestPublication', { status: 'implemented', isMember: true })).toBe(true);
		expect(canOnImplementation(employee, 'requestPublication', { status: 'winner', isMember: true })).toBe(false);
		expect(canOnImplementation(employee, 'requestPublication', { status: 'implemented', isMember: false })).toBe(false);
	});
});

import { canOnSession, SESSION_ACTIONS, type SessionAction } from './policy';

describe('pitch day: canOnSession', () => {
	const organiser: Actor = { id: 50, departmentId: 1, roles: ['employee', 'organiser'] };
	const juror: Actor = { id: 51, departmentId: 1, roles: ['employee', 'juror'] };
	const employee: Actor = { id: 52, departmentId: 1, roles: ['employee'] };
	const allowed = (who: Actor | null, onJury: boolean, isJuryChair: boolean) =>
		SESSION_ACTIONS.filter((a: SessionAction) => canOnSession(who, a, { onJury, isJuryChair }));

	it('organisers plan and chair; a jury member follows; the jury chair also chairs', () => {
		expect(allowed(organiser, false, false)).toEqual(['plan', 'chair']);
		expect(allowed(juror, true, false)).toEqual(['follow']);
		expect(allowed(juror, true, true)).toEqual(['chair', 'follow']);
	});

	it('anyone else, or a chair flag without a seat on the jury, gets nothing', () => {
		expect(allowed(employee, false, false)).toEqual([]);
		expect(allowed(juror, false, true)).toEqual([]);
		expect(allowed(null, true, true)).toEqual([]);
	});
});

import { canOnTeamPitch, TEAM_PITCH_ACTIONS, type TeamPitchAction } from './policy';

describe("pitch day: canOnTeamPitch (the team's page)", () => {
	const organiser: Actor = { id: 60, departmentId: 1, roles: ['employee', 'organiser'] };
	const employee: Actor = { id: 61, departmentId: 1, roles: ['employee'] };
	const juror: Actor = { id: 62, departmentId: 1, roles: ['employee', 'juror'] };
	const allowed = (who: Actor | null, isMember: boolean, isMentor: boolean) =>
		TEAM_PITCH_ACTIONS.filter((a: TeamPitchAction) => canOnTeamPitch(who, a, { isMember, isMentor }));

	it('the team and the mentor see and edit their unavailable times; an organiser only sees them', () => {
		expect(allowed(employee, true, false)).toEqual(['view', 'editUnavailability']);
		expect(allowed(employee, false, true)).toEqual(['view', 'editUnavailability']);
		expect(allowed(organiser, false, false)).toEqual(['view']);
	});

	it('a juror, a colleague or nobody gets nothing', () => {
		expect(allowed(juror, false, false)).toEqual([]);
		expect(allowed(employee, false, false)).toEqual([]);
		expect(allowed(null, true, true)).toEqual([]);
	});
});

import { insightAccess } from './policy';

describe('programme insight: insightAccess', () => {
	const organiser: Actor = { id: 70, departmentId: 1, roles: ['employee', 'organiser'] };
	const admin: Actor = { id: 71, departmentId: 1, roles: ['employee', 'admin'] };
	const employee: Actor = { id: 72, departmentId: 2, roles: ['employee'] };
	const juror: Actor = { id: 73, departmentId: 2, roles: ['employee', 'juror'] };

	it('organisers and admins see every dashboard of every department, the juries one included', () => {
		for (const who of [organiser, admin]) {
			const access = insightAccess(who, { managedDepartmentIds: [] });
			expect(access?.departments).toBe('all');
			expect(access?.dashboards).toEqual(['summary', 'participation', 'flow', 'mentoring', 'juries', 'results']);
		}
	});

	it('a department manager sees their departments, never the juries dashboard', () => {
		expect(insightAccess(juror, { managedDepartmentIds: [4, 9] })).toEqual({
			dashboards: ['summary', 'participation', 'flow', 'mentoring', 'results'],
			departments: [4, 9]
		});
	});

	it('everyone else reads the company summary; nobody signed in gets nothing', () => {
		expect(insightAccess(employee, { managedDepartmentIds: [] })).toEqual({ dashboards: ['summary'], departments: [] });
		expect(insightAccess(null, { managedDepartmentIds: [1] })).toBeNull();
	});
});

describe('entering for a colleague and QR posters', () => {
	const employee = actor();
	const mentor = actor('mentor');
	const organiser = actor('organiser');
	const none = { leadsTeam: false, managedDepartmentIds: [] };

	it('a team leader or a mentor enters an idea for a colleague; others do not', () => {
		expect(canEnterOnBehalf(employee, { leadsTeam: true })).toBe(true);
		expect(canEnterOnBehalf(mentor, { leadsTeam: false })).toBe(true);
		expect(canEnterOnBehalf(employee, { leadsTeam: false })).toBe(false);
		expect(canEnterOnBehalf(organiser, { leadsTeam: false })).toBe(false);
		expect(canEnterOnBehalf(null, { leadsTeam: true })).toBe(false);
	});

	it('posters: organisers anywhere, a management team for its departments, a team leader for their own', () => {
		expect(canMakePosters(organiser, 7, none)).toBe(true);
		expect(canMakePosters(employee, 7, { leadsTeam: false, managedDepartmentIds: [7] })).toBe(true);
		expect(canMakePosters(employee, 1, { leadsTeam: true, managedDepartmentIds: [] })).toBe(true);
		expect(canMakePosters(employee, 7, { leadsTeam: true, managedDepartmentIds: [] })).toBe(false);
		expect(canMakePosters(employee, 1, none)).toBe(false);
		expect(makesPosters(employee, none)).toBe(false);
		expect(makesPosters(employee, { leadsTeam: true, managedDepartmentIds: [] })).toBe(true);
		expect(makesPosters(organiser, none)).toBe(true);
	});
});

import { canConfirmInstructionVersion, canOnInstruction, canOnReport, INSTRUCTION_ACTIONS, REPORT_ACTIONS } from './policy';
import type { InstructionFacts, ReportFacts } from './policy';

describe('work instructions: canOnInstruction', () => {
	const employee: Actor = { id: 50, departmentId: 7, roles: ['employee'] };
	const organiser: Actor = { id: 51, departmentId: 1, roles: ['employee', 'organiser'] };
	const facts = (entryStatus: string, who: Partial<Omit<InstructionFacts, 'entryStatus'>> = {}): InstructionFacts => ({
		entryStatus,
		isEntryTeam: false,
		isOwner: false,
		isHandler: false,
		...who
	});
	const allowed = (actor: Actor | null, f: InstructionFacts) => INSTRUCTION_ACTIONS.filter((a) => canOnInstruction(actor, a, f));

	it('on a published entry: every colleague reads it and reports on a step; the owner also drafts, approves and manages', () => {
		const table: Array<[string, Actor | null, InstructionFacts, string[]]> = [
			['a colleague', employee, facts('published'), ['view', 'report']],
			['the owner', employee, facts('published', { isOwner: true }), ['view', 'draft', 'approve', 'manage', 'report']],
			['the entry team', employee, facts('published', { isEntryTeam: true }), ['view', 'draft', 'report']],
			['a handler of a report', employee, facts('published', { isHandler: true }), ['view', 'draft', 'report']],
			['an organiser (changes the owner, never approves)', organiser, facts('published'), ['view', 'draft', 'manage', 'report']],
			['nobody signed in', null, facts('published', { isOwner: true }), []]
		];
		for (const [name, actor, f, expected] of table) expect(allowed(actor, f), name).toEqual(expected);
	});

	it('on an entry waiting for publication: hidden from colleagues; the team sets it up; nobody reports yet', () => {
		expect(allowed(employee, facts('pending'))).toEqual([]);
		expect(allowed(employee, facts('pending', { isEntryTeam: true }))).toEqual(['view', 'draft', 'manage']);
		expect(allowed(organiser, facts('pending'))).toEqual(['view', 'draft', 'manage']);
	});

	it('on an unpublished entry: the owner outside the team sees nothing; organisers keep it', () => {
		expect(allowed(employee, facts('unpublished', { isOwner: true }))).toEqual([]);
		expect(allowed(employee, facts('unpublished', { isEntryTeam: true }))).toEqual(['view', 'draft']);
		expect(allowed(organiser, facts('unpublished'))).toEqual(['view', 'draft', 'manage']);
	});

	it('a department confirms the version it runs for itself; organisers for any department', () => {
		expect(canConfirmInstructionVersion(employee, 7)).toBe(true);
		expect(canConfirmInstructionVersion(employee, 8)).toBe(false);
		expect(canConfirmInstructionVersion(organiser, 8)).toBe(true);
		expect(canConfirmInstructionVersion(null, 7)).toBe(false);
	});
});

describe('reports on a step: canOnReport', () => {
	const employee: Actor = { id: 60, departmentId: 7, roles: ['employee'] };
	const organiser: Actor = { id: 61, departmentId: 1, roles: ['employee', 'organiser'] };
	const facts = (status: string, who: Partial<Omit<ReportFacts, 'status'>> = {}): ReportFacts => ({
		status,
		isReporter: false,
		isOwner: false,
		isHandler: false,
		...who
	});
	const allowed = (actor: Actor | null, f: ReportFacts) => REPORT_ACTIONS.filter((a) => canOnReport(actor, a, f));

	it('while open or passed on', () => {
		for (const status of ['open', 'passed_on']) {
			const table: Array<[string, Actor | null, ReportFacts, string[]]> = [
				['a colleague', employee, facts(status), []],
				['the reporter', employee, facts(status, { isReporter: true }), ['view', 'note']],
				['the handler', employee, facts(status, { isHandler: true }), ['view', 'note']],
				['the owner', employee, facts(status, { isOwner: true }), ['view', 'note', 'passOn', 'close']],
				['an organiser', organiser, facts(status), ['view', 'note', 'passOn', 'close']],
				['nobody signed in', null, facts(status, { isOwner: true }), []]
			];
			for (const [name, actor, f, expected] of table) expect(allowed(actor, f), `${name}, ${status}`).toEqual(expected);
		}
	});

	it('once closed: those involved read its history, nobody changes it', () => {
		expect(allowed(employee, facts('closed', { isReporter: true }))).toEqual(['view']);
		expect(allowed(employee, facts('closed', { isOwner: true }))).toEqual(['view']);
		expect(allowed(organiser, facts('closed'))).toEqual(['view']);
		expect(allowed(employee, facts('closed'))).toEqual([]);
	});
});
