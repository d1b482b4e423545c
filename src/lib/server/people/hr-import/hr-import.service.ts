/**
 * Importing people and departments from an HR export. Three steps, each its own call:
 *
 * 1. `uploadHrFile`: the file is read (parse.ts) and kept as a table in `hr_import`, with
 *    the mapping to offer (the saved one where its headers fit, a guess for the rest).
 * 2. `dryRunImport`: the mapping is checked and saved (`app_setting` 'hr_import.mapping'),
 *    the organisation is read in two statements, every row is planned (rules.ts) and the
 *    plan is stored with the import: counts per outcome and the rows, paged by outcome.
 * 3. `applyImport`: in one transaction, the rows are planned again against the organisation
 *    as it is now (so an apply never writes a stale plan), then departments and people are
 *    written in bulk statements, managers in a second pass, leavers handed over through
 *    `deactivatePeople`, and audit lines written in bulk: one `org.imported` line for the
 *    import and one per person or department changed. Error rows are skipped.
 *
 * `actor` null is the command line (scripts/org-import.ts): trusted, audited as the portal.
 */
import { createHash } from 'node:crypto';
import type { Database, Db } from '../../db/index.js';
import { can, type Actor } from '../../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../../errors.js';
import { deactivatePeople, reactivatePeople, type ChangeContext, type Handover } from '../people.service.js';
import { recomputeConflicts } from '../../scoring/jury-sheet.service.js';
import { recordAudits, type AuditEntry } from '../../audit/audit.queries.js';
import * as q from './hr-import.queries.js';
import { checkMapping, HR_FIELDS, isHrField, mappedFields, mapRows, proposeMapping, type HrMapping } from './mapping.js';
import { readHrFile, type HrTable } from './parse.js';
import {
	planImport,
	ROW_OUTCOMES,
	type DepartmentCounts,
	type DepartmentPlan,
	type ImportPlan,
	type PlanCounts,
	type RowOutcome,
	type RowPlan
} from './rules.js';

/** A row as kept with its import: the file's cells, and its plan once a dry run ran. */
export type StoredRow = { line: number; cells: string[]; plan: RowPlan | null };

export type AppliedResult = {
	counts: PlanCounts;
	departmentCounts: DepartmentCounts;
	handover: Omit<Handover, 'disabled'> & { disabled: number };
	enabled: number;
};

/** What an import's page shows besides its rows. */
export type ImportSummary = {
	format: HrTable['format'];
	headers: string[];
	rowCount: number;
	planned: boolean;
	counts?: PlanCounts;
	departmentCounts?: DepartmentCounts;
	departments?: DepartmentPlan[];
	applied?: AppliedResult;
};

export const IMPORT_ROWS_PAGE = 50;
/** The most recent imports keep their rows (the table of the page); older ones their summary. */
export const KEEP_ROWS_OF = 20;

const expired = () => new DomainError('import_expired', 'This import is too old: upload the file again.', 409);

function authorise(actor: Actor | null) {
	if (actor && !can(actor, 'org.import')) throw notFound();
}

/** A mapping as stored or posted, kept to known fields with a header name. */
export function cleanMapping(value: unknown): HrMapping | null {
	if (!value || typeof value !== 'object') return null;
	const mapping: HrMapping = {};
	for (const [field, header] of Object.entries(value as Record<string, unknown>)) {
		if (isHrField(field) && typeof header === 'string' && header !== '') mapping[field] = header;
	}
	return mapping;
}

