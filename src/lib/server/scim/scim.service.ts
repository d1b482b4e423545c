/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644): an identity provider (Microsoft Entra ID,
 * Okta) keeps people and departments current. Users are people, Groups are departments.
 * Every write goes through the people service in one transaction, as `via: 'scim'` with the
 * token's id in the audit line; the route handlers only read the request and write the answer.
 *
 * Decisions a reader will ask about:
 * - A User's department is named by its code, its name or its Group's externalId. An
 *   unknown one is refused (invalidValue, naming it), never created: the identity provider
 *   retries, and the person lands in the right department once the Group exists. A User
 *   without a department goes to the default department (DEFAULT_DEPARTMENT), if it exists.
 * - DELETE of a User disables them (with the handover); their history stays, and they can
 *   be enabled again with `active: true`. They are still found afterwards, as `active: false`.
 * - Adding a member to a Group moves that person into the department; removing a member
 *   changes nothing (everyone is in exactly one department). DELETE of a Group retires the
 *   department, refused (409 mutability) while active people or departments are still in it.
 */
import type { Database, Db } from '../db/index.js';
import { DomainError, FieldErrors } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import {
	createPerson,
	deactivatePeople,
	reactivatePeople,
	updatePerson,
	type ChangeContext,
	type PersonRecord
} from '../people/people.service.js';
import * as q from './scim.queries.js';
import { eqConditions, parseFilter, type Condition } from './filter.js';
import { applyPatch, readPatchRequest } from './patch.js';
import { invalidFilter, invalidValue, mutability, resourceNotFound, ScimError, uniqueness } from './scim-error.js';
import { ENTERPRISE_SCHEMA, listResponse, resourceTypes, schemaResources, serviceProviderConfig, USER_EXTENSIONS } from './schemas.js';
import { fullName, patchedEmail, patchedName, readBoolean, readUser, userResource, type UserRow } from './user-resource.js';
import { departmentCode, groupResource, readGroup } from './group-resource.js';
import { project, wants, type ListQuery, type Projection } from './list-query.js';
import type { Resource } from './patch.js';

/** Who is provisioning and where the resources live. */
export type ScimContext = {
	db: Database;
	tokenId: number;
	/** The SCIM base URL, e.g. https://ideacup.example.com/scim/v2 */
	base: string;
	/** The department code for Users that name none (DEFAULT_DEPARTMENT). */
	defaultDepartment: string;
};

const USER_PATCH = { extensions: USER_EXTENSIONS, readOnly: ['id', 'meta', 'groups'] };
const GROUP_PATCH = { extensions: [] as string[], readOnly: ['id', 'meta'] };

const change = (ctx: ScimContext): ChangeContext => ({ actorId: null, via: 'scim', tokenId: ctx.tokenId });

/** A resource id in a path: one of ours is a positive integer; anything else is not found. */
export function resourceId(kind: 'User' | 'Group', text: string): number {
	if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) throw resourceNotFound(kind, text);
	return Number(text);
}

/** The people service's refusals in SCIM's words. */
function scimRefusal(e: unknown): unknown {
	if (e instanceof FieldErrors) {
		const f = e.fields;
		if (f.email?.includes('email_taken')) return uniqueness('userName is already taken by another User');
		if (f.employeeNumber?.includes('employee_number_taken')) return uniqueness('employeeNumber is already taken by another User');
		if (f.externalId?.includes('external_id_taken')) return uniqueness('externalId is already taken by another User');
		if (f.departmentId?.includes('department_retired')) return invalidValue('The department is retired');
		if (f.departmentId?.length) return invalidValue('The department does not exist');
		if (f.managerId?.includes('manager_self')) return invalidValue('A User cannot be their own manager');
		if (f.managerId?.includes('manager_cycle'))
			return invalidValue('This manager would make a loop: the User is above them in the reporting line');
		if (f.managerId?.length) return invalidValue('The manager does not exist');
		return invalidValue(Object.values(f).flat().join(', '));
	}
	if (e instanceof DomainError && e.status === 404) return new ScimError(404, undefined, 'Not found');
	// Two requests racing for one e-mail or externalId: the database's unique key says no.
	if ((e as { code?: string })?.code === '23505') return uniqueness('A value that must be unique is already taken');
	return e;
}

async function inTransaction<T>(ctx: ScimContext, work: (trx: Db) => Promise<T>): Promise<T> {
	try {
		return await ctx.db.transaction().execute(work);
	} catch (e) {
		throw scimRefusal(e);
	}
}

