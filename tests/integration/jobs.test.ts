/**
 * The job queue (pg-boss over the portal's database): two runners on one database run each
 * job once, a failing job is retried, a job whose runner died is retried after it expires,
 * queued mail reaches an SMTP server, and the admin page's reading, retry and "run now".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { createBoss, startJobs, type JobsConfig, type JobsHandle, type JobsOptions } from '$lib/server/jobs/boss.js';
import type { JobHandlers, QueueName } from '$lib/server/jobs/queues.js';
import { listJobs, retryJob, runJobNow } from '$lib/server/jobs/jobs.service.js';
import { insertNotifications } from '$lib/server/notifications/notifications.queries.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { mailQueued } from '$lib/server/mail/signal.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { startTestSmtp } from './helpers/smtp.js';
import { factories } from '../fixtures/factories.js';

let testDb: TestDatabase;
let db: Database;
let admin: SessionUser;
let employee: SessionUser;
const running: JobsHandle[] = [];

const cfg: JobsConfig = {
	mail: { smtpUrl: undefined, from: 'IdeaCup <ideacup@example.com>', digestCron: '0 7 * * *', timeZone: 'Europe/Amsterdam' },
	origin: 'http://ideas.example.com',
	authSecret: 'a test secret of enough length for signing'
};

/** Fast clocks for tests: poll twice a second, look at the cron schedules every second. */
const fast: JobsOptions = {
	pollingIntervalSeconds: 0.5,
	kickDelayMs: 200,
	boss: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, maintenanceIntervalSeconds: 1 }
};

/** No schedule falls due during a test unless it asks for one (a tick in the last minute is sent at start). */
const NEVER = '0 0 29 2 *';
const quiet: JobsOptions['crons'] = { 'mail-deliver': NEVER, 'mail-digest': NEVER, reminders: NEVER };

async function runner(config: Partial<JobsConfig> = {}, options: JobsOptions = {}): Promise<JobsHandle> {
	const handle = await startJobs(db, { ...cfg, ...config }, { ...fast, crons: quiet, ...options, boss: { ...fast.boss, ...options.boss } });
	running.push(handle);
	return handle;
}

async function stopAll() {
	await Promise.all(running.splice(0).map((r) => r.stop()));
}

/** Handlers that count their runs per queue (and per runner, in `by`). */
function counting(by: string, counts: Record<string, number>, extra: Partial<JobHandlers> = {}): Partial<JobHandlers> {
	const count = (queue: QueueName) => () => {
		counts[queue] = (counts[queue] ?? 0) + 1;
		counts[`${by}:${queue}`] = (counts[`${by}:${queue}`] ?? 0) + 1;
		return Promise.resolve({ ran: 1 });
	};
	return { 'mail-deliver': count('mail-deliver'), 'mail-digest': count('mail-digest'), reminders: count('reminders'), ...extra };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job's state in pg-boss's tables (job or archive). */
async function jobState(boss: JobsHandle['boss'], queue: QueueName, id: string) {
	return boss.getJobById(queue, id, { includeArchive: true });
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const f = factories(db);
	admin = await f.newUser({ name: 'Ada Admin', roles: ['admin'] });
	employee = await f.newUser({ name: 'Erik Employee' });
}, 60_000);

afterAll(async () => {
	await stopAll();
	await testDb?.close();
});

