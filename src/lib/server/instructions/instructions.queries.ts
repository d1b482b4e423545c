import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';

/** Departments that run an entry: their adoption is being piloted or adopted. */
export const RUNNING_STATUSES = ['piloting', 'adopted'] as const;

type Wi = ExpressionBuilder<DB & { wi: DB['workInstruction'] } & { k: DB['kbEntry'] }, 'wi' | 'k'>;

/** Which version a page shows: the draft, an approved one by number, or the current one (null). */
export type VersionChoice = { draft: true } | { draft: false; version: number | null };

/** The policy's facts about the instruction and this person, as columns of a query over wi + k. */
function factColumns(eb: Wi, actorId: number) {
	return [
		'wi.id',
		'wi.kbEntryId',
		'wi.code',
		'wi.title',
		'wi.language',
		'wi.ownerId',
		'wi.currentVersion',
		'k.status as entryStatus',
		'k.title as entryTitle',
		eb
			.exists(eb.selectFrom('ideaMember as m').select('m.userId').whereRef('m.ideaId', '=', 'k.ideaId').where('m.userId', '=', actorId))
			.as('isEntryTeam'),
		eb
			.exists(
				eb
					.selectFrom('instructionReport as r')
					.select('r.id')
					.whereRef('r.instructionId', '=', 'wi.id')
					.where('r.handlerId', '=', actorId)
					.where('r.status', '=', 'passed_on')
			)
			.as('isHandler'),
		jsonObjectFrom(
			eb
				.selectFrom('instructionVersion as dv')
				.select((e) => [
					'dv.id',
					'dv.version',
					'dv.changeNote',
					e
						.selectFrom('instructionStep as ds')
						.select(sql<number>`count(*)::int`.as('n'))
						.whereRef('ds.versionId', '=', 'dv.id')
						.as('stepCount')
				])
				.whereRef('dv.instructionId', '=', 'wi.id')
				.where('dv.status', '=', 'draft')
		).as('draft')
	] as const;
}

/** The instruction with the facts the policy needs about this person, and its draft if any: one statement. */
export function findInstructionFacts(db: Db, instructionId: number, actorId: number) {
	return db
		.selectFrom('workInstruction as wi')
		.innerJoin('kbEntry as k', 'k.id', 'wi.kbEntryId')
		.select((eb) => factColumns(eb, actorId))
		.where('wi.id', '=', instructionId)
		.executeTakeFirst();
}

/**
 * Everything an instruction's page shows, in one statement: the instruction and the facts
 * about the reader, the chosen version with its steps (each with its photo or clip, the
 * clip's captions and poster), every version (for the list), and each department that runs
 * the entry with the version it confirmed.
 */