// ---------- Users ----------

function userWhere(conditions: Condition[]): q.UserWhere {
	const w: q.UserWhere = {};
	const set = <K extends Exclude<keyof q.UserWhere, 'none'>>(key: K, value: q.UserWhere[K]) => {
		if (w[key] !== undefined && w[key] !== value) w.none = true;
		w[key] = value;
	};
	for (const { attr, value } of conditions) {
		if (value === null) {
			w.none = true;
			continue;
		}
		const text = String(value);
		switch (attr) {
			case 'id':
				if (/^\d{1,10}$/.test(text) && Number(text) <= 2_147_483_647) set('id', Number(text));
				else w.none = true;
				break;
			case 'username':
			case 'emails':
			case 'emails.value':
				set('email', text.toLowerCase());
				break;
			case 'emails.type':
				if (text.toLowerCase() !== 'work') w.none = true;
				break;
			case 'externalid':
				set('externalId', text);
				break;
			case 'displayname':
			case 'name.formatted':
				set('name', text);
				break;
			case 'active':
				set('active', readBoolean(value, 'active'));
				break;
			case `${ENTERPRISE_SCHEMA.toLowerCase()}:employeenumber`:
				set('employeeNumber', text);
				break;
			default:
				throw invalidFilter(
					`Users cannot be filtered on "${attr}": use userName, externalId, emails.value, id, displayName, active or employeeNumber with eq`
				);
		}
	}
	return w;
}

const conditionsOf = (filter: string | null) => (filter ? eqConditions(parseFilter(filter)) : []);

export async function listUsers(ctx: ScimContext, query: ListQuery) {
	const where = userWhere(conditionsOf(query.filter));
	const rows = query.count ? await q.listUsers(ctx.db, where, query.count, query.startIndex - 1) : [];
	const total = rows.length ? rows[0].total : await q.countUsers(ctx.db, where);
	return listResponse(
		rows.map((r) => project(userResource(r as UserRow, ctx.base), query, USER_EXTENSIONS)),
		total,
		query.startIndex
	);
}

async function loadUser(db: Db, id: number): Promise<UserRow> {
	const row = await q.findUser(db, id);
	if (!row) throw resourceNotFound('User', String(id));
	return row;
}

export async function getUser(ctx: ScimContext, idText: string, projection: Projection) {
	const row = await loadUser(ctx.db, resourceId('User', idText));
	return project(userResource(row, ctx.base), projection, USER_EXTENSIONS);
}

async function departmentFor(trx: Db, ctx: ScimContext, ref: string | undefined): Promise<number> {
	if (ref === undefined) {
		const fallback = await q.findDepartmentByCode(trx, ctx.defaultDepartment);
		if (!fallback || fallback.retiredAt) {
			throw invalidValue(`The User names no department, and the default department "${ctx.defaultDepartment}" does not exist`);
		}
		return fallback.id;
	}
	const found = await q.findDepartmentByRef(trx, ref);
	if (!found) {
		throw invalidValue(`Unknown department "${ref}": create its Group first, or send a department's code, name or Group externalId`);
	}
	if (found.retiredAt) throw invalidValue(`The department "${ref}" is retired`);
	return found.id;
}

async function managerFor(trx: Db, ref: string | null | undefined): Promise<number | null> {
	if (!ref) return null;
	const found = await q.findManagerByRef(trx, ref);
	if (!found) throw invalidValue(`Unknown manager "${ref}": send the manager's User id or externalId`);
	return found.id;
}

async function setActive(trx: Db, ctx: ScimContext, row: UserRow, active: boolean | undefined) {
	if (active === undefined || active === !row.disabledAt) return;
	if (active) await reactivatePeople(trx, [row.id], change(ctx));
	else await deactivatePeople(trx, [row.id], change(ctx));
}

/** POST /Users (RFC 7644 section 3.3): the new person, as created. */
export async function createUser(ctx: ScimContext, body: unknown): Promise<Resource> {
	const input = readUser(asResource(body));
	const email = input.userName;
	if (!email) throw invalidValue("userName is required: the person's e-mail address");
	return inTransaction(ctx, async (trx) => {
		const record: PersonRecord = {
			name: fullName(input) ?? email.split('@')[0],
			email,
			employeeNumber: input.employeeNumber ?? null,
			departmentId: await departmentFor(trx, ctx, input.department),
			managerId: await managerFor(trx, input.manager),
			jobLevel: input.jobLevel ?? 'engineer',
			educationLevel: input.educationLevel ?? null,
			jobTitle: input.jobTitle ?? null,
			locale: input.locale ?? 'en',
			externalId: input.externalId ?? null
		};
		const { id } = await createPerson(trx, record, change(ctx));
		if (input.active === false) await deactivatePeople(trx, [id], change(ctx));
		return userResource(await loadUser(trx, id), ctx.base);
	});
}

