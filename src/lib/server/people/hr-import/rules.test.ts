import { describe, expect, it } from 'vitest';
import {
	planImport,
	readActive,
	readEducationLevel,
	readJobLevel,
	readLanguage,
	type ExistingDepartment,
	type ExistingPerson,
	type Organisation
} from './rules.js';
import { checkMapping, guessMapping, mapRows, proposeMapping, type HrField, type HrRow } from './mapping.js';

const ALL: HrField[] = [
	'employeeNumber',
	'email',
	'name',
	'departmentCode',
	'departmentName',
	'departmentNameNl',
	'parentDepartmentCode',
	'managerEmployeeNumber',
	'jobLevel',
	'educationLevel',
	'language',
	'jobTitle',
	'status'
];

let line = 1;
function row(cells: Partial<Record<HrField, string>>): HrRow {
	line++;
	return { line, cells: { departmentCode: 'OPS', ...cells } };
}
function rows(...list: Partial<Record<HrField, string>>[]): HrRow[] {
	line = 1;
	return list.map(row);
}

const hq: ExistingDepartment = { id: 1, code: 'HQ', name: 'Head office', nameNl: 'Hoofdkantoor', parentId: null, retired: false };
const ops: ExistingDepartment = { id: 2, code: 'OPS', name: 'Operations', nameNl: null, parentId: 1, retired: false };
const old: ExistingDepartment = { id: 3, code: 'OLD', name: 'Old', nameNl: null, parentId: 1, retired: true };

function person(p: Partial<ExistingPerson> & { id: number; email: string }): ExistingPerson {
	return {
		employeeNumber: null,
		name: 'Someone',
		departmentId: 2,
		managerId: null,
		jobLevel: 'engineer',
		educationLevel: null,
		jobTitle: null,
		locale: 'en',
		disabled: false,
		...p
	};
}
const empty: Organisation = { people: [], departments: [hq, ops, old] };

describe('values in words, English and Dutch, any case', () => {
	it('reads job levels', () => {
		expect(readJobLevel('Engineer')).toBe('engineer');
		expect(readJobLevel('DIRECTEUR')).toBe('director');
		expect(readJobLevel('Monteur')).toBe('technician');
		expect(readJobLevel('Leidinggevende')).toBe('manager');
		expect(readJobLevel('astronaut')).toBeUndefined();
	});
	it('reads education levels', () => {
		expect(readEducationLevel('HBO')).toBe('hbo');
		expect(readEducationLevel('University')).toBe('wo');
		expect(readEducationLevel('Universiteit')).toBe('wo');
		expect(readEducationLevel('mbo')).toBe('mbo');
		expect(readEducationLevel('kindergarten')).toBeUndefined();
	});
	it('reads languages', () => {
		expect(readLanguage('Nederlands')).toBe('nl');
		expect(readLanguage('Dutch')).toBe('nl');
		expect(readLanguage('EN')).toBe('en');
		expect(readLanguage('Engels')).toBe('en');
		expect(readLanguage('fr')).toBeUndefined();
	});
	it('reads status: empty and active words are employed, leaver words are not', () => {
		expect(readActive('')).toBe(true);
		expect(readActive('Actief')).toBe(true);
		expect(readActive('Uit dienst')).toBe(false);
		expect(readActive('Leaver')).toBe(false);
		expect(readActive('maybe')).toBeUndefined();
	});
});