export function findInstructionPage(db: Db, instructionId: number, actorId: number, choice: VersionChoice) {
	return db
		.selectFrom('workInstruction as wi')
		.innerJoin('kbEntry as k', 'k.id', 'wi.kbEntryId')
		.innerJoin('appUser as o', 'o.id', 'wi.ownerId')
		.select((eb) => [
			...factColumns(eb, actorId),
			'o.name as ownerName',
			jsonObjectFrom(
				eb
					.selectFrom('instructionVersion as v')
					.leftJoin('appUser as ab', 'ab.id', 'v.approvedBy')
					.select((e) => [
						'v.id',
						'v.version',
						'v.status',
						'v.changeNote',
						'v.approvedAt',
						'ab.name as approvedByName',
						jsonArrayFrom(
							e
								.selectFrom('instructionStep as s')
								.leftJoin('attachment as a', 'a.id', 's.mediaId')
								.select((se) => [
									's.id',
									's.position',
									's.body',
									's.tools',
									's.safety',
									jsonObjectFrom(
										se
											.selectFrom('attachment as ma')
											.select((me) => [
												'ma.id',
												'ma.kind',
												'ma.fileName',
												'ma.mediaType',
												'ma.sizeBytes',
												jsonArrayFrom(
													me
														.selectFrom('attachment as c')
														.select(['c.id', 'c.lang'])
														.whereRef('c.parentId', '=', 'ma.id')
														.where('c.kind', '=', 'captions')
														.orderBy('c.lang')
												).as('captions'),
												me
													.selectFrom('attachment as p')
													.select('p.id')
													.whereRef('p.parentId', '=', 'ma.id')
													.where('p.kind', '=', 'photo')
													.limit(1)
													.as('posterId')
											])
											.whereRef('ma.id', '=', 'a.id')
									).as('media')
								])
								.whereRef('s.versionId', '=', 'v.id')
								.orderBy('s.position')
						).as('steps')
					])
					.whereRef('v.instructionId', '=', 'wi.id')
					.$call((qb) =>
						choice.draft
							? qb.where('v.status', '=', 'draft')
							: qb
									.where('v.status', '=', 'approved')
									.where(
										choice.version === null ? sql<boolean>`v.version = wi.current_version` : sql<boolean>`v.version = ${choice.version}`
									)
					)
			).as('shown'),
			jsonArrayFrom(
				eb
					.selectFrom('instructionVersion as lv')
					.leftJoin('appUser as lb', 'lb.id', 'lv.approvedBy')
					.select(['lv.version', 'lv.status', 'lv.changeNote', 'lv.approvedAt', 'lb.name as approvedByName'])
					.whereRef('lv.instructionId', '=', 'wi.id')
					.orderBy('lv.version', 'desc')
			).as('versions'),
			jsonArrayFrom(
				eb
					.selectFrom('adoption as ad')
					.innerJoin('department as d', 'd.id', 'ad.departmentId')
					.leftJoin('instructionDepartment as idp', (join) =>
						join.onRef('idp.departmentId', '=', 'ad.departmentId').onRef('idp.instructionId', '=', 'wi.id')
					)
					.leftJoin('appUser as cb', 'cb.id', 'idp.confirmedBy')
					.select([
						'd.id as departmentId',
						'd.name as departmentName',
						'ad.status as adoptionStatus',
						'idp.version',
						'idp.confirmedAt',
						'cb.name as confirmedByName'
					])
					.whereRef('ad.kbEntryId', '=', 'wi.kbEntryId')
					.where('ad.status', 'in', RUNNING_STATUSES)
					.orderBy('d.name')
			).as('departments')
		])
		.where('wi.id', '=', instructionId)
		.executeTakeFirst();
}

/** A new instruction with its draft version 1, when the owner is an active person: one statement (nothing when not). */
export async function insertInstruction(
	db: Db,
	row: { kbEntryId: number; code: string; title: string; language: string; ownerId: number; createdBy: number }
) {
	const { rows } = await sql<{ id: number }>`
		WITH wi AS (
			INSERT INTO work_instruction (kb_entry_id, code, title, language, owner_id, created_by)
			SELECT ${row.kbEntryId}::int, ${row.code}, ${row.title}, ${row.language}, u.id, ${row.createdBy}::int
			FROM app_user u WHERE u.id = ${row.ownerId}::int AND u.disabled_at IS NULL
			RETURNING id
		), v AS (
			INSERT INTO instruction_version (instruction_id, version, created_by)
			SELECT id, 1, ${row.createdBy}::int FROM wi
			RETURNING instruction_id
		)
		SELECT instruction_id AS id FROM v`.execute(db);
	return rows[0] ?? null;
}

/**
 * An instruction's code, title, language and owner changed in one statement: the owner must be
 * an active person (a disabled one is no owner), else nothing changes. Returns the owner before
 * and after, for the audit; null when the new owner is not an active person.
 */
