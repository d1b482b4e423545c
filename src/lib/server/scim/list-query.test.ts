import { describe, expect, it } from 'vitest';
import { project, readListQuery, wants } from './list-query.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const q = (text: string) => readListQuery(new URLSearchParams(text));

describe('readListQuery', () => {
	it.each([
		['', { startIndex: 1, count: 100, filter: null }],
		['startIndex=3&count=10', { startIndex: 3, count: 10 }],
		['startIndex=0&count=-5', { startIndex: 1, count: 0 }],
		['startIndex=-2', { startIndex: 1 }],
		['count=5000', { count: 200 }],
		['count=abc&startIndex=x', { startIndex: 1, count: 100 }],
		['filter=%20', { filter: null }],
		['filter=userName%20eq%20%22a%22', { filter: 'userName eq "a"' }]
	])('%s', (text, expected) => {
		expect(q(text)).toMatchObject(expected);
	});

	it('attributes and excludedAttributes as lists', () => {
		expect(q('attributes=userName, emails&excludedAttributes=members')).toMatchObject({
			attributes: ['userName', 'emails'],
			excluded: ['members']
		});
		expect(q('')).toMatchObject({ attributes: null, excluded: [] });
	});
});

describe('what comes back', () => {
	const user = {
		schemas: ['s'],
		id: '1',
		userName: 'a@b.c',
		name: { givenName: 'A' },
		emails: [{ value: 'a@b.c' }],
		[ENTERPRISE]: { department: 'Ops', employeeNumber: '1' },
		meta: { resourceType: 'User' }
	};

	it('attributes: only those, with schemas, id and meta', () => {
		expect(project(user, q('attributes=userName,name.givenName'), [ENTERPRISE])).toEqual({
			schemas: ['s'],
			id: '1',
			userName: 'a@b.c',
			name: { givenName: 'A' },
			meta: { resourceType: 'User' }
		});
		expect(project(user, q(`attributes=${ENTERPRISE}:department`), [ENTERPRISE])).toMatchObject({ [ENTERPRISE]: { department: 'Ops' } });
		expect(project(user, q(`attributes=${ENTERPRISE}`), [ENTERPRISE])[ENTERPRISE]).toEqual(user[ENTERPRISE]);
		expect(project(user, q('attributes=urn:ietf:params:scim:schemas:core:2.0:User:userName'), [ENTERPRISE])).toHaveProperty('userName');
	});

	it('excludedAttributes: all but those; id stays', () => {
		const lean = project(user, q(`excludedAttributes=emails,id,${ENTERPRISE}:employeeNumber`), [ENTERPRISE]);
		expect(lean).toEqual({
			schemas: ['s'],
			id: '1',
			userName: 'a@b.c',
			name: { givenName: 'A' },
			[ENTERPRISE]: { department: 'Ops' },
			meta: { resourceType: 'User' }
		});
		expect(project(user, q(`excludedAttributes=${ENTERPRISE}`), [ENTERPRISE])).not.toHaveProperty(ENTERPRISE);
	});

	it('wants: whether to load a Group’s members', () => {
		expect(wants(q(''), 'members')).toBe(true);
		expect(wants(q('excludedAttributes=Members'), 'members')).toBe(false);
		expect(wants(q('attributes=displayName'), 'members')).toBe(false);
		expect(wants(q('attributes=members.value'), 'members')).toBe(true);
	});
});
