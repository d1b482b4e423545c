/**
 * After an accepted idea is put into practice: its implementation record (owner, status,
 * date) and the results measured, and the page where the team keeps them and asks to publish
 * (publication.service.ts). Marked done, the idea moves to 'implemented'.
 */
import type { Database } from '../db/index.js';
import { canOnImplementation, canOnKbEntry, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { findUsersByIds, moveIdea, recordIdeaEvent } from '../ideas/ideas.service.js';
import { recordAudit } from '../audit/audit.queries.js';
import { TRANSITIONS } from '../../domain/lifecycle.js';
import { requireIdeaFacts } from './kb.access.js';
import * as q from './kb.queries.js';
import type { ImplementationInput } from './kb.schema.js';

const IMPLEMENTABLE_FROM: readonly string[] = TRANSITIONS.implement.from;

/** The implementation page: the record, its results, the entry (if any) and the choices its forms offer. */
export async function getImplementationPage(db: Database, actor: Actor, ideaId: number) {
	const { access, facts } = await requireIdeaFacts(db, actor, ideaId);
	const canRecord = canOnImplementation(actor, 'record', facts);
	const organiser = hasRole(actor, 'organiser');
	if (!canRecord && !organiser) throw notFound();
	const idea = await q.findImplementationPage(db, ideaId);
	if (!idea) throw notFound();
	const { implementation, results, processAreas, departments } = idea;
	const entry = idea.entryId ? await q.findEntry(db, idea.entryId) : null;
	const entryFacts = entry ? { status: entry.status, isTeam: facts.isMember } : null;
	return {
		idea: {
			id: idea.id,
			title: idea.title,
			problem: idea.problem,
			proposal: idea.proposal,
			status: idea.status,
			processAreaId: idea.processAreaId,
			departmentId: idea.departmentId,
			version: access.version
		},
		team: idea.team,
		ideaTags: idea.tags.map((t) => t.name),
		implementation: implementation ?? null,
		results,
		entry,
		processAreas,
		departments: departments.filter((d) => d.id !== idea.departmentId).map((d) => ({ id: d.id, name: d.name })),
		can: {
			record: canRecord,
			requestPublication: canOnImplementation(actor, 'requestPublication', facts) && (!entry || entry.status !== 'published'),
			approve: !!entryFacts && canOnKbEntry(actor, 'approve', entryFacts) && idea.status === 'implemented',
			unpublish: !!entryFacts && canOnKbEntry(actor, 'unpublish', entryFacts),
			attach: !!entryFacts && canOnKbEntry(actor, 'attach', entryFacts)
		}
	};
}

/**
 * Save the implementation record. Marked done (with its date), the idea moves to
 * 'implemented' (an event on its timeline); the measured results replace the earlier ones.
 */
export async function saveImplementation(db: Database, actor: Actor, ideaId: number, input: ImplementationInput) {
	if (input.ownerId && (await findUsersByIds(db, [input.ownerId])).length !== 1) throw new FieldErrors({ ownerId: ['unknown_person'] });
	return db.transaction().execute(async (trx) => {
		const { access, facts } = await requireIdeaFacts(trx, actor, ideaId);
		if (!canOnImplementation(actor, 'record', facts))
			throw new DomainError('not_allowed_now', 'The implementation can be recorded once the idea is accepted.', 409);
		await q.upsertImplementation(trx, { ideaId, ownerId: input.ownerId, status: input.status, doneOn: input.doneOn });
		await q.replaceResults(trx, { ideaId }, input.results);
		await recordIdeaEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'implementation_updated',
			data: { status: input.status, doneOn: input.doneOn, results: input.results.length }
		});
		let status = access.status;
		if (input.status === 'done' && IMPLEMENTABLE_FROM.includes(access.status)) {
			const as = [...(facts.isMember ? (['team'] as const) : []), ...(hasRole(actor, 'organiser') ? (['organiser'] as const) : [])];
			status = (await moveIdea(trx, { ideaId, actorId: actor.id, transition: 'implement', as, data: { doneOn: input.doneOn } })).to;
		}
		if (!facts.isMember)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'implementation.save',
				objectType: 'idea',
				objectId: ideaId,
				data: { status: input.status }
			});
		return { status };
	});
}
