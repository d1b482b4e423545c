import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/** The idea form as a browser without JavaScript uses it: server-rendered defaults, plain posts. */
test.describe('the idea form without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the open call is chosen, "Find" keeps everything typed, and save and submit works', async ({ page }) => {
		await signInAs(page, 'Kevin Meijer');
		await page.goto('/ideas/new');
		const call = page.getByLabel('Competition');
		// The call open to the person's department is chosen on the server, not by a script.
		await expect(call.locator('option:checked')).not.toHaveText(/No competition/);
		const chosen = await call.inputValue();
		expect(chosen).not.toBe('');

		await page.getByLabel('Title').fill('Label the spare torque bits by size on the shadow board');
		await page
			.getByLabel('The problem today')
			.fill('Spare bits lie loose in one drawer; finding the right size takes minutes every shift.');
		await page
			.getByLabel('Your proposed improvement')
			.fill('A labelled strip per size on the shadow board, refilled weekly by the team leader.');

		// Find a colleague: the page comes back with the candidates and everything typed.
		await page.getByLabel('Find a colleague by name').fill('Anouk');
		await page.getByRole('button', { name: 'Find' }).click();
		await expect(page.getByLabel('Title')).toHaveValue('Label the spare torque bits by size on the shadow board');
		await expect(page.getByLabel('Competition')).toHaveValue(chosen);
		const candidate = page.getByRole('checkbox', { name: /Anouk Dekker/ });
		await expect(candidate).toBeVisible();
		await candidate.check();

		await page.getByRole('button', { name: 'Save and submit' }).click();
		await expect(page.getByTestId('status-meaning')).toContainText('Received');
		await expect(page.getByText('Anouk Dekker').first()).toBeVisible();
	});

	test('submitting a draft without a call says what is missing', async ({ page }) => {
		await signInAs(page, 'Kevin Meijer');
		await page.goto('/ideas/new');
		await page.getByLabel('Competition').selectOption({ label: 'No competition' });
		await page.getByLabel('Title').fill('Draft without a call');
		await page.getByRole('button', { name: 'Save and submit' }).click();
		await expect(page.locator('#competitionId-error')).toContainText('Choose the call you submit this idea to.');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft without a call');
		const submit = page.getByRole('button', { name: 'Submit idea' });
		if (await submit.count()) {
			await submit.click();
			await expect(page.getByRole('alert').first()).toContainText(/not ready to submit/);
		}
	});
});

test('on a phone the idea form keeps save and submit in reach', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signInAs(page, 'Kevin Meijer');
	await page.goto('/ideas/new');
	const actions = page.getByTestId('idea-actions');
	await expect(actions).toBeInViewport();
	const box = await actions.boundingBox();
	expect(box!.y + box!.height).toBeLessThanOrEqual(844);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
