import { expect, type Page } from '@playwright/test';

/** Demo sign-in as a person of the seeded organisation, by their name on the sign-in page. */
export async function signInAs(page: Page, name: string): Promise<void> {
	await page.goto('/signin');
	const featured = page.getByRole('button', { name: new RegExp(name) }).first();
	if (await featured.isVisible()) {
		await featured.click();
	} else {
		await page.getByText(/Everyone in the demo organisation|Iedereen in de demo-organisatie/).click();
		await page
			.getByRole('button', { name: new RegExp(name) })
			.first()
			.click();
	}
	await expect(page.getByRole('button', { name: /Sign out|Afmelden/ }).first()).toBeVisible();
}
