import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Composing a jury on the demo data: the organiser caps the load per juror of the
 * Improvement Cup 2026, sees on the semi-final's page who is suggested for the Environment,
 * Health & Safety jury with their load and their conflicts (Hans Mulder is above the EHS
 * teams in the reporting line), is refused Karin Vos over the cap with the numbers, lifts the
 * cap and adds her; Karin is told. The jury is left as the demo had it.
 */
const JURY = 'Environment, Health & Safety MT';

async function setLoadCap(page: Page, cap: string) {
	await page.goto('/organise/competitions');
	await page.getByRole('link', { name: 'Improvement Cup 2026' }).click();
	await page.getByRole('link', { name: 'Edit competition' }).click();
	await page.getByLabel('Load cap per juror').fill(cap);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL(/\/edit\?saved=1$/);
}

async function openSemiFinal(page: Page) {
	await page.goto('/organise/competitions');
	await page.getByRole('link', { name: 'Improvement Cup 2026' }).click();
	await page.getByRole('link', { name: /Semi-final/ }).click();
	await expect(page.getByTestId('round-status')).toHaveText('Open for scoring');
	return page.locator('section[data-testid^="jury-"]', { has: page.getByRole('heading', { name: JURY, exact: true }) });
}

test('an organiser adds a suggested juror, seeing load and conflicts, refused over the cap; the juror is told', async ({ browser }) => {
	test.setTimeout(120_000);
	const organiser = await browser.newPage();
	await signInAs(organiser, 'Ruud van Dijk');

	await test.step('the competition caps the load per juror at two ideas', async () => {
		await setLoadCap(organiser, '2');
	});

	await test.step('the suggestions show load and conflicts, with why', async () => {
		const jury = await openSemiFinal(organiser);
		await jury.locator('summary', { hasText: 'Suggested jurors' }).click();
		const hans = jury.getByTestId('suggested-juror').filter({ hasText: 'Hans Mulder' });
		await expect(hans).toContainText('Director');
		await expect(hans.getByTestId('juror-load')).toHaveText(/1 idea to score \(cap 2\)/);
		await expect(hans.getByTestId('juror-conflicts')).toContainText('3 conflicts with the ideas of this jury');
		await expect(hans).toContainText(/above .+ in the reporting line \(\d levels\)/);
		const karin = jury.getByTestId('suggested-juror').filter({ hasText: 'Karin Vos' });
		await expect(karin.getByTestId('juror-load')).toHaveText(/0 ideas to score \(cap 2\)/);
		await expect(karin).toContainText('No conflicts with the ideas of this jury.');
		await organiser.screenshot({ path: test.info().outputPath('jury-suggestions.png'), fullPage: true });

		await karin.getByRole('button', { name: `Add Karin Vos to ${JURY}` }).click();
		await expect(jury.getByTestId('add-member-error')).toHaveText(
			"Karin Vos would have 3 ideas to score in rounds not yet closed, above this competition's cap of 2 per juror."
		);
		await expect(jury.getByTestId('jury-member').filter({ hasText: 'Karin Vos' })).toHaveCount(0);
	});

	await test.step('without a cap she is added, with her load', async () => {
		await setLoadCap(organiser, '');
		const jury = await openSemiFinal(organiser);
		await jury.locator('summary', { hasText: 'Suggested jurors' }).click();
		await jury
			.getByTestId('suggested-juror')
			.filter({ hasText: 'Karin Vos' })
			.getByRole('button', { name: `Add Karin Vos to ${JURY}` })
			.click();
		await expect(organiser.getByRole('status').filter({ hasText: 'Jury member added.' })).toBeVisible();
		const seat = jury.getByTestId('jury-member').filter({ hasText: 'Karin Vos' });
		await expect(seat.getByTestId('juror-load')).toHaveText('3 ideas to score');
	});

	await test.step('Karin Vos is told, and finds the round on her jury page', async () => {
		const karin = await browser.newPage();
		await signInAs(karin, 'Karin Vos');
		await karin.goto('/notifications');
		await expect(karin.getByText('You were added to a jury: Improvement Cup 2026 · Semi-final.')).toBeVisible();
		await karin.goto('/jury');
		await expect(karin.locator('section[data-testid^="jury-round-"]').filter({ hasText: JURY })).toBeVisible();
		await karin.close();
	});

	await test.step('the jury is left as the demo had it', async () => {
		const jury = await openSemiFinal(organiser);
		await jury.getByRole('button', { name: 'Remove Karin Vos from the jury' }).click();
		await expect(jury.getByTestId('jury-member').filter({ hasText: 'Karin Vos' })).toHaveCount(0);
	});
	await organiser.close();
});
