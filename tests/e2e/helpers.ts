import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { MAIL_SINK } from './support/mail.mjs';

/** Demo sign-in as a person of the seeded organisation, by their name on the sign-in page. */
export async function signInAs(page: Page, name: string): Promise<void> {
	await page.goto('/signin');
	await chooseDemoPerson(page, name);
}

/** On the sign-in page (wherever it was reached from), signs in as a person of the demo organisation. */
export async function chooseDemoPerson(page: Page, name: string): Promise<void> {
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

/** A message the test mail server received, as its list gives it (tests/e2e/support/smtp-sink.mjs). */
export type MailSummary = { file: string; to: string[]; subject: string; messageId: string | null; date: string | null; text: string };

/** A received message read with mailparser, with the links of its HTML and text parts (absolute URLs, in order, once each). */
export type ReceivedMail = MailSummary & { mail: ParsedMail; text: string; html: string; links: string[] };

/** Every message the test mail server has received so far, oldest first. */
export async function listMail(): Promise<MailSummary[]> {
	expect(MAIL_SINK.available, 'a test mail server is running (E2E_SMTP_HTTP_PORT)').toBe(true);
	const response = await fetch(`${MAIL_SINK.url}/messages`);
	expect(response.ok, 'the test mail server lists its messages').toBe(true);
	return (await response.json()) as MailSummary[];
}

/**
 * The first message the test mail server received that `predicate` accepts, waiting up to
 * `timeoutMs` for it; read with mailparser. Fails the test when none came in time.
 */
export async function waitForMail(predicate: (mail: MailSummary) => boolean, timeoutMs = 30_000): Promise<ReceivedMail> {
	const deadline = Date.now() + timeoutMs;
	let seen = 0;
	for (;;) {
		const list = await listMail();
		seen = list.length;
		const found = list.find(predicate);
		if (found) {
			const raw = Buffer.from(await (await fetch(`${MAIL_SINK.url}/messages/${found.file}`)).arrayBuffer());
			const mail = await simpleParser(raw);
			const html = typeof mail.html === 'string' ? mail.html : '';
			const text = mail.text ?? '';
			const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
			const bare = [...text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)].map((m) => m[0]);
			return { ...found, mail, text, html, links: [...new Set([...hrefs, ...bare])] };
		}
		if (Date.now() >= deadline) break;
		await new Promise((done) => setTimeout(done, 500));
	}
	throw new Error(`no matching e-mail within ${timeoutMs / 1000} s (${seen} received in all)`);
}
