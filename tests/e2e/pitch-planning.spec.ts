/**
 * Planning pitch day (issue 14) on the demo: the 2026 semi-final's sessions are seeded and
 * published, one per department and day, and every entry has its slot. The organiser takes
 * the last idea out of Logistics' (past) session, which cancels that team's invitation,
 * creates a new Logistics session on a new date, lets "Plan for me" place the idea (or adds
 * it anyway when its mentor has not marked it ready), adds a break, moves the idea after the
 * break in a browser without JavaScript, and publishes: the team's e-mail in the test mail
 * server carries invite.ics with the slot's new time.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleNow, signInAs, waitForMail } from './helpers';

const JURY = 'Logistics MT';
const ROOM = 'Warehouse 2, training room Quay';

/** A date `days` from now in Amsterdam, as the date field takes it. */
function amsterdamDate(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
}

/** "13:15" for an ICS UTC time like 20260303T121500Z, in Amsterdam. */
function amsterdamTimeOf(icsUtc: string): string {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(icsUtc)!;
	const instant = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
	return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
		instant
	);
}

async function openSessions(page: Page): Promise<string> {
	await page.goto('/organise/competitions');
	await page.getByRole('link', { name: 'Improvement Cup 2026' }).click();
	await page.waitForURL(/\/organise\/competitions\/\d+$/);
	await page.getByRole('link', { name: /Semi-final/ }).click();
	await page.waitForURL(/\/rounds\/\d+$/);
	const sessions = `${new URL(page.url()).pathname}/sessions`;
	await page.goto(sessions);
	await expect(page.getByRole('heading', { name: 'Pitch sessions', level: 1 })).toBeVisible();
	await expectAccessibleNow(page);
	return sessions;
}

