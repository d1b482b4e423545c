import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * E-mail settings, the unsubscribe link and the admin's outbox: an employee chooses how each
 * group of notifications reaches them (also without JavaScript), a mail program's one-click
 * unsubscribe from elsewhere is taken on its own path only, and the admin reads what was (or
 * would be) sent. Each test puts the demo person's settings back as they were.
 */
test.describe.configure({ mode: 'serial' });

const SANNE = 'Sanne Bakker';
const ESTHER = 'Esther Smit';
const RUUD = 'Ruud van Dijk';

/**
 * Screenshots of a page at desktop and phone width, attached to the test, and no serious
 * accessibility problem at either (axe runs as a script: not where JavaScript is off).
 */
async function shoot(page: Page, testInfo: TestInfo, name: string, options: { axe?: boolean | 'without-mail-frame' } = {}) {
	const axe = options.axe ?? true;
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
		const path = testInfo.outputPath(`${name}-${width}.png`);
		await page.screenshot({ path, fullPage: true });
		await testInfo.attach(`${name}-${width}`, { path, contentType: 'image/png' });
		if (axe === 'without-mail-frame') await expectAccessibleOutsideMailFrame(page);
		else if (axe) await expectAccessibleNow(page);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The outbox message page without the e-mail's own HTML: axe cannot run inside the sandboxed
 * frame (scripts are off there, and its analysis waits for them forever). The mail's HTML is
 * render.ts's, checked there.
 */
async function expectAccessibleOutsideMailFrame(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.exclude('[data-testid=mail-html]')
		.analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
	expect(serious, page.url()).toEqual([]);
}

/** Another person's browser (a context of its own: axe needs one). */
async function browserOf(browser: Browser, viewport = { width: 1280, height: 900 }) {
	return (await browser.newContext({ viewport })).newPage();
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Sets one group on the settings page and saves. */
async function choose(page: Page, groupName: string, delivery: RegExp) {
	await page.goto('/settings/notifications');
	await group(page, groupName).getByRole('radio', { name: delivery }).check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an employee changes a group to "Only in the portal" and it is kept', async ({ page }, testInfo) => {
		await signInAs(page, SANNE);
		await page.goto('/notifications');
		await page.getByRole('main').getByRole('link', { name: 'E-mail settings' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail settings');

		// every group with its effective choice; the default is marked
		for (const name of ['Your ideas', 'Mentoring', 'Jury', 'Organising', 'Reminders', 'News'])
			await expect(group(page, name)).toBeVisible();
		const news = group(page, 'News');
		await expect(news.getByRole('radio', { name: /In a daily digest/ })).toBeChecked();
		await expect(news.getByText('default')).toBeVisible();
		await shoot(page, testInfo, 'settings', { axe: false });

		await news.getByRole('radio', { name: /Only in the portal/ }).check();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status')).toContainText('Saved');
		await page.goto('/settings/notifications');
		await expect(group(page, 'News').getByRole('radio', { name: /Only in the portal/ })).toBeChecked();
		await expect(group(page, 'Your ideas').getByRole('radio', { name: /Immediately/ })).toBeChecked();

		await choose(page, 'News', /In a daily digest/);
		await expect(group(page, 'News').getByRole('radio', { name: /In a daily digest/ })).toBeChecked();
	});
});

test("a mail program's one-click unsubscribe from elsewhere turns the group off; the admin sees the mail", async ({
	page,
	browser,
	playwright,
	baseURL
}, testInfo) => {
	// An organiser's comment on one of Sanne's ideas: she gets an e-mail about it (her ideas: immediately).
	await signInAs(page, SANNE);
	await page.goto('/ideas');
	const published = page
		.getByRole('main')
		.locator('tr, li')
		.filter({ hasText: /Published|Coaching|Submitted/ });
	const ideaPath = await published.first().locator('a[href^="/ideas/"]').first().getAttribute('href');
	expect(ideaPath).toMatch(/^\/ideas\/\d+$/);

	const organiser = await browserOf(browser);
	await signInAs(organiser, RUUD);
	await organiser.goto(ideaPath!);
	// after hydration, which would put the rendered (empty) comment field back
	await organiser.waitForLoadState('networkidle');
	const comment = `Could the checklist go on the trolley too? (${Date.now()})`;
	await organiser.getByLabel('Add a comment').fill(comment);
	await organiser.getByRole('button', { name: 'Post comment' }).click();
	await expect(organiser.getByText(comment)).toBeVisible();
	await organiser.context().close();

	// The admin finds it in the outbox (queued, or sent when SMTP is set) and opens it.
	const admin = await browserOf(browser);
	await signInAs(admin, ESTHER);
	await admin.getByRole('link', { name: 'E-mail outbox' }).first().click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('E-mail outbox');
	await expect(admin.getByTestId('outbox-counts')).toBeVisible();
	await admin.getByLabel("Recipient's e-mail address").fill('sanne');
	await admin.getByRole('button', { name: 'Show' }).click();
	// in Sanne's language (Dutch in the demo), whoever reads the outbox
	const subject = /New comment on|Nieuwe reactie op/;
	const row = admin.getByTestId('outbox').locator('tbody tr').first();
	await expect(row).toContainText(subject);
	await expect(row).toContainText('Sanne Bakker');
	await shoot(admin, testInfo, 'outbox');
	await row.getByRole('link').first().click();
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(subject);
	await expect(admin.frameLocator('[data-testid=mail-html]').getByText(subject).first()).toBeVisible();
	await expect(admin.getByTestId('mail-text')).toContainText(ideaPath!);
	await shoot(admin, testInfo, 'outbox-message', { axe: 'without-mail-frame' });
	const header = await admin.locator('dl div', { hasText: 'List-Unsubscribe:' }).first().locator('dd').textContent();
	const unsubscribeUrl = /^<(.+)>$/.exec(header!.trim())![1];
	const unsubscribePath = new URL(unsubscribeUrl).pathname;
	expect(unsubscribePath).toMatch(/^\/mail\/unsubscribe\/\d+\.my_ideas\.[\w-]{43}$/);
	await admin.context().close();

	// The link asks first (a GET changes nothing)...
	const visitor = await browserOf(browser);
	await visitor.goto(unsubscribePath);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Stop e-mails about your ideas?');
	await shoot(visitor, testInfo, 'unsubscribe');

	// ...and the mail program's one-click POST, with no Origin or another one, is taken.
	const mailProgram = await playwright.request.newContext({ baseURL });
	for (const headers of [{}, { origin: 'https://mail.example.net' }] as Array<Record<string, string>>) {
		const response = await mailProgram.post(unsubscribePath, { form: { 'List-Unsubscribe': 'One-Click' }, headers });
		expect(response.status(), JSON.stringify(headers)).toBe(200);
	}
	// A tampered link is not found.
	const tampered = unsubscribePath.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
	expect((await mailProgram.post(tampered, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(404);
	await mailProgram.dispose();

	// The page's own button says what happened.
	await visitor.getByRole('button', { name: 'Stop these e-mails' }).click();
	await expect(visitor.getByTestId('unsubscribe-done')).toContainText(
		'Done: you will no longer get these by e-mail; they stay in the portal.'
	);
	await shoot(visitor, testInfo, 'unsubscribe-done');
	await visitor.context().close();

	// Sanne's settings show the group off; she puts it back.
	await page.goto('/settings/notifications');
	await expect(group(page, 'Your ideas').getByRole('radio', { name: /Only in the portal/ })).toBeChecked();
	await shoot(page, testInfo, 'settings-after-unsubscribe');
	await choose(page, 'Your ideas', /Immediately/);
	await expect(group(page, 'Your ideas').getByRole('radio', { name: /Immediately/ })).toBeChecked();
});

test('a cross-origin form post to any other page is still refused (403)', async ({ playwright, baseURL }) => {
	const elsewhere = await playwright.request.newContext({ baseURL });
	for (const path of ['/settings/notifications', '/signout', '/mail/unsubscribe']) {
		for (const headers of [{ origin: 'https://evil.example' }, {}] as Array<Record<string, string>>) {
			const response = await elsewhere.post(path, { form: { news: 'off' }, headers, maxRedirects: 0 });
			expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
			expect(await response.text()).toBe('Cross-site POST form submissions are forbidden');
		}
	}
	// the portal's own origin still posts
	const own = await elsewhere.post('/settings/notifications', {
		form: { news: 'off' },
		headers: { origin: new URL(baseURL!).origin },
		maxRedirects: 0
	});
	expect(own.status()).not.toBe(403);
	await elsewhere.dispose();
});
