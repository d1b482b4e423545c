import { describe, expect, it } from 'vitest';
import { applyPatch, parsePath, readPatchRequest, type PatchOperation, type Resource } from './patch.js';
import { ScimError } from './scim-error.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const IDEACUP = 'urn:ideacup:params:scim:schemas:extension:2.0:User';
const options = { extensions: [ENTERPRISE, IDEACUP], readOnly: ['id', 'meta', 'groups'] };

const patch = (resource: Resource, ...ops: PatchOperation[]) => applyPatch(resource, ops, options);

function refusal(run: () => unknown) {
	try {
		run();
	} catch (e) {
		if (e instanceof ScimError) return { status: e.status, scimType: e.scimType, detail: e.detail };
		throw e;
	}
	throw new Error('expected a refusal');
}

const BABS = '2819c223-7f76-453a-919d-413861904646';
const group: Resource = {
	id: 'acbf3ae7',
	displayName: 'Tour Guides',
	members: [
		{ value: BABS, display: 'Babs Jensen' },
		{ value: '902c246b', display: 'Mandy Pepperidge' }
	]
};
const user: Resource = {
	id: '12',
	userName: 'bjensen@example.com',
	name: { formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen' },
	active: true,
	emails: [
		{ value: 'bjensen@example.com', type: 'work', primary: true },
		{ value: 'babs@jensen.org', type: 'home' }
	],
	[ENTERPRISE]: { department: 'Tour Operations', manager: { value: '7', displayName: 'John Smith' } }
};

describe('readPatchRequest: the PatchOp message', () => {
	it('reads the operations; op names in any case', () => {
		const ops = readPatchRequest({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
			Operations: [
				{ op: 'Replace', path: 'active', value: 'False' },
				{ op: 'remove', path: ' title ' }
			]
		});
		expect(ops).toEqual([
			{ op: 'replace', path: 'active', value: 'False' },
			{ op: 'remove', path: 'title', value: undefined }
		]);
	});

	it.each([
		[null, 'invalidSyntax'],
		[[], 'invalidSyntax'],
		[{ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], Operations: [{ op: 'add', value: {} }] }, 'invalidSyntax'],
		[{ Operations: [] }, 'invalidSyntax'],
		[{ Operations: [{ op: 'move', path: 'a', value: 1 }] }, 'invalidSyntax'],
		[{ Operations: ['add'] }, 'invalidSyntax'],
		[{ Operations: [{ op: 'add', path: 5, value: 1 }] }, 'invalidPath'],
		[{ Operations: [{ op: 'replace', path: 'title' }] }, 'invalidValue']
	])('refuses %j (%s)', (body, scimType) => {
		expect(refusal(() => readPatchRequest(body))).toMatchObject({ status: 400, scimType });
	});
});

describe('parsePath', () => {
	it.each([
		['active', { attr: 'active' }],
		['name.givenName', { attr: 'name', sub: 'givenName' }],
		[`${ENTERPRISE}:manager`, { ext: ENTERPRISE, attr: 'manager' }],
		[`${ENTERPRISE.toLowerCase()}:department`, { ext: ENTERPRISE, attr: 'department' }],
		[`${ENTERPRISE}:manager.value`, { ext: ENTERPRISE, attr: 'manager', sub: 'value' }],
		[ENTERPRISE, { ext: ENTERPRISE }],
		['urn:ietf:params:scim:schemas:core:2.0:User:userName', { attr: 'userName' }]
	])('%s', (path, expected) => {
		expect(parsePath(path, options)).toMatchObject(expected);
	});

	it('a value path with its filter and sub-attribute', () => {
		const p = parsePath('emails[type eq "work"].value', options);
		expect(p).toMatchObject({ attr: 'emails', sub: 'value', filter: { type: 'compare', attr: 'type', op: 'eq', value: 'work' } });
	});

	it('a filter may hold brackets and dots in its strings', () => {
		expect(parsePath('members[value eq "a].b"]', options)).toMatchObject({ attr: 'members', filter: { value: 'a].b' } });
	});

	it.each([
		['urn:example:unknown:2.0:User:thing', 'invalidPath'],
		['emails[type eq "work"', 'invalidPath'],
		['emails[type eq]', 'invalidFilter'],
		['9lives', 'invalidPath'],
		['a.b.c', 'invalidPath']
	])('refuses %s (%s)', (path, scimType) => {
		expect(refusal(() => parsePath(path, options))).toMatchObject({ status: 400, scimType });
	});
});