/**
 * PUT /Users/{id}: the resource replaced. What it leaves out is cleared (title, employee
 * number, manager, education level), except what a person cannot be without or what other
 * channels match on: department, job level, language, externalId and active stay as they were.
 */
export async function replaceUser(ctx: ScimContext, idText: string, body: unknown): Promise<Resource> {
	const id = resourceId('User', idText);
	const input = readUser(asResource(body));
	if (!input.userName) throw invalidValue("userName is required: the person's e-mail address");
	const email = input.userName;
	return inTransaction(ctx, async (trx) => {
		const row = await loadUser(trx, id);
		const patch: Partial<PersonRecord> = {
			email,
			name: fullName(input) ?? row.name,
			jobTitle: input.jobTitle ?? null,
			employeeNumber: input.employeeNumber ?? null,
			managerId: await managerFor(trx, input.manager),
			educationLevel: input.educationLevel ?? null,
			...(input.department !== undefined ? { departmentId: await departmentFor(trx, ctx, input.department) } : {}),
			...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
			...(input.locale ? { locale: input.locale } : {}),
			...(input.jobLevel ? { jobLevel: input.jobLevel } : {})
		};
		await updatePerson(trx, id, patch, change(ctx));
		await setActive(trx, ctx, row, input.active);
		return userResource(await loadUser(trx, id), ctx.base);
	});
}

/** PATCH /Users/{id} (RFC 7644 section 3.5.2): the operations applied to the User as it is, then what changed written. */
export async function patchUser(ctx: ScimContext, idText: string, body: unknown): Promise<Resource> {
	const id = resourceId('User', idText);
	const operations = readPatchRequest(body);
	return inTransaction(ctx, async (trx) => {
		const row = await loadUser(trx, id);
		const current = userResource(row, ctx.base);
		const before = readUser(current);
		const after = readUser(applyPatch(current, operations, USER_PATCH));
		const patch: Partial<PersonRecord> = {};
		const email = patchedEmail(before, after);
		if (email) patch.email = email;
		const name = patchedName(before, after);
		if (name) patch.name = name;
		if (after.externalId !== before.externalId) patch.externalId = after.externalId ?? null;
		if (after.jobTitle !== before.jobTitle) patch.jobTitle = after.jobTitle ?? null;
		if (after.employeeNumber !== before.employeeNumber) patch.employeeNumber = after.employeeNumber ?? null;
		if (after.educationLevel !== before.educationLevel) patch.educationLevel = after.educationLevel ?? null;
		if (after.jobLevel !== before.jobLevel) patch.jobLevel = after.jobLevel ?? 'engineer';
		if (after.locale && after.locale !== before.locale) patch.locale = after.locale;
		if (after.department !== before.department) patch.departmentId = await departmentFor(trx, ctx, after.department);
		if (after.manager !== before.manager) patch.managerId = await managerFor(trx, after.manager);
		if (Object.keys(patch).length) await updatePerson(trx, id, patch, change(ctx));
		await setActive(trx, ctx, row, after.active);
		return userResource(await loadUser(trx, id), ctx.base);
	});
}

/** DELETE /Users/{id}: the person is disabled and handed over, never deleted (their ideas, scores and history stay). */
export async function deleteUser(ctx: ScimContext, idText: string): Promise<void> {
	const id = resourceId('User', idText);
	await inTransaction(ctx, async (trx) => {
		await loadUser(trx, id);
		await deactivatePeople(trx, [id], change(ctx));
	});
}

// ---------- Groups ----------

