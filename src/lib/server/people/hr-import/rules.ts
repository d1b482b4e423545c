/**
 * The HR import's row rules, pure: each row of the file normalised and checked, then judged
 * against the organisation as it is (people and departments read beforehand) and as it would
 * be after the import. A row is `create`, `update` (with the fields that change),
 * `unchanged`, `disable` (a leaver), or `error` with its reasons; departments named in the
 * file are created or updated too. Error rows are skipped when the import is applied, the rest
 * applies; running the same file again finds every row unchanged.
 *
 * Matching: by employee number first, then by e-mail. Managers are resolved after all rows
 * are read (a manager may be on a later row), against the file first and then the database.
 * An empty cell keeps what the portal has, except the manager: an empty manager cell (with
 * the column mapped) means "no manager", as HR exports show the top of the company.
 */
import { cycleMembers, type EducationLevel, type JobLevel, type Locale } from '../../../domain/org-chart.js';
import type { HrField, HrRow } from './mapping.js';

// ---------------------------------------------------------------- values in words

/** Words accepted per job level, English and Dutch, compared in lower case. */
const JOB_LEVEL_WORDS: Record<JobLevel, string[]> = {
	operator: ['operator', 'operators', 'productiemedewerker'],
	technician: ['technician', 'technicus', 'monteur', 'technieker'],
	engineer: ['engineer', 'ingenieur'],
	specialist: ['specialist', 'expert', 'senior specialist'],
	manager: ['manager', 'leidinggevende', 'teamleider', 'team lead', 'teamlead'],
	director: ['director', 'directeur', 'directie', 'vp', 'vice president']
};
const EDUCATION_WORDS: Record<EducationLevel, string[]> = {
	vmbo: ['vmbo', 'pre-vocational', 'prevocational', 'lower secondary', 'voortgezet onderwijs'],
	mbo: ['mbo', 'vocational', 'secondary vocational', 'middelbaar beroepsonderwijs'],
	hbo: [
		'hbo',
		'bachelor',
		'applied sciences',
		'university of applied sciences',
		'higher professional',
		'hoger beroepsonderwijs',
		'hogeschool'
	],
	wo: ['wo', 'university', 'master', 'universiteit', 'academic', 'wetenschappelijk onderwijs', 'phd']
};
const LANGUAGE_WORDS: Record<Locale, string[]> = {
	en: ['en', 'eng', 'english', 'engels', 'en-gb', 'en-us', 'en_gb', 'en_us'],
	nl: ['nl', 'ned', 'dutch', 'nederlands', 'nl-nl', 'nl_nl', 'nl-be', 'nl_be', 'vlaams', 'flemish']
};
const ACTIVE_WORDS = ['active', 'actief', 'yes', 'ja', 'y', 'j', '1', 'true', 'employed', 'in dienst', 'current', 'huidig'];
const INACTIVE_WORDS = [
	'inactive',
	'inactief',
	'no',
	'nee',
	'n',
	'0',
	'false',
	'leaver',
	'left',
	'terminated',
	'disabled',
	'uit dienst',
	'vertrokken',
	'former',
	'ex-employee',
	'niet actief'
];

function fromWords<T extends string>(table: Record<T, string[]>, value: string): T | undefined {
	const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
	for (const key of Object.keys(table) as T[]) if (key === v || table[key].includes(v)) return key;
	return undefined;
}

export const readJobLevel = (value: string) => fromWords(JOB_LEVEL_WORDS, value);
export const readEducationLevel = (value: string) => fromWords(EDUCATION_WORDS, value);
export const readLanguage = (value: string) => fromWords(LANGUAGE_WORDS, value);
/** true: employed; false: a leaver; undefined: a word nobody agreed on. An empty cell is employed. */
export function readActive(value: string): boolean | undefined {
	const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
	if (v === '' || ACTIVE_WORDS.includes(v)) return true;
	if (INACTIVE_WORDS.includes(v)) return false;
	return undefined;
}

// ---------------------------------------------------------------- the organisation as it is

export type ExistingPerson = {
	id: number;
	email: string;
	employeeNumber: string | null;
	name: string;
	departmentId: number;
	managerId: number | null;
	jobLevel: string;
	educationLevel: string | null;
	jobTitle: string | null;
	locale: string;
	disabled: boolean;
};

