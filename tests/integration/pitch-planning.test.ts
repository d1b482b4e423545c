/**
 * Pitch day planning (issue 14) on a real database (PGlite, and PostgreSQL with DATABASE_URL):
 * sessions, Plan for me, the order written in one statement, the plan's version against two
 * tabs, publishing with invitations once per change, and the statement budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { FieldErrors } from '$lib/server/errors.js';
import { renderOutboxMail } from '$lib/server/mail/delivery.js';
import {
	addBreak,
	addIdea,
	createSession,
	getPlanner,
	listRoundSessions,
	moveSlot,
	planForMe,
	publishPlan,
	removeSlot,
	updateSessionSettings
} from '$lib/server/pitch/sessions.service.js';
import { codeOf } from '../fixtures/judging-factories.js';
import { pitchFactories } from '../fixtures/pitch-factories.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;
let pf: ReturnType<typeof pitchFactories>;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	pf = pitchFactories(db);
}, 120_000);

afterAll(async () => {
	console.log(`statements (${testDb?.engine}): ${JSON.stringify(measured)}`);
	await testDb?.close();
});

/** 3 March 2026, 09:00 in Amsterdam (08:00 UTC). */
const NINE = new Date('2026-03-03T08:00:00Z');
const settings = { startsAt: NINE, room: 'Boardroom 5', slotMinutes: 30, pitchMinutes: 10, questionsMinutes: 10 };
const hhmm = (d: Date | string) => new Date(d).toISOString().slice(11, 16);

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const tally = newTally();
	const result = await countStatements(tally, work);
	return { result, statements: tally.statements };
}

async function slotsOf(sessionId: number) {
	return db
		.selectFrom('presentationSlot')
		.select(['id', 'position', 'kind', 'ideaId', 'startsAt', 'endsAt', 'location', 'icsSequence', 'toldAt'])
		.where('sessionId', '=', sessionId)
		.orderBy('position')
		.execute();
}

async function notificationsOf(kind: string, sessionId?: number) {
	const rows = await db
		.selectFrom('notification')
		.select(['userId', 'kind', 'params', 'link', 'id'])
		.where('kind', '=', kind)
		.orderBy('id')
		.execute();
	return sessionId === undefined ? rows : rows.filter((r) => (r.params as { sessionId?: number }).sessionId === sessionId);
}

/** Statements per action, measured with the version read before the count. */
const measured: Record<string, number> = {};
async function measure<T>(name: string, work: () => Promise<T>): Promise<T> {
	const { result, statements } = await counted(work);
	measured[name] = Math.max(measured[name] ?? 0, statements);
	expect(statements, name).toBeLessThanOrEqual(5);
	return result;
}

async function setup(options: { ideas?: number; ready?: number; jurors?: number } = {}) {
	const w = await pf.pitchWorld(options);
	const made = await createSession(db, w.organiser, w.round.id, { juryId: w.juryId, ...settings });
	const where = { roundId: w.round.id, sessionId: made.id };
	const version = async () => (await getPlanner(db, w.organiser, made.id)).version;
	return { ...w, sessionId: made.id, where, version };
}

describe('sessions', () => {
	it('creates a session for one of the round’s juries, audited; lists it per jury', async () => {
		const w = await setup();
		const page = await listRoundSessions(db, w.organiser, w.round.id);
		expect(page.juries).toHaveLength(1);
		expect(page.juries[0].sessions).toMatchObject([
			{ id: w.sessionId, room: 'Boardroom 5', slotMinutes: 30, pitches: 0, publishedAt: null }
		]);
		const audit = await db
			.selectFrom('auditLog')
			.select('action')
			.where('objectType', '=', 'pitch_session')
			.where('objectId', '=', String(w.sessionId))
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['pitch.session_created']);
	});

	it('a double click makes one session; a closed round takes none', async () => {
		const w = await setup();
		const startsAt = new Date('2026-03-04T08:00:00Z');
		const made = await Promise.all([
			measure('create session', () => createSession(db, w.organiser, w.round.id, { juryId: w.juryId, ...settings, startsAt })),
			createSession(db, w.organiser, w.round.id, { juryId: w.juryId, ...settings, startsAt })
		]);
		expect(made[0].id).toBe(made[1].id);
		expect(made.map((m) => m.created).sort()).toEqual([false, true]);
		await db.updateTable('round').set({ status: 'closed' }).where('id', '=', w.round.id).execute();
		expect(await codeOf(createSession(db, w.organiser, w.round.id, { juryId: w.juryId, ...settings }))).toBe('pitch_plan_round_closed');
	});

	it('refuses another round’s jury beside the field, and strangers find nothing', async () => {
		const w = await setup();
		const other = await pf.pitchWorld();
		await expect(createSession(db, w.organiser, w.round.id, { juryId: other.juryId, ...settings })).rejects.toBeInstanceOf(FieldErrors);
		expect(await codeOf(createSession(db, w.jurors[0], w.round.id, { juryId: w.juryId, ...settings }))).toBe('not_found');
		expect(await codeOf(getPlanner(db, w.jurors[0], w.sessionId))).toBe('not_found');
		expect(await codeOf(listRoundSessions(db, w.ideas[0].owner, w.round.id))).toBe('not_found');
	});
});

