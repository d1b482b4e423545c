/**
 * A company puts its own organisation in: the portal starts on an empty database (no demo),
 * the first administrator sets it up through the one-time link in the server log, and
 * colleagues sign in through the company's identity provider (a real OpenID provider on
 * loopback), landing in the department, with the manager and job level its claims name.
 *
 * Then the organisation comes from HR: the administrator makes a colleague organiser, who
 * imports a 500-person HR file after its dry run and opens a call; a person known to the
 * identity provider only by e-mail and employee number signs in and lands where HR put them,
 * and sees the call. Last, the identity provider deactivates them over SCIM, which signs them out.
 *
 * Serial: the steps share one portal and build on each other.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { hrCsv, hrPeople, type HrDepartment } from '../fixtures/hr-files';
import { amsterdamLocal } from './helpers';
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

/** The company's HR export: 500 people in the top department and two under it, managers on later rows. */
const HR_DEPARTMENTS: HrDepartment[] = [
	{ code: 'ACME', name: 'Acme Manufacturing', nameNl: 'Acme Productie' },
	{ code: 'ASM', name: 'Assembly', nameNl: 'Assemblage', parentCode: 'ACME' },
	{ code: 'LOGI', name: 'Logistics', nameNl: 'Logistiek', parentCode: 'ACME' }
];
const HR_FILE = { count: 500, departments: HR_DEPARTMENTS, domain: 'acme.example', prefix: 'AC' };
/** Iris (AC000009) is in Assembly under Finn (AC000006) in the file; the identity provider knows only her e-mail and number. */
const IRIS = hrPeople(HR_FILE).find((p) => p.employeeNumber === 'AC000009')!;

let organiser: Page;
let iris: Page;

test('the administrator makes a colleague organiser, who imports a 500-person HR file after a dry run', async ({ browser }) => {
	await openPerson(admin, 'noor.visser@acme.example');
	await admin.getByRole('button', { name: 'Make Organiser' }).click();
	await expect(admin.getByRole('button', { name: 'Remove Organiser' })).toBeVisible();

	organiser = await colleague(browser);
	await signInThroughIdp(organiser, 'noor');
	await organiser.goto('/admin/import');
	await expect(organiser.getByRole('heading', { level: 1 })).toHaveText('Import from HR');
	await organiser
		.getByLabel('HR file')
		.setInputFiles({ name: 'acme-hr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(hrCsv(HR_FILE), 'utf8') });
	await organiser.getByRole('button', { name: 'Upload and map the columns' }).click();
	// The Dutch headers are recognised without help.
	await expect(organiser.getByLabel('Employee number', { exact: true })).toHaveValue('Personeelsnummer');
	await expect(organiser.getByLabel("Manager's employee number")).toHaveValue('Personeelsnummer leidinggevende');
	await organiser.getByRole('button', { name: 'Dry run' }).click();

	// The dry run: every row a new person, nothing in error, the two departments new.
	const counts = organiser.getByTestId('import-counts');
	await expect(counts).toContainText('Create: 500');
	await expect(counts).toContainText('Error: 0');
	await expect(organiser.getByRole('main')).toContainText('Assembly');
	await organiser.getByLabel('I have checked the dry run').check();
	await organiser.getByRole('button', { name: 'Apply the import' }).click();
	await expect(organiser.getByRole('heading', { name: 'Import applied' })).toBeVisible();
	await expect(organiser.getByTestId('import-result')).toContainText('Create: 500');

	// The administrator finds them in the tree.
	await admin.goto('/admin/departments');
	await expect(admin.getByTestId('department-tree')).toContainText('Assembly');
	await expect(admin.getByTestId('department-tree')).toContainText('Logistics');
});

test('the organiser opens a call for every department', async () => {
	await organiser.goto('/organise/competitions/new');
	await organiser.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme Improvement Cup');
	await organiser.getByLabel('Call text').fill('Make **your** work safer, simpler or better.');
	await organiser.locator('#opensAt').fill(amsterdamLocal(-1));
	await organiser.locator('#closesAt').fill(amsterdamLocal(60));
	await organiser.getByRole('button', { name: 'Create competition' }).click();
	await expect(organiser.getByTestId('competition-notice')).toContainText('Competition created');
	await organiser.getByRole('link', { name: 'Open for ideas' }).click();
	await organiser
		.getByTestId('status-confirm')
		.getByRole('button', { name: /Yes, change the status/ })
		.click();
	await expect(organiser.getByTestId('competition-status-badge')).toHaveText('Open for ideas');
});

test('a person from the HR file signs in through the identity provider, lands where HR put her and sees the call', async ({ browser }) => {
	iris = await colleague(browser);
	const landed = await signInThroughIdp(iris, 'iris');
	expect(landed.pathname).toBe('/');
	// Her claims name no department and no manager: HR's do.
	await expect(iris.getByRole('banner')).toContainText('Assembly');
	await expect(iris.getByTestId('open-call').filter({ hasText: 'Acme Improvement Cup' })).toBeVisible();
	await openPerson(admin, IRIS.email);
	await expect(admin.locator('#departmentId option:checked')).toContainText('Assembly');
	await expect(admin.locator('#manager-hint')).toContainText('Finn Achterberg');
	await expect(admin.locator('#employeeNumber')).toHaveValue('AC000009');
});

test('the identity provider deactivates her over SCIM, which signs her out', async ({ request }) => {
	await admin.goto('/admin/provisioning');
	await admin.getByLabel('Name').fill('Acme ID provisioning');
	await admin.getByRole('button', { name: 'Create token' }).click();
	const token = await admin.getByTestId('scim-token').inputValue();
	expect(token.length).toBeGreaterThan(20);
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', accept: 'application/scim+json' };
	const base = test.info().project.use.baseURL!;

	const found = await request.get(`${base}/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${IRIS.email}"`)}`, { headers });
	expect(found.status()).toBe(200);
	const list = (await found.json()) as { totalResults: number; Resources: Array<{ id: string; active: boolean }> };
	expect(list.totalResults).toBe(1);
	expect(list.Resources[0].active).toBe(true);

	// As Microsoft Entra ID sends it.
	const patched = await request.patch(`${base}/scim/v2/Users/${list.Resources[0].id}`, {
		headers,
		data: {
			schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
			Operations: [{ op: 'Replace', path: 'active', value: 'False' }]
		}
	});
	expect(patched.status()).toBe(200);
	expect(((await patched.json()) as { active: boolean }).active).toBe(false);

	// Her open browser is signed out at once; the company sign-in says why.
	await iris.goto('/');
	await expect(iris).toHaveURL(/\/signin/);
	const landed = await signInThroughIdp(iris, 'iris');
	expect(landed.pathname).toBe('/signin/disabled');
	await iris.context().close();
	await organiser.context().close();
});