export type ExistingDepartment = {
	id: number;
	code: string;
	name: string;
	nameNl: string | null;
	parentId: number | null;
	retired: boolean;
};

export type Organisation = { people: readonly ExistingPerson[]; departments: readonly ExistingDepartment[] };

// ---------------------------------------------------------------- the plan

export type RowOutcome = 'create' | 'update' | 'unchanged' | 'disable' | 'error';
export const ROW_OUTCOMES: readonly RowOutcome[] = ['create', 'update', 'unchanged', 'disable', 'error'];
export type DepartmentOutcome = 'create' | 'update' | 'unchanged' | 'error';

export type RowErrorCode =
	| 'missing_value'
	| 'invalid_value'
	| 'unknown_department'
	| 'department_retired'
	| 'department_refused'
	| 'duplicate_email'
	| 'duplicate_employee_number'
	| 'duplicate_person'
	| 'unknown_manager'
	| 'manager_refused'
	| 'manager_cycle'
	| 'unknown_parent'
	| 'department_cycle';

/** Why a row (or a department) is refused: the rule, the field, the value, another line it clashes with. */
export type RowError = { code: RowErrorCode; field?: HrField; value?: string; line?: number };

export type ChangeField =
	| 'name'
	| 'email'
	| 'employeeNumber'
	| 'department'
	| 'manager'
	| 'jobLevel'
	| 'educationLevel'
	| 'jobTitle'
	| 'locale'
	| 'active'
	| 'nameNl'
	| 'parent';
export type FieldChange = { field: ChangeField; from: string | null; to: string | null };

/** Whom a person reports to after the import: someone in the portal, or the person a line of the file creates. */
export type ManagerRef = { personId: number } | { line: number } | null;

/** A person as the import writes them (create or update); `manager` absent: keep the current one. */
export type PersonTarget = {
	name: string;
	email: string;
	employeeNumber: string | null;
	departmentCode: string;
	jobLevel: JobLevel;
	educationLevel: EducationLevel | null;
	jobTitle: string | null;
	locale: Locale;
	manager?: ManagerRef;
	enable: boolean;
};

export type RowPlan = {
	line: number;
	outcome: RowOutcome;
	personId: number | null;
	name: string;
	email: string;
	employeeNumber: string | null;
	departmentCode: string | null;
	changes: FieldChange[];
	errors: RowError[];
	target?: PersonTarget;
};

export type DepartmentPlan = {
	code: string;
	outcome: DepartmentOutcome;
	departmentId: number | null;
	/** the first line that describes it */
	line: number;
	target: { name: string; nameNl: string | null; parentCode: string | null };
	changes: FieldChange[];
	errors: RowError[];
};

export type PlanCounts = Record<RowOutcome, number>;
export type DepartmentCounts = Record<DepartmentOutcome, number>;

export type ImportPlan = {
	rows: RowPlan[];
	departments: DepartmentPlan[];
	counts: PlanCounts;
	departmentCounts: DepartmentCounts;
};

// ---------------------------------------------------------------- reading one row

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEPARTMENT_CODE = /^[A-Z0-9-]{2,12}$/;

type Norm = {
	line: number;
	email: string;
	employeeNumber: string | null;
	name: string;
	departmentCode: string | null;
	departmentName: string | null;
	departmentNameNl: string | null;
	parentCode: string | null;
	managerKey: { employeeNumber: string } | { email: string } | null;
	jobLevel: JobLevel | null;
	educationLevel: EducationLevel | null;
	locale: Locale | null;
	jobTitle: string | null;
	active: boolean;
	errors: RowError[];
};

const blank = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

