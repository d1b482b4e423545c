import { hostname } from 'node:os';
import type { Database } from '../db/index.js';
import { afterFailure, classifySendError, errorText, LEASE_MINUTES, type SendFailure } from './delivery-rules.js';
import { mailGroupOf } from './kinds.js';
import { claimDueMail, recordMailOutcomes, type ClaimedMail, type MailOutcome } from './mail.queries.js';
import { mailLocale, renderMail, type RenderedMail } from './render.js';
import { SMTP_CONNECTIONS, type MailTransport } from './transport.js';
import { unsubscribeUrl } from './unsubscribe.js';

export type DeliverOptions = {
	origin: string;
	/** The auth secret: signs the unsubscribe links. */
	secret: string;
	/** The sender (MAIL_FROM): a calendar invitation names it as the organizer. */
	from?: string;
	/** This worker's name in the lease (default host:pid). */
	worker?: string;
	/** The clock (tests); default the database's. */
	now?: Date;
	/** At most this many messages per call (default 5,000). */
	limit?: number;
	/** Messages claimed per statement (default 200). */
	batchSize?: number;
};

export type DeliverResult = { sent: number; failed: number; retrying: number };

const BATCH = 200;
const DEFAULT_LIMIT = 5000;
/** Messages handed to the SMTP server at once (a connection each). */
const SEND_CONCURRENCY = SMTP_CONNECTIONS;
/** A batch stops starting sends this long before its lease ends; what is left goes back to the queue untried. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Sends what the outbox holds that is due, in batches of 200: each batch is claimed in one
 * statement (SKIP LOCKED, with a lease, so several workers or server instances never send a
 * message twice), rendered, handed to SMTP with a Message-ID fixed per outbox row (a retry
 * carries the same one), and its outcomes recorded in one statement. A 5xx reply fails the
 * message; other errors back off (delivery-rules.ts). When the server cannot be reached, the
 * run stops and the rest of the batch goes back to the queue untried, to wait with the others.
 * Without a transport (no SMTP configured) nothing is sent: the outbox keeps the mail.
 */
export async function deliverDue(db: Database, transport: MailTransport | null, options: DeliverOptions): Promise<DeliverResult> {
	const result: DeliverResult = { sent: 0, failed: 0, retrying: 0 };
	if (!transport) return result;
	const worker = options.worker ?? `${hostname()}:${process.pid}`;
	const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
	const host = new URL(options.origin).hostname;
	const batchSize = Math.max(1, Math.floor(options.batchSize ?? BATCH));
	let claimedTotal = 0;
	for (let round = 0; claimedTotal < limit && round <= Math.ceil(limit / batchSize); round++) {
		const batch = Math.min(batchSize, limit - claimedTotal);
		const claimed = await claimDueMail(db, { worker, now: options.now ?? null, batch, leaseMinutes: LEASE_MINUTES });
		if (!claimed.length) break;
		claimedTotal += claimed.length;
		const { outcomes, unreachable } = await sendBatch(transport, claimed, { ...options, host });
		const untried = new Set(outcomes.filter((o) => o.untried).map((o) => o.id));
		for (const row of await recordMailOutcomes(db, worker, options.now ?? null, outcomes)) {
			if (row.status === 'sent') result.sent++;
			else if (row.status === 'failed') result.failed++;
			else if (!untried.has(row.id)) result.retrying++;
		}
		if (unreachable || claimed.length < batch) break;
	}
	return result;
}

async function sendBatch(
	transport: MailTransport,
	claimed: ClaimedMail[],
	options: DeliverOptions & { host: string }
): Promise<{ outcomes: MailOutcome[]; unreachable: boolean }> {
	const deadline = Date.now() + LEASE_MINUTES * 60_000 - LEASE_MARGIN_MS;
	const outcomes = new Map<number, MailOutcome>();
	// the first "server not reachable" stops the batch; what is left waits as long as it
	const state: { down: { delayMinutes: number } | null; next: number } = { down: null, next: 0 };

	async function lane() {
		while (state.next < claimed.length && !state.down && Date.now() < deadline) {
			const row = claimed[state.next++];
			const { unreachable, ...outcome } = await sendOne(transport, row, options);
			outcomes.set(row.id, outcome);
			if (unreachable && outcome.status === 'queued') state.down = { delayMinutes: outcome.delayMinutes };
		}
	}
	await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimed.length) }, lane));

	for (const row of claimed) {
		if (!outcomes.has(row.id))
			outcomes.set(row.id, {
				...blank(row.id),
				status: 'queued',
				delayMinutes: state.down?.delayMinutes ?? 0,
				untried: true,
				counts: false
			});
	}
	return { outcomes: [...outcomes.values()], unreachable: state.down !== null };
}

type SendOutcome = MailOutcome & { unreachable?: boolean };

async function sendOne(transport: MailTransport, row: ClaimedMail, options: DeliverOptions & { host: string }): Promise<SendOutcome> {
	if (row.disabled) return { ...blank(row.id), status: 'failed', lastError: 'The account is disabled: not sent.' };
	const messageId = `<ideacup-outbox-${row.id}@${options.host}>`;
	let subject: string | null = null;
	try {
		const mail = renderOutboxMail(row, options);
		if (!mail) return { ...blank(row.id), status: 'failed', lastError: 'Its notifications no longer exist: not sent.' };
		subject = mail.subject;
		await transport.send({ to: { name: row.name, email: row.email }, messageId, ...mail });
		return { ...blank(row.id), status: 'sent', toAddress: row.email, subject, messageId };
	} catch (error) {
		const failure: SendFailure = classifySendError(error);
		const next = afterFailure(row.attempts, failure);
		return {
			...blank(row.id),
			...(next.status === 'queued' ? { status: 'queued', delayMinutes: next.delayMinutes } : { status: 'failed' }),
			lastError: errorText(error),
			subject,
			unreachable: failure === 'unreachable',
			counts: failure !== 'unreachable'
		};
	}
}

/** The fields of an outbox row, with its recipient and notifications, that its mail is made of. */
export type OutboxMail = Pick<ClaimedMail, 'kind' | 'userId' | 'name' | 'email' | 'locale'> & {
	notifications: Array<{ id: number; kind: string; params: unknown; link: string | null; createdAt: string | Date }>;
};

/**
 * The mail an outbox row stands for, exactly as delivery sends it (the admin's preview uses it
 * too): the recipient's language, the unsubscribe link of the first notification's group, or
 * the digest's own. Null when its notifications are gone.
 */
export function renderOutboxMail(row: OutboxMail, context: { origin: string; secret: string; from?: string }): RenderedMail | null {
	if (!row.notifications.length) return null;
	const group = row.kind === 'digest' ? null : mailGroupOf(row.notifications[0].kind);
	return renderMail({
		kind: row.kind,
		locale: mailLocale(row.locale),
		recipient: { name: row.name, email: row.email },
		notifications: row.notifications.map((n) => ({ ...n, createdAt: new Date(n.createdAt) })),
		origin: context.origin,
		from: context.from,
		unsubscribe: { url: unsubscribeUrl(context.origin, context.secret, row.userId, group ?? 'digest'), group }
	});
}

function blank(id: number): MailOutcome {
	return {
		id,
		status: 'queued',
		delayMinutes: 0,
		lastError: null,
		toAddress: null,
		subject: null,
		messageId: null,
		untried: false,
		counts: true
	};
}
