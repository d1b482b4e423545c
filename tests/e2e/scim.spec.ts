import { expect, test, type APIResponse } from '@playwright/test';
import { expectAccessibleNow, signInAs } from './helpers';

/**
 * SCIM provisioning over HTTP, as an identity provider does it: an admin (Esther Smit)
 * creates a token on /admin/provisioning and reads it off the page once; with it, the
 * "identity provider" creates a person, finds them by userName, patches them the way Entra
 * ID does and deactivates them, which signs them out of the browser they were using. Without
 * the token, or once it is revoked, every request is 401 in SCIM's error format.
 */
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SCIM_JSON = 'application/scim+json';

async function scimBody(response: APIResponse): Promise<Record<string, unknown>> {
	expect(response.headers()['content-type']).toContain(SCIM_JSON);
	return (await response.json()) as Record<string, unknown>;
}

test('an admin creates a SCIM token; the identity provider provisions and deactivates a person with it; revoked, it is refused', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	const suffix = Date.now().toString(36);
	const tokenName = `E2E identity provider ${suffix}`;
	const familyName = `Provisioned ${suffix}`;
	const email = `sam.${suffix}@example.com`;

	await signInAs(page, 'Esther Smit');
	await page.goto('/admin/provisioning');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Provisioning (SCIM)');
	await expect(page.getByTestId('scim-base-url')).toHaveValue(`${baseURL}/scim/v2`);
	await page.getByLabel('Name').fill(tokenName);
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByTestId('scim-created')).toContainText(`Token “${tokenName}” created`);
	const token = await page.getByTestId('scim-token').inputValue();
	expect(token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
	const auth = { authorization: `Bearer ${token}` };

	// Without a token: 401, WWW-Authenticate, SCIM's error body.
	const anonymous = await request.get('/scim/v2/Users');
	expect(anonymous.status()).toBe(401);
	expect(anonymous.headers()['www-authenticate']).toMatch(/^Bearer realm=/);
	expect(await scimBody(anonymous)).toMatchObject({ schemas: [ERROR], status: '401' });

	// Create (RFC 7644 3.3), as application/scim+json: not held up by the form origin check.
	const created = await request.post('/scim/v2/Users', {
		headers: { ...auth, 'content-type': SCIM_JSON },
		data: JSON.stringify({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
			userName: email,
			externalId: `ext-${suffix}`,
			name: { givenName: 'Sam', familyName },
			title: 'Operator',
			preferredLanguage: 'en-GB',
			[ENTERPRISE]: { department: 'Build Operations' }
		})
	});
	expect(created.status()).toBe(201);
	const user = await scimBody(created);
	const id = user.id as string;
	expect(created.headers()['location']).toBe(`${baseURL}/scim/v2/Users/${id}`);
	expect(created.headers()['etag']).toMatch(/^W\/"\d+"$/);
	expect(user).toMatchObject({
		userName: email,
		displayName: `Sam ${familyName}`,
		active: true,
		[ENTERPRISE]: { department: 'Build Operations' }
	});

	// Find them by userName eq (RFC 7644 3.4.2), whatever the case.
	const found = await request.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`, { headers: auth });
	expect(found.status()).toBe(200);
	expect(await scimBody(found)).toMatchObject({ totalResults: 1, Resources: [{ id, userName: email }] });

	// A filter the service does not answer, and a broken body: SCIM's errors.
	const badFilter = await request.get(`/scim/v2/Users?filter=${encodeURIComponent('userName co "sam"')}`, { headers: auth });
	expect(badFilter.status()).toBe(400);
	expect(await scimBody(badFilter)).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidFilter' });
	const broken = await request.post('/scim/v2/Users', { headers: { ...auth, 'content-type': 'application/json' }, data: '{"userName":' });
	expect(broken.status()).toBe(400);
	expect(await scimBody(broken)).toMatchObject({ scimType: 'invalidSyntax' });
	const duplicate = await request.post('/scim/v2/Users', { headers: auth, data: { userName: email } });
	expect(duplicate.status()).toBe(409);
	expect(await scimBody(duplicate)).toMatchObject({ scimType: 'uniqueness' });

	// The new person signs in (demo sign-in) in a browser of their own.
	const theirs = await browser.newContext();
	const theirPage = await theirs.newPage();
	await signInAs(theirPage, familyName);

	// Entra ID's PATCH: op names capitalised, a boolean as "False".
	const patched = await request.patch(`/scim/v2/Users/${id}`, {
		headers: { ...auth, 'content-type': SCIM_JSON },
		data: JSON.stringify({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
			Operations: [
				{ op: 'Replace', path: 'title', value: 'Senior operator' },
				{ op: 'Replace', path: 'active', value: 'False' }
			]
		})
	});
	expect(patched.status()).toBe(200);
	expect(await scimBody(patched)).toMatchObject({ id, title: 'Senior operator', active: false });

	// Deactivated: signed out on their next request.
	await theirPage.goto('/');
	await expect(theirPage).toHaveURL(/\/signin/);
	await expect(theirPage.getByRole('button', { name: /Sign out/ })).toHaveCount(0);
	await theirs.close();

	// The admin sees the token used, then revokes it after confirming.
	await page.goto('/admin/provisioning');
	const row = page.getByRole('row').filter({ hasText: tokenName });
	await expect(row).toContainText('In use');
	await expect(row.getByRole('cell').nth(2)).not.toHaveText('Never');
	await row.getByRole('link', { name: `Revoke the token ${tokenName}` }).click();
	await expect(page.getByTestId('scim-revoke-confirm')).toContainText(`Revoke the token “${tokenName}”?`);
	await page.getByRole('button', { name: 'Yes, revoke' }).click();
	await expect(page.getByRole('status').filter({ hasText: `The token “${tokenName}” is revoked.` })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: tokenName })).toContainText('Revoked');

	const refused = await request.get(`/scim/v2/Users/${id}`, { headers: auth });
	expect(refused.status()).toBe(401);
	expect(refused.headers()['www-authenticate']).toContain('error="invalid_token"');
	expect(await scimBody(refused)).toMatchObject({ schemas: [ERROR], status: '401' });
});

test('the service describes itself, and answers unknown paths in SCIM; the page is accessible', async ({ page, request }) => {
	await signInAs(page, 'Esther Smit');
	await page.goto('/admin/provisioning');
	await page.getByRole('button', { name: 'Create token' }).click();
	// Required, and said beside the field when the browser lets it through.
	await expect(page.getByLabel('Name')).toHaveAttribute('required', '');
	const name = `E2E discovery ${Date.now().toString(36)}`;
	await page.getByLabel('Name').fill(name);
	await page.getByRole('button', { name: 'Create token' }).click();
	const token = await page.getByTestId('scim-token').inputValue();
	await expectAccessibleNow(page);
	await page.getByRole('link', { name: `Revoke the token ${name}` }).click();
	await expect(page.getByTestId('scim-revoke-confirm')).toBeVisible();
	await expectAccessibleNow(page);
	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByTestId('scim-revoke-confirm')).toHaveCount(0);
	const auth = { authorization: `Bearer ${token}` };

	const config = await request.get('/scim/v2/ServiceProviderConfig', { headers: auth });
	expect(await scimBody(config)).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
	const types = await scimBody(await request.get('/scim/v2/ResourceTypes', { headers: auth }));
	expect((types.Resources as { id: string }[]).map((t) => t.id)).toEqual(['User', 'Group']);
	const schema = await request.get(`/scim/v2/Schemas/${ENTERPRISE}`, { headers: auth });
	expect(await scimBody(schema)).toMatchObject({ id: ENTERPRISE, name: 'EnterpriseUser' });
	const groups = await request.get(
		`/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "Build Operations"')}&excludedAttributes=members`,
		{
			headers: auth
		}
	);
	expect(await scimBody(groups)).toMatchObject({ totalResults: 1, Resources: [{ displayName: 'Build Operations' }] });

	const nowhere = await request.get('/scim/v2/Nowhere', { headers: auth });
	expect(nowhere.status()).toBe(404);
	expect(await scimBody(nowhere)).toMatchObject({ schemas: [ERROR], status: '404' });
	const wrongMethod = await request.delete('/scim/v2/Users', { headers: auth });
	expect(wrongMethod.status()).toBe(405);
	const missing = await request.get('/scim/v2/Users/999999', { headers: auth });
	expect(missing.status()).toBe(404);
	expect(await scimBody(missing)).toMatchObject({ schemas: [ERROR], status: '404' });
});
