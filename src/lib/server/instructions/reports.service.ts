/**
 * From the floor back to the instruction (issue 17): anyone reports a problem or a better way
 * on a step of an instruction's current version, with a photo if they like; the instruction's
 * owner is told, may pass the report to Quality or a technician (who is told), and closes it
 * with a newer approved version, with a reason, or by turning it into an idea for the
 * competition with the reporter on its team. The reporter is told of every step and sees the
 * whole history. Who may do what: canOnInstruction 'report' and canOnReport (policy.ts).
 */
import type { Database } from '../db/index.js';
import { canOnInstruction, canOnReport, hasRole, type Actor, type ReportFacts } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { insertNotificationRows, insertNotifications } from '../notifications/notifications.queries.js';
import { storeUpload } from '../attachments/attachments.service.js';
import { deleteTempFile } from '../attachments/storage.js';
import type { ReceivedUpload } from '../attachments/upload.js';
import { searchColleagues } from '../ideas/ideas.queries.js';
import { insertIdeaWithParts } from '../ideas/idea-form.queries.js';
import {
	ideaTitleFromReport,
	mayCloseWithVersion,
	type CloseInput,
	type NoteInput,
	type PassOnInput,
	type ReportFormInput
} from './reports.schema.js';
import * as q from './reports.queries.js';

type Named = Actor & { name: string };

/** How many reports the list shows; how many people a name search offers. */
export const REPORTS_LISTED = 200;
export const PEOPLE_OFFERED = 8;

const reportLink = (id: number) => `/instructions/reports/${id}`;

/** A report is closed; nothing changes it any more. */
const closedError = () => new DomainError('reports_closed', 'This report is closed.', 409);

/**
 * The report form's step: 404 for anyone who may not report on it (the entry not published, a
 * step of another instruction). A step of an older version is not reported on: `outdated` with
 * the current version's step of the same place, if any. One statement.
 */
export async function getReportForm(db: Database, actor: Actor, instructionId: number, stepId: number) {
	const step = await q.findStepForReport(db, instructionId, stepId, actor.id);
	if (!step || !mayReportOn(actor, step)) throw notFound();
	return {
		instruction: { id: step.instructionId, title: step.title, code: step.code, currentVersion: step.currentVersion },
		step: { id: step.stepId, position: step.position, body: step.body, tools: step.tools, safety: step.safety, version: step.version },
		outdated: !isCurrentStep(step),
		currentStepId: step.currentStepId ?? null
	};
}

type StepFacts = NonNullable<Awaited<ReturnType<typeof q.findStepForReport>>>;

function mayReportOn(actor: Actor, step: StepFacts): boolean {
	return canOnInstruction(actor, 'report', {
		entryStatus: step.entryStatus,
		isEntryTeam: Boolean(step.isEntryTeam),
		isOwner: step.ownerId === actor.id,
		// a handler's rights only matter for drafts; reporting is for everyone on a published entry
		isHandler: false
	});
}

const isCurrentStep = (step: StepFacts) => step.versionStatus === 'approved' && step.version === step.currentVersion;

/** Thrown inside the filing transaction when the form's key made a report already. */
class AlreadyReported extends Error {
	constructor(readonly reportId: number) {
		super('already reported');
	}
}

/**
 * Saves a report on a step of the current version, its 'reported' event and the owner's
 * notice (instruction_report) in one transaction; the photo, if any, is filed with it
 * (storeUpload: the report's rows are written in its transaction, so a report whose photo
 * could not be stored is not saved, and a photo without its report is deleted). The same form
 * sent twice (its client key) returns the first report and keeps nothing new. Four statements,
 * five with a photo.
 */
export async function createReport(
	db: Database,
	actor: Named,
	instructionId: number,
	stepId: number,
	input: ReportFormInput,
	photo: ReceivedUpload | null = null
): Promise<{ id: number; created: boolean }> {
	const drop = () => (photo ? deleteTempFile(photo.tempPath).catch(() => {}) : Promise.resolve());
	const step = await q.findStepForReport(db, instructionId, stepId, actor.id).catch(async (e: unknown) => {
		await drop();
		throw e;
	});
	if (!step || !mayReportOn(actor, step)) {
		await drop();
		throw notFound();
	}
	if (!isCurrentStep(step)) {
		await drop();
		throw new DomainError('reports_step_outdated', 'This step belongs to an older version of the instruction.', 409);
	}
	const row = {
		instructionId,
		stepId,
		version: step.version,
		kind: input.kind,
		body: input.body,
		reporterId: actor.id,
		clientKey: input.clientKey
	};
	const tell = (trx: Parameters<typeof insertNotifications>[0], reportId: number) =>
		step.ownerId === actor.id
			? Promise.resolve(0)
			: insertNotifications(trx, [step.ownerId], {
					kind: 'instruction_report',
					params: { reportId, title: step.title, step: step.position, name: actor.name, kind: input.kind },
					link: reportLink(reportId)
				});

	if (!photo) {
		return db.transaction().execute(async (trx) => {
			const made = await q.insertReport(trx, row);
			if (made.created) await tell(trx, made.id);
			return made;
		});
	}
	// The attachment names its report, which the filing transaction writes first.
	const owner = { reportId: 0 };
	try {
		await storeUpload(db, actor, photo, {
			owner,
			recheck: async (trx) => {
				const made = await q.insertReport(trx, row);
				if (!made.created) throw new AlreadyReported(made.id);
				owner.reportId = made.id;
				return made;
			},
			record: (trx, _attachmentId, made) => tell(trx, made.id)
		});
		return { id: owner.reportId, created: true };
	} catch (e) {
		if (e instanceof AlreadyReported) return { id: e.reportId, created: false };
		throw e;
	}
}

