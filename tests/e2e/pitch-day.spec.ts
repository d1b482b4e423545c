/**
 * Pitch day, live (issue 14), on the demo data: the General & IT semi-final session (its MT:
 * Rob van Beek, the chair, above the team of its first two ideas; Maaike Hoogendoorn and
 * Esther Smit). The organiser runs the session from a desktop; the three jurors follow on
 * phones, signed in in their own browser contexts:
 * - Start puts the first idea on every phone by itself; Rob's says "Recused", the other two
 *   score it by taps and submit; the chair reads "2 of 2 scored" and the tally (75 and 25:
 *   50.0);
 * - Next puts the idea on deck on every phone by itself;
 * - Esther's phone loses its connection, keeps her taps ("Offline: 6 taps kept"), sends them
 *   when it is back, and they count once (the chair: 1 submitted sheet, 50.0);
 * - End: every phone says the session has ended.
 * The semi-final journey (semi-final-and-final.spec.ts, after this one) does not count on the
 * other departments having no scores.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

async function open(browser: Browser, name: string, phone: boolean): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(phone ? PHONE : {});
	const page = await context.newPage();
	await signInAs(page, name);
	return { context, page };
}

/** Taps `value` on every criterion of the juror's sheet. */
async function tapAll(page: Page, value: number) {
	const groups = page.getByTestId('juror-sheet').locator('[data-testid^="criterion-"]');
	const n = await groups.count();
	expect(n).toBeGreaterThan(0);
	for (let i = 0; i < n; i++) {
		const button = groups.nth(i).locator(`button[value="${value}"]`);
		await button.click();
		await expect(button).toHaveAttribute('aria-pressed', 'true');
	}
	return n;
}

