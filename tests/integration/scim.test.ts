/**
 * SCIM provisioning on a real database, following the RFCs' own examples: RFC 7644 3.3
 * (create), 3.4.2 (filter), 3.5.2 (PATCH), 3.12 (errors) and the example User of RFC 7643
 * section 8. The identity provider's view: what it sends, what it gets back, and what the
 * portal did (people written through the people service, audited with the token).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { Actor } from '$lib/server/auth/policy.js';
import { loadSessionUser } from '$lib/server/org/users.service.js';
import { authenticateToken, createToken, listTokens, revokeToken } from '$lib/server/scim/tokens.service.js';
import {
	createGroup,
	createUser,
	deleteGroup,
	deleteUser,
	getGroup,
	getResourceType,
	getSchema,
	getServiceProviderConfig,
	getUser,
	listGroups,
	listResourceTypes,
	listSchemas,
	listUsers,
	patchGroup,
	patchUser,
	replaceGroup,
	replaceUser,
	type ScimContext
} from '$lib/server/scim/scim.service.js';
import { readListQuery, readProjection } from '$lib/server/scim/list-query.js';
import { ScimError } from '$lib/server/scim/scim-error.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

const BASE = 'https://ideas.example.com/scim/v2';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const IDEACUP = 'urn:ideacup:params:scim:schemas:extension:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const JOHN_EXTERNAL = '26118915-6090-4610-87e4-49d8ca9f808d';

let testDb: TestDatabase;
let db: Database;
let admin: Actor;
let scim: ScimContext;
let genId: number;
let tourId: number;
let johnId: number;

const query = (text: string) => readListQuery(new URLSearchParams(text));
const everything = readProjection(new URLSearchParams());

/** What a SCIM refusal looks like on the wire: status, scimType and detail. */
async function refusal(work: Promise<unknown>) {
	try {
		await work;
	} catch (e) {
		if (e instanceof ScimError) return { status: e.status, scimType: e.scimType, detail: e.detail };
		throw e;
	}
	throw new Error('expected a SCIM refusal');
}

