#!/usr/bin/env node
/**
 * `npm run test:cluster`: the demo's end-to-end journeys through a real load balancer in front
 * of two instances of the built portal on one PostgreSQL database, with uploaded files in S3.
 *
 * 1. On DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres) creates a
 *    throwaway database `ideacup_cluster_<hex>`; starts s3rver (an S3-compatible server, from
 *    npm) on a free port with a bucket in a temporary folder, and the test mail server
 *    (tests/e2e/support/smtp-sink.mjs) on free ports, its messages in test-results/mail-cluster.
 * 2. Starts two instances of `node build` at the same moment (each its own PORT, DATA_DIR and
 *    process group; the same ORIGIN, the balancer's address, and the same AUTH_SECRET, S3_*
 *    settings, SMTP_URL (the mail server) and the env scripts/e2e-server.js gives its server). Both find the database
 *    empty: the start-up lock must let exactly one of them migrate and seed.
 * 3. Writes an HAProxy configuration (round robin, health checks on /healthz, X-Forwarded-For)
 *    in the temporary folder and starts /usr/sbin/haproxy in the foreground. Each instance
 *    names itself in an `X-Served-By` header (INSTANCE_NAME); HAProxy logs, for every
 *    request, the server it chose and that header.
 * 4. Runs the demo project's Playwright journeys against the balancer (E2E_EXTERNAL_URL), with
 *    the mail server's ports (E2E_SMTP_PORT, E2E_SMTP_HTTP_PORT) so the e-mail journey reads it.
 * 5. Checks: the demo was seeded once; requests went round robin (each instance served a fair
 *    share, consecutive requests mostly alternate) and each answer came from the instance
 *    HAProxy chose; the journeys' uploads are in the bucket, one object for each attachment row;
 *    every message the outbox marked sent arrived at the mail server once, whichever instance
 *    sent it, and nothing else arrived (printed as `cluster mail: N messages, M duplicates`).
 * 6. Prints `cluster: N passed, M failed` (the journeys, plus one per check), stops everything,
 *    drops the database and removes the temporary folder.
 *
 * Needs a build (build/handler.js; `npm run build` when missing) and haproxy
 * (`apt-get install haproxy`). HAPROXY names another binary; CLUSTER_KEEP=1 keeps the folder
 * with the logs. Extra arguments go to Playwright (e.g. a spec file).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import S3rver from 's3rver';

const root = resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';
const HAPROXY = process.env.HAPROXY || '/usr/sbin/haproxy';
const BUCKET = 'ideacup-cluster';
const INSTANCES = ['a', 'b'];
const GRACE_MS = 10_000;
const MAIL_DIR = join(root, 'test-results', 'mail-cluster');
const START_TIMEOUT_MS = 300_000;
const serverUrl = (process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres').trim();
const playwrightArgs = process.argv.slice(2);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const log = (message) => console.log(`[cluster] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

// ---------- helpers ----------

function freePort() {
	return new Promise((done, fail) => {
		const server = createServer();
		server.unref();
		server.on('error', fail);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => done(port));
		});
	});
}

function withDatabase(url, database) {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

async function query(url, text) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
	await client.connect();
	try {
		return (await client.query(text)).rows;
	} finally {
		await client.end().catch(() => {});
	}
}

async function waitForHealth(url, what, child, ms = START_TIMEOUT_MS) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}) before it answered`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
			if (response.ok) return;
		} catch {
			// not yet
		}
		await sleep(500);
	}
	throw new Error(`${what} did not answer ${url} within ${ms / 1000} s`);
}

// ---------- what this script starts, and how it is stopped ----------

/** @type {{ name: string, child: import('node:child_process').ChildProcess }[]} */
const groups = [];
let s3server;
const work = mkdtempSync(join(tmpdir(), 'ideacup-cluster-'));
const dbName = `ideacup_cluster_${randomBytes(6).toString('hex')}`;
let dbCreated = false;

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Starts a command as the leader of its own process group, its output appended to `logFile`. */
function startGroup(name, command, args, env, logFile) {
	// The file itself, not a pipe through this process: its event loop waits on Playwright.
	const fd = openSync(logFile, 'a');
	const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', fd, fd] });
	closeSync(fd);
	child.on('error', (error) => log(`${name}: ${error.message}`));
	groups.push({ name, child });
	return child;
}

async function stopGroups() {
	for (const { name, child } of groups.reverse()) {
		if (!child.pid || !groupAlive(child.pid)) continue;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			continue;
		}
		const deadline = Date.now() + GRACE_MS;
		while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
		if (groupAlive(child.pid)) {
			log(`${name} did not stop within ${GRACE_MS / 1000} s: SIGKILL`);
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	}
}

