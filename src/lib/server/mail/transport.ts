import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** One message as delivery hands it over: the recipient, a Message-ID fixed per outbox row, the rendered mail. */
export type OutgoingMail = {
	to: { name: string; email: string };
	messageId: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
};

export type MailTransport = {
	send(message: OutgoingMail): Promise<{ messageId: string }>;
	close(): void;
};

/**
 * Sends over SMTP with nodemailer, a connection per message (no pool: nodemailer's pool sends
 * a message again after a dropped connection on its own, which could send it twice; delivery
 * sends several at once instead). `smtpUrl` as in SMTP_URL: smtp://user:password@host:587, or
 * smtps:// for TLS from the start. An SMTP error keeps nodemailer's `responseCode` (5xx:
 * permanent) and `code` (ECONNECTION, ETIMEDOUT, ...: the server is not reachable).
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
	const options: SMTPTransport.Options = {
		...parseConnectionUrl(smtpUrl),
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000,
		dnsTimeout: 10_000
	};
	const transporter = nodemailer.createTransport(options);
	return {
		async send(message) {
			const info = await transporter.sendMail({
				from,
				to: { name: message.to.name, address: message.to.email },
				messageId: message.messageId,
				subject: message.subject,
				text: message.text,
				html: message.html,
				headers: message.headers
			});
			return { messageId: info.messageId };
		},
		close() {
			transporter.close();
		}
	};
}