test('the organiser plans a new session, moves an idea without JavaScript and publishes; the team gets invite.ics', async ({ browser }) => {
	test.setTimeout(240_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, 'Ruud van Dijk');
	const sessions = await openSessions(page);

	// Take the last idea out of Logistics' seeded session.
	const logistics = page.locator('section', { has: page.getByRole('heading', { name: JURY, level: 2 }) });
	await logistics.getByRole('link', { name: 'Plan', exact: true }).first().click();
	await expect(page.getByRole('heading', { name: /Logistics MT:/ })).toBeVisible();
	const pitches = page.locator('[data-testid="plan-item"][data-kind="pitch"]');
	const lastPitch = pitches.last();
	const title = (await lastPitch.getByRole('link').first().textContent())!.trim();
	expect(title.length).toBeGreaterThan(3);
	await lastPitch.getByRole('button', { name: `Remove “${title}” from the plan` }).click();
	await expect(page.getByTestId('plan-notice')).toContainText('Removed from the plan');
	await expect(page.getByTestId('plan-order')).not.toContainText(title);

	// A new session for Logistics, 40 days from now at 13:00 (Amsterdam time).
	await page.goto(sessions);
	const form = page.getByTestId('new-session');
	await form.getByLabel('Jury').selectOption({ label: JURY });
	await form.getByLabel('Date').fill(amsterdamDate(40));
	await form.getByLabel('Start time').fill('13:00');
	await form.getByLabel('Room').fill(ROOM);
	await form.getByLabel('Slot length (min)').fill('30');
	await form.getByRole('button', { name: 'Create session' }).click();
	await page.waitForURL(/\/sessions\/\d+\?created/);
	await expect(page.getByTestId('plan-notice')).toContainText('Session created');
	const plannerUrl = new URL(page.url()).pathname;
	await page.goto(sessions);
	await expect(page.locator('section', { has: page.getByRole('heading', { name: JURY, level: 2 }) })).toContainText(ROOM);
	await page.screenshot({ path: 'test-results/pitch-sessions.png', fullPage: true });
	await page.goto(plannerUrl);

	// Plan for me places it when its mentor marked it ready; otherwise it waits under "Not ready".
	await page.getByTestId('plan-for-me').click();
	await expect(page.getByTestId('plan-notice')).toContainText('Planned.');
	if (!(await page.getByTestId('plan-order').isVisible()) || !(await page.getByTestId('plan-order').textContent())!.includes(title)) {
		await page.getByRole('button', { name: `Add “${title}” anyway, though it is not marked ready` }).click();
		await expect(page.getByTestId('plan-notice')).toContainText('Idea added');
	}
	const idea = page.locator('[data-testid="plan-item"][data-kind="pitch"]', { hasText: title });
	await expect(idea.getByTestId('item-time')).toHaveText('13:00–13:30');

	// A 15-minute break after it.
	const breakForm = page.getByTestId('add-break');
	await breakForm.getByLabel('Break after').selectOption({ label: `13:30 · ${title}` });
	await breakForm.getByLabel('Minutes').fill('15');
	await breakForm.getByRole('button', { name: 'Add break' }).click();
	await expect(page.getByTestId('plan-notice')).toContainText('Break added');
	await expect(page.locator('[data-testid="plan-item"][data-kind="break"]').getByTestId('item-time')).toHaveText('13:30–13:45');

	// Without JavaScript: "Later" moves the idea after the break (a plain form post).
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const noJs = await plain.newPage();
	await signInAs(noJs, 'Ruud van Dijk');
	await noJs.goto(plannerUrl);
	await noJs.getByRole('button', { name: `Move “${title}” later` }).click();
	await expect(noJs.getByTestId('plan-notice')).toContainText('Order changed');
	const items = noJs.getByTestId('plan-item');
	await expect(items.first()).toHaveAttribute('data-kind', 'break');
	await expect(items.first().getByTestId('item-time')).toHaveText('13:00–13:15');
	await expect(items.nth(1).getByTestId('item-time')).toHaveText('13:15–13:45');
	await expect(items.nth(1)).toContainText(title);
	await plain.close();

	// The first tab's page is stale now: its publish is refused, nothing is sent.
	await page.getByTestId('publish').click();
	await expect(page.getByTestId('plan-error')).toContainText('The plan changed in the meantime');
	await page.goto(plannerUrl);
	await page.getByTestId('publish').click();
	await expect(page.getByTestId('plan-notice')).toContainText(/Plan published\. Teams told: 1\. Jurors told: \d+\./);
	await expect(page.getByTestId('published-badge')).toHaveText('Published (version 1)');
	await page.screenshot({ path: 'test-results/pitch-planner.png', fullPage: true });
	await expectAccessibleNow(page);

	// The team's invitation (in the member's language): the slot at 13:15 Amsterdam time, in the new room.
	const mail = await waitForMail((m) => m.text.includes(title) && /pitches on|pitcht op/.test(m.text), 60_000);
	const invite = mail.mail.attachments.find((a) => a.filename === 'invite.ics');
	expect(invite, 'the e-mail carries invite.ics').toBeTruthy();
	expect(invite!.contentType).toContain('text/calendar');
	const ics = invite!.content.toString('utf8').replace(/\r\n /g, '');
	expect(ics).toContain('METHOD:REQUEST');
	expect(ics).toContain('SEQUENCE:');
	expect(ics).toContain(`LOCATION:${ROOM.replace(/,/g, '\\,')}`);
	const start = /DTSTART:(\d{8}T\d{6}Z)/.exec(ics)![1];
	expect(amsterdamTimeOf(start)).toBe('13:15');
	expect(start.slice(0, 8)).toBe(amsterdamDate(40).replace(/-/g, ''));

	// The admin's outbox shows the message with its attachment.
	const outboxId = /ideacup-outbox-(\d+)@/.exec(mail.messageId ?? '')?.[1];
	expect(outboxId, 'the Message-ID names its outbox row').toBeTruthy();
	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signInAs(adminPage, 'Esther Smit');
	await adminPage.goto(`/admin/mail/${outboxId}`);
	await expect(adminPage.getByTestId('mail-attachments')).toContainText('invite.ics (text/calendar; charset=utf-8; method=REQUEST)');
	await admin.close();

	// The cancellation of the old slot went out too.
	const cancel = await waitForMail((m) => m.text.includes(title) && /is cancelled|gaat niet door/.test(m.text), 60_000);
	const cancelIcs = cancel.mail.attachments.find((a) => a.filename === 'invite.ics')!.content.toString('utf8');
	expect(cancelIcs).toContain('METHOD:CANCEL');

	// With JavaScript, dragging the idea above the break puts it first again (not published: the plan shows what would be told).
	await page.goto(plannerUrl);
	const dragged = page.locator('[data-testid="plan-item"][data-kind="pitch"]', { hasText: title });
	await dragged.dragTo(page.locator('[data-testid="plan-item"][data-kind="break"]'));
	await expect(page.getByTestId('plan-notice')).toContainText('Order changed');
	await expect(page.getByTestId('plan-item').first()).toHaveAttribute('data-kind', 'pitch');
	await expect(dragged.getByTestId('item-time')).toHaveText('13:00–13:30');
	await expect(page.getByTestId('publish-pending')).toContainText('Slots to tell (new or changed): 1.');

	// The statement budget, as the server counts it per request (hooks and layout included):
	// the two pages, and a move posted the way use:enhance posts it (the action alone).
	const statementsOf = (response: { headers(): Record<string, string> }) =>
		Number(/statements=(\d+)/.exec(response.headers()['server-timing'] ?? '')?.[1] ?? NaN);
	const budget: Record<string, number> = {};
	for (const [name, path] of [
		['sessions page', sessions],
		['planner page', plannerUrl]
	])
		budget[name] = statementsOf(await page.request.get(path));
	const html = await (await page.request.get(plannerUrl)).text();
	const version = /name="version" value="([0-9a-f]{16})"/.exec(html)![1];
	const slotId = /name="slotId" value="(\d+)"/.exec(html)![1];
	const origin = new URL(page.url()).origin;
	const moved = await page.request.post(`${plannerUrl}?/move`, {
		headers: { origin, 'x-sveltekit-action': 'true' },
		form: { version, slotId, to: 'later' }
	});
	expect(moved.ok()).toBe(true);
	budget['move (action)'] = statementsOf(moved);
	const fresh = /name="version" value="([0-9a-f]{16})"/.exec(await (await page.request.get(plannerUrl)).text())![1];
	for (const action of ['planForMe', 'publish']) {
		const response = await page.request.post(`${plannerUrl}?/${action}`, {
			headers: { origin, 'x-sveltekit-action': 'true' },
			form: {
				version:
					action === 'planForMe'
						? fresh
						: /name="version" value="([0-9a-f]{16})"/.exec(await (await page.request.get(plannerUrl)).text())![1]
			}
		});
		expect(response.ok()).toBe(true);
		budget[`${action} (action)`] = statementsOf(response);
	}
	console.log(`statements per request: ${JSON.stringify(budget)}`);
	for (const [name, n] of Object.entries(budget)) expect(n, name).toBeLessThanOrEqual(5);

	// On a phone: nothing wider than the screen, on the planner and the sessions page.
	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of [plannerUrl, sessions]) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${path} fits a phone`).toBeLessThanOrEqual(0);
	}
	await page.goto(plannerUrl);
	await page.screenshot({ path: 'test-results/pitch-planner-phone.png', fullPage: true });
	await context.close();
});
