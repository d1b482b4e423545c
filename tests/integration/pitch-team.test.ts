/**
 * The team's side of pitch day (issue 14) on the demo organisation: the slot as the team was
 * told it, the calendar file, and "When can't you present?" (validation, repeats, overlaps,
 * who may, and when it is too late).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import { seedDemo } from '$lib/server/seed/demo.js';
import { loadSessionUser, type SessionUser } from '$lib/server/org/users.service.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { DomainError, FieldErrors } from '$lib/server/errors.js';
import { parseForm } from '$lib/server/http/parse.js';
import { unavailabilitySchema } from '$lib/server/pitch/team-pitch.schema.js';
import {
	addUnavailability,
	getTeamPitch,
	getTeamPitchIcs,
	removeUnavailability,
	unavailabilityLock
} from '$lib/server/pitch/team-pitch.service.js';
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

async function user(id: number): Promise<SessionUser> {
	return (await loadSessionUser(db, id))!;
}
async function persona(email: string): Promise<SessionUser> {
	const row = await db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow();
	return user(row.id);
}

/** A semi-final idea in the first session still to come, with its owner and mentor. */
async function futureIdea() {
	const row = await db
		.selectFrom('presentationSlot as p')
		.innerJoin('pitchSession as s', 's.id', 'p.sessionId')
		.innerJoin('ideaMember as m', (jn) => jn.onRef('m.ideaId', '=', 'p.ideaId').on('m.role', '=', 'owner'))
		.where('s.startsAt', '>', new Date())
		.where('p.kind', '=', 'pitch')
		.select(['p.ideaId', 'p.id as slotId', 's.id as sessionId', 'm.userId as ownerId', 'p.startsAt'])
		.orderBy('s.startsAt')
		.orderBy('p.position', (ob) => ob.desc())
		.executeTakeFirstOrThrow();
	return { ...row, ideaId: row.ideaId! };
}

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

async function refusal(work: Promise<unknown>): Promise<string | Record<string, string[] | undefined>> {
	try {
		await work;
		return 'accepted';
	} catch (e) {
		if (e instanceof FieldErrors) return e.fields;
		if (e instanceof DomainError) return `${e.status} ${e.code}`;
		throw e;
	}
}

describe('unavailabilityLock (when the times may still change)', () => {
	it('is open on the way to a pitch and before the session starts', () => {
		expect(unavailabilityLock('coaching', [])).toBeNull();
		expect(unavailabilityLock('semi_final', [{ sessionStatus: 'planned' }])).toBeNull();
		expect(unavailabilityLock('semi_final', [{ sessionStatus: null }])).toBeNull();
		// A finalist between the closed semi-final and the final's entries: the final is planned next.
		expect(unavailabilityLock('finalist', [])).toBeNull();
	});

	it('closes once the session is live or over, the semi-final closed, or the idea is out of the running', () => {
		expect(unavailabilityLock('semi_final', [{ sessionStatus: 'live' }])).toBe('pitch_team_session_started');
		expect(unavailabilityLock('finalist', [{ sessionStatus: 'ended' }])).toBe('pitch_team_session_started');
		expect(unavailabilityLock('semi_final', [])).toBe('pitch_team_round_closed');
		expect(unavailabilityLock('not_advanced', [])).toBe('pitch_team_not_in_play');
		expect(unavailabilityLock('draft', [])).toBe('pitch_team_not_in_play');
	});
});

