import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/** No serious or critical WCAG 2.1 AA problem on the pages each role uses most. */
async function expectAccessible(page: Page, path: string) {
	await page.goto(path);
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join('; ')})`
		);
	expect(serious, `${path}\n${serious.join('\n')}`).toEqual([]);
}

test('sign-in page', async ({ page }) => {
	await expectAccessible(page, '/signin');
});

test('employee pages', async ({ page }) => {
	await signInAs(page, 'Sanne Bakker');
	for (const path of ['/', '/ideas', '/ideas/new', '/kb', '/kb?q=torque', '/kb/1', '/notifications', '/no-such-page'])
		await expectAccessible(page, path);
	await page.goto('/ideas');
	const coached = await page.getByRole('link', { name: /Photo check of part kits/ }).getAttribute('href');
	for (const path of [coached!, `${coached}/coaching`, `${coached}/implementation`]) await expectAccessible(page, path);
});

test('organiser pages', async ({ page }) => {
	await signInAs(page, 'Ruud van Dijk');
	const rounds = ['/organise/competitions/2', '/organise/competitions/2/rounds/1'];
	for (const path of [
		'/',
		'/organise/screening',
		'/organise/ideas',
		'/organise/mentors',
		'/organise/competitions',
		...rounds,
		'/ideas/20',
		'/kb/pending'
	]) {
		await expectAccessible(page, path);
	}
});

test('admin pages', async ({ page }) => {
	await signInAs(page, 'Esther Smit');
	for (const path of ['/admin/users', '/admin/audit', '/departments']) await expectAccessible(page, path);
});

test('juror pages, the scoring sheet included', async ({ page }) => {
	await signInAs(page, 'Marieke Visser');
	await expectAccessible(page, '/jury');
	await page.locator('main table a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page, new URL(page.url()).pathname);
});

test('mentor pages', async ({ page }) => {
	await signInAs(page, 'Pieter de Groot');
	await expectAccessible(page, '/mentoring');
	await expectAccessible(page, '/mentoring/profile');
});
