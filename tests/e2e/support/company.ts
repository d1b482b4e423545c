/**
 * Steps of a company's own organisation, for journeys against the second portal
 * (project 'own-organisation', see own-org.mjs): its first start through the setup link in
 * the server log, company sign-in through the real OpenID provider (idp.mjs), and the
 * administrator's steps those journeys need.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { IDP, ORG_APP } from './own-org.mjs';

/** The newest setup link the portal printed in its log, as an administrator would copy it. */
export async function readSetupLink(timeoutMs = 30_000): Promise<string> {
	const pattern = /IdeaCup: no administrator yet\. Open (\S+\/setup\/[A-Za-z0-9_-]{43}) to set up your organisation\./g;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let log = '';
		try {
			log = readFileSync(ORG_APP.logFile, 'utf8');
		} catch {
			// not written yet
		}
		// Only this run's server: its lines come after its last start marker.
		const start = log.lastIndexOf(`server start on port ${ORG_APP.port}`);
		const links = [...log.slice(Math.max(start, 0)).matchAll(pattern)].map((m) => m[1]);
		if (links.length) return links[links.length - 1];
		if (Date.now() > deadline) throw new Error(`No setup link in ${ORG_APP.logFile}`);
		await new Promise((done) => setTimeout(done, 250));
	}
}

export type FirstStart = {
	departmentCode: string;
	departmentName: string;
	departmentNameNl?: string;
	name: string;
	email: string;
	employeeNumber?: string;
};

/** Opens the setup link and sets the portal up; ends on the welcome page, signed in as the first administrator. */
export async function setUpPortal(page: Page, link: string, first: FirstStart): Promise<void> {
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: /Set up IdeaCup|IdeaCup instellen/ })).toBeVisible();
	await page.locator('#departmentCode').fill(first.departmentCode);
	await page.locator('#departmentName').fill(first.departmentName);
	if (first.departmentNameNl) await page.locator('#departmentNameNl').fill(first.departmentNameNl);
	await page.locator('#name').fill(first.name);
	await page.locator('#email').fill(first.email);
	if (first.employeeNumber) await page.locator('#employeeNumber').fill(first.employeeNumber);
	await page.getByRole('button', { name: /Set up and sign in|Instellen en inloggen/ }).click();
	await expect(page).toHaveURL(/\/setup\/welcome$/);
}

/**
 * Company sign-in through the identity provider: the portal's button, the provider's login
 * form (username, password when the account has one), back to the portal. Returns the
 * portal's URL it lands on. When the provider still knows the browser, it asks nothing.
 */
export async function signInThroughIdp(page: Page, username: string, password?: string): Promise<URL> {
	await page.goto('/signin');
	await page.getByTestId('company-signin').click();
	const atIdp = (url: URL) => url.origin === IDP.issuer && url.pathname.startsWith('/interaction/');
	const backHome = (url: URL) => url.origin === ORG_APP.origin && !/^\/(auth|signin\/(company|complete))\b/.test(url.pathname);
	await page.waitForURL((url) => atIdp(url) || backHome(url));
	if (atIdp(new URL(page.url()))) {
		await page.getByLabel('Username').fill(username);
		if (password) await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(backHome);
	}
	return new URL(page.url());
}

/** The administrator adds a department under another (by its code). */
export async function addDepartment(page: Page, d: { code: string; name: string; nameNl?: string; parentCode?: string }): Promise<void> {
	await page.goto('/admin/departments');
	await page.locator('#new-code').fill(d.code);
	await page.locator('#new-name').fill(d.name);
	if (d.nameNl) await page.locator('#new-name-nl').fill(d.nameNl);
	if (d.parentCode) {
		const option = page.locator('#new-parent option', { hasText: `(${d.parentCode})` });
		await page.locator('#new-parent').selectOption(await option.getAttribute('value'));
	}
	await page.locator('form[action="?/create"] button[type="submit"]').click();
	await expect(page).toHaveURL(/\/admin\/departments\/\d+/);
}

/** The administrator opens a person's page from the People list, found by e-mail. */
export async function openPerson(page: Page, email: string): Promise<void> {
	await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	await page.getByTestId(`person-${email}`).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/admin\/users\/\d+/);
}

/** The administrator disables a person (with the handover the page confirms first). */
export async function disablePerson(page: Page, email: string): Promise<void> {
	await openPerson(page, email);
	await page.locator('#disable form[method="GET"] button').click();
	await page.getByTestId('confirm-disable').getByRole('button').first().click();
	await expect(page.locator('form[action="?/enable"]')).toBeVisible();
}

export { expectAccessibleNow } from '../helpers';
