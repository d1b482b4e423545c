import { describe, expect, it } from 'vitest';
import { canonicalAttr, eqConditions, matchesElement, parseEqFilter, parseFilter } from './filter.js';
import { ScimError } from './scim-error.js';

function refusal(run: () => unknown): { status: number; scimType?: string; detail: string } {
	try {
		run();
	} catch (e) {
		if (e instanceof ScimError) return { status: e.status, scimType: e.scimType, detail: e.detail };
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('parseFilter reads the RFC 7644 section 3.4.2.2 examples', () => {
	it('userName eq "bjensen"', () => {
		expect(parseFilter('userName eq "bjensen"')).toEqual({ type: 'compare', attr: 'userName', op: 'eq', value: 'bjensen' });
	});

	it('name.familyName co "O\'Malley"', () => {
		expect(parseFilter(`name.familyName co "O'Malley"`)).toEqual({ type: 'compare', attr: 'name.familyName', op: 'co', value: "O'Malley" });
	});

	it('a URN-qualified attribute: urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', () => {
		const node = parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"');
		expect(node).toEqual({ type: 'compare', attr: 'urn:ietf:params:scim:schemas:core:2.0:User:userName', op: 'sw', value: 'J' });
	});

	it('title pr and userType eq "Employee"', () => {
		expect(parseFilter('title pr and userType eq "Employee"')).toEqual({
			type: 'and',
			left: { type: 'present', attr: 'title' },
			right: { type: 'compare', attr: 'userType', op: 'eq', value: 'Employee' }
		});
	});

	it('meta.lastModified gt "2011-05-13T04:42:34Z"', () => {
		expect(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"')).toMatchObject({ op: 'gt', value: '2011-05-13T04:42:34Z' });
	});

	it('and binds tighter than or; parentheses and not group', () => {
		const node = parseFilter('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")');
		expect(node).toEqual({
			type: 'and',
			left: { type: 'compare', attr: 'userType', op: 'ne', value: 'Employee' },
			right: {
				type: 'not',
				filter: {
					type: 'or',
					left: { type: 'compare', attr: 'emails', op: 'co', value: 'example.com' },
					right: { type: 'compare', attr: 'emails.value', op: 'co', value: 'example.org' }
				}
			}
		});
		expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ type: 'or', right: { type: 'and' } });
	});

	it('a value path: userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', () => {
		expect(parseFilter('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')).toEqual({
			type: 'and',
			left: { type: 'compare', attr: 'userType', op: 'eq', value: 'Employee' },
			right: {
				type: 'valuePath',
				attr: 'emails',
				filter: {
					type: 'and',
					left: { type: 'compare', attr: 'type', op: 'eq', value: 'work' },
					right: { type: 'compare', attr: 'value', op: 'co', value: '@example.com' }
				}
			}
		});
	});

	it('true, false, null and numbers; operators and keywords in any case', () => {
		expect(parseFilter('active EQ True')).toEqual({ type: 'compare', attr: 'active', op: 'eq', value: true });
		expect(parseFilter('active eq false')).toMatchObject({ value: false });
		expect(parseFilter('title eq null')).toMatchObject({ value: null });
		expect(parseFilter('x.y ge -12.5e1')).toMatchObject({ op: 'ge', value: -125 });
		expect(parseFilter('a eq "1" AND b eq "2"')).toMatchObject({ type: 'and' });
	});

	it('JSON escapes inside strings: quotes, backslashes, unicode', () => {
		expect(parseFilter(String.raw`displayName eq "Ops \"East\" \\ \u00e9"`)).toMatchObject({ value: 'Ops "East" \\ é' });
	});
});

describe('parseFilter refuses what it cannot read, with invalidFilter and where', () => {
	it.each([
		['', 'empty'],
		['userName', 'operator'],
		['userName eq', 'value'],
		['userName eq bjensen', 'value'],
		['userName equals "x"', 'operator'],
		['userName eq "x', 'not closed'],
		['(userName eq "x"', 'Expected ")"'],
		['userName eq "x")', 'Unexpected'],
		['userName eq "x" and', 'attribute'],
		['emails[type eq "work"', 'Expected "]"'],
		['"x" eq "y"', 'attribute'],
		[String.raw`userName eq "\q"`, 'escape']
	])('%s', (filter, words) => {
		const r = refusal(() => parseFilter(filter));
		expect(r).toMatchObject({ status: 400, scimType: 'invalidFilter' });
		expect(r.detail).toContain(words);
	});

	it('says the position of the trouble', () => {
		expect(refusal(() => parseFilter('userName eq "x" extra')).detail).toBe('Unexpected "extra" at position 17');
	});

	it('a filter longer than 2000 characters', () => {
		expect(refusal(() => parseFilter(`userName eq "${'a'.repeat(2000)}"`)).scimType).toBe('invalidFilter');
	});
});

describe('parseEqFilter: only eq joined by and', () => {
	it('userName eq, lower-cased attribute names, the core URN left off', () => {
		expect(parseEqFilter('userName eq "Bjensen@Example.com"')).toEqual([{ attr: 'username', value: 'Bjensen@Example.com' }]);
		expect(parseEqFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"')).toEqual([{ attr: 'username', value: 'a@b.c' }]);
	});

	it('conditions joined by and, in order', () => {
		expect(parseEqFilter('externalId eq "701984" and emails.value eq "a@b.c" and displayName eq "Ops"')).toEqual([
			{ attr: 'externalid', value: '701984' },
			{ attr: 'emails.value', value: 'a@b.c' },
			{ attr: 'displayname', value: 'Ops' }
		]);
	});

	it('a value path becomes its sub-attributes', () => {
		expect(parseEqFilter('emails[type eq "work" and value eq "a@b.c"]')).toEqual([
			{ attr: 'emails.type', value: 'work' },
			{ attr: 'emails.value', value: 'a@b.c' }
		]);
		expect(parseEqFilter('id eq "3" and members[value eq "12"]')).toEqual([
			{ attr: 'id', value: '3' },
			{ attr: 'members.value', value: '12' }
		]);
	});

	it('an extension attribute keeps its URN', () => {
		expect(parseEqFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "E1"')).toEqual([
			{ attr: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:employeenumber', value: 'E1' }
		]);
	});

	it.each([
		['userName sw "J"', '"sw" is not supported'],
		['userName ne "J"', '"ne" is not supported'],
		['title pr', '"pr" is not supported'],
		['userName eq "a" or userName eq "b"', '"or" is not supported'],
		['not (userName eq "a")', '"not" is not supported'],
		['emails[type eq "work" or type eq "home"]', '"or" is not supported']
	])('%s is refused', (filter, words) => {
		const r = refusal(() => parseEqFilter(filter));
		expect(r).toMatchObject({ status: 400, scimType: 'invalidFilter' });
		expect(r.detail).toContain(words);
	});

	it('eqConditions of a parsed tree', () => {
		expect(eqConditions(parseFilter('(a eq "1") and (b eq "2")'))).toEqual([
			{ attr: 'a', value: '1' },
			{ attr: 'b', value: '2' }
		]);
	});

	it('canonicalAttr', () => {
		expect(canonicalAttr('urn:ietf:params:scim:schemas:core:2.0:Group:displayName')).toBe('displayname');
		expect(canonicalAttr('Emails.Value')).toBe('emails.value');
	});
});

describe('matchesElement: a patch path filter against one value', () => {
	const work = { type: 'work', value: 'Bjensen@Example.com', primary: true };
	it.each([
		['type eq "work"', true],
		['type eq "WORK"', true],
		['type eq "home"', false],
		['type ne "home"', true],
		['value ew "example.com"', true],
		['value sw "bjensen"', true],
		['value co "@example"', true],
		['type eq "work" and value ew "example.com"', true],
		['type eq "home" or primary eq true', true],
		['primary eq "True"', true],
		['not (type eq "work")', false],
		['display pr', false],
		['value pr', true],
		['display eq null', true]
	])('%s → %s', (filter, expected) => {
		expect(matchesElement(work, parseFilter(filter))).toBe(expected);
	});

	it('numbers compare as numbers', () => {
		expect(matchesElement({ n: 10 }, parseFilter('n gt 9'))).toBe(true);
		expect(matchesElement({ n: 10 }, parseFilter('n le 9'))).toBe(false);
	});

	it('a value that is not an object matches nothing', () => {
		expect(matchesElement('work', parseFilter('type eq "work"'))).toBe(false);
	});
});