export async function updateInstructionDetails(
	db: Db,
	instructionId: number,
	row: { code: string; title: string; language: string; ownerId: number }
) {
	const { rows } = await sql<{ previousOwnerId: number; ownerId: number }>`
		WITH before AS (SELECT owner_id FROM work_instruction WHERE id = ${instructionId}::int)
		UPDATE work_instruction wi
		SET code = ${row.code}, title = ${row.title}, language = ${row.language}, owner_id = u.id, updated_at = now()
		FROM app_user u, before b
		WHERE wi.id = ${instructionId}::int AND u.id = ${row.ownerId}::int AND u.disabled_at IS NULL
		RETURNING b.owner_id AS "previousOwnerId", wi.owner_id AS "ownerId"`.execute(db);
	return rows[0] ?? null;
}

/** The owner's name, for the settings form (with the facts, one statement). */
export function findInstructionSettings(db: Db, instructionId: number, actorId: number) {
	return db
		.selectFrom('workInstruction as wi')
		.innerJoin('kbEntry as k', 'k.id', 'wi.kbEntryId')
		.innerJoin('appUser as o', 'o.id', 'wi.ownerId')
		.select((eb) => [...factColumns(eb, actorId), 'o.name as ownerName'])
		.where('wi.id', '=', instructionId)
		.executeTakeFirst();
}

/**
 * The next version as a draft, with the current version's steps copied (their media shared,
 * not copied): one statement. Nothing when a draft already exists (the partial unique index
 * decides, so two tabs cannot both start one).
 */
export async function insertDraftFromCurrent(db: Db, instructionId: number, createdBy: number) {
	const { rows } = await sql<{ version: number }>`
		WITH v AS (
			INSERT INTO instruction_version (instruction_id, version, created_by)
			SELECT wi.id, coalesce(wi.current_version, 0) + 1, ${createdBy}::int
			FROM work_instruction wi WHERE wi.id = ${instructionId}::int
			ON CONFLICT DO NOTHING
			RETURNING id, instruction_id, version
		), copied AS (
			INSERT INTO instruction_step (version_id, position, body, tools, safety, media_id)
			SELECT v.id, s.position, s.body, s.tools, s.safety, s.media_id
			FROM v
			JOIN instruction_version cv ON cv.instruction_id = v.instruction_id AND cv.version = v.version - 1 AND cv.status = 'approved'
			JOIN instruction_step s ON s.version_id = cv.id
			RETURNING 1
		)
		SELECT version FROM v`.execute(db);
	return rows[0] ?? null;
}

/**
 * A step at the end of the draft, at the position the form expected: nothing when that place
 * is taken (a repeated post). A concurrent twin that slips past the check meets the unique
 * position and is answered nothing too.
 */
export async function insertStep(db: Db, draftId: number, step: { position: number; body: string; tools: string; safety: string }) {
	try {
		const { rows } = await sql<{ id: number }>`
			INSERT INTO instruction_step (version_id, position, body, tools, safety)
			SELECT ${draftId}::int, ${step.position}::int, ${step.body}, ${step.tools}, ${step.safety}
			WHERE NOT EXISTS (SELECT 1 FROM instruction_step s WHERE s.version_id = ${draftId}::int AND s.position = ${step.position}::int)
			RETURNING id`.execute(db);
		return rows[0] ?? null;
	} catch (e) {
		if ((e as { code?: string }).code === '23505') return null;
		throw e;
	}
}

/** A draft's step's text, tools and safety notes (and its media dropped when asked). */
export function updateStep(
	db: Db,
	draftId: number,
	stepId: number,
	step: { body: string; tools: string; safety: string; removeMedia: boolean }
) {
	return db
		.updateTable('instructionStep')
		.set({ body: step.body, tools: step.tools, safety: step.safety, ...(step.removeMedia ? { mediaId: null } : {}) })
		.where('id', '=', stepId)
		.where('versionId', '=', draftId)
		.returning('id')
		.executeTakeFirst();
}

/** The photo or clip of a draft's step. */
export function setStepMedia(db: Db, draftId: number, stepId: number, mediaId: number) {
	return db
		.updateTable('instructionStep')
		.set({ mediaId })
		.where('id', '=', stepId)
		.where('versionId', '=', draftId)
		.returning('id')
		.executeTakeFirst();
}

