/**
 * A real SMTP server for tests (the `smtp-server` package), keeping every message it accepts,
 * parsed with `mailparser`. Listens on a free port of 127.0.0.1, without TLS or sign-in.
 *
 * - `failFirst: n`: the first n messages are refused at the end of DATA with `failCode`
 *   (default 451, a temporary error; 550 for a permanent one).
 * - `setDown(true)`: the server stops listening and drops open connections, so a client gets
 *   "connection refused"; `setDown(false)` listens again on the same port.
 */
import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TestSmtp = {
	url: string;
	port: number;
	messages: ParsedMail[];
	/** How many messages came over TLS. */
	secured(): number;
	waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
	setDown(down: boolean): Promise<void>;
	close(): Promise<void>;
};

/** `starttls`: offer STARTTLS (smtp-server's built-in self-signed certificate), as most servers on port 587 do. */
export type TestSmtpOptions = { failFirst?: number; failCode?: number; starttls?: boolean };

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
	const messages: ParsedMail[] = [];
	let refused = 0;
	let secured = 0;
	let waiters: Array<() => void> = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: options.starttls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
		logger: false,
		disableReverseLookup: true,
		size: 10 * 1024 * 1024,
		onData(stream, session, callback) {
			if (session.secure) secured++;
			// answer as soon as the message is in, then parse it: the client is not kept waiting
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('error', (error: Error) => callback(error));
			stream.on('end', () => {
				if (refused < (options.failFirst ?? 0)) {
					refused++;
					const error = new Error(`Test server refuses message ${refused}`) as Error & { responseCode: number };
					error.responseCode = options.failCode ?? 451;
					callback(error);
					return;
				}
				callback();
				simpleParser(Buffer.concat(chunks))
					.then((mail) => {
						messages.push(mail);
						for (const wake of waiters) wake();
					})
					.catch((error: Error) => console.error('[test smtp] cannot parse a message:', error.message));
			});
		}
	});
	server.on('error', () => {});
	const port = await listen(server, 0);

	function dropConnections() {
		for (const connection of server.connections) (connection as { close(): void }).close();
	}

	return {
		url: `smtp://127.0.0.1:${port}`,
		port,
		messages,
		secured: () => secured,
		waitFor(n, timeoutMs = 10_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (messages.length < n) return;
					clearTimeout(timer);
					waiters = waiters.filter((w) => w !== check);
					resolve(messages.slice());
				};
				const timer = setTimeout(() => {
					waiters = waiters.filter((w) => w !== check);
					reject(new Error(`Test SMTP server: ${messages.length} of ${n} messages after ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.push(check);
				check();
			});
		},
		async setDown(down) {
			if (down) {
				if (!server.server.listening) return;
				await new Promise<void>((resolve) => {
					server.server.close(() => resolve());
					dropConnections();
				});
			} else if (!server.server.listening) {
				await listen(server, port);
			}
		},
		async close() {
			dropConnections();
			if (server.server.listening) await new Promise<void>((resolve) => server.server.close(() => resolve()));
		}
	};
}

function listen(server: SMTPServer, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const onError = (error: Error) => reject(error);
		server.server.once('error', onError);
		server.server.listen(port, '127.0.0.1', () => {
			server.server.off('error', onError);
			resolve((server.server.address() as AddressInfo).port);
		});
	});
}

/** A port nothing listens on (bound, read, released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}