describe('the form', () => {
	it('reads Amsterdam wall-clock times and refuses what is not a range', () => {
		const ok = parseForm(unavailabilitySchema, form({ startsAt: '2026-12-08T13:00', endsAt: '2026-12-08T17:00', note: ' shift ' }));
		expect(ok).toEqual({
			ok: true,
			data: { startsAt: new Date('2026-12-08T12:00:00Z'), endsAt: new Date('2026-12-08T16:00:00Z'), note: 'shift' }
		});
		const errors = (fields: Record<string, string>) => {
			const r = parseForm(unavailabilitySchema, form(fields));
			return r.ok ? null : r.errors;
		};
		expect(errors({ startsAt: '', endsAt: '2026-12-08T17:00' })).toEqual({ startsAt: ['required'] });
		expect(errors({ startsAt: '2026-02-30T13:00', endsAt: 'tomorrow' })).toEqual({
			startsAt: ['pitch_team_invalid_time'],
			endsAt: ['pitch_team_invalid_time']
		});
		expect(errors({ startsAt: '2026-12-08T13:00', endsAt: '2026-12-08T13:00' })).toEqual({ endsAt: ['pitch_team_ends_before_start'] });
		expect(errors({ startsAt: '2026-12-08T13:00', endsAt: '2026-12-23T13:00' })).toEqual({ endsAt: ['pitch_team_too_long'] });
		expect(errors({ startsAt: '2026-12-08T13:00', endsAt: '2026-12-08T17:00', note: 'x'.repeat(201) })).toEqual({ note: ['too_long'] });
	});
});

describe("the team's pitch page", () => {
	it('shows the slot as published, in one statement, to the team, the mentor and organisers; not to others', async () => {
		const idea = await futureIdea();
		const owner = await user(idea.ownerId);
		const tally = newTally();
		const page = await countStatements(tally, () => getTeamPitch(db, owner, idea.ideaId));
		expect(tally.statements).toBe(1);
		expect(page.slots).toHaveLength(1);
		expect(page.slots[0]).toMatchObject({ published: true, pitchMinutes: 10, questionsMinutes: 10, planned: null });
		expect(page.slots[0].startsAt).toEqual(idea.startsAt);
		expect(page.can.edit).toBe(true);
		expect(page.hasCalendar).toBe(true);
		const mentor = await persona('pieter.degroot@ideacup.example');
		await db.insertInto('mentorAssignment').values({ ideaId: idea.ideaId, mentorId: mentor.id, status: 'accepted' }).execute();
		expect((await getTeamPitch(db, mentor, idea.ideaId)).can.edit).toBe(true);
		await db.deleteFrom('mentorAssignment').where('ideaId', '=', idea.ideaId).where('mentorId', '=', mentor.id).execute();
		expect(await refusal(getTeamPitch(db, mentor, idea.ideaId))).toBe('404 not_found');
		const organiserView = await getTeamPitch(db, await persona('ruud.vandijk@ideacup.example'), idea.ideaId);
		expect(organiserView.can.edit).toBe(false);
		expect(await refusal(getTeamPitch(db, await persona('hans.mulder@ideacup.example'), idea.ideaId))).toBe('404 not_found');
		expect(await refusal(getTeamPitch(db, owner, 2_000_000_000))).toBe('404 not_found');
	});

	it('shows the team what it was told, and an organiser where the plan has moved since', async () => {
		const idea = await futureIdea();
		const moved = new Date(new Date(idea.startsAt).getTime() + 3_600_000);
		const hour = 3_600_000;
		await db
			.updateTable('presentationSlot')
			.set((eb) => ({ startsAt: moved, endsAt: sql<Date>`${eb.ref('endsAt')} + interval '1 hour'` }))
			.where('id', '=', idea.slotId)
			.execute();
		try {
			const team = await getTeamPitch(db, await user(idea.ownerId), idea.ideaId);
			expect(team.slots[0].startsAt).toEqual(idea.startsAt);
			expect(team.slots[0].planned).toBeNull();
			const organiser = await getTeamPitch(db, await persona('ruud.vandijk@ideacup.example'), idea.ideaId);
			expect(organiser.slots[0].planned?.startsAt).toEqual(moved);
		} finally {
			await db
				.updateTable('presentationSlot')
				.set({ startsAt: idea.startsAt, endsAt: new Date(new Date(idea.startsAt).getTime() + hour / 3) })
				.where('id', '=', idea.slotId)
				.execute();
		}
	});

	it('gives a calendar file of the published slot (METHOD PUBLISH, the slot UID and sequence)', async () => {
		const idea = await futureIdea();
		const owner = await user(idea.ownerId);
		const words = { summary: (s: { title: string }) => `Pitch: ${s.title}`, description: () => 'ten and ten' };
		const tally = newTally();
		const file = await countStatements(tally, () => getTeamPitchIcs(db, owner, idea.ideaId, words, 'https://portal.example'));
		expect(tally.statements).toBe(1);
		const unfolded = file.body.replace(/\r\n /g, '');
		expect(unfolded).toContain('METHOD:PUBLISH');
		expect(unfolded).toContain(`UID:pitch-slot-${idea.slotId}@ideacup`);
		expect(unfolded).toContain('SEQUENCE:1');
		const stamp = new Date(idea.startsAt)
			.toISOString()
			.replace(/[-:]/g, '')
			.replace(/\.\d{3}/, '');
		expect(unfolded).toContain(`DTSTART:${stamp}`);
		expect(unfolded).toContain(`URL:https://portal.example/ideas/${idea.ideaId}/pitch`);
		expect(await refusal(getTeamPitchIcs(db, await persona('sanne.bakker@ideacup.example'), idea.ideaId, words, ''))).toBe('404 not_found');
	});
});

