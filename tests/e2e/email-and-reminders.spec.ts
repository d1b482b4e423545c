/**
 * Issue 13's journey: the portal reaches people by e-mail. Sanne Bakker (Dutch) writes a fresh
 * idea with Fatima El Amrani (English) in her team and submits it; the organiser, Ruud van Dijk,
 * who chose to get "Organising" at once instead of in the digest, gets "a new idea was
 * submitted" by e-mail. He returns it with a reason: Sanne and Fatima each get an e-mail in
 * their own language, naming the idea, with List-Unsubscribe headers and a link (ORIGIN) that
 * opens the idea; Fatima, not signed in, follows it, signs in and lands on the idea. Sanne
 * resubmits. Then Sanne sets "Your ideas" to "only in the portal": when Ruud accepts the idea,
 * Fatima's e-mail arrives and Sanne's does not, while her notification is in the portal.
 *
 * The mail goes through the real SMTP path to the test mail server (tests/e2e/support/smtp-sink.mjs).
 * The mail's HTML is attached as screenshots at 1280 and 390 px.
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { chooseDemoPerson, listMail, signInAs, waitForMail, type MailSummary, type ReceivedMail } from './helpers';
import { MAIL_SINK } from './support/mail.mjs';

const SANNE = 'sanne.bakker@ideacup.example';
const FATIMA = 'fatima.elamrani@ideacup.example';
const RUUD = 'ruud.vandijk@ideacup.example';

/** Delivery runs shortly after a change (the job queue); 30 s leaves room on a loaded machine. */
const MAIL_WITHIN_MS = 30_000;

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

const DELIVERY_LABELS = {
	immediate: /^(Immediately|Direct)/,
	digest: /^(In a daily digest|In een dagelijks overzicht)/,
	off: /^(Only in the portal|Alleen in het portaal)/
} as const;

/** Sets one group of the person's e-mail settings (/settings/notifications, English or Dutch) and saves. */
async function setMailDelivery(page: Page, group: string, delivery: keyof typeof DELIVERY_LABELS) {
	await page.goto('/settings/notifications');
	const choice = () => page.getByTestId(`mail-group-${group}`).getByRole('radio', { name: DELIVERY_LABELS[delivery] });
	await choice().check();
	await page.getByRole('button', { name: /Save settings|Instellingen opslaan/ }).click();
	await expect(page.getByTestId('mail-saved')).toBeVisible();
	await page.reload();
	await expect(choice()).toBeChecked();
}

/** A message to `address` about the idea `title`, whose text says `words` (which notification it is) when given. */
const to = (address: string, title: string, words?: string) => (mail: MailSummary) =>
	mail.to.includes(address) && (mail.subject.includes(title) || mail.text.includes(title)) && (!words || mail.text.includes(words));

/** The mail's HTML as a reader sees it, wide and narrow, attached to the test. */
async function attachRendering(browser: Browser, testInfo: TestInfo, name: string, mail: ReceivedMail) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.setContent(mail.html, { waitUntil: 'load' });
			// A file in the test's output folder too, kept after a pass.
			const path = testInfo.outputPath(`${name}-${width}px.png`);
			await page.screenshot({ path, fullPage: true });
			await testInfo.attach(`${name}-${width}px.png`, { path, contentType: 'image/png' });
		}
	} finally {
		await context.close();
	}
}

/** The e-mail's one link to the idea: absolute, at the portal's address (ORIGIN). */
function ideaLinkOf(mail: ReceivedMail, origin: string, ideaPath: string): string {
	const links = mail.links.filter((link) => new URL(link).pathname === ideaPath);
	expect(links, `the e-mail links to ${ideaPath}: ${mail.links.join(' ')}`).not.toHaveLength(0);
	for (const link of links) expect(new URL(link).origin).toBe(origin);
	return links[0];
}

/** The raw value of a header (mailparser folds the List-* headers into one object; the raw lines keep them). */
function rawHeader(mail: ReceivedMail, key: string): string | undefined {
	const line = mail.mail.headerLines.find((h) => h.key === key)?.line;
	return line?.slice(line.indexOf(':') + 1).trim();
}

function expectUnsubscribeHeaders(mail: ReceivedMail, origin: string) {
	expect(rawHeader(mail, 'list-unsubscribe'), 'List-Unsubscribe names a link of the portal').toContain(`<${origin}/`);
	expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
}