describe('Plan for me', () => {
	it('places the ready ideas clear of their team’s unavailable time, lists the others apart, in five statements', async () => {
		const w = await setup({ ideas: 4, ready: 3 });
		// Idea 1's team cannot make 09:00-09:30 Amsterdam.
		await pf.unavailable(w.ideas[0].id, NINE, new Date(NINE.getTime() + 30 * 60_000));
		expect(await codeOf(measure('planForMe (stale)', () => planForMe(db, w.organiser, { ...w.where, version: '' })))).toBe(
			'pitch_plan_stale'
		);

		const version = await w.version();
		const run = await measure('planForMe', () => planForMe(db, w.organiser, { ...w.where, version }));
		expect(run).toEqual({ added: 3, notReady: 1, unavailable: 0 });
		const slots = await slotsOf(w.sessionId);
		expect(slots.map((s) => s.ideaId)).toEqual([w.ideas[1].id, w.ideas[0].id, w.ideas[2].id]);
		expect(slots.map((s) => s.position)).toEqual([1, 2, 3]);
		expect(slots.map((s) => `${hhmm(s.startsAt)}-${hhmm(s.endsAt)}`)).toEqual(['08:00-08:30', '08:30-09:00', '09:00-09:30']);
		expect(slots.every((s) => s.location === 'Boardroom 5')).toBe(true);

		const page = await measure('planner page', () => getPlanner(db, w.organiser, w.sessionId));
		expect(page.notReady.map((c) => c.ideaId)).toEqual([w.ideas[3].id]);
		expect(page.ready).toEqual([]);
		expect(page.items.some((i) => i.unavailableNow)).toBe(false);
		await measure('sessions page', () => listRoundSessions(db, w.organiser, w.round.id));
	});

	it('warns where conflicts leave the jury short, and where a team cannot make its time', async () => {
		const w = await setup({ ideas: 2, jurors: 3 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const j = pf;
		const jf = (await import('../fixtures/judging-factories.js')).judgingFactories(db);
		await jf.newConflict({ userId: w.jurors[0].id, ideaId: w.ideas[1].id });
		await jf.newConflict({ userId: w.jurors[1].id, ideaId: w.ideas[1].id });
		await j.unavailable(w.ideas[0].id, NINE, new Date(NINE.getTime() + 10 * 60_000));
		const page = await getPlanner(db, w.organiser, w.sessionId);
		const byIdea = new Map(page.items.map((i) => [i.ideaId, i]));
		expect(byIdea.get(w.ideas[1].id)).toMatchObject({ conflicted: 2, juryShort: true });
		expect(byIdea.get(w.ideas[0].id)).toMatchObject({ conflicted: 0, juryShort: false, unavailableNow: true });
	});

	it('takes over an old slot without a session (its id kept)', async () => {
		const w = await setup({ ideas: 1 });
		const old = await db
			.insertInto('presentationSlot')
			.values({ roundId: w.round.id, ideaId: w.ideas[0].id, startsAt: NINE, endsAt: new Date(NINE.getTime() + 60_000), location: 'old' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		expect((await slotsOf(w.sessionId)).map((s) => [s.id, s.position, s.location])).toEqual([[old.id, 1, 'Boardroom 5']]);
	});
});

describe('changing the order', () => {
	it('moves in one statement: positions 1..n stay unique, times follow; a stale version changes nothing', async () => {
		const w = await setup({ ideas: 3 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const before = await slotsOf(w.sessionId);
		const version = await w.version();
		await measure('move', () => moveSlot(db, w.organiser, w.where, { version, slotId: before[0].id, to: 'later' }));
		const after = await slotsOf(w.sessionId);
		expect(after.map((s) => s.id)).toEqual([before[1].id, before[0].id, before[2].id]);
		expect(after.map((s) => s.position)).toEqual([1, 2, 3]);
		expect(after.map((s) => hhmm(s.startsAt))).toEqual(['08:00', '08:30', '09:00']);

		// The second tab still has the old version: refused, nothing changes.
		expect(await codeOf(moveSlot(db, w.organiser, w.where, { version, slotId: before[2].id, to: 1 }))).toBe('pitch_plan_stale');
		expect((await slotsOf(w.sessionId)).map((s) => s.id)).toEqual(after.map((s) => s.id));

		// Drag and drop: to a position.
		await moveSlot(db, w.organiser, w.where, { version: await w.version(), slotId: before[2].id, to: 1 });
		expect((await slotsOf(w.sessionId)).map((s) => s.id)).toEqual([before[2].id, before[1].id, before[0].id]);
	});

	it('two tabs at once: one change goes through, the other is refused', async () => {
		const w = await setup({ ideas: 3 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const slots = await slotsOf(w.sessionId);
		const version = await w.version();
		const results = await Promise.all([
			codeOf(moveSlot(db, w.organiser, w.where, { version, slotId: slots[0].id, to: 'later' })),
			codeOf(moveSlot(db, w.organiser, w.where, { version, slotId: slots[2].id, to: 'earlier' }))
		]);
		expect(results.sort()).toEqual(['ok', 'pitch_plan_stale']);
		expect((await slotsOf(w.sessionId)).map((s) => s.position)).toEqual([1, 2, 3]);
	});

	it('adds and removes a break, adds a not-ready idea anyway, and changes the settings; times follow', async () => {
		const w = await setup({ ideas: 3, ready: 2 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const [first] = await slotsOf(w.sessionId);
		const v1 = await w.version();
		await measure('addBreak', () => addBreak(db, w.organiser, w.where, { version: v1, afterSlotId: first.id, minutes: 15 }));
		let slots = await slotsOf(w.sessionId);
		expect(slots.map((s) => `${s.kind}@${hhmm(s.startsAt)}-${hhmm(s.endsAt)}`)).toEqual([
			'pitch@08:00-08:30',
			'break@08:30-08:45',
			'pitch@08:45-09:15'
		]);
		const v2 = await w.version();
		await measure('addIdea', () => addIdea(db, w.organiser, w.where, { version: v2, ideaId: w.ideas[2].id }));
		expect(await codeOf(addIdea(db, w.organiser, w.where, { version: await w.version(), ideaId: w.ideas[2].id }))).toBe(
			'pitch_plan_not_placeable'
		);
		const v3 = await w.version();
		await measure('remove (untold)', () => removeSlot(db, w.organiser, w.where, { version: v3, slotId: slots[1].id }));
		const v4 = await w.version();
		await measure('settings', () =>
			updateSessionSettings(db, w.organiser, w.where, { version: v4, ...settings, slotMinutes: 20, room: 'Room 2' })
		);
		slots = await slotsOf(w.sessionId);
		expect(slots.map((s) => `${s.kind}@${hhmm(s.startsAt)}-${hhmm(s.endsAt)}@${s.location}`)).toEqual([
			'pitch@08:00-08:20@Room 2',
			'pitch@08:20-08:40@Room 2',
			'pitch@08:40-09:00@Room 2'
		]);
		expect(slots.map((s) => s.position)).toEqual([1, 2, 3]);
	});

	it('is refused once the session is live or the round closed', async () => {
		const w = await setup({ ideas: 2 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const version = await w.version();
		await db.updateTable('round').set({ status: 'closed' }).where('id', '=', w.round.id).execute();
		expect(await codeOf(publishPlan(db, w.organiser, { ...w.where, version }))).toBe('pitch_plan_round_closed');
		await db.updateTable('round').set({ status: 'open' }).where('id', '=', w.round.id).execute();
		await db.updateTable('pitchSession').set({ status: 'live' }).where('id', '=', w.sessionId).execute();
		expect(await codeOf(planForMe(db, w.organiser, { ...w.where, version: await w.version() }))).toBe('pitch_plan_session_started');
		expect((await getPlanner(db, w.organiser, w.sessionId)).locked).toBe('session');
	});
});

describe('publishing', () => {
	it('tells each team and the jurors once, with everything the invitation needs; a re-publish without change sends nothing; a change sends updates with a higher SEQUENCE', async () => {
		const w = await setup({ ideas: 3, jurors: 2 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		const slots = await slotsOf(w.sessionId);

		const v0 = await w.version();
		const first = await measure('publish', () => publishPlan(db, w.organiser, { ...w.where, version: v0 }));
		expect(first).toEqual({ teams: 3, jurors: 2, unchanged: false });
		const planned = await notificationsOf('pitch_slot_planned');
		expect(planned).toHaveLength(6); // owner and member of three ideas
		const forIdea0 = planned.filter((n) => (n.params as { ideaId: number }).ideaId === w.ideas[0].id);
		expect(forIdea0.map((n) => n.userId).sort()).toEqual([w.ideas[0].owner.id, w.ideas[0].member.id].sort());
		const slot0 = slots.find((s) => s.ideaId === w.ideas[0].id)!;
		expect(forIdea0[0]).toMatchObject({
			link: `/ideas/${w.ideas[0].id}/pitch`,
			params: {
				uid: `pitch-slot-${slot0.id}@ideacup`,
				sequence: 0,
				method: 'REQUEST',
				startsAt: new Date(slot0.startsAt).toISOString(),
				endsAt: new Date(slot0.endsAt).toISOString(),
				location: 'Boardroom 5',
				title: w.ideas[0].title,
				pitchMinutes: 10,
				questionsMinutes: 10
			}
		});
		const jurorsTold = await notificationsOf('pitch_session_planned');
		expect(jurorsTold.map((n) => n.userId).sort()).toEqual(w.jurors.map((j) => j.id).sort());
		expect(jurorsTold[0].params).toMatchObject({ uid: `pitch-session-${w.sessionId}@ideacup`, sequence: 1, location: 'Boardroom 5' });
		const outbox = await db.selectFrom('mailOutbox').select(['userId', 'notificationIds']).execute();
		expect(outbox.length).toBeGreaterThanOrEqual(8);
		const session = await db
			.selectFrom('pitchSession')
			.select(['planVersion', 'publishedAt'])
			.where('id', '=', w.sessionId)
			.executeTakeFirstOrThrow();
		expect(session.planVersion).toBe(1);
		expect(session.publishedAt).not.toBeNull();

		// The mail carries invite.ics, rendered from the params alone.
		const owner = await db
			.selectFrom('appUser')
			.select(['name', 'email', 'locale'])
			.where('id', '=', w.ideas[0].owner.id)
			.executeTakeFirstOrThrow();
		const note = await db
			.selectFrom('notification')
			.selectAll()
			.where('id', '=', forIdea0.find((n) => n.userId === w.ideas[0].owner.id)!.id)
			.executeTakeFirstOrThrow();
		const mail = renderOutboxMail(
			{
				kind: 'notification',
				userId: w.ideas[0].owner.id,
				name: owner.name,
				email: owner.email,
				locale: owner.locale,
				notifications: [note]
			},
			{ origin: 'https://ideacup.example', secret: 'x'.repeat(32) }
		)!;
		expect(mail.attachments).toHaveLength(1);
		expect(mail.attachments![0]).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' });
		const ics = mail.attachments![0].content.replace(/\r\n /g, '');
		expect(ics).toContain(`UID:pitch-slot-${slot0.id}@ideacup`);
		expect(ics).toContain('SEQUENCE:0');
		expect(ics).toContain(`DTSTART:${new Date(slot0.startsAt).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
		expect(ics).toContain(`URL:https://ideacup.example/ideas/${w.ideas[0].id}/pitch`);

		// Again without a change: nothing sent, version kept.
		const again = await publishPlan(db, w.organiser, { ...w.where, version: await w.version() });
		expect(again).toEqual({ teams: 0, jurors: 0, unchanged: true });
		expect(await notificationsOf('pitch_slot_planned')).toHaveLength(6);
		expect(await notificationsOf('pitch_slot_changed')).toHaveLength(0);

		// Swap the first two: their teams get an update (SEQUENCE 1), the third team nothing.
		await moveSlot(db, w.organiser, w.where, { version: await w.version(), slotId: slots[0].id, to: 'later' });
		const update = await publishPlan(db, w.organiser, { ...w.where, version: await w.version() });
		expect(update).toEqual({ teams: 2, jurors: 2, unchanged: false });
		const changed = await notificationsOf('pitch_slot_changed');
		expect(changed).toHaveLength(4);
		expect(new Set(changed.map((n) => (n.params as { ideaId: number }).ideaId))).toEqual(new Set([slots[0].ideaId, slots[1].ideaId]));
		expect(changed.every((n) => (n.params as { sequence: number }).sequence === 1)).toBe(true);
		const sessionChanged = await notificationsOf('pitch_session_changed');
		expect(sessionChanged).toHaveLength(2);
		expect(sessionChanged[0].params).toMatchObject({ sequence: 2 });
		expect((await slotsOf(w.sessionId)).find((s) => s.id === slots[0].id)!.icsSequence).toBe(1);
		const audit = await db
			.selectFrom('auditLog')
			.select(['action', 'actorId'])
			.where('objectType', '=', 'pitch_session')
			.where('objectId', '=', String(w.sessionId))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'pitch.session_created',
			'pitch.planned_for_me',
			'pitch.published',
			'pitch.slot_moved',
			'pitch.published'
		]);
		expect(audit.every((a) => a.actorId === w.organiser.id)).toBe(true);
	});

	it('removing a told slot cancels it at once (METHOD:CANCEL, SEQUENCE raised); the jurors are told at the next publication', async () => {
		const w = await setup({ ideas: 2, jurors: 2 });
		await planForMe(db, w.organiser, { ...w.where, version: await w.version() });
		await publishPlan(db, w.organiser, { ...w.where, version: await w.version() });
		const slots = await slotsOf(w.sessionId);
		const last = slots[1];
		const v0 = await w.version();
		await measure('remove (told: cancels)', () => removeSlot(db, w.organiser, w.where, { version: v0, slotId: last.id }));
		const cancelled = await notificationsOf('pitch_slot_cancelled');
		expect(cancelled).toHaveLength(2);
		expect(cancelled[0].params).toMatchObject({ uid: `pitch-slot-${last.id}@ideacup`, sequence: 1, method: 'CANCEL' });
		const note = await db.selectFrom('notification').selectAll().where('id', '=', cancelled[0].id).executeTakeFirstOrThrow();
		const mail = renderOutboxMail(
			{ kind: 'notification', userId: note.userId, name: 'X', email: 'x@example.com', locale: 'nl', notifications: [note] },
			{ origin: 'https://ideacup.example', secret: 'x'.repeat(32) }
		)!;
		expect(mail.attachments![0].contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
		expect(mail.attachments![0].content).toContain('METHOD:CANCEL');
		expect(mail.attachments![0].content).toContain('STATUS:CANCELLED');

		// Removing the last slot moved nobody else, yet the jurors' session changed.
		const next = await publishPlan(db, w.organiser, { ...w.where, version: await w.version() });
		expect(next).toEqual({ teams: 0, jurors: 2, unchanged: false });
		expect(await notificationsOf('pitch_session_changed', w.sessionId)).toHaveLength(2);
		expect(await publishPlan(db, w.organiser, { ...w.where, version: await w.version() })).toMatchObject({ unchanged: true });
	});

	it('refuses to publish an empty plan', async () => {
		const w = await setup({ ideas: 1 });
		expect(await codeOf(publishPlan(db, w.organiser, { ...w.where, version: await w.version() }))).toBe('pitch_plan_empty');
		const count = await db
			.selectFrom('notification')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		expect(count.n).toBeGreaterThanOrEqual(0);
	});
});
