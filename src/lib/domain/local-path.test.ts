import { describe, expect, it } from 'vitest';
import { isLocalPath, localPathOr } from './local-path';

describe('where the portal may send a browser', () => {
	it('takes paths on this site', () => {
		for (const ok of ['/', '/ideas/4', '/ideas/4?tab=1#files', '/kb?q=torque%20wrench', '/nl/ideas'])
			expect(isLocalPath(ok), ok).toBe(true);
	});

	it('refuses other sites however they are written', () => {
		for (const bad of [
			'//evil.example',
			'/\\evil.example',
			'/\t/127.0.0.1:3999/phish',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'/%00',
			'https://evil.example',
			'javascript:alert(1)',
			'evil.example',
			'',
			'/' + 'a'.repeat(2000)
		]) {
			expect(isLocalPath(bad), JSON.stringify(bad)).toBe(bad === '/%00');
		}
	});

	it('refuses raw control characters anywhere', () => {
		expect(isLocalPath('/ideas\u0000')).toBe(false);
		expect(isLocalPath('/ideas\u007f')).toBe(false);
	});

	it('falls back for anything not local', () => {
		expect(localPathOr('/\t/evil.example')).toBe('/');
		expect(localPathOr(null, '/notifications')).toBe('/notifications');
		expect(localPathOr('/ideas/1', '/notifications')).toBe('/ideas/1');
	});
});
