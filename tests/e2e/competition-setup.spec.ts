import { expect, test, type Page } from '@playwright/test';
import { amsterdamLocal, signInAs } from './helpers';

async function changeStatus(page: Page, button: string) {
	await page.getByRole('link', { name: button }).click();
	const confirm = page.getByTestId('status-confirm');
	await expect(confirm).toBeVisible();
	await confirm.getByRole('button', { name: /Yes, change the status/ }).click();
}

test.describe('an organiser sets up a new competition', () => {
	test('Ruud creates and opens Improvement Cup 2028; Sanne sees the call on her home page', async ({ browser }) => {
		const organiser = await browser.newPage();
		await signInAs(organiser, 'Ruud van Dijk');
		await organiser.goto('/organise/competitions');
		await organiser.getByRole('link', { name: 'New competition' }).click();
		await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('New competition');

		// A window that closes before it opens is refused beside the field; what was typed stays.
		await organiser.getByRole('textbox', { name: 'Name', exact: true }).fill('Improvement Cup 2028');
		await organiser
			.getByLabel('Call text')
			.fill('Show us how **your** work can be safer, faster or simpler.\n\n- Any department\n- Teams welcome');
		await organiser.locator('#opensAt').fill(amsterdamLocal(-1));
		await organiser.locator('#closesAt').fill(amsterdamLocal(-2));
		await organiser.getByRole('button', { name: 'Create competition' }).click();
		await expect(organiser.locator('#closesAt-error')).toHaveText('The closing moment must come after the opening.');
		await expect(organiser.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Improvement Cup 2028');
		await expect(organiser.locator('#closesAt')).toHaveAttribute('aria-describedby', /closesAt-error/);

		await organiser.locator('#closesAt').fill(amsterdamLocal(120));
		await organiser.getByLabel('Response time (working days)').fill('12');
		await organiser.getByRole('button', { name: 'Create competition' }).click();
		await expect(organiser.getByTestId('competition-notice')).toContainText('Competition created');
		await expect(organiser.getByTestId('competition-status-badge')).toHaveText('In preparation');
		await expect(organiser.getByLabel('Short name in web addresses')).toHaveValue('improvement-cup-2028');
		await expect(organiser.getByTestId('call-preview').locator('strong')).toHaveText('your');
		await organiser.screenshot({ path: test.info().outputPath('competition-edit.png'), fullPage: true });

		// The same name again: the short name is taken, said beside the field.
		await organiser.goto('/organise/competitions/new');
		await organiser.getByRole('textbox', { name: 'Name', exact: true }).fill('Improvement Cup 2028');
		await organiser.locator('#opensAt').fill(amsterdamLocal(1));
		await organiser.locator('#closesAt').fill(amsterdamLocal(30));
		await organiser.getByRole('button', { name: 'Create competition' }).click();
		await expect(organiser.locator('#slug-error')).toContainText('already uses this short name');
		await organiser.screenshot({ path: test.info().outputPath('competition-new-error.png'), fullPage: true });

		// Open it, after confirming.
		await organiser.goto('/organise/competitions');
		await organiser.getByRole('link', { name: 'Improvement Cup 2028' }).click();
		await organiser.getByRole('link', { name: 'Edit competition' }).click();
		await changeStatus(organiser, 'Open for ideas');
		await expect(organiser.getByTestId('competition-status-badge')).toHaveText('Open for ideas');
		await expect(organiser.getByTestId('competition-notice')).toContainText('The competition is now: Open for ideas.');
		const editUrl = organiser.url();

		const employee = await browser.newPage();
		await signInAs(employee, 'Sanne Bakker');
		await employee.goto('/');
		const call = employee.getByTestId('open-call').filter({ hasText: 'Improvement Cup 2028' });
		await expect(call).toBeVisible();
		await expect(call).toContainText('safer, faster or simpler');
		await expect(employee.getByTestId('open-call').first()).toContainText('Improvement Cup 2027');
		// Not an organiser: the set-up pages do not exist for her.
		const response = await employee.goto(editUrl);
		expect(response?.status()).toBe(404);

		// Leave the shared demo data as the later journeys expect it: nobody submitted, so it can go back to preparation.
		await organiser.goto(editUrl);
		await changeStatus(organiser, 'Back to preparation');
		await expect(organiser.getByTestId('competition-status-badge')).toHaveText('In preparation');
		await employee.goto('/');
		await expect(employee.getByTestId('open-call').filter({ hasText: 'Improvement Cup 2028' })).toHaveCount(0);
		await employee.close();
		await organiser.close();
	});
});
