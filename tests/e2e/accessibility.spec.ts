import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/** No serious or critical WCAG 2.2 AA problem (target size included) on the pages each role uses most. */
async function expectAccessible(page: Page, path: string) {
	await page.goto(path);
	await expectAccessibleNow(page);
}

/** A page to check: its address, or how to find it when the address depends on the data. */
type PageToCheck = { name: string; path: string | ((page: Page) => Promise<string>) };

const at = (path: string): PageToCheck => ({ name: path, path });

/** Sanne's idea that a mentor coaches, found on her list of ideas. */
async function coachedIdea(page: Page): Promise<string> {
	await page.goto('/ideas');
	return (await page.getByRole('link', { name: /Photo check of part kits/ }).getAttribute('href'))!;
}

/** The first scoring sheet on Marieke's jury page. */
async function scoringSheet(page: Page): Promise<string> {
	await page.goto('/jury');
	await page.locator('main table a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	return new URL(page.url()).pathname;
}

/** Who signs in (nobody for the sign-in page) and the pages they use most. */
const ROLES: Array<{ role: string; person: string | null; pages: PageToCheck[] }> = [
	{ role: 'visitor', person: null, pages: [{ name: 'sign-in page', path: '/signin' }] },
	{
		role: 'employee',
		person: 'Sanne Bakker',
		pages: [
			...['/', '/ideas', '/ideas/new', '/kb', '/kb?q=torque', '/kb/1'].map(at),
			...['/notifications', '/settings/notifications', '/no-such-page'].map(at),
			{ name: 'a coached idea', path: coachedIdea },
			{ name: "a coached idea's coaching space", path: async (page) => `${await coachedIdea(page)}/coaching` },
			{ name: "a coached idea's implementation", path: async (page) => `${await coachedIdea(page)}/implementation` }
		]
	},
	{
		role: 'organiser',
		person: 'Ruud van Dijk',
		pages: [
			'/',
			'/organise/screening',
			'/organise/ideas',
			'/organise/mentors',
			'/organise/competitions',
			'/organise/competitions/2',
			'/organise/competitions/2/rounds/1',
			'/ideas/20',
			'/kb/pending'
		].map(at)
	},
	{ role: 'admin', person: 'Esther Smit', pages: ['/admin/users', '/admin/audit', '/admin/mail', '/admin/jobs', '/departments'].map(at) },
	{ role: 'juror', person: 'Marieke Visser', pages: [at('/jury'), { name: 'the scoring sheet', path: scoringSheet }] },
	{ role: 'mentor', person: 'Pieter de Groot', pages: ['/mentoring', '/mentoring/profile'].map(at) }
];

// One test per page, so a slow machine runs out of time on one page, not on a whole role.
for (const { role, person, pages } of ROLES) {
	test.describe(`${role} pages`, () => {
		for (const { name, path } of pages) {
			test(name, async ({ page }) => {
				if (person) await signInAs(page, person);
				await expectAccessible(page, typeof path === 'string' ? path : await path(page));
			});
		}
	});
}

test('the bell says how many notifications are unread once, as its one name', async ({ page }) => {
	await signInAs(page, 'Marieke Visser');
	// On a phone the bell sits in the header's second row, with the number always beside it.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/kb');
	const phoneBell = page.locator('header a[href="/notifications"]').last();
	await expect(phoneBell).toBeVisible();
	const unread = (await phoneBell.textContent())!.trim();
	expect(unread).toMatch(/^\d+$/);
	await expect(phoneBell).toHaveAccessibleName(`Unread notifications: ${unread}`);
	await expect(phoneBell).toHaveAccessibleDescription('');
	await page.setViewportSize({ width: 1280, height: 800 });
	const bell = page.locator('header a[href="/notifications"]').first();
	await expect(bell).toBeVisible();
	await expect(bell).toHaveAccessibleName(`Unread notifications: ${unread}`);
	await expect(bell).toHaveAccessibleDescription('');
});