/** Removes a draft's step and closes the gap: one statement; 0 when it was already gone. */
export async function deleteStep(db: Db, draftId: number, stepId: number): Promise<number> {
	const { rows } = await sql<{ n: number }>`
		WITH d AS (
			DELETE FROM instruction_step WHERE id = ${stepId}::int AND version_id = ${draftId}::int
			RETURNING version_id, position
		), shifted AS (
			UPDATE instruction_step t SET position = t.position - 1
			FROM d WHERE t.version_id = d.version_id AND t.position > d.position
			RETURNING 1
		)
		SELECT count(*)::int AS n FROM d`.execute(db);
	return rows[0]?.n ?? 0;
}

/**
 * Swaps a draft's step with its neighbour above or below, if the step is still where the form
 * saw it: one statement (the position's uniqueness is checked at its end); 0 when nothing moved.
 */
export async function swapStep(db: Db, draftId: number, stepId: number, position: number, direction: 'up' | 'down'): Promise<number> {
	const other = direction === 'up' ? position - 1 : position + 1;
	const { rows } = await sql<{ n: number }>`
		WITH pair AS (
			SELECT s.id AS step_id, s.position AS step_pos, n.id AS other_id, n.position AS other_pos
			FROM instruction_step s
			JOIN instruction_step n ON n.version_id = s.version_id AND n.position = ${other}::int
			WHERE s.id = ${stepId}::int AND s.version_id = ${draftId}::int AND s.position = ${position}::int
		), moved AS (
			UPDATE instruction_step t
			SET position = CASE WHEN t.id = pair.step_id THEN pair.other_pos ELSE pair.step_pos END
			FROM pair WHERE t.id IN (pair.step_id, pair.other_id)
			RETURNING 1
		)
		SELECT count(*)::int AS n FROM moved`.execute(db);
	return rows[0]?.n ?? 0;
}

export function updateChangeNote(db: Db, draftId: number, changeNote: string) {
	return db
		.updateTable('instructionVersion')
		.set({ changeNote })
		.where('id', '=', draftId)
		.where('status', '=', 'draft')
		.returning('id')
		.executeTakeFirst();
}

export function deleteDraft(db: Db, instructionId: number, version: number) {
	return db
		.deleteFrom('instructionVersion')
		.where('instructionId', '=', instructionId)
		.where('version', '=', version)
		.where('status', '=', 'draft')
		.returning('id')
		.executeTakeFirst();
}

/**
 * The draft the owner saw becomes the approved, current version: one statement, and only
 * once (a second or concurrent post finds no draft of that number). Only a draft with steps,
 * and from version 2 on with what changed, is approved.
 */
export async function approveDraft(db: Db, instructionId: number, version: number, approverId: number, changeNote: string | null) {
	const { rows } = await sql<{ version: number; changeNote: string; title: string; kbEntryId: number }>`
		WITH v AS (
			UPDATE instruction_version iv SET status = 'approved', approved_by = ${approverId}::int, approved_at = now(),
				change_note = coalesce(${changeNote}::text, iv.change_note)
			WHERE iv.instruction_id = ${instructionId}::int AND iv.version = ${version}::int AND iv.status = 'draft'
				AND (iv.version = 1 OR length(btrim(coalesce(${changeNote}::text, iv.change_note))) > 0)
				AND EXISTS (SELECT 1 FROM instruction_step s WHERE s.version_id = iv.id)
			RETURNING iv.version, iv.change_note
		), wi AS (
			UPDATE work_instruction w SET current_version = v.version, updated_at = now()
			FROM v WHERE w.id = ${instructionId}::int
			RETURNING w.title, w.kb_entry_id
		)
		SELECT v.version, v.change_note AS "changeNote", wi.title, wi.kb_entry_id AS "kbEntryId" FROM v, wi`.execute(db);
	return rows[0] ?? null;
}