type PageRow = NonNullable<Awaited<ReturnType<typeof q.findReportPage>>>;

const factsOf = (actor: Actor, r: { status: string; reporterId: number; ownerId: number; handlerId: number | null }): ReportFacts => ({
	status: r.status,
	isReporter: r.reporterId === actor.id,
	isOwner: r.ownerId === actor.id,
	isHandler: r.handlerId === actor.id
});

export type ReportHistoryItem = { id: number; kind: string; data: Record<string, unknown>; createdAt: string; actorName: string | null };

/**
 * The report page: the step, the report, its photo, its status and whole history, for the
 * reporter, the owner, the handler and organisers (anyone else: not found); what the asker
 * may do; for a name typed (`who`), the people to pass it to. Two statements, three with a search.
 */
export async function getReportPage(db: Database, actor: Actor, reportId: number, who = '') {
	const r = await q.findReportPage(db, reportId);
	if (!r) throw notFound();
	const facts = factsOf(actor, r);
	if (!canOnReport(actor, 'view', facts)) throw notFound();
	const may = {
		note: canOnReport(actor, 'note', facts),
		passOn: canOnReport(actor, 'passOn', facts),
		close: canOnReport(actor, 'close', facts)
	};
	const people = may.passOn && who.length >= 2 ? await searchColleagues(db, who, PEOPLE_OFFERED) : [];
	return {
		report: reportView(r),
		history: (r.history ?? []).map((h) => ({ ...h, data: (h.data ?? {}) as Record<string, unknown>, createdAt: String(h.createdAt) })),
		newerVersions: (r.newerVersions ?? []).map((v) => ({ version: v.version, changeNote: v.changeNote })),
		may,
		people: people.filter((p) => p.id !== r.handlerId),
		who
	};
}

function reportView(r: PageRow) {
	return {
		id: r.id,
		kind: r.kind,
		body: r.body,
		status: r.status,
		version: r.version,
		resolution: r.resolution,
		resolutionNote: r.resolutionNote,
		resolvedVersion: r.resolvedVersion,
		ideaId: r.ideaId,
		ideaTitle: r.ideaTitle,
		createdAt: r.createdAt,
		closedAt: r.closedAt,
		reporterName: r.reporterName,
		handlerName: r.handlerName,
		ownerName: r.ownerName,
		instruction: { id: r.instructionId, title: r.instructionTitle, code: r.instructionCode, currentVersion: r.currentVersion },
		step: { position: r.position, body: r.stepBody, safety: r.stepSafety },
		photo: r.photo ?? null
	};
}

type ChangeFacts = NonNullable<Awaited<ReturnType<typeof q.findReportForChange>>>;

/** The report held for a change, and the asker's right to it: not found for the uninvolved, "closed" once closed. */
async function holdReport(
	trx: Parameters<typeof q.findReportForChange>[0],
	actor: Actor,
	reportId: number,
	action: 'note' | 'passOn' | 'close',
	opts: Parameters<typeof q.findReportForChange>[2] = {}
): Promise<ChangeFacts> {
	const r = await q.findReportForChange(trx, reportId, opts);
	if (!r) throw notFound();
	const facts = factsOf(actor, r);
	if (!canOnReport(actor, 'view', facts)) throw notFound();
	if (facts.status === 'closed') throw closedError();
	if (!canOnReport(actor, action, facts)) throw notFound();
	return r;
}

/**
 * Passes the report to a person (Quality, a test technician): they are told (report_passed),
 * the reporter is told (report_update, what 'passed_on'), the history says so, audited
 * ('report.pass_on'). The owner and organisers, while it is open. Four statements.
 */
export async function passOnReport(db: Database, actor: Named, reportId: number, input: PassOnInput): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const r = await holdReport(trx, actor, reportId, 'passOn', { handlerId: input.userId });
		if (!r.handlerName) throw new FieldErrors({ userId: ['reports_no_such_person'] });
		const data = { handlerId: input.userId, handler: r.handlerName };
		const changed = await q.changeReport(
			trx,
			reportId,
			actor.id,
			{ kind: 'passed_on', handlerId: input.userId },
			{ action: 'report.pass_on', data },
			data
		);
		if (!changed) throw closedError();
		const base = { reportId, title: r.title, step: r.position };
		await insertNotificationRows(trx, [
			...(input.userId !== actor.id
				? [{ userId: input.userId, kind: 'report_passed', params: { ...base, name: actor.name }, link: reportLink(reportId) }]
				: []),
			...(r.reporterId !== actor.id
				? [
						{
							userId: r.reporterId,
							kind: 'report_update',
							params: { ...base, what: 'passed_on', handler: r.handlerName },
							link: reportLink(reportId)
						}
					]
				: [])
		]);
	});
}

