/**
 * Work instructions: step plans on a knowledge-base entry, in versions. A change is a new
 * version (a draft that starts as a copy of the current one), approved by the instruction's
 * owner; the departments that run the entry see which version they work to, confirm a new
 * one, and are told when one is approved.
 */
import type { Database } from '../db/index.js';
import {
	canConfirmInstructionVersion,
	canOnInstruction,
	canOnKbEntry,
	hasRole,
	type Actor,
	type InstructionAction
} from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertNotificationsFrom } from '../notifications/notifications.queries.js';
import { requireEntryAccess } from '../knowledge-base/kb.access.js';
import { findColleagues } from '../ideas/idea-form.service.js';
import { storeUpload, type UploadSource } from '../attachments/attachments.service.js';
import * as q from './instructions.queries.js';
import type {
	AddStepInput,
	ApproveInput,
	ChangeNoteInput,
	ConfirmInput,
	DraftInput,
	EditStepInput,
	MoveStepInput,
	NewInstructionInput,
	StepRefInput
} from './instructions.schema.js';

type FactsRow = NonNullable<Awaited<ReturnType<typeof q.findInstructionFacts>>>;

const stale = () => new DomainError('stale', 'The draft changed in the meantime: look again.', 409);

function policyFacts(row: Pick<FactsRow, 'entryStatus' | 'isEntryTeam' | 'ownerId' | 'isHandler'>, actor: Actor) {
	return {
		entryStatus: row.entryStatus,
		isEntryTeam: Boolean(row.isEntryTeam),
		isOwner: row.ownerId === actor.id,
		isHandler: Boolean(row.isHandler)
	};
}

/** The instruction for one who may `action` it; one who may not even view it gets not-found. */
async function requireInstruction(db: Database, actor: Actor, instructionId: number, action: InstructionAction) {
	const row = await q.findInstructionFacts(db, instructionId, actor.id);
	if (!row) throw notFound();
	const facts = policyFacts(row, actor);
	if (!canOnInstruction(actor, 'view', facts)) throw notFound();
	if (!canOnInstruction(actor, action, facts)) throw new DomainError('not_allowed', 'You may not do this on this instruction.', 403);
	return row;
}

/** The draft a form was made for: not-found-ish "stale" when it is gone or another one. */
function requireDraft(row: FactsRow, draftVersion: number) {
	if (!row.draft || row.draft.version !== draftVersion) throw stale();
	return row.draft;
}

/** What the reader may do on an instruction page. */
function abilities(actor: Actor, facts: ReturnType<typeof policyFacts>) {
	return {
		draft: canOnInstruction(actor, 'draft', facts),
		approve: canOnInstruction(actor, 'approve', facts),
		manage: canOnInstruction(actor, 'manage', facts),
		report: canOnInstruction(actor, 'report', facts),
		reports: facts.isOwner || facts.isHandler || hasRole(actor, 'organiser')
	};
}

/**
 * An instruction's page: the current approved version (or an older one, `version`), its
 * steps, the versions, and the version each running department works to. One statement.
 */
export async function getInstructionPage(db: Database, actor: Actor, instructionId: number, version: number | null = null) {
	const row = await q.findInstructionPage(db, instructionId, actor.id, { draft: false, version });
	if (!row) throw notFound();
	const facts = policyFacts(row, actor);
	if (!canOnInstruction(actor, 'view', facts)) throw notFound();
	if (version !== null && !row.shown) throw notFound();
	const departments = row.departments.map((d) => ({
		...d,
		mayConfirm: row.currentVersion !== null && d.version !== row.currentVersion && canConfirmInstructionVersion(actor, d.departmentId)
	}));
	const mine = departments.find((d) => d.departmentId === actor.departmentId) ?? null;
	const current = row.versions.find((v) => v.version === row.currentVersion) ?? null;
	return {
		instruction: {
			id: row.id,
			kbEntryId: row.kbEntryId,
			entryTitle: row.entryTitle,
			entryStatus: row.entryStatus,
			code: row.code,
			title: row.title,
			language: row.language,
			ownerId: row.ownerId,
			ownerName: row.ownerName,
			currentVersion: row.currentVersion
		},
		shown: row.shown,
		isCurrent: !!row.shown && row.shown.version === row.currentVersion,
		versions: row.versions.filter((v) => v.status === 'approved'),
		draftVersion: row.draft?.version ?? null,
		departments,
		/** "Your department runs version 1; version 2 is current": the reader's department confirmed an older one */
		behind:
			mine && mine.version !== null && row.currentVersion !== null && mine.version < row.currentVersion && current
				? {
						departmentId: mine.departmentId,
						runs: mine.version,
						current: row.currentVersion,
						change: current.changeNote,
						mayConfirm: mine.mayConfirm
					}
				: null,
		can: abilities(actor, facts)
	};
}

