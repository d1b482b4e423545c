/**
 * E-mail settings, the unsubscribe link and the admin's outbox: each person keeps their own
 * choices, a signed link turns one group off without signing in, admins read and retry the
 * outbox, and nobody else reaches any of it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import type { Actor } from '$lib/server/auth/policy.js';
import { GROUP_DEFAULTS, MAIL_GROUPS, type MailDelivery, type MailGroup } from '$lib/server/mail/kinds.js';
import { mailPreferencesSchema } from '$lib/server/mail/preferences.schema.js';
import { getMailPreferences, readUnsubscribeLink, saveMailPreferences, unsubscribeByLink } from '$lib/server/mail/preferences.service.js';
import { unsubscribeToken, unsubscribeUrl } from '$lib/server/mail/unsubscribe.js';
import { getOutboxMessage, getOutboxPage, retryOutboxMessage } from '$lib/server/mail/outbox.service.js';
import { outboxQuerySchema } from '$lib/server/mail/outbox.schema.js';
import { onMailQueued } from '$lib/server/mail/signal.js';
import { insertNotifications } from '$lib/server/notifications/notifications.queries.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';

const SECRET = 'test-secret-for-unsubscribe-links';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let sanne: SessionUser;
let kees: SessionUser;
let esther: SessionUser;
/** Someone signed in without the employee role (no portal action is theirs). */
const nobody: Actor = { id: 999_999, departmentId: 1, roles: [] };

const choices = (overrides: Partial<Record<MailGroup, MailDelivery>> = {}) => ({ ...GROUP_DEFAULTS, ...overrides });
const stored = (userId: number) =>
	db.selectFrom('mailPreference').select(['kindGroup', 'delivery']).where('userId', '=', userId).orderBy('kindGroup').execute();
const auditLines = (action: string, objectId: number) =>
	db
		.selectFrom('auditLog')
		.select(['actorId', 'action', 'objectType', 'objectId', 'data'])
		.where('action', '=', action)
		.where('objectId', '=', String(objectId))
		.orderBy('id')
		.execute();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	sanne = await f.newUser({ name: 'Sanne Bakker' });
	kees = await f.newUser({ name: 'Kees Jansen' });
	esther = await f.newUser({ name: 'Esther Smit', roles: ['admin'] });
});

afterAll(async () => {
	await testDb?.close();
});

describe('e-mail settings', () => {
	it('without a stored choice every group shows its default', async () => {
		const prefs = await getMailPreferences(db, sanne);
		expect(prefs.map((p) => p.group)).toEqual([...MAIL_GROUPS]);
		for (const p of prefs) {
			expect(p.delivery).toBe(GROUP_DEFAULTS[p.group]);
			expect(p.defaultDelivery).toBe(GROUP_DEFAULTS[p.group]);
		}
		expect(GROUP_DEFAULTS.my_ideas).toBe('immediate');
		expect(GROUP_DEFAULTS.news).toBe('digest');
	});

	it('saves the choices, keeps rows only where they differ from the default, and audits the change', async () => {
		const result = await saveMailPreferences(db, sanne, choices({ news: 'off', my_ideas: 'digest' }));
		expect(result.changed.sort()).toEqual(['my_ideas', 'news']);
		expect(await stored(sanne.id)).toEqual([
			{ kindGroup: 'my_ideas', delivery: 'digest' },
			{ kindGroup: 'news', delivery: 'off' }
		]);
		const prefs = Object.fromEntries((await getMailPreferences(db, sanne)).map((p) => [p.group, p.delivery]));
		expect(prefs).toEqual(choices({ news: 'off', my_ideas: 'digest' }));
		const [line] = await auditLines('mail.preferences', sanne.id);
		expect(line).toMatchObject({ actorId: sanne.id, objectType: 'user' });
		expect(line.data).toEqual({
			changed: [
				{ group: 'my_ideas', from: 'immediate', to: 'digest' },
				{ group: 'news', from: 'digest', to: 'off' }
			]
		});
	});

	it('back to the default removes the row; saving the same again changes and audits nothing', async () => {
		expect((await saveMailPreferences(db, sanne, choices({ news: 'off' }))).changed).toEqual(['my_ideas']);
		expect(await stored(sanne.id)).toEqual([{ kindGroup: 'news', delivery: 'off' }]);
		const before = (await auditLines('mail.preferences', sanne.id)).length;
		expect((await saveMailPreferences(db, sanne, choices({ news: 'off' }))).changed).toEqual([]);
		expect(await auditLines('mail.preferences', sanne.id)).toHaveLength(before);
	});

	it("one person's choices are not another's", async () => {
		await saveMailPreferences(db, kees, choices({ jury: 'off' }));
		expect(await stored(kees.id)).toEqual([{ kindGroup: 'jury', delivery: 'off' }]);
		expect(await stored(sanne.id)).toEqual([{ kindGroup: 'news', delivery: 'off' }]);
	});

	it('the choice decides the mail of the next notification', async () => {
		await saveMailPreferences(db, sanne, choices({ news: 'off', my_ideas: 'immediate' }));
		const queued = await insertNotifications(db, [sanne.id], { kind: 'call_opened', params: { title: 'Cup' }, link: '/' });
		expect(queued).toBe(0);
		expect(await insertNotifications(db, [sanne.id], { kind: 'idea_accepted', params: { title: 'X' }, link: '/' })).toBe(1);
	});

	it('the form needs a known choice for every group', () => {
		expect(mailPreferencesSchema.safeParse(choices()).success).toBe(true);
		const missing = mailPreferencesSchema.safeParse({ ...choices(), jury: undefined });
		expect(missing.success).toBe(false);
		const unknown = mailPreferencesSchema.safeParse({ ...choices(), news: 'weekly' });
		expect(unknown.success).toBe(false);
		expect(unknown.error?.issues[0]).toMatchObject({ path: ['news'], message: 'choose_delivery' });
	});

	it('someone without the employee role is not found', async () => {
		await expect(getMailPreferences(db, nobody)).rejects.toMatchObject({ status: 404 });
		await expect(saveMailPreferences(db, nobody, choices())).rejects.toMatchObject({ status: 404 });
	});
});

