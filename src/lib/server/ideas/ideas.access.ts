import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { canOnIdea, hasRole, type Actor, type IdeaAction, type IdeaFacts } from '../auth/policy.js';
import type { IdeaActorKind } from '../../domain/lifecycle.js';
import { DomainError, notFound } from '../errors.js';

/**
 * What the policy needs to know about one idea and this actor, in one query: the
 * idea's status and version, and whether the actor is on its team, its mentor, or a juror of
 * a round it is entered in, and whether its competition's submission deadline has passed.
 */
export async function loadIdeaFacts(db: Db, actor: Actor, ideaId: number) {
	const row = await db
		.selectFrom('idea as i')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.status',
			'i.version',
			'i.competitionId',
			'i.departmentId',
			'i.title',
			sql<boolean>`coalesce(c.submission_closes_at <= now(), false)`.as('submissionClosed'),
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'i.id').where('m.userId', '=', actor.id).select('m.userId'))
				.as('isMember'),
			eb
				.exists(
					eb
						.selectFrom('mentorAssignment as a')
						.whereRef('a.ideaId', '=', 'i.id')
						.where('a.mentorId', '=', actor.id)
						.where('a.status', 'in', ['proposed', 'accepted'])
						.select('a.id')
				)
				.as('isMentor'),
			eb
				.exists(
					eb
						.selectFrom('roundEntry as e')
						.innerJoin('juryMember as jm', 'jm.juryId', 'e.juryId')
						.whereRef('e.ideaId', '=', 'i.id')
						.where('jm.userId', '=', actor.id)
						.select('e.ideaId')
				)
				.as('isJuror')
		])
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
	if (!row) return null;
	const facts: IdeaFacts = {
		status: row.status,
		isMember: Boolean(row.isMember),
		isMentor: Boolean(row.isMentor),
		isJuror: Boolean(row.isJuror),
		submissionClosed: Boolean(row.submissionClosed)
	};
	return { ...row, facts };
}

export type IdeaAccess = NonNullable<Awaited<ReturnType<typeof loadIdeaFacts>>>;

/**
 * The idea if the policy allows the action. One who may not see it gets not-found (a
 * stranger cannot tell it from an idea that does not exist); one who sees it but may not do
 * this now gets a conflict with a clear message.
 */
export async function requireIdeaAccess(db: Db, actor: Actor, ideaId: number, action: IdeaAction): Promise<IdeaAccess> {
	const access = await loadIdeaFacts(db, actor, ideaId);
	if (!access || !canOnIdea(actor, 'view', access.facts)) throw notFound();
	if (action !== 'view' && !canOnIdea(actor, action, access.facts)) {
		throw new DomainError('not_allowed_now', 'This cannot be done to this idea in its current state.', 409);
	}
	return access;
}

/** How the actor relates to the idea, as the state machine names it. */
export function actorKinds(actor: Actor, access: IdeaAccess): IdeaActorKind[] {
	const kinds: IdeaActorKind[] = [];
	if (access.facts.isMember) kinds.push('team');
	if (hasRole(actor, 'organiser')) kinds.push('organiser');
	if (access.facts.isMentor) kinds.push('mentor');
	return kinds;
}
