/**
 * Departments, administered: a tree an admin adds to, edits, moves (a new parent, never
 * under itself or its own descendants), gives a management team and a headcount grid, and
 * retires instead of deleting (history keeps pointing at it). Every change is audited as
 * object type 'department'.
 */
import type { Database, Db } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './departments.queries.js';
import { DEPARTMENT_FIELDS, type DepartmentRecord, type HeadcountCell } from './departments.queries.js';
import { orderAsTree, subtreeOf } from './department-tree.js';

export type { HeadcountCell } from './departments.queries.js';

/** A department cannot retire while people or active departments still hang under it. */
export class DepartmentInUse extends DomainError {
	constructor(
		readonly people: number,
		readonly children: number
	) {
		super('department_in_use', `The department still has ${people} active people and ${children} active departments.`, 409);
	}
}

function authorise(actor: Actor) {
	if (!can(actor, 'org.manage')) throw notFound();
}

/** The admin's tree: active departments nested and indented, retired ones apart. One statement. */
export async function listDepartmentTree(db: Database, actor: Actor) {
	authorise(actor);
	const rows = await q.listDepartmentRows(db);
	const active = rows.filter((r) => !r.retiredAt);
	return {
		active: orderAsTree(active),
		retired: rows.filter((r) => r.retiredAt).map((r) => ({ ...r, parentName: rows.find((p) => p.id === r.parentId)?.name ?? null }))
	};
}

/** Departments a person may be placed in (not retired), in tree order, for the person form. One statement. */
export async function listActiveDepartments(db: Database, actor: Actor) {
	authorise(actor);
	const rows = await q.listDepartmentRows(db);
	return orderAsTree(rows.filter((r) => !r.retiredAt)).map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		nameNl: r.nameNl,
		depth: r.depth
	}));
}

/**
 * One department's page: the department with its management team and headcount grid, the
 * parents it may move under (active, not itself nor below it) and, when the admin searched,
 * the people they may add to its management team. Three statements at most.
 */
export async function loadDepartment(db: Database, actor: Actor, id: number, mtQuery?: string) {
	authorise(actor);
	const [department, rows, matches] = await Promise.all([
		q.findDepartment(db, id),
		q.listDepartmentRows(db),
		mtQuery ? q.searchActivePeople(db, mtQuery, 10) : Promise.resolve([])
	]);
	if (!department) throw notFound();
	const below = subtreeOf(rows, id);
	const parents = orderAsTree(rows.filter((r) => !r.retiredAt || r.id === department.parentId))
		.filter((r) => !below.has(r.id))
		.map((r) => ({ id: r.id, code: r.code, name: r.name, nameNl: r.nameNl, depth: r.depth, retired: !!r.retiredAt }));
	const self = rows.find((r) => r.id === id)!;
	const activeChildren = rows.filter((r) => r.parentId === id && !r.retiredAt).length;
	const inTeam = new Set(department.mt.map((m) => m.id));
	return {
		department: { ...department, people: self.people ?? 0, activeChildren },
		parents,
		matches: matches.map((p) => ({ ...p, inTeam: inTeam.has(p.id) }))
	};
}

/** The parents a new department may hang under: every active department, in tree order. */
export async function listParentOptions(db: Database, actor: Actor) {
	return listActiveDepartments(db, actor);
}

async function checkRecord(trx: Db, id: number | null, d: DepartmentRecord) {
	const check = await q.checkDepartmentChange(trx, id, d.code, d.parentId);
	const errors: Record<string, string[]> = {};
	if (check.codeTaken) errors.code = ['department_code_taken'];
	if (d.parentId !== null) {
		if (d.parentId === id || check.loop) errors.parentId = ['department_loop'];
		else if (!check.parentFound) errors.parentId = ['unknown_parent'];
		else if (check.parentRetired) errors.parentId = ['parent_retired'];
	}
	if (Object.keys(errors).length) throw new FieldErrors(errors);
}

