import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * On a phone (390 px wide) the work pages fit the screen: nothing wider than the page, and
 * what a person comes for in view without scrolling sideways: the screening queue's waiting
 * time, the juror's "My sheet". Tables stack into one card per row below the sm breakpoint.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const WIDTH = 390;

async function expectFitsThePhone(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

/** Visible, and inside the screen's width: not cut off or pushed right inside a scrolling table. */
async function expectOnScreen(cell: Locator) {
	await expect(cell).toBeVisible();
	const box = (await cell.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
}

async function shot(page: Page, name: string) {
	await page.screenshot({ path: `test-results/phone-${name}.png`, fullPage: true });
}

test('the screening queue fits the phone and shows how long each idea waits', async ({ page }) => {
	await signInAs(page, 'Ruud van Dijk');
	await page.goto('/organise/screening');
	const rows = page.getByTestId('screening-queue').locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	await expectFitsThePhone(page);
	for (const i of [0, 1]) {
		const waiting = rows.nth(i).locator('td').nth(4);
		await expect(waiting).toHaveText(/\d+ of \d+ working days?/);
		await expectOnScreen(waiting);
		await expectOnScreen(rows.nth(i).getByRole('link'));
	}
	await shot(page, 'screening');
});

test("the jury page fits the phone and shows the state of each of the juror's sheets", async ({ page }) => {
	await signInAs(page, 'Marieke Visser');
	await page.goto('/jury');
	const rows = page.locator('section[data-testid^="jury-round-"]').first().locator('table tbody tr');
	await expect(rows.first()).toBeVisible();
	await expectFitsThePhone(page);
	for (const i of [0, 1]) {
		const mySheet = rows.nth(i).locator('td').nth(2);
		await expect(mySheet).toHaveText(/Submitted|Draft|To score/);
		await expectOnScreen(mySheet);
	}
	await shot(page, 'jury');
});

test("an employee's own ideas on the home page fit the phone, with who holds each idea in view", async ({ page }) => {
	await signInAs(page, 'Sanne Bakker');
	const rows = page.getByTestId('my-ideas').locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	await expectFitsThePhone(page);
	for (const i of [0, 1]) {
		await expectOnScreen(rows.nth(i).getByRole('link'));
		await expectOnScreen(rows.nth(i).locator('td').nth(2));
	}
	await expect(rows.first().locator('td').nth(2)).toHaveAttribute('data-label', 'Who has it now');
	await shot(page, 'home-my-ideas');
});

for (const { person, pages } of [
	{ person: 'Esther Smit', pages: { audit: '/admin/audit', people: '/admin/users' } },
	{
		person: 'Ruud van Dijk',
		pages: { 'all-ideas': '/organise/ideas', competitions: '/organise/competitions', 'kb-pending': '/kb/pending' }
	}
]) {
	test(`the lists ${person} works with fit the phone`, async ({ page }) => {
		await signInAs(page, person);
		for (const [name, path] of Object.entries(pages)) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFitsThePhone(page);
			await shot(page, name);
		}
	});
}