let cleaned = false;
async function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	await stopGroups();
	await s3server?.close().catch(() => {});
	if (dbCreated) {
		await query(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((error) =>
			log(`could not drop ${dbName}: ${error.message}`)
		);
	}
	if (process.env.CLUSTER_KEEP === '1') log(`logs kept in ${work}`);
	else rmSync(work, { recursive: true, force: true });
}

process.on('exit', () => {
	for (const { child } of groups) {
		if (child.pid && groupAlive(child.pid)) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	}
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		log(`${signal}: stopping`);
		void cleanUp().finally(() => process.exit(130));
	});
}

// ---------- the run ----------

/** Requests per instance as HAProxy logged them: `<server chosen> {<X-Served-By>} <status> <method> <path>`. */
function readBalancerLog(file) {
	const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
	const requests = [];
	for (const line of lines) {
		const m = /^(\S+) \{([^}]*)\} (-?\d+) (\S+) (\S+)/.exec(line.trim());
		if (m) requests.push({ server: m[1], servedBy: m[2], status: Number(m[3]), method: m[4], path: m[5] });
	}
	return requests;
}

function haproxyConfig(lbPort, ports) {
	return `# Generated by scripts/cluster-test.js (README, Running at scale, has the production version).
global
	log stdout format raw local0
	maxconn 512

defaults
	mode http
	log global
	option forwardfor
	timeout connect 5s
	timeout client 300s
	timeout server 300s
	timeout http-request 30s
	timeout http-keep-alive 10s

frontend portal
	bind ${HOST}:${lbPort}
	capture response header X-Served-By len 32
	log-format "%s %hs %ST %HM %HU"
	default_backend instances

backend instances
	balance roundrobin
	option httpchk GET /healthz
	http-check expect status 200
${INSTANCES.map((name, i) => `	server ${name} ${HOST}:${ports[i]} check inter 2s fall 3 rise 2`).join('\n')}
`;
}

/**
 * The mail both instances sent: once every delivery under way has ended (at most 30 s), each
 * message the outbox marked sent arrived once (by its Message-ID), and nothing arrived that the
 * outbox does not know.
 */
async function checkMail(databaseUrl, mailList) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const [{ busy }] = await query(databaseUrl, "SELECT count(*)::int AS busy FROM mail_outbox WHERE status = 'sending'");
		if (busy === 0 || Date.now() >= deadline) break;
		await sleep(1_000);
	}
	const sent = await query(databaseUrl, "SELECT id, message_id FROM mail_outbox WHERE status = 'sent'");
	const [{ waiting }] = await query(
		databaseUrl,
		"SELECT count(*)::int AS waiting FROM mail_outbox WHERE status IN ('queued', 'sending') AND kind = 'notification'"
	);
	const received = await (await fetch(mailList, { signal: AbortSignal.timeout(30_000) })).json();
	// Compared without the angle brackets, however each side writes them.
	const bare = (id) => (id ?? '').trim().replace(/^<|>$/g, '');
	const arrivals = new Map();
	for (const m of received) arrivals.set(bare(m.messageId), (arrivals.get(bare(m.messageId)) ?? 0) + 1);
	const duplicates = [...arrivals.values()].reduce((sum, n) => sum + n - 1, 0);
	const outboxIds = new Set(sent.map((r) => bare(r.message_id)));
	const missing = sent.filter((r) => !arrivals.has(bare(r.message_id)));
	const unknown = received.filter((m) => !outboxIds.has(bare(m.messageId)));
	return {
		messages: received.length,
		duplicates,
		check: {
			name: 'every e-mail the instances sent arrived once (Message-ID), and only those',
			// The whole run sends mail (the e-mail journey); a run of chosen specs may send none.
			ok: (received.length > 0 || playwrightArgs.length > 0) && duplicates === 0 && missing.length === 0 && unknown.length === 0,
			detail: `${received.length} messages at the mail server, ${duplicates} duplicates; ${sent.length} sent in the outbox, ${missing.length} of them not received, ${unknown.length} received that the outbox does not name; ${waiting} still queued`
		}
	};
}

