import { describe, expect, it } from 'vitest';
import { afterFailure, classifySendError, errorText, retryDelayMinutes } from './delivery-rules.js';

describe('retry after a temporary failure', () => {
	it('waits 1, 5, 15, 60 and 240 minutes after attempts 1 to 5, then gives up', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMinutes)).toEqual([1, 5, 15, 60, 240, null, null]);
		expect([1, 2, 3, 4, 5].map((a) => afterFailure(a, 'temporary'))).toEqual([
			{ status: 'queued', delayMinutes: 1 },
			{ status: 'queued', delayMinutes: 5 },
			{ status: 'queued', delayMinutes: 15 },
			{ status: 'queued', delayMinutes: 60 },
			{ status: 'queued', delayMinutes: 240 }
		]);
		expect(afterFailure(6, 'temporary')).toEqual({ status: 'failed' });
	});

	it('fails a permanent refusal at the first attempt', () => {
		expect(afterFailure(1, 'permanent')).toEqual({ status: 'failed' });
	});

	it('never gives up while the server cannot be reached, waiting at most 15 minutes', () => {
		expect([1, 2, 3, 4, 5, 6, 50].map((a) => afterFailure(a, 'unreachable'))).toEqual([
			{ status: 'queued', delayMinutes: 1 },
			{ status: 'queued', delayMinutes: 5 },
			{ status: 'queued', delayMinutes: 15 },
			{ status: 'queued', delayMinutes: 15 },
			{ status: 'queued', delayMinutes: 15 },
			{ status: 'queued', delayMinutes: 15 },
			{ status: 'queued', delayMinutes: 15 }
		]);
	});
});

describe('send errors', () => {
	const smtp = (responseCode: number, code = 'EMESSAGE') => Object.assign(new Error('reply'), { responseCode, code });
	const socket = (code: string) => Object.assign(new Error(code), { code });

	it('are permanent with a 5xx reply, temporary with a 4xx reply', () => {
		expect(classifySendError(smtp(550))).toBe('permanent');
		expect(classifySendError(smtp(554))).toBe('permanent');
		expect(classifySendError(smtp(500))).toBe('permanent');
		expect(classifySendError(smtp(451))).toBe('temporary');
		expect(classifySendError(smtp(421))).toBe('temporary');
	});

	it('mean an unreachable server when the connection fails', () => {
		expect(classifySendError(socket('ECONNECTION'))).toBe('unreachable');
		expect(classifySendError(socket('ESOCKET'))).toBe('unreachable');
		expect(classifySendError(socket('ECONNREFUSED'))).toBe('unreachable');
		expect(classifySendError(socket('ETIMEDOUT'))).toBe('unreachable');
		expect(classifySendError(socket('EDNS'))).toBe('unreachable');
	});

	it('are temporary otherwise', () => {
		expect(classifySendError(new Error('odd'))).toBe('temporary');
		expect(classifySendError(undefined)).toBe('temporary');
		expect(classifySendError(socket('EENVELOPE'))).toBe('temporary');
	});

	it('are kept as one line of at most 1,000 characters', () => {
		expect(errorText(new Error('550 5.1.1\n  No such user'))).toBe('550 5.1.1 No such user');
		expect(errorText(new Error('x'.repeat(2000)))).toHaveLength(1000);
		expect(errorText('')).toBe('Unknown error');
	});
});