describe('"When can\'t you present?"', () => {
	it('adds a time once (a repeat is the same row), records it on the timeline, and removes it once', async () => {
		const idea = await futureIdea();
		const owner = await user(idea.ownerId);
		const day = new Date(idea.startsAt);
		const input = { startsAt: new Date(day.getTime() - 30 * 60_000), endsAt: new Date(day.getTime() + 2 * 3_600_000), note: 'Dentist' };
		const before = await db.selectFrom('pitchUnavailability').where('ideaId', '=', idea.ideaId).select('id').execute();

		const tally = newTally();
		const first = await countStatements(tally, () => addUnavailability(db, owner, idea.ideaId, input));
		expect(tally.statements).toBe(2);
		expect(first.created).toBe(true);
		const again = await addUnavailability(db, owner, idea.ideaId, { ...input, note: 'typed twice' });
		expect(again).toEqual({ id: first.id, created: false });
		// Two tabs at once: the idea's lock puts them in a row, one row is stored.
		const both = await Promise.all([
			addUnavailability(db, owner, idea.ideaId, {
				...input,
				startsAt: new Date(day.getTime() + 5 * 3_600_000),
				endsAt: new Date(day.getTime() + 6 * 3_600_000)
			}),
			addUnavailability(db, owner, idea.ideaId, {
				...input,
				startsAt: new Date(day.getTime() + 5 * 3_600_000),
				endsAt: new Date(day.getTime() + 6 * 3_600_000)
			})
		]);
		expect(both.filter((b) => b.created)).toHaveLength(1);
		expect(both[0].id).toBe(both[1].id);

		const rows = await db.selectFrom('pitchUnavailability').where('ideaId', '=', idea.ideaId).selectAll().execute();
		expect(rows).toHaveLength(before.length + 2);
		expect(rows.find((r) => r.id === first.id)).toMatchObject({ note: 'Dentist', createdBy: owner.id });
		const events = await db
			.selectFrom('ideaEvent')
			.where('ideaId', '=', idea.ideaId)
			.where('kind', '=', 'pitch_unavailability')
			.select(['actorId', 'data'])
			.execute();
		expect(events).toHaveLength(2);
		expect(events[0].data).toMatchObject({ action: 'added', unavailabilityId: first.id });

		const page = await getTeamPitch(db, owner, idea.ideaId);
		expect(page.unavailable.map((u) => u.id)).toContain(first.id);

		const removeTally = newTally();
		expect(await countStatements(removeTally, () => removeUnavailability(db, owner, idea.ideaId, first.id))).toEqual({ removed: true });
		expect(removeTally.statements).toBe(2);
		expect(await removeUnavailability(db, owner, idea.ideaId, first.id)).toEqual({ removed: false });
		const after = await db
			.selectFrom('ideaEvent')
			.where('ideaId', '=', idea.ideaId)
			.where('kind', '=', 'pitch_unavailability')
			.select('data')
			.execute();
		expect(after.map((e) => (e.data as { action: string }).action)).toEqual(['added', 'added', 'removed']);
	});

	it('refuses an overlap and a time already past beside the field, and changes nothing', async () => {
		const idea = await futureIdea();
		const owner = await user(idea.ownerId);
		const day = new Date(idea.startsAt).getTime();
		const base = { startsAt: new Date(day + 20 * 3_600_000), endsAt: new Date(day + 22 * 3_600_000), note: '' };
		await addUnavailability(db, owner, idea.ideaId, base);
		const count = async () => (await db.selectFrom('pitchUnavailability').where('ideaId', '=', idea.ideaId).select('id').execute()).length;
		const n = await count();
		expect(
			await refusal(
				addUnavailability(db, owner, idea.ideaId, {
					...base,
					startsAt: new Date(day + 21 * 3_600_000),
					endsAt: new Date(day + 23 * 3_600_000)
				})
			)
		).toEqual({
			startsAt: ['pitch_team_overlap']
		});
		expect(
			await refusal(
				addUnavailability(db, owner, idea.ideaId, {
					...base,
					startsAt: new Date(Date.now() - 7_200_000),
					endsAt: new Date(Date.now() - 3_600_000)
				})
			)
		).toEqual({
			endsAt: ['pitch_team_in_past']
		});
		expect(await count()).toBe(n);
	});

	it("is not an organiser's, a colleague's or a stranger's to change", async () => {
		const idea = await futureIdea();
		const input = {
			startsAt: new Date(Date.now() + 40 * 86_400_000),
			endsAt: new Date(Date.now() + 40 * 86_400_000 + 3_600_000),
			note: ''
		};
		expect(await refusal(addUnavailability(db, await persona('ruud.vandijk@ideacup.example'), idea.ideaId, input))).toBe('403 not_allowed');
		expect(await refusal(addUnavailability(db, await persona('hans.mulder@ideacup.example'), idea.ideaId, input))).toBe('404 not_found');
		const any = await db.selectFrom('pitchUnavailability').where('ideaId', '=', idea.ideaId).select('id').executeTakeFirstOrThrow();
		expect(await refusal(removeUnavailability(db, await persona('sanne.bakker@ideacup.example'), idea.ideaId, any.id))).toBe(
			'404 not_found'
		);
	});

	it('is refused once the session is live, and the page says so', async () => {
		const idea = await futureIdea();
		const owner = await user(idea.ownerId);
		const any = await db.selectFrom('pitchUnavailability').where('ideaId', '=', idea.ideaId).select('id').executeTakeFirstOrThrow();
		await db.updateTable('pitchSession').set({ status: 'live', startedAt: new Date() }).where('id', '=', idea.sessionId).execute();
		try {
			const input = {
				startsAt: new Date(Date.now() + 50 * 86_400_000),
				endsAt: new Date(Date.now() + 50 * 86_400_000 + 3_600_000),
				note: ''
			};
			expect(await refusal(addUnavailability(db, owner, idea.ideaId, input))).toBe('409 pitch_team_session_started');
			expect(await refusal(removeUnavailability(db, owner, idea.ideaId, any.id))).toBe('409 pitch_team_session_started');
			const page = await getTeamPitch(db, owner, idea.ideaId);
			expect(page.can.edit).toBe(false);
			expect(page.lock).toBe('pitch_team_session_started');
			expect(await db.selectFrom('pitchUnavailability').where('id', '=', any.id).select('id').executeTakeFirst()).toBeDefined();
		} finally {
			await db.updateTable('pitchSession').set({ status: 'planned', startedAt: null }).where('id', '=', idea.sessionId).execute();
		}
	});
});