/** Step 1: read the file and keep it with the mapping to offer. Throws HrFileRefused for a file that cannot be read. */
export async function uploadHrFile(db: Database, actor: Actor | null, file: { fileName: string; bytes: Uint8Array }) {
	authorise(actor);
	const table = await readHrFile(file.bytes, file.fileName);
	const saved = cleanMapping(await q.readSavedMapping(db));
	const mapping = proposeMapping(table.headers, saved);
	const summary: ImportSummary = { format: table.format, headers: table.headers, rowCount: table.rows.length, planned: false };
	const rows: StoredRow[] = table.rows.map((cells, i) => ({ line: table.lines[i] ?? i + 2, cells, plan: null }));
	const fileName =
		[...file.fileName]
			.map((c) => (c < ' ' || c === '/' || c === '\\' ? '_' : c))
			.join('')
			.slice(-200) || 'hr-file';
	const { id } = await q.insertImport(db, {
		fileName,
		sha256: createHash('sha256').update(file.bytes).digest('hex'),
		mapping,
		rows,
		summary,
		createdBy: actor?.id ?? null
	});
	await q.forgetOldRows(db, KEEP_ROWS_OF);
	return { id, mapping, headers: table.headers, rowCount: table.rows.length };
}

function planStored(rows: StoredRow[], headers: string[], mapping: HrMapping, org: Parameters<typeof planImport>[1]): ImportPlan {
	const mapped = mapRows(
		headers,
		rows.map((r) => r.cells),
		mapping,
		rows.map((r) => r.line)
	);
	return planImport(mapped, org, mappedFields(mapping));
}

function withPlan(rows: StoredRow[], plan: ImportPlan): StoredRow[] {
	const byLine = new Map(plan.rows.map((r) => [r.line, r]));
	return rows.map((r) => ({ ...r, plan: byLine.get(r.line) ?? null }));
}

async function loadOrganisation(db: Db) {
	const [people, departments] = await Promise.all([q.loadPeople(db), q.loadDepartments(db)]);
	return { people, departments };
}

/**
 * Step 2: check the mapping beside its fields, save it for next time, plan every row.
 * Five statements: the import (locked), people, departments, the stored plan, the setting.
 */
export async function dryRunImport(db: Database, actor: Actor | null, importId: number, mapping: HrMapping) {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const imp = await q.lockImport(trx, importId);
		if (!imp) throw notFound();
		if (imp.appliedAt) throw new DomainError('import_already_applied', 'This import was applied already.', 409);
		const summary = imp.summary as ImportSummary;
		if (summary.rowCount > 0 && !(imp.rows as StoredRow[]).length) throw expired();
		const errors = checkMapping(mapping, summary.headers);
		if (Object.keys(errors).length) throw new FieldErrors(errors);
		const rows = imp.rows as StoredRow[];
		const plan = planStored(rows, summary.headers, mapping, await loadOrganisation(trx));
		const next: ImportSummary = {
			...summary,
			planned: true,
			counts: plan.counts,
			departmentCounts: plan.departmentCounts,
			departments: plan.departments
		};
		await q.updateImport(trx, importId, { mapping, rows: withPlan(rows, plan), summary: next });
		await q.saveMapping(trx, mapping);
		return next;
	});
}

/** An import's header, its summary and mapping (not its rows). */
export async function getImport(db: Db, actor: Actor | null, importId: number) {
	authorise(actor);
	const imp = await q.findImport(db, importId);
	if (!imp) throw notFound();
	return { ...imp, summary: imp.summary as ImportSummary, mapping: cleanMapping(imp.mapping) ?? {} };
}

/** A page of an import's planned rows, of one outcome or all. */
export async function listImportRows(db: Db, actor: Actor | null, importId: number, outcome: RowOutcome | null, page: number) {
	authorise(actor);
	const rows = (await q.pageOfRows(db, importId, outcome, IMPORT_ROWS_PAGE, (page - 1) * IMPORT_ROWS_PAGE)) as Array<RowPlan | null>;
	return rows.filter((r): r is RowPlan => r !== null);
}

export async function listImports(db: Db, actor: Actor | null) {
	authorise(actor);
	const rows = await q.listImports(db, 20);
	return rows.map((r) => ({ ...r, summary: r.summary as ImportSummary }));
}

