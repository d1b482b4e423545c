/**
 * The schema's own guarantees, on the engine in use (PGlite without DATABASE_URL,
 * PostgreSQL with it). Each test builds its own rows with the shared factories, so they do
 * not depend on each other; the statement a constraint judges is written out in the test.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { migrateToLatest } from '$lib/server/db/migrate.js';
import { migrations } from '$lib/server/db/migrations.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';
import { kbFactories } from '../fixtures/kb-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let judging: ReturnType<typeof judgingFactories>;
let kb: ReturnType<typeof kbFactories>;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	judging = judgingFactories(db);
	kb = kbFactories(db);
});

afterAll(async () => {
	await testDb?.close();
});

/** A round of a new competition, without juries; `competitionId` comes back for its ideas. */
async function newRound(options: Omit<Parameters<typeof judging.newRound>[0], 'competitionId' | 'juries'> = {}) {
	const { id: competitionId } = await f.newCompetition();
	const round = await judging.newRound({ competitionId, juries: [], ...options });
	return { ...round, competitionId };
}

/** An idea of a new person (in a new department), outside any competition unless given one. */
async function newIdea(options: { status?: string; competitionId?: number } = {}) {
	return f.newIdea({ owner: await f.newUser(), competitionId: options.competitionId ?? null, status: options.status });
}

/** Expects the statement to be refused by the named constraint (SQLSTATE as given). */
async function expectRefused(statement: Promise<unknown>, constraint: string, code = '23514') {
	await expect(statement).rejects.toMatchObject({ code, constraint });
}

// ---------- the tests ----------

