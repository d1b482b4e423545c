/**
 * The team's idea form: a draft saved (new, or an edit never silently overwritten), submitted
 * or resubmitted, withdrawn; and what the form offers (its choices, colleagues, "solved before?").
 */
import type { Database } from '../db/index.js';
import { can, canEnterOnBehalf, type Actor } from '../auth/policy.js';
import { FieldErrors, notFound } from '../errors.js';
import { ACCEPTED_AND_LATER } from '../../domain/idea-status.js';
import { loadIdeaFacts, requireIdeaAccess } from './ideas.access.js';
import { missingForSubmission, type IdeaInput } from './ideas.schema.js';
import { changeStatus, stale } from './ideas.service.js';
import { findIdeaForEdit } from './idea-page.queries.js';
import { findSimilar } from './idea-lists.queries.js';
import * as q from './ideas.queries.js';
import { checkIdeaReferences, findSubmission, insertIdeaWithParts, updateIdeaWithParts } from './idea-form.queries.js';
import { leaderFactsOf } from '../people/team-leader.queries.js';
import { insertNotifications } from '../notifications/notifications.queries.js';

type References = Awaited<ReturnType<typeof checkIdeaReferences>>;

/** What the references say about the form's department, process area, call and team (beside their fields). */
function referenceErrors(refs: References, input: Pick<IdeaInput, 'competitionId' | 'memberIds'>): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	if (!refs.department) errors.departmentId = ['unknown'];
	if (!refs.area) errors.processAreaId = ['unknown'];
	if (input.competitionId && refs.department) {
		if (!refs.competition) errors.competitionId = ['unknown'];
		else if (!refs.eligible) errors.departmentId = ['not_eligible'];
	}
	if (refs.members !== input.memberIds.length) errors.member = ['unknown_person'];
	return errors;
}

/** Who may enter an idea for a colleague (the new-idea form shows the fieldset only to them). */
export async function mayEnterOnBehalf(db: Database, actor: Actor): Promise<boolean> {
	if (!can(actor, 'idea.create')) return false;
	return canEnterOnBehalf(actor, await leaderFactsOf(db, actor));
}

type Behalf = { colleague: { id: number; name: string; departmentId: number }; enteredByName: string; departmentId: number };

/**
 * An idea entered for a colleague: only a team leader or a mentor may (anyone else posting
 * the field gets "not found": it is forged, nothing is stored). The colleague must exist, be
 * active and not be oneself; the agreement must be ticked; the one entering it is on the team
 * as a helper, so they may not also list themselves as a (credited) member. The idea goes to
 * the colleague's department unless the form chose another than the enterer's own.
 */
function checkBehalf(actor: Actor, input: IdeaInput, colleagueId: number, people: References['people']): Behalf {
	const colleague = people.find((p) => p.id === colleagueId);
	const me = people.find((p) => p.id === actor.id);
	const errors: Record<string, string[]> = {};
	if (colleagueId === actor.id) errors.onBehalfOf = ['behalf_self'];
	else if (!colleague || colleague.disabledAt !== null) errors.onBehalfOf = ['behalf_unknown'];
	if (!input.agreed) errors.agreed = ['behalf_agree'];
	if (input.memberIds.includes(actor.id)) errors.member = ['behalf_helper_not_member'];
	if (Object.keys(errors).length || !colleague) throw new FieldErrors(errors);
	const departmentId = input.departmentId === actor.departmentId ? colleague.departmentId : input.departmentId;
	return { colleague, enteredByName: me?.name ?? '', departmentId };
}

/**
 * Save a draft: new (idempotent through the form's client key) or an edit of a draft or a
 * returned idea (guarded by the version the editor read, so a second tab or a colleague's
 * save is never silently overwritten).
 */
