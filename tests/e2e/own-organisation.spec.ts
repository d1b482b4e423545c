/**
 * A company puts its own organisation in: the portal starts on an empty database (no demo),
 * the first administrator sets it up through the one-time link in the server log, and
 * colleagues sign in through the company's identity provider (a real OpenID provider on
 * loopback), landing in the department, with the manager and job level its claims name.
 *
 * Serial: the steps share one portal and build on each other. Later steps (the HR import,
 * SCIM provisioning) continue from here.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	addDepartment,
	disablePerson,
	expectAccessibleNow,
	openPerson,
	readSetupLink,
	setUpPortal,
	signInThroughIdp
} from './support/company';

test.describe.configure({ mode: 'serial' });

const ADMIN = {
	departmentCode: 'ACME',
	departmentName: 'Acme Manufacturing',
	departmentNameNl: 'Acme Productie',
	name: 'Ada Admin',
	email: 'ada.admin@acme.example',
	employeeNumber: '1001'
};

let adminContext: BrowserContext;
let admin: Page;

/** A fresh browser for one colleague: nothing shared with the administrator's. */
async function colleague(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
	return context.newPage();
}

test.afterAll(async () => {
	await adminContext?.close();
});

test('an empty portal is set up through the one-time link from the server log', async ({ browser }) => {
	// Nobody can sign in yet but through the company's identity provider; no demo people.
	const visitor = await colleague(browser);
	await visitor.goto('/signin');
	await expect(visitor.getByTestId('company-signin')).toBeVisible();
	await expect(visitor.getByTestId('persona-admin')).toHaveCount(0);

	const link = await readSetupLink();
	expect(new URL(link).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
	// A wrong link is nothing.
	expect((await visitor.goto(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))))?.status()).toBe(404);

	adminContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
	admin = await adminContext.newPage();
	// A code the portal cannot use is refused beside its field; nothing typed is lost, the link still works.
	await admin.goto(link);
	await admin.locator('#departmentCode').fill('A B');
	await admin.locator('#departmentName').fill(ADMIN.departmentName);
	await admin.locator('#name').fill(ADMIN.name);
	await admin.locator('#email').fill(ADMIN.email);
	await admin.getByRole('button', { name: 'Set up and sign in' }).click();
	await expect(admin.locator('#departmentCode-error')).toHaveText('Use 2 to 12 capital letters, digits or hyphens.');
	await expect(admin.locator('#departmentCode')).toHaveAttribute('aria-invalid', 'true');
	await expect(admin.locator('#email')).toHaveValue(ADMIN.email);
	await expectAccessibleNow(admin);
	await setUpPortal(admin, link, ADMIN);
	// The administrator sees their department, and the next steps.
	await expect(admin.getByTestId('welcome-department')).toContainText('Acme Manufacturing');
	await expect(admin.getByRole('link', { name: /Import people and departments/ })).toBeVisible();
	await expect(admin.getByText(/Company sign-in is on \(Acme ID\)/)).toBeVisible();
	await expect(admin.getByRole('banner')).toContainText('Acme Manufacturing');
	await expectAccessibleNow(admin);

	// Used once.
	expect((await visitor.goto(link))?.status()).toBe(404);
	await visitor.context().close();
});

test('the administrator finds their department in the tree and adds one under it', async () => {
	await admin.goto('/admin/departments');
	await expect(admin.getByRole('main')).toContainText('Acme Manufacturing');
	await addDepartment(admin, { code: 'ENG', name: 'Engineering', nameNl: 'Techniek', parentCode: 'ACME' });
});

test('a colleague known only to the identity provider signs in and lands in the department, with the manager and job level its claims name', async ({
	browser
}) => {
	const noor = await colleague(browser);
	const landed = await signInThroughIdp(noor, 'noor');
	expect(landed.pathname).toBe('/');
	// Her department claim names Engineering by name; she is in it.
	await expect(noor.getByRole('banner')).toContainText('Engineering');
	await expect(noor.getByRole('button', { name: /Sign out|Afmelden/ }).first()).toBeVisible();

	// The administrator sees her, with her manager (named by employee number 1001) and job level (Specialist).
	await openPerson(admin, 'noor.visser@acme.example');
	await expect(admin.locator('#departmentId option:checked')).toContainText('Engineering');
	await expect(admin.locator('#jobLevel')).toHaveValue('specialist');
	await expect(admin.locator('#manager-hint')).toContainText('Ada Admin');
	await expect(admin.locator('#employeeNumber')).toHaveValue('2001');
	await noor.context().close();
});

test('a colleague the administrator disabled is told so on a page of their own', async ({ browser }) => {
	const sam = await colleague(browser);
	// Sam's account has a password at the identity provider; his department claim is a code (ENG), his manager an e-mail.
	await signInThroughIdp(sam, 'sam', 'sam-secret');
	await expect(sam.getByRole('banner')).toContainText('Engineering');
	await openPerson(admin, 'sam.devries@acme.example');
	await expect(admin.locator('#manager-hint')).toContainText('Noor Visser');
	await expect(admin.locator('#jobLevel')).toHaveValue('technician');

	await disablePerson(admin, 'sam.devries@acme.example');
	// Signed out at once ...
	await sam.goto('/');
	await expect(sam).toHaveURL(/\/signin/);
	// ... and signing in again through the company account says why, in words.
	const landed = await signInThroughIdp(sam, 'sam', 'sam-secret');
	expect(landed.pathname).toBe('/signin/disabled');
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Your account is disabled');
	await expect(sam.getByText(/ask an IdeaCup administrator/)).toBeVisible();
	await expectAccessibleNow(sam);
	await sam.context().close();
});
