/**
 * Reports from the floor on a step of a work instruction: their own statements. Each read
 * is one statement (a page's report with its step, photo, history and the versions that may
 * close it), each change one statement with its history event and audit line.
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { ReportKind } from './reports.schema.js';
import { openCalls } from '../ideas/calls.queries.js';

/**
 * A step as the report form needs it: its instruction (owner, current version, the entry's
 * status and whether the actor is on the entry's team), the version the step belongs to, and
 * the step of the same position in the current version (for an old step's message). One statement.
 */
export function findStepForReport(db: Db, instructionId: number, stepId: number, actorId: number) {
	return db
		.selectFrom('instructionStep as s')
		.innerJoin('instructionVersion as v', 'v.id', 's.versionId')
		.innerJoin('workInstruction as wi', 'wi.id', 'v.instructionId')
		.innerJoin('kbEntry as e', 'e.id', 'wi.kbEntryId')
		.select((eb) => [
			'wi.id as instructionId',
			'wi.title',
			'wi.code',
			'wi.ownerId',
			'wi.currentVersion',
			'e.status as entryStatus',
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'e.ideaId').where('m.userId', '=', actorId).select('m.userId'))
				.as('isEntryTeam'),
			'v.version',
			'v.status as versionStatus',
			's.id as stepId',
			's.position',
			's.body',
			's.tools',
			's.safety',
			eb
				.selectFrom('instructionVersion as cv')
				.innerJoin('instructionStep as cs', 'cs.versionId', 'cv.id')
				.whereRef('cv.instructionId', '=', 'wi.id')
				.whereRef('cv.version', '=', 'wi.currentVersion')
				.whereRef('cs.position', '=', 's.position')
				.select('cs.id')
				.as('currentStepId')
		])
		.where('s.id', '=', stepId)
		.where('wi.id', '=', instructionId)
		.executeTakeFirst();
}

/**
 * A new report with its 'reported' event, in one statement. A key the reporter used already
 * writes nothing and returns the first report with `created: false`.
 */
export async function insertReport(
	db: Db,
	r: {
		instructionId: number;
		stepId: number;
		version: number;
		kind: ReportKind;
		body: string;
		reporterId: number;
		clientKey: string | null;
	}
): Promise<{ id: number; created: boolean }> {
	const { rows } = await sql<{ id: number; created: boolean }>`
		with made as (
			insert into instruction_report (instruction_id, step_id, version, kind, body, reporter_id, client_key)
			values (${r.instructionId}, ${r.stepId}, ${r.version}, ${r.kind}, ${r.body}, ${r.reporterId}, ${r.clientKey}::uuid)
			on conflict (reporter_id, client_key) do nothing
			returning id
		),
		event as (
			insert into instruction_report_event (report_id, kind, actor_id, data)
			select made.id, 'reported', ${r.reporterId}, ${JSON.stringify({ kind: r.kind, version: r.version })}::jsonb from made
		)
		select id, true as created from made
		union all
		select id, false from instruction_report
		where reporter_id = ${r.reporterId} and client_key = ${r.clientKey}::uuid and not exists (select 1 from made)
	`.execute(db);
	const row = rows[0];
	if (row) return { id: row.id, created: Boolean(row.created) };
	// The same form sent twice at once: this statement's snapshot predates the first's commit.
	const first = await db
		.selectFrom('instructionReport')
		.select('id')
		.where('reporterId', '=', r.reporterId)
		.where('clientKey', '=', r.clientKey)
		.executeTakeFirstOrThrow();
	return { id: first.id, created: false };
}

/**
 * What a change to a report needs to know, the report held (FOR UPDATE) so two owners closing
 * at once take turns: its status and people, the instruction's owner and title, the step's
 * position, the approved versions, and optionally the name of the person it is passed to and
 * the open call the actor's department may enter (for an idea). One statement.
 */