describe('job queue', () => {
	it('installs pg-boss on the portal database with the three queues and their schedules', async () => {
		const jobs = await runner({}, { handlers: counting('a', {}), crons: {} });
		const queues = await jobs.boss.getQueues();
		expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['mail-deliver', 'mail-digest', 'reminders']));
		const deliver = queues.find((q) => q.name === 'mail-deliver')!;
		expect(deliver).toMatchObject({ policy: 'short', retryLimit: 3, retryBackoff: true, expireInSeconds: 300 });
		const schedules = await jobs.boss.getSchedules();
		expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone])).toEqual(
			expect.arrayContaining([
				['mail-deliver', '* * * * *', 'UTC'],
				['mail-digest', '0 7 * * *', 'Europe/Amsterdam'],
				['reminders', '*/15 * * * *', 'Europe/Amsterdam']
			])
		);
		await stopAll();
	}, 30_000);

	it('two runners on one database: each scheduled tick and each sent job runs once', async () => {
		const counts: Record<string, number> = {};
		// Delivery and the digest every minute: the tick of this minute is due at start. Not in a
		// minute's last 20 seconds, so the next tick does not fall within the test.
		while (new Date().getSeconds() > 40) await sleep(500);
		const every: JobsOptions['crons'] = { 'mail-deliver': '* * * * *', 'mail-digest': '* * * * *', reminders: NEVER };
		const a = await runner({}, { handlers: counting('a', counts), crons: every });
		const b = await runner({}, { handlers: counting('b', counts), listen: false, crons: every });
		await waitFor('the scheduled ticks', () => Promise.resolve(counts['mail-deliver'] === 1 && counts['mail-digest'] === 1));
		// A few seconds more: no runner sends or runs the tick again.
		await sleep(3000);
		expect(counts['mail-deliver']).toBe(1);
		expect(counts['mail-digest']).toBe(1);

		for (let i = 0; i < 6; i++) {
			const runner = i % 2 ? a : b;
			const id = await runner.send('reminders');
			expect(id).toBeTruthy();
			await waitFor('the job done', async () => (await jobState(a.boss, 'reminders', id!))?.state === 'completed');
		}
		expect(counts.reminders).toBe(6);
		await stopAll();
	}, 60_000);

	it('a job that throws is retried and then succeeds', async () => {
		let calls = 0;
		const jobs = await runner(
			{},
			{
				handlers: {
					reminders: () => {
						calls++;
						return calls === 1 ? Promise.reject(new Error('the first attempt fails')) : Promise.resolve({ sent: 2 });
					}
				}
			}
		);
		// A retry a second later (the portal's own delay is a minute).
		await jobs.boss.updateQueue('reminders', {
			name: 'reminders',
			policy: 'short',
			retryLimit: 3,
			retryDelay: 1,
			retryBackoff: false,
			expireInSeconds: 300
		});
		const id = (await jobs.send('reminders'))!;
		const done = await waitFor('the retried job', async () => {
			const job = await jobState(jobs.boss, 'reminders', id);
			return job?.state === 'completed' && job;
		});
		expect(calls).toBe(2);
		expect(done).toMatchObject({ retryCount: 1, output: { sent: 2 } });
		await stopAll();
	}, 30_000);

	it('a job whose runner died mid-run expires and another runner retries it', async () => {
		// The runner that dies: it claims the job (active) and never finishes it.
		const dead = createBoss(db, { supervise: false, schedule: false });
		await dead.start();
		await dead.updateQueue('reminders', {
			name: 'reminders',
			policy: 'short',
			retryLimit: 2,
			retryDelay: 1,
			retryBackoff: false,
			expireInSeconds: 1
		});
		const id = (await dead.send('reminders', {}))!;
		const [claimed] = await dead.fetch('reminders');
		expect(claimed.id).toBe(id);
		// A fetched job is no worker's work in progress: stopping leaves it active, as a crash would.
		await dead.stop({ graceful: false, close: false, wait: true });
		expect((await jobState(dead, 'reminders', id))?.state).toBe('active');

		let calls = 0;
		const alive = await runner(
			{},
			{
				handlers: {
					reminders: () => {
						calls++;
						return Promise.resolve({ sent: 0 });
					}
				}
			}
		);
		const done = await waitFor('the expired job retried', async () => {
			const job = await jobState(alive.boss, 'reminders', id);
			return job?.state === 'completed' && job;
		});
		expect(calls).toBe(1);
		expect(done.retryCount).toBe(1);
		await stopAll();
	}, 40_000);
});

