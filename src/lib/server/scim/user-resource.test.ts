import { describe, expect, it } from 'vitest';
import {
	fullName,
	patchedEmail,
	patchedName,
	readBoolean,
	readLocale,
	readUser,
	splitName,
	userResource,
	type UserRow
} from './user-resource.js';
import { ScimError } from './scim-error.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const IDEACUP = 'urn:ideacup:params:scim:schemas:extension:2.0:User';
const BASE = 'https://ideas.example.com/scim/v2';

const row: UserRow = {
	id: 12,
	email: 'sanne.bakker@example.com',
	name: 'Sanne Bakker',
	externalId: 'aad-12',
	jobTitle: 'Operator',
	locale: 'nl',
	jobLevel: 'operator',
	educationLevel: 'mbo',
	employeeNumber: 'E10012',
	departmentId: 3,
	departmentName: 'Build Operations',
	managerId: 7,
	managerName: 'Marieke Visser',
	disabledAt: null,
	createdAt: '2026-01-02T03:04:05.000Z',
	updatedAt: '2026-03-04T05:06:07.000Z'
};

describe('a person as a SCIM User', () => {
	it('every attribute the portal keeps, the enterprise and IdeaCup extensions, meta', () => {
		expect(userResource(row, BASE)).toEqual({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, IDEACUP],
			id: '12',
			externalId: 'aad-12',
			userName: 'sanne.bakker@example.com',
			name: { formatted: 'Sanne Bakker', givenName: 'Sanne', familyName: 'Bakker' },
			displayName: 'Sanne Bakker',
			title: 'Operator',
			preferredLanguage: 'nl',
			active: true,
			emails: [{ value: 'sanne.bakker@example.com', type: 'work', primary: true }],
			groups: [{ value: '3', $ref: `${BASE}/Groups/3`, display: 'Build Operations' }],
			[ENTERPRISE]: {
				employeeNumber: 'E10012',
				department: 'Build Operations',
				manager: { value: '7', $ref: `${BASE}/Users/7`, displayName: 'Marieke Visser' }
			},
			[IDEACUP]: { jobLevel: 'operator', educationLevel: 'mbo' },
			meta: {
				resourceType: 'User',
				created: '2026-01-02T03:04:05.000Z',
				lastModified: '2026-03-04T05:06:07.000Z',
				location: `${BASE}/Users/12`,
				version: `W/"${Date.parse('2026-03-04T05:06:07.000Z')}"`
			}
		});
	});

	it('leaves out what is not set; a disabled person is active false', () => {
		const r = userResource(
			{ ...row, externalId: null, jobTitle: null, employeeNumber: null, managerId: null, educationLevel: null, disabledAt: new Date() },
			BASE
		);
		expect(r.active).toBe(false);
		expect(r).not.toHaveProperty('externalId');
		expect(r).not.toHaveProperty('title');
		expect(r[ENTERPRISE]).toEqual({ department: 'Build Operations' });
		expect(r[IDEACUP]).toEqual({ jobLevel: 'operator' });
	});

	it('reads back what it wrote', () => {
		expect(readUser(userResource(row, BASE))).toEqual({
			userName: 'sanne.bakker@example.com',
			emailsValue: 'sanne.bakker@example.com',
			displayName: 'Sanne Bakker',
			formatted: 'Sanne Bakker',
			givenName: 'Sanne',
			familyName: 'Bakker',
			externalId: 'aad-12',
			jobTitle: 'Operator',
			locale: 'nl',
			active: true,
			employeeNumber: 'E10012',
			department: 'Build Operations',
			manager: '7',
			jobLevel: 'operator',
			educationLevel: 'mbo'
		});
	});
});

