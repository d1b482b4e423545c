/**
 * An organiser imports people and departments from an HR export: upload, the columns mapped
 * by the portal's guess, a dry run with its counts, apply, the result. The same file again
 * (here without JavaScript) finds nothing to change. New departments and e-mail addresses
 * only: the demo's people stay as they are, as other journeys count them.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';
import { hrCsv, hrPeople, type HrDepartment } from '../fixtures/hr-files';

const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const departments: HrDepartment[] = [
	{ code: `I${stamp}`, name: `Imported Works ${stamp}`, nameNl: `Geïmporteerd bedrijf ${stamp}` },
	{ code: `I${stamp}-A`, name: `Imported Assembly ${stamp}`, nameNl: `Geïmporteerde assemblage ${stamp}`, parentCode: `I${stamp}` },
	{ code: `I${stamp}-B`, name: `Imported Testing ${stamp}`, nameNl: `Geïmporteerd testen ${stamp}`, parentCode: `I${stamp}` }
];
const options = { count: 500, departments, domain: `hr-${stamp.toLowerCase()}.example.com`, prefix: `E${stamp}-` };
const file = { name: `hr-export-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(hrCsv(options), 'utf8') };
const people = hrPeople(options);

async function uploadAndDryRun(page: Page) {
	await page.goto('/admin/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import from HR');
	await page.getByLabel('HR file').setInputFiles(file);
	await page.getByRole('button', { name: 'Upload and map the columns' }).click();
	// The Dutch headers were recognised by themselves.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(file.name);
	await expect(page.getByLabel('Employee number', { exact: true })).toHaveValue('Personeelsnummer');
	await expect(page.getByLabel("Manager's employee number")).toHaveValue('Personeelsnummer leidinggevende');
	await expect(page.getByLabel('Department code', { exact: true })).toHaveValue('Afdeling');
	await page.getByRole('button', { name: 'Dry run' }).click();
}

test('an organiser imports a 500-person HR file after a dry run, and the same file again changes nothing', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await signInAs(page, 'Ruud van Dijk');
	await uploadAndDryRun(page);

	const counts = page.getByTestId('import-counts');
	await expect(counts).toContainText('Create: 500');
	await expect(counts).toContainText('Error: 0');
	await expect(page.getByRole('main')).toContainText(`Imported Assembly ${stamp}`);
	// The rows, in file order (managers come after their people), paged.
	const rows = page.getByTestId('import-rows');
	await expect(rows.locator('tbody tr')).toHaveCount(50);
	await expect(rows).toContainText(people[499].email);
	await expectAccessibleNow(page);

	await page.getByLabel('I have checked the dry run').check();
	await page.getByRole('button', { name: 'Apply the import' }).click();
	const result = page.getByTestId('import-result');
	await expect(result).toContainText('Create: 500');
	await expect(page.getByRole('heading', { name: 'Import applied' })).toBeVisible();
	await expect(page.getByText(/Departments created: 3/)).toBeVisible();
	await expectAccessibleNow(page);

	// The people are there: the rows of the applied import, filtered to what was created.
	await page.getByRole('navigation', { name: 'Show rows' }).getByRole('link', { name: 'Create' }).click();
	await expect(rows).toContainText(people[499].email);
	await expect(rows).toContainText(`${people[499].firstName} ${people[499].lastName}`);

	// The same file again, in a browser without JavaScript: every row unchanged.
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
	const plain = await context.newPage();
	await signInAs(plain, 'Ruud van Dijk');
	await uploadAndDryRun(plain);
	await expect(plain.getByTestId('import-counts')).toContainText('Unchanged: 500');
	await expect(plain.getByTestId('import-counts')).toContainText('Create: 0');
	await plain.getByLabel('I have checked the dry run').check();
	await plain.getByRole('button', { name: 'Apply the import' }).click();
	await expect(plain.getByTestId('import-result')).toContainText('Unchanged: 500');
	await context.close();
});

test('a file that is not what its name says is refused with a clear message', async ({ page }) => {
	await signInAs(page, 'Ruud van Dijk');
	await page.goto('/admin/import');
	await page
		.getByLabel('HR file')
		.setInputFiles({ name: 'staff.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('a;b\n1;2\n') });
	await page.getByRole('button', { name: 'Upload and map the columns' }).click();
	await expect(page.getByRole('alert')).toContainText("The file's name does not match what is inside");
	await expectAccessibleNow(page);
});

test('someone who is neither organiser nor admin finds no import page', async ({ page }) => {
	await signInAs(page, 'Sanne Bakker');
	const response = await page.goto('/admin/import');
	expect(response?.status()).toBe(404);
});