/** The draft editor: the draft with its steps, for those who may draft. */
export async function getDraftPage(db: Database, actor: Actor, instructionId: number) {
	const row = await q.findInstructionPage(db, instructionId, actor.id, { draft: true });
	if (!row) throw notFound();
	const facts = policyFacts(row, actor);
	if (!canOnInstruction(actor, 'view', facts) || !canOnInstruction(actor, 'draft', facts)) throw notFound();
	const current = row.versions.find((v) => v.version === row.currentVersion) ?? null;
	return {
		instruction: {
			id: row.id,
			kbEntryId: row.kbEntryId,
			entryTitle: row.entryTitle,
			code: row.code,
			title: row.title,
			ownerName: row.ownerName,
			currentVersion: row.currentVersion,
			currentApprovedAt: current?.approvedAt ?? null
		},
		draft: row.shown,
		can: abilities(actor, facts)
	};
}

/** Adds an instruction to an entry with its draft version 1; returns its id. */
export async function createInstruction(db: Database, actor: Actor, entryId: number, input: NewInstructionInput) {
	const entry = await requireEntryAccess(db, actor, entryId);
	const facts = { entryStatus: entry.status, isEntryTeam: entry.facts.isTeam, isOwner: false, isHandler: false };
	if (!canOnInstruction(actor, 'manage', facts)) throw notFound();
	return db.transaction().execute(async (trx) => {
		const made = await q.insertInstruction(trx, {
			kbEntryId: entryId,
			code: input.code,
			title: input.title,
			language: input.language,
			ownerId: input.ownerId,
			createdBy: actor.id
		});
		if (!made) throw new FieldErrors({ ownerId: ['unknown_person'] });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'instruction.create',
			objectType: 'work_instruction',
			objectId: made.id,
			data: { kbEntryId: entryId, code: input.code, title: input.title, ownerId: input.ownerId }
		});
		return made.id;
	});
}

/**
 * The instruction's details for one who manages it (organisers, its owner): code, title,
 * language and owner, so an organiser hands an instruction to a new owner when its owner
 * leaves or cannot approve. One statement.
 */
export async function getInstructionSettingsPage(db: Database, actor: Actor, instructionId: number) {
	const row = await q.findInstructionSettings(db, instructionId, actor.id);
	if (!row) throw notFound();
	const facts = policyFacts(row, actor);
	if (!canOnInstruction(actor, 'view', facts) || !canOnInstruction(actor, 'manage', facts)) throw notFound();
	return {
		instruction: {
			id: row.id,
			code: row.code,
			title: row.title,
			language: row.language,
			ownerId: row.ownerId,
			ownerName: row.ownerName,
			entry: { id: row.kbEntryId, title: row.entryTitle }
		}
	};
}

/** People to choose as the new owner, by name (the form's search without JavaScript). */
export async function findNewOwnerCandidates(db: Database, actor: Actor, instructionId: number, query: string) {
	await requireInstruction(db, actor, instructionId, 'manage');
	return findColleagues(db, actor, query);
}

/**
 * Changes the code, title, language or owner (canOnInstruction 'manage'), audited as
 * `instruction.update` with the owner before and after. The new owner must be an active
 * person; the change is one statement after the check.
 */
export async function updateInstruction(db: Database, actor: Actor, instructionId: number, input: NewInstructionInput) {
	await requireInstruction(db, actor, instructionId, 'manage');
	return db.transaction().execute(async (trx) => {
		const changed = await q.updateInstructionDetails(trx, instructionId, input);
		if (!changed) throw new FieldErrors({ ownerId: ['unknown_person'] });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'instruction.update',
			objectType: 'work_instruction',
			objectId: instructionId,
			data: {
				code: input.code,
				title: input.title,
				language: input.language,
				ownerId: changed.ownerId,
				previousOwnerId: changed.previousOwnerId
			}
		});
	});
}

/** Whether the actor may add an instruction to this entry (the entry page's link). */
export function mayAddInstruction(actor: Actor, entry: { status: string; isTeam: boolean }) {
	return (
		canOnKbEntry(actor, 'view', entry) &&
		canOnInstruction(actor, 'manage', { entryStatus: entry.status, isEntryTeam: entry.isTeam, isOwner: false, isHandler: false })
	);
}

/** People to choose as the owner, by name (the form's search without JavaScript). */
export async function findOwnerCandidates(db: Database, actor: Actor, entryId: number, query: string) {
	const entry = await requireEntryAccess(db, actor, entryId);
	if (!mayAddInstruction(actor, entry.facts)) throw notFound();
	return findColleagues(db, actor, query);
}

/** The form for a new instruction: the entry it goes on, for one who may add one. */
export async function getNewInstructionPage(db: Database, actor: Actor, entryId: number) {
	const entry = await requireEntryAccess(db, actor, entryId);
	if (!mayAddInstruction(actor, entry.facts)) throw notFound();
	return { entry: { id: entry.id, title: entry.title } };
}

/**
 * Starts the next version as a copy of the current one. When a draft exists already (another
 * tab, a colleague), that draft is the one to work on: `{ created: false }`.
 */