describe('mapping the headers', () => {
	it('guesses Dutch and English headers', () => {
		const m = guessMapping([
			'Personeelsnummer',
			'E-mail',
			'Voornaam',
			'Achternaam',
			'Afdeling',
			'Afdelingsnaam',
			'Functie',
			'Taal',
			'Manager e-mail'
		]);
		expect(m).toEqual({
			employeeNumber: 'Personeelsnummer',
			email: 'E-mail',
			firstName: 'Voornaam',
			lastName: 'Achternaam',
			departmentCode: 'Afdeling',
			departmentName: 'Afdelingsnaam',
			jobTitle: 'Functie',
			language: 'Taal',
			managerEmail: 'Manager e-mail'
		});
	});
	it('reuses a saved mapping where its headers are still there, guesses the rest', () => {
		const m = proposeMapping(['Mail', 'Naam', 'Dept', 'Level', 'Code'], { email: 'Mail', name: 'Full name', departmentCode: 'code' });
		// name's saved header is gone: guessed from "Naam"; the saved department header wins over the guess "Dept".
		expect(m).toEqual({ email: 'Mail', name: 'Naam', departmentCode: 'Code', jobLevel: 'Level' });
	});
	it('needs an e-mail, a name and a department code; a header serves one field', () => {
		expect(checkMapping({ email: 'a', firstName: 'b' }, ['a', 'b'])).toEqual({ name: ['name_required'], departmentCode: ['required'] });
		expect(checkMapping({ email: 'a', name: 'a', departmentCode: 'c' }, ['a', 'c'])).toEqual({ name: ['header_used_twice'] });
		expect(checkMapping({ email: 'a', name: 'b', departmentCode: 'x' }, ['a', 'b'])).toEqual({ departmentCode: ['unknown_header'] });
	});
	it('maps rows by header, skips blank rows, counts the header as line 1', () => {
		const r = mapRows(
			['E', 'N', 'D'],
			[
				['a@x.nl', ' Ann ', 'OPS'],
				['', '', ''],
				['b@x.nl', 'Bob', 'OPS']
			],
			{ email: 'E', name: 'N', departmentCode: 'D' }
		);
		expect(r).toEqual([
			{ line: 2, cells: { email: 'a@x.nl', name: 'Ann', departmentCode: 'OPS' } },
			{ line: 4, cells: { email: 'b@x.nl', name: 'Bob', departmentCode: 'OPS' } }
		]);
	});
});