describe('queued mail', () => {
	it('a notification committed in a transaction is sent to the SMTP server shortly after, once', async () => {
		const smtp = await startTestSmtp();
		try {
			// The delivery sweep's tick is due at start; after it, only the kick sends within the minute.
			while (new Date().getSeconds() > 45) await sleep(500);
			await runner({ mail: { ...cfg.mail, smtpUrl: smtp.url } }, { crons: { ...quiet, 'mail-deliver': '* * * * *' } });
			await waitFor('the first sweep', async () => {
				const { rows } = await sql<{
					n: number;
				}>`select count(*)::int as n from pgboss.job where name = 'mail-deliver' and state = 'completed'`.execute(db);
				return rows[0].n > 0;
			});
			const sweptAt = Date.now();
			// 'idea_returned' reaches its team immediately by default.
			await db
				.transaction()
				.execute((trx) =>
					insertNotifications(trx, [employee.id], { kind: 'idea_returned', params: { title: 'Shadow boards' }, link: '/ideas/1' })
				);
			const [mail] = await smtp.waitFor(1, 15_000);
			expect(Date.now() - sweptAt).toBeLessThan(10_000);
			expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(employee.email);
			await sleep(2500);
			expect(smtp.messages).toHaveLength(1);
			const outbox = await db.selectFrom('mailOutbox').select(['status', 'userId']).execute();
			expect(outbox).toEqual([{ status: 'sent', userId: employee.id }]);
		} finally {
			await stopAll();
			await smtp.close();
		}
	}, 40_000);

	it("the kick is not one of the request's statements", async () => {
		const deliveries = async () =>
			(await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'mail-deliver'`.execute(db)).rows[0].n;
		await runner({}, { handlers: counting('a', {}) });
		const before = await deliveries();
		const tally = newTally();
		await countStatements(tally, async () => {
			mailQueued();
			await sleep(600);
		});
		await waitFor('the kick', async () => (await deliveries()) > before);
		expect(tally.statements).toBe(0);
		await stopAll();
	}, 20_000);
});

describe('admin jobs page', () => {
	let jobs: JobsHandle;
	let failedId: string;

	beforeAll(async () => {
		// The portal's own schedules, as the page shows them.
		jobs = await runner({}, { crons: {}, handlers: { reminders: () => Promise.reject(new Error('the reminder rules broke')) } });
		await jobs.boss.updateQueue('reminders', {
			name: 'reminders',
			policy: 'short',
			retryLimit: 0,
			retryDelay: 1,
			retryBackoff: false,
			expireInSeconds: 300
		});
		failedId = (await jobs.send('reminders'))!;
		await waitFor('the failure', async () => (await jobState(jobs.boss, 'reminders', failedId))?.state === 'failed');
		const done = (await jobs.send('mail-digest'))!;
		await waitFor('the digest run', async () => (await jobState(jobs.boss, 'mail-digest', done))?.state === 'completed');
	}, 30_000);

	afterAll(stopAll);

	it('lists each queue with its schedule, last and next run, and the failure with its error', async () => {
		const now = new Date('2026-03-02T10:00:00Z');
		const tally = newTally();
		const page = await countStatements(tally, () => listJobs(db, admin, cfg.mail, now));
		expect(tally.statements).toBe(1);
		expect(page.queues.map((q) => q.name)).toEqual(['mail-deliver', 'mail-digest', 'reminders']);
		const digest = page.queues.find((q) => q.name === 'mail-digest')!;
		expect(digest).toMatchObject({ cron: '0 7 * * *', timeZone: 'Europe/Amsterdam', words: { kind: 'daily', time: '07:00' } });
		// 07:00 in Amsterdam on 3 March (winter time) is 06:00 UTC.
		expect(digest.nextRun).toEqual(new Date('2026-03-03T06:00:00Z'));
		expect(digest.lastRun).toMatchObject({ state: 'completed', result: { messages: 0, notifications: 0 } });
		const reminders = page.queues.find((q) => q.name === 'reminders')!;
		expect(reminders.nextRun).toEqual(new Date('2026-03-02T10:15:00Z'));
		expect(reminders.lastRun?.state).toBe('failed');
		expect(reminders.failedWeek).toBeGreaterThanOrEqual(1);
		expect(page.failures).toContainEqual(
			expect.objectContaining({ id: failedId, queue: 'reminders', error: 'the reminder rules broke', attempts: 1 })
		);
		expect(page.outbox).toEqual({ queued: 0, failed: 0 });
	});

	it('retry puts the failed job back in line, audited; a second retry of it is refused', async () => {
		const tally = newTally();
		await countStatements(tally, () => retryJob(db, admin, { queue: 'reminders', jobId: failedId }));
		expect(tally.statements).toBe(2);
		expect((await jobState(jobs.boss, 'reminders', failedId))?.state).not.toBe('failed');
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'objectType', 'objectId', 'actorId'])
			.where('action', '=', 'jobs.retry')
			.execute();
		expect(audit).toEqual([{ action: 'jobs.retry', objectType: 'job', objectId: failedId, actorId: admin.id }]);
		await waitFor('the retried job failing again', async () => (await jobState(jobs.boss, 'reminders', failedId))?.state === 'failed');
		await retryJob(db, admin, { queue: 'reminders', jobId: failedId });
		await expect(retryJob(db, admin, { queue: 'reminders', jobId: failedId })).rejects.toMatchObject({ code: 'jobs_not_retryable' });
	}, 20_000);

	it('run now sends a job to the queue, audited', async () => {
		const sent: string[] = [];
		const result = await runJobNow(db, admin, 'mail-deliver', async (queue) => {
			sent.push(queue);
			return jobs.send(queue);
		});
		expect(result.queued).toBe(true);
		expect(sent).toEqual(['mail-deliver']);
		const audit = await db.selectFrom('auditLog').select(['objectType', 'objectId']).where('action', '=', 'jobs.run').execute();
		expect(audit).toEqual([{ objectType: 'job_queue', objectId: 'mail-deliver' }]);
	});

	it('is not found for anyone but an admin', async () => {
		await expect(listJobs(db, employee, cfg.mail)).rejects.toMatchObject({ status: 404 });
		await expect(retryJob(db, employee, { queue: 'reminders', jobId: failedId })).rejects.toMatchObject({ status: 404 });
		await expect(runJobNow(db, employee, 'reminders', (queue) => jobs.send(queue))).rejects.toMatchObject({ status: 404 });
	});
});
