/**
 * From an implemented idea to a knowledge-base entry: the team's request to publish, the
 * organiser's approval, edits and unpublishing (audited, and an event on the idea's
 * timeline), and the organisers' list of requests waiting. The implementation record is
 * implementation.service.ts; an entry's files are the attachments service's.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, canOnImplementation, canOnKbEntry, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { findUsersByIds, listOrganiserIds, listProcessAreas, moveIdea, recordIdeaEvent } from '../ideas/ideas.service.js';
import { listDepartments } from '../org/users.service.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { requireIdeaFacts } from './kb.access.js';
import * as q from './kb.queries.js';
import type { EntryInput } from './kb.schema.js';

type Trx = Transaction<DB>;

async function checkEntryReferences(db: Database, input: EntryInput) {
	const errors: Record<string, string[]> = {};
	if (input.contactIds.length && (await findUsersByIds(db, input.contactIds)).length !== input.contactIds.length)
		errors.contact = ['unknown_person'];
	const departments = new Set((await listDepartments(db)).map((d) => d.id));
	if (input.candidateDepartmentIds.some((id) => !departments.has(id))) errors.candidate = ['unknown'];
	if (input.processAreaId && !(await listProcessAreas(db)).some((a) => a.id === input.processAreaId)) errors.processAreaId = ['unknown'];
	if (Object.keys(errors).length) throw new FieldErrors(errors);
}

async function writeEntryParts(trx: Trx, entryId: number, input: EntryInput) {
	await q.replaceEntryTags(trx, entryId, input.tags);
	await q.replaceEntryContacts(trx, entryId, input.contactIds);
	await q.replaceEntryCandidates(trx, entryId, input.candidateDepartmentIds);
	await q.replaceResults(trx, { kbEntryId: entryId }, input.results);
}

/** The award an idea won, as the competition decided it (its award, or its last final outcome). */
async function awardOf(trx: Trx, ideaId: number, award: string | null): Promise<string | null> {
	return award ?? (await q.findFinalOutcome(trx, ideaId));
}

/**
 * The team asks to publish its implemented idea: the entry is written as 'pending' (seen by
 * the team and organisers only) and the organisers are notified. Asking again updates it.
 */
export async function requestPublication(db: Database, actor: Actor, ideaId: number, input: EntryInput): Promise<{ entryId: number }> {
	await checkEntryReferences(db, input);
	return db.transaction().execute(async (trx) => {
		const { facts } = await requireIdeaFacts(trx, actor, ideaId);
		if (!canOnImplementation(actor, 'requestPublication', facts)) {
			throw new DomainError('not_implemented', 'Record the implementation as done before asking to publish.', 409);
		}
		const idea = await q.findIdeaForPublication(trx, ideaId);
		if (!idea) throw notFound();
		const existing = await q.findEntryByIdea(trx, ideaId);
		let entryId: number;
		const fields = {
			title: input.title,
			summary: input.summary,
			problem: input.problem,
			solution: input.solution,
			processAreaId: input.processAreaId
		};
		let parts = input;
		if (!existing) {
			// the departments that supported the idea start as its suggested candidate departments
			const supported = await q.listSupportDepartmentIds(trx, ideaId);
			parts = { ...input, candidateDepartmentIds: [...new Set([...input.candidateDepartmentIds, ...supported])] };
			entryId = (
				await q.insertEntry(trx, {
					...fields,
					ideaId,
					departmentId: idea.departmentId,
					competitionId: idea.competitionId,
					award: await awardOf(trx, ideaId, idea.award),
					rollOutScore: await q.findRollOutScore(trx, ideaId),
					requestedBy: actor.id
				})
			).id;
		} else {
			if (existing.status === 'published') throw new DomainError('already_published', 'This entry is already published.', 409);
			entryId = existing.id;
			await q.updateEntryFields(trx, entryId, { ...fields, requestedBy: actor.id });
			await q.setEntryStatus(trx, entryId, 'pending');
		}
		await writeEntryParts(trx, entryId, parts);
		await recordIdeaEvent(trx, { ideaId, actorId: actor.id, kind: 'publication_requested', data: { kbEntryId: entryId } });
		const organisers = (await listOrganiserIds(trx)).map((o) => o.id).filter((id) => id !== actor.id);
		await insertNotifications(trx, organisers, {
			kind: 'kb_publish_requested',
			params: { title: input.title, ideaId },
			link: `/ideas/${ideaId}/implementation`
		});
		return { entryId };
	});
}

async function requireManagedEntry(trx: Trx, actor: Actor, entryId: number) {
	if (!can(actor, 'kb.manage')) throw notFound();
	const entry = await q.lockEntry(trx, entryId);
	if (!entry) throw notFound();
	return entry;
}

/**
 * The organiser approves: the entry is published, the idea moves to 'published', the team
 * hears of it, the people of the candidate departments are told it may work for them too,
 * and subscribers to its department, process area or tags get a notification.
 */