describe('reading a User', () => {
	it('names without regard to case; absent is undefined, empty or null clears', () => {
		const u = readUser({
			USERNAME: ' Babs@Example.COM ',
			Title: '',
			externalId: null,
			[ENTERPRISE.toLowerCase()]: { employeenumber: 701984 }
		});
		expect(u).toMatchObject({ userName: 'babs@example.com', jobTitle: null, externalId: null, employeeNumber: '701984' });
		expect(u.department).toBeUndefined();
		expect(u.manager).toBeUndefined();
	});

	it('the manager as an object, a bare id, or cleared', () => {
		expect(readUser({ [ENTERPRISE]: { manager: { value: '42' } } }).manager).toBe('42');
		expect(readUser({ [ENTERPRISE]: { manager: '42' } }).manager).toBe('42');
		expect(readUser({ [ENTERPRISE]: { manager: { value: '' } } }).manager).toBeNull();
		expect(readUser({ [ENTERPRISE]: { manager: {} } }).manager).toBeNull();
		expect(readUser({ [ENTERPRISE]: { manager: null } }).manager).toBeNull();
	});

	it('the primary address of emails, else the work one, else the first', () => {
		expect(
			readUser({
				emails: [
					{ value: 'home@x.org', type: 'home' },
					{ value: 'Work@x.org', type: 'work' }
				]
			}).emailsValue
		).toBe('work@x.org');
		expect(
			readUser({
				emails: [
					{ value: 'a@x.org', type: 'work' },
					{ value: 'b@x.org', primary: 'True' }
				]
			}).emailsValue
		).toBe('b@x.org');
		expect(readUser({ emails: [{ value: 'only@x.org' }] }).emailsValue).toBe('only@x.org');
	});

	it.each([
		[{ userName: 'not-an-address' }, 'userName must be an e-mail address, got "not-an-address"'],
		[{ userName: 5 }, 'userName must be an e-mail address, got "5"'],
		[{ userName: true }, 'userName must be a string'],
		[{ name: 'Barbara' }, 'name must be an object'],
		[{ displayName: 'x'.repeat(121) }, 'displayName is longer than 120 characters'],
		[{ active: 'yes' }, 'active must be true or false'],
		[
			{ [IDEACUP]: { jobLevel: 'wizard' } },
			'jobLevel must be one of operator, technician, engineer, specialist, manager, director; got "wizard"'
		],
		[{ [IDEACUP]: { educationLevel: 'phd' } }, 'educationLevel must be one of vmbo, mbo, hbo, wo; got "phd"'],
		[{ [ENTERPRISE]: { employeeNumber: 'x'.repeat(41) } }, 'employeeNumber is longer than 40 characters']
	])('%j is invalidValue: %s', (resource, detail) => {
		let caught: unknown;
		try {
			readUser(resource);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(ScimError);
		expect(caught).toMatchObject({ status: 400, scimType: 'invalidValue', detail });
	});

	it.each([
		[true, true],
		['True', true],
		['FALSE', false],
		[' false ', false],
		[undefined, undefined],
		[null, undefined]
	])('readBoolean(%j) is %j', (value, expected) => {
		expect(readBoolean(value, 'active')).toBe(expected);
	});

	it.each([
		['nl-NL', 'nl'],
		['NL', 'nl'],
		['en_US', 'en'],
		['en', 'en'],
		['de-DE', undefined],
		[5, undefined]
	])('readLocale(%j) is %j', (value, expected) => {
		expect(readLocale(value)).toBe(expected);
	});
});

describe('names and addresses', () => {
	it('splitName: the first word and the rest', () => {
		expect(splitName('Jan van der Berg')).toEqual({ givenName: 'Jan', familyName: 'van der Berg' });
		expect(splitName('Madonna')).toEqual({ givenName: 'Madonna' });
	});

	it('fullName: displayName, else formatted, else given and family name', () => {
		const base = readUser({});
		expect(fullName({ ...base, displayName: 'Babs', formatted: 'Barbara Jensen', givenName: 'B' })).toBe('Babs');
		expect(fullName({ ...base, formatted: 'Barbara Jensen', givenName: 'B' })).toBe('Barbara Jensen');
		expect(fullName({ ...base, givenName: 'Barbara', familyName: 'Jensen' })).toBe('Barbara Jensen');
		expect(fullName(base)).toBeUndefined();
	});

	it('patchedName: the part the patch changed wins', () => {
		const before = readUser(userResource(row, BASE));
		expect(patchedName(before, { ...before, givenName: 'Sandra' })).toBe('Sandra Bakker');
		expect(patchedName(before, { ...before, familyName: 'de Bakker' })).toBe('Sanne de Bakker');
		expect(patchedName(before, { ...before, formatted: 'S. Bakker', givenName: 'X' })).toBe('S. Bakker');
		expect(patchedName(before, { ...before, displayName: 'Sanne B.', formatted: 'S. Bakker' })).toBe('Sanne B.');
		expect(patchedName(before, before)).toBeUndefined();
	});

	it('patchedEmail: a changed userName wins over a changed work address; userName cannot go', () => {
		const before = readUser(userResource(row, BASE));
		expect(patchedEmail(before, { ...before, emailsValue: 'new@example.com' })).toBe('new@example.com');
		expect(patchedEmail(before, { ...before, userName: 'a@example.com', emailsValue: 'b@example.com' })).toBe('a@example.com');
		expect(patchedEmail(before, before)).toBeUndefined();
		expect(() => patchedEmail(before, { ...before, userName: undefined })).toThrow('userName cannot be removed');
	});
});
