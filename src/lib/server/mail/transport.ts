import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { classifySendError } from './delivery-rules.js';

/** One message as delivery hands it over: the recipient, a Message-ID fixed per outbox row, the rendered mail. */
export type OutgoingMail = {
	to: { name: string; email: string };
	messageId: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	/** Files attached (a calendar invitation). */
	attachments?: { filename: string; content: string; contentType: string }[];
};

export type MailTransport = {
	send(message: OutgoingMail): Promise<{ messageId: string }>;
	close(): void;
};

/** Connections kept open to the SMTP server; delivery sends as many messages at once. */
export const SMTP_CONNECTIONS = 4;

/**
 * Sends over SMTP with nodemailer. `smtpUrl` as in SMTP_URL: smtp://user:password@host:587
 * (STARTTLS when the server offers it), or smtps:// for TLS from the start. An SMTP error
 * keeps nodemailer's `responseCode` (5xx: permanent) and `code` (ESOCKET, ETIMEDOUT, ...: the
 * server is not reachable); delivery-rules.ts reads them.
 *
 * A few connections are kept open and reused (a new connection per message costs a TCP and
 * SMTP handshake, and servers often delay their greeting). A connection dropped mid-message
 * is not sent again by nodemailer (maxRequeues 0): the outbox retries it, with the same
 * Message-ID. Plain connections send without Nagle's delay: the end of each message would
 * otherwise wait ~40 ms for the server's delayed acknowledgement.
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
	const url = parseConnectionUrl(smtpUrl);
	const options: SMTPPool.Options & { maxRequeues: number } = {
		...url,
		pool: true,
		maxConnections: SMTP_CONNECTIONS,
		maxMessages: 100,
		maxRequeues: 0,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000,
		dnsTimeout: 10_000
	};
	const make = () => {
		const made = nodemailer.createTransport(options);
		if (!url.secure && url.host) {
			const { host, port = 587 } = url;
			(made.transporter as unknown as { getSocket: SocketFactory }).getSocket = (_options, callback) =>
				connectWithoutDelay(host, port, options.connectionTimeout!, callback);
		}
		return made;
	};
	let transporter = make();
	return {
		async send(message) {
			try {
				const info = await transporter.sendMail({
					from,
					to: { name: message.to.name, address: message.to.email },
					messageId: message.messageId,
					subject: message.subject,
					text: message.text,
					html: message.html,
					headers: message.headers,
					...(message.attachments?.length
						? { attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) }
						: {})
				});
				return { messageId: info.messageId };
			} catch (error) {
				// After a few failed connections nodemailer's pool stops answering sends (measured:
				// the fifth send after four refused connections never settled, also once the server
				// was back). A server that could not be reached gets a fresh pool for the next send.
				if (classifySendError(error) === 'unreachable') {
					const broken = transporter;
					transporter = make();
					broken.close();
				}
				throw error;
			}
		},
		close() {
			transporter.close();
		}
	};
}

type SocketCallback = (error: Error | null, socketOptions?: { connection: Socket }) => void;
type SocketFactory = (options: unknown, callback: SocketCallback) => void;

/** A TCP connection to the SMTP server with Nagle's algorithm off; nodemailer takes it from there. */
function connectWithoutDelay(host: string, port: number, timeoutMs: number, callback: SocketCallback): void {
	let done = false;
	const socket = connect({ host, port, noDelay: true });
	const finish = (error: Error | null) => {
		if (done) return;
		done = true;
		socket.setTimeout(0);
		socket.removeListener('error', finish);
		if (error) {
			socket.destroy();
			callback(error);
		} else callback(null, { connection: socket });
	};
	socket.setTimeout(timeoutMs, () => finish(Object.assign(new Error(`Connection timeout to ${host}:${port}`), { code: 'ETIMEDOUT' })));
	socket.once('error', finish);
	socket.once('connect', () => finish(null));
}