/**
 * The people of the departments that run the entry (adoption piloting or adopted), as
 * (user_id, params, link) for notifications: each adoption's owner and recorder, the
 * department's management team, and whoever confirmed a version of this instruction for it;
 * never `except`. Found by the statement that writes the notifications.
 */
export function adoptingPeople(instructionId: number, kbEntryId: number, except: number, params: Record<string, unknown>, link: string) {
	return sql`
		SELECT DISTINCT r.user_id, ${JSON.stringify(params)}::jsonb AS params, ${link}::text AS link
		FROM adoption a
		CROSS JOIN LATERAL (
			SELECT a.owner_id AS user_id
			UNION ALL SELECT a.created_by
			UNION ALL SELECT mt.user_id FROM department_mt_member mt WHERE mt.department_id = a.department_id
			UNION ALL SELECT idp.confirmed_by FROM instruction_department idp
				WHERE idp.instruction_id = ${instructionId}::int AND idp.department_id = a.department_id
		) r
		WHERE a.kb_entry_id = ${kbEntryId}::int AND a.status IN ('piloting', 'adopted')
			AND r.user_id IS NOT NULL AND r.user_id <> ${except}::int`;
}

/**
 * "We work to version N now" for a department that runs the entry, N an approved version:
 * one statement; nothing when the department does not run it or N is no approved version.
 */
export async function upsertDepartmentVersion(
	db: Db,
	row: { instructionId: number; departmentId: number; version: number; confirmedBy: number }
) {
	const { rows } = await sql<{ version: number }>`
		INSERT INTO instruction_department (instruction_id, department_id, version, confirmed_by, confirmed_at)
		SELECT wi.id, ${row.departmentId}::int, ${row.version}::int, ${row.confirmedBy}::int, now()
		FROM work_instruction wi
		WHERE wi.id = ${row.instructionId}::int
			AND EXISTS (SELECT 1 FROM instruction_version v WHERE v.instruction_id = wi.id AND v.version = ${row.version}::int AND v.status = 'approved')
			AND EXISTS (SELECT 1 FROM adoption a WHERE a.kb_entry_id = wi.kb_entry_id AND a.department_id = ${row.departmentId}::int
				AND a.status IN ('piloting', 'adopted'))
		ON CONFLICT (instruction_id, department_id)
		DO UPDATE SET version = excluded.version, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
		RETURNING version`.execute(db);
	return rows[0] ?? null;
}

/**
 * An entry's instructions as a column of the entry's own query (kb.queries findEntry): each
 * with its current version and what changed in it, and the version the reader's department
 * confirmed, if it runs the entry.
 */
export function instructionsOfEntry(eb: ExpressionBuilder<DB & { k: DB['kbEntry'] }, 'k'>, departmentId: number | null) {
	return jsonArrayFrom(
		eb
			.selectFrom('workInstruction as wi')
			.leftJoin('instructionVersion as cv', (join) =>
				join.onRef('cv.instructionId', '=', 'wi.id').onRef('cv.version', '=', 'wi.currentVersion')
			)
			.leftJoin('instructionDepartment as mine', (join) =>
				join.onRef('mine.instructionId', '=', 'wi.id').on('mine.departmentId', '=', departmentId ?? -1)
			)
			.select((e) => [
				'wi.id',
				'wi.code',
				'wi.title',
				'wi.currentVersion',
				'cv.changeNote as currentChange',
				'cv.approvedAt as currentApprovedAt',
				'mine.version as myDepartmentVersion',
				e
					.exists(
						e
							.selectFrom('adoption as ma')
							.select('ma.id')
							.whereRef('ma.kbEntryId', '=', 'wi.kbEntryId')
							.where('ma.departmentId', '=', departmentId ?? -1)
							.where('ma.status', 'in', RUNNING_STATUSES)
					)
					.as('myDepartmentRuns')
			])
			.whereRef('wi.kbEntryId', '=', 'k.id')
			.orderBy('wi.code')
			.orderBy('wi.id')
	);
}
