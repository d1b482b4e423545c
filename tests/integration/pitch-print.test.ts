/**
 * Pitch day's printouts (issue 14) on the demo organisation: the seed's pitch sessions, the
 * agenda and the jury booklet, and who may open them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import { seedDemo } from '$lib/server/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { getSessionPrint } from '$lib/server/pitch/print.service.js';
import { loadSessionUser, type SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { DomainError } from '$lib/server/errors.js';

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
				// every slot and break lasts the session's slot length, as the planner counts it
				expect(new Date(s.endsAt).getTime()).toBe(start + 30 * 60_000);
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

async function persona(email: string): Promise<SessionUser> {
	const row = await db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow();
	return (await loadSessionUser(db, row.id))!;
}

/** A BO session of the demo (the Build Operations MT: Jeroen Willems chairs, Marieke Visser sits on it). */
async function boSession() {
	return db
		.selectFrom('pitchSession as s')
		.innerJoin('jury as j', 'j.id', 's.juryId')
		.innerJoin('department as d', 'd.id', 'j.departmentId')
		.where('d.code', '=', 'BO')
		.select(['s.id', 's.roundId', 's.juryId'])
		.orderBy('s.startsAt')
		.executeTakeFirstOrThrow();
}

async function refused(work: Promise<unknown>): Promise<number | null> {
	try {
		await work;
		return null;
	} catch (e) {
		return e instanceof DomainError ? e.status : -1;
	}
}

describe('the agenda and the jury booklet', () => {
	it('give the organiser the session, its jury and the ordered slots with breaks, in one statement', async () => {
		const organiser = await persona('ruud.vandijk@ideacup.example');
		const session = await boSession();
		const tally = newTally();
		const print = await countStatements(tally, () => getSessionPrint(db, organiser, session.id, 'agenda'));
		expect(tally.statements).toBe(1);
		expect(print.can.plan).toBe(true);
		expect(print.back).toBe(`/organise/competitions/${print.round.competitionId}/rounds/${print.round.id}`);
		expect(print.session.room).toBe('Building 7, room 7.021 (MT room)');
		expect(print.jury.members.map((j) => j.name)).toEqual(['Jeroen Willems', 'Erik Brouwer', 'Marieke Visser']);
		expect(print.jury.members[0].isChair).toBe(true);
		expect(print.slots.map((s) => s.position)).toEqual(print.slots.map((_, i) => i + 1));
		const rows = await db
			.selectFrom('presentationSlot as p')
			.leftJoin('idea as i', 'i.id', 'p.ideaId')
			.where('p.sessionId', '=', session.id)
			.select(['p.kind', 'i.title'])
			.orderBy('p.position')
			.execute();
		expect(print.slots.map((s) => s.idea?.title ?? s.kind)).toEqual(rows.map((r) => r.title ?? r.kind));
		expect(print.pitchCount).toBe(rows.filter((r) => r.kind === 'pitch').length);
		for (const s of print.slots.filter((x) => x.idea)) {
			expect(s.idea!.team.length).toBeGreaterThan(0);
			expect(s.idea!.departmentName).toBe('Build Operations');
			// The agenda leaves out the ideas' texts and the criteria.
			expect(s.idea!.problem).toBe('');
		}
		expect(print.criteria).toEqual([]);
		// The session ends when its last slot ends.
		expect(print.session.endsAt).toEqual(print.slots.at(-1)!.endsAt);
	});

	it("give the booklet each idea's problem, proposal and mentor's readiness, and the round's criteria with their rubric", async () => {
		const juror = await persona('marieke.visser@ideacup.example');
		const session = await boSession();
		const tally = newTally();
		const print = await countStatements(tally, () => getSessionPrint(db, juror, session.id, 'booklet'));
		expect(tally.statements).toBe(1);
		expect(print.can.plan).toBe(false);
		expect(print.back).toBe('/jury');
		const ideas = print.slots.flatMap((s) => (s.idea ? [s.idea] : []));
		const stored = await db
			.selectFrom('idea')
			.where(
				'id',
				'in',
				ideas.map((i) => i.id)
			)
			.select(['id', 'problem', 'proposal'])
			.execute();
		for (const idea of ideas) {
			const row = stored.find((r) => r.id === idea.id)!;
			expect([idea.problem, idea.proposal]).toEqual([row.problem, row.proposal]);
		}
		const ready = await db
			.selectFrom('mentorAssignment')
			.where('status', 'in', ['accepted', 'ended'])
			.where('readyAt', 'is not', null)
			.where(
				'ideaId',
				'in',
				ideas.map((i) => i.id)
			)
			.select(['ideaId', 'readyAt'])
			.execute();
		// Mentorships end once an idea is entered: the booklet names the mentor who marked it ready.
		expect(ready.length).toBeGreaterThan(0);
		for (const a of ready) expect(ideas.find((i) => i.id === a.ideaId)!.readyAt).toEqual(a.readyAt);
		expect(ideas.filter((i) => i.readyAt).every((i) => i.mentorName)).toBe(true);
		const criteria = await db
			.selectFrom('roundCriterion')
			.where('roundId', '=', session.roundId)
			.select(['name', 'weight', 'rubric'])
			.orderBy('position')
			.execute();
		expect(print.criteria.map((c) => c.name)).toEqual(criteria.map((c) => c.name));
		expect(print.criteria.reduce((n, c) => n + c.weightPercent, 0)).toBeCloseTo(100, 0);
		expect(print.criteria.some((c) => c.rubric.length > 0)).toBe(true);
		for (const c of print.criteria) expect(c.rubric.map((l) => l.level)).toEqual([...c.rubric.map((l) => l.level)].sort((a, b) => a - b));
	});

	it('are not found for a stranger, a juror of another jury, or a session that does not exist', async () => {
		const session = await boSession();
		const employee = await persona('sanne.bakker@ideacup.example');
		const otherJuror = await persona('hans.mulder@ideacup.example');
		const organiser = await persona('ruud.vandijk@ideacup.example');
		expect(await refused(getSessionPrint(db, employee, session.id, 'agenda'))).toBe(404);
		expect(await refused(getSessionPrint(db, employee, session.id, 'booklet'))).toBe(404);
		expect(await refused(getSessionPrint(db, otherJuror, session.id, 'booklet'))).toBe(404);
		expect(await refused(getSessionPrint(db, organiser, 2_000_000_000, 'agenda'))).toBe(404);
	});

	it('show a draft plan to the organiser (marked) but not yet to the jury', async () => {
		const session = await boSession();
		const juror = await persona('marieke.visser@ideacup.example');
		const organiser = await persona('ruud.vandijk@ideacup.example');
		await db.updateTable('pitchSession').set({ publishedAt: null }).where('id', '=', session.id).execute();
		try {
			expect(await refused(getSessionPrint(db, juror, session.id, 'agenda'))).toBe(404);
			const draft = await getSessionPrint(db, organiser, session.id, 'booklet');
			expect(draft.session.publishedAt).toBeNull();
		} finally {
			await db.updateTable('pitchSession').set({ publishedAt: new Date() }).where('id', '=', session.id).execute();
		}
	});
});
