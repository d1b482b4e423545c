import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * A team leader enters an idea for a colleague who does not use the portal (Ronald Kok leads
 * Anouk Dekker; Ilse Verbruggen leads Mehmet Yilmaz in the demo organisation). The colleague,
 * signing in, finds it under My ideas as their own; the team leader finds it as "Helping".
 */
const run = Date.now().toString(36);

async function fillIdea(page: Page, title: string) {
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('The problem today').fill('The torque driver battery runs flat mid-shift and the spare is in another hall.');
	await page
		.getByLabel('Your proposed improvement')
		.fill('A charged spare battery in a wall holder at each workstation, swapped at every break.');
	await page.getByLabel('Where?').fill('Cleanroom line 3, station 2');
}

/** Build Operations has an open call in the demo: the idea is submitted, in the colleague's name. */
async function expectEntered(page: Page, title: string) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByTestId('status-meaning')).toContainText('Received');
}

async function signOut(page: Page) {
	await page
		.getByRole('button', { name: /Sign out|Afmelden/ })
		.first()
		.click();
	await expect(page.getByRole('button', { name: /Sign out|Afmelden/ })).toHaveCount(0);
}

async function findInMyIdeas(page: Page, title: string) {
	await page.goto('/ideas');
	const card = page.getByTestId('my-ideas-list').getByRole('listitem').filter({ hasText: title });
	await expect(card).toHaveCount(1);
	return card;
}

test('a team leader enters an idea for a colleague, who finds it as their own', async ({ page }) => {
	const title = `Spare batteries at the station (${run})`;
	await signInAs(page, 'Ronald Kok');
	await page.goto('/ideas/new');
	const behalf = page.getByTestId('behalf');
	await expect(behalf).toBeVisible();
	await fillIdea(page, title);

	await behalf.getByLabel("Colleague's name").fill('Anouk');
	const anouk = behalf.getByRole('radio', { name: /Anouk Dekker/ });
	await expect(anouk).toBeVisible();
	await anouk.check();
	await expect(behalf.getByText('Anouk Dekker agreed that I enter this idea for them')).toBeVisible();
	await expectAccessibleNow(page);

	// Without the agreement: refused beside the box, nothing typed is lost.
	await page.getByRole('button', { name: 'Save and submit' }).click();
	await expect(page.locator('#agreed-error')).toContainText('Tick this box once your colleague has agreed.');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('Where?')).toHaveValue('Cleanroom line 3, station 2');
	await expect(behalf.getByRole('radio', { name: /Anouk Dekker/ })).toBeChecked();
	await expectAccessibleNow(page);

	await behalf.getByRole('checkbox', { name: 'Anouk Dekker agreed that I enter this idea for them' }).check();
	await page.getByRole('button', { name: 'Save and submit' }).click();
	await expectEntered(page, title);

	// The team leader follows it up, not credited: "Helping".
	await expect((await findInMyIdeas(page, title)).getByTestId('role-helper')).toHaveText('Helping');
	// The home page's list says the same.
	await page.goto('/');
	await expect(page.getByTestId('my-ideas').getByRole('row', { name: title }).getByTestId('role-helper')).toHaveText('Helping');

	await signOut(page);
	await signInAs(page, 'Anouk Dekker');
	const card = await findInMyIdeas(page, title);
	await expect(card.getByTestId('entered-for-you')).toHaveText('Entered for you by Ronald Kok');
	await expect(card.getByTestId('role-helper')).toHaveCount(0);
});

test('an employee who leads no team sees no such fieldset', async ({ page }) => {
	await signInAs(page, 'Kevin Meijer');
	await page.goto('/ideas/new');
	await expect(page.getByLabel('Title')).toBeVisible();
	await expect(page.getByTestId('behalf')).toHaveCount(0);
	await expect(page.getByLabel('Where?')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a team leader finds the colleague with "Find", ticks the agreement and submits', async ({ page, browser }) => {
		const title = `Gloves dispenser at the airlock (${run})`;
		await signInAs(page, 'Ilse Verbruggen');
		await page.goto('/ideas/new');
		await fillIdea(page, title);
		const behalf = page.getByTestId('behalf');
		await behalf.getByLabel("Colleague's name").fill('Mehmet');
		await behalf.getByRole('button', { name: 'Find' }).click();
		// The page comes back with the colleagues found and everything typed.
		await expect(page.getByLabel('Title')).toHaveValue(title);
		const mehmet = page.getByTestId('behalf').getByRole('radio', { name: /Mehmet Yilmaz/ });
		await expect(mehmet).toBeVisible();
		await mehmet.check();
		await page
			.getByTestId('behalf')
			.getByRole('checkbox', { name: /agreed that I enter this idea for them/ })
			.check();
		await page.getByRole('button', { name: 'Save and submit' }).click();
		await expectEntered(page, title);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const colleague = await context.newPage();
		await signInAs(colleague, 'Mehmet Yilmaz');
		const card = await findInMyIdeas(colleague, title);
		await expect(card.getByTestId('entered-for-you')).toHaveText('Entered for you by Ilse Verbruggen');
		await context.close();
	});
});
