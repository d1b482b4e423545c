import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * An idea's public discussion: a colleague from another department comments on a public demo
 * idea (Improvement Cup 2026's submission deadline passed; the idea is in the semi-final), an
 * organiser hides the comment with a reason, and the colleague no longer sees it but finds the
 * reason in their notifications. With and without JavaScript; axe on the idea page.
 */
const IDEA = 'ESD tester at the cleanroom entrance that logs every test';
const COLLEAGUE = 'Sanne Bakker';
const ORGANISER = 'Ruud van Dijk';

async function signedIn(browser: Browser, name: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signInAs(page, name);
	return page;
}

/** The idea's page, found by its title in the organisers' list of all ideas. */
async function ideaPath(organiser: Page): Promise<string> {
	await organiser.goto(`/organise/ideas?q=${encodeURIComponent('ESD tester')}`);
	const href = await organiser.getByRole('link', { name: IDEA }).first().getAttribute('href');
	expect(href).toMatch(/^\/ideas\/\d+$/);
	return href!;
}

async function statementsOf(page: Page, path: string): Promise<number> {
	const response = await page.request.get(path);
	expect(response.status()).toBe(200);
	const timing = /statements=(\d+)/.exec(response.headers()['server-timing'] ?? '');
	expect(timing, 'Server-Timing names the statements (STATEMENT_TIMING=1)').not.toBeNull();
	return Number(timing![1]);
}

async function commentAndHide(browser: Browser, javaScriptEnabled: boolean) {
	const words = `Logistics loses time on this too (${javaScriptEnabled ? 'with' : 'without'} JavaScript, ${Date.now()}).`;
	const reason = `Please keep names out of it (${javaScriptEnabled ? 'js' : 'no-js'}).`;
	const ruud = await signedIn(browser, ORGANISER, javaScriptEnabled);
	const sanne = await signedIn(browser, COLLEAGUE, javaScriptEnabled);
	const path = await ideaPath(ruud);

	// The colleague comments: everyone who sees the idea reads it, marked with her department.
	await sanne.goto(path);
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText(IDEA);
	await expect(sanne.getByText('Everyone who can see this idea reads your comment')).toBeVisible();
	await sanne.getByLabel('Add a comment').fill(words);
	await sanne.getByRole('button', { name: 'Post comment' }).click();
	const mine = sanne.getByTestId('comment').filter({ hasText: words });
	await expect(mine).toBeVisible();
	await expect(mine).toContainText(COLLEAGUE);
	await expect(mine).toContainText('Build Operations');
	await expect(mine.getByText('Team', { exact: true })).toHaveCount(0);

	// The organiser hides it: a reason is required, then it is greyed with who, when and why.
	await ruud.goto(path);
	const theirs = ruud.getByTestId('comment').filter({ hasText: words });
	await theirs.getByText('Hide this comment').click();
	await theirs.getByRole('button', { name: 'Hide comment' }).click();
	await expect(ruud.getByTestId('comment').filter({ hasText: words }).getByRole('alert')).toHaveText('This is required.');
	const again = ruud.getByTestId('comment').filter({ hasText: words });
	await again.getByLabel('Reason (the writer reads it)').fill(reason);
	await again.getByRole('button', { name: 'Hide comment' }).click();
	await expect(ruud.getByText('The comment is hidden; its writer is told why.')).toBeVisible();
	const hidden = ruud.getByTestId('comment').filter({ hasText: words });
	await expect(hidden).toHaveAttribute('data-hidden', 'true');
	await expect(hidden.getByTestId('hidden-note')).toContainText(`Hidden by ${ORGANISER}`);
	await expect(hidden.getByTestId('hidden-note')).toContainText(reason);
	await expect(hidden.getByRole('button', { name: 'Show again' })).toBeVisible();

	// The colleague no longer sees it, and is told why.
	await sanne.goto(path);
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText(IDEA);
	await expect(sanne.getByText(words)).toHaveCount(0);
	await sanne.goto('/notifications');
	await expect(sanne.getByTestId('notifications').getByText(reason)).toBeVisible();
	return { ruud, sanne, path };
}

test('a colleague comments on a public idea, an organiser hides it with a reason, the colleague is told', async ({ browser }) => {
	const { ruud, sanne, path } = await commentAndHide(browser, true);
	// The idea page, for the organiser and for the colleague, stays within five statements.
	const counts = { organiser: await statementsOf(ruud, path), colleague: await statementsOf(sanne, path) };
	test.info().annotations.push({ type: 'statements', description: JSON.stringify(counts) });
	expect(counts.organiser).toBeLessThanOrEqual(5);
	expect(counts.colleague).toBeLessThanOrEqual(5);
	await sanne.goto(path);
	await expectAccessibleNow(sanne);
	await ruud.goto(path);
	await expectAccessibleNow(ruud);
	for (const page of [ruud, sanne]) await page.context().close();
});

test('the same without JavaScript', async ({ browser }) => {
	const { ruud, sanne } = await commentAndHide(browser, false);
	for (const page of [ruud, sanne]) await page.context().close();
});
