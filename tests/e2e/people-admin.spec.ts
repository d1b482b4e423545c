import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/** The value of the option whose text contains `text` (tree options are indented with spaces). */
async function optionValue(page: Page, selectId: string, text: string): Promise<string> {
	const value = await page.locator(`#${selectId} option`, { hasText: text }).first().getAttribute('value');
	expect(value, `an option "${text}" in #${selectId}`).toBeTruthy();
	return value!;
}

test('an admin adds a department under another, a person in it with a manager, edits them, and disables them with the handover', async ({
	page
}) => {
	const stamp = Date.now().toString(36).slice(-4).toUpperCase();
	const code = `PL${stamp}`;
	const email = `pim.pilot.${stamp.toLowerCase()}@ideacup.example`;
	await signInAs(page, 'Esther Smit');

	// A department under Build Operations.
	await page.goto('/admin/departments');
	await expect(page.getByRole('heading', { level: 1, name: 'Departments' })).toBeVisible();
	await page.getByLabel('Code').fill(code);
	await page.locator('#new-parent').selectOption(await optionValue(page, 'new-parent', 'Build Operations (BO)'));
	await page.getByLabel('Name (English)').fill(`Pilot Line ${stamp}`);
	await page.getByLabel('Name (Dutch)').fill(`Pilotlijn ${stamp}`);
	await page.getByRole('button', { name: 'Add department' }).click();
	await expect(page.getByTestId('done')).toContainText('Department added');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Pilot Line ${stamp}`);
	const departmentUrl = page.url().replace(/\?.*$/, '');

	await page.goto('/admin/departments');
	const row = page.getByTestId(`department-${code}`);
	await expect(row).toContainText(`Pilotlijn ${stamp}`);
	// Nested one level below Build Operations (which is one below the company).
	await expect(row.locator('span[style]')).toHaveAttribute('style', /padding-inline-start: 3rem/);

	// A person in it, with a manager given by e-mail address.
	await page.goto('/admin/users');
	await page.getByRole('link', { name: 'Add person' }).click();
	await page.getByLabel('Name', { exact: true }).fill('Pim Pilot');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Employee number').fill(`E9${stamp}`);
	await page.getByLabel('Job title').fill('Pilot Line Technician');
	await page.locator('#departmentId').selectOption(await optionValue(page, 'departmentId', `Pilot Line ${stamp}`));
	await page.getByLabel('Manager').fill('jeroen.willems@ideacup.example');
	await page.getByLabel('Job level').selectOption('technician');
	await page.getByLabel('Education level').selectOption('mbo');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('done')).toHaveText('Person added.');
	await expect(page.getByText('Now: Jeroen Willems')).toBeVisible();
	const personUrl = page.url().replace(/\?.*$/, '');

	// On the department's management team, found by a search that works without JavaScript.
	await page.goto(departmentUrl);
	await page.getByLabel(/Find a person to add/).fill('Pim Pilot');
	await page.getByRole('button', { name: 'Find' }).click();
	await page.getByRole('button', { name: 'Add Pim Pilot to the management team' }).click();
	await expect(page.getByTestId('mt-members')).toContainText('Pim Pilot');

	// Edit: a manager loop is refused beside the field, with what was typed kept; then a real change.
	await page.goto(personUrl);
	await page.getByLabel('Manager').fill(email);
	await page.getByLabel('Job title').fill('Senior Pilot Line Technician');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#manager-error')).toHaveText('A person cannot be their own manager.');
	await expect(page.getByLabel('Job title')).toHaveValue('Senior Pilot Line Technician');
	// E10007 is Jeroen Willems' employee number in the demo.
	await page.getByLabel('Manager').fill('E10007');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('done')).toHaveText('Saved.');
	await expect(page.getByText('Now: Jeroen Willems')).toBeVisible();
	await expect(page.getByLabel('Job title')).toHaveValue('Senior Pilot Line Technician');

	// Disable: asked first, with what they hold, then the handover.
	await page.getByRole('button', { name: 'Disable', exact: true }).click();
	await expect(page.getByTestId('confirm-disable')).toContainText('Disable Pim Pilot?');
	await page.getByRole('button', { name: 'Disable Pim Pilot' }).click();
	const handover = page.getByTestId('handover');
	await expect(handover).toContainText('Pim Pilot is disabled. Handed over:');
	await expect(handover).toContainText("Mentorships ended and back in the organisers' queue: 0");
	await expect(handover).toContainText('Their ideas keep their teams.');
	await expect(page.getByRole('button', { name: 'Enable' })).toBeVisible();

	// With its only person disabled, the department may retire.
	await page.goto(departmentUrl);
	await page.getByRole('button', { name: 'Retire department' }).click();
	await expect(page.getByTestId('done')).toHaveText('Department retired.');
	await page.goto('/admin/departments');
	await expect(page.getByTestId('retired-departments')).toContainText(`Pilot Line ${stamp}`);
});

test('retiring a department with people is refused with how many; the tree reads in Dutch', async ({ page }) => {
	await signInAs(page, 'Esther Smit');
	await page.goto('/admin/departments');
	await page.getByTestId('department-QA').getByRole('link').click();
	await page.getByRole('button', { name: 'Retire department' }).click();
	await expect(page.getByTestId('retire-refused')).toContainText(/Active people in it: \d+\. Active departments under it: 0\./);

	// The cookie for the whole site (a URL's own path would limit it to that page's folder).
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: new URL('/', page.url()).toString() }]);
	await page.goto('/admin/departments');
	await expect(page.getByRole('heading', { level: 1, name: 'Afdelingen' })).toBeVisible();
	await expect(page.getByTestId('department-BO')).toContainText('Productie & Assemblage');
	await expect(page.getByRole('columnheader', { name: 'Managementteam' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afdeling toevoegen' })).toBeVisible();
});

test('the people admin pages have no serious WCAG 2.2 AA problem', async ({ page }) => {
	await signInAs(page, 'Esther Smit');
	await page.goto('/admin/departments');
	const bo = await page.getByTestId('department-BO').getByRole('link').getAttribute('href');
	await page.goto('/admin/users?q=sanne');
	const sanne = await page.getByRole('link', { name: 'Sanne Bakker' }).getAttribute('href');
	for (const path of ['/admin/departments', `${bo}?mtq=Visser`, '/admin/process-areas', '/admin/users/new', `${sanne}?disable=1`]) {
		await page.goto(path);
		await expectAccessibleNow(page);
	}
});
