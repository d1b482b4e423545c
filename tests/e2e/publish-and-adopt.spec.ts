import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The knowledge-base journey: a team records the implementation of its idea and asks to
 * publish it with a work instruction PDF; the organiser approves; someone in another
 * department finds it by search and records an adoption with results; the original team
 * sees the adoption (notification and the entry's roll-out list).
 */
const IDEA_TITLE = 'A buddy for every new operator in the first six weeks';
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

async function as(browser: Browser, name: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	await signInAs(page, name);
	return page;
}

test.describe.configure({ mode: 'serial' });

test('publish an implemented idea and adopt it in another department', async ({ browser }) => {
	test.setTimeout(120_000);

	// --- the team (Ilse Verbruggen, Build Operations) records the implementation ---
	const team = await as(browser, 'Ilse Verbruggen');
	await team.goto('/ideas');
	await team.getByRole('link', { name: IDEA_TITLE }).first().click();
	await expect(team).toHaveURL(/\/ideas\/\d+$/);
	const ideaId = Number(new URL(team.url()).pathname.split('/').pop());
	await team.goto(`/ideas/${ideaId}/implementation`);
	await expect(team.getByRole('heading', { level: 1 })).toHaveText('Implementation');

	const record = team.getByTestId('implementation-form');
	await record.getByLabel('Owner').selectOption({ label: 'Ilse Verbruggen' });
	await record.getByLabel('Done', { exact: true }).check();
	await record.getByLabel('Done on').fill('2026-10-15');
	await record.locator('#impl-result-0-kind').selectOption('hours');
	await record.locator('#impl-result-0-before').fill('40');
	await record.locator('#impl-result-0-after').fill('16');
	await record.locator('#impl-result-0-note').fill('Hours of a trainer per new operator');
	await record.getByRole('button', { name: 'Save implementation' }).click();
	await expect(team.getByRole('status').first()).toContainText('the idea is now implemented');

	// --- asks to publish, naming Test & Calibration as a candidate ---
	const entryForm = team.getByTestId('entry-form');
	await expect(entryForm.getByLabel('Title')).toHaveValue(IDEA_TITLE);
	await entryForm
		.getByLabel('Summary')
		.fill('Every new operator gets an experienced buddy for six weeks, with a checklist of what to show when.');
	await entryForm.getByLabel('Tags').fill('onboarding, buddy, training');
	await entryForm.getByLabel('Test & Calibration').check();
	await entryForm.getByRole('button', { name: 'Ask to publish' }).click();
	await expect(team.getByRole('status').first()).toContainText('Sent to the organisers');
	await expect(team.getByTestId('publication').getByTestId('entry-status')).toHaveText('Waiting for approval');

	// --- adds the new work instruction as a PDF ---
	const upload = team.getByTestId('kb-upload');
	await upload.getByLabel('What is it?').selectOption('work_instruction');
	await upload.getByLabel('File').setInputFiles({ name: 'buddy-werkinstructie.pdf', mimeType: 'application/pdf', buffer: PDF });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(team.getByTestId('kb-attachments')).toContainText('buddy-werkinstructie.pdf');
	await team.screenshot({ path: 'test-results/kb-implementation.png', fullPage: true });

	// Not yet in the knowledge base for anyone else.
	const adopter = await as(browser, 'Niels Gerritsen');
	await adopter.goto('/kb?q=buddy');
	await expect(adopter.getByTestId('result-count')).toBeVisible();
	await expect(adopter.getByRole('link', { name: IDEA_TITLE })).toHaveCount(0);

	// --- the organiser approves ---
	const organiser = await as(browser, 'Ruud van Dijk');
	await organiser.goto('/kb/pending');
	await organiser.getByTestId('pending').getByRole('link', { name: IDEA_TITLE }).click();
	await organiser.getByRole('button', { name: 'Approve and publish' }).click();
	await expect(organiser.getByRole('status').first()).toContainText('Published');

	// --- someone in Test & Calibration finds it by search ---
	await adopter.goto('/');
	await expect(adopter.getByText(`“${IDEA_TITLE}” could work in your department too.`).first()).toBeVisible();
	await adopter.goto('/kb');
	await adopter.getByLabel('Search improvements').fill('buddies operator');
	await adopter.getByRole('button', { name: 'Search' }).click();
	const results = adopter.getByTestId('results');
	await expect(results.getByRole('link', { name: IDEA_TITLE })).toBeVisible();
	await expect(results.locator('mark').first()).toBeVisible();
	await expect(adopter.getByTestId('facets')).toContainText('Build Operations');
	await adopter.screenshot({ path: 'test-results/kb-search.png', fullPage: true });
	await results.getByRole('link', { name: IDEA_TITLE }).click();

	// The work instruction opens in the browser and can be downloaded.
	const opened = await adopter.request.get(
		(await adopter.getByRole('link', { name: 'Open buddy-werkinstructie.pdf in a new tab' }).getAttribute('href'))!
	);
	expect(opened.status()).toBe(200);
	expect(opened.headers()['content-disposition']).toMatch(/^inline/);
	const pdfLink = adopter.getByRole('link', { name: 'Download buddy-werkinstructie.pdf' });
	const download = await adopter.request.get((await pdfLink.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(/^attachment/);
	expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// --- records the adoption with results ---
	const adopt = adopter.getByTestId('adopt-form');
	await adopt.getByLabel('Owner in the department').selectOption({ label: 'Niels Gerritsen' });
	await adopt.getByLabel('Adopted', { exact: true }).check();
	await adopt.getByLabel('Started on').fill('2026-10-20');
	await adopt.getByLabel('Adopted on').fill('2026-11-10');
	await adopt.locator('#adopt-result-0-kind').selectOption('hours');
	await adopt.locator('#adopt-result-0-value').fill('12');
	await adopt.locator('#adopt-result-0-note').fill('Trainer hours saved per new test operator');
	await adopt.getByRole('button', { name: 'Record adoption' }).click();
	await expect(adopter.getByRole('status').first()).toContainText('Adoption recorded');
	await expect(adopter.getByTestId('rollout-list')).toContainText('Test & Calibration');
	await expect(adopter.getByTestId('rollout-map').locator('[data-code="TST"]')).toHaveAttribute('data-state', 'adopted');
	await expect(adopter.getByTestId('totals')).toContainText('36');
	await adopter.screenshot({ path: 'test-results/kb-entry.png', fullPage: true });

	// A "not suitable" without a reason is refused beside the field, keeping what was typed.
	await adopt.getByLabel('Not suitable').check();
	await adopt.getByRole('button', { name: 'Save changes' }).click();
	await expect(adopter.locator('#adopt-reason-error')).toBeVisible();

	// --- the original team sees it ---
	await team.goto('/');
	const note = team.getByRole('link', { name: `Test & Calibration recorded an adoption of “${IDEA_TITLE}”.` }).first();
	await expect(note).toBeVisible();
	await note.click();
	await expect(team.getByTestId('rollout-list')).toContainText('Test & Calibration');
	await expect(team.getByTestId('rollout-list')).toContainText('Adopted');
	await team.goto('/departments');
	await team.getByRole('link', { name: 'Test & Calibration' }).first().click();
	await expect(team.getByTestId('adopted')).toContainText(IDEA_TITLE);
	await team.screenshot({ path: 'test-results/kb-department.png', fullPage: true });
});