function groupWhere(conditions: Condition[]): q.GroupWhere {
	const w: q.GroupWhere = {};
	const set = <K extends Exclude<keyof q.GroupWhere, 'none'>>(key: K, value: q.GroupWhere[K]) => {
		if (w[key] !== undefined && w[key] !== value) w.none = true;
		w[key] = value;
	};
	const asId = (text: string) => (/^\d{1,10}$/.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : null);
	for (const { attr, value } of conditions) {
		if (value === null) {
			w.none = true;
			continue;
		}
		const text = String(value);
		switch (attr) {
			case 'id':
			case 'members':
			case 'members.value': {
				const id = asId(text);
				if (id === null) w.none = true;
				else set(attr === 'id' ? 'id' : 'memberId', id);
				break;
			}
			case 'displayname':
				set('name', text);
				break;
			case 'externalid':
				set('externalId', text);
				break;
			default:
				throw invalidFilter(`Groups cannot be filtered on "${attr}": use displayName, externalId, id or members.value with eq`);
		}
	}
	return w;
}

export async function listGroups(ctx: ScimContext, query: ListQuery) {
	const where = groupWhere(conditionsOf(query.filter));
	const rows = query.count ? await q.listGroups(ctx.db, where, query.count, query.startIndex - 1) : [];
	const total = rows.length ? rows[0].total : await q.countGroups(ctx.db, where);
	const members = wants(query, 'members')
		? await q.membersOf(
				ctx.db,
				rows.map((r) => r.id)
			)
		: null;
	return listResponse(
		rows.map((r) => project(groupResource(r, members && members.filter((m) => m.departmentId === r.id), ctx.base), query, [])),
		total,
		query.startIndex
	);
}

async function loadGroup(db: Db, id: number, lock = false) {
	const row = lock ? await q.lockGroup(db, id) : await q.findGroup(db, id);
	if (!row) throw resourceNotFound('Group', String(id));
	return row;
}

async function groupWithMembers(db: Db, ctx: ScimContext, id: number, projection?: Projection) {
	const row = await loadGroup(db, id);
	const members = !projection || wants(projection, 'members') ? await q.membersOf(db, [id]) : null;
	return groupResource(row, members, ctx.base);
}

export async function getGroup(ctx: ScimContext, idText: string, projection: Projection) {
	return project(await groupWithMembers(ctx.db, ctx, resourceId('Group', idText), projection), projection, []);
}

/** A name or externalId another department already holds is `uniqueness`. */
async function checkGroupClash(trx: Db, id: number | null, name: string | null, externalId: string | null) {
	const clashes = await q.findGroupClash(trx, id, name, externalId);
	const byName = name !== null && clashes.find((c) => !c.retiredAt && c.name.toLowerCase() === name.toLowerCase());
	if (byName) throw uniqueness(`A department called "${byName.name}" already exists (Group ${byName.id})`);
	const byExternal = externalId !== null && clashes.find((c) => c.externalId === externalId);
	if (byExternal)
		throw uniqueness(`externalId "${externalId}" is already held by Group ${byExternal.id}${byExternal.retiredAt ? ' (retired)' : ''}`);
}

/** Members added to a Group move into its department (each one through the people service). */
async function moveMembers(trx: Db, ctx: ScimContext, departmentId: number, ids: number[] | undefined) {
	if (!ids?.length) return;
	const people = await q.peopleByIds(trx, ids);
	const unknown = ids.filter((id) => !people.some((p) => p.id === id));
	if (unknown.length)
		throw invalidValue(`Unknown member${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (not Users of this service)`);
	for (const p of people) {
		if (p.departmentId !== departmentId) await updatePerson(trx, p.id, { departmentId }, change(ctx));
	}
}

async function auditGroup(trx: Db, ctx: ScimContext, action: string, id: number, data: Record<string, unknown>) {
	await recordAudit(trx, {
		actorId: null,
		action,
		objectType: 'department',
		objectId: id,
		data: { via: 'scim', tokenId: ctx.tokenId, ...data }
	});
}

/** POST /Groups: a new department, under the top department when there is exactly one, with a code made from its name. */
export async function createGroup(ctx: ScimContext, body: unknown): Promise<Resource> {
	const input = readGroup(asResource(body));
	const name = input.displayName;
	if (!name) throw invalidValue('displayName is required');
	return inTransaction(ctx, async (trx) => {
		const externalId = input.externalId ?? null;
		await checkGroupClash(trx, null, name, externalId);
		const code = departmentCode(name, await q.codesLike(trx, departmentCode(name, [])));
		const tops = await q.topDepartments(trx);
		const parentId = tops.length === 1 ? tops[0].id : null;
		const { id } = await q.insertGroup(trx, { code, name, externalId, parentId });
		await auditGroup(trx, ctx, 'department.created', id, { code, name, externalId, parentId });
		await moveMembers(trx, ctx, id, input.members);
		return groupWithMembers(trx, ctx, id);
	});
}