export async function startDraft(db: Database, actor: Actor, instructionId: number) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	if (row.draft) return { version: row.draft.version, created: false };
	const made = await q.insertDraftFromCurrent(db, instructionId, actor.id);
	if (!made) return { version: null, created: false };
	return { version: made.version, created: true };
}

export async function addStep(db: Database, actor: Actor, instructionId: number, input: AddStepInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = requireDraft(row, input.draftVersion);
	if (input.position !== Number(draft.stepCount ?? 0) + 1) throw stale();
	const made = await q.insertStep(db, draft.id, input);
	if (!made) throw stale();
	return made.id;
}

export async function editStep(db: Database, actor: Actor, instructionId: number, input: EditStepInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = requireDraft(row, input.draftVersion);
	if (!(await q.updateStep(db, draft.id, input.stepId, input))) throw stale();
}

export async function removeStep(db: Database, actor: Actor, instructionId: number, input: StepRefInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = requireDraft(row, input.draftVersion);
	return (await q.deleteStep(db, draft.id, input.stepId)) > 0;
}

export async function moveStep(db: Database, actor: Actor, instructionId: number, input: MoveStepInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = requireDraft(row, input.draftVersion);
	return (await q.swapStep(db, draft.id, input.stepId, input.position, input.direction)) > 0;
}

export async function saveChangeNote(db: Database, actor: Actor, instructionId: number, input: ChangeNoteInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = requireDraft(row, input.draftVersion);
	await q.updateChangeNote(db, draft.id, input.changeNote);
}

export async function discardDraft(db: Database, actor: Actor, instructionId: number, input: DraftInput) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	requireDraft(row, input.draftVersion);
	if (row.currentVersion === null) throw new DomainError('first_version', 'The first version cannot be discarded.', 409);
	return !!(await q.deleteDraft(db, instructionId, input.draftVersion));
}

/**
 * The owner approves the draft: it becomes the version people work to, audited, and the
 * people of every department that runs the entry are told (never the approver). A repeated
 * or concurrent approval of the same draft approves it once; the second gets "stale".
 */
export async function approveVersion(db: Database, actor: Actor, instructionId: number, input: ApproveInput) {
	const row = await requireInstruction(db, actor, instructionId, 'approve');
	const draft = row.draft;
	if (!draft || draft.version !== input.expectedVersion) throw stale();
	if (!draft.stepCount) throw new DomainError('no_steps', 'A version needs at least one step.', 409);
	const changeNote = input.changeNote ?? null;
	if (draft.version > 1 && !(changeNote ?? draft.changeNote).trim()) throw new FieldErrors({ changeNote: ['required'] });
	return db.transaction().execute(async (trx) => {
		const approved = await q.approveDraft(trx, instructionId, draft.version, actor.id, changeNote);
		if (!approved) throw stale();
		const params = { title: approved.title, version: approved.version, change: approved.changeNote };
		await insertNotificationsFrom(
			trx,
			'instruction_version',
			q.adoptingPeople(instructionId, approved.kbEntryId, actor.id, params, `/instructions/${instructionId}`)
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'instruction.approve',
			objectType: 'work_instruction',
			objectId: instructionId,
			data: { version: approved.version, change: approved.changeNote }
		});
		return { version: approved.version };
	});
}

/** "We work to version N now" for a department that runs the entry: someone of it, or an organiser. Audited. */
export async function confirmVersion(db: Database, actor: Actor, instructionId: number, input: ConfirmInput) {
	await requireInstruction(db, actor, instructionId, 'view');
	if (!canConfirmInstructionVersion(actor, input.departmentId))
		throw new DomainError('not_allowed', 'Only someone of that department confirms its version.', 403);
	return db.transaction().execute(async (trx) => {
		const saved = await q.upsertDepartmentVersion(trx, {
			instructionId,
			departmentId: input.departmentId,
			version: input.version,
			confirmedBy: actor.id
		});
		if (!saved) throw new DomainError('not_running', 'That department does not run this entry, or the version is not approved.', 409);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'instruction.confirm',
			objectType: 'work_instruction',
			objectId: instructionId,
			data: { departmentId: input.departmentId, version: input.version }
		});
		return saved.version;
	});
}

/**
 * A photo or a short clip for a draft's step, judged by its content like every upload. It
 * belongs to the instruction, so later versions share it.
 */
export async function addStepMedia(db: Database, actor: Actor, instructionId: number, stepId: number, upload: UploadSource) {
	const row = await requireInstruction(db, actor, instructionId, 'draft');
	const draft = row.draft;
	if (!draft) throw stale();
	const file = await upload({ kinds: ['photo', 'video'] });
	await storeUpload(db, actor, file, {
		owner: { instructionId },
		recheck: () => Promise.resolve(null),
		record: async (trx, attachmentId) => {
			if (!(await q.setStepMedia(trx, draft.id, stepId, attachmentId))) throw stale();
		}
	});
	return { fileName: file.fileName };
}
