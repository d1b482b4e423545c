import { describe, expect, it } from 'vitest';
import { departmentCode, groupResource, memberId, readGroup } from './group-resource.js';
import { ScimError } from './scim-error.js';

describe('departmentCode', () => {
	it.each([
		['Build Operations', [], 'BO'],
		['Build Operations', ['BO'], 'BO-2'],
		['Build Operations', ['BO', 'BO-2', 'BO-3'], 'BO-4'],
		['Finance', [], 'FINANCE'],
		['Procurement', [], 'PROCUREM'],
		['Zürich Site', [], 'ZS'],
		['Zürich', [], 'ZURICH'],
		['R&D', [], 'RD'],
		['X', [], 'DEPTX'],
		['研发', [], 'DEPT'],
		['a b c d e f g h i j', [], 'ABCDEFGH']
	])('%s (taken %j) is %s', (name, taken, code) => {
		const made = departmentCode(name, taken);
		expect(made).toBe(code);
		expect(made).toMatch(/^[A-Z0-9-]{2,12}$/);
	});
});

describe('a department as a Group', () => {
	const row = {
		id: 4,
		name: 'Build Operations',
		externalId: 'e-4',
		createdAt: '2026-01-02T03:04:05.000Z',
		updatedAt: '2026-02-03T04:05:06.000Z'
	};

	it('has its people as members, and meta with a weak version', () => {
		expect(groupResource(row, [{ id: 12, name: 'Sanne Bakker', departmentId: 4 }], 'https://ideas.example.com/scim/v2')).toEqual({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
			id: '4',
			externalId: 'e-4',
			displayName: 'Build Operations',
			members: [{ value: '12', $ref: 'https://ideas.example.com/scim/v2/Users/12', display: 'Sanne Bakker', type: 'User' }],
			meta: {
				resourceType: 'Group',
				created: '2026-01-02T03:04:05.000Z',
				lastModified: '2026-02-03T04:05:06.000Z',
				location: 'https://ideas.example.com/scim/v2/Groups/4',
				version: `W/"${Date.parse('2026-02-03T04:05:06.000Z')}"`
			}
		});
	});

	it('without members when they were not asked for', () => {
		expect(groupResource({ ...row, externalId: null }, null, 'x')).not.toHaveProperty('members');
		expect(groupResource({ ...row, externalId: null }, null, 'x')).not.toHaveProperty('externalId');
	});

	it('reads displayName, externalId and member ids', () => {
		expect(readGroup({ displayName: ' Finance ', externalId: 'g1', members: [{ value: '3' }, { value: 3 }, { value: '7' }] })).toEqual({
			displayName: 'Finance',
			externalId: 'g1',
			members: [3, 7]
		});
		expect(readGroup({ DISPLAYNAME: 'x', externalId: null })).toEqual({ displayName: 'x', externalId: null, members: undefined });
	});

	it.each([
		[{ displayName: 5 }],
		[{ displayName: 'x'.repeat(121) }],
		[{ members: { value: '1' } }],
		[{ members: [{ value: 'abc' }] }],
		[{ members: [{ value: '0' }] }]
	])('refuses %j with invalidValue', (resource) => {
		expect(() => readGroup(resource)).toThrow(ScimError);
	});

	it('memberId names the member it refuses', () => {
		expect(() => memberId({ value: 'abc' })).toThrow('The member "abc" is not a User of this service');
	});
});
