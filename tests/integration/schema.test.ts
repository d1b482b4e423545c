/**
 * The schema's own guarantees, on the engine in use (PGlite without DATABASE_URL,
 * PostgreSQL with it). Each test inserts its own rows, so they do not depend on each other.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { migrateToLatest } from '$lib/server/db/migrate.js';
import { migrations } from '$lib/server/db/migrations.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

// ---------- small inline factories ----------

let counter = 0;
const next = () => ++counter;

async function department(overrides: { code?: string; name?: string } = {}) {
	const n = next();
	return db
		.insertInto('department')
		.values({ code: overrides.code ?? `D${n}`, name: overrides.name ?? `Department ${n}` })
		.returning(['id', 'code'])
		.executeTakeFirstOrThrow();
}

async function user(departmentId?: number) {
	const n = next();
	const departmentIdOrNew = departmentId ?? (await department()).id;
	return db
		.insertInto('appUser')
		.values({ email: `user${n}@example.com`, name: `User ${n}`, departmentId: departmentIdOrNew })
		.returning(['id', 'departmentId'])
		.executeTakeFirstOrThrow();
}

async function competition() {
	const n = next();
	return db
		.insertInto('competition')
		.values({
			slug: `cup-${n}`,
			name: `Cup ${n}`,
			submissionOpensAt: new Date('2030-01-01T00:00:00Z'),
			submissionClosesAt: new Date('2030-03-01T00:00:00Z')
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

type RoundValues = {
	competitionId?: number;
	advancementRule?: string;
	advancementCount?: number | null;
	advancementThreshold?: number | null;
};

async function round(values: RoundValues = {}) {
	const competitionId = values.competitionId ?? (await competition()).id;
	const n = next();
	return db
		.insertInto('round')
		.values({
			competitionId,
			position: n,
			name: `Round ${n}`,
			kind: 'semi_final',
			scope: 'department',
			advancementRule: values.advancementRule ?? 'top_n',
			advancementCount: values.advancementCount === undefined ? 3 : values.advancementCount,
			advancementThreshold: values.advancementThreshold ?? null
		})
		.returning(['id', 'competitionId'])
		.executeTakeFirstOrThrow();
}

async function criterion(roundId: number, scale: { min: number; max: number } = { min: 1, max: 5 }) {
	const n = next();
	return db
		.insertInto('roundCriterion')
		.values({ roundId, position: n, code: `c${n}`, name: `Criterion ${n}`, weight: 1, scaleMin: scale.min, scaleMax: scale.max })
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function jury(roundId: number, departmentId: number | null) {
	return db
		.insertInto('jury')
		.values({ roundId, departmentId, name: `Jury ${next()}` })
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function idea(values: { status?: string; createdBy?: number; competitionId?: number | null } = {}) {
	const author = values.createdBy ? { id: values.createdBy } : await user();
	const { departmentId } = await db.selectFrom('appUser').select('departmentId').where('id', '=', author.id).executeTakeFirstOrThrow();
	const status = values.status ?? 'draft';
	return db
		.insertInto('idea')
		.values({
			title: `Idea ${next()}`,
			departmentId,
			createdBy: author.id,
			competitionId: values.competitionId ?? null,
			status,
			firstSubmittedAt: status === 'draft' ? null : new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function scoreSheet(roundId: number, ideaId: number, jurorId: number) {
	return db.insertInto('scoreSheet').values({ roundId, ideaId, jurorId }).returning('id').executeTakeFirstOrThrow();
}

async function kbEntry() {
	const { id: departmentId } = await department();
	return db
		.insertInto('kbEntry')
		.values({ title: `Entry ${next()}`, departmentId })
		.returning('id')
		.executeTakeFirstOrThrow();
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
			await expect(department({ code: 'QA-7' })).resolves.toMatchObject({ code: 'QA-7' });
		});

		it('refuses a code in lower case', async () => {
			await expectRefused(department({ code: 'qa' }), 'department_code_check');
		});

		it('refuses a duplicate code', async () => {
			await department({ code: 'DUP' });
			await expectRefused(department({ code: 'DUP' }), 'department_code_unique', '23505');
		});
	});

	describe('app_user', () => {
		it('refuses an e-mail address with upper-case letters', async () => {
			const { id: departmentId } = await department();
			await expectRefused(
				db.insertInto('appUser').values({ email: 'Ann@Example.com', name: 'Ann', departmentId }).execute(),
				'app_user_email_check'
			);
		});
	});

	describe('idea', () => {
		it('accepts a status from the list', async () => {
			await expect(idea({ status: 'submitted' })).resolves.toHaveProperty('id');
		});

		it('refuses a status outside the list', async () => {
			await expectRefused(idea({ status: 'approved' }), 'idea_status_check');
		});

		it('refuses a submitted idea without its first submission time', async () => {
			const author = await user();
			await expectRefused(
				db
					.insertInto('idea')
					.values({ title: 'Never submitted', departmentId: author.departmentId, createdBy: author.id, status: 'submitted' })
					.execute(),
				'idea_submitted_check'
			);
		});

		it('refuses status merged without the idea it was merged into', async () => {
			await expectRefused(idea({ status: 'merged' }), 'idea_merged_check');
		});

		it('fills the search document from title, problem and proposal', async () => {
			const { id } = await idea();
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
			await expect(round({ advancementRule: 'top_n', advancementCount: 5 })).resolves.toHaveProperty('id');
		});

		it('refuses top_n without an advancement count', async () => {
			await expectRefused(round({ advancementRule: 'top_n', advancementCount: null }), 'round_rule_check');
		});

		it('refuses threshold without an advancement threshold', async () => {
			await expectRefused(round({ advancementRule: 'threshold', advancementCount: null, advancementThreshold: null }), 'round_rule_check');
		});

		it('keeps a tie-break order that names each rule once, and refuses one that repeats a rule', async () => {
			const { id } = await round({ advancementRule: 'top_n', advancementCount: 3 });
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
			const { id: competitionId } = await competition();
			const values = { competitionId, position: 1, name: 'Semi-final', kind: 'semi_final', scope: 'department', advancementCount: 3 };
			await db.insertInto('round').values(values).execute();
			await expectRefused(db.insertInto('round').values(values).execute(), 'round_competition_id_position_unique', '23505');
		});
	});

	describe('score', () => {
		async function sheetWithCriterion(scale = { min: 1, max: 5 }) {
			const { id: roundId, competitionId } = await round();
			const { id: criterionId } = await criterion(roundId, scale);
			const juror = await user();
			const { id: ideaId } = await idea({ status: 'semi_final', competitionId });
			const { id: sheetId } = await scoreSheet(roundId, ideaId, juror.id);
			return { sheetId, criterionId };
		}

		it('accepts a score on the scale, its ends included', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ min: 0, max: 10 });
			await db.insertInto('score').values({ sheetId, criterionId, value: 0 }).execute();
			await db.updateTable('score').set({ value: 10 }).where('sheetId', '=', sheetId).execute();
			const row = await db.selectFrom('score').select('value').where('sheetId', '=', sheetId).executeTakeFirstOrThrow();
			expect(row.value).toBe(10);
		});

		it('refuses a score above its criterion scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ min: 1, max: 5 });
			await expectRefused(db.insertInto('score').values({ sheetId, criterionId, value: 6 }).execute(), 'score_value_check');
		});

		it('refuses a score below its criterion scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ min: 1, max: 5 });
			await expectRefused(db.insertInto('score').values({ sheetId, criterionId, value: 0 }).execute(), 'score_value_check');
		});

		it('refuses an update that moves a score off the scale (trigger)', async () => {
			const { sheetId, criterionId } = await sheetWithCriterion({ min: 1, max: 5 });
			await db.insertInto('score').values({ sheetId, criterionId, value: 3 }).execute();
			await expectRefused(db.updateTable('score').set({ value: 99 }).where('sheetId', '=', sheetId).execute(), 'score_value_check');
		});

		it('refuses a second score sheet by the same juror for the same idea and round', async () => {
			const { id: roundId, competitionId } = await round();
			const juror = await user();
			const { id: ideaId } = await idea({ status: 'semi_final', competitionId });
			await scoreSheet(roundId, ideaId, juror.id);
			await expectRefused(scoreSheet(roundId, ideaId, juror.id), 'score_sheet_round_id_idea_id_juror_id_unique', '23505');
		});
	});

	describe('mentor_assignment', () => {
		it('refuses a second active assignment for the same idea (partial unique index)', async () => {
			const { id: ideaId } = await idea({ status: 'accepted' });
			const first = await user();
			const second = await user();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: first.id, status: 'accepted' }).execute();
			await expectRefused(
				db.insertInto('mentorAssignment').values({ ideaId, mentorId: second.id, status: 'proposed' }).execute(),
				'mentor_assignment_active_unique',
				'23505'
			);
		});

		it('accepts a new proposal once the earlier assignment was declined or ended', async () => {
			const { id: ideaId } = await idea({ status: 'accepted' });
			const first = await user();
			const second = await user();
			const third = await user();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: first.id, status: 'declined' }).execute();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: second.id, status: 'ended' }).execute();
			await db.insertInto('mentorAssignment').values({ ideaId, mentorId: third.id, status: 'proposed' }).execute();
			const rows = await db.selectFrom('mentorAssignment').select('status').where('ideaId', '=', ideaId).execute();
			expect(rows).toHaveLength(3);
		});
	});

	describe('adoption', () => {
		async function adoption(status: string, reason: string | null) {
			const { id: kbEntryId } = await kbEntry();
			const adopter = await user();
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
			const juror = await user();
			const { id: ideaId } = await idea({ status: 'semi_final' });
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
			const { id: roundId } = await round();
			const a = await department();
			const b = await department();
			await jury(roundId, a.id);
			await expect(jury(roundId, b.id)).resolves.toHaveProperty('id');
		});

		it('refuses a second jury for the same round and department', async () => {
			const { id: roundId } = await round();
			const { id: departmentId } = await department();
			await jury(roundId, departmentId);
			await expectRefused(jury(roundId, departmentId), 'jury_round_id_department_id_unique', '23505');
		});

		it('refuses a second competition-wide jury (NULL department) for the same round', async () => {
			const { id: roundId } = await round();
			await jury(roundId, null);
			await expectRefused(jury(roundId, null), 'jury_round_id_department_id_unique', '23505');
		});
	});
});
