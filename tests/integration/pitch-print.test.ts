/**
 * Pitch day's printouts (issue 14) on the demo organisation: the seed's pitch sessions, the
 * agenda and the jury booklet, and who may open them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import { seedDemo } from '$lib/server/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const result = await seedDemo(db);
	expect(result.seeded).toBe(true);
}, 300_000);

afterAll(async () => {
	await testDb?.close();
});

describe('the demo seed', () => {
	it('plans the 2026 semi-final in published pitch sessions, one per department and day', async () => {
		const sessions = await db
			.selectFrom('pitchSession as s')
			.innerJoin('round as r', 'r.id', 's.roundId')
			.innerJoin('jury as j', 'j.id', 's.juryId')
			.select([
				's.id',
				's.startsAt',
				's.room',
				's.slotMinutes',
				's.pitchMinutes',
				's.questionsMinutes',
				's.planVersion',
				's.publishedAt',
				's.status',
				'j.departmentId',
				'r.position'
			])
			.orderBy('s.startsAt')
			.execute();
		// Every department's MT that has ideas in the semi-final sits at least once; BO twice.
		expect(new Set(sessions.map((s) => s.departmentId)).size).toBe(sessions.length - 1);
		expect(sessions.length).toBeGreaterThanOrEqual(6);
		for (const s of sessions) {
			expect(s).toMatchObject({ slotMinutes: 30, pitchMinutes: 10, questionsMinutes: 10, planVersion: 1, status: 'planned', position: 1 });
			expect(s.publishedAt).not.toBeNull();
			expect(new Date(s.publishedAt!).getTime()).toBeLessThan(new Date(s.startsAt).getTime());
		}
		const perDay = new Set(sessions.map((s) => `${s.departmentId}|${new Date(s.startsAt).toISOString().slice(0, 10)}`));
		expect(perDay.size).toBe(sessions.length);
	});

	it("gives every semi-final entry one slot in its jury's session, in the session's arithmetic, told as published", async () => {
		const slots = await db
			.selectFrom('presentationSlot as p')
			.innerJoin('pitchSession as s', 's.id', 'p.sessionId')
			.select([
				'p.id',
				'p.sessionId',
				'p.position',
				'p.kind',
				'p.ideaId',
				'p.startsAt',
				'p.endsAt',
				'p.location',
				'p.toldStartsAt',
				'p.toldEndsAt',
				'p.toldLocation',
				'p.icsSequence',
				's.startsAt as sessionStartsAt',
				's.room'
			])
			.orderBy('p.sessionId')
			.orderBy('p.position')
			.execute();
		const entries = await db
			.selectFrom('roundEntry as e')
			.where('e.roundId', 'in', db.selectFrom('pitchSession').select('roundId'))
			.select(['e.ideaId'])
			.execute();
		const pitches = slots.filter((s) => s.kind === 'pitch');
		expect(pitches.map((s) => s.ideaId).sort()).toEqual(entries.map((e) => e.ideaId).sort());
		const bySession = new Map<number | null, typeof slots>();
		for (const s of slots) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s]);
		for (const list of bySession.values()) {
			list.forEach((s, i) => {
				expect(s.position).toBe(i + 1);
				const start = new Date(s.sessionStartsAt).getTime() + i * 30 * 60_000;
				expect(new Date(s.startsAt).getTime()).toBe(start);
				expect(new Date(s.endsAt).getTime()).toBe(start + (s.kind === 'break' ? 30 : 20) * 60_000);
				expect(s.location).toBe(s.room);
				expect([s.toldStartsAt, s.toldEndsAt, s.toldLocation, s.icsSequence]).toEqual([s.startsAt, s.endsAt, s.location, 1]);
			});
			const breaks = list.filter((s) => s.kind === 'break');
			const count = list.length - breaks.length;
			expect(breaks).toHaveLength(count > 4 ? 1 : 0);
			if (breaks.length) {
				expect(breaks[0].ideaId).toBeNull();
				expect(breaks[0].position).toBe(Math.ceil(count / 2) + 1);
			}
		}
		expect([...bySession.values()].some((l) => l.some((s) => s.kind === 'break'))).toBe(true);
	});

	it('has a few unavailable times, only for teams whose session is still to come', async () => {
		const rows = await db
			.selectFrom('pitchUnavailability as u')
			.innerJoin('presentationSlot as p', 'p.ideaId', 'u.ideaId')
			.innerJoin('pitchSession as s', 's.id', 'p.sessionId')
			.select(['u.ideaId', 's.startsAt', 'u.startsAt as from', 'u.endsAt as until'])
			.execute();
		expect(rows.length).toBeGreaterThanOrEqual(2);
		for (const r of rows) {
			expect(new Date(r.startsAt).getTime()).toBeGreaterThan(Date.now());
			expect(new Date(r.until).getTime()).toBeGreaterThan(new Date(r.from).getTime());
		}
		const { rows: live } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pitch_session WHERE status <> 'planned'`.execute(db);
		expect(live[0].n).toBe(0);
	});
});