/** One row's cells as values the portal stores, with what is wrong with them. */
export function normaliseRow(row: HrRow, fields: ReadonlySet<HrField>): Norm {
	const c = row.cells;
	const errors: RowError[] = [];
	const invalid = (field: HrField, value: string) => errors.push({ code: 'invalid_value', field, value: value.slice(0, 80) });

	const email = blank(c.email).toLowerCase();
	if (!email) errors.push({ code: 'missing_value', field: 'email' });
	else if (!EMAIL.test(email) || email.length > 254) invalid('email', email);

	const employeeNumber = blank(c.employeeNumber) || null;
	if (employeeNumber && employeeNumber.length > 40) invalid('employeeNumber', employeeNumber);

	const name = blank(c.name) || [blank(c.firstName), blank(c.lastName)].filter(Boolean).join(' ');
	if (!name) errors.push({ code: 'missing_value', field: fields.has('name') ? 'name' : 'lastName' });
	else if (name.length > 120) invalid(fields.has('name') ? 'name' : 'lastName', name);

	const active = readActive(c.status ?? '');
	if (active === undefined) invalid('status', blank(c.status));

	const departmentCode = blank(c.departmentCode).toUpperCase() || null;
	if (!departmentCode) errors.push({ code: 'missing_value', field: 'departmentCode' });
	else if (!DEPARTMENT_CODE.test(departmentCode)) invalid('departmentCode', departmentCode);
	const departmentName = blank(c.departmentName) || null;
	if (departmentName && departmentName.length > 120) invalid('departmentName', departmentName);
	const departmentNameNl = blank(c.departmentNameNl) || null;
	if (departmentNameNl && departmentNameNl.length > 120) invalid('departmentNameNl', departmentNameNl);
	const parentCode = blank(c.parentDepartmentCode).toUpperCase() || null;
	if (parentCode && !DEPARTMENT_CODE.test(parentCode)) invalid('parentDepartmentCode', parentCode);

	const managerNumber = blank(c.managerEmployeeNumber);
	const managerEmail = blank(c.managerEmail).toLowerCase();
	const managerKey = managerNumber ? { employeeNumber: managerNumber } : managerEmail ? { email: managerEmail } : null;

	const read = <T>(field: HrField, reader: (v: string) => T | undefined): T | null => {
		const v = blank(c[field]);
		if (!v) return null;
		const value = reader(v);
		if (value === undefined) invalid(field, v);
		return value ?? null;
	};
	const jobLevel = read('jobLevel', readJobLevel);
	const educationLevel = read('educationLevel', readEducationLevel);
	const locale = read('language', readLanguage);
	const jobTitle = blank(c.jobTitle) || null;
	if (jobTitle && jobTitle.length > 200) invalid('jobTitle', jobTitle);

	return {
		line: row.line,
		email,
		employeeNumber,
		name,
		departmentCode,
		departmentName,
		departmentNameNl,
		parentCode,
		managerKey,
		jobLevel,
		educationLevel,
		locale,
		jobTitle,
		active: active ?? true,
		errors: active === false ? errors.filter((e) => e.field === 'email' || e.field === 'employeeNumber' || e.field === 'status') : errors
	};
}

// ---------------------------------------------------------------- the whole file

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		if (k === null) continue;
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/**
 * The plan of an import: every row and every department named in the file, judged against
 * the organisation as it is. `fields` are the fields the mapping fills (an unmapped field
 * is never changed; a mapped manager column that is empty means "no manager").
 *
 * Example: rows "E1 ann@x.nl manager E2" and "E2 bob@x.nl manager E1" on an empty portal
 * both become errors (`manager_cycle`); had E2 no manager, both would be `create`.
 */
