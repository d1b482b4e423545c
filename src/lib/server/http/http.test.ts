import { describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError, FieldErrors } from '../errors.js';
import { failFrom, formAction, orNotFound } from './actions.js';
import { readForm } from './body.js';
import { idParam, parseId } from './params.js';
import { parseForm, parseQuery } from './parse.js';
import { localPath } from './redirect.js';
import { idField, plainNumber } from './fields.js';

/** What SvelteKit's `error()` throws, as status, or what was returned. */
async function outcome<T>(work: () => Promise<T> | T): Promise<{ status: number } | { value: T }> {
	try {
		return { value: await work() };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status };
		throw e;
	}
}

const post = (body: BodyInit, contentType: string | null, extra: Record<string, string> = {}) =>
	new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: { ...(contentType ? { 'content-type': contentType } : {}), ...extra }
	});

describe('reading a form body', () => {
	it('reads an ordinary form', async () => {
		const form = await readForm(post('a=1&b=two', 'application/x-www-form-urlencoded'));
		expect(form.get('b')).toBe('two');
	});

	it('answers 415 to a body that is not a form', async () => {
		expect(await outcome(() => readForm(post('a=1', 'text/plain')))).toEqual({ status: 415 });
		expect(await outcome(() => readForm(post('{"a":1}', 'application/json')))).toEqual({ status: 415 });
		expect(await outcome(() => readForm(post('a=1', null)))).toEqual({ status: 415 });
	});

	it('answers 400 to multipart without a boundary or cut off halfway', async () => {
		expect(await outcome(() => readForm(post('--x\r\n', 'multipart/form-data')))).toEqual({ status: 400 });
		const truncated = '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nHalf a tit';
		expect(await outcome(() => readForm(post(truncated, 'multipart/form-data; boundary=XyZ')))).toEqual({ status: 400 });
	});

	it('answers 415 to a form in another charset than UTF-8', async () => {
		const latin1 = post('title=Caf%E9', 'application/x-www-form-urlencoded; charset=iso-8859-1');
		expect(await outcome(() => readForm(latin1))).toEqual({ status: 415 });
		const form = await readForm(post('title=Caf%C3%A9', 'application/x-www-form-urlencoded; charset=UTF-8'));
		expect(form.get('title')).toBe('Café');
	});

	it('answers 413 to a body over the limit, before reading it', async () => {
		const request = post('a=1', 'application/x-www-form-urlencoded', { 'content-length': String(2 * 1024 * 1024) });
		expect(await outcome(() => readForm(request))).toEqual({ status: 413 });
	});
});

describe('id parameters', () => {
	it('takes a positive integer that fits PostgreSQL integer', () => {
		expect(parseId('1')).toBe(1);
		expect(parseId('2147483647')).toBe(2_147_483_647);
	});

	it('refuses everything else', () => {
		for (const bad of ['0', '-1', '01', '1.5', '1e3', 'abc', '', '2147483648', ' 1', undefined, null]) {
			expect(parseId(bad), String(bad)).toBeNull();
		}
	});

	it('turns a bad route id into 404', async () => {
		expect(await outcome(() => idParam('abc'))).toEqual({ status: 404 });
		expect(await outcome(() => idParam('7'))).toEqual({ value: 7 });
	});
});

describe('parsing a form with zod', () => {
	const schema = z.object({ title: z.string().min(3, { message: 'too_short' }), tags: z.array(z.string()).default([]) });

	it('gives the data, with repeated fields as a list', () => {
		const form = new URLSearchParams([
			['title', 'Torque'],
			['tags', 'a'],
			['tags', 'b']
		]);
		expect(parseForm(schema, form)).toEqual({ ok: true, data: { title: 'Torque', tags: ['a', 'b'] } });
	});

	it('gives the field errors and what was typed', () => {
		const parsed = parseForm(schema, new URLSearchParams({ title: 'ab' }));
		expect(parsed).toEqual({ ok: false, errors: { title: ['too_short'] }, values: { title: 'ab' } });
	});

	it('never lets a NUL character through', () => {
		expect(parseForm(schema, new URLSearchParams({ title: 'a\0b' }))).toEqual({
			ok: false,
			errors: { _form: ['invalid_characters'] },
			values: {}
		});
	});

	it('refuses text that was not UTF-8 beside its field, keeping the rest', async () => {
		const form = await readForm(post('title=Bad%FF%FE&tags=ok', 'application/x-www-form-urlencoded'));
		const parsed = parseForm(schema, form);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors).toEqual({ title: ['invalid_text'] });
		const multipart = '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nBad\xff\xfe\r\n--b--\r\n';
		const bytes = Uint8Array.from([...multipart].map((c) => c.charCodeAt(0)));
		const fromMultipart = parseForm(schema, await readForm(post(bytes, 'multipart/form-data; boundary=b')));
		expect(fromMultipart.ok || fromMultipart.errors).toEqual({ title: ['invalid_text'] });
	});

	it('takes numbers only as plain decimal text', () => {
		const money = z.object({ estimate: plainNumber(z.coerce.number({ message: 'not_a_number' }).min(0)) });
		expect(parseForm(money, new URLSearchParams({ estimate: '1500' }))).toEqual({ ok: true, data: { estimate: 1500 } });
		expect(parseForm(money, new URLSearchParams({ estimate: ' 12,5 ' }))).toEqual({ ok: true, data: { estimate: 12.5 } });
		for (const bad of ['0x10', '1e3', 'Infinity', '12abc', '1.2.3', '--1']) {
			expect(parseForm(money, new URLSearchParams({ estimate: bad })), bad).toMatchObject({
				ok: false,
				errors: { estimate: ['not_a_number'] }
			});
		}
		expect(parseId('0x10')).toBeNull();
		expect(idField.safeParse('0x10').success).toBe(false);
	});

	it('reads a query string with defaults for what is invalid', () => {
		const query = z.object({ page: z.coerce.number().int().min(1).default(1) });
		expect(parseQuery(query, new URLSearchParams('page=3'))).toEqual({ page: 3 });
		expect(parseQuery(query, new URLSearchParams('page=-3'))).toEqual({ page: 1 });
	});
});

