import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// A real 1x1 PNG: the server checks the bytes, not the name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const TITLE = 'Vaste plek voor de ESD-polsbandtester bij lijn 3';

async function toDutch(page: Page) {
	await page.getByRole('button', { name: 'NL' }).first().click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
}

test('an operator writes and submits an idea in Dutch with a photo; it is returned, improved, resubmitted and accepted', async ({
	browser
}) => {
	const operatorContext = await browser.newContext();
	const organiserContext = await browser.newContext();
	const sanne = await operatorContext.newPage();
	const ruud = await organiserContext.newPage();

	// The operator writes in Dutch.
	await signInAs(sanne, 'Sanne Bakker');
	await toDutch(sanne);
	await sanne.getByRole('link', { name: 'Idee schrijven' }).first().click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Idee schrijven');
	await sanne.getByLabel('Titel').fill(TITLE);
	await sanne.getByLabel('Het probleem nu').fill('te kort');
	await sanne
		.getByLabel('Je voorgestelde verbetering')
		.fill('Een vaste tester naast de ingang van de cleanroom, met een logboek per dienst.');
	await sanne.getByLabel('Tags').fill('ESD, cleanroom');

	// A form error keeps every typed value and shows the message beside the field.
	await sanne.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(sanne.locator('#problem-error')).toContainText('Nodig voordat je kunt indienen');
	await expect(sanne.getByLabel('Titel')).toHaveValue(TITLE);
	await expect(sanne.getByLabel('Je voorgestelde verbetering')).toHaveValue(/Een vaste tester/);
	await expect(sanne.getByLabel('Tags')).toHaveValue('ESD, cleanroom');

	await sanne
		.getByLabel('Het probleem nu')
		.fill(
			'De polsbandtester staat steeds ergens anders; operators slaan de test over als ze hem niet vinden. Vorige maand twee ESD-afwijkingen.'
		);
	await sanne.getByRole('button', { name: 'Concept opslaan' }).click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(sanne.getByText('Concept opgeslagen.')).toBeVisible();

	// A photo, checked by its content.
	await sanne.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'tester-lijn3.png', mimeType: 'image/png', buffer: PNG });
	await sanne.getByRole('button', { name: 'Uploaden' }).click();
	await expect(sanne.getByText('tester-lijn3.png is toegevoegd.')).toBeVisible();
	await expect(sanne.locator('#attachments')).toContainText('tester-lijn3.png');

	await sanne.getByRole('button', { name: 'Idee indienen' }).click();
	await expect(sanne.getByTestId('status-meaning')).toContainText('Ontvangen');
	const ideaUrl = sanne.url().split('?')[0];

	// The organiser returns it with a message.
	await signInAs(ruud, 'Ruud van Dijk');
	await ruud.getByRole('link', { name: 'Screening', exact: true }).click();
	await ruud.getByTestId('screening-queue').getByRole('link', { name: TITLE }).click();
	const screening = ruud.getByTestId('screening-form');
	await screening.getByLabel('Return for changes').check();
	await screening.getByRole('button', { name: 'Send decision' }).click();
	await expect(screening.locator('#screen-message-error')).toBeVisible();
	await screening.getByLabel('Message to the team').fill('Goed idee! Hoeveel tijd kost het zoeken nu per dienst? Meet het een week.');
	await screening.getByRole('button', { name: 'Send decision' }).click();
	await expect(ruud.getByText('Returned to the team with your message.')).toBeVisible();

	// The operator sees why, edits and submits again.
	await sanne.goto(ideaUrl);
	await expect(sanne.getByTestId('timeline')).toContainText('Meet het een week.');
	await sanne.getByRole('link', { name: 'Bewerken' }).click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Idee bewerken');
	await sanne
		.getByLabel('Het probleem nu')
		.fill('Gemeten: gemiddeld 6 minuten zoeken per dienst, en twee ESD-afwijkingen in oktober omdat de test werd overgeslagen.');
	await sanne.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(sanne.getByTestId('status-meaning')).toContainText('Ontvangen');

	// The organiser accepts it.
	await ruud.goto(ideaUrl);
	await ruud.getByTestId('screening-form').getByLabel('Accept into the competition').check();
	await ruud.getByTestId('screening-form').getByRole('button', { name: 'Send decision' }).click();
	await expect(ruud.getByText('Accepted. The team has been told.')).toBeVisible();

	// The timeline shows all of it, in Dutch for the operator.
	await sanne.goto(ideaUrl);
	const timeline = sanne.getByTestId('timeline');
	await expect(timeline).toContainText('Concept begonnen');
	await expect(timeline).toContainText('Concept → Ingediend');
	await expect(timeline).toContainText('Ingediend → Teruggestuurd');
	await expect(timeline).toContainText('Teruggestuurd → Ingediend');
	await expect(timeline).toContainText('Ingediend → Geaccepteerd');
	await expect(timeline).toContainText('Ruud van Dijk');
	await expect(sanne.getByTestId('status-meaning')).toContainText('Toegelaten');

	// A stranger who asks for the idea gets a 404, not the idea.
	await sanne.getByRole('button', { name: 'EN' }).first().click();
	await operatorContext.close();
	await organiserContext.close();
});

test('a file that lies about its type is refused, with the reason beside the field', async ({ page }) => {
	await signInAs(page, 'Sanne Bakker');
	await page.goto('/ideas/new');
	await page.getByLabel('Title').fill('Checklist for the gowning room mirror');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await page.getByLabel('Kind of file').selectOption('slides');
	await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: PNG });
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'PNG' })).toBeVisible();
	await expect(page.locator('#attachments')).toContainText('No files yet');
});

test('a stranger gets 404 for an idea that is not theirs to see', async ({ browser }) => {
	const owner = await browser.newContext();
	const stranger = await browser.newContext();
	const a = await owner.newPage();
	const b = await stranger.newPage();
	await signInAs(a, 'Sanne Bakker');
	await a.goto('/ideas/new');
	await a.getByLabel('Title').fill('A draft nobody else may read');
	await a.getByRole('button', { name: 'Save draft' }).click();
	await expect(a.getByText('Draft saved.')).toBeVisible();
	const url = a.url().split('?')[0];
	await signInAs(b, 'Ruud van Dijk');
	const response = await b.goto(url);
	expect(response?.status()).toBe(404);
	await owner.close();
	await stranger.close();
});
