/**
 * People of the company's own organisation, written one way whoever writes them: people
 * admin, the HR import, SCIM provisioning and company sign-in. Each write checks what the
 * database alone cannot say kindly (an e-mail or employee number held by someone else, a
 * retired department, a manager loop) and is audited with who or what made it. A person who
 * leaves is handed over: signed out, their mentorships ended and back in the organisers'
 * queue, their jury seats flagged; their ideas keep their teams.
 */
import type { Db } from '../db/index.js';
import { FieldErrors, notFound } from '../errors.js';
import { recordAudit, recordAudits } from '../audit/audit.queries.js';
import { recomputeConflicts } from '../scoring/jury-sheet.service.js';
import * as q from './people.queries.js';
import { PERSON_FIELDS, type PersonRecord } from './people.queries.js';

export type { PersonRecord } from './people.queries.js';

/**
 * Who or what changes the organisation: a person (admin, organiser) or a provisioning channel;
 * `tokenId` names the SCIM token a provisioning request came with (kept in the audit line).
 */
export type ChangeContext = { actorId: number | null; via: 'admin' | 'import' | 'scim' | 'sso' | 'setup'; tokenId?: number };

/** The channel as an audit line records it: `{ via }`, and the SCIM token when there is one. */
function channel(ctx: ChangeContext): { via: ChangeContext['via']; tokenId?: number } {
	return ctx.tokenId === undefined ? { via: ctx.via } : { via: ctx.via, tokenId: ctx.tokenId };
}

/** Why a mentorship ends when its mentor leaves the company (shown in the idea's history). */
export const LEFT_COMPANY = 'left_company';

function normalise(p: PersonRecord): PersonRecord {
	return {
		...p,
		name: p.name.trim(),
		email: p.email.trim().toLowerCase(),
		employeeNumber: p.employeeNumber?.trim() || null,
		jobTitle: p.jobTitle?.trim() || null,
		externalId: p.externalId?.trim() || null
	};
}

/** Checks that need the database (one statement): unique keys, a department in use, a manager without a loop. */
async function checkPerson(db: Db, id: number | null, p: PersonRecord) {
	const errors: Record<string, string[]> = {};
	const facts = await q.personChecks(db, id, p);
	const holders = facts.holders;
	if (holders.some((h) => h.email === p.email)) errors.email = ['email_taken'];
	if (p.employeeNumber && holders.some((h) => h.employeeNumber === p.employeeNumber)) errors.employeeNumber = ['employee_number_taken'];
	if (p.externalId && holders.some((h) => h.externalId === p.externalId)) errors.externalId = ['external_id_taken'];
	if (!facts.departmentExists) errors.departmentId = ['unknown_department'];
	else if (facts.departmentRetired) errors.departmentId = ['department_retired'];
	if (p.managerId !== null) {
		if (p.managerId === id) errors.managerId = ['manager_self'];
		else if (!facts.managerLine.length) errors.managerId = ['unknown_manager'];
		else if (id !== null && facts.managerLine.includes(id)) errors.managerId = ['manager_cycle'];
	}
	if (Object.keys(errors).length) throw new FieldErrors(errors);
}

/** Add a person. Call inside a transaction. Audited as `user.created`. */
export async function createPerson(trx: Db, input: PersonRecord, ctx: ChangeContext): Promise<{ id: number }> {
	const person = normalise(input);
	await checkPerson(trx, null, person);
	const { id } = await q.insertPerson(trx, person);
	await recordAudit(trx, {
		actorId: ctx.actorId ?? id,
		action: 'user.created',
		objectType: 'user',
		objectId: id,
		data: { ...channel(ctx), email: person.email, departmentId: person.departmentId, managerId: person.managerId }
	});
	return { id };
}

/**
 * Change a person: only the fields given, only when they differ. Call inside a transaction.
 * Audited as `user.updated` with the fields before and after; returns the changed fields.
 */
export async function updatePerson(trx: Db, id: number, patch: Partial<PersonRecord>, ctx: ChangeContext): Promise<{ changed: string[] }> {
	const current = await q.lockPerson(trx, id);
	if (!current) throw notFound();
	const before: PersonRecord = Object.fromEntries(PERSON_FIELDS.map((f) => [f, current[f]])) as PersonRecord;
	const after = normalise({ ...before, ...patch });
	const changed = PERSON_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
	if (!changed.length) return { changed: [] };
	await checkPerson(trx, id, after);
	const set = Object.fromEntries(changed.map((f) => [f, after[f]])) as Partial<PersonRecord>;
	await q.updatePersonRow(trx, id, set);
	// A new manager changes who is above whom: the recorded conflicts of open rounds follow (scoring finds them live).
	if (changed.includes('managerId')) await recomputeConflicts(trx, 'active');
	await recordAudit(trx, {
		actorId: ctx.actorId,
		action: 'user.updated',
		objectType: 'user',
		objectId: id,
		data: { ...channel(ctx), changed, before: pick(before, changed), after: pick(after, changed) }
	});
	return { changed };
}

function pick(p: PersonRecord, fields: readonly string[]) {
	return Object.fromEntries(fields.map((f) => [f, p[f as keyof PersonRecord]]));
}

export type Handover = { disabled: number[]; sessionsEnded: number; mentorshipsEnded: number; jurySeatsFlagged: number };

/**
 * People leave: disabled and signed out everywhere at once; their proposed, accepted and
 * requested mentorships end (reason `left_company`) so the ideas return to the organisers'
 * mentor queue, with an event on each idea and a word to the organisers; their
 * mentor profiles pause; their seats on juries of rounds not yet closed are counted (the
 * round page flags them for replacement). Their ideas keep their teams. Call inside a
 * transaction; people already disabled are skipped. Audited per person as `user.disabled`.
 * Three statements however many people and mentorships (disable, hand over, audit).
 */
export async function deactivatePeople(trx: Db, ids: number[], ctx: ChangeContext): Promise<Handover> {
	const disabled = (await q.setDisabled(trx, ids, true)).map((r) => r.id);
	if (!disabled.length) return { disabled, sessionsEnded: 0, mentorshipsEnded: 0, jurySeatsFlagged: 0 };
	const { sessionsEnded, ended, seats } = await q.handOver(trx, disabled, {
		actorId: ctx.actorId,
		reason: LEFT_COMPANY,
		notificationKind: 'mentor_left'
	});
	await recordAudits(
		trx,
		disabled.map((id) => ({
			actorId: ctx.actorId,
			action: 'user.disabled',
			objectType: 'user',
			objectId: id,
			data: {
				...channel(ctx),
				sessionsEnded,
				mentorshipsEnded: ended.filter((e) => e.mentorId === id).map((e) => e.ideaId),
				jurySeats: seats.filter((s) => s.userId === id).map((s) => s.juryId)
			}
		}))
	);
	return { disabled, sessionsEnded, mentorshipsEnded: ended.length, jurySeatsFlagged: seats.length };
}

/** People come back: enabled (their roles and teams were kept; mentor profiles stay paused until they resume). Audited. */
export async function reactivatePeople(trx: Db, ids: number[], ctx: ChangeContext): Promise<number[]> {
	const enabled = (await q.setDisabled(trx, ids, false)).map((r) => r.id);
	await recordAudits(
		trx,
		enabled.map((id) => ({ actorId: ctx.actorId, action: 'user.enabled', objectType: 'user', objectId: id, data: channel(ctx) }))
	);
	return enabled;
}
