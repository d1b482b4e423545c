/**
 * E-mail end to end on a real database and a real SMTP server (smtp-server, read back with
 * mailparser): the outbox is written with the notification or not at all, delivery sends each
 * message once however many workers run, waits out an SMTP server that is down, fails what is
 * refused for good, takes over a dead worker's messages, and digests group what waits for them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import type { Database } from '$lib/server/db/index.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { deliverDue } from '$lib/server/mail/delivery.js';
import { makeDigests } from '$lib/server/mail/digest.js';
import { onMailQueued } from '$lib/server/mail/signal.js';
import { createSmtpTransport, type MailTransport } from '$lib/server/mail/transport.js';
import { applyUnsubscribe, unsubscribeToken, verifyUnsubscribeToken } from '$lib/server/mail/unsubscribe.js';
import { insertNotifications } from '$lib/server/notifications/notifications.queries.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { closedPort, startTestSmtp, type TestSmtp } from './helpers/smtp.js';
import { factories } from '../fixtures/factories.js';

const ORIGIN = 'http://ideas.test:5173';
const SECRET = 'mail-test-secret-0123456789-abcdefghij';
const FROM = 'IdeaCup <ideacup@ideas.test>';
const MINUTE = 60_000;

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let smtp: TestSmtp | null = null;
let transport: MailTransport | null = null;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
});

afterAll(async () => {
	await testDb?.close();
});

beforeEach(async () => {
	// each test sees only its own messages
	await sql`DELETE FROM mail_outbox`.execute(db);
	await sql`UPDATE notification SET emailed_at = now() WHERE emailed_at IS NULL AND mail = 'digest'`.execute(db);
});

afterEach(async () => {
	transport?.close();
	transport = null;
	await smtp?.close();
	smtp = null;
});

async function startSmtp(options: Parameters<typeof startTestSmtp>[0] = {}) {
	smtp = await startTestSmtp(options);
	transport = createSmtpTransport(smtp.url, FROM);
	return { server: smtp, transport };
}

function deliver(t: MailTransport | null, options: { worker?: string; now?: Date; limit?: number; batchSize?: number } = {}) {
	return deliverDue(db, t, { origin: ORIGIN, secret: SECRET, ...options });
}

function outbox() {
	return db.selectFrom('mailOutbox').selectAll().orderBy('id').execute();
}

function returned(idea: { id: number; title: string }) {
	return { kind: 'idea_returned', params: { title: idea.title }, link: `/ideas/${idea.id}` };
}

function header(mail: ParsedMail, name: string): string | undefined {
	const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
	return line
		?.slice(line.indexOf(':') + 1)
		.replace(/\r?\n[ \t]+/g, ' ')
		.trim();
}

async function person(options: { name?: string; locale?: 'en' | 'nl' } = {}): Promise<SessionUser> {
	const user = await f.newUser({ name: options.name });
	if (options.locale) await db.updateTable('appUser').set({ locale: options.locale }).where('id', '=', user.id).execute();
	return user;
}

describe('the outbox is written in the same transaction', () => {
	it('a rolled-back change queues and sends nothing; a committed one arrives with its links and headers', async () => {
		const { server, transport } = await startSmtp();
		const anna = await person({ name: 'Anna de Vries' });
		const idea = await f.newIdea({ owner: anna, competitionId: null, status: 'returned', title: 'Shadow boards & <torque> tools' });
		let kicks = 0;
		onMailQueued(() => kicks++);
		try {
			await expect(
				db.transaction().execute(async (trx) => {
					expect(await insertNotifications(trx, [anna.id], returned(idea))).toBe(1);
					throw new Error('the change fails after its notification');
				})
			).rejects.toThrow('the change fails');
			expect(await outbox()).toEqual([]);
			expect(await deliver(transport)).toEqual({ sent: 0, failed: 0, retrying: 0 });
			expect(server.messages).toHaveLength(0);

			await db.transaction().execute((trx) => insertNotifications(trx, [anna.id], returned(idea)));
			expect(kicks).toBe(2);
		} finally {
			onMailQueued(null);
		}
		const [queued] = await outbox();
		expect(queued).toMatchObject({ userId: anna.id, kind: 'notification', status: 'queued', attempts: 0 });

		expect(await deliver(transport)).toEqual({ sent: 1, failed: 0, retrying: 0 });
		const [mail] = await server.waitFor(1);
		const subject = 'Your idea “Shadow boards & <torque> tools” was returned for changes.';
		expect(mail.subject).toBe(subject);
		expect(mail.messageId).toBe(`<ideacup-outbox-${queued.id}@ideas.test>`);
		const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
		expect(to?.value).toEqual([{ name: 'Anna de Vries', address: anna.email }]);
		expect(mail.from?.value).toEqual([{ name: 'IdeaCup', address: 'ideacup@ideas.test' }]);
		expect(mail.text).toContain(`${ORIGIN}/ideas/${idea.id}`);
		expect(mail.text).toContain('Hello Anna de Vries,');
		expect(mail.html).toContain(`href="${ORIGIN}/ideas/${idea.id}"`);
		expect(mail.html).toContain('Shadow boards &amp; &lt;torque&gt; tools');
		expect(mail.html).not.toContain('<torque>');
		expect(mail.html).toContain(`href="${ORIGIN}/settings/notifications"`);

		const unsubscribe = header(mail, 'List-Unsubscribe');
		const token = unsubscribeToken(SECRET, anna.id, 'my_ideas');
		expect(unsubscribe).toBe(`<${ORIGIN}/mail/unsubscribe/${token}>`);
		expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(mail.text).toContain(`Stop these e-mails: ${ORIGIN}/mail/unsubscribe/${token}`);
		expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: anna.id, group: 'my_ideas' });

		const [sent] = await outbox();
		expect(sent).toMatchObject({
			status: 'sent',
			attempts: 1,
			toAddress: anna.email,
			subject,
			messageId: `<ideacup-outbox-${queued.id}@ideas.test>`,
			lockedUntil: null,
			lastError: null
		});
		expect(sent.sentAt).toBeInstanceOf(Date);
		// sent is sent: another run finds nothing
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 0, retrying: 0 });
		expect(server.messages).toHaveLength(1);
	});

	it('goes over TLS when the server offers STARTTLS', async () => {
		smtp = await startTestSmtp({ starttls: true });
		// the test server's certificate is self-signed
		transport = createSmtpTransport(`${smtp.url}?tls.rejectUnauthorized=false`, FROM);
		const una = await person();
		await insertNotifications(db, [una.id], { kind: 'idea_accepted', params: { title: 'Sealed' }, link: null });
		expect(await deliver(transport)).toEqual({ sent: 1, failed: 0, retrying: 0 });
		const [mail] = await smtp.waitFor(1);
		expect(mail.subject).toBe('Your idea “Sealed” was accepted into the competition.');
		expect(smtp.secured()).toBe(1);
	});

	it('without SMTP (no transport) nothing is sent and the outbox keeps the mail', async () => {
		const bo = await person();
		await insertNotifications(db, [bo.id], { kind: 'idea_accepted', params: { title: 'Kept' }, link: '/ideas/1' });
		expect(await deliver(null)).toEqual({ sent: 0, failed: 0, retrying: 0 });
		expect((await outbox()).map((r) => r.status)).toEqual(['queued']);
	});
});

describe('delivery', () => {
	it('two workers at once never send one message twice: 50 queued, 50 distinct Message-IDs arrive', async () => {
		const { server, transport } = await startSmtp();
		const people = await Promise.all(Array.from({ length: 10 }, () => person()));
		for (let i = 0; i < 5; i++)
			await insertNotifications(
				db,
				people.map((p) => p.id),
				{ kind: 'comment_added', params: { title: `Round ${i}` }, link: '/ideas/1' }
			);
		expect(await outbox()).toHaveLength(50);

		const [a, b] = await Promise.all([
			deliver(transport, { worker: 'worker-a', batchSize: 7 }),
			deliver(transport, { worker: 'worker-b', batchSize: 7 })
		]);
		expect(a.sent + b.sent).toBe(50);
		expect(a.failed + b.failed + a.retrying + b.retrying).toBe(0);
		const mails = await server.waitFor(50);
		await new Promise((r) => setTimeout(r, 200));
		expect(server.messages).toHaveLength(50);
		const ids = new Set(mails.map((m) => m.messageId));
		expect(ids.size).toBe(50);
		const rows = await outbox();
		expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
		expect(new Set(rows.map((r) => r.messageId))).toEqual(ids);
		const byWorker = await db
			.selectFrom('mailOutbox')
			.select(['lockedBy', sql<number>`count(*)::int`.as('n')])
			.groupBy('lockedBy')
			.execute();
		expect(byWorker.reduce((sum, w) => sum + w.n, 0)).toBe(50);
		console.info(
			`[mail] ${testDb.engine}: two workers sent ${a.sent} + ${b.sent} (${byWorker.map((w) => `${w.lockedBy}: ${w.n}`).join(', ')})`
		);
	});

	it('uses one statement to claim a batch and one to record it, and hands 200 messages over quickly', async () => {
		const { server, transport } = await startSmtp();
		const people = await Promise.all(Array.from({ length: 40 }, () => person()));
		for (let i = 0; i < 5; i++)
			await insertNotifications(
				db,
				people.map((p) => p.id),
				{ kind: 'idea_accepted', params: { title: `Idea ${i}` }, link: `/ideas/${i + 1}` }
			);
		const tally = newTally();
		const started = performance.now();
		const result = await countStatements(tally, () => deliver(transport));
		const seconds = (performance.now() - started) / 1000;
		expect(result).toEqual({ sent: 200, failed: 0, retrying: 0 });
		// a full batch of 200: claim, record, and one more claim that finds nothing
		expect(tally.statements).toBe(3);
		const mails = await server.waitFor(200);
		expect(new Set(mails.map((m) => m.messageId)).size).toBe(200);
		console.info(
			`[mail] ${testDb.engine}: 200 messages rendered and handed to the SMTP server in ${seconds.toFixed(2)} s: ${(200 / seconds).toFixed(0)} mails/s`
		);
	});

	it('SMTP down: the mail stays queued for a later time, its tries not used up however long it lasts; once up, exactly one copy arrives', async () => {
		const { server, transport } = await startSmtp();
		await server.setDown(true);
		const cas = await person();
		const idea = await f.newIdea({ owner: cas, competitionId: null, status: 'returned' });
		await insertNotifications(db, [cas.id], returned(idea));
		await insertNotifications(db, [cas.id], { kind: 'idea_accepted', params: { title: idea.title }, link: `/ideas/${idea.id}` });
		await insertNotifications(db, [cas.id], { kind: 'comment_added', params: { title: idea.title }, link: `/ideas/${idea.id}` });

		const before = Date.now();
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 0, retrying: 3 });
		let rows = await outbox();
		expect(rows.map((r) => [r.status, r.attempts, r.lockedUntil])).toEqual([
			['queued', 0, null],
			['queued', 0, null],
			['queued', 0, null]
		]);
		for (const row of rows) {
			expect(row.nextAttemptAt.getTime()).toBeGreaterThan(before);
			expect(row.lastError).toMatch(/ECONNREFUSED/);
		}
		// not due yet: the next run leaves them alone
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 0, retrying: 0 });

		await server.setDown(false);
		const later = new Date(Date.now() + 2 * MINUTE);
		expect(await deliver(transport, { now: later })).toEqual({ sent: 3, failed: 0, retrying: 0 });
		expect(await deliver(transport, { now: new Date(Date.now() + 60 * MINUTE) })).toEqual({ sent: 0, failed: 0, retrying: 0 });
		await server.waitFor(3);
		await new Promise((r) => setTimeout(r, 200));
		expect(server.messages).toHaveLength(3);
		expect(new Set(server.messages.map((m) => m.messageId)).size).toBe(3);
		rows = await outbox();
		expect(rows.map((r) => [r.status, r.attempts])).toEqual([
			['sent', 1],
			['sent', 1],
			['sent', 1]
		]);
	});

	it('a long outage after mail went out: the same transport sends again once the server is back, and no try was used up', async () => {
		const { server, transport } = await startSmtp();
		const fay = await person();
		await insertNotifications(db, [fay.id], { kind: 'comment_added', params: { title: 'Before' }, link: null });
		expect(await deliver(transport)).toMatchObject({ sent: 1 });
		await server.setDown(true);
		for (let i = 0; i < 6; i++)
			await insertNotifications(db, [fay.id], { kind: 'comment_added', params: { title: `During ${i}` }, link: null });
		// more runs than a message has tries, each a minute further on
		for (let minute = 1; minute <= 8; minute++) {
			const result = await deliver(transport, { now: new Date(Date.now() + minute * 2 * MINUTE) });
			expect(result.sent + result.failed).toBe(0);
		}
		expect((await outbox()).filter((r) => r.status === 'queued').map((r) => r.attempts)).toEqual([0, 0, 0, 0, 0, 0]);
		await server.setDown(false);
		expect(await deliver(transport, { now: new Date(Date.now() + 30 * MINUTE) })).toEqual({ sent: 6, failed: 0, retrying: 0 });
		await server.waitFor(7);
	});

	it('a server nobody listens on stops the run: the rest of the batch goes back untried, to wait the same time', async () => {
		const t = createSmtpTransport(`smtp://127.0.0.1:${await closedPort()}`, FROM);
		try {
			const dee = await person();
			for (let i = 0; i < 8; i++)
				await insertNotifications(db, [dee.id], { kind: 'comment_added', params: { title: `T${i}` }, link: null });
			const result = await deliver(t);
			expect(result.sent + result.failed).toBe(0);
			const rows = await outbox();
			expect(rows.every((r) => r.status === 'queued' && r.nextAttemptAt.getTime() > Date.now() && r.lockedBy === null)).toBe(true);
			const tried = rows.filter((r) => r.lastError !== null);
			// four sends start at once; the others are handed back untried; no attempt counts while the server is away
			expect(tried.length).toBe(result.retrying);
			expect(tried.length).toBeGreaterThanOrEqual(1);
			expect(tried.length).toBeLessThanOrEqual(4);
			expect(rows.filter((r) => r.attempts === 0)).toHaveLength(8);
		} finally {
			t.close();
		}
	});

	it('a 5xx refusal fails the message with the error; a 4xx one backs off and is sent on the next try', async () => {
		const eve = await person();
		const refused = await startSmtp({ failFirst: 1, failCode: 550 });
		await insertNotifications(db, [eve.id], { kind: 'idea_declined', params: { title: 'No' }, link: '/ideas/1' });
		expect(await deliver(refused.transport)).toEqual({ sent: 0, failed: 1, retrying: 0 });
		const [failed] = await outbox();
		expect(failed).toMatchObject({
			status: 'failed',
			attempts: 1,
			sentAt: null,
			subject: 'Your idea “No” was declined; the reason is on the idea.'
		});
		expect(failed.lastError).toMatch(/550/);
		expect(failed.lastError).toMatch(/Test server refuses message 1/);
		// failed stays failed
		expect(await deliver(refused.transport, { now: new Date(Date.now() + 24 * 60 * MINUTE) })).toEqual({
			sent: 0,
			failed: 0,
			retrying: 0
		});
		refused.transport.close();
		await refused.server.close();

		await sql`DELETE FROM mail_outbox`.execute(db);
		const busy = await startSmtp({ failFirst: 1, failCode: 451 });
		await insertNotifications(db, [eve.id], { kind: 'idea_accepted', params: { title: 'Yes' }, link: '/ideas/2' });
		const before = Date.now();
		expect(await deliver(busy.transport)).toEqual({ sent: 0, failed: 0, retrying: 1 });
		const [waiting] = await outbox();
		expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
		expect(waiting.lastError).toMatch(/451/);
		// the first retry comes a minute later
		const wait = waiting.nextAttemptAt.getTime() - before;
		expect(wait).toBeGreaterThan(50_000);
		expect(wait).toBeLessThan(70_000 + 5_000);
		expect(await deliver(busy.transport, { now: new Date(Date.now() + 2 * MINUTE) })).toEqual({ sent: 1, failed: 0, retrying: 0 });
		const [mail] = await busy.server.waitFor(1);
		expect(mail.messageId).toBe(`<ideacup-outbox-${waiting.id}@ideas.test>`);
	});

	it('a temporary error at the sixth attempt fails the message', async () => {
		const { transport } = await startSmtp({ failFirst: 1, failCode: 421 });
		const fay = await person();
		await insertNotifications(db, [fay.id], { kind: 'idea_accepted', params: { title: 'Late' }, link: null });
		await db.updateTable('mailOutbox').set({ attempts: 5 }).execute();
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 1, retrying: 0 });
		expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: 6 });
	});

	it("a dead worker's message is sent once by the next run after its lease ran out; a live lease is left alone", async () => {
		const { server, transport } = await startSmtp();
		const gus = await person();
		await insertNotifications(db, [gus.id], { kind: 'idea_accepted', params: { title: 'Stale' }, link: null });
		await insertNotifications(db, [gus.id], { kind: 'idea_accepted', params: { title: 'Leased' }, link: null });
		const [stale, leased] = await outbox();
		await db
			.updateTable('mailOutbox')
			.set({ status: 'sending', attempts: 1, lockedBy: 'dead-worker', lockedUntil: sql<Date>`now() - interval '1 minute'` })
			.where('id', '=', stale.id)
			.execute();
		await db
			.updateTable('mailOutbox')
			.set({ status: 'sending', attempts: 1, lockedBy: 'busy-worker', lockedUntil: sql<Date>`now() + interval '4 minutes'` })
			.where('id', '=', leased.id)
			.execute();
		expect(await deliver(transport, { worker: 'next-worker' })).toEqual({ sent: 1, failed: 0, retrying: 0 });
		const [mail] = await server.waitFor(1);
		expect(mail.subject).toBe('Your idea “Stale” was accepted into the competition.');
		const rows = await outbox();
		expect(rows.map((r) => [r.status, r.attempts, r.lockedBy])).toEqual([
			['sent', 2, 'next-worker'],
			['sending', 1, 'busy-worker']
		]);
		// the dead worker, back to life, cannot record over the row it lost
		expect(await deliver(transport, { worker: 'dead-worker' })).toEqual({ sent: 0, failed: 0, retrying: 0 });
		expect(server.messages).toHaveLength(1);
	});

	it("a disabled person's queued mail is not sent", async () => {
		const { server, transport } = await startSmtp();
		const hal = await person();
		await insertNotifications(db, [hal.id], { kind: 'idea_accepted', params: { title: 'Gone' }, link: null });
		await db
			.updateTable('appUser')
			.set({ disabledAt: sql<Date>`now()` })
			.where('id', '=', hal.id)
			.execute();
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 1, retrying: 0 });
		expect((await outbox())[0]).toMatchObject({ status: 'failed', lastError: 'The account is disabled: not sent.' });
		expect(server.messages).toHaveLength(0);
	});

	it('a message whose notifications are gone fails instead of going out empty', async () => {
		const { server, transport } = await startSmtp();
		const ivy = await person();
		await insertNotifications(db, [ivy.id], { kind: 'idea_accepted', params: { title: 'Deleted' }, link: null });
		await db.deleteFrom('notification').where('userId', '=', ivy.id).execute();
		expect(await deliver(transport)).toEqual({ sent: 0, failed: 1, retrying: 0 });
		expect((await outbox())[0]).toMatchObject({ status: 'failed', lastError: 'Its notifications no longer exist: not sent.' });
		expect(server.messages).toHaveLength(0);
	});
});

describe('preferences', () => {
	it('off: the notification is made but no mail is queued; a disabled account gets none either', async () => {
		const ida = await person();
		const jan = await person();
		await db.insertInto('mailPreference').values({ userId: ida.id, kindGroup: 'my_ideas', delivery: 'off' }).execute();
		await db
			.updateTable('appUser')
			.set({ disabledAt: sql<Date>`now()` })
			.where('id', '=', jan.id)
			.execute();
		expect(await insertNotifications(db, [ida.id, jan.id], { kind: 'idea_accepted', params: { title: 'Quiet' }, link: null })).toBe(0);
		expect(await outbox()).toEqual([]);
		const made = await db.selectFrom('notification').select(['userId', 'mail']).where('userId', 'in', [ida.id, jan.id]).execute();
		expect(made.map((n) => n.mail)).toEqual(['off', 'off']);
		// and no digest for a disabled account
		await insertNotifications(db, [jan.id], { kind: 'kb_candidate', params: { title: 'Cup' }, link: null });
		expect(await makeDigests(db)).toEqual({ messages: 0, notifications: 0 });
	});
});

describe('digests', () => {
	it('one digest per person with exactly their digest notifications, grouped, in their language; immediate ones not repeated', async () => {
		const { server, transport } = await startSmtp();
		const kim = await person({ name: 'Kim Jansen' });
		const lot = await person({ name: 'Lot de Boer', locale: 'nl' });
		const other = await person({ name: 'Max Mulder' });
		// Kim: jury by digest (stored), news by digest (default), her own ideas at once (default)
		await db.insertInto('mailPreference').values({ userId: kim.id, kindGroup: 'jury', delivery: 'digest' }).execute();
		await db.insertInto('mailPreference').values({ userId: other.id, kindGroup: 'news', delivery: 'off' }).execute();
		await insertNotifications(db, [kim.id], { kind: 'jury_added', params: { round: 'Semi-final North' }, link: '/jury/3' });
		await insertNotifications(db, [kim.id, lot.id, other.id], { kind: 'kb_candidate', params: { title: 'Cup 2027' }, link: '/kb/2' });
		await insertNotifications(db, [kim.id], { kind: 'idea_accepted', params: { title: 'At once' }, link: '/ideas/5' });
		await insertNotifications(db, [kim.id, lot.id], { kind: 'kb_new_entry', params: { title: 'Shadow boards' }, link: '/kb/8' });

		// nothing made after `now` goes in
		expect(await makeDigests(db, { now: new Date(Date.now() - 60 * MINUTE) })).toEqual({ messages: 0, notifications: 0 });

		let kicks = 0;
		onMailQueued(() => kicks++);
		try {
			expect(await makeDigests(db)).toEqual({ messages: 2, notifications: 5 });
			expect(kicks).toBe(1);
			expect(await makeDigests(db)).toEqual({ messages: 0, notifications: 0 });
			expect(kicks).toBe(1);
		} finally {
			onMailQueued(null);
		}
		const digests = await db.selectFrom('mailOutbox').selectAll().where('kind', '=', 'digest').orderBy('userId').execute();
		expect(digests.map((d) => [d.userId, d.notificationIds.length])).toEqual([
			[kim.id, 3],
			[lot.id, 2]
		]);
		const kimsDigest = await db
			.selectFrom('notification')
			.select(['id', 'kind'])
			.where('userId', '=', kim.id)
			.where('mail', '=', 'digest')
			.orderBy('id')
			.execute();
		expect(digests[0].notificationIds).toEqual(kimsDigest.map((n) => n.id));
		expect(kimsDigest.map((n) => n.kind)).toEqual(['jury_added', 'kb_candidate', 'kb_new_entry']);

		expect(await deliver(transport)).toEqual({ sent: 3, failed: 0, retrying: 0 });
		const mails = await server.waitFor(3);
		const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
		const kims = mails.filter((m) => toOf(m) === kim.email);
		expect(kims.map((m) => m.subject).sort()).toEqual(['IdeaCup: 3 updates', 'Your idea “At once” was accepted into the competition.']);
		const digest = kims.find((m) => m.subject === 'IdeaCup: 3 updates')!;
		const text = digest.text ?? '';
		expect(text).toContain('\nJury\n----\n- You were added to a jury: Semi-final North.');
		const jury = text.indexOf('\nJury\n');
		const news = text.indexOf('\nNews\n');
		expect(jury).toBeGreaterThan(0);
		expect(news).toBeGreaterThan(jury);
		expect(text.indexOf('Cup 2027')).toBeGreaterThan(news);
		expect(text.indexOf('Shadow boards')).toBeGreaterThan(news);
		expect(text).toContain(`${ORIGIN}/jury/3`);
		expect(text).not.toContain('At once');
		expect(header(digest, 'List-Unsubscribe')).toBe(`<${ORIGIN}/mail/unsubscribe/${unsubscribeToken(SECRET, kim.id, 'digest')}>`);

		const lots = mails.filter((m) => toOf(m) === lot.email);
		expect(lots).toHaveLength(1);
		expect(lots[0].subject).toBe('IdeaCup: 2 berichten');
		expect(lots[0].text).toContain('Hallo Lot de Boer,');
		expect(lots[0].text).toContain('\nNieuws\n');
		expect(lots[0].html).toContain('<html lang="nl">');
		expect(mails.some((m) => toOf(m) === other.email)).toBe(false);
	});

	it('two runs at once never put one notification in two digests', async () => {
		const people = await Promise.all(Array.from({ length: 6 }, () => person()));
		for (let i = 0; i < 5; i++)
			await insertNotifications(
				db,
				people.map((p) => p.id),
				{ kind: 'kb_new_entry', params: { title: `Entry ${i}` }, link: null }
			);
		const [a, b] = await Promise.all([makeDigests(db), makeDigests(db)]);
		expect(a.notifications + b.notifications).toBe(30);
		const { rows } = await sql<{ n: number; distinct: number }>`
			SELECT count(*)::int AS n, count(DISTINCT n.id)::int AS distinct FROM mail_outbox o, unnest(o.notification_ids) AS n(id)`.execute(db);
		expect(rows[0]).toEqual({ n: 30, distinct: 30 });
	});
});

describe('unsubscribe', () => {
	it('a signed link turns the group off, and the next notification of that group queues no mail', async () => {
		const ned = await person();
		const token = unsubscribeToken(SECRET, ned.id, 'my_ideas');
		const target = verifyUnsubscribeToken(SECRET, token);
		expect(target).toEqual({ userId: ned.id, group: 'my_ideas' });
		expect(verifyUnsubscribeToken(SECRET, token.replace(`${ned.id}.`, `${ned.id + 1}.`))).toBeNull();
		expect(verifyUnsubscribeToken(SECRET, token.replace('.my_ideas.', '.news.'))).toBeNull();
		expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();

		expect(await insertNotifications(db, [ned.id], { kind: 'idea_accepted', params: { title: 'Before' }, link: null })).toBe(1);
		await applyUnsubscribe(db, target!.userId, target!.group);
		await applyUnsubscribe(db, target!.userId, target!.group);
		const prefs = await db.selectFrom('mailPreference').select(['kindGroup', 'delivery']).where('userId', '=', ned.id).execute();
		expect(prefs).toEqual([{ kindGroup: 'my_ideas', delivery: 'off' }]);
		expect(await insertNotifications(db, [ned.id], { kind: 'idea_accepted', params: { title: 'After' }, link: null })).toBe(0);
		expect(await outbox()).toHaveLength(1);

		// a group on the digest: what waits for it is taken out too
		await insertNotifications(db, [ned.id], { kind: 'kb_new_entry', params: { title: 'Waiting' }, link: null });
		await applyUnsubscribe(db, ned.id, 'news');
		expect(await makeDigests(db)).toEqual({ messages: 0, notifications: 0 });
	});

	it("the digest's link turns off every group on the digest, stored or by default, and nothing else; what waits stays out of the next digest", async () => {
		const ola = await person();
		await db
			.insertInto('mailPreference')
			.values([
				{ userId: ola.id, kindGroup: 'jury', delivery: 'digest' },
				{ userId: ola.id, kindGroup: 'organising', delivery: 'immediate' }
			])
			.execute();
		// waiting for tomorrow's digest when the link is clicked: jury and news (digest), organising (sent at once)
		await insertNotifications(db, [ola.id], { kind: 'jury_added', params: { round: 'Final' }, link: null });
		await insertNotifications(db, [ola.id], { kind: 'kb_new_entry', params: { title: 'Waiting' }, link: null });
		await insertNotifications(db, [ola.id], { kind: 'idea_submitted', params: { title: 'At once' }, link: null });
		await applyUnsubscribe(db, ola.id, 'digest');
		const prefs = await db
			.selectFrom('mailPreference')
			.select(['kindGroup', 'delivery'])
			.where('userId', '=', ola.id)
			.orderBy('kindGroup')
			.execute();
		// news is on the digest by default, jury by choice; organising was chosen immediate; the others are immediate by default
		expect(prefs).toEqual([
			{ kindGroup: 'jury', delivery: 'off' },
			{ kindGroup: 'news', delivery: 'off' },
			{ kindGroup: 'organising', delivery: 'immediate' }
		]);
		const made = await db.selectFrom('notification').select(['kind', 'mail']).where('userId', '=', ola.id).orderBy('id').execute();
		expect(made).toEqual([
			{ kind: 'jury_added', mail: 'off' },
			{ kind: 'kb_new_entry', mail: 'off' },
			{ kind: 'idea_submitted', mail: 'immediate' }
		]);
		await insertNotifications(db, [ola.id], { kind: 'kb_candidate', params: { title: 'Cup' }, link: null });
		expect(await makeDigests(db)).toEqual({ messages: 0, notifications: 0 });
	});

	it('for a person who does not exist changes nothing', async () => {
		await applyUnsubscribe(db, 987654, 'news');
		await applyUnsubscribe(db, 987654, 'digest');
		const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mail_preference WHERE user_id = 987654`.execute(db);
		expect(rows[0].n).toBe(0);
	});
});
