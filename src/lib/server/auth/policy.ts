/**
 * Who may do what: the one place that answers it. Pure functions over facts the services
 * load, so the whole table is unit-tested (policy.test.ts). Loads and actions ask here;
 * a "no" on an object is shown as 404, so a stranger learns nothing.
 */

export const ROLES = ['employee', 'mentor', 'juror', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles granted in the role_grant table; mentor and juror follow from profiles and juries. */
export const GRANTABLE_ROLES = ['organiser', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export type Actor = {
	id: number;
	departmentId: number;
	roles: readonly Role[];
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
	'jury.score',
	'kb.read',
	'kb.adopt',
	'admin.users',
	'admin.audit'
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
	'jury.score': ['juror'],
	'kb.read': ['employee'],
	'kb.adopt': ['employee'],
	'admin.users': ['admin'],
	'admin.audit': ['admin']
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

export const IDEA_ACTIONS = ['view', 'edit', 'submit', 'withdraw', 'comment', 'commentOrganisersOnly', 'screen'] as const;
export type IdeaAction = (typeof IDEA_ACTIONS)[number];

/** Statuses other departments may see once the deadline has passed: accepted and onwards. */
const PUBLIC_AFTER_DEADLINE = new Set([
	'accepted', 'coaching', 'semi_final', 'not_advanced', 'finalist', 'winner', 'runner_up', 'implemented', 'published'
]);

/**
 * Rules per idea:
 * - a draft is seen by its team only;
 * - organisers see every submitted idea; the mentor and the jurors of its rounds see it;
 * - other employees see accepted-and-later ideas only after the submission deadline, so
 *   rivals never read each other's ideas while the call is open;
 * - the team edits a draft or a returned idea; organisers screen submitted ones.
 */
export function canOnIdea(actor: Actor | null, action: IdeaAction, idea: IdeaFacts): boolean {
	if (!actor) return false;
	const organiser = actor.roles.includes('organiser');
	const draft = idea.status === 'draft';
	const view =
		idea.isMember ||
		(!draft && (organiser || idea.isMentor || idea.isJuror)) ||
		(idea.submissionClosed && PUBLIC_AFTER_DEADLINE.has(idea.status));
	switch (action) {
		case 'view':
			return view;
		case 'edit':
			return idea.isMember && (draft || idea.status === 'returned');
		case 'submit':
			return idea.isMember && (draft || idea.status === 'returned');
		case 'withdraw':
			return idea.isMember && ['draft', 'submitted', 'returned'].includes(idea.status);
		case 'comment':
			return !draft && (idea.isMember || idea.isMentor || organiser);
		case 'commentOrganisersOnly':
			return !draft && organiser;
		case 'screen':
			return organiser && ['submitted', 'screening'].includes(idea.status);
	}
}