export async function saveIdea(
	db: Database,
	actor: Actor,
	ideaId: number | null,
	input: IdeaInput
): Promise<{ id: number; version: number }> {
	if (!can(actor, 'idea.create')) throw notFound();
	// Only a new idea is entered for someone; an edit keeps its owner (the field is ignored there).
	const colleagueId = ideaId === null ? input.onBehalfOf : null;
	if (colleagueId !== null && !canEnterOnBehalf(actor, await leaderFactsOf(db, actor))) throw notFound();
	// One statement checks what the form names; for a colleague, whose department it goes to
	// is known only after it, so an idea moved to their department is checked once more.
	let refs = await checkIdeaReferences(db, { ...input, people: colleagueId !== null ? [colleagueId, actor.id] : [] });
	const behalf = colleagueId !== null ? checkBehalf(actor, input, colleagueId, refs.people) : null;
	const departmentId = behalf?.departmentId ?? input.departmentId;
	if (departmentId !== input.departmentId) refs = await checkIdeaReferences(db, { ...input, departmentId, people: [] });
	const errors = referenceErrors(refs, input);
	if (Object.keys(errors).length) throw new FieldErrors(errors);
	const fields: q.IdeaFields = {
		title: input.title,
		problem: input.problem,
		proposal: input.proposal,
		location: input.location,
		processAreaId: input.processAreaId,
		departmentId,
		competitionId: input.competitionId
	};
	return db.transaction().execute(async (trx) => {
		if (ideaId === null) {
			// The credited person: the colleague when entered for them (owner and created_by).
			const ownerId = behalf?.colleague.id ?? actor.id;
			const { id, created } = await insertIdeaWithParts(trx, {
				...fields,
				createdBy: ownerId,
				clientKey: input.clientKey,
				enteredBy: behalf ? actor.id : null,
				memberIds: input.memberIds,
				helperId: behalf ? actor.id : null,
				benefits: input.benefits,
				tags: input.tags,
				actorId: actor.id,
				eventData: behalf ? { enteredBy: actor.id, onBehalfOf: ownerId, agreed: true } : {}
			});
			if (!created) {
				const existing = await loadIdeaFacts(trx, actor, id);
				return { id, version: existing!.version };
			}
			if (behalf) {
				await insertNotifications(trx, [ownerId], {
					kind: 'entered_for_you',
					params: { ideaId: id, title: input.title, name: behalf.enteredByName },
					link: `/ideas/${id}`
				});
			}
			return { id, version: 1 };
		}
		const access = await requireIdeaAccess(trx, actor, ideaId, 'edit');
		if (input.version === null || input.version !== access.version) throw stale();
		const updated = await updateIdeaWithParts(trx, ideaId, input.version, {
			...fields,
			memberIds: input.memberIds,
			benefits: input.benefits,
			tags: input.tags,
			actorId: actor.id
		});
		if (!updated) throw stale();
		return { id: ideaId, version: updated.version };
	});
}

/**
 * Submit a draft (window open, the fields a jury needs filled, its department eligible), or
 * resubmit a returned idea: one statement reads what the policy needs, one what the
 * submission needs with its call's window (held), one the move with its event, then the
 * team's and the organisers' notifications.
 */
export async function submitIdea(db: Database, actor: Actor, ideaId: number, version: number) {
	return changeStatus(db, actor, ideaId, version, {
		transition: (status) => (status === 'returned' ? 'resubmit' : 'submit'),
		check: async (trx, access) => {
			const idea = await findSubmission(trx, ideaId, access.departmentId);
			if (!idea) throw notFound();
			const missing = missingForSubmission(idea);
			if (Object.keys(missing).length) throw new FieldErrors(missing);
			if (!idea.eligible) throw new FieldErrors({ departmentId: ['not_eligible'] });
			return { windowOpen: Boolean(idea.windowOpen) };
		},
		notify: [
			{ kind: 'idea_received', to: 'team' },
			{ kind: 'idea_submitted', to: 'organisers' }
		]
	});
}

export async function withdrawIdea(db: Database, actor: Actor, ideaId: number, version: number, message: string) {
	return changeStatus(db, actor, ideaId, version, { transition: 'withdraw', reason: message || null });
}

/** The form's choices: open calls, departments, process areas, known tags, and the team chosen. */
export async function getIdeaFormOptions(db: Database, memberIds: number[] = [], departmentId?: number) {
	return q.findIdeaFormOptions(db, memberIds, departmentId);
}

/** The list of all ideas' filter choices: competitions, departments and tags (one statement). */
export async function getIdeaListChoices(db: Database) {
	const { competitions, departments, tags } = await q.listIdeaChoices(db);
	return { competitions, departments, tags };
}

/** The editable idea as the form shows it. */
export async function getIdeaForEdit(db: Database, actor: Actor, ideaId: number) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'edit');
	const detail = await findIdeaForEdit(db, ideaId);
	if (!detail) throw notFound();
	const { attachments, ...idea } = detail;
	return { access, idea, attachments };
}

/** "Solved before?": published improvements and ideas this reader may see, like the text typed. */
export async function findSimilarIdeas(db: Database, actor: Actor, input: { title: string; problem: string; exclude?: number }) {
	if (!can(actor, 'idea.create')) throw notFound();
	const text = `${input.title} ${input.problem}`.replace(/\s+/g, ' ').trim().slice(0, 300);
	if (text.length < 4) return { results: [] };
	return findSimilar(db, text, ACCEPTED_AND_LATER, input.exclude ?? null);
}

export async function findColleagues(db: Database, actor: Actor, query: string) {
	if (!can(actor, 'idea.create')) throw notFound();
	return q.searchColleagues(db, query);
}
