#!/usr/bin/env node
/**
 * The end-to-end tests' mail server: a real SMTP server (the `smtp-server` package; no
 * authentication, no TLS) on 127.0.0.1:$E2E_SMTP_PORT that keeps every message it receives as
 * an .eml file in $E2E_MAIL_DIR (default test-results/mail), and a small HTTP server on
 * 127.0.0.1:$E2E_SMTP_HTTP_PORT:
 *
 *   GET    /healthz          200 "ok" (Playwright's webServer waits for it)
 *   GET    /messages         [{ file, to, subject, messageId, date, text }] oldest first, each
 *                            .eml read with mailparser (text: the plain-text part)
 *   GET    /messages/<file>  the raw .eml
 *
 * The folder is emptied at start. SIGTERM or SIGINT stops both servers.
 * Ports and folder: tests/e2e/support/mail.mjs (shared with the Playwright config and the tests).
 */
import { fstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { MAIL_SINK } from './mail.mjs';

const HOST = '127.0.0.1';
const dir = MAIL_SINK.dir;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const log = (message) => {
	try {
		console.error(`[smtp-sink] ${message}`);
	} catch {
		// nobody is listening any more
	}
};

let counter = 0;
/** File names sort in arrival order: a zero-padded sequence number, then the time. */
function nextFileName() {
	counter += 1;
	return `${String(counter).padStart(6, '0')}-${Date.now()}.eml`;
}

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['AUTH', 'STARTTLS'],
	logger: false,
	size: 25 * 1024 * 1024,
	onData(stream, session, callback) {
		const chunks = [];
		stream.on('data', (chunk) => chunks.push(chunk));
		stream.on('error', callback);
		stream.on('end', () => {
			if (stream.sizeExceeded) {
				callback(Object.assign(new Error('Message too big'), { responseCode: 552 }));
				return;
			}
			const file = nextFileName();
			writeFileSync(join(dir, file), Buffer.concat(chunks));
			log(`${file} from ${session.envelope.mailFrom?.address ?? '?'} to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}`);
			callback();
		});
	}
});
smtp.on('error', (error) => log(`smtp error: ${error.message}`));

/** Parsed summaries of the stored messages, cached per file (a file never changes). */
const summaries = new Map();
async function listMessages() {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.sort();
	const list = [];
	for (const file of files) {
		let summary = summaries.get(file);
		if (!summary) {
			const parsed = await simpleParser(readFileSync(join(dir, file)));
			summary = {
				file,
				to: parsed.to ? [parsed.to].flat().flatMap((a) => a.value.map((v) => v.address)) : [],
				subject: parsed.subject ?? '',
				messageId: parsed.messageId ?? null,
				date: parsed.date?.toISOString() ?? null,
				text: parsed.text ?? ''
			};
			summaries.set(file, summary);
		}
		list.push(summary);
	}
	return list;
}

const http = createServer((request, response) => {
	const url = new URL(request.url ?? '/', `http://${HOST}`);
	const send = (status, body, type = 'application/json') => {
		response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
		response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
	};
	if (request.method === 'GET' && url.pathname === '/healthz') return send(200, 'ok', 'text/plain');
	if (request.method === 'GET' && url.pathname === '/messages') {
		listMessages().then(
			(list) => send(200, list),
			(error) => send(500, { error: error.message })
		);
		return;
	}
	const one = /^\/messages\/(\d{6}-\d+\.eml)$/.exec(url.pathname);
	if (request.method === 'GET' && one) {
		try {
			return send(200, readFileSync(join(dir, one[1])), 'message/rfc822');
		} catch {
			return send(404, { error: 'no such message' });
		}
	}
	send(404, { error: 'not found' });
});

smtp.listen(MAIL_SINK.smtpPort, HOST, () => log(`SMTP on ${HOST}:${MAIL_SINK.smtpPort}, messages in ${dir}`));
http.listen(MAIL_SINK.httpPort, HOST, () => log(`HTTP on ${MAIL_SINK.url}`));

let stopping = false;
function stop(signal) {
	if (stopping) return;
	stopping = true;
	log(`${signal}: stopping`);
	setTimeout(() => process.exit(0), 3_000).unref();
	http.close();
	http.closeAllConnections?.();
	smtp.close(() => process.exit(0));
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(signal));
// Started by Playwright with a pipe on stdin: its end means Playwright is gone. (Only a pipe or
// socket: /dev/null or a terminal says nothing.)
try {
	const stdin = fstatSync(0);
	if (stdin.isFIFO() || stdin.isSocket()) {
		process.stdin.on('end', () => stop('stdin closed'));
		process.stdin.on('error', () => stop('stdin closed'));
		process.stdin.resume();
		process.stdin.unref?.();
	}
} catch {
	// no stdin at all
}