describe('local redirect targets', () => {
	it('keeps a path on this site and sends anything else home', () => {
		expect(localPath.parse('/ideas/4?tab=1')).toBe('/ideas/4?tab=1');
		expect(localPath.parse('//evil.example')).toBe('/');
		expect(localPath.parse('/\\evil.example')).toBe('/');
		expect(localPath.parse('https://evil.example')).toBe('/');
	});
});

describe('mapping a refusal', () => {
	it('puts field errors beside their fields, with what was typed and the form that failed', () => {
		const failure = failFrom(new FieldErrors({ title: ['taken'] }), { title: 'x' }, 'save');
		expect(failure.status).toBe(400);
		expect(failure.data).toEqual({ action: 'save', values: { title: 'x' }, errors: { title: ['taken'] } });
	});

	it('puts any other rule at the top of the form with its status', () => {
		const failure = failFrom(new DomainError('round_closed', 'Closed', 409), {});
		expect(failure.status).toBe(409);
		expect(failure.data).toEqual({ values: {}, errors: { _form: ['round_closed'] } });
	});

	it('shows "not found" as the 404 page and lets a bug through', async () => {
		expect(await outcome(() => failFrom(new DomainError('not_found', 'Not found', 404), {}))).toEqual({ status: 404 });
		expect(() => failFrom(new TypeError('bug'), {})).toThrow(TypeError);
		expect(await outcome(() => orNotFound(Promise.reject(new DomainError('not_found', 'x', 404))))).toEqual({ status: 404 });
	});
});

describe('one form action', () => {
	const organiser = { id: 1, departmentId: 1, roles: ['employee', 'organiser'] as const };
	const event = (body: string, user: object | null = organiser) =>
		({
			request: post(body, 'application/x-www-form-urlencoded'),
			locals: { user },
			url: new URL('http://localhost/organise'),
			params: {}
		}) as unknown as RequestEvent;
	const schema = z.object({ reason: z.string().min(3, { message: 'too_short' }) });

	it('runs the service with the parsed input and the person asking', async () => {
		const result = await formAction(event('reason=Because'), {
			access: 'competition.manage',
			schema,
			run: (input, user) => ({ done: `${user.id}:${input.reason}` })
		});
		expect(result).toEqual({ done: '1:Because' });
	});

	it('refuses a bad form before the service sees it, keeping what was typed', async () => {
		let ran = false;
		const result = await formAction(event('reason=ab'), { access: 'competition.manage', action: 'close', schema, run: () => (ran = true) });
		expect(ran).toBe(false);
		expect(isActionFailure(result) && result.data).toEqual({
			action: 'close',
			values: { reason: 'ab' },
			errors: { reason: ['too_short'] }
		});
	});

	it('maps a DomainError from the service', async () => {
		const result: unknown = await formAction(event('reason=Because'), {
			access: 'competition.manage',
			schema,
			run: (): string => {
				throw new DomainError('round_closed', 'Closed', 409);
			}
		});
		expect(isActionFailure(result) && result.status).toBe(409);
	});

	it('lets a redirect through', async () => {
		const run = formAction(event('reason=Because'), { access: 'competition.manage', schema, run: () => redirect(303, '/done') });
		await expect(run).rejects.toSatisfy(isRedirect);
	});

	it('answers 404 to someone without the permission, and sends a stranger to sign in', async () => {
		const employee = { id: 2, departmentId: 1, roles: ['employee'] };
		expect(
			await outcome(() => formAction(event('reason=Because', employee), { access: 'competition.manage', schema, run: () => 1 }))
		).toEqual({
			status: 404
		});
		await expect(formAction(event('reason=Because', null), { access: 'signedIn', schema, run: () => 1 })).rejects.toSatisfy(isRedirect);
	});
});