export function planImport(rows: readonly HrRow[], org: Organisation, fieldList: readonly HrField[]): ImportPlan {
	const fields = new Set(fieldList);
	const norms = rows.map((r) => normaliseRow(r, fields));
	const failed = (n: Norm) => n.errors.length > 0;

	// Twice in the file: every row that shares the e-mail or the employee number is refused.
	for (const [email, group] of groupBy(norms, (n) => n.email || null)) {
		if (group.length < 2) continue;
		for (const n of group) n.errors.push({ code: 'duplicate_email', field: 'email', value: email, line: group.find((o) => o !== n)!.line });
	}
	for (const [number, group] of groupBy(norms, (n) => n.employeeNumber)) {
		if (group.length < 2) continue;
		for (const n of group)
			n.errors.push({ code: 'duplicate_employee_number', field: 'employeeNumber', value: number, line: group.find((o) => o !== n)!.line });
	}

	// Who each row is in the portal: by employee number, then by e-mail.
	const byNumber = new Map(org.people.filter((p) => p.employeeNumber).map((p) => [p.employeeNumber!, p]));
	const byEmail = new Map(org.people.map((p) => [p.email, p]));
	const personById = new Map(org.people.map((p) => [p.id, p]));
	const match = new Map<Norm, ExistingPerson>();
	for (const n of norms) {
		const person = (n.employeeNumber ? byNumber.get(n.employeeNumber) : undefined) ?? (n.email ? byEmail.get(n.email) : undefined);
		if (!person) continue;
		match.set(n, person);
		const holder = n.email ? byEmail.get(n.email) : undefined;
		if (holder && holder.id !== person.id) n.errors.push({ code: 'duplicate_email', field: 'email', value: n.email });
	}
	for (const [, group] of groupBy([...match.keys()], (n) => String(match.get(n)!.id))) {
		if (group.length < 2) continue;
		for (const n of group) n.errors.push({ code: 'duplicate_person', line: group.find((o) => o !== n)!.line });
	}

	// ---------- departments
	const deptByCode = new Map(org.departments.map((d) => [d.code, d]));
	const deptById = new Map(org.departments.map((d) => [d.id, d]));
	const staying = norms.filter((n) => n.active);
	const described = new Map<string, { line: number; name: string | null; nameNl: string | null; parentCode: string | null }>();
	for (const n of staying) {
		if (!n.departmentCode || n.errors.some((e) => e.field === 'departmentCode')) continue;
		const d = described.get(n.departmentCode);
		const bad = (f: HrField) => n.errors.some((e) => e.field === f);
		const name = bad('departmentName') ? null : n.departmentName;
		const nameNl = bad('departmentNameNl') ? null : n.departmentNameNl;
		const parentCode = bad('parentDepartmentCode') ? null : n.parentCode;
		if (!d) described.set(n.departmentCode, { line: n.line, name, nameNl, parentCode });
		else {
			d.name ??= name;
			d.nameNl ??= nameNl;
			d.parentCode ??= parentCode;
		}
	}
	const departments: DepartmentPlan[] = [];
	for (const [code, d] of described) {
		const existing = deptByCode.get(code);
		if (existing?.retired) continue; // its rows are refused below; a retired department is not revived by a file
		if (!d.name && !d.nameNl && !d.parentCode) continue; // only its code: nothing to write (unknown unless it exists)
		if (!existing && !d.name) continue; // a new department needs its name
		const currentParent = existing?.parentId != null ? (deptById.get(existing.parentId)?.code ?? null) : null;
		departments.push({
			code,
			outcome: existing ? 'unchanged' : 'create',
			departmentId: existing?.id ?? null,
			line: d.line,
			target: {
				name: d.name ?? existing!.name,
				nameNl: d.nameNl ?? existing?.nameNl ?? null,
				parentCode: d.parentCode ?? currentParent
			},
			changes: [],
			errors: []
		});
	}
	departments.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	const planned = new Map(departments.map((d) => [d.code, d]));
	// Parents: known (in the portal, not retired, or created by the file) and no loop; refusals ripple down.
	for (let changed = true; changed;) {
		changed = false;
		const usable = (code: string) => {
			const p = planned.get(code);
			if (p) return p.outcome !== 'error';
			const e = deptByCode.get(code);
			return !!e && !e.retired;
		};
		for (const d of departments) {
			if (d.outcome === 'error' || d.target.parentCode === null || usable(d.target.parentCode)) continue;
			d.errors.push({ code: 'unknown_parent', field: 'parentDepartmentCode', value: d.target.parentCode });
			d.outcome = 'error';
			changed = true;
		}
		// The tree after the import, by code; a refused department keeps its current parent (or is not there).
		const ids = new Map<string, number>();
		const idOf = (code: string) => {
			let id = ids.get(code);
			if (id === undefined) ids.set(code, (id = ids.size + 1));
			return id;
		};
		const parentOf = new Map<number, number | null>();
		for (const e of org.departments) {
			const parent = e.parentId != null ? deptById.get(e.parentId)?.code : undefined;
			parentOf.set(idOf(e.code), parent ? idOf(parent) : null);
		}
		for (const d of departments)
			if (d.outcome !== 'error') parentOf.set(idOf(d.code), d.target.parentCode ? idOf(d.target.parentCode) : null);
		const looped = new Set(cycleMembers(parentOf));
		for (const d of departments) {
			if (d.outcome === 'error' || !looped.has(idOf(d.code))) continue;
			d.errors.push({ code: 'department_cycle', field: 'parentDepartmentCode', value: d.target.parentCode ?? '' });
			d.outcome = 'error';
			changed = true;
		}
	}
	for (const d of departments) {
		if (d.outcome === 'error' || d.departmentId === null) continue;
		const e = deptById.get(d.departmentId)!;
		const currentParent = e.parentId != null ? (deptById.get(e.parentId)?.code ?? null) : null;
		if (e.name !== d.target.name) d.changes.push({ field: 'name', from: e.name, to: d.target.name });
		if ((e.nameNl ?? null) !== d.target.nameNl) d.changes.push({ field: 'nameNl', from: e.nameNl, to: d.target.nameNl });
		if (currentParent !== d.target.parentCode) d.changes.push({ field: 'parent', from: currentParent, to: d.target.parentCode });
		if (d.changes.length) d.outcome = 'update';
	}

	// People's departments: in the portal and not retired, or created by the file.
	for (const n of staying) {
		if (!n.departmentCode || n.errors.some((e) => e.field === 'departmentCode')) continue;
		const plan = planned.get(n.departmentCode);
		const existing = deptByCode.get(n.departmentCode);
		if (existing?.retired) n.errors.push({ code: 'department_retired', field: 'departmentCode', value: n.departmentCode });
		else if (plan?.outcome === 'error' && !existing)
			n.errors.push({ code: 'department_refused', field: 'departmentCode', value: n.departmentCode });
		else if (!plan && !existing) n.errors.push({ code: 'unknown_department', field: 'departmentCode', value: n.departmentCode });
	}

	// ---------- managers, once every row is read
	const managerMapped = fields.has('managerEmployeeNumber') || fields.has('managerEmail');
	const fileByNumber = new Map(norms.filter((n) => n.employeeNumber).map((n) => [n.employeeNumber!, n]));
	const fileByEmail = new Map(norms.filter((n) => n.email).map((n) => [n.email, n]));
	/** A row's place in the chart: the person's id, or minus its line for someone new. */
	const nodeOf = (n: Norm) => match.get(n)?.id ?? -n.line;
	const managerRow = new Map<Norm, Norm | ExistingPerson | null>();
	if (managerMapped) {
		for (const n of staying) {
			const key = n.managerKey;
			if (!key) {
				managerRow.set(n, null);
				continue;
			}
			const inFile = 'employeeNumber' in key ? fileByNumber.get(key.employeeNumber) : fileByEmail.get(key.email);
			const inPortal = 'employeeNumber' in key ? byNumber.get(key.employeeNumber) : byEmail.get(key.email);
			const found = inFile ?? inPortal;
			if (!found) {
				const value = 'employeeNumber' in key ? key.employeeNumber : key.email;
				n.errors.push({ code: 'unknown_manager', field: 'employeeNumber' in key ? 'managerEmployeeNumber' : 'managerEmail', value });
			} else managerRow.set(n, found);
		}
	}
	const managerField = (n: Norm): HrField => (n.managerKey && 'employeeNumber' in n.managerKey ? 'managerEmployeeNumber' : 'managerEmail');
	const managerValue = (n: Norm) =>
		n.managerKey ? ('employeeNumber' in n.managerKey ? n.managerKey.employeeNumber : n.managerKey.email) : '';
	/** The manager's node, or undefined when the manager will not be there (a refused new row). */
	const managerNode = (n: Norm): number | null | undefined => {
		const m = managerRow.get(n);
		if (m === undefined || m === null) return m === null ? null : undefined;
		if ('line' in m) {
			const existing = match.get(m);
			if (existing) return existing.id;
			return failed(m) || !m.active ? undefined : -m.line;
		}
		return m.id;
	};
	for (let changed = managerMapped; changed;) {
		changed = false;
		for (const n of staying) {
			if (failed(n) || !managerRow.has(n)) continue;
			if (managerNode(n) === undefined) {
				const m = managerRow.get(n) as Norm;
				n.errors.push({ code: 'manager_refused', field: managerField(n), value: managerValue(n), line: m.line });
				changed = true;
			}
		}
		const chart = new Map<number, number | null>();
		for (const p of org.people) chart.set(p.id, p.managerId);
		for (const n of staying) if (!failed(n) && managerRow.has(n)) chart.set(nodeOf(n), managerNode(n) ?? null);
		const looped = new Set(cycleMembers(chart));
		for (const n of staying) {
			if (failed(n) || !managerRow.has(n) || !looped.has(nodeOf(n))) continue;
			n.errors.push({ code: 'manager_cycle', field: managerField(n), value: managerValue(n) });
			changed = true;
		}
	}

	// ---------- outcomes
	const deptCode = (id: number) => deptById.get(id)?.code ?? null;
	const personLabel = (id: number | null) => (id === null ? null : (personById.get(id)?.email ?? String(id)));
	const rowsOut = norms.map((n): RowPlan => {
		const person = match.get(n) ?? null;
		const base = {
			line: n.line,
			personId: person?.id ?? null,
			name: n.name,
			email: n.email,
			employeeNumber: n.employeeNumber,
			departmentCode: n.departmentCode,
			changes: [] as FieldChange[],
			errors: n.errors
		};
		if (failed(n)) return { ...base, outcome: 'error' };
		if (!n.active) {
			if (!person || person.disabled) return { ...base, outcome: 'unchanged' };
			return { ...base, outcome: 'disable', changes: [{ field: 'active', from: 'active', to: 'disabled' }] };
		}
		const m = managerRow.get(n);
		let manager: ManagerRef | undefined;
		let managerLabel: string | null = null;
		if (m !== undefined) {
			const node = managerNode(n)!;
			manager = node === null ? null : node > 0 ? { personId: node } : { line: -node };
			managerLabel = m?.email ?? null;
		}
		const target: PersonTarget = {
			name: n.name,
			email: n.email,
			employeeNumber: n.employeeNumber ?? person?.employeeNumber ?? null,
			departmentCode: n.departmentCode!,
			jobLevel: n.jobLevel ?? (person?.jobLevel as JobLevel | undefined) ?? 'engineer',
			educationLevel: n.educationLevel ?? (person?.educationLevel as EducationLevel | null | undefined) ?? null,
			jobTitle: n.jobTitle ?? person?.jobTitle ?? null,
			locale: n.locale ?? (person?.locale as Locale | undefined) ?? 'en',
			enable: !!person?.disabled && fields.has('status'),
			...(manager !== undefined ? { manager } : {})
		};
		if (!person) return { ...base, outcome: 'create', target };
		const changes: FieldChange[] = [];
		const compare = (field: ChangeField, from: string | null, to: string | null) => {
			if ((from ?? null) !== (to ?? null)) changes.push({ field, from: from ?? null, to: to ?? null });
		};
		compare('name', person.name, target.name);
		compare('email', person.email, target.email);
		compare('employeeNumber', person.employeeNumber, target.employeeNumber);
		compare('department', deptCode(person.departmentId), target.departmentCode);
		if (manager !== undefined) {
			const same = manager === null ? person.managerId === null : 'personId' in manager && manager.personId === person.managerId;
			if (!same) changes.push({ field: 'manager', from: personLabel(person.managerId), to: managerLabel });
		}
		compare('jobLevel', person.jobLevel, target.jobLevel);
		compare('educationLevel', person.educationLevel, target.educationLevel);
		compare('jobTitle', person.jobTitle, target.jobTitle);
		compare('locale', person.locale, target.locale);
		if (target.enable) changes.push({ field: 'active', from: 'disabled', to: 'active' });
		return { ...base, outcome: changes.length ? 'update' : 'unchanged', changes, target };
	});

	const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, disable: 0, error: 0 };
	for (const r of rowsOut) counts[r.outcome]++;
	const departmentCounts: DepartmentCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
	for (const d of departments) departmentCounts[d.outcome]++;
	return { rows: rowsOut, departments, counts, departmentCounts };
}