async function auditOf(objectType: string, objectId: string | number) {
	return db
		.selectFrom('auditLog')
		.select(['action', 'actorId', 'data'])
		.where('objectType', '=', objectType)
		.where('objectId', '=', String(objectId))
		.orderBy('id')
		.execute();
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const gen = await db.insertInto('department').values({ code: 'GEN', name: 'General' }).returning('id').executeTakeFirstOrThrow();
	const tour = await db
		.insertInto('department')
		.values({ code: 'TO', name: 'Tour Operations', nameNl: 'Rondleidingen', parentId: gen.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	genId = gen.id;
	tourId = tour.id;
	const a = await db
		.insertInto('appUser')
		.values({ email: 'admin@example.com', name: 'Ada Admin', departmentId: genId })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.insertInto('roleGrant').values({ userId: a.id, role: 'admin' }).execute();
	admin = (await loadSessionUser(db, a.id))!;
	const john = await db
		.insertInto('appUser')
		.values({ email: 'john.smith@example.com', name: 'John Smith', departmentId: tourId, externalId: JOHN_EXTERNAL, jobLevel: 'manager' })
		.returning('id')
		.executeTakeFirstOrThrow();
	johnId = john.id;
	const token = await createToken(db, admin, { name: 'Entra ID' });
	scim = { db, tokenId: token.id, base: BASE, defaultDepartment: 'GEN' };
});

afterAll(async () => {
	await testDb?.close();
});

describe('tokens', () => {
	it('a token is shown once, stored as its SHA-256, and lets its bearer in', async () => {
		const created = await createToken(db, admin, { name: 'Okta' });
		expect(created.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
		const stored = await db.selectFrom('scimToken').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.tokenHash).not.toContain(created.token);
		expect(await authenticateToken(db, `Bearer ${created.token}`)).toEqual({ tokenId: created.id });
		expect(await authenticateToken(db, `bearer   ${created.token}`)).toEqual({ tokenId: created.id });
		expect(await authenticateToken(db, null)).toBeNull();
		expect(await authenticateToken(db, `Basic ${created.token}`)).toBeNull();
		expect(await authenticateToken(db, `Bearer ${created.token}x`)).toBeNull();
		expect((await auditOf('scim_token', created.id)).map((l) => l.action)).toEqual(['scim_token.created']);
	});

	it('last use is written at most once a minute', async () => {
		const created = await createToken(db, admin, { name: 'busy' });
		await authenticateToken(db, `Bearer ${created.token}`);
		const first = (await db.selectFrom('scimToken').select('lastUsedAt').where('id', '=', created.id).executeTakeFirstOrThrow()).lastUsedAt;
		expect(first).not.toBeNull();
		await authenticateToken(db, `Bearer ${created.token}`);
		const second = (await db.selectFrom('scimToken').select('lastUsedAt').where('id', '=', created.id).executeTakeFirstOrThrow())
			.lastUsedAt;
		expect(second).toEqual(first);
		await db
			.updateTable('scimToken')
			.set({ lastUsedAt: new Date(Date.now() - 120_000) })
			.where('id', '=', created.id)
			.execute();
		await authenticateToken(db, `Bearer ${created.token}`);
		const third = (await db.selectFrom('scimToken').select('lastUsedAt').where('id', '=', created.id).executeTakeFirstOrThrow()).lastUsedAt;
		expect(new Date(third!).getTime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('a revoked token is refused; revoking twice changes nothing; audited', async () => {
		const created = await createToken(db, admin, { name: 'leaked' });
		expect(await revokeToken(db, admin, created.id)).toMatchObject({ revoked: true });
		expect(await authenticateToken(db, `Bearer ${created.token}`)).toBeNull();
		expect(await revokeToken(db, admin, created.id)).toMatchObject({ revoked: false });
		expect((await auditOf('scim_token', created.id)).map((l) => l.action)).toEqual(['scim_token.created', 'scim_token.revoked']);
		const listed = (await listTokens(db, admin)).find((t) => t.id === created.id)!;
		expect(listed).toMatchObject({ name: 'leaked', createdByName: 'Ada Admin', revokedByName: 'Ada Admin' });
		expect(listed.revokedAt).not.toBeNull();
	});

	it('only admins manage tokens: anyone else is told "not found"', async () => {
		const someone: Actor = { id: johnId, departmentId: tourId, roles: ['employee', 'organiser'] };
		await expect(listTokens(db, someone)).rejects.toMatchObject({ status: 404 });
		await expect(createToken(db, someone, { name: 'x' })).rejects.toMatchObject({ status: 404 });
		await expect(revokeToken(db, someone, 1)).rejects.toMatchObject({ status: 404 });
	});
});

describe('RFC 7644 3.3: creating a User', () => {
	it('answers the RFC example with the created resource: id, meta with location and version', async () => {
		const created = await createUser(scim, {
			schemas: [USER],
			userName: 'Bjensen@Example.com',
			externalId: 'bjensen',
			name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' }
		});
		const id = created.id as string;
		expect(id).toMatch(/^\d+$/);
		expect(created).toMatchObject({
			schemas: [USER, ENTERPRISE, IDEACUP],
			id,
			externalId: 'bjensen',
			userName: 'bjensen@example.com',
			displayName: 'Ms. Barbara J Jensen III',
			active: true,
			groups: [{ value: String(genId), display: 'General', $ref: `${BASE}/Groups/${genId}` }],
			[ENTERPRISE]: { department: 'General' },
			[IDEACUP]: { jobLevel: 'engineer' },
			meta: { resourceType: 'User', location: `${BASE}/Users/${id}` }
		});
		const meta = created.meta as { created: string; lastModified: string; version: string };
		expect(meta.version).toMatch(/^W\/"\d+"$/);
		expect(Date.parse(meta.created)).toBeGreaterThan(Date.now() - 60_000);
		const row = await db.selectFrom('appUser').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			email: 'bjensen@example.com',
			name: 'Ms. Barbara J Jensen III',
			departmentId: genId,
			externalId: 'bjensen'
		});
		const audit = await auditOf('user', id);
		expect(audit).toEqual([
			// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
			{ action: 'user.created', actorId: Number(id), data: expect.objectContaining({ via: 'scim', tokenId: scim.tokenId }) }
		]);
	});

	it('the full example User of RFC 7643 section 8.2, enterprise extension included', async () => {
		const created = await createUser(scim, {
			schemas: [USER, ENTERPRISE],
			id: '2819c223-7f76-453a-919d-413861904646',
			externalId: '701984',
			userName: 'babs.jensen@example.com',
			name: {
				formatted: 'Ms. Barbara J Jensen, III',
				familyName: 'Jensen',
				givenName: 'Barbara',
				middleName: 'Jane',
				honorificPrefix: 'Ms.',
				honorificSuffix: 'III'
			},
			displayName: 'Babs Jensen',
			nickName: 'Babs',
			profileUrl: 'https://login.example.com/bjensen',
			emails: [
				{ value: 'babs.jensen@example.com', type: 'work', primary: true },
				{ value: 'babs@jensen.org', type: 'home' }
			],
			addresses: [
				{
					type: 'work',
					streetAddress: '100 Universal City Plaza',
					locality: 'Hollywood',
					region: 'CA',
					postalCode: '91608',
					country: 'USA'
				}
			],
			phoneNumbers: [{ value: '555-555-5555', type: 'work' }],
			userType: 'Employee',
			title: 'Tour Guide',
			preferredLanguage: 'en-US',
			locale: 'en-US',
			timezone: 'America/Los_Angeles',
			active: true,
			password: 't1meMa$heen',
			groups: [{ value: 'e9e30dba-f08f-4109-8486-d5c6a331660a', display: 'Tour Guides' }],
			[ENTERPRISE]: {
				employeeNumber: '701984',
				costCenter: '4130',
				organization: 'Universal Studios',
				division: 'Theme Park',
				department: 'Tour Operations',
				manager: { value: JOHN_EXTERNAL, $ref: `../Users/${JOHN_EXTERNAL}`, displayName: 'John Smith' }
			},
			meta: { resourceType: 'User', created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z', version: 'W/"3694e05e9dff591"' }
		});
		const id = created.id as string;
		expect(id).not.toBe('2819c223-7f76-453a-919d-413861904646');
		expect(created).toMatchObject({
			externalId: '701984',
			userName: 'babs.jensen@example.com',
			displayName: 'Babs Jensen',
			title: 'Tour Guide',
			preferredLanguage: 'en',
			emails: [{ value: 'babs.jensen@example.com', type: 'work', primary: true }],
			groups: [{ value: String(tourId), display: 'Tour Operations' }],
			[ENTERPRISE]: {
				employeeNumber: '701984',
				department: 'Tour Operations',
				manager: { value: String(johnId), displayName: 'John Smith', $ref: `${BASE}/Users/${johnId}` }
			}
		});
		expect(created).not.toHaveProperty('password');
		expect((created.meta as { created: string }).created).not.toBe('2010-01-23T04:56:22Z');
		const row = await db.selectFrom('appUser').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ managerId: johnId, departmentId: tourId, employeeNumber: '701984', jobTitle: 'Tour Guide', locale: 'en' });
	});

	it('language, job level and education level; a Dutch name of the department', async () => {
		const created = await createUser(scim, {
			userName: 'piet@example.com',
			name: { givenName: 'Piet', familyName: 'de Vries' },
			preferredLanguage: 'nl-NL',
			[ENTERPRISE]: { department: 'rondleidingen', manager: { value: String(johnId) } },
			[IDEACUP]: { jobLevel: 'Technician', educationLevel: 'mbo' }
		});
		expect(created).toMatchObject({
			displayName: 'Piet de Vries',
			name: { formatted: 'Piet de Vries', givenName: 'Piet', familyName: 'de Vries' },
			preferredLanguage: 'nl',
			[ENTERPRISE]: { department: 'Tour Operations', manager: { value: String(johnId) } },
			[IDEACUP]: { jobLevel: 'technician', educationLevel: 'mbo' }
		});
	});

	it('active false on create: the person exists, disabled', async () => {
		const created = await createUser(scim, { userName: 'later@example.com', active: 'False' });
		expect(created).toMatchObject({ active: false, displayName: 'later' });
	});

	it('RFC 7644 3.12: a taken userName is 409 uniqueness, whatever its case', async () => {
		expect(await refusal(createUser(scim, { userName: 'BJENSEN@example.com' }))).toEqual({
			status: 409,
			scimType: 'uniqueness',
			detail: 'userName is already taken by another User'
		});
		expect(await refusal(createUser(scim, { userName: 'x1@example.com', externalId: 'bjensen' }))).toMatchObject({
			status: 409,
			scimType: 'uniqueness'
		});
		expect(await refusal(createUser(scim, { userName: 'x2@example.com', [ENTERPRISE]: { employeeNumber: '701984' } }))).toMatchObject({
			status: 409,
			scimType: 'uniqueness'
		});
	});

	it('an unknown department or manager is invalidValue naming it; nothing is written', async () => {
		expect(await refusal(createUser(scim, { userName: 'y@example.com', [ENTERPRISE]: { department: 'Time Travel' } }))).toEqual({
			status: 400,
			scimType: 'invalidValue',
			detail: 'Unknown department "Time Travel": create its Group first, or send a department\'s code, name or Group externalId'
		});
		expect(await refusal(createUser(scim, { userName: 'y@example.com', [ENTERPRISE]: { manager: { value: 'nobody' } } }))).toMatchObject({
			status: 400,
			scimType: 'invalidValue',
			// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
			detail: expect.stringContaining('"nobody"')
		});
		expect(await db.selectFrom('appUser').select('id').where('email', '=', 'y@example.com').executeTakeFirst()).toBeUndefined();
	});

	it('what cannot be read is invalidValue or invalidSyntax', async () => {
		expect(await refusal(createUser(scim, { name: { givenName: 'No' } }))).toMatchObject({ status: 400, scimType: 'invalidValue' });
		expect(await refusal(createUser(scim, { userName: 'not an address' }))).toMatchObject({ scimType: 'invalidValue' });
		expect(await refusal(createUser(scim, { userName: 'z@example.com', active: 'maybe' }))).toMatchObject({ scimType: 'invalidValue' });
		expect(await refusal(createUser(scim, { userName: 'z@example.com', displayName: 'x'.repeat(121) }))).toMatchObject({
			scimType: 'invalidValue'
		});
		expect(await refusal(createUser(scim, { userName: 'z@example.com', [IDEACUP]: { jobLevel: 'wizard' } }))).toMatchObject({
			scimType: 'invalidValue'
		});
		expect(await refusal(createUser(scim, ['not', 'an', 'object']))).toMatchObject({ scimType: 'invalidSyntax' });
	});
});

describe('RFC 7644 3.4.2: filtering and paging Users', () => {
	it('userName eq, without regard to case, as a ListResponse', async () => {
		const list = await listUsers(scim, query('filter=' + encodeURIComponent('userName eq "BJensen@example.com"')));
		expect(list).toMatchObject({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
			totalResults: 1,
			startIndex: 1,
			itemsPerPage: 1,
			Resources: [{ userName: 'bjensen@example.com', externalId: 'bjensen' }]
		});
	});

	it('nobody found is an empty list, not an error', async () => {
		const list = await listUsers(scim, query('filter=' + encodeURIComponent('userName eq "nobody@example.com"')));
		expect(list).toEqual({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
			totalResults: 0,
			startIndex: 1,
			itemsPerPage: 0,
			Resources: []
		});
	});

	it('externalId eq, emails.value eq, and combined', async () => {
		const byExternal = await listUsers(scim, query('filter=' + encodeURIComponent('externalId eq "701984"')));
		expect(byExternal.Resources.map((r) => r.userName)).toEqual(['babs.jensen@example.com']);
		expect((await listUsers(scim, query('filter=' + encodeURIComponent('externalId eq "701984 "')))).totalResults).toBe(0);
		const byEmail = await listUsers(
			scim,
			query('filter=' + encodeURIComponent('emails[type eq "work" and value eq "Babs.Jensen@example.com"]'))
		);
		expect(byEmail.totalResults).toBe(1);
		const both = await listUsers(
			scim,
			query('filter=' + encodeURIComponent('userName eq "babs.jensen@example.com" and externalId eq "bjensen"'))
		);
		expect(both.totalResults).toBe(0);
		const byNumber = await listUsers(scim, query('filter=' + encodeURIComponent(`${ENTERPRISE}:employeeNumber eq "701984"`)));
		expect(byNumber.totalResults).toBe(1);
	});

	it('startIndex and count page through everyone in id order; count=0 gives only the total', async () => {
		const all = await listUsers(scim, query(''));
		expect(all.totalResults).toBe(all.Resources.length);
		expect(all.totalResults).toBeGreaterThanOrEqual(5);
		const page = await listUsers(scim, query('startIndex=2&count=2'));
		expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: 2, itemsPerPage: 2 });
		expect(page.Resources.map((r) => r.id)).toEqual(all.Resources.slice(1, 3).map((r) => r.id));
		expect(await listUsers(scim, query('count=0'))).toMatchObject({ totalResults: all.totalResults, itemsPerPage: 0, Resources: [] });
		expect(await listUsers(scim, query('startIndex=1000'))).toMatchObject({
			totalResults: all.totalResults,
			startIndex: 1000,
			Resources: []
		});
	});

	it('attributes and excludedAttributes choose what comes back; id stays', async () => {
		const list = await listUsers(
			scim,
			query(`filter=${encodeURIComponent('externalId eq "701984"')}&attributes=userName,${ENTERPRISE}:department`)
		);
		expect(list.Resources[0]).toEqual({
			schemas: [USER, ENTERPRISE, IDEACUP],
			// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
			id: expect.any(String),
			userName: 'babs.jensen@example.com',
			[ENTERPRISE]: { department: 'Tour Operations' },
			// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
			meta: expect.any(Object)
		});
		const lean = await listUsers(
			scim,
			query(`filter=${encodeURIComponent('externalId eq "701984"')}&excludedAttributes=groups,emails,${IDEACUP}`)
		);
		expect(lean.Resources[0]).not.toHaveProperty('groups');
		expect(lean.Resources[0]).not.toHaveProperty('emails');
		expect(lean.Resources[0]).not.toHaveProperty(IDEACUP);
		expect(lean.Resources[0]).toHaveProperty('userName');
	});

	it('RFC 7644 3.12: a filter the service does not answer is 400 invalidFilter', async () => {
		for (const filter of ['userName sw "b"', 'userName eq "a" or userName eq "b"', 'title eq "Tour Guide"', 'userName eq']) {
			expect(await refusal(listUsers(scim, query('filter=' + encodeURIComponent(filter))))).toMatchObject({
				status: 400,
				scimType: 'invalidFilter'
			});
		}
	});
});

