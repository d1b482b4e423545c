import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Issue 12: at most five SQL statements for every page (reads and writes; BEGIN, COMMIT and
 * SET are counted apart). The e2e server runs with STATEMENT_TIMING=1, so each response says
 * its count in `Server-Timing: db;desc="statements=N control=M"`. Each persona visits the
 * pages of their navigation and the idea pages they reach from there.

 */
const BUDGET = 5;

type Line = { persona: string; path: string; route: string; statements: number; control: number };
const table: Line[] = [];

/** The route a path belongs to, with its ids as parameters: `/ideas/14/edit` is `/ideas/[ideaId]/edit`. */
function routeOf(path: string): string {
	const bare = path.split('?')[0];
	return bare
		.replace(/^\/ideas\/\d+/, '/ideas/[ideaId]')
		.replace(/^\/departments\/\d+/, '/departments/[departmentId]')
		.replace(/^\/organise\/competitions\/\d+/, '/organise/competitions/[competitionId]')
		.replace(/^\/sessions\/\d+/, '/sessions/[sessionId]')
		.replace(/^\/instructions\/reports\/\d+/, '/instructions/reports/[reportId]')
		.replace(/^\/instructions\/\d+\/steps\/\d+/, '/instructions/[instructionId]/steps/[stepId]')
		.replace(/^\/instructions\/\d+/, '/instructions/[instructionId]')
		.replace(/^\/kb\/\d+/, '/kb/[entryId]')
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
		expect.soft(statements, `${persona} ${path}: statements`).toBeLessThanOrEqual(BUDGET);
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

/** The first link matching `pattern` on any of the pages `from`, or null when none has one. */
async function someLink(page: Page, from: string[], pattern: RegExp): Promise<string | null> {
	for (const path of from) {
		const found = pattern.exec(await (await page.request.get(path)).text());
		if (found) return found[1];
	}
	return null;
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
		const feedback = await someLink(page, ideas, /href="(\/ideas\/\d+\/feedback)"/);
		const pitch = await someLink(page, ideas, /href="(\/ideas\/\d+\/pitch)"/);
		// the slot's invitation, when the idea has a slot (the pitch page links it then)
		const invite = pitch ? await someLink(page, [pitch], /href="(\/ideas\/\d+\/pitch\.ics)"/) : null;
		const entry = await firstLink(page, '/kb', /href="(\/kb\/\d+)"/);
		// issue 16: the wall, an idea's support page, the one-minute idea
		const support = await firstLink(page, '/wall?sort=supported', /href="(\/ideas\/\d+\/support)[?"]/);
		// issue 17: a work instruction on an entry, a report on one of its steps, a search through the glossary
		const torque = await firstLink(page, '/kb?q=torque', /href="(\/kb\/\d+)"/);
		const instruction = await firstLink(page, torque, /href="(\/instructions\/\d+)"/);
		const reportForm = await firstLink(page, instruction, /href="(\/instructions\/\d+\/steps\/\d+\/report)"/);
		await measure(page, 'employee', [
			instruction,
			`${instruction}?version=1`,
			reportForm,
			'/instructions/reports',
			'/kb?q=momentsleutel',
			'/kb?q=werkinstructie%20kalibratie',
			'/wall',
			'/wall?sort=supported&stage=published',
			'/wall?q=torque&page=2',
			support,
			'/ideas/quick',
			'/ideas/quick?department=1&place=Line%203',
			'/',
			'/kb',
			'/kb?q=torque',
			'/kb?q=torqe',
			'/kb?sort=adopted',
			entry,
			...(feedback ? [feedback] : []),
			...(pitch ? [pitch] : []),
			...(invite ? [invite] : []),
			'/ideas',
			'/ideas/new',
			...ideas,
			returned,
			'/notifications',
			'/settings/notifications',
			'/mentoring/profile',
			'/departments',
			'/departments/1',
			'/notifications?page=2',
			'/insight',
			'/insight?edition=all'
		]);
	});

	test('mentor', async ({ page }) => {
		await signInAs(page, 'Pieter de Groot');
		const coaching = await firstLink(page, '/mentoring', /href="(\/ideas\/\d+\/coaching)"/);
		// a report on a work instruction was passed to him (the demo)
		const passed = await firstLink(page, '/instructions/reports', /href="(\/instructions\/reports\/\d+)"/);
		await measure(page, 'mentor', ['/', '/mentoring', '/mentoring/profile', '/ideas', coaching, '/instructions/reports', passed]);
	});

	test('instruction owner', async ({ page }) => {
		await signInAs(page, 'Dennis Koster');
		const torque = await firstLink(page, '/kb?q=torque', /href="(\/kb\/\d+)"/);
		const instruction = await firstLink(page, torque, /href="(\/instructions\/\d+)"/);
		const report = await firstLink(page, '/instructions/reports', /href="(\/instructions\/reports\/\d+)"/);
		await measure(page, 'owner', [torque, instruction, `${instruction}/edit`, `${instruction}/settings`, '/instructions/reports', report]);
	});

	test('jurors', async ({ page }) => {
		await signInAs(page, 'Marieke Visser');
		const sheet = await firstLink(page, '/jury', /href="(\/jury\/\d+\/\d+)"/);
		await measure(page, 'juror', ['/', '/ideas', '/jury', sheet]);
		// Marieke sits on Build Operations' management team: her department's dashboards
		await measure(page, 'department manager', [
			'/posters',
			'/insight',
			'/insight/participation',
			'/insight/flow',
			'/insight/mentoring',
			'/insight/results',
			'/insight/participation?edition=all'
		]);
		await page.context().clearCookies();
		await signInAs(page, 'Hans Mulder');
		await measure(page, 'juror', ['/', '/jury']);
	});

	test('organiser', async ({ page }) => {
		await signInAs(page, 'Ruud van Dijk');
		const listed = await ideaLinks(page, '/organise/ideas', 3);
		const waiting = await ideaLinks(page, '/organise/screening', 2);
		const competition = await firstLink(page, '/organise/competitions', /href="(\/organise\/competitions\/\d+)"/);
		const competitions = [
			...(await (await page.request.get('/organise/competitions')).text()).matchAll(/href="(\/organise\/competitions\/\d+)"/g)
		].map((m) => m[1]);
		const round = await someLink(page, competitions, /href="(\/organise\/competitions\/\d+\/rounds\/\d+)"/);
		expect(round, 'a competition with a round').not.toBeNull();
		const implemented = await ideaLinks(page, '/organise/ideas?status=implemented', 2);
		const implementation = await someLink(page, [...implemented, ...listed], /href="(\/ideas\/\d+\/implementation)"/);
		await measure(page, 'organiser', [
			'/organise/glossary',
			'/organise/glossary?q=torque',
			'/organise/glossary/export.csv',
			'/instructions/reports',
			'/wall',
			'/wall?stage=screening&sort=followed',
			'/posters',
			round!,
			'/kb/pending',
			...(implementation ? [implementation] : []),
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
			'/departments/1',
			// programme insight: every dashboard, one edition and all, and a whole-dashboard export
			'/insight',
			'/insight/participation',
			'/insight/flow',
			'/insight/mentoring',
			'/insight/juries',
			'/insight/results',
			'/insight/juries?edition=all',
			'/insight/flow?edition=all&department=2',
			'/insight/export?dashboard=participation&format=xlsx'
		]);

		// Pitch day: a round's sessions, a session's planner, its printouts and live screen; then
		// the same session's live screen and booklet for one of its jurors.
		const rounds = [
			...new Set(
				(await Promise.all(competitions.map(async (c) => (await page.request.get(c)).text()))).flatMap((html) =>
					[...html.matchAll(/href="(\/organise\/competitions\/\d+\/rounds\/\d+)"/g)].map((m) => m[1])
				)
			)
		];
		const sessions = await someLink(
			page,
			rounds.map((r) => `${r}/sessions`),
			/href="(\/organise\/competitions\/\d+\/rounds\/\d+\/sessions)\/\d+"/
		);
		expect(sessions, 'a round with pitch sessions').not.toBeNull();
		const planner = await firstLink(page, sessions!, /href="(\/organise\/competitions\/\d+\/rounds\/\d+\/sessions\/\d+)"/);
		const session = `/sessions/${/(\d+)$/.exec(planner)![1]}`;
		await measure(page, 'organiser', [sessions!, planner, `${session}/agenda`, `${session}/booklet`, session]);
		// the first jury on the sessions page is Build Operations', where Marieke Visser sits
		await page.context().clearCookies();
		await signInAs(page, 'Marieke Visser');
		await measure(page, 'juror', [session, `${session}/booklet`]);
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
			'/admin/audit/export.csv',
			'/admin/mail',
			'/admin/jobs'
		]);
	});
});
