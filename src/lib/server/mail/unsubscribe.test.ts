import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe.js';

const secret = 'a-test-secret-of-some-length-0123456789';

describe('unsubscribe tokens', () => {
	it('are the user id, the group and a base64url HMAC-SHA256 of unsubscribe:<id>:<group>', () => {
		const expected = createHmac('sha256', secret).update('unsubscribe:7:news').digest('base64url');
		expect(unsubscribeToken(secret, 7, 'news')).toBe(`7.news.${expected}`);
		expect(expected).toHaveLength(43);
	});

	it('make a link under the origin, without a doubled slash', () => {
		const token = unsubscribeToken(secret, 7, 'digest');
		expect(unsubscribeUrl('https://ideas.example', secret, 7, 'digest')).toBe(`https://ideas.example/mail/unsubscribe/${token}`);
		expect(unsubscribeUrl('https://ideas.example/', secret, 7, 'digest')).toBe(`https://ideas.example/mail/unsubscribe/${token}`);
	});

	it('verify to the person and group they were made for, a group or the digest', () => {
		expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, 7, 'my_ideas'))).toEqual({ userId: 7, group: 'my_ideas' });
		expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, 123456, 'digest'))).toEqual({ userId: 123456, group: 'digest' });
	});

	it('do not verify with another user id, another group or a changed signature', () => {
		const token = unsubscribeToken(secret, 7, 'news');
		const [, , signature] = token.split('.');
		expect(verifyUnsubscribeToken(secret, `8.news.${signature}`)).toBeNull();
		expect(verifyUnsubscribeToken(secret, `7.jury.${signature}`)).toBeNull();
		expect(verifyUnsubscribeToken(secret, `7.digest.${signature}`)).toBeNull();
		const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
		expect(verifyUnsubscribeToken(secret, `7.news.${flipped}`)).toBeNull();
		expect(verifyUnsubscribeToken(secret, `7.news.${signature.slice(1)}`)).toBeNull();
		expect(verifyUnsubscribeToken('another-secret', token)).toBeNull();
	});

	it('refuse malformed tokens: unknown group, bad id, extra parts, empty', () => {
		const sig = createHmac('sha256', secret).update('unsubscribe:7:everything').digest('base64url');
		expect(verifyUnsubscribeToken(secret, `7.everything.${sig}`)).toBeNull();
		expect(verifyUnsubscribeToken(secret, '')).toBeNull();
		expect(verifyUnsubscribeToken(secret, 'not-a-token')).toBeNull();
		const zero = createHmac('sha256', secret).update('unsubscribe:0:news').digest('base64url');
		expect(verifyUnsubscribeToken(secret, `0.news.${zero}`)).toBeNull();
		const leading = createHmac('sha256', secret).update('unsubscribe:07:news').digest('base64url');
		expect(verifyUnsubscribeToken(secret, `07.news.${leading}`)).toBeNull();
		const huge = createHmac('sha256', secret).update('unsubscribe:99999999999:news').digest('base64url');
		expect(verifyUnsubscribeToken(secret, `99999999999.news.${huge}`)).toBeNull();
		expect(verifyUnsubscribeToken(secret, `${unsubscribeToken(secret, 7, 'news')}.x`)).toBeNull();
	});
});
