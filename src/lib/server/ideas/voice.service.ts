/**
 * Colleagues' voice on an idea: support it (optionally "this would help us too in
 * <department>"), withdraw that support, follow it and stop. Each write is one statement that
 * moves the idea's count only when a row was really added or removed, so double clicks, two
 * tabs and concurrent requests keep the counts exact. A new support tells the team.
 */
import type { Database } from '../db/index.js';
import { canOnIdea, isPublicIdea, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { loadIdeaFacts, type IdeaAccess } from './ideas.access.js';
import * as q from './voice.queries.js';

const refusals = {
	own_idea: 'You are on this idea\u2019s team: you cannot support or follow your own idea.',
	not_public: 'Colleagues support an idea once it is accepted and its call has closed.',
	draft: 'A draft cannot be followed.'
} as const;

function refuse(code: keyof typeof refusals): never {
	throw new DomainError(code, refusals[code], 409);
}

/** The idea if the actor sees it (else 404) and may support or follow it (else 409, saying why). */
async function requireVoice(db: Database, actor: Actor, ideaId: number, action: 'support' | 'follow'): Promise<IdeaAccess> {
	const access = await loadIdeaFacts(db, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	if (!canOnIdea(actor, action, access.facts)) {
		if (access.facts.isMember) refuse('own_idea');
		if (action === 'support' && !isPublicIdea(access.facts)) refuse('not_public');
		refuse('draft');
	}
	return access;
}

/** The support page: the idea, the actor's voice on it and the departments to name. */
export async function getSupportPage(db: Database, actor: Actor, ideaId: number) {
	const access = await loadIdeaFacts(db, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	const page = await q.findSupportPage(db, ideaId, actor.id);
	if (!page) throw notFound();
	return {
		idea: { id: page.id, title: page.title, departmentId: page.departmentId },
		voice: q.toIdeaVoice(page),
		departments: page.departments,
		canSupport: canOnIdea(actor, 'support', access.facts),
		canFollow: canOnIdea(actor, 'follow', access.facts)
	};
}

/**
 * Support an idea, for a department or none. The department must exist, not be retired, and
 * not be the idea's own. Supporting again changes the department; only a new support tells
 * the team (`idea_supported`).
 */
export async function supportIdea(db: Database, actor: Actor, ideaId: number, input: { departmentId?: number | null }) {
	const access = await requireVoice(db, actor, ideaId, 'support');
	const departmentId = input.departmentId ?? null;
	let department: { name: string; nameNl: string | null } | undefined;
	if (departmentId !== null) {
		if (departmentId === access.departmentId) throw new FieldErrors({ departmentId: ['own_department'] });
		department = await q.findActiveDepartment(db, departmentId);
		if (!department) throw new FieldErrors({ departmentId: ['unknown_department'] });
	}
	return db.transaction().execute(async (trx) => {
		const result = await q.upsertSupport(trx, ideaId, actor.id, departmentId);
		if (result.inserted) {
			await insertNotifications(
				trx,
				result.team.filter((id) => id !== actor.id),
				{
					kind: 'idea_supported',
					params: {
						ideaId,
						title: access.title,
						...(department ? { department: department.name, ...(department.nameNl ? { departmentNl: department.nameNl } : {}) } : {})
					},
					link: `/ideas/${ideaId}`
				}
			);
		}
		return { added: result.inserted };
	});
}

/** Withdraw one's support (nothing happens if there was none). */
export async function unsupportIdea(db: Database, actor: Actor, ideaId: number) {
	const access = await loadIdeaFacts(db, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	return { removed: await q.deleteSupport(db, ideaId, actor.id) };
}

/** Follow an idea: its public updates reach the follower as notifications. */
export async function followIdea(db: Database, actor: Actor, ideaId: number) {
	await requireVoice(db, actor, ideaId, 'follow');
	return { added: await q.insertFollow(db, ideaId, actor.id) };
}

/** Stop following (nothing happens if one did not follow). */
export async function unfollowIdea(db: Database, actor: Actor, ideaId: number) {
	const access = await loadIdeaFacts(db, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	return { removed: await q.deleteFollow(db, ideaId, actor.id) };
}
