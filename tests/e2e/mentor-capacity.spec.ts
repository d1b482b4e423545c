import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * A mentor's places in use, by the one rule the portal assigns by (ACTIVE_ASSIGNMENT in
 * mentoring.queries.ts: a proposal waiting for the mentor's answer holds a place, as an
 * accepted idea does; assignMentor refuses a full mentor by that count). Pieter de Groot has
 * a request waiting and mentees in the demo.
 */
test('/mentoring counts the proposals waiting for an answer and the accepted ideas as places in use', async ({ page }) => {
	await signInAs(page, 'Pieter de Groot');
	await page.goto('/mentoring');
	const waiting = await page.getByTestId('waiting-for-answer').locator('article').count();
	const mentees = await page.getByTestId('my-mentees').locator('ul > li').count();
	expect(waiting).toBeGreaterThan(0);
	await expect(page.getByTestId('mentor-load')).toHaveText(new RegExp(`^${waiting + mentees} of \\d+ places? in use$`));
});

// The home page counts by the same rule (home.service.ts loadMentorCard: placesInUse).
test('the home page says the same places in use as /mentoring', async ({ page }) => {
	await signInAs(page, 'Pieter de Groot');
	await page.goto('/mentoring');
	const load = (await page.getByTestId('mentor-load').textContent())!.trim();
	await page.goto('/');
	await expect(page.getByTestId('mentor-mentees')).toContainText(load, { timeout: 3_000 });
});
