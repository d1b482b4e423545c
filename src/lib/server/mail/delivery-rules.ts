/**
 * What delivery does after a failed send, as pure rules.
 *
 * - A permanent refusal (an SMTP reply 5xx: no such mailbox, message refused) fails the
 *   message at once; retrying would not help.
 * - A temporary error (4xx, or anything else about this message) is tried again after 1, 5,
 *   15, 60 and 240 minutes; the 6th failure fails it (about 5 h 20 min after the first try).
 * - The server cannot be reached (connection refused, time-out, DNS): the mail waits, backing
 *   off the same way but never more than 15 minutes, and is never given up: once the server
 *   is back, the next run sends it. Such a try does not count towards the six (delivery
 *   records it as not counted), so an outage of any length uses up no message's tries.
 *
 *   afterFailure(1, 'temporary')   -> { status: 'queued', delayMinutes: 1 }
 *   afterFailure(6, 'temporary')   -> { status: 'failed' }
 *   afterFailure(4, 'unreachable') -> { status: 'queued', delayMinutes: 15 }
 *   afterFailure(1, 'permanent')   -> { status: 'failed' }
 */
export const RETRY_MINUTES = [1, 5, 15, 60, 240] as const;
export const UNREACHABLE_MAX_MINUTES = 15;
/** How long a worker holds the messages it claimed; after that another worker may take them. */
export const LEASE_MINUTES = 5;

export type SendFailure = 'permanent' | 'temporary' | 'unreachable';
export type FailureOutcome = { status: 'queued'; delayMinutes: number } | { status: 'failed' };

/** Minutes to wait after the `attempts`-th failed attempt, or null when it was the last. */
export function retryDelayMinutes(attempts: number): number | null {
	if (!Number.isInteger(attempts) || attempts < 1) return RETRY_MINUTES[0];
	return RETRY_MINUTES[attempts - 1] ?? null;
}

export function afterFailure(attempts: number, failure: SendFailure): FailureOutcome {
	if (failure === 'permanent') return { status: 'failed' };
	if (failure === 'unreachable') {
		const step = RETRY_MINUTES[Math.min(Math.max(attempts, 1), RETRY_MINUTES.length) - 1];
		return { status: 'queued', delayMinutes: Math.min(step, UNREACHABLE_MAX_MINUTES) };
	}
	const delay = retryDelayMinutes(attempts);
	return delay === null ? { status: 'failed' } : { status: 'queued', delayMinutes: delay };
}

/** Errors of the connection itself (nodemailer's codes and the socket's): the server is not reachable. */
const UNREACHABLE_CODES = new Set([
	'ECONNECTION',
	'ESOCKET',
	'ETIMEDOUT',
	'EDNS',
	'ECONNREFUSED',
	'ECONNRESET',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE'
]);

/** How a send error counts: by the SMTP reply code where there is one, else by the error's code. */
export function classifySendError(error: unknown): SendFailure {
	const e = (error ?? {}) as { responseCode?: unknown; code?: unknown };
	const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
	if (reply !== undefined && reply >= 500) return 'permanent';
	if (reply !== undefined && reply >= 400) return 'temporary';
	if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return 'unreachable';
	return 'temporary';
}

/** An error as one line for `last_error` (at most 1,000 characters). */
export function errorText(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/\s+/g, ' ').trim().slice(0, 1000) || 'Unknown error';
}
