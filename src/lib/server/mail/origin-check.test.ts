import { describe, expect, it } from 'vitest';
import { crossSiteFormRefusal, isForbiddenCrossSiteForm } from './origin-check.js';

const APP = 'https://ideas.example';

/** A request as the hook sees it: the route SvelteKit matched (null: none). */
function post(path: string, headers: Record<string, string>, method = 'POST', routeId: string | null = path) {
	const url = new URL(path, APP);
	return [new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' }), url, routeId] as const;
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the cross-site form check (SvelteKit csrf, one path exempt)', () => {
	it('lets a form from the app itself through', () => {
		const args = post('/ideas/new', { ...form, origin: APP });
		expect(isForbiddenCrossSiteForm(...args)).toBe(false);
	});

	it('refuses a form from another origin, or without one, everywhere else', () => {
		for (const headers of [{ ...form, origin: 'https://evil.example' }, form, { ...form, origin: 'null' }]) {
			const args = post('/settings/notifications', headers);
			expect(isForbiddenCrossSiteForm(...args)).toBe(true);
		}
	});

	it('refuses every form type SvelteKit refuses, and any unsafe method', () => {
		for (const type of ['multipart/form-data; boundary=x', 'text/plain', 'TEXT/PLAIN;charset=utf-8', 'application/x-sveltekit-formdata']) {
			const args = post('/signout', { 'content-type': type, origin: 'https://evil.example' });
			expect(isForbiddenCrossSiteForm(...args)).toBe(true);
		}
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			const args = post('/signout', { ...form }, method);
			expect(isForbiddenCrossSiteForm(...args)).toBe(true);
		}
	});

	it('leaves what is not a form post alone (JSON, GET)', () => {
		const json = post('/scim/v2/Users', { 'content-type': 'application/scim+json', origin: 'https://idp.example' });
		expect(isForbiddenCrossSiteForm(...json)).toBe(false);
		const get = post('/settings/notifications', {}, 'GET');
		expect(isForbiddenCrossSiteForm(...get)).toBe(false);
	});

	it("lets a mail program's one-click unsubscribe through, from anywhere or nowhere", () => {
		for (const headers of [form, { ...form, origin: 'https://mail.example' }]) {
			const args = post('/mail/unsubscribe/7.news.abc', headers, 'POST', '/mail/unsubscribe/[token]');
			expect(isForbiddenCrossSiteForm(...args)).toBe(false);
		}
		// only that route: a path below it that no route takes, and every other route, are protected
		expect(isForbiddenCrossSiteForm(...post('/mail/unsubscribe/7/x', form, 'POST', null))).toBe(true);
		expect(isForbiddenCrossSiteForm(...post('/settings/notifications', form, 'POST', '/settings/notifications'))).toBe(true);
	});

	it('answers 403 with SvelteKit words, as JSON when asked', async () => {
		const text = crossSiteFormRefusal(new Request(APP, { method: 'POST' }));
		expect(text.status).toBe(403);
		expect(await text.text()).toBe('Cross-site POST form submissions are forbidden');
		const json = crossSiteFormRefusal(new Request(APP, { method: 'DELETE', headers: { accept: 'application/json' } }));
		expect(await json.json()).toEqual({ message: 'Cross-site DELETE form submissions are forbidden' });
	});
});