describe('RFC 7644 3.5.2.1 add', () => {
	it('adds a member to a group: appended, the others kept', () => {
		const after = patch(group, {
			op: 'add',
			path: 'members',
			value: [{ display: 'James Smith', $ref: 'https://example.com/v2/Users/08e1d05d', value: '08e1d05d' }]
		});
		expect((after.members as { value: string }[]).map((m) => m.value)).toEqual([BABS, '902c246b', '08e1d05d']);
		expect((group.members as unknown[]).length).toBe(2); // the input is untouched
	});

	it('adding a member already there changes nothing', () => {
		const after = patch(group, { op: 'add', path: 'members', value: [{ value: BABS }] });
		expect(after.members).toEqual(group.members);
	});

	it('without a path: the value object is merged, emails appended', () => {
		const after = patch(user, {
			op: 'add',
			value: { emails: [{ value: 'babs@jensen.org', type: 'home' }, { value: 'b@x.org' }], nickName: 'Babs' }
		});
		expect(after.nickName).toBe('Babs');
		expect((after.emails as unknown[]).length).toBe(3);
	});

	it('adds to a complex attribute: sub-attributes merged', () => {
		const after = patch(user, { op: 'add', path: 'name', value: { middleName: 'Jane' } });
		expect(after.name).toEqual({ formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' });
	});

	it('adds an attribute that was not there', () => {
		expect(patch(user, { op: 'add', path: 'title', value: 'Tour Guide' }).title).toBe('Tour Guide');
	});
});

describe('RFC 7644 3.5.2.2 remove', () => {
	it('removes one member by a value path', () => {
		const after = patch(group, { op: 'remove', path: `members[value eq "${BABS}"]` });
		expect(after.members).toEqual([{ value: '902c246b', display: 'Mandy Pepperidge' }]);
	});

	it('removes all members', () => {
		expect(patch(group, { op: 'remove', path: 'members' })).not.toHaveProperty('members');
	});

	it('removes the values a filter with and matches: emails[type eq "work" and value ew "example.com"]', () => {
		const after = patch(user, { op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' });
		expect(after.emails).toEqual([{ value: 'babs@jensen.org', type: 'home' }]);
	});

	it('removes a sub-attribute from the matching values only', () => {
		const after = patch(user, { op: 'remove', path: 'emails[type eq "work"].primary' });
		expect(after.emails).toEqual([
			{ value: 'bjensen@example.com', type: 'work' },
			{ value: 'babs@jensen.org', type: 'home' }
		]);
	});

	it("Entra's remove of members with a list of values", () => {
		const after = patch(group, { op: 'Remove' as 'remove', path: 'members', value: [{ value: '902c246b' }] });
		expect(after.members).toEqual([{ value: BABS, display: 'Babs Jensen' }]);
	});

	it('removes the manager from the enterprise extension, the department stays', () => {
		const after = patch(user, { op: 'remove', path: `${ENTERPRISE}:manager` });
		expect(after[ENTERPRISE]).toEqual({ department: 'Tour Operations' });
	});

	it('a remove that matches nothing changes nothing', () => {
		expect(patch(group, { op: 'remove', path: 'members[value eq "nobody"]' })).toEqual(group);
		expect(patch(user, { op: 'remove', path: 'title' })).toEqual(user);
		expect(patch(user, { op: 'remove', path: `${IDEACUP}:jobLevel` })).toEqual(user);
	});

	it('remove without a path is noTarget', () => {
		expect(refusal(() => patch(user, { op: 'remove' }))).toMatchObject({ status: 400, scimType: 'noTarget' });
	});
});

describe('RFC 7644 3.5.2.3 replace', () => {
	it('replaces all members', () => {
		const after = patch(group, { op: 'replace', path: 'members', value: [{ display: 'Babs Jensen', value: BABS }, { value: '456' }] });
		expect(after.members).toEqual([{ display: 'Babs Jensen', value: BABS }, { value: '456' }]);
	});

	it('replaces the work address as a whole', () => {
		const home = { type: 'home', streetAddress: '1 Home St' };
		const before = { ...user, addresses: [{ type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood' }, home] };
		const after = patch(before, {
			op: 'replace',
			path: 'addresses[type eq "work"]',
			value: {
				type: 'work',
				streetAddress: '911 Universal City Plaza',
				locality: 'Hollywood',
				region: 'CA',
				postalCode: '91608',
				primary: true
			}
		});
		expect(after.addresses).toEqual([
			{ type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood', region: 'CA', postalCode: '91608', primary: true },
			home
		]);
	});

	it('replaces one sub-attribute of the matching value: addresses[type eq "work"].streetAddress', () => {
		const before = { addresses: [{ type: 'work', streetAddress: 'old', locality: 'Hollywood' }] };
		const after = patch(before, { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' });
		expect(after.addresses).toEqual([{ type: 'work', streetAddress: '1010 Broadway Ave', locality: 'Hollywood' }]);
	});

	it('without a path: the emails replaced, nickName added', () => {
		const emails = [
			{ value: 'bjensen@example.com', type: 'work', primary: true },
			{ value: 'babs@jensen.org', type: 'home' }
		];
		const after = patch({ userName: 'x' }, { op: 'replace', value: { emails, nickName: 'Babs' } });
		expect(after).toEqual({ userName: 'x', emails, nickName: 'Babs' });
	});

	it('the work e-mail of a person who has none: a value built from the filter', () => {
		const after = patch({ userName: 'x' }, { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@example.com' });
		expect(after.emails).toEqual([{ type: 'work', value: 'new@example.com' }]);
	});

	it('a value path whose filter describes no value to add is noTarget', () => {
		expect(
			refusal(() => patch(user, { op: 'replace', path: 'emails[type ne "work" and type ne "home"].value', value: 'a@b.c' }))
		).toMatchObject({
			scimType: 'noTarget'
		});
	});

	it('name.givenName changes the sub-attribute only', () => {
		const after = patch(user, { op: 'replace', path: 'name.givenName', value: 'Babs' });
		expect(after.name).toEqual({ formatted: 'Barbara Jensen', givenName: 'Babs', familyName: 'Jensen' });
	});

	it('a complex value replaced without a path keeps the sub-attributes it does not name', () => {
		const after = patch(user, { op: 'replace', value: { name: { familyName: 'Jensen-Smith' } } });
		expect(after.name).toEqual({ formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen-Smith' });
	});

	it('attribute names without regard to case', () => {
		const after = patch(user, { op: 'replace', path: 'USERNAME', value: 'babs@example.com' });
		expect(after.userName).toBe('babs@example.com');
		expect(after).not.toHaveProperty('USERNAME');
	});

	it('a null value removes the attribute', () => {
		expect(patch({ ...user, title: 'Guide' }, { op: 'replace', path: 'title', value: null })).not.toHaveProperty('title');
	});
});

describe('what Entra ID and Okta send', () => {
	it('"Replace" active "False": the string is kept for the mapping to read', () => {
		expect(patch(user, { op: 'Replace' as 'replace', path: 'active', value: 'False' }).active).toBe('False');
	});

	it('the manager by its URN path with a bare id', () => {
		const after = patch(user, { op: 'add', path: `${ENTERPRISE}:manager`, value: '42' });
		expect((after[ENTERPRISE] as Resource).manager).toBe('42');
	});

	it('the manager as an object: its value replaced (the sub-attributes of a complex attribute merge)', () => {
		const after = patch(user, { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: '42' } });
		expect((after[ENTERPRISE] as Resource).manager).toEqual({ value: '42', displayName: 'John Smith' });
	});

	it('the department when the extension is not there yet', () => {
		const after = patch({ userName: 'x' }, { op: 'add', path: `${ENTERPRISE}:department`, value: 'Finance' });
		expect(after[ENTERPRISE]).toEqual({ department: 'Finance' });
	});

	it('no path, keys that are paths (Entra): name.givenName and an extension attribute', () => {
		const after = patch(user, {
			op: 'replace',
			value: { 'name.givenName': 'Babs', [`${ENTERPRISE}:department`]: 'Finance', active: 'True' }
		});
		expect((after.name as Resource).givenName).toBe('Babs');
		expect((after[ENTERPRISE] as Resource).department).toBe('Finance');
		expect(after.active).toBe('True');
	});

	it('no path, the extension as an object of its attributes (Okta)', () => {
		const after = patch(user, { op: 'replace', value: { [ENTERPRISE]: { employeeNumber: '701984' } } });
		expect(after[ENTERPRISE]).toEqual({
			department: 'Tour Operations',
			manager: { value: '7', displayName: 'John Smith' },
			employeeNumber: '701984'
		});
	});

	it('the whole extension by its URN as the path', () => {
		const after = patch(user, { op: 'replace', path: IDEACUP, value: { jobLevel: 'manager' } });
		expect(after[IDEACUP]).toEqual({ jobLevel: 'manager' });
	});
});

describe('read-only attributes and all-or-nothing', () => {
	it.each(['id', 'meta', 'groups', 'meta.lastModified'])('%s is mutability', (path) => {
		expect(refusal(() => patch(user, { op: 'replace', path, value: 'x' }))).toMatchObject({ status: 400, scimType: 'mutability' });
	});

	it('also when named in a value object', () => {
		expect(refusal(() => patch(user, { op: 'replace', value: { id: '13' } }))).toMatchObject({ scimType: 'mutability' });
	});

	it("Okta's rename repeats the id unchanged: passed over", () => {
		expect(patch(group, { op: 'replace', value: { id: 'acbf3ae7', displayName: 'Guides' } })).toEqual({ ...group, displayName: 'Guides' });
		expect(refusal(() => patch(group, { op: 'replace', value: { id: 'other', displayName: 'Guides' } }))).toMatchObject({
			scimType: 'mutability'
		});
	});

	it('schemas in a value object are passed over', () => {
		expect(patch(user, { op: 'replace', value: { schemas: ['x'], title: 'T' } })).toEqual({ ...user, title: 'T' });
	});

	it('a later refusal leaves the input as it was', () => {
		const before = structuredClone(user);
		expect(() => patch(user, { op: 'replace', path: 'title', value: 'T' }, { op: 'replace', path: 'id', value: '1' })).toThrow(ScimError);
		expect(user).toEqual(before);
	});

	it('a filter on an attribute that is not multi-valued is invalidPath', () => {
		expect(refusal(() => patch(user, { op: 'replace', path: 'userName[type eq "x"]', value: 'y' }))).toMatchObject({
			scimType: 'invalidPath'
		});
	});
});
