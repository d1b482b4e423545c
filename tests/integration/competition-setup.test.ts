/** Setting up a competition on a real database: create, edit, eligible departments, status rule, audit, and who may. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { DomainError } from '$lib/server/errors.js';
import { FieldErrors } from '$lib/server/errors.js';
import { competitionFormSchema, toCompetitionInput, type CompetitionInput } from '$lib/server/competitions/competition-setup.schema.js';
import {
	getCompetitionFormOptions,
	changeCompetitionStatus,
	createCompetition,
	getCompetitionForEdit,
	updateCompetition
} from '$lib/server/competitions/competition-setup.service.js';
import { listOpenCalls } from '$lib/server/ideas/calls.queries.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let organiser: SessionUser;
let employee: SessionUser;
let admin: SessionUser;
let depA: { id: number };
let depB: { id: number };

const DAY = 86_400_000;
const input = (over: Partial<CompetitionInput> = {}): CompetitionInput => ({
	name: 'Improvement Cup 2028',
	slug: '',
	callText: 'Send us **your** ideas.',
	submissionOpensAt: new Date(Date.now() - DAY),
	submissionClosesAt: new Date(Date.now() + 30 * DAY),
	responseDays: 10,
	departmentIds: [],
	preferOtherDepartmentMentor: true,
	...over
});

async function fieldErrorsOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (e) {
		if (e instanceof FieldErrors) return e.fields;
		throw e;
	}
	throw new Error('expected field errors');
}

async function refusalOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (e) {
		if (e instanceof DomainError) return { code: e.code, status: e.status };
		throw e;
	}
	throw new Error('expected a refusal');
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	depA = await f.newDepartment('CSA');
	depB = await f.newDepartment('CSB');
	organiser = await f.newUser({ departmentId: depA.id, roles: ['organiser'] });
	employee = await f.newUser({ departmentId: depA.id });
	admin = await f.newUser({ departmentId: depB.id, roles: ['admin'] });
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe(`competition set-up (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	it('ticks the departments eligible by default on a new competition, none (all) when every one is, and never offers a retired one', async () => {
		expect((await getCompetitionFormOptions(db, organiser)).defaultDepartmentIds).toEqual([]);
		await db.updateTable('department').set({ eligibleByDefault: false }).where('id', '=', depB.id).execute();
		const retired = await f.newDepartment('CSR');
		await db.updateTable('department').set({ retiredAt: new Date() }).where('id', '=', retired.id).execute();
		const options = await getCompetitionFormOptions(db, organiser);
		expect(options.departments.map((d) => d.id)).not.toContain(retired.id);
		expect(options.defaultDepartmentIds).toContain(String(depA.id));
		expect(options.defaultDepartmentIds).not.toContain(String(depB.id));
		await db.updateTable('department').set({ eligibleByDefault: true }).where('id', '=', depB.id).execute();
	});

	it('creates a draft competition, deriving the slug from the name, and audits it', async () => {
		const created = await createCompetition(db, organiser, input());
		expect(created).toMatchObject({ slug: 'improvement-cup-2028', status: 'draft' });
		const row = await db.selectFrom('competition').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			name: 'Improvement Cup 2028',
			callText: 'Send us **your** ideas.',
			responseDays: 10,
			preferOtherDepartmentMentor: true,
			createdBy: organiser.id
		});
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'actorId', 'data'])
			.where('objectType', '=', 'competition')
			.where('objectId', '=', String(created.id))
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'competition.create', actorId: organiser.id });
		expect(audit[0].data).toMatchObject({ slug: 'improvement-cup-2028', departmentIds: [] });
	});

	it('refuses a slug already in use as a field error, typed or derived', async () => {
		expect(await fieldErrorsOf(createCompetition(db, organiser, input()))).toEqual({ slug: ['taken'] });
		expect(await fieldErrorsOf(createCompetition(db, organiser, input({ name: 'Another cup', slug: 'improvement-cup-2028' })))).toEqual({
			slug: ['taken']
		});
	});

	it('refuses a window that closes before (or when) it opens', async () => {
		const opens = new Date('2028-03-01T08:00:00Z');
		expect(
			await fieldErrorsOf(
				createCompetition(
					db,
					organiser,
					input({ name: 'Backwards cup', submissionOpensAt: opens, submissionClosesAt: new Date(opens.getTime() - DAY) })
				)
			)
		).toEqual({
			closesAt: ['closes_before_opens']
		});
		expect(
			await fieldErrorsOf(
				createCompetition(db, organiser, input({ name: 'Instant cup', submissionOpensAt: opens, submissionClosesAt: opens }))
			)
		).toEqual({
			closesAt: ['closes_before_opens']
		});
	});

	it('refuses names, slugs and response days outside their rules', async () => {
		expect(await fieldErrorsOf(createCompetition(db, organiser, input({ name: 'Cu', responseDays: 91, slug: 'Bad Slug' })))).toEqual({
			name: ['too_short'],
			slug: ['slug_format'],
			responseDays: ['response_days_range']
		});
		expect(
			await fieldErrorsOf(createCompetition(db, organiser, input({ name: 'x'.repeat(121), callText: 'y'.repeat(10_001) })))
		).toMatchObject({ name: ['too_long'], callText: ['too_long'] });
		expect(
			await fieldErrorsOf(createCompetition(db, organiser, input({ name: 'Unknown departments cup', departmentIds: [depA.id, 999_999] })))
		).toEqual({ departmentId: ['unknown'] });
	});

	it('stores eligible departments and replaces them on update; none means every department', async () => {
		const created = await createCompetition(db, organiser, input({ name: 'Departments cup', departmentIds: [depB.id, depA.id, depA.id] }));
		const stored = async () =>
			(
				await db
					.selectFrom('competitionDepartment')
					.select('departmentId')
					.where('competitionId', '=', created.id)
					.orderBy('departmentId')
					.execute()
			).map((r) => r.departmentId);
		expect(await stored()).toEqual([depA.id, depB.id].sort((a, b) => a - b));
		await updateCompetition(db, organiser, created.id, input({ name: 'Departments cup', departmentIds: [depB.id] }));
		expect(await stored()).toEqual([depB.id]);
		await updateCompetition(db, organiser, created.id, input({ name: 'Departments cup', departmentIds: [] }));
		expect(await stored()).toEqual([]);
	});

	it('updates the settings, keeps its own slug, refuses another one taken, and audits the change', async () => {
		const created = await createCompetition(db, organiser, input({ name: 'Spring cup' }));
		const opens = new Date('2028-01-15T08:00:00Z');
		const closes = new Date('2028-03-31T20:00:00Z');
		await updateCompetition(
			db,
			organiser,
			created.id,
			input({
				name: 'Spring cup 2028',
				slug: 'spring-cup',
				submissionOpensAt: opens,
				submissionClosesAt: closes,
				responseDays: 14,
				preferOtherDepartmentMentor: false,
				callText: 'New call'
			})
		);
		const row = await db.selectFrom('competition').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			name: 'Spring cup 2028',
			slug: 'spring-cup',
			responseDays: 14,
			preferOtherDepartmentMentor: false,
			callText: 'New call'
		});
		expect(new Date(row.submissionOpensAt).toISOString()).toBe(opens.toISOString());
		expect(new Date(row.submissionClosesAt).toISOString()).toBe(closes.toISOString());
		await updateCompetition(db, organiser, created.id, input({ name: 'Spring cup 2028', slug: 'spring-cup' }));
		expect(
			await fieldErrorsOf(updateCompetition(db, organiser, created.id, input({ name: 'Spring cup 2028', slug: 'improvement-cup-2028' })))
		).toEqual({ slug: ['taken'] });
		const audit = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'competition')
			.where('objectId', '=', String(created.id))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['competition.create', 'competition.update', 'competition.update']);
	});

	it('reads the form in Amsterdam time and shows it back the same way', async () => {
		const parsed = competitionFormSchema.parse({
			name: 'Winter cup',
			opensAt: '2028-01-15T09:00',
			closesAt: '2028-07-01T17:30',
			responseDays: '10',
			preferOtherDepartmentMentor: 'on'
		});
		const created = await createCompetition(db, organiser, toCompetitionInput(parsed));
		const row = await db
			.selectFrom('competition')
			.select(['submissionOpensAt', 'submissionClosesAt'])
			.where('id', '=', created.id)
			.executeTakeFirstOrThrow();
		expect(new Date(row.submissionOpensAt).toISOString()).toBe('2028-01-15T08:00:00.000Z');
		expect(new Date(row.submissionClosesAt).toISOString()).toBe('2028-07-01T15:30:00.000Z');
		const edit = await getCompetitionForEdit(db, organiser, created.id);
		expect(edit.values).toMatchObject({
			opensAt: '2028-01-15T09:00',
			closesAt: '2028-07-01T17:30',
			departmentIds: [],
			preferOtherDepartmentMentor: true
		});
	});

	it('follows the status rule: forward one step, back to draft only before any submission', async () => {
		const created = await createCompetition(db, organiser, input({ name: 'Status cup' }));
		expect(await refusalOf(changeCompetitionStatus(db, organiser, created.id, 'judging'))).toEqual({
			code: 'status_not_allowed',
			status: 409
		});
		expect(await changeCompetitionStatus(db, organiser, created.id, 'open')).toEqual({ from: 'draft', to: 'open' });
		expect((await listOpenCalls(db)).map((c) => c.id)).toContain(created.id);
		expect(await changeCompetitionStatus(db, organiser, created.id, 'draft')).toEqual({ from: 'open', to: 'draft' });
		expect((await listOpenCalls(db)).map((c) => c.id)).not.toContain(created.id);
		await changeCompetitionStatus(db, organiser, created.id, 'open');
		await f.newIdea({ owner: employee, competitionId: created.id, status: 'submitted' });
		expect((await getCompetitionForEdit(db, organiser, created.id)).nextStatuses).toEqual(['judging']);
		expect(await refusalOf(changeCompetitionStatus(db, organiser, created.id, 'draft'))).toEqual({
			code: 'competition_has_ideas',
			status: 409
		});
		await changeCompetitionStatus(db, organiser, created.id, 'judging');
		await changeCompetitionStatus(db, organiser, created.id, 'closed');
		await changeCompetitionStatus(db, organiser, created.id, 'archived');
		expect(await refusalOf(changeCompetitionStatus(db, organiser, created.id, 'open'))).toEqual({
			code: 'status_not_allowed',
			status: 409
		});
		expect(await refusalOf(updateCompetition(db, organiser, created.id, input({ name: 'Status cup' })))).toEqual({
			code: 'competition_archived',
			status: 409
		});
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'data'])
			.where('action', '=', 'competition.status')
			.where('objectId', '=', String(created.id))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => (a.data as { status: { to: string } }).status.to)).toEqual([
			'open',
			'draft',
			'open',
			'judging',
			'closed',
			'archived'
		]);
	});

	it('lets two organisers racing on the same status change make it once', async () => {
		const created = await createCompetition(db, organiser, input({ name: 'Race cup' }));
		const results = await Promise.allSettled([
			changeCompetitionStatus(db, organiser, created.id, 'open'),
			changeCompetitionStatus(db, organiser, created.id, 'open')
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const audit = await db
			.selectFrom('auditLog')
			.select('id')
			.where('action', '=', 'competition.status')
			.where('objectId', '=', String(created.id))
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('answers anyone but an organiser as if the competition did not exist', async () => {
		const created = await createCompetition(db, organiser, input({ name: 'Private cup' }));
		for (const stranger of [employee, admin]) {
			expect(await refusalOf(createCompetition(db, stranger, input({ name: 'Sneaky cup' })))).toEqual({ code: 'not_found', status: 404 });
			expect(await refusalOf(updateCompetition(db, stranger, created.id, input({ name: 'Sneaky cup' })))).toEqual({
				code: 'not_found',
				status: 404
			});
			expect(await refusalOf(getCompetitionForEdit(db, stranger, created.id))).toEqual({ code: 'not_found', status: 404 });
			expect(await refusalOf(changeCompetitionStatus(db, stranger, created.id, 'open'))).toEqual({ code: 'not_found', status: 404 });
		}
		expect(await refusalOf(getCompetitionForEdit(db, organiser, 999_999))).toEqual({ code: 'not_found', status: 404 });
		expect(await db.selectFrom('competition').select('id').where('name', '=', 'Sneaky cup').execute()).toEqual([]);
	});
});