describe('RFC 7644 3.5.2: PATCH a User', () => {
	let id: string;
	beforeAll(async () => {
		id = (await listUsers(scim, query('filter=' + encodeURIComponent('externalId eq "701984"')))).Resources[0].id as string;
	});
	const patch = (...Operations: unknown[]) => patchUser(scim, id, { schemas: [PATCH_OP], Operations });

	it('replace without a path (3.5.2.3): attributes of the value object', async () => {
		const after = await patch({ op: 'replace', value: { title: 'Senior Tour Guide', displayName: 'Babs J. Jensen' } });
		expect(after).toMatchObject({ title: 'Senior Tour Guide', displayName: 'Babs J. Jensen' });
		const last = (await auditOf('user', id)).at(-1)!;
		expect(last).toMatchObject({
			action: 'user.updated',
			actorId: null,
			data: { via: 'scim', tokenId: scim.tokenId, changed: ['name', 'jobTitle'] }
		});
	});

	it('name.givenName: the full name follows', async () => {
		const after = await patch({ op: 'Replace', path: 'name.givenName', value: 'Barbara' });
		expect(after).toMatchObject({ displayName: 'Barbara J. Jensen', name: { givenName: 'Barbara', familyName: 'J. Jensen' } });
	});

	it("the work address by its value path (Entra's mapping of mail) changes userName", async () => {
		const after = await patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'Barbara.Jensen@example.com' });
		expect(after).toMatchObject({ userName: 'barbara.jensen@example.com', emails: [{ value: 'barbara.jensen@example.com' }] });
		const back = await patch({ op: 'replace', path: 'userName', value: 'babs.jensen@example.com' });
		expect(back.userName).toBe('babs.jensen@example.com');
	});

	it('the enterprise extension: department by code, manager by URN path (a bare id, as Entra sends it), then removed', async () => {
		const moved = await patch(
			{ op: 'Replace', path: `${ENTERPRISE}:department`, value: 'GEN' },
			{ op: 'Add', path: `${ENTERPRISE}:manager`, value: String(johnId) }
		);
		expect(moved).toMatchObject({
			groups: [{ value: String(genId) }],
			[ENTERPRISE]: { department: 'General', manager: { value: String(johnId) } }
		});
		const alone = await patch({ op: 'Remove', path: `${ENTERPRISE}:manager` });
		expect(alone[ENTERPRISE]).not.toHaveProperty('manager');
		const back = await patch({
			op: 'replace',
			value: { [`${ENTERPRISE}:department`]: 'Tour Operations', [`${ENTERPRISE}:manager`]: { value: JOHN_EXTERNAL } }
		});
		expect(back).toMatchObject({ [ENTERPRISE]: { department: 'Tour Operations', manager: { value: String(johnId) } } });
	});

	it('job level through the IdeaCup extension; language; title removed', async () => {
		const after = await patch(
			{ op: 'replace', path: `${IDEACUP}:jobLevel`, value: 'specialist' },
			{ op: 'replace', path: 'preferredLanguage', value: 'nl-BE' },
			{ op: 'remove', path: 'title' }
		);
		expect(after).toMatchObject({ preferredLanguage: 'nl', [IDEACUP]: { jobLevel: 'specialist' } });
		expect(after).not.toHaveProperty('title');
	});

	it('a manager loop is invalidValue; nothing of the patch is written', async () => {
		// Babs manages John? John already manages Babs.
		const before = await getUser(scim, String(johnId), everything);
		const refused = await refusal(
			patchUser(scim, String(johnId), {
				schemas: [PATCH_OP],
				Operations: [
					{ op: 'replace', path: 'title', value: 'Boss' },
					{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: id } }
				]
			})
		);
		// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
		expect(refused).toMatchObject({ status: 400, scimType: 'invalidValue', detail: expect.stringContaining('loop') });
		expect(await getUser(scim, String(johnId), everything)).toEqual(before);
	});

	it('RFC 7644 3.12: id and meta are mutability; a path that cannot be read is invalidPath; remove without path is noTarget', async () => {
		expect(await refusal(patch({ op: 'replace', path: 'id', value: '1' }))).toMatchObject({ status: 400, scimType: 'mutability' });
		expect(await refusal(patch({ op: 'replace', path: 'groups', value: [] }))).toMatchObject({ scimType: 'mutability' });
		expect(await refusal(patch({ op: 'replace', path: 'emails[type eq "work"', value: 'x' }))).toMatchObject({ scimType: 'invalidPath' });
		expect(await refusal(patch({ op: 'remove' }))).toMatchObject({ scimType: 'noTarget' });
		expect(await refusal(patch({ op: 'remove', path: 'userName' }))).toMatchObject({ scimType: 'invalidValue' });
		expect(await refusal(patchUser(scim, id, { Operations: [{ op: 'jump', path: 'title' }] }))).toMatchObject({
			scimType: 'invalidSyntax'
		});
		expect(await refusal(patchUser(scim, '999999', { Operations: [{ op: 'remove', path: 'title' }] }))).toMatchObject({ status: 404 });
		expect(await refusal(patchUser(scim, 'abc', { Operations: [{ op: 'remove', path: 'title' }] }))).toMatchObject({ status: 404 });
	});

	it('a patch that changes nothing writes nothing', async () => {
		const lines = (await auditOf('user', id)).length;
		const same = await patch({ op: 'replace', path: 'active', value: 'True' });
		expect(same.active).toBe(true);
		expect((await auditOf('user', id)).length).toBe(lines);
	});
});