export async function approveEntry(db: Database, actor: Actor, entryId: number) {
	return db.transaction().execute(async (trx) => {
		const entry = await requireManagedEntry(trx, actor, entryId);
		if (!canOnKbEntry(actor, 'approve', { status: entry.status, isTeam: false }))
			throw new DomainError('wrong_state', 'This entry is already published.', 409);
		await q.setEntryStatus(trx, entryId, 'published', actor.id);
		if (entry.ideaId) {
			await moveIdea(trx, {
				ideaId: entry.ideaId,
				actorId: actor.id,
				transition: 'publish',
				as: ['organiser'],
				data: { kbEntryId: entryId }
			});
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'kb_entry.publish',
			objectType: 'kb_entry',
			objectId: entryId,
			data: { title: entry.title, ideaId: entry.ideaId }
		});
		const params = { title: entry.title, kbEntryId: entryId };
		const link = `/kb/${entryId}`;
		const team = new Set(await q.listTeamAndContactIds(trx, entryId));
		await insertNotifications(trx, [...team], { kind: 'kb_published', params, link });
		const full = await q.findEntry(trx, entryId);
		const candidates = (
			await q.listPeopleOfDepartments(
				trx,
				(full?.candidates ?? []).map((c) => c.id)
			)
		).filter((id) => !team.has(id));
		await insertNotifications(trx, candidates, { kind: 'kb_candidate', params, link });
		const told = new Set([...team, ...candidates]);
		const subscribers = (await q.listSubscriberIds(trx, entryId)).filter((id) => !told.has(id));
		await insertNotifications(trx, subscribers, { kind: 'kb_new_entry', params, link });
		return { notified: { team: team.size, candidates: candidates.length, subscribers: subscribers.length } };
	});
}

/** The organiser edits an entry (any status). Audited; newly named candidate departments of a published entry are told. */
export async function editEntry(db: Database, actor: Actor, entryId: number, input: EntryInput) {
	await checkEntryReferences(db, input);
	return db.transaction().execute(async (trx) => {
		const entry = await requireManagedEntry(trx, actor, entryId);
		const before = await q.findEntry(trx, entryId);
		await q.updateEntryFields(trx, entryId, {
			title: input.title,
			summary: input.summary,
			problem: input.problem,
			solution: input.solution,
			processAreaId: input.processAreaId
		});
		await writeEntryParts(trx, entryId, input);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'kb_entry.edit',
			objectType: 'kb_entry',
			objectId: entryId,
			data: { title: input.title, before: { title: before?.title } }
		});
		if (entry.ideaId)
			await recordIdeaEvent(trx, { ideaId: entry.ideaId, actorId: actor.id, kind: 'kb_entry_edited', data: { kbEntryId: entryId } });
		if (entry.status === 'published') {
			const old = new Set((before?.candidates ?? []).map((c) => c.id));
			const added = input.candidateDepartmentIds.filter((id) => !old.has(id));
			const team = new Set(await q.listTeamAndContactIds(trx, entryId));
			const people = (await q.listPeopleOfDepartments(trx, added)).filter((id) => !team.has(id));
			await insertNotifications(trx, people, {
				kind: 'kb_candidate',
				params: { title: input.title, kbEntryId: entryId },
				link: `/kb/${entryId}`
			});
		}
	});
}

/** The organiser withdraws a published entry, with a reason: hidden from search at once, the idea back to 'implemented'. */
export async function unpublishEntry(db: Database, actor: Actor, entryId: number, reason: string) {
	return db.transaction().execute(async (trx) => {
		const entry = await requireManagedEntry(trx, actor, entryId);
		if (entry.status !== 'published') throw new DomainError('wrong_state', 'This entry is not published.', 409);
		await q.setEntryStatus(trx, entryId, 'unpublished');
		if (entry.ideaId) {
			await moveIdea(trx, {
				ideaId: entry.ideaId,
				actorId: actor.id,
				transition: 'unpublish',
				as: ['organiser'],
				reason,
				data: { kbEntryId: entryId }
			});
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'kb_entry.unpublish',
			objectType: 'kb_entry',
			objectId: entryId,
			data: { title: entry.title, reason }
		});
		const team = await q.listTeamAndContactIds(trx, entryId);
		await insertNotifications(trx, team, {
			kind: 'kb_unpublished',
			params: { title: entry.title, reason },
			link: entry.ideaId ? `/ideas/${entry.ideaId}/implementation` : null
		});
	});
}

export async function getEntryForEdit(db: Database, actor: Actor, entryId: number) {
	if (!can(actor, 'kb.manage')) throw notFound();
	const entry = await q.findEntry(db, entryId);
	if (!entry) throw notFound();
	const [processAreas, departments, team] = await Promise.all([
		listProcessAreas(db),
		listDepartments(db),
		entry.ideaId ? q.findIdeaForPublication(db, entry.ideaId).then((i) => i?.team ?? []) : Promise.resolve([])
	]);
	const people = [
		...new Map([
			...team.map((t) => [t.id, { id: t.id, name: t.name }] as const),
			...entry.contacts.map((c) => [c.id, { id: c.id, name: c.name }] as const)
		]).values()
	];
	return {
		entry,
		processAreas,
		people,
		departments: departments.filter((d) => d.id !== entry.departmentId).map((d) => ({ id: d.id, name: d.name }))
	};
}

export async function listPendingPublications(db: Database, actor: Actor) {
	if (!can(actor, 'kb.manage')) return [];
	return q.listPendingEntries(db);
}
