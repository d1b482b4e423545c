import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * The ideas wall, end to end on the demo: a colleague of Logistics finds a public idea of
 * another department (its call closed), supports it for Logistics, and Logistics appears as
 * a suggested department for its roll-out on the idea page; with and without JavaScript.
 * (The lead moves this journey into every-voice.spec.ts.)
 */

const FIBRE_CAPS = 'Dust caps and cleaning pens for fibre connectors on the test racks';
const FPY = 'Daily first-pass yield dashboard per module type';

async function filterByDepartment(page: Page, department: string) {
	await page.goto('/wall');
	await expect(page.getByRole('heading', { level: 1, name: 'Ideas wall' })).toBeVisible();
	await page.getByLabel('Department').selectOption({ label: department });
	await page.getByRole('button', { name: 'Show ideas' }).click();
	await expect(page).toHaveURL(/department=\d+/);
}

const card = (page: Page, title: string) => page.getByTestId('wall-card').filter({ has: page.getByRole('link', { name: title }) });

test.describe('ideas wall with JavaScript', () => {
	test('a Logistics colleague filters, supports an idea of Test & Calibration for Logistics, follows it, and sees Logistics suggested on the idea page', async ({
		page
	}) => {
		await signInAs(page, 'Priya Ramdin');
		await filterByDepartment(page, 'Test & Calibration');
		// only ideas of Test & Calibration, and among them the public one
		const fibre = card(page, FIBRE_CAPS);
		await expect(fibre).toBeVisible();
		await expect(fibre).toContainText('Test & Calibration');
		await expect(fibre.getByTestId('support-count')).toHaveText('2 supporters');
		for (const text of await page.getByTestId('wall-card').allInnerTexts()) expect(text).toContain('Test & Calibration');

		// "Support with a department" opens the choice; Logistics is preselected (her own department)
		await fibre.getByRole('link', { name: 'Support with a department' }).click();
		await expect(page).toHaveURL(/\/support\?returnTo=/);
		const choice = page.getByLabel('This would help us too in');
		await expect(choice.locator('option:checked')).toHaveText('Logistics');
		await expect(choice.locator('option', { hasText: 'Test & Calibration' })).toHaveCount(0);
		await page.getByRole('button', { name: 'Support', exact: true }).click();

		// back on the wall, filtered as before: the count went up, the card says so
		await expect(page).toHaveURL(/\/wall\?.*department=\d+/);
		const after = card(page, FIBRE_CAPS);
		await expect(after.getByTestId('support-count')).toHaveText('3 supporters');
		await expect(after).toContainText('You support this idea: it would help Logistics too.');

		// follow it from the card
		await after.getByRole('button', { name: 'Follow' }).click();
		await expect(after.getByRole('button', { name: 'Unfollow' })).toBeVisible();
		await expect(after).toContainText('You follow this idea');

		// the idea page shows Logistics as a suggested department for the roll-out
		await after.getByRole('link', { name: FIBRE_CAPS }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIBRE_CAPS);
		await expect(page.getByTestId('suggested-rollout')).toContainText('Logistics (1 supporter)');
		await expect(page.getByRole('button', { name: 'Withdraw support' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
	});

	test('axe passes on the wall at 1280 and 390 px', async ({ page }) => {
		await signInAs(page, 'Priya Ramdin');
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/wall');
			await expect(page.getByTestId('wall-card').first()).toBeVisible();
			await expectAccessibleNow(page);
		}
		// an empty result says what to try
		await page.goto('/wall?q=nothing-like-this-anywhere');
		await expect(page.getByTestId('wall-empty')).toBeVisible();
		await expectAccessibleNow(page);
	});
});

test.describe('ideas wall without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a Logistics colleague supports an idea of Engineering for Logistics and follows it with plain forms', async ({ page }) => {
		await signInAs(page, 'Wouter Huisman');
		await filterByDepartment(page, 'Engineering');
		const fpy = card(page, FPY);
		await expect(fpy).toBeVisible();
		await fpy.getByRole('link', { name: 'Support with a department' }).click();
		// his own department's idea cannot be named: choosing Engineering is not offered
		const choice = page.getByLabel('This would help us too in');
		await expect(choice.locator('option', { hasText: 'Engineering' })).toHaveCount(0);
		await choice.selectOption({ label: 'Logistics' });
		await page.getByRole('button', { name: 'Support', exact: true }).click();
		await expect(page).toHaveURL(/\/wall\?.*department=\d+/);
		const after = card(page, FPY);
		await expect(after).toContainText('You support this idea: it would help Logistics too.');
		await after.getByRole('button', { name: 'Follow' }).click();
		await expect(page).toHaveURL(/\/wall\?.*department=\d+/);
		await expect(card(page, FPY).getByRole('button', { name: 'Unfollow' })).toBeVisible();

		await page.goto('/wall');
		await card(page, FPY).getByRole('link', { name: FPY }).click();
		await expect(page.getByTestId('suggested-rollout')).toContainText('Logistics (1 supporter)');
		// changing his mind on the idea page: withdraw, and the idea page comes back without it
		await page.getByRole('button', { name: 'Withdraw support' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(FPY);
		await expect(page.getByTestId('suggested-rollout')).not.toContainText('Logistics');
	});
});

test.describe('ideas wall statements', () => {
	test('the wall and the support page stay within five statements (the session included)', async ({ page }) => {
		await signInAs(page, 'Priya Ramdin');
		const html = await (await page.request.get('/wall')).text();
		const ideaId = /href="\/ideas\/(\d+)"/.exec(html)?.[1];
		expect(ideaId).toBeTruthy();
		const counted: string[] = [];
		for (const path of [
			'/wall',
			'/wall?sort=supported&stage=awarded',
			'/wall?sort=followed&page=2',
			'/wall?q=kanban',
			`/ideas/${ideaId}/support`
		]) {
			const response = await page.request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(200);
			const timing = /statements=(\d+)/.exec(response.headers()['server-timing'] ?? '');
			expect(timing, `${path}: Server-Timing (STATEMENT_TIMING=1)`).not.toBeNull();
			expect(Number(timing![1]), path).toBeLessThanOrEqual(5);
			counted.push(`${path}: ${timing![1]}`);
		}
		test.info().annotations.push({ type: 'statements', description: counted.join(', ') });
	});
});