/**
 * A note in the history by the reporter, the owner, the handler or an organiser while the
 * report is open; the others involved are told (report_update, what 'note'). Four statements.
 */
export async function addReportNote(db: Database, actor: Named, reportId: number, input: NoteInput): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const r = await holdReport(trx, actor, reportId, 'note');
		if (!(await q.insertNote(trx, reportId, actor.id, input.text))) throw closedError();
		const others = [r.reporterId, r.ownerId, r.handlerId].filter((id): id is number => id !== null && id !== actor.id);
		await insertNotifications(trx, others, {
			kind: 'report_update',
			params: { reportId, title: r.title, step: r.position, what: 'note', name: actor.name },
			link: reportLink(reportId)
		});
	});
}

/**
 * Closes the report (the owner or an organiser, while it is open): (a) with an approved version
 * newer than the report's, (b) not needed, with a reason, or (c) as an idea: a draft in the
 * open call of the closer's department, if any, with the closer as owner and the reporter a
 * credited member, its 'created' event saying where it came from. The history's 'closed' event,
 * the audit line ('report.close') and the reporter's notice (report_update) go with it. Two
 * closing at once: the second waits for the first and is told the report is closed. Four
 * statements, five as an idea.
 */
export async function closeReport(db: Database, actor: Named, reportId: number, input: CloseInput): Promise<{ ideaId: number | null }> {
	return db.transaction().execute(async (trx) => {
		const r = await holdReport(trx, actor, reportId, 'close', input.resolution === 'idea' ? { callForDepartment: actor.departmentId } : {});
		let version: number | null = null;
		let ideaId: number | null = null;
		let note = '';
		if (input.resolution === 'new_version') {
			if (!mayCloseWithVersion(r.version, input.version, r.approvedVersions ?? []))
				throw new FieldErrors({ version: ['reports_version_not_newer'] });
			version = input.version;
		} else if (input.resolution === 'not_needed') {
			note = input.reason;
		} else {
			const made = await insertIdeaWithParts(trx, {
				title: ideaTitleFromReport(r.title, r.position, r.body),
				problem: r.body,
				proposal: '',
				location: `${r.code || r.title} #${r.position}`.slice(0, 200),
				processAreaId: null,
				departmentId: actor.departmentId,
				competitionId: r.openCallId ?? null,
				createdBy: actor.id,
				clientKey: null,
				enteredBy: null,
				memberIds: [r.reporterId],
				helperId: null,
				benefits: [],
				tags: [],
				actorId: actor.id,
				eventData: { via: 'instruction_report', reportId }
			});
			ideaId = made.id;
		}
		const details = { resolution: input.resolution, version, reason: note || null, ideaId };
		const changed = await q.changeReport(
			trx,
			reportId,
			actor.id,
			{ kind: 'closed', resolution: input.resolution, note, version, ideaId },
			{ action: 'report.close', data: details },
			details
		);
		if (!changed) throw closedError();
		if (r.reporterId !== actor.id) {
			await insertNotifications(trx, [r.reporterId], {
				kind: 'report_update',
				params: { reportId, title: r.title, step: r.position, what: input.resolution, version, reason: note, ideaId, name: actor.name },
				link: reportLink(reportId)
			});
		}
		return { ideaId };
	});
}

/**
 * The reports list: "My reports", "To handle" (open reports on instructions one owns or passed
 * to one) and, for organisers, "All open"; `instructionId` keeps one instruction's. Two statements.
 */
export async function listReportsPage(db: Database, actor: Actor, instructionId: number | null) {
	const organiser = hasRole(actor, 'organiser');
	const rows = await q.listReports(db, actor.id, { organiser, instructionId, limit: REPORTS_LISTED });
	const view = rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		body: r.body,
		status: r.status,
		resolution: r.resolution,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt,
		instructionId: r.instructionId,
		instructionTitle: r.instructionTitle,
		position: r.position,
		reporterName: r.reporterName,
		handlerName: r.handlerName
	}));
	const pick = (keep: (r: (typeof rows)[number]) => boolean) => view.filter((_, i) => keep(rows[i]));
	return {
		mine: pick((r) => r.reporterId === actor.id),
		toHandle: pick((r) => r.status !== 'closed' && (r.ownerId === actor.id || r.handlerId === actor.id)),
		allOpen: organiser ? pick((r) => r.status !== 'closed') : null,
		instruction:
			instructionId !== null
				? rows[0]
					? { id: instructionId, title: rows[0].instructionTitle }
					: { id: instructionId, title: null }
				: null,
		truncated: rows.length >= REPORTS_LISTED
	};
}
