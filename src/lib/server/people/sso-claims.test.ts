import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIMS } from '../config.js';
import { mapEducationLevel, mapJobLevel, mapLocale, readClaims } from './sso-claims.js';

describe('reading the claims of an ID token', () => {
	it('takes the configured claim names, trimmed, the e-mail in lower case, a numeric employee number as digits', () => {
		const read = readClaims(
			{
				email: ' Ann@Example.com ',
				name: 'Ann',
				department: 'BO',
				manager: 'boss@example.com',
				job_level: 'Specialist',
				employee_number: 4711,
				education_level: 'HBO',
				locale: 'nl-NL'
			},
			DEFAULT_CLAIMS
		);
		expect(read).toEqual({
			email: 'ann@example.com',
			name: 'Ann',
			department: 'BO',
			manager: 'boss@example.com',
			jobLevel: 'Specialist',
			employeeNumber: '4711',
			educationLevel: 'HBO',
			locale: 'nl-NL'
		});
	});

	it('is nothing without an e-mail address', () => {
		expect(readClaims({ name: 'No mail' }, DEFAULT_CLAIMS)).toBeNull();
		expect(readClaims({ email: '   ' }, DEFAULT_CLAIMS)).toBeNull();
	});

	it('reads the claim names the configuration gives', () => {
		const read = readClaims({ email: 'a@b.c', ou: 'GEN', department: 'BO' }, { ...DEFAULT_CLAIMS, department: 'ou' });
		expect(read?.department).toBe('GEN');
	});

	it('leaves out lists, objects, blanks, NUL characters and overlong values', () => {
		const read = readClaims(
			{ email: 'a@b.c', department: ['GEN'], manager: { email: 'x' }, job_level: '  ', employee_number: 'E\0 1', name: 'x'.repeat(121) },
			DEFAULT_CLAIMS
		);
		expect(read).toMatchObject({ department: null, manager: null, jobLevel: null, employeeNumber: null, name: null });
	});
});

describe('mapping claim values', () => {
	it('maps job levels whatever their case, and nothing else', () => {
		expect(mapJobLevel('DIRECTOR')).toBe('director');
		expect(mapJobLevel(' Operator ')).toBe('operator');
		expect(mapJobLevel('chief')).toBeNull();
		expect(mapJobLevel(null)).toBeNull();
	});

	it('maps education levels whatever their case', () => {
		expect(mapEducationLevel('WO')).toBe('wo');
		expect(mapEducationLevel('bachelor')).toBeNull();
	});

	it('reads the language from a locale tag', () => {
		expect(mapLocale('nl-NL')).toBe('nl');
		expect(mapLocale('nl_BE')).toBe('nl');
		expect(mapLocale('en-GB')).toBe('en');
		expect(mapLocale('de')).toBeNull();
		expect(mapLocale(null)).toBeNull();
	});
});