/** Add a department under an active parent (or at the top). Audited `department.created`. */
export async function createDepartment(db: Database, actor: Actor, input: DepartmentRecord): Promise<{ id: number }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		await checkRecord(trx, null, input);
		const { id } = await q.insertDepartment(trx, input);
		await recordAudit(trx, { actorId: actor.id, action: 'department.created', objectType: 'department', objectId: id, data: { ...input } });
		return { id };
	});
}

/**
 * Change a department: code, names, eligibility, and its parent (a move). A move under
 * itself or one of its descendants would make a loop and is refused beside the field, as is
 * a retired or unknown parent. Audited `department.updated` with before and after.
 */
export async function updateDepartment(db: Database, actor: Actor, id: number, input: DepartmentRecord): Promise<{ changed: string[] }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const current = await q.lockDepartment(trx, id);
		if (!current) throw notFound();
		const changed = DEPARTMENT_FIELDS.filter((f) => (current[f] ?? null) !== (input[f] ?? null));
		if (!changed.length) return { changed: [] };
		await checkRecord(trx, id, input);
		await q.updateDepartmentRow(trx, id, Object.fromEntries(changed.map((f) => [f, input[f]])));
		await recordAudit(trx, {
			actorId: actor.id,
			action: changed.includes('parentId') ? 'department.moved' : 'department.updated',
			objectType: 'department',
			objectId: id,
			data: {
				changed,
				before: Object.fromEntries(changed.map((f) => [f, current[f]])),
				after: Object.fromEntries(changed.map((f) => [f, input[f]]))
			}
		});
		return { changed };
	});
}

/** The headcount grid, replaced as a whole; the department's headcount becomes its sum. Audited. */
export async function setHeadcount(db: Database, actor: Actor, id: number, cells: HeadcountCell[]): Promise<{ total: number }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const current = await q.lockDepartment(trx, id);
		if (!current) throw notFound();
		const total = await q.replaceHeadcount(trx, id, cells);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'department.headcount_set',
			objectType: 'department',
			objectId: id,
			data: {
				headcount: total,
				cells: cells.filter((c) => c.headcount > 0).map((c) => `${c.jobLevel}/${c.educationLevel}: ${c.headcount}`)
			}
		});
		return { total };
	});
}

/** Add an active person to the department's management team. Audited. */
export async function addMtMember(db: Database, actor: Actor, id: number, userId: number) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const current = await q.lockDepartment(trx, id);
		if (!current) throw notFound();
		const added = await q.insertMtMember(trx, id, userId);
		if (!added) return;
		await recordAudit(trx, { actorId: actor.id, action: 'department.mt_added', objectType: 'department', objectId: id, data: { userId } });
	});
}

/** Take a person off the department's management team. Audited. */
export async function removeMtMember(db: Database, actor: Actor, id: number, userId: number) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const removed = await q.deleteMtMember(trx, id, userId);
		if (!removed) return;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'department.mt_removed',
			objectType: 'department',
			objectId: id,
			data: { userId }
		});
	});
}

/**
 * Retire a department: kept with its history, no longer offered for new people or as a
 * parent. Refused (DepartmentInUse, with the counts) while active people or active child
 * departments remain under it: move or retire those first. Audited.
 */
export async function retireDepartment(db: Database, actor: Actor, id: number) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const current = await q.lockDepartment(trx, id);
		if (!current) throw notFound();
		if (current.retiredAt) return;
		const { people, children } = await q.countDependants(trx, id);
		if ((people ?? 0) > 0 || (children ?? 0) > 0) throw new DepartmentInUse(people ?? 0, children ?? 0);
		await q.setDepartmentRetired(trx, id, true);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'department.retired',
			objectType: 'department',
			objectId: id,
			data: { code: current.code }
		});
	});
}

/** Bring a retired department back; refused while its parent is retired (restore that first). Audited. */
export async function restoreDepartment(db: Database, actor: Actor, id: number) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const state = await q.findParentState(trx, id);
		if (!state) throw notFound();
		if (state.parentRetiredAt) throw new FieldErrors({ _form: ['parent_retired'] });
		const restored = await q.setDepartmentRetired(trx, id, false);
		if (!restored) return;
		await recordAudit(trx, { actorId: actor.id, action: 'department.restored', objectType: 'department', objectId: id, data: {} });
	});
}
