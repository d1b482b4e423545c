/**
 * Pitch day's printouts and the team's side (issue 14), on the demo: the Build Operations MT's
 * first semi-final session (seeded, published: seven pitches and a coffee break).
 * - The organiser opens its agenda and jury booklet; the booklet prints on A4 without the
 *   portal's header and its Print button, a page per idea (page.pdf: several pages).
 * - A juror of that MT (Marieke Visser) opens the booklet; a juror of another MT and a
 *   colleague get "not found".
 * - A team member of an Environment, Health & Safety idea (session still to come) adds a time
 *   the team cannot present in a browser without JavaScript (a wrong range first: the message
 *   beside the field, the typed values kept), and downloads the .ics of the slot (DTSTART is
 *   the slot's time).
 * Runs before pitch-day.spec.ts and pitch-planning.spec.ts and changes nothing they read.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { amsterdamLocal, expectAccessibleNow, signInAs } from './helpers';

const JURY = 'Build Operations MT';
const TEAM_MEMBER = 'Marcel Smeets';
const TEAM_IDEA = 'Bijna-ongevallen melden met een QR-code op de werkplek';

/** The seeded sessions are the first ids; the organiser finds the first one of `jury` by its agenda's heading. */
async function findSession(page: Page, jury: string): Promise<number> {
	for (let id = 1; id <= 30; id++) {
		const response = await page.goto(`/sessions/${id}/agenda`);
		if (response?.status() !== 200) continue;
		const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
		if (heading.includes(jury)) return id;
	}
	throw new Error(`no session of ${jury}`);
}

/** At most five statements per page or action (issue 12): the e2e server says its count in Server-Timing. */
const BUDGET = 5;
function statementsIn(serverTiming: string | undefined): number {
	const m = /statements=(\d+)/.exec(serverTiming ?? '');
	expect(m, 'Server-Timing names the statements (STATEMENT_TIMING=1)').not.toBeNull();
	return Number(m![1]);
}
async function statementsOf(page: Page, path: string): Promise<number> {
	const response = await page.request.get(path, { maxRedirects: 0 });
	expect(response.status(), path).toBe(200);
	const n = statementsIn(response.headers()['server-timing']);
	test.info().annotations.push({ type: 'statements', description: `${path}: ${n}` });
	return n;
}

/** "09:00" in Amsterdam for an ICS UTC time like 20261208T080000Z. */
function amsterdamTimeOf(icsUtc: string): string {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(icsUtc)!;
	const instant = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
	return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
		instant
	);
}

test('the organiser opens the agenda and the jury booklet, and the booklet prints to a PDF of several A4 pages', async ({ page }) => {
	test.setTimeout(150_000);
	await signInAs(page, 'Ruud van Dijk');
	const sessionId = await findSession(page, JURY);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agenda: ${JURY}`);
	await expect(page.getByText('Building 7, room 7.021 (MT room)')).toBeVisible();
	await expect(page.getByTestId('jury-members')).toContainText('Jeroen Willems (chair)');
	const agenda = page.getByTestId('agenda');
	await expect(agenda.locator('tbody tr')).toHaveCount(8);
	await expect(page.getByTestId('agenda-break')).toHaveCount(1);
	await expect(page.getByTestId('agenda-break')).toContainText('Break');
	await expect(agenda.locator('tbody tr').first()).toContainText('09:00–09:30');
	await expect(page.getByTestId('draft-note')).toHaveCount(0);
	await expectAccessibleNow(page);
	expect(await statementsOf(page, `/sessions/${sessionId}/agenda`)).toBeLessThanOrEqual(BUDGET);
	expect(await statementsOf(page, `/sessions/${sessionId}/booklet`)).toBeLessThanOrEqual(BUDGET);

	await page.getByRole('link', { name: 'Jury booklet' }).click();
	await page.waitForURL(`**/sessions/${sessionId}/booklet`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jury booklet: ${JURY}`);
	await expect(page.getByTestId('booklet-idea')).toHaveCount(7);
	const firstIdea = page.getByTestId('booklet-idea').first();
	await expect(firstIdea.getByRole('heading', { level: 3, name: 'Problem' })).toBeVisible();
	await expect(firstIdea.getByTestId('readiness')).not.toBeEmpty();
	const criteria = page.getByTestId('booklet-criteria');
	await expect(criteria.getByRole('heading', { level: 2, name: 'Criteria' })).toBeVisible();
	await expect(criteria.locator('h3').first()).toContainText(/weight \d+(\.\d)?% · scale \d+–\d+/);
	await expect(criteria.locator('table').first().locator('tr').first()).toBeVisible();
	await expectAccessibleNow(page);

	// In print: no portal header, no Print button.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('print-button')).toBeHidden();
	await expect(page.locator('body > div > div > header')).toBeHidden();
	await page.screenshot({ path: 'test-results/pitch-booklet-print.png', fullPage: true });

	// page.pdf() prints with the media emulated now: print, as a browser's "Save as PDF" does.
	const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/pitch-booklet.pdf', pdf);
	// The page tree's /Count (Chromium may keep the page objects in compressed streams).
	const pages = Math.max(
		0,
		...[...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) =>
			Number(m[1] ?? m[2])
		)
	);
	expect(pdf.byteLength).toBeGreaterThan(20_000);
	// The agenda, a page per idea (7), the criteria: at least 9 pages.
	expect(pages).toBeGreaterThanOrEqual(9);
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByTestId('print-button')).toBeVisible();
});