test('pitch day: the chair runs a live session, three jurors follow on phones (one recused), taps survive a lost connection', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const contexts: BrowserContext[] = [];
	try {
		const rob = await open(browser, 'Rob van Beek', true);
		contexts.push(rob.context);
		let sessionPath = '';
		await test.step("the jury chair finds the session on the jury page, with the booklet's link", async () => {
			await rob.page.goto('/jury');
			const item = rob.page.getByTestId('jury-sessions').locator('li', { hasText: 'General & IT MT' }).first();
			await expect(item.getByRole('link', { name: 'Jury booklet' })).toHaveAttribute('href', /\/sessions\/\d+\/booklet$/);
			sessionPath = (await item.getByRole('link', { name: 'Run the session' }).getAttribute('href'))!;
			expect(sessionPath).toMatch(/^\/sessions\/\d+$/);
		});

		const chair = await open(browser, 'Ruud van Dijk', false);
		const maaike = await open(browser, 'Maaike Hoogendoorn', true);
		const esther = await open(browser, 'Esther Smit', true);
		contexts.push(chair.context, maaike.context, esther.context);
		const jurors = [rob, maaike, esther];

		await test.step('everyone opens the session; the phones wait for the start', async () => {
			await chair.page.goto(sessionPath);
			await expect(chair.page.getByTestId('live-status')).toHaveText('Planned');
			for (const j of jurors) {
				await j.page.goto(sessionPath);
				await expect(j.page.getByTestId('juror-waiting')).toBeVisible();
				await expect(j.page.getByTestId('live-connection')).toContainText('Connected');
			}
		});

		let first = '';
		await test.step('Start: the first idea appears on every phone by itself; Rob is recused', async () => {
			await chair.page.getByTestId('live-start').click();
			await expect(chair.page.getByTestId('live-status')).toHaveText('Live');
			first = (await chair.page.getByTestId('chair-current').textContent())!.trim();
			for (const j of jurors) await expect(j.page.getByTestId('juror-current')).toHaveText(first);
			await expect(rob.page.getByTestId('juror-recused')).toContainText('Recused');
			await expect(rob.page.getByTestId('juror-sheet')).toHaveCount(0);
			await expect(chair.page.getByTestId('live-scored')).toHaveText('0 of 2 scored');
			await expectAccessibleNow(chair.page);
			await expectAccessibleNow(maaike.page);
			await expectAccessibleNow(rob.page);
		});

		await test.step('Maaike and Esther score by taps and submit; the chair sees 2 of 2 and the tally', async () => {
			await tapAll(maaike.page, 4);
			await tapAll(esther.page, 2);
			for (const j of [maaike, esther]) {
				await expect(j.page.getByTestId('tap-queue')).toHaveText('All taps saved');
				await j.page.getByTestId('juror-submit').click();
				await expect(j.page.getByTestId('juror-submitted')).toBeVisible();
			}
			await expect(chair.page.getByTestId('live-scored')).toHaveText('2 of 2 scored');
			// every criterion 4 (J = 75) and every criterion 2 (J = 25): a mean of 50.0
			await expect(chair.page.getByTestId('live-tally-mean')).toHaveText('50.0');
			await expect(chair.page.getByTestId('live-tally')).toContainText('from 2 submitted sheets');
			await expect(chair.page.getByTestId('live-jurors')).toContainText('recused');
			// a juror never sees the others' scores
			await expect(maaike.page.getByTestId('live-tally')).toHaveCount(0);
			await expect(maaike.page.getByText('50.0')).toHaveCount(0);
			await chair.page.screenshot({ path: 'test-results/pitch-day-chair.png', fullPage: true });
			await maaike.page.screenshot({ path: 'test-results/pitch-day-juror.png', fullPage: true });
			await rob.page.screenshot({ path: 'test-results/pitch-day-recused.png', fullPage: true });
		});

		let second = '';
		await test.step('Next: the idea on deck appears on every phone by itself', async () => {
			second = (await chair.page.getByTestId('chair-on-deck').textContent())!.trim();
			expect(second).not.toBe(first);
			await chair.page.getByTestId('live-next').click();
			await expect(chair.page.getByTestId('chair-current')).toHaveText(second);
			for (const j of jurors) await expect(j.page.getByTestId('juror-current')).toHaveText(second);
			await expect(chair.page.getByTestId('live-scored')).toHaveText('0 of 2 scored');
		});

		await test.step('without JavaScript a value is a plain form button: Maaike taps one and the page comes back with it', async () => {
			const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
			contexts.push(context);
			const page = await context.newPage();
			await signInAs(page, 'Maaike Hoogendoorn');
			await page.goto(sessionPath);
			await expect(page.getByTestId('juror-current')).toHaveText(second);
			const button = page.getByTestId('juror-sheet').locator('[data-testid^="criterion-"]').first().locator('button[value="5"]');
			await button.click();
			await expect(page.getByText('Saved.')).toBeVisible();
			await expect(
				page.getByTestId('juror-sheet').locator('[data-testid^="criterion-"]').first().locator('button[value="5"]')
			).toHaveAttribute('aria-pressed', 'true');
			await expect(chair.page.getByTestId('live-jurors').locator('li', { hasText: 'Maaike Hoogendoorn' })).toContainText('scoring');
		});

		await test.step("Esther's phone goes offline: her taps are kept, sent when it is back, and count once", async () => {
			await esther.context.setOffline(true);
			const n = await tapAll(esther.page, 3);
			await expect(esther.page.getByTestId('tap-queue')).toHaveText(
				`Offline: ${n} taps kept on this device, sent when the connection is back`
			);
			await expect(chair.page.getByTestId('live-jurors').locator('li', { hasText: 'Esther Smit' })).toContainText('not yet');
			await esther.context.setOffline(false);
			await expect(esther.page.getByTestId('tap-queue')).toHaveText('All taps saved', { timeout: 30_000 });
			await expect(chair.page.getByTestId('live-jurors').locator('li', { hasText: 'Esther Smit' })).toContainText('scoring');
			await esther.page.getByTestId('juror-submit').click();
			await expect(esther.page.getByTestId('juror-submitted')).toBeVisible();
			await expect(chair.page.getByTestId('live-scored')).toHaveText('1 of 2 scored');
			await expect(chair.page.getByTestId('live-tally-mean')).toHaveText('50.0');
			await expect(chair.page.getByTestId('live-tally')).toContainText('from 1 submitted sheet');
			// after a reload the phone shows what the server holds: her 3s, nothing waiting
			await esther.page.reload();
			await expect(esther.page.getByTestId('juror-sheet').locator('button[aria-pressed="true"]')).toHaveCount(n);
			await expect(esther.page.getByTestId('juror-sheet').locator('button[aria-pressed="true"][value="3"]')).toHaveCount(n);
			await expect(esther.page.getByTestId('tap-queue')).toHaveText('All taps saved');
		});

		await test.step('End: every phone says the session has ended', async () => {
			await chair.page.getByTestId('live-end').click();
			await expect(chair.page.getByTestId('live-status')).toHaveText('Ended');
			for (const j of jurors) await expect(j.page.getByTestId('juror-ended')).toBeVisible();
		});
	} finally {
		for (const c of contexts) await c.close();
	}
});
