/**
 * Who may make which department's QR posters: organisers any, a department's management
 * team theirs, a team leader their own; anyone else sees no poster page, and nothing is built
 * for a department they may not choose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '$lib/server/db/index.js';
import { loadSessionUser, type SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { buildPosterPdf, buildPosterPng, getPosterChoices, postersLinkShown, previewPosters } from '$lib/server/posters/posters.service.js';
import { quickIdeaUrl } from '$lib/server/posters/poster-builder.js';
import { factories } from '../fixtures/factories.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;
let assembly: { id: number };
let logistics: { id: number };
let lab: { id: number };
let retired: { id: number };
let organiser: SessionUser;
let mtMember: SessionUser;
let teamLeader: SessionUser;
let employee: SessionUser;
const origin = 'https://ideas.example.com';

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	assembly = await f.newDepartment('ASM');
	logistics = await f.newDepartment('LOG');
	lab = await f.newDepartment('LAB');
	retired = await f.newDepartment('OLD');
	await db.updateTable('department').set({ retiredAt: new Date() }).where('id', '=', retired.id).execute();
	organiser = await f.newUser({ departmentId: lab.id, roles: ['organiser'] });
	mtMember = await f.newUser({ departmentId: lab.id });
	await db.insertInto('departmentMtMember').values({ userId: mtMember.id, departmentId: logistics.id }).execute();
	teamLeader = await f.newUser({ departmentId: assembly.id });
	employee = await f.newUser({ departmentId: assembly.id });
	await db.updateTable('appUser').set({ managerId: teamLeader.id }).where('id', '=', employee.id).execute();
	// as a request would: the session reads the management-team seat and the reports afresh
	mtMember = (await loadSessionUser(db, mtMember.id))!;
	teamLeader = (await loadSessionUser(db, teamLeader.id))!;
});

afterAll(async () => {
	await testDb?.close();
});

const ids = (departments: { id: number }[]) => departments.map((d) => d.id).sort((a, b) => a - b);

describe('who may make posters for which department', () => {
	it('organisers choose every department still in use', async () => {
		const { departments } = await getPosterChoices(db, organiser);
		expect(ids(departments)).toEqual(ids([assembly, logistics, lab]));
	});

	it('a management team member chooses the departments they manage, in one statement (their seats come with the session)', async () => {
		const tally = newTally();
		const { departments } = await countStatements(tally, () => getPosterChoices(db, mtMember));
		expect(ids(departments)).toEqual([logistics.id]);
		expect(tally.statements).toBe(1);
	});

	it('a team leader chooses their own department', async () => {
		expect(ids((await getPosterChoices(db, teamLeader)).departments)).toEqual([assembly.id]);
	});

	it('anyone else gets not-found', async () => {
		await expect(getPosterChoices(db, employee)).rejects.toMatchObject({ status: 404 });
	});

	it('builds nothing for a department they may not choose, or a retired one', async () => {
		const input = { departmentId: assembly.id, places: ['Line 1'], lang: 'en' as const };
		await expect(buildPosterPdf(db, mtMember, origin, input)).rejects.toMatchObject({ status: 404 });
		await expect(buildPosterPng(db, mtMember, origin, { departmentId: assembly.id, place: '' })).rejects.toMatchObject({ status: 404 });
		await expect(previewPosters(db, employee, origin, input)).rejects.toMatchObject({ status: 404 });
		await expect(buildPosterPdf(db, organiser, origin, { ...input, departmentId: retired.id })).rejects.toMatchObject({ status: 404 });
	});

	it("links the department page to posters without a statement (the page's budget is spent): the facts come with the session", () => {
		expect(postersLinkShown(organiser, assembly.id)).toBe(true);
		expect(postersLinkShown(teamLeader, assembly.id)).toBe(true);
		expect(postersLinkShown(teamLeader, logistics.id)).toBe(false);
		expect(postersLinkShown(mtMember, logistics.id)).toBe(true);
		expect(postersLinkShown(employee, assembly.id)).toBe(false);
	});
});

describe('the posters built', () => {
	it('a PDF with one page per place, in one statement', async () => {
		const tally = newTally();
		const { bytes, fileName } = await countStatements(tally, () =>
			buildPosterPdf(db, teamLeader, origin, { departmentId: assembly.id, places: ['Line 1', 'Line 2'], lang: 'nl' })
		);
		expect(tally.statements).toBe(1);
		expect(fileName).toMatch(/\.pdf$/);
		expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
	});

	it('a preview of each place with the address its code opens', async () => {
		const preview = await previewPosters(db, mtMember, origin, { departmentId: logistics.id, places: [], lang: 'en' });
		expect(preview.places).toEqual([{ place: '', url: quickIdeaUrl(origin, logistics.id, '') }]);
	});

	it('a PNG of the code', async () => {
		const { bytes } = await buildPosterPng(db, organiser, origin, { departmentId: lab.id, place: 'Bench 4' });
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	});
});