export function findReportForChange(db: Db, reportId: number, opts: { handlerId?: number; callForDepartment?: number } = {}) {
	return db
		.selectFrom('instructionReport as r')
		.innerJoin('workInstruction as wi', 'wi.id', 'r.instructionId')
		.innerJoin('instructionStep as s', 's.id', 'r.stepId')
		.select((eb) => [
			'r.id',
			'r.status',
			'r.version',
			'r.kind',
			'r.body',
			'r.reporterId',
			'r.handlerId',
			'r.instructionId',
			'wi.ownerId',
			'wi.title',
			'wi.code',
			's.position',
			eb
				.selectFrom('instructionVersion as v')
				.whereRef('v.instructionId', '=', 'r.instructionId')
				.where('v.status', '=', 'approved')
				.select(sql<number[]>`coalesce(array_agg(v.version order by v.version), '{}')`.as('versions'))
				.as('approvedVersions'),
			opts.handlerId === undefined
				? sql<string | null>`null::text`.as('handlerName')
				: eb
						.selectFrom('appUser as h')
						.where('h.id', '=', opts.handlerId)
						.where('h.disabledAt', 'is', null)
						.select('h.name')
						.as('handlerName'),
			opts.callForDepartment === undefined
				? sql<number | null>`null::int`.as('openCallId')
				: openCalls(db, opts.callForDepartment).clearSelect().select('c.id').limit(1).as('openCallId')
		])
		.where('r.id', '=', reportId)
		.forUpdate('r')
		.executeTakeFirst();
}

export type ReportChange =
	| { kind: 'passed_on'; handlerId: number }
	| { kind: 'closed'; resolution: 'new_version' | 'not_needed' | 'idea'; note: string; version: number | null; ideaId: number | null };

/**
 * A change of a report that is not closed, its history event and its audit line, in one
 * statement: passed on (to a handler) or closed (how). Returns false when the report was
 * closed meanwhile: nothing is written.
 */
export async function changeReport(
	db: Db,
	reportId: number,
	actorId: number,
	change: ReportChange,
	audit: { action: string; data: Record<string, unknown> },
	eventData: Record<string, unknown>
): Promise<boolean> {
	const set =
		change.kind === 'passed_on'
			? sql`status = 'passed_on', handler_id = ${change.handlerId}::int`
			: sql`status = 'closed', resolution = ${change.resolution}, resolution_note = ${change.note},
				resolved_version = ${change.version}::int, idea_id = ${change.ideaId}::int, closed_at = now(), closed_by = ${actorId}::int`;
	const { rows } = await sql<{ changed: number }>`
		with changed as (
			update instruction_report set ${set}, updated_at = now()
			where id = ${reportId} and status <> 'closed'
			returning id
		),
		event as (
			insert into instruction_report_event (report_id, kind, actor_id, data)
			select id, ${change.kind}, ${actorId}, ${JSON.stringify(eventData)}::jsonb from changed
		),
		audit as (
			insert into audit_log (actor_id, action, object_type, object_id, data)
			select ${actorId}, ${audit.action}, 'instruction_report', id::text, ${JSON.stringify(audit.data)}::jsonb from changed
		)
		select count(*)::int as changed from changed
	`.execute(db);
	return (rows[0]?.changed ?? 0) > 0;
}

/** A note in a report's history, only while the report is not closed. Returns false when it is. */
export async function insertNote(db: Db, reportId: number, actorId: number, text: string): Promise<boolean> {
	const { rows } = await sql<{ id: number }>`
		insert into instruction_report_event (report_id, kind, actor_id, data)
		select r.id, 'note', ${actorId}, jsonb_build_object('text', ${text}::text)
		from instruction_report r where r.id = ${reportId} and r.status <> 'closed'
		returning id
	`.execute(db);
	return rows.length > 0;
}

/**
 * The report page in one statement: the report, its step and instruction, the people's names,
 * the photo, the whole history (oldest first, with who), the idea it became, and the approved
 * versions newer than the report's (what may close it).
 */
