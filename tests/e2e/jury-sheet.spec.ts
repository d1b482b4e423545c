import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * A juror saves a sheet as a draft: the answer appears beside the buttons they pressed (not
 * at the top of a long page), is read out, and says what is true of the sheet they saved.
 * Martijn Prins (Logistics MT) has not scored anything in the demo semi-final yet.
 */
test('saving a complete sheet as a draft says it is ready to submit, beside the buttons', async ({ page }) => {
	await signInAs(page, 'Martijn Prins');
	await page.goto('/jury');
	await page.locator('section[data-testid^="jury-round-"]').first().locator('table tbody a').first().click();
	const criteria = page.locator('fieldset[data-testid^="criterion-"]');
	await expect(criteria.first()).toBeVisible();

	// Half a sheet: the draft still has criteria to score.
	await criteria.first().locator('input[type="radio"][value="3"]').check();
	await page.getByRole('button', { name: 'Save draft' }).click();
	const notice = page.getByTestId('sheet-notice');
	await expect(notice).toHaveText('Saved as a draft. Submit when every criterion is scored.');

	// The whole sheet: ready to submit, and the notice says so where the juror looks.
	const count = await criteria.count();
	for (let i = 0; i < count; i++) await criteria.nth(i).locator('input[type="radio"][value="3"]').check();
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Every criterion is scored' })).toBeVisible();
	await expect(notice).toHaveText('Saved as a draft. Every criterion is scored: submit when you are ready.');
	await expect(notice).toHaveAttribute('role', 'status');
	await expect(notice).toBeInViewport();
	await expect(notice).toBeFocused();
	await expect(page.getByText('Submit when every criterion is scored')).toHaveCount(0);
	await page.screenshot({ path: 'test-results/jury-sheet-saved.png' });

	// Changing the sheet again: the notice spoke of the saved sheet, so it goes.
	await criteria.first().locator('input[type="radio"][value="4"]').check();
	await expect(notice).toHaveCount(0);
});