const PERSON_AUDIT_FIELD: Record<string, string> = {
	name: 'name',
	email: 'email',
	employeeNumber: 'employeeNumber',
	department: 'departmentId',
	manager: 'managerId',
	jobLevel: 'jobLevel',
	educationLevel: 'educationLevel',
	jobTitle: 'jobTitle',
	locale: 'locale'
};

/** Step 3: apply the import in one transaction, planned again against the organisation as it is now. */
export async function applyImport(db: Database, actor: Actor | null, importId: number): Promise<AppliedResult> {
	authorise(actor);
	const ctx: ChangeContext = { actorId: actor?.id ?? null, via: 'import' };
	try {
		return await db.transaction().execute(async (trx) => {
			const imp = await q.lockImport(trx, importId);
			if (!imp) throw notFound();
			if (imp.appliedAt) throw new DomainError('import_already_applied', 'This import was applied already.', 409);
			const summary = imp.summary as ImportSummary;
			if (!summary.planned) throw new DomainError('import_not_planned', 'Run the dry run first.', 409);
			if (summary.rowCount > 0 && !(imp.rows as StoredRow[]).length) throw expired();
			const mapping = cleanMapping(imp.mapping) ?? {};
			const org = await loadOrganisation(trx);
			const rows = imp.rows as StoredRow[];
			const plan = planStored(rows, summary.headers, mapping, org);
			const result = await writePlan(trx, plan, org, ctx, importId);
			await recordAudits(trx, [
				{
					actorId: ctx.actorId,
					action: 'org.imported',
					objectType: 'hr_import',
					objectId: String(importId),
					data: {
						fileName: imp.fileName,
						...result.counts,
						departments: result.departmentCounts,
						handover: result.handover,
						enabled: result.enabled
					}
				}
			]);
			await q.updateImport(trx, importId, {
				rows: withPlan(rows, plan),
				summary: {
					...summary,
					counts: plan.counts,
					departmentCounts: plan.departmentCounts,
					departments: plan.departments,
					applied: result
				},
				applied: true,
				appliedBy: actor?.id ?? null
			});
			return result;
		});
	} catch (e) {
		// Someone changed a person or department at the same moment (a unique key taken meanwhile).
		if ((e as { code?: string }).code === '23505') throw new DomainError('import_conflict', 'The organisation changed meanwhile.', 409);
		throw e;
	}
}