export function findReportPage(db: Db, reportId: number) {
	return db
		.selectFrom('instructionReport as r')
		.innerJoin('workInstruction as wi', 'wi.id', 'r.instructionId')
		.innerJoin('instructionStep as s', 's.id', 'r.stepId')
		.innerJoin('appUser as rep', 'rep.id', 'r.reporterId')
		.leftJoin('appUser as h', 'h.id', 'r.handlerId')
		.leftJoin('appUser as o', 'o.id', 'wi.ownerId')
		.leftJoin('idea as i', 'i.id', 'r.ideaId')
		.select((eb) => [
			'r.id',
			'r.kind',
			'r.body',
			'r.status',
			'r.version',
			'r.reporterId',
			'r.handlerId',
			'r.resolution',
			'r.resolutionNote',
			'r.resolvedVersion',
			'r.ideaId',
			'r.createdAt',
			'r.closedAt',
			'rep.name as reporterName',
			'h.name as handlerName',
			'o.name as ownerName',
			'i.title as ideaTitle',
			'wi.id as instructionId',
			'wi.title as instructionTitle',
			'wi.code as instructionCode',
			'wi.ownerId',
			'wi.currentVersion',
			's.position',
			's.body as stepBody',
			's.safety as stepSafety',
			eb
				.selectFrom('attachment as a')
				.whereRef('a.reportId', '=', 'r.id')
				.where('a.parentId', 'is', null)
				.select(
					sql<{
						id: number;
						kind: string;
						fileName: string;
						mediaType: string;
						sizeBytes: number;
					} | null>`json_build_object('id', a.id, 'kind', a.kind, 'fileName', a.file_name, 'mediaType', a.media_type, 'sizeBytes', a.size_bytes)`.as(
						'p'
					)
				)
				.orderBy('a.id')
				.limit(1)
				.as('photo'),
			jsonArrayFrom(
				eb
					.selectFrom('instructionReportEvent as ev')
					.leftJoin('appUser as au', 'au.id', 'ev.actorId')
					.whereRef('ev.reportId', '=', 'r.id')
					.select(['ev.id', 'ev.kind', 'ev.data', 'ev.createdAt', 'au.name as actorName'])
					.orderBy('ev.id')
			).as('history'),
			jsonArrayFrom(
				eb
					.selectFrom('instructionVersion as v')
					.whereRef('v.instructionId', '=', 'r.instructionId')
					.where('v.status', '=', 'approved')
					.whereRef('v.version', '>', 'r.version')
					.select(['v.version', 'v.changeNote', 'v.approvedAt'])
					.orderBy('v.version', 'desc')
			).as('newerVersions')
		])
		.where('r.id', '=', reportId)
		.executeTakeFirst();
}

/**
 * The reports a person sees on the list, newest first, in one statement: their own, those
 * they own or handle, and for organisers every open one; optionally of one instruction.
 */
export function listReports(db: Db, actorId: number, opts: { organiser: boolean; instructionId: number | null; limit: number }) {
	return db
		.selectFrom('instructionReport as r')
		.innerJoin('workInstruction as wi', 'wi.id', 'r.instructionId')
		.innerJoin('instructionStep as s', 's.id', 'r.stepId')
		.innerJoin('appUser as rep', 'rep.id', 'r.reporterId')
		.leftJoin('appUser as h', 'h.id', 'r.handlerId')
		.select([
			'r.id',
			'r.kind',
			'r.body',
			'r.status',
			'r.resolution',
			'r.version',
			'r.createdAt',
			'r.updatedAt',
			'r.reporterId',
			'r.handlerId',
			'wi.ownerId',
			'wi.id as instructionId',
			'wi.title as instructionTitle',
			's.position',
			'rep.name as reporterName',
			'h.name as handlerName'
		])
		.where((eb) =>
			eb.or([
				eb('r.reporterId', '=', actorId),
				eb('wi.ownerId', '=', actorId),
				eb('r.handlerId', '=', actorId),
				...(opts.organiser ? [eb('r.status', '<>', 'closed')] : [])
			])
		)
		.$if(opts.instructionId !== null, (qb) => qb.where('r.instructionId', '=', opts.instructionId!))
		.orderBy('r.updatedAt', 'desc')
		.orderBy('r.id', 'desc')
		.limit(opts.limit)
		.execute();
}