test("a juror of the session's jury opens the booklet; another MT's juror and a colleague get not found", async ({ browser }) => {
	test.setTimeout(120_000);
	const juror = await browser.newContext();
	const jurorPage = await juror.newPage();
	await signInAs(jurorPage, 'Marieke Visser');
	// Her MT's published sessions open for her (another jury's answer "not found").
	const sessionId = await findSession(jurorPage, JURY);
	await jurorPage.goto(`/sessions/${sessionId}/booklet`);
	await expect(jurorPage.getByRole('heading', { level: 1 })).toHaveText(`Jury booklet: ${JURY}`);
	await expect(jurorPage.getByTestId('booklet-idea')).toHaveCount(7);
	await expect(jurorPage.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/jury');
	await juror.close();

	for (const name of ['Hans Mulder', 'Sanne Bakker']) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInAs(page, name);
		for (const path of [`/sessions/${sessionId}/booklet`, `/sessions/${sessionId}/agenda`]) {
			const response = await page.goto(path);
			expect(response?.status(), `${name} on ${path}`).toBe(404);
		}
		await context.close();
	}
});

test("the team's page works on a phone with JavaScript: a refused range shows beside its field, and the page is accessible", async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signInAs(page, TEAM_MEMBER);
	await page.goto('/ideas');
	await page.getByRole('link', { name: TEAM_IDEA }).first().click();
	await page.getByTestId('pitch-link').click();
	await page.waitForURL(/\/ideas\/\d+\/pitch$/);
	await page.getByLabel('From').fill(amsterdamLocal(25));
	await page.getByLabel('Until').fill(amsterdamLocal(41));
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.locator('#endsAt-error')).toHaveText('At most 14 days at a time. For longer, talk to the organiser.');
	await expect(page.getByLabel('Until')).toHaveValue(amsterdamLocal(41));
	await expectAccessibleNow(page);
	await page.screenshot({ path: 'test-results/pitch-team-phone.png', fullPage: true });
});

test.describe('the team, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('adds a time the team cannot present (a wrong range first), and downloads the slot for its calendar', async ({ page }) => {
		test.setTimeout(120_000);
		await signInAs(page, TEAM_MEMBER);
		await page.goto('/ideas');
		await page.getByRole('link', { name: TEAM_IDEA }).first().click();
		await page.getByTestId('pitch-link').click();
		await page.waitForURL(/\/ideas\/\d+\/pitch$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pitch day');
		const slot = page.getByTestId('pitch-slot');
		await expect(slot).toHaveCount(1);
		await expect(slot).toContainText('Environment, Health & Safety MT');
		await expect(slot).toContainText('10 minutes pitch, 10 minutes questions');
		const pitchPath = new URL(page.url()).pathname;
		expect(await statementsOf(page, pitchPath)).toBeLessThanOrEqual(BUDGET);
		expect(await statementsOf(page, `${pitchPath}.ics`)).toBeLessThanOrEqual(BUDGET);

		// "Until" before "from": the message beside the field, what was typed kept, nothing saved.
		const from = amsterdamLocal(20);
		const until = amsterdamLocal(19);
		await page.getByLabel('From').fill(from);
		await page.getByLabel('Until').fill(until);
		await page.getByLabel('Note (optional)').fill('Training day in Veldhoven');
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(page.locator('#endsAt-error')).toHaveText('"Until" must be after "from".');
		await expect(page.getByLabel('From')).toHaveValue(from);
		await expect(page.getByLabel('Note (optional)')).toHaveValue('Training day in Veldhoven');
		await expect(page.getByTestId('unavailable-list')).not.toContainText('Training day in Veldhoven');

		await page.getByLabel('Until').fill(amsterdamLocal(20.25));
		const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/pitch?/add'));
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		// The action and the page it answers with, in one request (no JavaScript).
		const added = statementsIn((await posted).headers()['server-timing']);
		test.info().annotations.push({ type: 'statements', description: `POST ${pitchPath}?/add: ${added}` });
		expect(added).toBeLessThanOrEqual(BUDGET);
		await expect(page.getByText('Saved. The organiser plans around it.')).toBeVisible();
		await expect(page.getByTestId('unavailable-list')).toContainText('Training day in Veldhoven');

		// The slot for the team's own calendar.
		const href = await page.getByTestId('ics-link').getAttribute('href');
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('text/calendar');
		const ics = (await response.text()).replace(/\r\n /g, '');
		expect(ics).toContain('METHOD:PUBLISH');
		const start = /DTSTART:(\d{8}T\d{6}Z)/.exec(ics)?.[1];
		expect(start).toBeDefined();
		await expect(page.getByTestId('slot-when')).toContainText(amsterdamTimeOf(start!));
		expect(ics).toMatch(/SUMMARY:Pitch: Bijna-ongevallen/);
	});
});
