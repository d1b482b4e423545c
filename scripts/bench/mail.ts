/**
 * Mail step of `npm run bench` (`--steps mail`, issue 13): a fresh database per engine
 * (PostgreSQL: a throwaway `ideacup_bench_mail_<hex>` on DATABASE_URL's server; PGlite: in
 * memory) with --mail-people people (default 15,000; every third one reads Dutch), each given
 * three notifications that wait for the daily digest (the portal's insertNotifications, one
 * statement per kind for everyone). Then, timed: makeDigests (one digest per person), and
 * deliverDue, run by the job queue's own rule (5,000 per run, another run while it fills them)
 * handing every digest to a local SMTP server (the smtp-server package, in this process). Checks
 * that exactly one message per person arrived (distinct Message-IDs and recipients) and that
 * the outbox holds them all as sent.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/index.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { insertNotifications } from '../../src/lib/server/notifications/notifications.queries.js';
import { makeDigests } from '../../src/lib/server/mail/digest.js';
import { deliverDue } from '../../src/lib/server/mail/delivery.js';
import { createSmtpTransport } from '../../src/lib/server/mail/transport.js';
import { DELIVERY_BATCH } from '../../src/lib/server/jobs/queues.js';
import type { Engine } from './database.js';
import { loadMigrations } from './database.js';

export type MailResult = {
	engine: Engine;
	people: number;
	notifications: number;
	/** Seconds of makeDigests. */
	digestSeconds: number;
	digests: number;
	/** Seconds from the first deliverDue until the last message was accepted. */
	deliverSeconds: number;
	deliverRuns: number;
	sent: number;
	failed: number;
	mailsPerSecond: number;
	/** What the SMTP server received. */
	arrived: number;
	distinctMessageIds: number;
	distinctRecipients: number;
	bytesPerMail: number;
	outboxSent: number;
	ok: boolean;
};

type Log = (line: string) => void;

/** Three digest notifications per person, in two groups (organising, news). */
const KINDS = [
	{ kind: 'idea_submitted', params: { title: 'Shadow boards for the tool crib' }, link: '/ideas/1' },
	{ kind: 'idea_ready', params: { title: 'Fewer forklift crossings at gate 3' }, link: '/ideas/2' },
	{ kind: 'kb_new_entry', params: { title: 'Cutting changeover time on line 4' }, link: '/kb/3' }
];

/** A local SMTP server that reads each message's headers only and keeps its Message-ID and recipient. */
async function startSink() {
	const messageIds = new Set<string>();
	const recipients = new Set<string>();
	let arrived = 0;
	let bytes = 0;
	let lastAt = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		maxClients: 50,
		onRcptTo(address, _session, callback) {
			callback();
			void address;
		},
		onData(stream, session, callback) {
			let head = '';
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (head.length < 8192) head += chunk.toString('latin1');
			});
			stream.on('end', () => {
				const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
				if (id) messageIds.add(id);
				for (const r of session.envelope.rcptTo) recipients.add(r.address);
				arrived++;
				bytes += size;
				lastAt = performance.now();
				callback();
			});
		}
	});
	// Replies without Nagle's delay, as the portal's client sends (else each message waits for a delayed ACK).
	server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		stats: () => ({ arrived, messageIds: messageIds.size, recipients: recipients.size, bytes, lastAt }),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

async function openFresh(engine: Engine, serverUrl: string): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
	if (engine === 'pglite') return { handle: await openDatabase({ engine: 'pglite' }), drop: async () => {} };
	const name = `ideacup_bench_mail_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
	return {
		handle,
		drop: async () => {
			const a = new pg.Client({ connectionString: serverUrl });
			await a.connect();
			await a
				.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
				.catch((e: Error) => console.error('could not drop the bench database:', e.message));
			await a.end();
		}
	};
}

async function benchEngine(engine: Engine, serverUrl: string, people: number, log: Log): Promise<MailResult> {
	const { handle, drop } = await openFresh(engine, serverUrl);
	const sink = await startSink();
	const db = handle.db;
	try {
		await migrateToLatest(db, await loadMigrations());
		const { id: departmentId } = await db
			.insertInto('department')
			.values({ code: 'BENCH', name: 'Bench' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await sql`
			INSERT INTO app_user (email, name, department_id, locale)
			SELECT 'person' || i || '@bench.example.com', 'Person ' || i, ${departmentId}, CASE WHEN i % 3 = 0 THEN 'nl' ELSE 'en' END
			FROM generate_series(1, ${people}) AS i
		`.execute(db);
		const ids = (await db.selectFrom('appUser').select('id').orderBy('id').execute()).map((r) => r.id);
		let t = performance.now();
		for (const n of KINDS) await insertNotifications(db, ids, n);
		log(
			`mail ${engine}: ${people} people, ${people * KINDS.length} digest notifications in ${((performance.now() - t) / 1000).toFixed(1)} s`
		);
		if (engine === 'pglite') await sql`VACUUM ANALYZE`.execute(db);

		t = performance.now();
		const digests = await makeDigests(db);
		const digestSeconds = (performance.now() - t) / 1000;
		log(
			`mail ${engine}: makeDigests ${digests.messages} digests of ${digests.notifications} notifications in ${digestSeconds.toFixed(1)} s`
		);

		const transport = createSmtpTransport(sink.url, 'IdeaCup <ideacup@bench.example.com>');
		let sent = 0;
		let failed = 0;
		let runs = 0;
		t = performance.now();
		try {
			// As the job queue runs it: a run of up to DELIVERY_BATCH, another while runs fill up.
			for (;;) {
				const r = await deliverDue(db, transport, {
					origin: 'https://ideas.bench.example.com',
					secret: 'bench-secret-bench-secret-bench',
					limit: DELIVERY_BATCH
				});
				runs++;
				sent += r.sent;
				failed += r.failed;
				log(`mail ${engine}: delivery run ${runs}: ${r.sent} sent, ${r.failed} failed, ${r.retrying} to retry`);
				if (r.sent + r.failed + r.retrying < DELIVERY_BATCH) break;
			}
		} finally {
			transport.close();
		}
		const deliverSeconds = (performance.now() - t) / 1000;
		const stats = sink.stats();
		const outbox = await sql<{ sent: number }>`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM mail_outbox`.execute(db);
		const outboxSent = outbox.rows[0].sent;
		const ok =
			digests.messages === people &&
			sent === people &&
			stats.arrived === people &&
			stats.messageIds === people &&
			stats.recipients === people &&
			outboxSent === people;
		return {
			engine,
			people,
			notifications: digests.notifications,
			digestSeconds,
			digests: digests.messages,
			deliverSeconds,
			deliverRuns: runs,
			sent,
			failed,
			mailsPerSecond: sent / deliverSeconds,
			arrived: stats.arrived,
			distinctMessageIds: stats.messageIds,
			distinctRecipients: stats.recipients,
			bytesPerMail: stats.arrived ? Math.round(stats.bytes / stats.arrived) : 0,
			outboxSent,
			ok
		};
	} finally {
		await sink.close();
		await handle.close().catch(() => {});
		await drop();
	}
}

/** Runs the mail step on each engine; the results for the report (scripts/bench/report.ts mailTable). */
export async function runMailStep(engines: Engine[], serverUrl: string, people: number, log: Log): Promise<MailResult[]> {
	const results: MailResult[] = [];
	for (const engine of engines) results.push(await benchEngine(engine, serverUrl, people, log));
	return results;
}