describe('active false: disabled, signed out and handed over', () => {
	it('Entra\'s PATCH active "False" ends sessions and mentorships; "True" brings the person back', async () => {
		const babs = await createUser(scim, {
			userName: 'mentor.babs@example.com',
			displayName: 'Mentor Babs',
			[ENTERPRISE]: { department: 'TO' }
		});
		const mentorId = Number(babs.id);
		await db
			.insertInto('userSession')
			.values({ tokenHash: randomBytes(32).toString('hex'), userId: mentorId, expiresAt: new Date(Date.now() + 86_400_000) })
			.execute();
		const idea = await db
			.insertInto('idea')
			.values({
				title: 'Quieter tours',
				createdBy: johnId,
				departmentId: tourId,
				status: 'accepted',
				firstSubmittedAt: new Date(),
				submittedAt: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('ideaMember').values({ ideaId: idea.id, userId: johnId, role: 'owner' }).execute();
		await db.insertInto('mentorAssignment').values({ ideaId: idea.id, mentorId, status: 'accepted' }).execute();

		const after = await patchUser(scim, String(mentorId), {
			schemas: [PATCH_OP],
			Operations: [{ op: 'Replace', path: 'active', value: 'False' }]
		});
		expect(after.active).toBe(false);
		expect(await db.selectFrom('userSession').select('userId').where('userId', '=', mentorId).execute()).toEqual([]);
		expect(await loadSessionUser(db, mentorId)).toBeNull();
		const assignment = await db.selectFrom('mentorAssignment').selectAll().where('ideaId', '=', idea.id).executeTakeFirstOrThrow();
		expect(assignment).toMatchObject({ status: 'ended', endReason: 'left_company' });
		const disabled = (await auditOf('user', mentorId)).find((l) => l.action === 'user.disabled')!;
		expect(disabled.data).toMatchObject({ via: 'scim', tokenId: scim.tokenId, sessionsEnded: 1, mentorshipsEnded: [idea.id] });
		// the idea's team is kept
		expect(await db.selectFrom('ideaMember').select('userId').where('ideaId', '=', idea.id).execute()).toEqual([{ userId: johnId }]);

		const filtered = await listUsers(
			scim,
			query('filter=' + encodeURIComponent('active eq false and userName eq "mentor.babs@example.com"'))
		);
		expect(filtered.totalResults).toBe(1);

		const back = await patchUser(scim, String(mentorId), { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
		expect(back.active).toBe(true);
		expect(await loadSessionUser(db, mentorId)).not.toBeNull();
		expect((await auditOf('user', mentorId)).at(-1)).toMatchObject({
			action: 'user.enabled',
			data: { via: 'scim', tokenId: scim.tokenId }
		});
	});

	it('DELETE disables (never deletes): the User is still there, active false', async () => {
		const gone = await createUser(scim, { userName: 'leaver@example.com' });
		await deleteUser(scim, gone.id as string);
		expect(await getUser(scim, gone.id as string, everything)).toMatchObject({ active: false, userName: 'leaver@example.com' });
		expect(await db.selectFrom('appUser').select('disabledAt').where('id', '=', Number(gone.id)).executeTakeFirstOrThrow()).not.toEqual({
			disabledAt: null
		});
		expect(await refusal(deleteUser(scim, '999999'))).toMatchObject({ status: 404 });
	});
});

describe('PUT a User: the resource replaced', () => {
	it('what it leaves out is cleared, the department stays', async () => {
		const u = await createUser(scim, {
			userName: 'put@example.com',
			title: 'Driver',
			[ENTERPRISE]: { department: 'TO', employeeNumber: 'P1', manager: { value: String(johnId) } }
		});
		const replaced = await replaceUser(scim, u.id as string, { schemas: [USER], userName: 'put@example.com', displayName: 'Put Person' });
		expect(replaced).toMatchObject({ displayName: 'Put Person', [ENTERPRISE]: { department: 'Tour Operations' } });
		expect(replaced).not.toHaveProperty('title');
		expect(replaced[ENTERPRISE]).not.toHaveProperty('employeeNumber');
		expect(replaced[ENTERPRISE]).not.toHaveProperty('manager');
		expect(await refusal(replaceUser(scim, u.id as string, { displayName: 'No userName' }))).toMatchObject({ scimType: 'invalidValue' });
	});
});

describe('Groups are departments', () => {
	let groupId: string;
	let memberId: string;

	it('POST creates a department with a code from its name, under the top department', async () => {
		const member = await createUser(scim, { userName: 'guide@example.com', [ENTERPRISE]: { department: 'GEN' } });
		memberId = member.id as string;
		const created = await createGroup(scim, {
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
			displayName: 'Tour Guides',
			externalId: 'e9e30dba',
			members: [{ value: memberId, display: 'Guide' }]
		});
		groupId = created.id as string;
		expect(created).toMatchObject({
			displayName: 'Tour Guides',
			externalId: 'e9e30dba',
			members: [{ value: memberId, $ref: `${BASE}/Users/${memberId}`, type: 'User' }],
			meta: { resourceType: 'Group', location: `${BASE}/Groups/${groupId}` }
		});
		const row = await db.selectFrom('department').selectAll().where('id', '=', Number(groupId)).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ code: 'TG', name: 'Tour Guides', parentId: genId, externalId: 'e9e30dba' });
		expect((await getUser(scim, memberId, everything))[ENTERPRISE]).toMatchObject({ department: 'Tour Guides' });
		expect((await auditOf('department', groupId))[0]).toMatchObject({
			action: 'department.created',
			data: { via: 'scim', tokenId: scim.tokenId }
		});
	});

	it('a name or externalId already held is 409 uniqueness', async () => {
		expect(await refusal(createGroup(scim, { displayName: 'tour guides' }))).toMatchObject({ status: 409, scimType: 'uniqueness' });
		expect(await refusal(createGroup(scim, { displayName: 'Other', externalId: 'e9e30dba' }))).toMatchObject({
			status: 409,
			scimType: 'uniqueness'
		});
		expect(await refusal(createGroup(scim, { externalId: 'x' }))).toMatchObject({ status: 400, scimType: 'invalidValue' });
	});

	it('a User may name the department by its Group externalId', async () => {
		const u = await createUser(scim, { userName: 'g2@example.com', [ENTERPRISE]: { department: 'e9e30dba' } });
		expect(u.groups).toEqual([{ value: groupId, $ref: `${BASE}/Groups/${groupId}`, display: 'Tour Guides' }]);
	});

	it('filter displayName eq, and members left out on request', async () => {
		const list = await listGroups(scim, query(`filter=${encodeURIComponent('displayName eq "TOUR GUIDES"')}&excludedAttributes=members`));
		expect(list).toMatchObject({ totalResults: 1, Resources: [{ id: groupId, displayName: 'Tour Guides' }] });
		expect(list.Resources[0]).not.toHaveProperty('members');
		const withMembers = await listGroups(scim, query(`filter=${encodeURIComponent('externalId eq "e9e30dba"')}`));
		expect((withMembers.Resources[0].members as { value: string }[]).length).toBe(2);
		const byMember = await listGroups(
			scim,
			query(`filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "${memberId}"]`)}`)
		);
		expect(byMember.totalResults).toBe(1);
		expect(
			(await listGroups(scim, query(`filter=${encodeURIComponent(`members[value eq "${johnId}"]`)}`))).Resources.map((r) => r.id)
		).toEqual([String(tourId)]);
		expect(await refusal(listGroups(scim, query(`filter=${encodeURIComponent('displayName co "Tour"')}`)))).toMatchObject({
			scimType: 'invalidFilter'
		});
	});

	it('PATCH add members moves people in; remove leaves them where they are; 404 for an unknown member', async () => {
		await patchGroup(scim, groupId, {
			schemas: [PATCH_OP],
			Operations: [
				{ op: 'Add', path: 'members', value: [{ value: String(johnId) }] },
				{ op: 'Replace', path: 'displayName', value: 'Tour Guides NL' }
			]
		});
		const group = await getGroup(scim, groupId, everything);
		expect(group.displayName).toBe('Tour Guides NL');
		expect((group.members as { value: string }[]).map((m) => m.value)).toContain(String(johnId));
		await patchGroup(scim, groupId, {
			schemas: [PATCH_OP],
			Operations: [{ op: 'Remove', path: 'members', value: [{ value: String(johnId) }] }]
		});
		await patchGroup(scim, groupId, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${johnId}"]` }] });
		expect(((await getGroup(scim, groupId, everything)).members as { value: string }[]).map((m) => m.value)).toContain(String(johnId));
		expect(
			await refusal(patchGroup(scim, groupId, { Operations: [{ op: 'add', path: 'members', value: [{ value: '999999' }] }] }))
		).toMatchObject({
			status: 400,
			scimType: 'invalidValue'
		});
		expect(await refusal(patchGroup(scim, groupId, { Operations: [{ op: 'remove', path: 'displayName' }] }))).toMatchObject({
			scimType: 'invalidValue'
		});
	});

	it('PUT replaces the name; externalId kept when left out', async () => {
		const replaced = await replaceGroup(scim, groupId, { displayName: 'Tour Guides' });
		expect(replaced).toMatchObject({ displayName: 'Tour Guides', externalId: 'e9e30dba' });
	});

	it('DELETE retires the department, refused (409 mutability) while active people are in it', async () => {
		const refused = await refusal(deleteGroup(scim, groupId));
		// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any, expect.stringContaining) as any
		expect(refused).toMatchObject({ status: 409, scimType: 'mutability', detail: expect.stringContaining('3 active people') });
		const people = await db.selectFrom('appUser').select('id').where('departmentId', '=', Number(groupId)).execute();
		await patchGroup(scim, String(tourId), {
			Operations: [{ op: 'add', path: 'members', value: people.map((p) => ({ value: String(p.id) })) }]
		});
		await deleteGroup(scim, groupId);
		expect(await refusal(getGroup(scim, groupId, everything))).toMatchObject({ status: 404 });
		const row = await db.selectFrom('department').select('retiredAt').where('id', '=', Number(groupId)).executeTakeFirstOrThrow();
		expect(row.retiredAt).not.toBeNull();
		expect(await refusal(createUser(scim, { userName: 'late@example.com', [ENTERPRISE]: { department: 'Tour Guides' } }))).toMatchObject({
			scimType: 'invalidValue',
			detail: 'The department "Tour Guides" is retired'
		});
		expect((await auditOf('department', groupId)).at(-1)).toMatchObject({ action: 'department.retired' });
	});

	it('a department with sub-departments is not retired', async () => {
		expect(await refusal(deleteGroup(scim, String(genId)))).toMatchObject({ status: 409, scimType: 'mutability' });
	});
});

