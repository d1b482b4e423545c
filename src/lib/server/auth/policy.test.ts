import { describe, expect, it } from 'vitest';
import { can, canOnIdea, PORTAL_ACTIONS, ROLES, type Actor, type IdeaFacts, type PortalAction, type Role } from './policy';

const actor = (...roles: Role[]): Actor => ({ id: 1, departmentId: 1, roles: ['employee', ...roles.filter((r) => r !== 'employee')] });

/** The whole table: which role may do which portal action. Read it as the specification. */
const expected: Record<Role, PortalAction[]> = {
	employee: ['idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt'],
	mentor: ['idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt', 'mentoring.coach'],
	juror: ['idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt', 'jury.score'],
	organiser: [
		'idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt',
		'idea.screen', 'idea.listAll', 'competition.manage', 'dashboard.view', 'mentoring.manage'
	],
	admin: ['idea.create', 'idea.listOwn', 'kb.read', 'kb.adopt', 'dashboard.view', 'admin.users', 'admin.audit']
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

	it('comments: team, mentor and organisers; organisers-only notes by organisers', () => {
		expect(canOnIdea(member, 'comment', idea({ isMember: true }))).toBe(true);
		expect(canOnIdea(mentor, 'comment', idea({ status: 'coaching', isMentor: true }))).toBe(true);
		expect(canOnIdea(stranger, 'comment', idea({ status: 'semi_final', submissionClosed: true }))).toBe(false);
		expect(canOnIdea(organiser, 'commentOrganisersOnly', idea())).toBe(true);
		expect(canOnIdea(member, 'commentOrganisersOnly', idea({ isMember: true }))).toBe(false);
		expect(canOnIdea(member, 'comment', idea({ status: 'draft', isMember: true }))).toBe(false);
	});

	it('a stranger not signed in can do nothing to any idea', () => {
		expect(canOnIdea(null, 'view', idea({ status: 'published', submissionClosed: true }))).toBe(false);
	});
});
