import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { signInAs } from './helpers';

/**
 * An admin (Esther Smit, no organiser) looks for what happened to rounds and exports what the
 * filter found, then follows a line to the person it is about. Rounds are named without a
 * link: the round page is the organisers'.
 */
test('the admin filters the audit log, exports the filtered lines and follows a line to what it names', async ({ page }) => {
	await signInAs(page, 'Esther Smit');
	await page.goto('/admin/audit');
	const log = page.getByTestId('audit-log');
	await expect(log.locator('tbody tr').first()).toBeVisible();
	// Readable: no raw JSON in the details.
	await expect(log.getByTestId('audit-details').first()).not.toContainText('{');

	await page.getByLabel('Object type').selectOption('round');
	await page.getByRole('button', { name: 'Filter' }).click();
	await page.waitForURL(/type=round/);
	const rows = log.locator('tbody tr');
	const lines = Number(/\d+/.exec((await page.getByTestId('audit-count').textContent())!)![0]);
	expect(lines).toBeGreaterThan(0);
	await expect(rows).toHaveCount(Math.min(lines, 50));
	const object = rows.first().locator('td').nth(3);
	await expect(object).toContainText(' · ');
	await expect(object.getByRole('link')).toHaveCount(0);
	await expect(rows.first().locator('td').nth(1).getByRole('link')).toHaveAttribute('href', /^\/admin\/users\?q=.+%40/);

	const exportHref = (await page.getByTestId('audit-export').getAttribute('href'))!;
	expect(exportHref).toContain('type=round');
	const response = await page.request.get(exportHref);
	expect(response.headers()['content-type']).toContain('text/csv');
	expect(response.headers()['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
	const table: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''));
	const [header, ...records] = table;
	expect(header).toEqual(['id', 'at', 'actor', 'actor_email', 'action', 'object_type', 'object_id', 'object', 'details', 'data']);
	expect(records).toHaveLength(lines);
	expect(records.every((r) => r[5] === 'round' && r[7].includes(' · '))).toBe(true);

	// A line about a person leads to the people page, filtered on them.
	await page.getByLabel('Object type').selectOption('user');
	await page.getByRole('button', { name: 'Filter' }).click();
	await page.waitForURL(/type=user/);
	const person = rows.first().locator('td').nth(3).getByRole('link');
	await expect(person).toHaveAttribute('href', /^\/admin\/users\?q=.+%40/);
	const name = (await person.textContent())!.trim();
	await person.click();
	await page.waitForURL(/\/admin\/users\?q=/);
	await expect(page.locator('main table tbody tr')).toHaveCount(1);
	await expect(page.locator('main table tbody tr')).toContainText(name);
});