describe(`schema (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	it('applies every migration to a fresh database, and a second run applies nothing', async () => {
		expect(testDb.applied).toEqual(Object.keys(migrations).sort());
		expect(testDb.applied.length).toBeGreaterThan(0);
		const recorded = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
		expect(recorded.rows.map((r) => r.name)).toEqual(testDb.applied);
		expect(await migrateToLatest(db, migrations)).toEqual([]);
	});

	it('creates the lifecycle tables and the extensions search needs', async () => {
		const tables = await sql<{ tableName: string }>`
			SELECT table_name FROM information_schema.tables
			WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
		const names = tables.rows.map((r) => r.tableName);
		for (const table of [
			'department',
			'app_user',
			'competition',
			'round',
			'round_criterion',
			'jury',
			'idea',
			'mentor_assignment',
			'score_sheet',
			'score',
			'kb_entry',
			'adoption',
			'audit_log'
		]) {
			expect(names).toContain(table);
		}
		const extensions = await sql<{ extname: string }>`SELECT extname FROM pg_extension`.execute(db);
		expect(extensions.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
	});

	describe('department', () => {
		it('accepts an upper-case code', async () => {
			await expect(f.newDepartment('QA-7')).resolves.toMatchObject({ code: 'QA-7' });
		});

		it('refuses a code in lower case', async () => {
			await expectRefused(f.newDepartment('qa'), 'department_code_check');
		});

		it('refuses a duplicate code', async () => {
			await f.newDepartment('DUP');
			await expectRefused(f.newDepartment('DUP'), 'department_code_unique', '23505');
		});
	});

	describe('app_user', () => {
		it('refuses an e-mail address with upper-case letters', async () => {
			const { id: departmentId } = await f.newDepartment();
			await expectRefused(
				db.insertInto('appUser').values({ email: 'Ann@Example.com', name: 'Ann', departmentId }).execute(),
				'app_user_email_check'
			);
		});
	});

	describe('idea', () => {
		it('accepts a status from the list', async () => {
			await expect(newIdea({ status: 'submitted' })).resolves.toHaveProperty('id');
		});

		it('refuses a status outside the list', async () => {
			await expectRefused(newIdea({ status: 'approved' }), 'idea_status_check');
		});

		it('refuses a submitted idea without its first submission time', async () => {
			const author = await f.newUser();
			await expectRefused(
				db
					.insertInto('idea')
					.values({ title: 'Never submitted', departmentId: author.departmentId, createdBy: author.id, status: 'submitted' })
					.execute(),
				'idea_submitted_check'
			);
		});

		it('refuses status merged without the idea it was merged into', async () => {
			await expectRefused(newIdea({ status: 'merged' }), 'idea_merged_check');
		});

		it('fills the search document from title, problem and proposal', async () => {
			const { id } = await newIdea();
			await db.updateTable('idea').set({ problem: 'forklift waiting time' }).where('id', '=', id).execute();
			const found = await db
				.selectFrom('idea')
				.select('id')
				.where(sql<boolean>`search_doc @@ to_tsquery('simple', 'forklift')`)
				.execute();
			expect(found.map((r) => r.id)).toContain(id);
		});
	});

	describe('round', () => {
		it('accepts top_n with an advancement count', async () => {
			await expect(newRound({ advancementRule: 'top_n', advancementCount: 5 })).resolves.toHaveProperty('id');
		});

		it('refuses top_n without an advancement count', async () => {
			await expectRefused(newRound({ advancementRule: 'top_n', advancementCount: null }), 'round_rule_check');
		});

		it('refuses threshold without an advancement threshold', async () => {
			await expectRefused(
				newRound({ advancementRule: 'threshold', advancementCount: null, advancementThreshold: null }),
				'round_rule_check'
			);
		});

		it('keeps a tie-break order that names each rule once, and refuses one that repeats a rule', async () => {
			const { id } = await newRound({ advancementRule: 'top_n', advancementCount: 3 });
			const stored = await db.selectFrom('round').select('tieBreaks').where('id', '=', id).executeTakeFirstOrThrow();
			expect(stored.tieBreaks).toEqual(['roll_out', 'jurors', 'submitted_at']);
			await db
				.updateTable('round')
				.set({ tieBreaks: ['jurors', 'submitted_at', 'roll_out'] })
				.where('id', '=', id)
				.execute();
			await expectRefused(
				db
					.updateTable('round')
					.set({ tieBreaks: ['jurors', 'jurors', 'roll_out'] })
					.where('id', '=', id)
					.execute(),
				'round_tie_breaks_check'
			);
		});

		it('refuses two rounds at the same position of a competition', async () => {
			const { id: competitionId } = await f.newCompetition();
			const values = { competitionId, position: 1, name: 'Semi-final', kind: 'semi_final', scope: 'department', advancementCount: 3 };
			await db.insertInto('round').values(values).execute();
			await expectRefused(db.insertInto('round').values(values).execute(), 'round_competition_id_position_unique', '23505');
		});
	});

	describe('score', () => {
		async function sheetWithCriterion(scale = { scaleMin: 1, scaleMax: 5 }) {
			const { id: roundId, competitionId } = await newRound();
			const { id: criterionId } = await judging.newCriterion(roundId, scale);
			const juror = await f.newUser();
			const { id: ideaId } = await newIdea({ status: 'semi_final', competitionId });
			const { id: sheetId } = await judging.newScoreSheet({ roundId, ideaId, jurorId: juror.id });
			return { sheetId, criterionId };
		}

		it('accepts a score on the scale, its ends included', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ scaleMin: 0, scaleMax: 10 });
			await db.insertInto('score').values({ sheetId, criterionId, value: 0 }).execute();
			await db.updateTable('score').set({ value: 10 }).where('sheetId', '=', sheetId).execute();
			const row = await db.selectFrom('score').select('value').where('sheetId', '=', sheetId).executeTakeFirstOrThrow();
			expect(row.value).toBe(10);
		});

		it('refuses a score above its criterion scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ scaleMin: 1, scaleMax: 5 });
			await expectRefused(db.insertInto('score').values({ sheetId, criterionId, value: 6 }).execute(), 'score_value_check');
		});

		it('refuses a score below its criterion scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ scaleMin: 1, scaleMax: 5 });
			await expectRefused(db.insertInto('score').values({ sheetId, criterionId, value: 0 }).execute(), 'score_value_check');
		});

		it('refuses an update that moves a score off the scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ scaleMin: 1, scaleMax: 5 });
			await db.insertInto('score').values({ sheetId, criterionId, value: 3 }).execute();
			await expectRefused(db.updateTable('score').set({ value: 99 }).where('sheetId', '=', sheetId).execute(), 'score_value_check');
		});

		it('refuses a second score sheet by the same juror for the same idea and round', async () => {
			const { id: roundId, competitionId } = await newRound();
			const juror = await f.newUser();
			const { id: ideaId } = await newIdea({ status: 'semi_final', competitionId });
			await judging.newScoreSheet({ roundId, ideaId, jurorId: juror.id });
			await expectRefused(
				judging.newScoreSheet({ roundId, ideaId, jurorId: juror.id }),
				'score_sheet_round_id_idea_id_juror_id_unique',
				'23505'
			);
		});
	});

	describe('mentor_assignment', () => {
		it('refuses a second active assignment for the same idea (partial unique index)', async () => {
			const { id: ideaId } = await newIdea({ status: 'accepted' });
			const first = await f.newUser();
			const second = await f.newUser();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: first.id, status: 'accepted' }).execute();
			await expectRefused(
				db.insertInto('mentorAssignment').values({ ideaId, mentorId: second.id, status: 'proposed' }).execute(),
				'mentor_assignment_active_unique',
				'23505'
			);
		});

		it('accepts a new proposal once the earlier assignment was declined or ended', async () => {
			const { id: ideaId } = await newIdea({ status: 'accepted' });
			const first = await f.newUser();
			const second = await f.newUser();
			const third = await f.newUser();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: first.id, status: 'declined' }).execute();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: second.id, status: 'ended' }).execute();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: third.id, status: 'proposed' }).execute();
			const rows = await db.selectFrom('mentorAssignment').select('status').where('ideaId', '=', ideaId).execute();
			expect(rows).toHaveLength(3);
		});
	});

	describe('adoption', () => {
		async function adoption(status: string, reason: string | null) {
			const { id: kbEntryId } = await kb.newEntry({ departmentId: (await f.newDepartment()).id });
			const adopter = await f.newUser();
			return db
				.insertInto('adoption')
				.values({ kbEntryId, departmentId: adopter.departmentId, status, reason, createdBy: adopter.id })
				.returning('id')
				.executeTakeFirstOrThrow();
		}

		it('accepts not_suitable with a reason', async () => {
			await expect(adoption('not_suitable', 'Our line has no conveyor')).resolves.toHaveProperty('id');
		});

		it('refuses not_suitable with an empty reason', async () => {
			await expectRefused(adoption('not_suitable', ''), 'adoption_reason_check');
		});

		it('refuses not_suitable without a reason (NULL)', async () => {
			await expectRefused(adoption('not_suitable', null), 'adoption_reason_check');
		});

		it('accepts considering without a reason', async () => {
			await expect(adoption('considering', null)).resolves.toHaveProperty('id');
		});
	});

	describe('conflict_of_interest', () => {
		async function conflict(source: string, reason: string | null) {
			const juror = await f.newUser();
			const { id: ideaId } = await newIdea({ status: 'semi_final' });
			return db
				.insertInto('conflictOfInterest')
				.values({ userId: juror.id, ideaId, source, reason })
				.returning('id')
				.executeTakeFirstOrThrow();
		}

		it('accepts an automatic conflict (team) without a reason', async () => {
			await expect(conflict('team', null)).resolves.toHaveProperty('id');
		});

		it('refuses a declared conflict without a reason (NULL)', async () => {
			await expectRefused(conflict('declared', null), 'conflict_of_interest_reason_check');
		});
	});

	describe('jury', () => {
		it('accepts one jury per department of a round', async () => {
			const { id: roundId } = await newRound();
			const a = await f.newDepartment();
			const b = await f.newDepartment();
			await judging.newJury(roundId, a.id);
			await expect(judging.newJury(roundId, b.id)).resolves.toHaveProperty('id');
		});

		it('refuses a second jury for the same round and department', async () => {
			const { id: roundId } = await newRound();
			const { id: departmentId } = await f.newDepartment();
			await judging.newJury(roundId, departmentId);
			await expectRefused(judging.newJury(roundId, departmentId), 'jury_round_id_department_id_unique', '23505');
		});

		it('refuses a second competition-wide jury (NULL department) for the same round', async () => {
			const { id: roundId } = await newRound();
			await judging.newJury(roundId, null);
			await expectRefused(judging.newJury(roundId, null), 'jury_round_id_department_id_unique', '23505');
		});
	});
});
