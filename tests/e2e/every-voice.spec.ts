import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { chooseDemoPerson, expectAccessibleNow, signInAs } from './helpers';

/**
 * Issue 16, every colleague's voice, end to end on the demo: the one-minute idea from a poster
 * on a phone (with and without JavaScript), its posters, and the ideas wall (a colleague of
 * another department supports an idea for Logistics, which is then suggested for its roll-out).
 */
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

/**
 * The ideas wall, end to end on the demo: a colleague of Logistics finds a public idea of
 * another department (its call closed), supports it for Logistics, and Logistics appears as
 * a suggested department for its roll-out on the idea page; with and without JavaScript.
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