async function main() {
	if (!existsSync(join(root, 'build', 'handler.js'))) {
		log('no build yet: npm run build');
		const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		if (built.status !== 0) throw new Error('npm run build failed');
	}
	if (!existsSync(HAPROXY)) throw new Error(`no haproxy at ${HAPROXY} (apt-get install haproxy, or set HAPROXY)`);

	await query(serverUrl, `CREATE DATABASE ${dbName}`);
	dbCreated = true;
	const databaseUrl = withDatabase(serverUrl, dbName);
	log(`database ${dbName} on ${redact(serverUrl)}; folder ${work}`);

	s3server = new S3rver({
		port: 0,
		address: HOST,
		directory: join(work, 's3'),
		silent: true,
		configureBuckets: [{ name: BUCKET, configs: [] }]
	});
	const { port: s3Port } = await s3server.run();
	const s3 = {
		S3_BUCKET: BUCKET,
		S3_ENDPOINT: `http://${HOST}:${s3Port}`,
		S3_REGION: 'us-east-1',
		S3_ACCESS_KEY_ID: 'S3RVER',
		S3_SECRET_ACCESS_KEY: 'S3RVER',
		S3_FORCE_PATH_STYLE: 'true'
	};
	log(`s3rver on ${s3.S3_ENDPOINT}, bucket ${BUCKET}`);

	// The test mail server: both instances send to it, the e-mail journey and the checks read it.
	const smtpPort = await freePort();
	const smtpHttpPort = await freePort();
	const mailEnv = { E2E_SMTP_PORT: String(smtpPort), E2E_SMTP_HTTP_PORT: String(smtpHttpPort), E2E_MAIL_DIR: MAIL_DIR };
	const mailList = `http://${HOST}:${smtpHttpPort}/messages`;
	const sink = startGroup(
		'mail server',
		process.execPath,
		['tests/e2e/support/smtp-sink.mjs'],
		{ ...process.env, ...mailEnv },
		join(work, 'smtp-sink.log')
	);
	await waitForHealth(`http://${HOST}:${smtpHttpPort}/healthz`, 'the mail server', sink, 30_000);
	log(`mail server: SMTP on ${HOST}:${smtpPort}, messages listed at ${mailList}`);

	const lbPort = await freePort();
	const ports = [];
	for (const _ of INSTANCES) ports.push(await freePort());
	const origin = `http://${HOST}:${lbPort}`;
	const authSecret = randomBytes(33).toString('base64');
	const baseEnv = { ...process.env };
	for (const key of Object.keys(baseEnv)) if (key.startsWith('OIDC_') || key.startsWith('E2E_')) delete baseEnv[key];

	// Both at once: the start-up lock decides which one migrates and seeds.
	const instances = INSTANCES.map((name, i) => {
		const env = {
			...baseEnv,
			...s3,
			INSTANCE_NAME: name,
			PORT: String(ports[i]),
			HOST,
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			AUTH_SECRET: authSecret,
			SMTP_URL: `smtp://${HOST}:${smtpPort}`,
			PG_POOL_SIZE: '5',
			DATA_DIR: join(work, `data-${name}`),
			SEED_DEMO: 'empty',
			ALLOW_DEMO_SIGNIN: 'true',
			BODY_SIZE_LIMIT: '210M',
			// The client's address from the balancer's X-Forwarded-For (the sign-in limits count it).
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1',
			SIGNIN_LIMIT_PER_ADDRESS: '100000',
			SIGNIN_LIMIT_PER_ACCOUNT: '150',
			SHUTDOWN_TIMEOUT: '5',
			STATEMENT_TIMING: '1',
			NODE_ENV: 'production'
		};
		const logFile = join(work, `instance-${name}.log`);
		return { name, port: ports[i], logFile, child: startGroup(`instance ${name}`, process.execPath, ['build'], env, logFile) };
	});
	const startedAt = Date.now();
	await Promise.all(instances.map((i) => waitForHealth(`http://${HOST}:${i.port}/healthz`, `instance ${i.name}`, i.child)));
	log(
		`instances ${instances.map((i) => `${i.name} on :${i.port}`).join(', ')} ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`
	);

	const cfgFile = join(work, 'haproxy.cfg');
	writeFileSync(cfgFile, haproxyConfig(lbPort, ports));
	const check = spawnSync(HAPROXY, ['-c', '-q', '-f', cfgFile], { encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`haproxy refused its configuration: ${check.stderr || check.stdout}`);
	const lbLog = join(work, 'haproxy.log');
	const haproxy = startGroup('haproxy', HAPROXY, ['-db', '-f', cfgFile], process.env, lbLog);
	await waitForHealth(`${origin}/healthz`, 'haproxy', haproxy, 30_000);
	// Both servers up in HAProxy's eyes (its first checks), so round robin has both from the start.
	await sleep(2_500);
	log(`haproxy on ${origin}, round robin over ${INSTANCES.length} instances`);

	// ---------- the journeys ----------
	const report = join(root, 'test-results', 'playwright-cluster.json');
	rmSync(report, { force: true });
	const playwright = await new Promise((done) => {
		const child = spawn('npx', ['playwright', 'test', '--project=chromium', ...playwrightArgs], {
			cwd: root,
			stdio: 'inherit',
			env: { ...baseEnv, ...mailEnv, E2E_EXTERNAL_URL: origin, E2E_PORT: String(lbPort) }
		});
		child.on('error', () => done({ status: 1, signal: null }));
		child.on('exit', (status, signal) => done({ status, signal }));
	});
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	try {
		const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
		passed = stats.expected + stats.flaky;
		failed = stats.unexpected;
		skipped = stats.skipped;
		if (stats.flaky) log(`${stats.flaky} journey(s) passed only on a retry`);
	} catch {
		failed = 1;
		log(`no Playwright report (exit ${playwright.status ?? playwright.signal})`);
	}
	if (playwright.status !== 0 && failed === 0) failed = 1;

	// ---------- the checks ----------
	const checks = [];
	const seededLines = instances.map((i) => (readFileSync(i.logFile, 'utf8').match(/seeded the demo organisation/g) ?? []).length);
	checks.push({
		name: 'the demo was seeded once by two instances starting at once',
		ok: seededLines.reduce((a, b) => a + b, 0) === 1,
		detail: `seed lines per instance: ${seededLines.join(', ')}`
	});

	const requests = readBalancerLog(lbLog);
	const perServer = Object.fromEntries(INSTANCES.map((n) => [n, requests.filter((r) => r.server === n).length]));
	const answered = requests.filter((r) => INSTANCES.includes(r.server));
	// Static files (/_app/immutable/...) are served before the app's hooks and carry no header.
	const named = answered.filter((r) => r.servedBy !== '');
	const mismatched = named.filter((r) => r.servedBy !== r.server);
	const perServerApp = Object.fromEntries(INSTANCES.map((n) => [n, named.filter((r) => r.server === n).length]));
	const shareOf = (counts, total) => Math.min(...Object.values(counts)) / Math.max(1, total);
	// Round robin counts every request (HAProxy logs them as they end, so their order says little).
	checks.push({
		name: 'requests alternate between the instances (round robin)',
		ok: answered.length > 50 && shareOf(perServer, answered.length) >= 0.45 && shareOf(perServerApp, named.length) >= 0.35,
		detail: `${answered.length} requests: ${INSTANCES.map((n) => `${n} ${perServer[n]}`).join(', ')}; of them answered by the app (pages, data, actions, files): ${INSTANCES.map((n) => `${n} ${perServerApp[n]}`).join(', ')}`
	});
	checks.push({
		name: 'every answer came from the instance the balancer chose (X-Served-By)',
		ok: named.length > 0 && mismatched.length === 0,
		detail: `${mismatched.length} of ${named.length} answers with the header differ${mismatched.length ? `, e.g. ${mismatched[0].server} answered by '${mismatched[0].servedBy}'` : ''}`
	});

	const client = new S3Client({
		endpoint: s3.S3_ENDPOINT,
		region: s3.S3_REGION,
		forcePathStyle: true,
		credentials: { accessKeyId: s3.S3_ACCESS_KEY_ID, secretAccessKey: s3.S3_SECRET_ACCESS_KEY }
	});
	const objects = new Set();
	let token;
	do {
		const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
		for (const o of page.Contents ?? []) objects.add(o.Key);
		token = page.NextContinuationToken;
	} while (token);
	client.destroy();
	const rows = await query(databaseUrl, "SELECT storage_key, created_at > now() - interval '1 day' AS new FROM attachment");
	// The demo seed's attachment rows name no files; the journeys' uploads do.
	const uploaded = rows.filter((r) => objects.has(r.storage_key));
	const orphans = [...objects].filter((key) => !rows.some((r) => r.storage_key === key));
	const downloads = requests.filter((r) => r.method === 'GET' && /^\/attachments\/\d+/.test(r.path) && r.status === 200).length;
	const uploads = requests.filter((r) => r.method === 'POST' && /\/attachments(\?|$)/.test(r.path) && r.status < 400).length;
	checks.push({
		name: "the journeys' files went through S3: each stored object has its attachment row",
		ok: objects.size > 0 && orphans.length === 0,
		detail: `${objects.size} objects in the bucket, ${uploaded.length} attachment rows name one, ${orphans.length} objects without a row; ${uploads} uploads and ${downloads} downloads through the balancer`
	});

	const mail = await checkMail(databaseUrl, mailList);
	checks.push(mail.check);

	console.log('');
	for (const c of checks) console.log(`[cluster] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
	console.log(`cluster mail: ${mail.messages} messages, ${mail.duplicates} duplicates`);
	log(`journeys: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	const checksPassed = checks.filter((c) => c.ok).length;
	return { passed: passed + checksPassed, failed: failed + checks.length - checksPassed };
}

let summary = { passed: 0, failed: 1 };
try {
	summary = await main();
} catch (error) {
	log(`cannot run: ${error?.message ?? error}`);
	for (const file of ['instance-a.log', 'instance-b.log', 'haproxy.log']) {
		const path = join(work, file);
		if (existsSync(path)) console.log(`---- ${file} (last lines)\n${readFileSync(path, 'utf8').split('\n').slice(-15).join('\n')}`);
	}
} finally {
	await cleanUp();
}
console.log(`cluster: ${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.failed ? 1 : 0);
