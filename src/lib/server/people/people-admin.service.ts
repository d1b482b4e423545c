/**
 * People, administered: the admin's person page adds, edits, disables and enables people
 * through the one people service (people.service.ts), so the rules are those of the HR import,
 * SCIM and company sign-in. Before a person is disabled the admin sees what they hold; after,
 * what was handed over.
 */
import type { Database, Db } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { createPerson, deactivatePeople, reactivatePeople, updatePerson, type ChangeContext, type Handover } from './people.service.js';
import * as q from './people-admin.queries.js';
import type { PersonInput } from './people-admin.schema.js';
import type { PersonRecord } from './people.queries.js';

export type { Handover } from './people.service.js';

function authorise(actor: Actor) {
	if (!can(actor, 'org.manage')) throw notFound();
}

const viaAdmin = (actor: Actor): ChangeContext => ({ actorId: actor.id, via: 'admin' });

/** The person page: their record, roles and what they hold (one statement). */
export async function loadPersonForAdmin(db: Database, actor: Actor, id: number) {
	authorise(actor);
	const person = await q.findPersonForAdmin(db, id);
	if (!person) throw notFound();
	const { grants, ...rest } = person;
	return { ...rest, grants: (grants ?? []).filter((g): g is 'organiser' | 'admin' => g === 'organiser' || g === 'admin') };
}

/** The manager as typed (e-mail or employee number) to their id; blank is no manager. */
async function resolveManager(db: Db, key: string | null): Promise<number | null> {
	if (!key) return null;
	const found = await q.findPersonByKey(db, key);
	if (!found) throw new FieldErrors({ manager: ['unknown_manager'] });
	return found.id;
}

/** The people service names the manager's field `managerId`; the form calls it `manager`. */
async function withFormFields<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof FieldErrors && e.fields.managerId) {
			const { managerId, ...rest } = e.fields;
			throw new FieldErrors({ ...rest, manager: managerId });
		}
		throw e;
	}
}

function toRecord(input: PersonInput, managerId: number | null): Omit<PersonRecord, 'externalId'> {
	return {
		name: input.name,
		email: input.email,
		employeeNumber: input.employeeNumber,
		departmentId: input.departmentId,
		managerId,
		jobLevel: input.jobLevel,
		educationLevel: input.educationLevel,
		jobTitle: input.jobTitle,
		locale: input.locale
	};
}

/** Add a person (audited `user.created`, via admin). */
export async function addPerson(db: Database, actor: Actor, input: PersonInput): Promise<{ id: number }> {
	authorise(actor);
	return withFormFields(() =>
		db.transaction().execute(async (trx) => {
			const managerId = await resolveManager(trx, input.manager);
			return createPerson(trx, { ...toRecord(input, managerId), externalId: null }, viaAdmin(actor));
		})
	);
}

/** Change a person's record (audited `user.updated` with before and after, via admin). Their IdP id is left alone. */
export async function editPerson(db: Database, actor: Actor, id: number, input: PersonInput): Promise<{ changed: string[] }> {
	authorise(actor);
	return withFormFields(() =>
		db.transaction().execute(async (trx) => {
			const managerId = await resolveManager(trx, input.manager);
			return updatePerson(trx, id, toRecord(input, managerId), viaAdmin(actor));
		})
	);
}

/**
 * Disable a person and hand over what they hold (see `deactivatePeople`). An admin cannot
 * disable themselves, and the last active admin cannot be disabled.
 */
export async function disablePerson(db: Database, actor: Actor, id: number): Promise<Handover> {
	authorise(actor);
	if (id === actor.id) throw new DomainError('self_disable', 'You cannot disable yourself.', 409);
	return db.transaction().execute(async (trx) => {
		const state = await q.adminState(trx, id);
		if (state.isAdmin && (state.activeAdmins ?? 0) <= 1) throw new DomainError('last_admin', 'The last admin cannot be disabled.', 409);
		const handover = await deactivatePeople(trx, [id], viaAdmin(actor));
		if (!handover.disabled.length && !(await q.personExists(trx, id))) throw notFound();
		return handover;
	});
}

/** Enable a disabled person again (audited `user.enabled`). */
export async function enablePerson(db: Database, actor: Actor, id: number): Promise<{ enabled: boolean }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const enabled = await reactivatePeople(trx, [id], viaAdmin(actor));
		if (!enabled.length && !(await q.personExists(trx, id))) throw notFound();
		return { enabled: enabled.length > 0 };
	});
}
