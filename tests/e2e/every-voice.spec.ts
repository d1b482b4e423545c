import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { chooseDemoPerson, expectAccessibleNow, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };

/** The address a Build Operations poster for a place opens, read from the departments page. */
async function posterUrl(page: Page, place: string): Promise<string> {
	await page.goto('/departments');
	const href = await page.getByRole('link', { name: 'Build Operations' }).first().getAttribute('href');
	const departmentId = /\/departments\/(\d+)/.exec(href ?? '')?.[1];
	expect(departmentId, 'Build Operations has an id').toBeTruthy();
	return `/ideas/quick?${new URLSearchParams({ department: departmentId!, place })}`;
}

/** A real photo, as a phone camera would hand it over (a PNG made here). */
async function photo() {
	return { name: 'IMG_2041.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('a photo of line 3', { type: 'png', width: 320 }) };
}

test.describe('one-minute idea', () => {
	test('a first-time user on a phone gets an idea in from a poster in at most five actions, then asks the team leader for help', async ({
		page
	}) => {
		await page.setViewportSize(PHONE);
		// Maaike has no ideas yet; her team leader is Willemijn de Vries.
		await signInAs(page, 'Maaike Hoogendoorn');
		const url = await posterUrl(page, 'Line 3');
		await page.goto(url);
		await expect(page.getByLabel('Where?')).toHaveValue('Line 3');

		let actions = 0;
		const act = async (work: Promise<unknown>) => {
			actions++;
			await work;
		};
		await act(page.getByLabel('What goes wrong, or could be better?').fill('The torque wrench at line 3 is never back on its hook.'));
		await act(page.getByLabel('Your idea').fill('A shadow board at line 3 with a spot per tool'));
		await act(page.getByLabel(/A photo/).setInputFiles(await photo()));
		await act(page.getByRole('button', { name: 'Save my idea' }).click());
		expect(actions).toBeLessThanOrEqual(5);

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your idea is saved');
		await expect(page.getByTestId('help-idea-title')).toHaveText('A shadow board at line 3 with a spot per tool');
		await expect(page.getByText('Where: Line 3')).toBeVisible();
		const helpUrl = page.url();
		const ideaId = /\/ideas\/(\d+)\/help/.exec(helpUrl)?.[1];
		expect(ideaId).toBeTruthy();

		// The offer of help: her team leader first; asking adds them, asking again is not offered.
		await page.getByRole('button', { name: 'Ask Willemijn de Vries to help' }).click();
		await expect(page.getByText('You asked Willemijn de Vries to help.')).toBeVisible();
		await page.reload();
		await expect(page.getByRole('button', { name: 'Ask Willemijn de Vries to help' })).toHaveCount(0);

		// Listed under My ideas; the idea keeps its place and its photo.
		await page.goto('/ideas');
		await expect(page.getByRole('link', { name: 'A shadow board at line 3 with a spot per tool' })).toBeVisible();
		await page.goto(`/ideas/${ideaId}`);
		await expect(page.getByTestId('idea-location')).toHaveText('Line 3');
		await expect(page.getByText('IMG_2041.png').first()).toBeVisible();
	});

	test('the page is accessible on a phone and says what is missing, keeping the place', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await signInAs(page, 'Kevin Meijer');
		await page.goto('/ideas/quick?place=Cleanroom%202');
		await expectAccessibleNow(page);
		await page.getByRole('button', { name: 'Save my idea' }).click();
		await expect(page.locator('#problem-error')).toContainText('a few words are enough');
		await expect(page.getByLabel('Where?')).toHaveValue('Cleanroom 2');
		await expectAccessibleNow(page);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a stranger signs in from the poster, comes back to it and gets an idea in with a photo', async ({ page }) => {
			await page.setViewportSize(PHONE);
			// Rob has no ideas yet; his team leader is Willemijn de Vries.
			await signInAs(page, 'Rob van Beek');
			const url = await posterUrl(page, 'Reception desk');
			await page
				.getByRole('button', { name: /Sign out|Afmelden/ })
				.first()
				.click();

			await page.goto(url);
			await expect(page).toHaveURL(/\/signin/);
			await chooseDemoPerson(page, 'Rob van Beek');
			await expect(page).toHaveURL(/\/ideas\/quick\?department=\d+&place=Reception\+desk/);
			await expect(page.getByLabel('Where?')).toHaveValue('Reception desk');

			let actions = 0;
			const act = async (work: Promise<unknown>) => {
				actions++;
				await work;
			};
			await act(page.getByLabel('What goes wrong, or could be better?').fill('Visitors wait because badges are printed one by one.'));
			await act(page.getByLabel(/A photo/).setInputFiles(await photo()));
			await act(page.getByRole('button', { name: 'Save my idea' }).click());
			expect(actions).toBeLessThanOrEqual(5);

			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your idea is saved');
			await expect(page.getByTestId('help-idea-title')).toHaveText('Visitors wait because badges are printed one by one.');
			await page.getByRole('button', { name: 'Ask Willemijn de Vries to help' }).click();
			await expect(page.getByText('You asked Willemijn de Vries to help.')).toBeVisible();

			await page.goto('/ideas');
			await expect(page.getByRole('link', { name: 'Visitors wait because badges are printed one by one.' })).toBeVisible();
		});

		test('a photo that is not an image saves nothing and says so beside it, keeping the text', async ({ page }) => {
			await signInAs(page, 'Kevin Meijer');
			await page.goto('/ideas/quick?place=Line%201');
			await page.getByLabel('Your idea').fill('Colour the bins per waste kind');
			await page
				.getByLabel(/A photo/)
				.setInputFiles({ name: 'bins.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
			await page.getByRole('button', { name: 'Save my idea' }).click();
			await expect(page.locator('#photo-error')).toBeVisible();
			await expect(page.getByLabel('Your idea')).toHaveValue('Colour the bins per waste kind');
			await expect(page.getByLabel('Where?')).toHaveValue('Line 1');
			await expect(page.getByText('Choose the photo again')).toBeVisible();
		});
	});

	test('an organiser makes QR posters for a department: a preview, a PDF of one page per place and a PNG', async ({ page }) => {
		await signInAs(page, 'Ruud van Dijk');
		await page.goto('/departments');
		await page.getByRole('link', { name: 'Build Operations' }).first().click();
		await page.getByTestId('posters-link').click();
		await expect(page.getByLabel('Department')).toHaveValue(/\d+/);
		const departmentId = await page.getByLabel('Department').inputValue();
		await expect(page.getByLabel('Department').locator('option:checked')).toHaveText('Build Operations');

		await page.getByLabel('Workstations or lines').fill('Line 1\nLine 2\nCleanroom 3');
		await page.getByRole('radio', { name: 'Nederlands' }).check();
		await page.getByRole('button', { name: 'Show the posters' }).click();
		const preview = page.getByTestId('poster-preview');
		await expect(preview.getByRole('img', { name: 'QR code for Line 1' })).toBeVisible();
		await expect.poll(() => preview.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: /Download the posters/ }).click()
		]);
		const pdf = await PDFDocument.load(await readFile(await download.path()));
		expect(pdf.getPageCount()).toBe(3);

		// The same over HTTP, to see what the server says it sends.
		const pdfResponse = await page.request.post('/posters/poster.pdf', {
			form: { departmentId, places: 'Line 1\nLine 2\nCleanroom 3', lang: 'nl' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(pdfResponse.status()).toBe(200);
		expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
		expect((await PDFDocument.load(await pdfResponse.body())).getPageCount()).toBe(3);

		const pngHref = await preview.getByRole('link', { name: 'QR code: Cleanroom 3' }).getAttribute('href');
		const png = await page.request.get(pngHref!);
		expect(png.headers()['content-type']).toBe('image/png');
		expect((await png.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
		await expectAccessibleNow(page);
	});

	test('someone who leads no team and manages no department has no poster page', async ({ page }) => {
		await signInAs(page, 'Kevin Meijer');
		const response = await page.goto('/posters');
		expect(response?.status()).toBe(404);
	});
});

test.describe('one-minute idea', () => {
	/** Statements a response ran, from its Server-Timing header (the e2e server sets STATEMENT_TIMING=1). */
	const statementsOf = (headers: Record<string, string>) => Number(/statements=(\d+)/.exec(headers['server-timing'] ?? '')?.[1] ?? NaN);

	test('its pages and actions stay within five statements', async ({ page }) => {
		await signInAs(page, 'Jan Kramer');
		const origin = new URL(page.url()).origin;
		const url = await posterUrl(page, 'Line 7');
		const form = await page.request.get(url);
		expect(statementsOf(form.headers())).toBeLessThanOrEqual(5);

		const saved = await page.request.post(url, {
			multipart: {
				problem: 'Screws roll off the bench',
				proposal: 'A magnetic tray per bench',
				place: 'Line 7',
				department: new URL(url, origin).searchParams.get('department')!,
				clientKey: crypto.randomUUID(),
				photo: await photo()
			},
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(saved.status()).toBe(303);
		expect(statementsOf(saved.headers())).toBeLessThanOrEqual(5);
		const helpPath = saved.headers()['location'];
		expect(helpPath).toMatch(/^\/ideas\/\d+\/help$/);

		const help = await page.request.get(helpPath);
		expect(statementsOf(help.headers())).toBeLessThanOrEqual(5);
		await page.goto(helpPath);
		const [ask] = await Promise.all([
			page.waitForResponse((r) => r.url().includes('/help?/ask')),
			page.getByRole('button', { name: 'Ask Ellen Maas to help' }).click()
		]);
		expect(statementsOf(await ask.allHeaders())).toBeLessThanOrEqual(5);
		await expect(page.getByText('You asked Ellen Maas to help.')).toBeVisible();
	});

	test('the poster pages stay within five statements', async ({ page }) => {
		await signInAs(page, 'Ruud van Dijk');
		const posters = await page.request.get('/posters');
		expect(statementsOf(posters.headers())).toBeLessThanOrEqual(5);
		await page.goto('/departments');
		const href = (await page.getByRole('link', { name: 'Build Operations' }).first().getAttribute('href'))!;
		const department = await page.request.get(href);
		expect(statementsOf(department.headers())).toBeLessThanOrEqual(5);
		const id = /\d+/.exec(href)![0];
		const png = await page.request.get(`/posters/qr.png?departmentId=${id}&place=Line%201`);
		expect(statementsOf(png.headers())).toBeLessThanOrEqual(5);
	});
});
