import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAs } from './helpers';

/** The id of a person on the demo sign-in page, by name. */
async function demoIdOf(request: APIRequestContext, name: string): Promise<string> {
	const html = await (await request.get('/signin')).text();
	const button = html.split('<button').find((part) => part.includes(`>${name}<`));
	const id = button && /value="(\d+)"/.exec(button)?.[1];
	expect(id, `${name} on the sign-in page`).toBeTruthy();
	return id!;
}

const form = (fields: Record<string, string>) => ({
	headers: {
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`
	},
	data: new URLSearchParams(fields).toString(),
	maxRedirects: 0
});

test.describe('sign-in and sessions', () => {
	test('signing out ends the session on the server: the old cookie opens nothing', async ({ page, browser }) => {
		await signInAs(page, 'Sanne Bakker');
		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name === 'ideacup_session');
		expect(session, 'the session cookie').toBeDefined();
		expect(session!.httpOnly).toBe(true);
		// Plain http ORIGIN: the cookie must not be Secure, or a browser would drop it.
		expect(session!.secure).toBe(false);

		await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
		await expect(page).toHaveURL(/\/signin/);

		const replay = await browser.newContext();
		await replay.addCookies([session!]);
		const other = await replay.newPage();
		await other.goto('/ideas');
		await expect(other).toHaveURL(/\/signin/);
		await replay.close();
	});

	test('sign out on every device ends the other sessions too', async ({ browser }) => {
		const phone = await browser.newContext();
		const laptop = await browser.newContext();
		const onPhone = await phone.newPage();
		const onLaptop = await laptop.newPage();
		await signInAs(onPhone, 'Pieter de Groot');
		await signInAs(onLaptop, 'Pieter de Groot');
		await onLaptop.getByRole('button', { name: 'Sign out on every device' }).click();
		await expect(onLaptop).toHaveURL(/\/signin/);
		await onPhone.goto('/ideas');
		await expect(onPhone).toHaveURL(/\/signin/);
		await phone.close();
		await laptop.close();
	});

	test('an unknown person or a broken form lands on the sign-in page with a message, never a 500', async ({ page, request }) => {
		for (const userId of ['9999999', 'abc', '-1', '']) {
			const response = await request.post('/signin?/demo', form({ userId, redirectTo: '/' }));
			expect(response.status(), `userId=${userId}`).toBeLessThan(500);
		}
		await page.goto('/signin');
		// After the page has hydrated: hydration would put the rendered value back.
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => {
			const button = document.querySelector<HTMLButtonElement>('button[name="userId"]')!;
			button.value = '9999999';
		});
		await page.locator('button[name="userId"]').first().click();
		await expect(page.getByRole('alert')).toContainText(/cannot sign in/);
	});

	test('every error path of the company sign-in lands on the sign-in page', async ({ page, request }) => {
		const paths: Array<[string, string, Record<string, string> | null]> = [
			['POST', '/auth/callback/demo', { userId: 'abc' }],
			['POST', '/auth/callback/demo', { userId: '9999' }],
			['POST', '/auth/callback/nope', {}],
			['GET', '/auth/signin/demo', null],
			['GET', '/auth/callback/oidc?code=x&state=y', null]
		];
		for (const [method, path, fields] of paths) {
			const response = method === 'GET' ? await request.get(path, { maxRedirects: 0 }) : await request.post(path, form(fields ?? {}));
			expect([302, 303], `${method} ${path}`).toContain(response.status());
			expect(response.headers()['location'], `${method} ${path}`).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/signin\?error=/);
		}
		await page.goto('/auth/callback/oidc?code=x&state=y');
		await expect(page).toHaveURL(/\/signin\?error=/);
		await expect(page.getByRole('alert')).toContainText(/did not work/);
	});

	test('a redirect target that leaves the site is ignored', async ({ page }) => {
		await signInAs(page, 'Sanne Bakker');
		for (const target of [
			'%2F%09%2F127.0.0.1:3999%2Fphish',
			'%2F%2Fevil.example',
			'%2F%0A%2Fevil.example',
			'%2F%00',
			'https:%2F%2Fevil.example'
		]) {
			const response = await page.request.get(`/signin?redirectTo=${target}`, { maxRedirects: 0 });
			expect(response.status(), target).toBe(303);
			expect(response.headers()['location'], target).toBe('/');
		}
		const locale = await page.request.post('/locale', form({ locale: 'en', redirectTo: '/\t/evil.example' }));
		expect(locale.headers()['location']).toBe('/');
	});

	test('too many sign-in attempts for one person are refused with 429 and Retry-After', async ({ playwright, request, baseURL }) => {
		// Someone no other journey signs in as: the refusals last the window (ten minutes), and
		// the journeys after this one sign in as the demo's owners and operators.
		const id = await demoIdOf(request, 'Bas Jacobs');
		const seen: number[] = [];
		let retryAfter: string | undefined;
		for (let i = 0; i < 200 && retryAfter === undefined; i++) {
			// Each attempt as a stranger would make it: no cookie from the attempt before.
			const stranger = await playwright.request.newContext({ baseURL });
			const response = await stranger.post('/signin?/demo', form({ userId: id, redirectTo: '/' }));
			seen.push(response.status());
			if (response.status() === 429) retryAfter = response.headers()['retry-after'];
			await stranger.dispose();
		}
		expect(
			seen.filter((s) => s !== 303 && s !== 429),
			'every attempt signs in or is refused'
		).toEqual([]);
		expect(Number(retryAfter), `a refusal with Retry-After within 200 attempts (the e2e server allows 150)`).toBeGreaterThan(0);
	});
});