test('an organiser returns an idea: the team hears by e-mail in their own language, the link opens the idea, and "only in the portal" sends none', async ({
	browser
}, testInfo) => {
	test.skip(!MAIL_SINK.available, 'no test mail server to read (E2E_SMTP_HTTP_PORT)');
	test.setTimeout(300_000);
	const origin = new URL(String(testInfo.project.use.baseURL)).origin;
	// A fresh idea each run (a retry on the same database too).
	const TITLE = `Kalibratiedatum zichtbaar op elke momentsleutel ${Date.now().toString(36)}`;

	const sanne = await newPage(browser);
	const ruud = await newPage(browser);
	const fatima = await newPage(browser);

	// The organiser wants new ideas at once rather than in the morning's digest.
	await signInAs(ruud, 'Ruud van Dijk');
	await setMailDelivery(ruud, 'organising', 'immediate');

	// Sanne, in Dutch (her language in the portal too), writes the idea with Fatima in the team.
	await signInAs(sanne, 'Sanne Bakker');
	await sanne.getByRole('button', { name: 'NL' }).first().click();
	await expect(sanne.locator('html')).toHaveAttribute('lang', 'nl');
	await sanne.getByRole('link', { name: 'Idee schrijven' }).first().click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Idee schrijven');
	await sanne.getByLabel('Titel').fill(TITLE);
	await sanne
		.getByLabel('Het probleem nu')
		.fill('Op de momentsleutels staat niet wanneer ze gekalibreerd zijn; we zoeken het elke keer op in het systeem.');
	await sanne
		.getByLabel('Je voorgestelde verbetering')
		.fill('Een sticker met de volgende kalibratiedatum op elke sleutel, bijgewerkt bij de kalibratie.');
	await sanne.getByLabel('Zoek een collega op naam').fill('Fatima');
	await sanne.getByRole('button', { name: 'Toevoegen' }).first().click();
	await expect(sanne.getByTestId('team-chosen')).toContainText('Fatima El Amrani');
	await sanne.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(sanne.getByTestId('status-meaning')).toContainText('Ontvangen');
	const ideaPath = new URL(sanne.url()).pathname;
	expect(ideaPath).toMatch(/^\/ideas\/\d+$/);

	// The organiser's "new idea" arrives.
	const submitted = await waitForMail(to(RUUD, TITLE, 'A new idea was submitted'), MAIL_WITHIN_MS);
	expect(submitted.text).toContain('Hello Ruud van Dijk');
	ideaLinkOf(submitted, origin, ideaPath);

	// He returns it with a reason.
	await ruud.goto(ideaPath);
	const screening = ruud.getByTestId('screening-form');
	await screening.getByLabel('Return for changes').check();
	await screening.getByLabel('Message to the team').fill('Which sticker survives the cleaning agent? Try two for a week.');
	await screening.getByRole('button', { name: 'Send decision' }).click();
	await expect(ruud.getByText('Returned to the team with your message.')).toBeVisible();

	// Each team member's e-mail, in their own language, names the idea and can be unsubscribed from.
	const forSanne = await waitForMail(to(SANNE, TITLE, 'is teruggestuurd voor aanpassingen'), MAIL_WITHIN_MS);
	const forFatima = await waitForMail(to(FATIMA, TITLE, 'was returned for changes'), MAIL_WITHIN_MS);
	expect(forSanne.subject + forSanne.text).toContain(TITLE);
	expect(forSanne.text).toContain('Hallo Sanne Bakker');
	expect(forFatima.text).toContain('Hello Fatima El Amrani');
	// The organiser's message is in the mail, so the team knows what to change without opening the portal.
	expect(forFatima.text).toContain('Reason:\n> Which sticker survives the cleaning agent? Try two for a week.');
	expect(forSanne.text).toContain('Reden:\n> Which sticker survives the cleaning agent? Try two for a week.');
	for (const mail of [forSanne, forFatima]) {
		expect(mail.html).toContain(TITLE);
		expectUnsubscribeHeaders(mail, origin);
	}
	await attachRendering(browser, testInfo, 'returned-nl', forSanne);
	await attachRendering(browser, testInfo, 'returned-en', forFatima);

	// Fatima, not signed in, follows the link: sign-in first, then the idea itself.
	await fatima.goto(ideaLinkOf(forFatima, origin, ideaPath));
	await expect(fatima).toHaveURL(/\/signin/);
	await chooseDemoPerson(fatima, 'Fatima El Amrani');
	await expect(fatima).toHaveURL(new RegExp(`${ideaPath}$`));
	await expect(fatima.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(fatima.getByTestId('timeline')).toContainText('Try two for a week.');

	// Sanne resubmits.
	await sanne.goto(ideaPath);
	await sanne.getByRole('link', { name: 'Bewerken' }).click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Idee bewerken');
	await sanne
		.getByLabel('Het probleem nu')
		.fill(
			'Op de momentsleutels staat niet wanneer ze gekalibreerd zijn. Getest: de polyester sticker blijft leesbaar na een week reinigen.'
		);
	await sanne.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(sanne.getByTestId('status-meaning')).toContainText('Ontvangen');
	// The organisers hear of it again, and the team that it was received, once each.
	const countOf = async (predicate: (mail: MailSummary) => boolean) => (await listMail()).filter(predicate).length;
	await expect.poll(() => countOf(to(RUUD, TITLE, 'A new idea was submitted')), { timeout: MAIL_WITHIN_MS }).toBe(2);
	await expect.poll(() => countOf(to(SANNE, TITLE, 'is ontvangen')), { timeout: MAIL_WITHIN_MS }).toBe(2);

	// "Only in the portal" for her own ideas: the acceptance reaches Fatima by e-mail, Sanne only in the portal.
	await setMailDelivery(sanne, 'my_ideas', 'off');
	const sanneBefore = await countOf(to(SANNE, TITLE));
	await ruud.goto(ideaPath);
	await ruud.getByTestId('screening-form').getByLabel('Accept into the competition').check();
	await ruud.getByTestId('screening-form').getByRole('button', { name: 'Send decision' }).click();
	await expect(ruud.getByText('Accepted. The team has been told.')).toBeVisible();
	const accepted = await waitForMail(to(FATIMA, TITLE, 'was accepted into the competition'), MAIL_WITHIN_MS);
	expect(accepted.text).toContain('Hello Fatima El Amrani');
	await sanne.goto('/notifications');
	await expect(sanne.getByText(`Je idee “${TITLE}” is toegelaten tot de competitie.`)).toBeVisible();
	expect(await countOf(to(SANNE, TITLE)), 'no e-mail to Sanne after "only in the portal"').toBe(sanneBefore);

	// As they were: the demo's defaults for both, and Sanne's portal in English.
	await setMailDelivery(sanne, 'my_ideas', 'immediate');
	await sanne.getByRole('button', { name: 'EN' }).first().click();
	await setMailDelivery(ruud, 'organising', 'digest');
	for (const page of [sanne, ruud, fatima]) await page.context().close();
});
