import AxeBuilder from '@axe-core/playwright';
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

/** No serious or critical WCAG 2.2 AA problem (target size included) on the page as it is now. */
export async function expectAccessibleNow(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join('; ')})`
		);
	expect(serious, `${page.url()}\n${serious.join('\n')}`).toEqual([]);
}

/** A `datetime-local` value in Amsterdam time, `days` from now (the portal's competition windows are Amsterdam time). */
export function amsterdamLocal(days: number): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Amsterdam',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(Date.now() + days * 86_400_000))
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