describe('the plan of a file', () => {
	it('creates people with managers on later rows and a department the file describes', () => {
		const plan = planImport(
			rows(
				{
					employeeNumber: 'E2',
					email: 'Bob@X.nl',
					name: 'Bob',
					managerEmployeeNumber: 'E1',
					departmentCode: 'rnd',
					departmentName: 'Research',
					parentDepartmentCode: 'HQ'
				},
				{ employeeNumber: 'E1', email: 'ann@x.nl', name: 'Ann', managerEmployeeNumber: '', jobLevel: 'Directeur' }
			),
			empty,
			ALL
		);
		expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0, disable: 0, error: 0 });
		expect(plan.rows[0].target).toMatchObject({ email: 'bob@x.nl', departmentCode: 'RND', manager: { line: 3 }, jobLevel: 'engineer' });
		expect(plan.rows[1].target).toMatchObject({ manager: null, jobLevel: 'director', locale: 'en' });
		expect(plan.departments).toEqual([
			expect.objectContaining({ code: 'RND', outcome: 'create', target: { name: 'Research', nameNl: null, parentCode: 'HQ' } })
		]);
		expect(plan.departmentCounts.create).toBe(1);
	});

	it('matches by employee number first, then e-mail, and lists the fields that change', () => {
		const org: Organisation = {
			...empty,
			people: [
				person({ id: 10, email: 'ann@x.nl', employeeNumber: 'E1', name: 'Ann', jobLevel: 'director' }),
				person({ id: 11, email: 'bob@x.nl', name: 'Bob', managerId: null })
			]
		};
		const plan = planImport(
			rows(
				{ employeeNumber: 'E1', email: 'ann.new@x.nl', name: 'Ann', jobLevel: 'director' },
				{ employeeNumber: 'E2', email: 'bob@x.nl', name: 'Bob', managerEmployeeNumber: 'E1', language: 'NL' }
			),
			org,
			ALL
		);
		expect(plan.rows.map((r) => [r.outcome, r.personId])).toEqual([
			['update', 10],
			['update', 11]
		]);
		expect(plan.rows[0].changes).toEqual([{ field: 'email', from: 'ann@x.nl', to: 'ann.new@x.nl' }]);
		expect(plan.rows[1].changes).toEqual([
			{ field: 'employeeNumber', from: null, to: 'E2' },
			{ field: 'manager', from: null, to: 'ann.new@x.nl' },
			{ field: 'locale', from: 'en', to: 'nl' }
		]);
		expect(plan.rows[1].target?.manager).toEqual({ personId: 10 });
	});

	it('finds nothing to do the second time: every row unchanged', () => {
		const org: Organisation = {
			people: [
				person({ id: 10, email: 'ann@x.nl', employeeNumber: 'E1', name: 'Ann', jobLevel: 'director' }),
				person({ id: 11, email: 'bob@x.nl', employeeNumber: 'E2', name: 'Bob', managerId: 10, departmentId: 4 })
			],
			departments: [...empty.departments, { id: 4, code: 'RND', name: 'Research', nameNl: null, parentId: 1, retired: false }]
		};
		const plan = planImport(
			rows(
				{
					employeeNumber: 'E2',
					email: 'bob@x.nl',
					name: 'Bob',
					managerEmployeeNumber: 'E1',
					departmentCode: 'RND',
					departmentName: 'Research',
					parentDepartmentCode: 'HQ'
				},
				{ employeeNumber: 'E1', email: 'ann@x.nl', name: 'Ann', jobLevel: 'director' }
			),
			org,
			ALL
		);
		expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 2, disable: 0, error: 0 });
		expect(plan.departments.map((d) => d.outcome)).toEqual(['unchanged']);
	});

	it('refuses a manager cycle in the file for the rows in it, and only those', () => {
		const plan = planImport(
			rows(
				{ employeeNumber: 'A', email: 'a@x.nl', name: 'A', managerEmployeeNumber: 'B' },
				{ employeeNumber: 'B', email: 'b@x.nl', name: 'B', managerEmployeeNumber: 'C' },
				{ employeeNumber: 'C', email: 'c@x.nl', name: 'C', managerEmployeeNumber: 'A' },
				{ employeeNumber: 'D', email: 'd@x.nl', name: 'D', managerEmployeeNumber: 'E' },
				{ employeeNumber: 'E', email: 'e@x.nl', name: 'E' }
			),
			empty,
			ALL
		);
		expect(plan.rows.map((r) => r.outcome)).toEqual(['error', 'error', 'error', 'create', 'create']);
		expect(plan.rows[0].errors).toEqual([{ code: 'manager_cycle', field: 'managerEmployeeNumber', value: 'B' }]);
	});

	it('refuses a cycle closed through the portal: the new manager reports to the person already', () => {
		// In the portal, 11 reports to 10. The file makes 10 report to 11.
		const org: Organisation = {
			...empty,
			people: [
				person({ id: 10, email: 'ann@x.nl', employeeNumber: 'E1' }),
				person({ id: 11, email: 'bob@x.nl', employeeNumber: 'E2', managerId: 10 })
			]
		};
		const plan = planImport(rows({ employeeNumber: 'E1', email: 'ann@x.nl', name: 'Someone', managerEmployeeNumber: 'E2' }), org, ALL);
		expect(plan.rows[0].outcome).toBe('error');
		expect(plan.rows[0].errors[0].code).toBe('manager_cycle');
	});

	it('refuses someone who manages themselves', () => {
		const plan = planImport(rows({ employeeNumber: 'A', email: 'a@x.nl', name: 'A', managerEmployeeNumber: 'A' }), empty, ALL);
		expect(plan.rows[0].errors[0].code).toBe('manager_cycle');
	});

	it('refuses a row whose manager is a refused new row, and an unknown manager', () => {
		const plan = planImport(
			rows(
				{ employeeNumber: 'A', email: 'a@x.nl', name: 'A', managerEmployeeNumber: 'B' },
				{ employeeNumber: 'B', email: 'not-an-address', name: 'B' },
				{ employeeNumber: 'C', email: 'c@x.nl', name: 'C', managerEmployeeNumber: 'Z9' }
			),
			empty,
			ALL
		);
		expect(plan.rows.map((r) => r.errors.map((e) => e.code))).toEqual([['manager_refused'], ['invalid_value'], ['unknown_manager']]);
		expect(plan.rows[0].errors[0].line).toBe(3);
	});

	it('refuses an e-mail twice in the file (both rows) or held by someone else in the portal', () => {
		const org: Organisation = {
			...empty,
			people: [person({ id: 10, email: 'taken@x.nl', employeeNumber: 'E9' }), person({ id: 11, email: 'c@x.nl', employeeNumber: 'E3' })]
		};
		const plan = planImport(
			rows(
				{ employeeNumber: 'A', email: 'same@x.nl', name: 'A' },
				{ employeeNumber: 'B', email: 'SAME@x.nl', name: 'B' },
				{ employeeNumber: 'E3', email: 'taken@x.nl', name: 'C' }
			),
			org,
			ALL
		);
		expect(plan.rows.map((r) => r.outcome)).toEqual(['error', 'error', 'error']);
		expect(plan.rows[0].errors).toEqual([{ code: 'duplicate_email', field: 'email', value: 'same@x.nl', line: 3 }]);
		expect(plan.rows[2].errors).toEqual([{ code: 'duplicate_email', field: 'email', value: 'taken@x.nl' }]);
	});

	it('refuses an employee number twice in the file', () => {
		const plan = planImport(
			rows({ employeeNumber: 'A', email: 'a@x.nl', name: 'A' }, { employeeNumber: 'A', email: 'b@x.nl', name: 'B' }),
			empty,
			ALL
		);
		expect(plan.rows.map((r) => r.errors[0]?.code)).toEqual(['duplicate_employee_number', 'duplicate_employee_number']);
	});

	it('refuses an unknown department, a retired one, and invalid values, with the field', () => {
		const plan = planImport(
			rows(
				{ email: 'a@x.nl', name: 'A', departmentCode: 'NOPE' },
				{ email: 'b@x.nl', name: 'B', departmentCode: 'OLD' },
				{ email: 'c@x.nl', name: 'C', jobLevel: 'astronaut', educationLevel: 'HBO' },
				{ email: 'd@x.nl', name: '', departmentCode: 'bad code!' }
			),
			empty,
			ALL
		);
		expect(plan.rows.map((r) => r.errors)).toEqual([
			[{ code: 'unknown_department', field: 'departmentCode', value: 'NOPE' }],
			[{ code: 'department_retired', field: 'departmentCode', value: 'OLD' }],
			[{ code: 'invalid_value', field: 'jobLevel', value: 'astronaut' }],
			[
				{ code: 'missing_value', field: 'name' },
				{ code: 'invalid_value', field: 'departmentCode', value: 'BAD CODE!' }
			]
		]);
	});

	it('disables a leaver who is in the portal; a leaver already gone or never there is unchanged', () => {
		const org: Organisation = {
			...empty,
			people: [
				person({ id: 10, email: 'a@x.nl', employeeNumber: 'A' }),
				person({ id: 11, email: 'b@x.nl', employeeNumber: 'B', disabled: true })
			]
		};
		const plan = planImport(
			rows(
				{ employeeNumber: 'A', email: 'a@x.nl', status: 'Uit dienst', departmentCode: '' },
				{ employeeNumber: 'B', email: 'b@x.nl', status: 'leaver' },
				{ employeeNumber: 'C', email: 'c@x.nl', status: 'inactive' }
			),
			org,
			ALL
		);
		expect(plan.rows.map((r) => [r.outcome, r.personId])).toEqual([
			['disable', 10],
			['unchanged', 11],
			['unchanged', null]
		]);
	});

	it('enables a disabled person the file says is active (only with a status column)', () => {
		const org: Organisation = { ...empty, people: [person({ id: 10, email: 'a@x.nl', name: 'A', disabled: true })] };
		const withStatus = planImport(rows({ email: 'a@x.nl', name: 'A', status: 'Active' }), org, ALL);
		expect(withStatus.rows[0].changes).toEqual([{ field: 'active', from: 'disabled', to: 'active' }]);
		const without = planImport(rows({ email: 'a@x.nl', name: 'A' }), org, ['email', 'name', 'departmentCode']);
		expect(without.rows[0].outcome).toBe('unchanged');
	});

	it('leaves what a row does not say alone: unmapped or empty cells keep the portal values', () => {
		const org: Organisation = {
			...empty,
			people: [
				person({
					id: 10,
					email: 'a@x.nl',
					name: 'A',
					jobLevel: 'manager',
					educationLevel: 'wo',
					jobTitle: 'Boss',
					locale: 'nl',
					managerId: 99
				})
			]
		};
		const plan = planImport(rows({ email: 'a@x.nl', name: 'A', jobLevel: '', educationLevel: '' }), org, [
			'email',
			'name',
			'departmentCode',
			'jobLevel',
			'educationLevel'
		]);
		expect(plan.rows[0].outcome).toBe('unchanged');
		expect(plan.rows[0].target).toMatchObject({ jobLevel: 'manager', educationLevel: 'wo', jobTitle: 'Boss', locale: 'nl' });
		expect(plan.rows[0].target).not.toHaveProperty('manager');
	});

	it('two rows for one person (by number and by e-mail) are both refused', () => {
		const org: Organisation = { ...empty, people: [person({ id: 10, email: 'a@x.nl', employeeNumber: 'A' })] };
		const plan = planImport(
			rows({ employeeNumber: 'A', email: 'a2@x.nl', name: 'A' }, { employeeNumber: 'Z', email: 'a@x.nl', name: 'A' }),
			org,
			ALL
		);
		expect(plan.rows.map((r) => r.errors.map((e) => e.code))).toEqual([['duplicate_person'], ['duplicate_person']]);
	});

	it('updates a department named in the file and refuses a parent loop and an unknown parent', () => {
		const plan = planImport(
			rows(
				{ email: 'a@x.nl', name: 'A', departmentCode: 'OPS', departmentName: 'Operations', departmentNameNl: 'Operatie' },
				{ email: 'b@x.nl', name: 'B', departmentCode: 'AA', departmentName: 'Aa', parentDepartmentCode: 'BB' },
				{ email: 'c@x.nl', name: 'C', departmentCode: 'BB', departmentName: 'Bb', parentDepartmentCode: 'AA' },
				{ email: 'd@x.nl', name: 'D', departmentCode: 'CC', departmentName: 'Cc', parentDepartmentCode: 'ZZ' }
			),
			empty,
			ALL
		);
		const byCode = Object.fromEntries(plan.departments.map((d) => [d.code, d]));
		expect(byCode.OPS.outcome).toBe('update');
		expect(byCode.OPS.changes).toEqual([{ field: 'nameNl', from: null, to: 'Operatie' }]);
		expect(byCode.AA.errors[0].code).toBe('department_cycle');
		expect(byCode.BB.errors[0].code).toBe('department_cycle');
		expect(byCode.CC.errors[0]).toEqual({ code: 'unknown_parent', field: 'parentDepartmentCode', value: 'ZZ' });
		expect(plan.rows.map((r) => r.outcome)).toEqual(['create', 'error', 'error', 'error']);
		expect(plan.rows[1].errors[0].code).toBe('department_refused');
	});

	it('refuses moving a department under its own child (a loop through the portal)', () => {
		// In the portal OPS sits under HQ; the file puts HQ under OPS.
		const plan = planImport(
			rows({ email: 'a@x.nl', name: 'A', departmentCode: 'HQ', departmentName: 'Head office', parentDepartmentCode: 'OPS' }),
			empty,
			ALL
		);
		expect(plan.departments[0]).toMatchObject({ code: 'HQ', outcome: 'error' });
		// HQ exists, so its people can still be placed there.
		expect(plan.rows[0].outcome).toBe('create');
	});
});