describe('what the service says about itself (RFC 7644 section 4)', () => {
	it('ServiceProviderConfig: PATCH and filter supported, bulk, sort and etag not; bearer tokens', () => {
		expect(getServiceProviderConfig(scim)).toMatchObject({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
			patch: { supported: true },
			filter: { supported: true, maxResults: 200 },
			bulk: { supported: false },
			sort: { supported: false },
			etag: { supported: false },
			changePassword: { supported: false },
			authenticationSchemes: [{ type: 'oauthbearertoken', primary: true }],
			meta: { location: `${BASE}/ServiceProviderConfig` }
		});
	});

	it('Schemas and ResourceTypes, listed and one by one', async () => {
		expect(listSchemas(scim).Resources.map((s) => s.id)).toEqual([
			USER,
			ENTERPRISE,
			IDEACUP,
			'urn:ietf:params:scim:schemas:core:2.0:Group'
		]);
		expect(getSchema(scim, ENTERPRISE).attributes.map((a) => a.name)).toEqual(['employeeNumber', 'department', 'manager']);
		expect(listResourceTypes(scim).Resources.map((t) => t.endpoint)).toEqual(['/Users', '/Groups']);
		expect(getResourceType(scim, 'User')).toMatchObject({
			schema: USER,
			schemaExtensions: [
				{ schema: ENTERPRISE, required: false },
				{ schema: IDEACUP, required: false }
			]
		});
		expect(await refusal(Promise.resolve().then(() => getSchema(scim, 'urn:nope')))).toMatchObject({ status: 404 });
	});
});