async function writePlan(
	trx: Db,
	plan: ImportPlan,
	org: Awaited<ReturnType<typeof loadOrganisation>>,
	ctx: ChangeContext,
	importId: number
) {
	const audit: AuditEntry[] = [];
	const line = (action: string, objectType: string, objectId: number, data: object) =>
		audit.push({ actorId: ctx.actorId, action, objectType, objectId, data: { via: 'import', importId, ...data } });

	// ---------- departments: new ones, names, then parents (a parent may be new too)
	const deptId = new Map(org.departments.map((d) => [d.code, d.id]));
	const creates = plan.departments.filter((d) => d.outcome === 'create');
	for (const d of await q.insertDepartments(
		trx,
		creates.map((d) => ({ code: d.code, name: d.target.name, nameNl: d.target.nameNl }))
	))
		deptId.set(d.code, d.id);
	const updates = plan.departments.filter((d) => d.outcome === 'update');
	await q.updateDepartmentNames(
		trx,
		updates
			.filter((d) => d.changes.some((c) => c.field !== 'parent'))
			.map((d) => ({ id: d.departmentId!, name: d.target.name, nameNl: d.target.nameNl }))
	);
	await q.updateDepartmentParents(trx, [
		...creates.filter((d) => d.target.parentCode).map((d) => ({ id: deptId.get(d.code)!, parentId: deptId.get(d.target.parentCode!)! })),
		...updates
			.filter((d) => d.changes.some((c) => c.field === 'parent'))
			.map((d) => ({ id: d.departmentId!, parentId: d.target.parentCode ? deptId.get(d.target.parentCode)! : null }))
	]);
	for (const d of creates)
		line('department.created', 'department', deptId.get(d.code)!, { code: d.code, name: d.target.name, parent: d.target.parentCode });
	for (const d of updates) line('department.updated', 'department', d.departmentId!, { code: d.code, changes: d.changes });

	// ---------- people: new ones and changed fields, then managers (a manager may be new too)
	const personRow = (r: RowPlan) => {
		const t = r.target!;
		return {
			name: t.name,
			email: t.email,
			employeeNumber: t.employeeNumber,
			departmentId: deptId.get(t.departmentCode)!,
			jobLevel: t.jobLevel,
			educationLevel: t.educationLevel,
			jobTitle: t.jobTitle,
			locale: t.locale
		};
	};
	const created = plan.rows.filter((r) => r.outcome === 'create');
	const inserted = await q.insertPeople(trx, created.map(personRow));
	const idByEmail = new Map(inserted.map((p) => [p.email, p.id]));
	const idOfLine = new Map(created.map((r) => [r.line, idByEmail.get(r.target!.email)!]));
	const updated = plan.rows.filter((r) => r.outcome === 'update');
	const fieldChanges = (r: RowPlan) => r.changes.filter((c) => c.field !== 'manager' && c.field !== 'active');
	await q.updatePeople(
		trx,
		updated.filter((r) => fieldChanges(r).length).map((r) => ({ id: r.personId!, ...personRow(r) }))
	);
	const managerIdOf = (r: RowPlan): number | null => {
		const m = r.target!.manager!;
		return m === null ? null : 'personId' in m ? m.personId : idOfLine.get(m.line)!;
	};
	const before = new Map(org.people.map((p) => [p.id, p]));
	const managed = [...created.filter((r) => r.target!.manager), ...updated.filter((r) => r.changes.some((c) => c.field === 'manager'))].map(
		(r) => ({ id: r.personId ?? idOfLine.get(r.line)!, managerId: managerIdOf(r) })
	);
	await q.updateManagers(trx, managed);
	// New managers change who is above whom: the recorded conflicts of rounds not yet closed follow
	// (scoring finds them live), as when one person's manager changes (people.service updatePerson).
	if (managed.some((m) => before.get(m.id)?.managerId !== m.managerId)) await recomputeConflicts(trx, 'active');

	for (const r of created) {
		const id = idOfLine.get(r.line)!;
		line('user.created', 'user', id, {
			email: r.target!.email,
			departmentId: deptId.get(r.target!.departmentCode),
			managerId: r.target!.manager ? managerIdOf(r) : null
		});
	}
	for (const r of updated) {
		const changed = r.changes.map((c) => PERSON_AUDIT_FIELD[c.field]).filter(Boolean);
		if (!changed.length) continue;
		const p = before.get(r.personId!)!;
		const after = { ...personRow(r), managerId: r.target!.manager !== undefined ? managerIdOf(r) : p.managerId };
		line('user.updated', 'user', r.personId!, {
			changed,
			before: Object.fromEntries(changed.map((f) => [f, p[f as keyof typeof p]])),
			after: Object.fromEntries(changed.map((f) => [f, after[f as keyof typeof after]]))
		});
	}
	await recordAudits(trx, audit);

	// ---------- back and gone: through the people service (sessions, mentorships, juries, audit)
	const enabled = await reactivatePeople(
		trx,
		updated.filter((r) => r.target!.enable).map((r) => r.personId!),
		ctx
	);
	const handover = await deactivatePeople(
		trx,
		plan.rows.filter((r) => r.outcome === 'disable').map((r) => r.personId!),
		ctx
	);
	return {
		counts: plan.counts,
		departmentCounts: plan.departmentCounts,
		handover: { ...handover, disabled: handover.disabled.length },
		enabled: enabled.length
	};
}

/** The outcome filter of the rows table, as the page's query string gives it. */
export function outcomeOf(value: string | null | undefined): RowOutcome | null {
	return (ROW_OUTCOMES as readonly string[]).includes(value ?? '') ? (value as RowOutcome) : null;
}

export { HR_FIELDS };