async function changeGroup(
	trx: Db,
	ctx: ScimContext,
	row: { id: number; name: string; externalId: string | null },
	to: { name: string; externalId: string | null }
) {
	const changed = (['name', 'externalId'] as const).filter((f) => row[f] !== to[f]);
	if (!changed.length) return;
	await checkGroupClash(trx, row.id, changed.includes('name') ? to.name : null, changed.includes('externalId') ? to.externalId : null);
	await q.updateGroupRow(trx, row.id, Object.fromEntries(changed.map((f) => [f, to[f]])));
	await auditGroup(trx, ctx, 'department.updated', row.id, {
		changed,
		before: Object.fromEntries(changed.map((f) => [f, row[f]])),
		after: Object.fromEntries(changed.map((f) => [f, to[f]]))
	});
}

/** PUT /Groups/{id}: name and externalId replaced (externalId kept when left out); the members listed move in, nobody moves out. */
export async function replaceGroup(ctx: ScimContext, idText: string, body: unknown): Promise<Resource> {
	const id = resourceId('Group', idText);
	const input = readGroup(asResource(body));
	const name = input.displayName;
	if (!name) throw invalidValue('displayName is required');
	return inTransaction(ctx, async (trx) => {
		const row = await loadGroup(trx, id, true);
		await changeGroup(trx, ctx, row, { name, externalId: input.externalId === undefined ? row.externalId : input.externalId });
		await moveMembers(trx, ctx, id, input.members);
		return groupWithMembers(trx, ctx, id);
	});
}

/**
 * PATCH /Groups/{id}: answered with 204 (the RFC allows it; a department's members can be
 * thousands). The operations apply to the Group without its members, so every member an
 * operation names is one to move in, and removals find nothing to remove.
 */
export async function patchGroup(ctx: ScimContext, idText: string, body: unknown): Promise<void> {
	const id = resourceId('Group', idText);
	const operations = readPatchRequest(body);
	await inTransaction(ctx, async (trx) => {
		const row = await loadGroup(trx, id, true);
		const after = readGroup(applyPatch(groupResource(row, null, ctx.base), operations, GROUP_PATCH));
		if (!after.displayName) throw invalidValue('displayName cannot be removed');
		await changeGroup(trx, ctx, row, { name: after.displayName, externalId: after.externalId ?? null });
		await moveMembers(trx, ctx, id, after.members);
	});
}

/** DELETE /Groups/{id}: the department retires (kept for history); refused while active people or departments are in it. */
export async function deleteGroup(ctx: ScimContext, idText: string): Promise<void> {
	const id = resourceId('Group', idText);
	await inTransaction(ctx, async (trx) => {
		const row = await loadGroup(trx, id, true);
		const { people, children } = await q.dependantsOf(trx, id);
		if (people || children) {
			const what = [
				people ? `${people} active ${people === 1 ? 'person' : 'people'}` : '',
				children ? `${children} active sub-department${children === 1 ? '' : 's'}` : ''
			]
				.filter(Boolean)
				.join(' and ');
			throw mutability(`The department "${row.name}" still has ${what}: move them to another Group first`, 409);
		}
		await q.retireGroupRow(trx, id);
		await auditGroup(trx, ctx, 'department.retired', id, { name: row.name });
	});
}

function asResource(body: unknown): Resource {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw new ScimError(400, 'invalidSyntax', 'The body must be a JSON object');
	return body as Resource;
}

// ---------- what the service says about itself ----------

export const getServiceProviderConfig = (ctx: ScimContext) => serviceProviderConfig(ctx.base);

export function listSchemas(ctx: ScimContext) {
	const all = schemaResources(ctx.base);
	return listResponse(all, all.length, 1);
}

export function getSchema(ctx: ScimContext, id: string) {
	const found = schemaResources(ctx.base).find((s) => s.id.toLowerCase() === id.toLowerCase());
	if (!found) throw resourceNotFound('Schema', id);
	return found;
}

export function listResourceTypes(ctx: ScimContext) {
	const all = resourceTypes(ctx.base);
	return listResponse(all, all.length, 1);
}

export function getResourceType(ctx: ScimContext, id: string) {
	const found = resourceTypes(ctx.base).find((t) => t.id.toLowerCase() === id.toLowerCase());
	if (!found) throw resourceNotFound('ResourceType', id);
	return found;
}
