import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * Issue 15, programme insight: the organiser opens the dashboards, filters one department and
 * downloads the Excel; a department manager sees only her own department (and never the
 * juries); an employee reads the company summary; the filters work without JavaScript; the
 * dashboards fit a 1280 px screen and a 390 px phone (screenshots in test-results).
 */

const charts = (page: Page) => page.locator('main svg[role="img"]');

/** No sideways scrolling: the page is not wider than the window. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll, 'the page fits the window').toBeLessThanOrEqual(client + 1);
}

async function departmentId(page: Page, name: string): Promise<string> {
	const value = await page.locator('#insight-department option', { hasText: name }).first().getAttribute('value');
	expect(value, `${name} is in the department filter`).toBeTruthy();
	return value!;
}

test.describe('programme insight', () => {
	test('the organiser filters a department, reads every dashboard and downloads the Excel', async ({ page }) => {
		await signInAs(page, 'Ruud van Dijk');
		await page
			.getByRole('navigation', { name: /Main|Hoofdmenu/ })
			.getByRole('link', { name: 'Insight' })
			.first()
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Programme insight' })).toBeVisible();
		await expect(page.getByTestId('insight-print')).toBeVisible();
		const tabs = page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link');
		await expect(tabs).toHaveText(['Summary', 'Participation', 'Flow', 'Mentoring', 'Juries', 'Results']);
		expect(await charts(page).count()).toBeGreaterThan(0);

		await tabs.filter({ hasText: 'Participation' }).click();
		await expect(page).toHaveURL(/\/insight\/participation/);
		const logistics = await departmentId(page, 'Logistics');
		await page.locator('#insight-department').selectOption(logistics);
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(new RegExp(`department=${logistics}`));
		await expect(page.locator('#insight-department')).toHaveValue(logistics);
		expect(await charts(page).count()).toBeGreaterThan(1);
		// Each chart has a title and a description, and its numbers as a table behind a toggle.
		const first = charts(page).first();
		await expect(first.locator(':scope > title')).not.toHaveText('');
		await expect(first.locator(':scope > desc')).not.toHaveText('');
		const toggle = page.locator('main details').first();
		await toggle.locator('summary').click();
		await expect(toggle.locator('table')).toBeVisible();
		await expectAccessibleNow(page);

		// The filter travels with the tabs.
		await tabs.filter({ hasText: 'Flow' }).click();
		await expect(page).toHaveURL(new RegExp(`/insight/flow\\?.*department=${logistics}`));
		expect(await charts(page).count()).toBeGreaterThan(0);

		// The whole dashboard as Excel: an About sheet naming the filters, then one sheet per chart.
		await tabs.filter({ hasText: 'Participation' }).click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('insight-excel').click()]);
		expect(download.suggestedFilename()).toMatch(/^ideacup-participation-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const book = new ExcelJS.Workbook();
		const file: string | null = await download.path();
		expect(file, 'the download is saved').toBeTruthy();
		await book.xlsx.load(new Uint8Array(readFileSync(String(file))).buffer);
		const names = book.worksheets.map((s) => s.name);
		expect(names.length).toBeGreaterThan(2);
		const about = book.worksheets[0];
		const aboutText: string[] = [];
		about.eachRow((row) => row.eachCell((cell) => aboutText.push(cell.text)));
		expect(aboutText.join(' ')).toContain('Logistics');
		// One chart's data as CSV, from the link under it.
		const csvLink = page.getByRole('link', { name: /CSV/ }).first();
		const csv = await page.request.get((await csvLink.getAttribute('href'))!);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');

		// The juries dashboard: every juror's leniency and agreement, for organisers only.
		await tabs.filter({ hasText: 'Juries' }).click();
		await expect(page).toHaveURL(/\/insight\/juries/);
		expect(await charts(page).count()).toBeGreaterThan(0);

		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
			for (const path of ['/insight', `/insight/participation?department=${logistics}`, '/insight/juries']) {
				await page.goto(path);
				await expect(page.locator('main svg[role="img"]:visible').first()).toBeVisible();
				await expectNoSidewaysScroll(page);
				const name = path.split('?')[0].replace(/\W+/g, '-').replace(/^-|-$/g, '');
				await page.screenshot({ path: `test-results/insight/${name}-${width}.png`, fullPage: true });
			}
		}
	});

	test('a department manager sees her own department, never another one or the juries', async ({ page }) => {
		await signInAs(page, 'Marieke Visser');
		await page.goto('/insight/participation');
		const tabs = page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link');
		await expect(tabs).toHaveText(['Summary', 'Participation', 'Flow', 'Mentoring', 'Results']);
		const options = await page.locator('#insight-department option').allTextContents();
		expect(options).toEqual(['All my departments', 'Build Operations']);
		expect(await charts(page).count()).toBeGreaterThan(0);

		// Another department by URL: refused beside the field, her own shown instead.
		await page.goto('/insight/participation?department=999999');
		await expect(page.locator('#insight-department-error')).toBeVisible();
		await expect(page.locator('#insight-department')).toHaveValue('');

		for (const path of ['/insight/juries', '/insight/export?dashboard=juries&format=xlsx']) {
			expect((await page.request.get(path)).status(), path).toBe(404);
		}
	});

	test('an employee reads the company summary and nothing more', async ({ page }) => {
		await signInAs(page, 'Sanne Bakker');
		await page.goto('/insight');
		await expect(page.getByRole('heading', { level: 1, name: 'Programme insight' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Dashboards' })).toHaveCount(0);
		await expect(page.locator('#insight-department')).toHaveCount(0);
		expect(await charts(page).count()).toBeGreaterThan(0);
		for (const path of ['/insight/participation', '/insight/flow', '/insight/mentoring', '/insight/juries', '/insight/results']) {
			expect((await page.request.get(path)).status(), path).toBe(404);
		}
		expect((await page.request.get('/insight/export?dashboard=summary&format=csv&chart=nope')).status()).toBe(404);
	});

	test('the filters work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signInAs(page, 'Ruud van Dijk');
		await page.goto('/insight/results');
		// No print button that would do nothing: the browser's own Print prints the same A4 layout.
		await expect(page.getByTestId('insight-print')).toHaveCount(0);
		const engineering = await departmentId(page, 'Engineering');
		await page.locator('#insight-department').selectOption(engineering);
		await page.locator('#insight-from').fill('2020-01-01');
		await page.locator('#insight-to').fill('2019-01-01');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(new RegExp(`department=${engineering}`));
		await expect(page.locator('#insight-to-error')).toContainText('before the start date');
		await expect(page.locator('#insight-from')).toHaveValue('2020-01-01');
		expect(await charts(page).count()).toBeGreaterThan(0);
		await context.close();
	});
});
