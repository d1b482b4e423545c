/**
 * The judging journey on the demo data: the 2026 semi-final is open with seven department
 * scopes (38 ideas). The organiser enters Sanne Bakker's coached idea into it; Build
 * Operations' three MT jurors score their 15 ideas, less the ones they have a conflict with:
 * Jeroen Willems and Marieke Visser are above several submitters in the reporting line
 * (Marieke two levels above Sanne, through Ronald Kok), Jeroen declared one, Erik Brouwer
 * declares one more here; the organiser sets the quotas (Build Operations 3, every other
 * department 1), closes the round (with an override: the other departments are not done),
 * confirms the proposed advancement and publishes; confirming enters the finalists into the
 * final by itself; the organiser lets the final's jury see the semi-final, where Annelies
 * Jansen (who reads the semi-final's scores and comments beside her sheet) and Bart Hendriks
 * score them (Hans Mulder and Willemijn de Vries are above Sanne's team, and their jury page
 * says why); a winner is recorded; Sanne reads her feedback, with the rule that applied.
 * pitch-day.spec.ts runs before this one and live-scores another department's ideas in the
 * same semi-final: nothing here counts on the other departments having no scores.
 *
 * To keep it fast, each juror scores one idea through the sheet itself (keyboard-free
 * clicks on the rubric levels) and the rest through the offline sheet: the test downloads
 * the juror's own CSV, fills in every row and uploads it, which also proves the per-row report.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expectAccessibleNow, signInAs } from './helpers';

const SANNE_IDEA = 'Photo check of part kits before they go into the cleanroom';

async function as<T>(browser: Browser, name: string, run: (page: Page) => Promise<T>, options: { javaScript?: boolean } = {}): Promise<T> {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
	const page = await context.newPage();
	try {
		await signInAs(page, name);
		return await run(page);
	} finally {
		await context.close();
	}
}

function roundSection(page: Page, roundName: string) {
	return page.locator('section[data-testid^="jury-round-"]', { has: page.getByRole('heading', { name: roundName, exact: true }) });
}

/** Score one idea on the sheet: every criterion at `level`, a comment on the first. */
async function scoreOnSheet(page: Page, level: number, comment: string) {
	const criteria = page.locator('fieldset[data-testid^="criterion-"]');
	await expect(criteria).toHaveCount(6);
	for (let i = 0; i < 6; i++) await criteria.nth(i).locator(`input[type="radio"][value="${level}"]`).check();
	await criteria
		.first()
		.getByLabel(/Comment/)
		.fill(comment);
	await page.getByLabel(/Overall comment/).fill('Clear problem, measured baseline, easy to copy.');
	await page.getByRole('button', { name: /Submit scores|Save changes/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Scores submitted' })).toBeVisible();
}

/**
 * Download the juror's own CSV for a round, fill every row (the value per idea title from
 * `levelFor`), upload it, and return the report's summary line.
 */
async function scoreOffline(page: Page, roundName: string, levelFor: (title: string, row: number) => number) {
	await page.goto('/jury');
	const section = roundSection(page, roundName);
	const href = await section.locator('a[href$="sheet.csv"]').getAttribute('href');
	const csv = await (await page.request.get(href!)).text();
	const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
	expect(header.slice(0, 4)).toEqual(['round_id', 'idea_id', 'idea_title', 'sheet_version']);
	const filled = rows.map((row, i) => {
		const level = levelFor(row[2], i);
		return row.map((cell, c) => (c >= 4 && c < header.length - 1 && (c - 4) % 2 === 0 ? String(level) : cell));
	});
	await section.locator('summary').click();
	await section
		.locator('input[type="file"]')
		.setInputFiles({ name: 'my-scores.csv', mimeType: 'text/csv', buffer: Buffer.from(stringify([header, ...filled])) });
	await section.getByRole('button', { name: 'Upload' }).click();
	const report = page.getByTestId('upload-report');
	await expect(report).toContainText('rows taken');
	await expect(report).not.toContainText('Refused');
	return { rows: rows.length, summary: await report.locator('p').first().textContent() };
}

test('a semi-final in Build Operations and the final, from scoring to the feedback the team reads', async ({ browser }) => {
	test.setTimeout(300_000);

	let competitionPath = '';
	await test.step('the organiser enters a coached idea into the open semi-final', async () => {
		await as(browser, 'Ruud van Dijk', async (page) => {
			await page.goto('/organise/competitions');
			await page.getByRole('link', { name: 'Improvement Cup 2026' }).click();
			await page.waitForURL(/\/organise\/competitions\/\d+$/);
			competitionPath = new URL(page.url()).pathname;
			await page.getByRole('link', { name: /Semi-final/ }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Open for scoring');
			await page.getByLabel(new RegExp(SANNE_IDEA)).check();
			await page.getByRole('button', { name: 'Enter the selected ideas' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Ideas entered in the round.' })).toBeVisible();
			await expect(page.getByTestId('ranking-Build Operations')).toContainText(SANNE_IDEA);
		});
	});

	// Sanne's idea gets the top marks; the other ideas 2 to 4 by their place in the sheet.
	const semiLevel = (title: string, row: number) => (title === SANNE_IDEA ? 5 : 2 + (row % 3));

	await test.step('Marieke Visser reads why ideas are left out, then scores the rest offline', async () => {
		await as(browser, 'Marieke Visser', async (page) => {
			await page.goto('/jury');
			const section = roundSection(page, 'Semi-final');
			await expect(section.getByTestId('jury-progress')).toContainText('of 6 scored');
			await expect(section).toContainText('9 ideas left out because of a conflict of interest.');
			await expect(section.getByRole('link', { name: SANNE_IDEA })).toHaveCount(0);
			await expect(section.getByTestId('excluded-ideas')).toContainText(
				`${SANNE_IDEA}: You are above Sanne Bakker in the reporting line (2 levels).`
			);
			const { rows } = await scoreOffline(page, 'Semi-final', semiLevel);
			expect(rows).toBe(6);
			await expect(roundSection(page, 'Semi-final').getByTestId('jury-progress')).toContainText('6 of 6 scored');
		});
	});

	await test.step('Jeroen Willems (declared conflict) scores offline', async () => {
		await as(browser, 'Jeroen Willems', async (page) => {
			await page.goto('/jury');
			await expect(roundSection(page, 'Semi-final')).toContainText('6 ideas left out because of a conflict of interest.');
			const { rows } = await scoreOffline(page, 'Semi-final', semiLevel);
			expect(rows).toBe(9);
			await page.screenshot({ path: 'test-results/judging-queue.png', fullPage: true });
		});
	});

	await test.step('Erik Brouwer scores on the sheet, declares a conflict, then scores offline', async () => {
		await as(browser, 'Erik Brouwer', async (page) => {
			await page.goto('/jury');
			await roundSection(page, 'Semi-final').getByRole('link', { name: SANNE_IDEA }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(SANNE_IDEA);
			await expect(page.getByTestId('other-scores')).toHaveCount(0);
			await scoreOnSheet(page, 5, 'Directly usable on the other module lines.');
			await page.screenshot({ path: 'test-results/judging-sheet.png', fullPage: true });
			await page.goto('/jury');
			await roundSection(page, 'Semi-final').getByRole('link', { name: 'Re-use the clean packaging foam of incoming parts' }).click();
			await page.getByText('I have a conflict of interest').click();
			await page.getByLabel('Reason').fill('My brother-in-law supplies the packaging foam.');
			await page.getByRole('button', { name: 'Declare a conflict' }).click();
			await expect(page.getByText(/You have a conflict of interest with this idea/)).toBeVisible();
			await expect(page.getByTestId('conflict-why')).toHaveText('You declared a conflict of interest.');
			const { rows } = await scoreOffline(page, 'Semi-final', semiLevel);
			expect(rows).toBe(12);
		});
	});

	await test.step('the organiser sets the quotas without JavaScript: Build Operations 3, every other department 1', async () => {
		await as(
			browser,
			'Ruud van Dijk',
			async (page) => {
				await page.goto(competitionPath);
				await page.getByRole('link', { name: /Semi-final/ }).click();
				await expect(page.getByTestId('round-status')).toHaveText('Open for scoring');
				await page.getByLabel('Ideas that advance per scope (top N)').fill('1');
				const quotas = page.getByTestId('quotas');
				// A quota that is no whole number is refused beside its field; what was typed stays.
				await quotas.getByLabel('Build Operations', { exact: true }).fill('2.5');
				await page.getByRole('button', { name: 'Save settings' }).click();
				await expect(quotas.getByText('Not a whole number.')).toBeVisible();
				await expect(quotas.getByLabel('Build Operations', { exact: true })).toHaveValue('2.5');
				await expect(page.getByLabel('Ideas that advance per scope (top N)')).toHaveValue('1');
				await quotas.getByLabel('Build Operations', { exact: true }).fill('3');
				await page.getByRole('button', { name: 'Save settings' }).click();
				await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
				// What was saved stays in the form.
				await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Semi-final');
				await expect(quotas.getByLabel('Build Operations', { exact: true })).toHaveValue('3');
				await expect(page.getByTestId('scope-rule-Build Operations')).toHaveText('Rule: Top 3 of Build Operations');
				await expect(page.locator('[data-testid^="scope-rule-"]').filter({ hasText: 'Top 1 per department' }).first()).toBeVisible();
			},
			{ javaScript: false }
		);
	});

	await test.step('the organiser closes the semi-final, confirms the advancement (which fills the final) and publishes', async () => {
		await as(browser, 'Ruud van Dijk', async (page) => {
			await page.goto(competitionPath);
			await page.getByRole('link', { name: /Semi-final/ }).click();
			const ranking = page.getByTestId('ranking-Build Operations');
			await expect(ranking.locator('tbody tr').first()).toContainText(SANNE_IDEA);
			await expect(ranking.getByTestId('cut-line')).toBeVisible();
			await page.getByLabel('Close anyway (override)').check();
			await page
				.getByLabel(/Reason for closing/)
				.fill('Build Operations is complete; the other departments close next week in their own session.');
			await page.getByRole('button', { name: 'Close the round and lock the scores' }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Closed');
			await page.screenshot({ path: 'test-results/judging-round-closed.png', fullPage: true });
			// Build Operations' quota of 3: three proposed to advance, the rest below the cut line.
			const boRows = page.getByTestId('ranking-Build Operations').locator('tbody tr[data-testid^="rank-row-"]');
			for (let i = 0; i < 3; i++) await expect(boRows.nth(i).locator('select')).toHaveValue('advanced');
			await expect(boRows.nth(3).locator('select')).toHaveValue('stopped');
			await expect(page.getByTestId('next-round-note')).toContainText('Confirming enters the ideas that advance into Final by themselves');
			await expectAccessibleNow(page);
			await page.getByRole('button', { name: 'Confirm the outcomes' }).click();
			const done = page.getByRole('status').filter({ hasText: 'The outcomes are recorded' });
			await expect(done).toBeVisible();
			await expect(done).toContainText(/\d+ ideas entered into Final, with their scores carried\./);
			await expect(page.getByTestId('ranking-Build Operations').locator('tbody tr').first()).toContainText('Advanced to the final');
			await page.getByRole('button', { name: 'Publish the results' }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Results published');
		});
	});

	await test.step('the final holds the finalists by itself; the organiser shows its jury the semi-final and opens it', async () => {
		await as(browser, 'Ruud van Dijk', async (page) => {
			await page.goto(competitionPath);
			await page.getByRole('link', { name: /Final/ }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Not open yet');
			// Build Operations' three, and the best of any other department scored before the close.
			const finalists = page.getByTestId('ranking-Higher management').locator('tbody tr[data-testid^="rank-row-"]');
			await expect(finalists.filter({ hasText: SANNE_IDEA })).toHaveCount(1);
			expect(await finalists.count()).toBeGreaterThanOrEqual(3);
			await expect(page.locator('input[name="ideaIds"]')).toHaveCount(0);
			await page.getByLabel("Show the previous round's scores, ranks and comments to this jury").check();
			await page.getByRole('button', { name: 'Save settings' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
			await expect(page.getByLabel("Show the previous round's scores, ranks and comments to this jury")).toBeChecked();
			await page.getByRole('button', { name: 'Open scoring' }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Open for scoring');
		});
	});

	// In the final Sanne's idea gets 5s, the first other idea on each sheet 4s, the rest 3s.
	const finalLevel = (title: string, row: number) => (title === SANNE_IDEA ? 5 : row === 0 ? 4 : 3);

	await test.step("the final jury scores: Annelies Jansen on the sheet, Bart Hendriks offline; Hans Mulder and Willemijn de Vries are above Sanne's team", async () => {
		await as(browser, 'Annelies Jansen', async (page) => {
			await page.goto('/jury');
			await roundSection(page, 'Final').getByRole('link', { name: SANNE_IDEA }).click();
			// The semi-final's score, rank and comments, marked as such, without names.
			const carried = page.getByTestId('carried-round');
			await expect(carried.getByRole('heading', { level: 2 })).toHaveText('From the previous round: Semi-final');
			await expect(carried.getByTestId('carried-score')).toContainText('rank 1 of 15 in Build Operations');
			await expect(carried).toContainText('Directly usable on the other module lines.');
			await expect(carried).not.toContainText('Erik');
			await expectAccessibleNow(page);
			await scoreOnSheet(page, 5, 'An example for every cleanroom in the company.');
			await scoreOffline(page, 'Final', finalLevel);
		});
		await as(browser, 'Bart Hendriks', (page) => scoreOffline(page, 'Final', finalLevel));
		for (const [juror, levels] of [
			['Hans Mulder', 3],
			['Willemijn de Vries', 4]
		] as const)
			await as(browser, juror, async (page) => {
				await page.goto('/jury');
				const final = roundSection(page, 'Final');
				await expect(final.getByTestId('excluded-ideas')).toContainText(
					`${SANNE_IDEA}: You are above Sanne Bakker in the reporting line (${levels} levels).`
				);
				await expect(final.getByRole('link', { name: SANNE_IDEA })).toHaveCount(0);
				// Finalists from outside their line, if any, they score as the others do.
				if (await final.locator('table tbody a').count()) await scoreOffline(page, 'Final', finalLevel);
			});
	});

	await test.step('the organiser closes the final, records the winner and publishes', async () => {
		await as(browser, 'Ruud van Dijk', async (page) => {
			await page.goto(competitionPath);
			await page.getByRole('link', { name: /Final/ }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Open for scoring');
			const override = page.getByLabel('Close anyway (override)');
			if (await override.isVisible()) {
				await override.check();
				await page.getByLabel(/Reason for closing/).fill('One juror was absent.');
			}
			await page.getByRole('button', { name: 'Close the round and lock the scores' }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Closed');
			const first = page.getByTestId('ranking-Higher management').locator('tbody tr').first();
			await expect(first).toContainText(SANNE_IDEA);
			await expect(first.locator('select')).toHaveValue('winner');
			await page.getByRole('button', { name: 'Confirm the outcomes' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'The outcomes are recorded' })).toBeVisible();
			await page.getByRole('button', { name: 'Publish the results' }).click();
			await expect(page.getByTestId('round-status')).toHaveText('Results published');
		});
	});

	await test.step('Sanne reads the feedback; a juror sees the outcome of what he scored', async () => {
		await as(browser, 'Sanne Bakker', async (page) => {
			await page.goto('/ideas');
			await page.getByRole('link', { name: SANNE_IDEA }).first().click();
			await page.waitForURL(/\/ideas\/\d+$/);
			const ideaPath = new URL(page.url()).pathname;
			await page.goto(`${ideaPath}/feedback`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jury feedback');
			const final = page.getByTestId('feedback-final');
			await expect(final.getByTestId('feedback-outcome')).toHaveText('Winner');
			const semi = page.getByTestId('feedback-semi_final');
			await expect(semi.getByTestId('feedback-outcome')).toHaveText('Advanced to the final');
			await expect(semi.getByTestId('feedback-rank')).toHaveText('1 of 15 in Build Operations');
			await expect(semi.getByTestId('feedback-rule')).toHaveText('Top 3 of Build Operations');
			// Sanne's idea scored highest on its own: no tie-break placed it.
			await expect(semi.getByTestId('feedback-tie-break')).toHaveCount(0);
			await expect(final.getByTestId('feedback-rule')).toHaveText('Decided by the organisers');
			await expectAccessibleNow(page);
			// In Dutch the rule reads the same way.
			await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: new URL('/', page.url()).toString() }]);
			await page.reload();
			await expect(page.getByTestId('feedback-semi_final').getByTestId('feedback-rule')).toHaveText('Top 3 van Build Operations');
			await expect(page.getByTestId('feedback-final').getByTestId('feedback-rule')).toHaveText('Besloten door de organisatoren');
			await expect(semi).toContainText('Directly usable on the other module lines.');
			await expect(semi).not.toContainText('Erik');
			await page.screenshot({ path: 'test-results/judging-feedback.png', fullPage: true });
		});
		await as(browser, 'Erik Brouwer', async (page) => {
			await page.goto('/jury');
			const row = roundSection(page, 'Semi-final').locator('tr', { hasText: SANNE_IDEA });
			await expect(row).toContainText('Advanced to the final');
		});
	});
});
