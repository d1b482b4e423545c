/**
 * The live session on the engine of the run (PGlite in memory, or PostgreSQL with
 * DATABASE_URL): chair moves (version-checked, audited, refused to jurors and strangers),
 * taps saved once under concurrency with the latest device_seq winning, a recused juror and
 * a closed round refused, the chair's tally equal to computeResults over the stored sheets,
 * the screens fed with one statement per change, and (PostgreSQL) a NOTIFY reaching a
 * second connection's listener.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '$lib/server/db/index.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { getLiveSession, loadLiveState, moveLiveSession, sendTaps } from '$lib/server/live/live.service.js';
import { listenForLiveChanges } from '$lib/server/live/bus.js';
import { LiveHub } from '$lib/server/live/hub.js';
import { computeResults } from '$lib/server/scoring/results.js';
import { viewFor } from '$lib/domain/live-session.js';
import { createTestDatabase, withDatabase, type TestDatabase } from './helpers/test-db.js';
import { codeOf } from '../fixtures/judging-factories.js';
import { liveWorld, type LiveWorld } from '../fixtures/live-factories.js';

let testDb: TestDatabase;
let db: Database;
let w: LiveWorld;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	w = await liveWorld(db, { jurors: 3 });
}, 120_000);

afterAll(async () => {
	await testDb?.close();
});

const version = async () => (await loadLiveState(db, w.session.id))!.session.liveVersion;
let seq = 1_000;
const tap = (ideaId: number, criterionId: number, value: number, s = ++seq) => ({
	clientId: randomUUID(),
	deviceSeq: s,
	ideaId,
	criterionId,
	value
});
const sheetOf = (jurorId: number, ideaId: number) =>
	db
		.selectFrom('scoreSheet as h')
		.select((eb) => [
			'h.id',
			'h.version',
			'h.submittedAt',
			eb
				.selectFrom('score as s')
				.select(sql<string>`string_agg(s.criterion_id || '=' || s.value, ',' order by s.criterion_id)`.as('v'))
				.whereRef('s.sheetId', '=', 'h.id')
				.as('values')
		])
		.where('h.roundId', '=', w.round.id)
		.where('h.ideaId', '=', ideaId)
		.where('h.jurorId', '=', jurorId)
		.executeTakeFirst();

describe('the chair', () => {
	it('a juror who is not the chair, and a stranger, may not move the session', async () => {
		expect(await codeOf(moveLiveSession(db, w.jurors[1], w.session.id, 'start', 0))).toBe('not_found');
		const stranger = await w.f.newUser({});
		expect(await codeOf(moveLiveSession(db, stranger, w.session.id, 'start', 0))).toBe('not_found');
		expect(await codeOf(getLiveSession(db, stranger, w.session.id))).toBe('not_found');
	});

	it('starts with the first pitch on stage; a second click with the same version is refused', async () => {
		const tally = newTally();
		const moved = await countStatements(tally, () => moveLiveSession(db, w.jurors[0], w.session.id, 'start', 0));
		expect(moved.currentSlotId).toBe(w.session.slots[0].id);
		expect(tally.statements).toBe(3);
		expect(await codeOf(moveLiveSession(db, w.jurors[0], w.session.id, 'start', 0))).toBe('live_stale');
		const audit = await db.selectFrom('auditLog').select(['action']).where('objectType', '=', 'pitch_session').execute();
		expect(audit.map((a) => a.action)).toEqual(['live.start']);
	});

	it('the juror follows: the idea on stage and their own (empty) sheet; the chair sees who has scored', async () => {
		const page = await getLiveSession(db, w.jurors[1], w.session.id);
		expect(page.view.stage.current?.ideaId).toBe(w.ideas[0].id);
		expect(page.view.juror).toEqual({ recused: false, values: {}, submitted: false, version: 0 });
		expect(page.view.chair).toBeNull();
		const chair = await getLiveSession(db, w.organiser, w.session.id);
		expect(chair.view.chair).toMatchObject({ scored: 0, eligible: 3 });
		const tally = newTally();
		await countStatements(tally, () => getLiveSession(db, w.jurors[1], w.session.id));
		expect(tally.statements).toBe(1);
	});

	it('two tabs pressing Next at once move on once', async () => {
		const v = await version();
		const results = await Promise.all([1, 2].map(() => codeOf(moveLiveSession(db, w.organiser, w.session.id, 'next', v))));
		expect(results.sort()).toEqual(['live_stale', 'ok']);
		const state = (await loadLiveState(db, w.session.id))!;
		expect(state.session.currentSlotId).toBe(w.session.slots[1].id);
		// back to the first pitch for the rest of the tests
		await db.updateTable('pitchSession').set({ currentSlotId: w.session.slots[0].id }).where('id', '=', w.session.id).execute();
	});
});

describe('taps', () => {
	it('the same batch sent five times at once, with old and new taps interleaved: the latest value, each tap once', async () => {
		const juror = w.jurors[1];
		const [c1, c2] = w.round.criteria;
		const idea = w.ideas[0].id;
		// device order: c1 = 2 (seq 10), c1 = 4 (seq 30), c1 = 3 (seq 20, arrives late); c2 = 5 (seq 40)
		const first = { clientId: randomUUID(), deviceSeq: 10, ideaId: idea, criterionId: c1.id, value: 2 };
		const newest = { clientId: randomUUID(), deviceSeq: 30, ideaId: idea, criterionId: c1.id, value: 4 };
		const late = { clientId: randomUUID(), deviceSeq: 20, ideaId: idea, criterionId: c1.id, value: 3 };
		const other = { clientId: randomUUID(), deviceSeq: 40, ideaId: idea, criterionId: c2.id, value: 5 };
		const batches = [[first, newest, other], [late, first], [newest, late, other], [first, newest, late, other], [late]];
		const tallies = batches.map(() => newTally());
		await Promise.all(
			batches.map((taps, i) => countStatements(tallies[i], () => sendTaps(db, juror, w.session.id, { taps, submits: [] })))
		);
		for (const t of tallies) expect(t.statements).toBe(2);
		const stored = await db.selectFrom('liveTap').select(['clientId', 'value', 'applied']).where('jurorId', '=', juror.id).execute();
		expect(stored.map((s) => s.clientId).sort()).toEqual([first, newest, late, other].map((t) => t.clientId).sort());
		// whether the late tap was applied depends on the order the batches got the lock; the newest always wins
		expect(stored.find((s) => s.clientId === newest.clientId)!.applied).toBe(true);
		const sheet = await sheetOf(juror.id, idea);
		expect(sheet!.values).toBe(`${c1.id}=4,${c2.id}=5`);
		// a repeat says so and changes nothing
		const again = await sendTaps(db, juror, w.session.id, { taps: [newest, late], submits: [] });
		expect(again.taps.map((t) => t.outcome)).toEqual(['repeat', 'repeat']);
		expect(again.changed).toBe(false);
		expect((await sheetOf(juror.id, idea))!.version).toBe(sheet!.version);
	});

	it.runIf(!process.env.DATABASE_URL)('on the embedded database a batch is one statement, and a repeat still counts once', async () => {
		const juror = w.jurors[1];
		const t = tap(w.ideas[0].id, w.round.criteria[1].id, 5, 50);
		const tally = newTally();
		const r = await countStatements(tally, () => sendTaps(db, juror, w.session.id, { taps: [t], submits: [] }, { oneConnection: true }));
		expect(r.taps[0].outcome).toBe('applied');
		expect(tally.statements).toBe(1);
		expect(tally.control).toBe(0);
		const again = await Promise.all(
			[1, 2, 3].map(() => sendTaps(db, juror, w.session.id, { taps: [t], submits: [] }, { oneConnection: true }))
		);
		expect(again.map((a) => a.taps[0].outcome)).toEqual(['repeat', 'repeat', 'repeat']);
	});

	it('an old tap arriving after a newer one does not win, but is stored', async () => {
		const juror = w.jurors[1];
		const c1 = w.round.criteria[0];
		const r = await sendTaps(db, juror, w.session.id, { taps: [tap(w.ideas[0].id, c1.id, 1, 25)], submits: [] });
		expect(r.taps[0].outcome).toBe('superseded');
		expect((await sheetOf(juror.id, w.ideas[0].id))!.values).toMatch(new RegExp(`^${c1.id}=4,`));
	});

	it('submit needs every criterion, then sets the sheet submitted once; the chair sees it scored', async () => {
		const juror = w.jurors[1];
		const idea = w.ideas[0].id;
		const early = await sendTaps(db, juror, w.session.id, { taps: [], submits: [idea] });
		expect(early.submits[0]).toEqual({ ideaId: idea, submitted: false, reason: 'incomplete' });
		const rest = w.round.criteria.slice(2).map((c) => tap(idea, c.id, 3));
		const done = await sendTaps(db, juror, w.session.id, { taps: rest, submits: [idea] });
		expect(done.submits[0].submitted).toBe(true);
		const sheet = await sheetOf(juror.id, idea);
		expect(sheet!.submittedAt).not.toBeNull();
		const repeat = await sendTaps(db, juror, w.session.id, { taps: [], submits: [idea] });
		expect(repeat.submits[0].submitted).toBe(true);
		expect(new Date((await sheetOf(juror.id, idea))!.submittedAt!).getTime()).toBe(new Date(sheet!.submittedAt!).getTime());
		const chair = await getLiveSession(db, w.jurors[0], w.session.id);
		expect(chair.view.chair).toMatchObject({ scored: 1, eligible: 3, tally: null, tallyHiddenBecause: 'own_sheet' });
	});

	it('a recused juror sees "recused" and their taps are refused', async () => {
		const juror = w.jurors[2];
		await w.j.newConflict({ userId: juror.id, ideaId: w.ideas[0].id });
		const page = await getLiveSession(db, juror, w.session.id);
		expect(page.view.juror).toEqual({ recused: true });
		const r = await sendTaps(db, juror, w.session.id, { taps: [tap(w.ideas[0].id, w.round.criteria[0].id, 5)], submits: [w.ideas[0].id] });
		expect(r.taps[0]).toMatchObject({ outcome: 'refused', reason: 'conflicted' });
		expect(r.submits[0]).toMatchObject({ submitted: false, reason: 'conflicted' });
		expect(await sheetOf(juror.id, w.ideas[0].id)).toBeUndefined();
		const chair = await getLiveSession(db, w.organiser, w.session.id);
		expect(chair.view.chair!.eligible).toBe(2);
		expect(chair.view.chair!.jurors.find((j) => j.userId === juror.id)!.state).toBe('recused');
	});

	it('refuses a value off the scale, an idea of another session and a stranger', async () => {
		const juror = w.jurors[1];
		const r = await sendTaps(db, juror, w.session.id, {
			taps: [tap(w.ideas[0].id, w.round.criteria[0].id, 9), tap(999_999, w.round.criteria[0].id, 3)],
			submits: []
		});
		expect(r.taps.map((t) => t.reason)).toEqual(['outside_scale', 'not_in_session']);
		const stranger = await w.f.newUser({});
		expect(await codeOf(sendTaps(db, stranger, w.session.id, { taps: [tap(w.ideas[0].id, w.round.criteria[0].id, 3)], submits: [] }))).toBe(
			'not_found'
		);
	});

	it("the tally equals computeResults' score of the stored sheets", async () => {
		const chairJuror = w.jurors[0];
		const idea = w.ideas[0].id;
		const values = [5, 4, 2, 3, 4, 1];
		await sendTaps(db, chairJuror, w.session.id, {
			taps: w.round.criteria.map((c, i) => tap(idea, c.id, values[i % values.length])),
			submits: [idea]
		});
		const chair = await getLiveSession(db, chairJuror, w.session.id);
		const tally = chair.view.chair!.tally!;
		expect(tally.sheets).toBe(2);

		const criteria = await db.selectFrom('roundCriterion').selectAll().where('roundId', '=', w.round.id).execute();
		const sheets = await db
			.selectFrom('scoreSheet as h')
			.select((eb) => [
				'h.jurorId',
				'h.ideaId',
				'h.submittedAt',
				eb
					.selectFrom('score as s')
					.select(
						sql<
							{ criterionId: number; value: number }[]
						>`coalesce(json_agg(json_build_object('criterionId', s.criterion_id, 'value', s.value)), '[]')`.as('j')
					)
					.whereRef('s.sheetId', '=', 'h.id')
					.as('scores')
			])
			.where('h.roundId', '=', w.round.id)
			.execute();
		const conflicts = await db.selectFrom('conflictOfInterest').select(['userId as jurorId', 'ideaId']).execute();
		const results = computeResults({
			round: { kind: 'semi_final', advancementRule: 'top_n', advancementCount: 2, advancementThreshold: null, scoreBasis: 'raw' },
			criteria,
			juries: [{ id: w.jury.id, name: 'MT', departmentName: null, members: w.jurors.map((j) => ({ userId: j.id, name: j.name })) }],
			entries: w.ideas.map((i) => ({ ideaId: i.id, juryId: w.jury.id, title: '', submittedAt: null, firstSubmittedAt: null })),
			sheets: sheets.map((s) => ({ ...s, scores: s.scores ?? [] })),
			conflicts
		});
		const row = results.scopes[0].rows.find((r) => r.ideaId === idea)!;
		expect(row.jurors).toBe(2);
		expect(tally.mean).toBeCloseTo(row.score!, 9);
	});

	it('a closed round refuses taps and a start', async () => {
		await db.updateTable('round').set({ status: 'closed' }).where('id', '=', w.round.id).execute();
		try {
			const r = await sendTaps(db, w.jurors[1], w.session.id, { taps: [tap(w.ideas[0].id, w.round.criteria[0].id, 2)], submits: [] });
			expect(r.taps[0]).toMatchObject({ outcome: 'refused', reason: 'round_locked' });
			const owner = await w.f.newUser({ departmentId: w.bo.id });
			const idea = await w.f.newIdea({ owner, competitionId: w.cup.id, status: 'semi_final' });
			const other = await w.l.newSession({ roundId: w.round.id, juryId: w.jury.id, slots: [{ kind: 'pitch', ideaId: idea.id }] });
			expect(await codeOf(moveLiveSession(db, w.organiser, other.id, 'start', 0))).toBe('round_locked');
		} finally {
			await db.updateTable('round').set({ status: 'open' }).where('id', '=', w.round.id).execute();
		}
	});
});

describe('screens', () => {
	it('one statement per change feeds every screen, each with its own view', async () => {
		const hub = new LiveHub(() => db);
		const state = (await loadLiveState(db, w.session.id))!;
		const abort = new AbortController();
		const screens = [w.organiser, w.jurors[1], w.jurors[2]].map((actor) => {
			const viewer = { userId: actor.id, isOrganiser: actor.id === w.organiser.id };
			const reader = hub.stream(state, viewer, abort.signal).getReader();
			return { actor, reader, text: '' };
		});
		const readSome = async (s: (typeof screens)[number]) => {
			const { value } = await s.reader.read();
			s.text += new TextDecoder().decode(value);
		};
		for (const s of screens) {
			await readSome(s); // retry
			await readSome(s); // the first view
		}
		expect(screens[1].text).toContain('"recused":false');
		expect(screens[2].text).toContain('"recused":true');
		const loadsBefore = hub.loads;
		await moveLiveSession(db, w.organiser, w.session.id, 'questions', await version());
		await Promise.all(screens.map((s) => readSome(s)));
		expect(hub.loads - loadsBefore).toBe(1);
		for (const s of screens) expect(s.text).toContain('"phase":"questions"');
		// a juror's screen never carries another juror's values
		const jurorView = viewFor(state, { userId: w.jurors[1].id, isOrganiser: false })!;
		expect(JSON.stringify(jurorView)).not.toContain(`"jurorId":${w.jurors[0].id}`);
		abort.abort();
		hub.stop();
	});
});

describe.runIf(!!process.env.DATABASE_URL)('across instances (PostgreSQL)', () => {
	it('a NOTIFY from one pool reaches the listener of another connection', async () => {
		const name = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0].name;
		const url = withDatabase(process.env.DATABASE_URL!, name);
		const heard: number[] = [];
		const listener = listenForLiveChanges(url, (id) => heard.push(id));
		try {
			for (let i = 0; i < 100 && !listener.connected(); i++) await new Promise((r) => setTimeout(r, 20));
			expect(listener.connected()).toBe(true);
			await moveLiveSession(db, w.organiser, w.session.id, 'scoring', await version());
			for (let i = 0; i < 100 && !heard.length; i++) await new Promise((r) => setTimeout(r, 10));
			expect(heard).toEqual([w.session.id]);
		} finally {
			await listener.stop();
		}
	});
});