describe('unsubscribe links', () => {
	it('a signed link turns its group off, for that person only, audited as their own act', async () => {
		const token = unsubscribeToken(SECRET, kees.id, 'news');
		expect(readUnsubscribeLink(SECRET, token)).toEqual({ userId: kees.id, group: 'news' });
		expect(await unsubscribeByLink(db, SECRET, token, { oneClick: true })).toEqual({ userId: kees.id, group: 'news' });
		const prefs = Object.fromEntries((await getMailPreferences(db, kees)).map((p) => [p.group, p.delivery]));
		expect(prefs).toEqual(choices({ jury: 'off', news: 'off' }));
		expect(await auditLines('mail.unsubscribe', kees.id)).toEqual([
			{
				actorId: kees.id,
				action: 'mail.unsubscribe',
				objectType: 'user',
				objectId: String(kees.id),
				data: { group: 'news', oneClick: true }
			}
		]);
		expect(await insertNotifications(db, [kees.id], { kind: 'kb_new_entry', params: { title: 'E' }, link: '/kb/1' })).toBe(0);
	});

	it("the digest's link turns off every group now on the digest, and nothing else", async () => {
		await saveMailPreferences(db, esther, choices({ jury: 'digest' }));
		await unsubscribeByLink(db, SECRET, unsubscribeToken(SECRET, esther.id, 'digest'), { oneClick: false });
		const prefs = Object.fromEntries((await getMailPreferences(db, esther)).map((p) => [p.group, p.delivery]));
		expect(prefs).toEqual(choices({ jury: 'off', organising: 'off', news: 'off' }));
		expect((await auditLines('mail.unsubscribe', esther.id))[0].data).toEqual({ group: 'digest', oneClick: false });
	});

	it('a tampered or made-up link is not found and changes nothing', async () => {
		const good = unsubscribeToken(SECRET, sanne.id, 'my_ideas');
		const [id, group, signature] = good.split('.');
		const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
		const bad = [
			`${kees.id}.${group}.${signature}`,
			`${id}.news.${signature}`,
			`${id}.${group}.${flipped}`,
			unsubscribeToken('another-secret', sanne.id, 'my_ideas'),
			'nonsense'
		];
		for (const token of bad) {
			expect(() => readUnsubscribeLink(SECRET, token)).toThrow(expect.objectContaining({ status: 404 }));
			await expect(unsubscribeByLink(db, SECRET, token, { oneClick: true })).rejects.toMatchObject({ status: 404 });
		}
		expect(await stored(sanne.id)).toEqual([{ kindGroup: 'news', delivery: 'off' }]);
		expect(await auditLines('mail.unsubscribe', sanne.id)).toEqual([]);
	});

	it('a signed link of a person who is not in the database is not found', async () => {
		await expect(unsubscribeByLink(db, SECRET, unsubscribeToken(SECRET, 987_654, 'news'), { oneClick: true })).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('the outbox', () => {
	const context = { origin: 'https://ideas.example', secret: SECRET };
	const query = (q: Record<string, string> = {}) => outboxQuerySchema.parse(q);
	let dutch: SessionUser;
	let failedId: number;
	let sentId: number;
	let queuedId: number;

	beforeAll(async () => {
		dutch = await f.newUser({ name: 'Anouk Dekker' });
		await db.updateTable('appUser').set({ locale: 'nl' }).where('id', '=', dutch.id).execute();
		await db.deleteFrom('mailOutbox').execute();
		for (const title of ['Torque labels', 'Shadow board', 'Spare bits']) {
			await insertNotifications(db, [dutch.id], { kind: 'idea_accepted', params: { title }, link: '/ideas/7' });
		}
		const ids = (await db.selectFrom('mailOutbox').select('id').orderBy('id').execute()).map((r) => r.id);
		[failedId, sentId, queuedId] = ids;
		await db
			.updateTable('mailOutbox')
			.set({ status: 'failed', attempts: 6, lastError: '550 mailbox unavailable' })
			.where('id', '=', failedId)
			.execute();
		await db
			.updateTable('mailOutbox')
			.set({ status: 'sent', attempts: 1, sentAt: new Date(), subject: 'As it went out', toAddress: dutch.email })
			.where('id', '=', sentId)
			.execute();
	});

	it('counts per status and lists newest first, a queued subject rendered in the recipient language', async () => {
		const page = await getOutboxPage(db, esther, query(), context);
		expect(page.counts).toEqual({ queued: 1, sending: 0, sent: 1, failed: 1 });
		expect(page.total).toBe(3);
		expect(page.messages.map((m) => m.id)).toEqual([queuedId, sentId, failedId]);
		const [queued, sent, failed] = page.messages;
		expect(queued.subject).toContain('Spare bits');
		expect(queued.subject).not.toBe(failed.subject);
		// Dutch: the accepted notification in Anouk's language, not the reader's
		expect(queued.subject).toBe('Je idee “Spare bits” is toegelaten tot de competitie.');
		expect(sent.subject).toBe('As it went out');
		expect(failed).toMatchObject({ status: 'failed', attempts: 6, lastError: '550 mailbox unavailable' });
		expect(queued.recipient).toMatchObject({ name: 'Anouk Dekker', email: dutch.email });
	});

	it('filters by status and by part of the address, and pages', async () => {
		expect((await getOutboxPage(db, esther, query({ status: 'failed' }), context)).messages.map((m) => m.id)).toEqual([failedId]);
		const byAddress = await getOutboxPage(db, esther, query({ q: dutch.email.slice(0, 7).toUpperCase() }), context);
		expect(byAddress.total).toBe(3);
		expect((await getOutboxPage(db, esther, query({ q: 'nobody@' }), context)).messages).toEqual([]);
		// LIKE's wildcards are taken literally
		expect((await getOutboxPage(db, esther, query({ q: '%' }), context)).total).toBe(0);
		expect(query({ status: 'lost', page: '0x2' })).toEqual({ status: undefined, q: undefined, page: 1 });
		expect((await getOutboxPage(db, esther, query({ page: '2' }), context)).messages).toEqual([]);
	});

	it('a message renders as delivery sends it: text, HTML and the one-click headers for its group', async () => {
		const { message, mail, mailLocale } = await getOutboxMessage(db, esther, queuedId, context);
		expect(mailLocale).toBe('nl');
		expect(message.subject).toBe(mail?.subject);
		expect(mail?.text).toContain('Spare bits');
		expect(mail?.text).toContain('https://ideas.example/ideas/7');
		expect(mail?.html).toContain('Spare bits');
		expect(mail?.headers['List-Unsubscribe']).toBe(`<${unsubscribeUrl(context.origin, SECRET, dutch.id, 'my_ideas')}>`);
		expect(mail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		await expect(getOutboxMessage(db, esther, 987_654, context)).rejects.toMatchObject({ status: 404 });
	});

	it('a failed message is queued again, due now, audited, and delivery is asked for', async () => {
		let kicks = 0;
		onMailQueued(() => kicks++);
		try {
			await retryOutboxMessage(db, esther, failedId);
		} finally {
			onMailQueued(null);
		}
		expect(kicks).toBe(1);
		const row = await db
			.selectFrom('mailOutbox')
			.select(['status', 'attempts', 'lockedBy', sql<boolean>`next_attempt_at <= now()`.as('due')])
			.where('id', '=', failedId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'queued', attempts: 6, lockedBy: null, due: true });
		const [line] = await auditLines('mail.retry', failedId);
		expect(line).toMatchObject({ actorId: esther.id, objectType: 'mail_outbox', data: { userId: dutch.id, attempts: 6 } });
	});

	it('refuses to send again what has not failed, and changes nothing', async () => {
		for (const id of [failedId, sentId, queuedId]) {
			await expect(retryOutboxMessage(db, esther, id)).rejects.toMatchObject({ code: 'not_failed', status: 409 });
		}
		const statuses = await db.selectFrom('mailOutbox').select(['id', 'status']).orderBy('id').execute();
		expect(statuses.map((r) => r.status)).toEqual(['queued', 'sent', 'queued']);
		expect(await auditLines('mail.retry', sentId)).toEqual([]);
		await expect(retryOutboxMessage(db, esther, 987_654)).rejects.toMatchObject({ status: 404 });
	});

	it('is not found for anyone but admins', async () => {
		for (const stranger of [sanne, dutch, nobody]) {
			await expect(getOutboxPage(db, stranger, query(), context)).rejects.toMatchObject({ status: 404 });
			await expect(getOutboxMessage(db, stranger, queuedId, context)).rejects.toMatchObject({ status: 404 });
			await expect(retryOutboxMessage(db, stranger, sentId)).rejects.toMatchObject({ status: 404 });
		}
	});
});
