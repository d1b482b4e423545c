/**
 * Files attached to ideas and to knowledge-base entries. Who may add what to an idea and
 * when is `kindsTeamMayAttach` in rules.ts; to an entry, canOnKbEntry's 'attach' in
 * policy.ts (asked through the knowledge base's kb.access.ts). Who may download is whoever
 * may see the idea (policy.ts), or any employee for a published knowledge-base entry.
 * Every upload is filed by one helper, storeUpload.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { canOnIdea, canOnInstruction, canOnKbEntry, canOnReport, hasRole, type Actor, type InstructionFacts } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { requireIdeaAccess } from '../ideas/ideas.access.js';
import { lockEntryForFiles, mayAttachToEntry, requireEntryIdOfIdea } from '../knowledge-base/kb.access.js';
import {
	KB_ATTACHMENT_KINDS,
	isAttachmentKind,
	isCaptionLang,
	mediaPresentation,
	type AttachmentKind,
	type CaptionLang
} from '../../domain/attachment-kinds.js';
import { etagOf, requestedRange } from '../http/range.js';
import * as q from './attachments.queries.js';
import { AttachmentRefused, kindNotAllowedNow, kindsTeamMayAttach } from './rules.js';
import { deleteTempFile, fileStore, newStorageKey } from './storage.js';
import type { ReceivedUpload, UploadLimits } from './upload.js';

type Trx = Transaction<DB>;

export type AttachmentView = {
	id: number;
	kind: AttachmentKind;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	sha256: string;
	createdAt: Date;
	uploadedBy: number;
	uploaderName: string;
};

/**
 * Reads the upload once the service knows what it may accept: the route passes
 * `(limits) => receiveUpload(request, limits)`, so nothing is streamed to disk for someone
 * who may not add to the idea, and the size limit is the one for the kinds allowed now.
 */
export type UploadSource = (limits: UploadLimits) => Promise<ReceivedUpload>;

/**
 * Files a checked upload, the one way every upload is stored. The file is stored first
 * (renamed into the data folder, or sent to the bucket, which may take a while for a large
 * file, so no transaction waits on it); then in one transaction `recheck` runs (the owner may
 * have changed during a long upload; it throws to refuse), the row is inserted and `record`
 * writes the events and audit that go with it. If storing fails there is no row; if the
 * transaction fails the stored file is deleted again. A row never names a missing file.
 */
export async function storeUpload<Checked>(
	db: Database,
	actor: Actor,
	file: ReceivedUpload,
	filing: {
		/** the one thing the file belongs to; captions and a poster frame also name their video (`parentId`) */
		owner: ({ ideaId: number } | { kbEntryId: number } | { instructionId: number } | { reportId: number }) & {
			parentId?: number;
			lang?: 'en' | 'nl';
		};
		recheck: (trx: Trx) => Promise<Checked>;
		record: (trx: Trx, attachmentId: number, checked: Checked) => Promise<unknown>;
	}
): Promise<{ id: number; createdAt: Date }> {
	const storageKey = newStorageKey();
	const store = fileStore();
	try {
		await store.put(file.tempPath, storageKey, { mediaType: file.mediaType });
	} catch (error) {
		await deleteTempFile(file.tempPath).catch(() => {});
		// The answer may have been lost after the bytes arrived: nothing may stay under the key.
		await store.delete(storageKey).catch(() => {});
		console.error(`[attachments] could not store an upload (${store.kind}):`, (error as Error).message);
		throw error;
	}
	try {
		return await db.transaction().execute(async (trx) => {
			const checked = await filing.recheck(trx);
			const row = await q.insertAttachment(trx, {
				...filing.owner,
				kind: file.kind,
				fileName: file.fileName,
				mediaType: file.mediaType,
				sizeBytes: file.sizeBytes,
				sha256: file.sha256,
				storageKey,
				uploadedBy: actor.id
			});
			await filing.record(trx, row.id, checked);
			return row;
		});
	} catch (error) {
		// Stored but not filed: the file has no row, so it goes too.
		await store.delete(storageKey).catch((e: unknown) => {
			console.error(`[attachments] could not delete unfiled file ${storageKey}:`, (e as Error).message);
		});
		throw error;
	}
}

/** An ordinary upload's kind (receiveUpload without `accept: 'captions'` never gives another). */
function ordinaryKind(file: ReceivedUpload): AttachmentKind {
	if (!isAttachmentKind(file.kind)) throw new AttachmentRefused('invalid_kind', `Unknown kind: ${file.kind}.`);
	return file.kind;
}

/**
 * Adds one file to an idea for a team member (see kindsTeamMayAttach): checks access, reads
 * the upload, then files it (storeUpload), re-checking under a lock on the idea, which may
 * have been submitted during a long upload, with an `attachment_added` event.
 */
export async function addIdeaAttachment(db: Database, actor: Actor, ideaId: number, upload: UploadSource): Promise<AttachmentView> {
	const access = await requireIdeaAccess(db, actor, ideaId, 'view');
	const kinds = kindsTeamMayAttach(access.facts);
	if (!kinds.length) throw new DomainError('not_allowed_now', 'Files cannot be added to this idea in its current state.', 409);

	const file = await upload({ kinds });
	const kind = ordinaryKind(file);
	const inserted = await storeUpload(db, actor, file, {
		owner: { ideaId },
		recheck: async (trx) => {
			await q.lockIdea(trx, ideaId);
			const now = await requireIdeaAccess(trx, actor, ideaId, 'view');
			const allowed = kindsTeamMayAttach(now.facts);
			if (!allowed.includes(kind)) throw kindNotAllowedNow(kind, allowed, file.fileName);
		},
		record: (trx, attachmentId) =>
			q.insertAttachmentEvent(trx, {
				ideaId,
				actorId: actor.id,
				kind: 'attachment_added',
				data: { attachmentId, fileName: file.fileName }
			})
	});
	const uploader = await q.findUserName(db, actor.id);
	return {
		id: inserted.id,
		kind,
		fileName: file.fileName,
		mediaType: file.mediaType,
		sizeBytes: file.sizeBytes,
		sha256: file.sha256,
		createdAt: inserted.createdAt,
		uploadedBy: actor.id,
		uploaderName: uploader?.name ?? ''
	};
}

/** A file in a list, with a video's captions (by language) and poster frame, which are not listed as files of their own. */
export type MediaListItem = AttachmentView & { captions: { id: number; lang: CaptionLang }[]; posterId: number | null };

/** An idea's files, oldest first. The caller has checked that the actor may view the idea (the idea page's load does). */
export async function listIdeaAttachments(db: Database, ideaId: number): Promise<MediaListItem[]> {
	const rows = await q.listAttachmentsOfIdea(db, ideaId);
	return rows.map((r) => ({ ...r, kind: r.kind as AttachmentKind }));
}

export type AttachmentDownload = {
	fileName: string;
	mediaType: string;
	size: number;
	sha256: string;
	stream: ReadableStream<Uint8Array>;
};

/**
 * Whether this person may see the file, by the policy of its owner (a video's captions and
 * poster frame have their video's owner):
 * - an idea's file: whoever may view the idea (a draft's files only its team, not even organisers);
 * - an entry's file: whoever may view the entry (every employee once it is published; its team and organisers before);
 * - an instruction's file (a step's photo or clip): whoever may view the instruction;
 * - a report's photo: whoever may view the report (the reporter, the instruction's owner, its handler, organisers).
 */
function mayView(actor: Actor, row: q.AttachmentForActor): boolean {
	if (row.ideaId !== null) {
		if (row.ideaStatus === null) return false;
		return canOnIdea(actor, 'view', {
			status: row.ideaStatus,
			isMember: Boolean(row.isMember),
			isMentor: Boolean(row.isMentor),
			isJuror: Boolean(row.isJuror),
			submissionClosed: Boolean(row.submissionClosed)
		});
	}
	if (row.kbStatus === null) return false;
	if (row.kbEntryId !== null) return canOnKbEntry(actor, 'view', { status: row.kbStatus, isTeam: Boolean(row.isEntryTeam) });
	if (row.instructionId !== null) return canOnInstruction(actor, 'view', instructionFacts(row));
	if (row.reportId !== null && row.reportStatus !== null) {
		return canOnReport(actor, 'view', {
			status: row.reportStatus,
			isReporter: Boolean(row.isReporter),
			isOwner: Boolean(row.isInstructionOwner),
			isHandler: Boolean(row.isReportHandler)
		});
	}
	return false;
}

function instructionFacts(row: q.AttachmentForActor): InstructionFacts {
	return {
		entryStatus: row.kbStatus ?? '',
		isEntryTeam: Boolean(row.isEntryTeam),
		isOwner: Boolean(row.isInstructionOwner),
		isHandler: Boolean(row.isInstructionHandler)
	};
}

/** The attachment with its owner's facts for one who may see it; not-found for anyone else, as if it did not exist. */
async function requireVisibleAttachment(db: Db, actor: Actor, attachmentId: number): Promise<q.AttachmentForActor> {
	const row = await q.findAttachmentForActor(db, attachmentId, actor.id);
	if (!row || !mayView(actor, row)) throw notFound();
	return row;
}

/**
 * The whole file for one who may see it (mayView); anyone else gets not-found. One statement.
 */
export async function openAttachmentForDownload(db: Database, actor: Actor, attachmentId: number): Promise<AttachmentDownload> {
	const row = await requireVisibleAttachment(db, actor, attachmentId);
	const file = await fileStore().open(row.storageKey);
	if (!file) {
		console.error(`[attachments] file of attachment ${row.id} is missing (storage key ${row.storageKey})`);
		throw notFound();
	}
	return { fileName: row.fileName, mediaType: row.mediaType, size: file.size, sha256: row.sha256, stream: file.stream };
}

/** What a request for a file asks beyond its id: the range headers, and whether to show it in the page or download it. */
export type FileRequest = { range: string | null; ifRange: string | null; mode: 'download' | 'view' };

export type ServedAttachment =
	| {
			kind: 'file';
			status: 200 | 206;
			fileName: string;
			mediaType: string;
			etag: string;
			/** the whole file's size */
			size: number;
			/** the bytes sent, inclusive, with 206 */
			range: { start: number; end: number } | null;
			stream: ReadableStream<Uint8Array>;
	  }
	| { kind: 'unsatisfiable'; size: number; etag: string }
	/** /view of a file that is not shown in the page (a Word file): the download instead */
	| { kind: 'download_instead' };

/**
 * A file, or the bytes of it a `Range` asks for, for one who may see it (mayView: anyone else
 * gets not-found, with or without a range). To view in the page only what a browser shows
 * safely (mediaPresentation: images, video, PDF, captions); anything else is sent to its
 * download. One statement: the file with every fact its owner's policy needs.
 */
export async function serveAttachment(db: Database, actor: Actor, attachmentId: number, request: FileRequest): Promise<ServedAttachment> {
	const row = await requireVisibleAttachment(db, actor, attachmentId);
	if (request.mode === 'view' && mediaPresentation(row.mediaType) === 'download') return { kind: 'download_instead' };
	const etag = etagOf(row.sha256);
	const range = requestedRange(request, row.sizeBytes, etag);
	if (range.kind === 'unsatisfiable') return { kind: 'unsatisfiable', size: row.sizeBytes, etag };
	const part = range.kind === 'partial' ? { start: range.start, end: range.end } : null;
	const file = await fileStore().open(row.storageKey, part ?? undefined);
	if (!file) {
		console.error(`[attachments] file of attachment ${row.id} is missing (storage key ${row.storageKey})`);
		throw notFound();
	}
	return {
		kind: 'file',
		status: part ? 206 : 200,
		fileName: row.fileName,
		mediaType: row.mediaType,
		etag,
		size: row.sizeBytes,
		range: part,
		stream: file.stream
	};
}

/**
 * Removes a file for a team member, under the same rule as adding it (kindsTeamMayAttach):
 * anything while the idea is the team's to edit; after acceptance the team's slides,
 * videos and work instructions, so a wrong upload can be replaced. Recorded as an
 * `attachment_removed` event. The stored file goes after the commit (if that fails, an
 * orphan file is logged; no row is left without its file).
 */
export async function removeIdeaAttachment(
	db: Database,
	actor: Actor,
	attachmentId: number
): Promise<{ ideaId: number; fileName: string }> {
	const row = await q.findAttachment(db, attachmentId);
	if (!row || row.ideaId === null) throw notFound();
	const ideaId = row.ideaId;
	let childKeys: string[] = [];
	await db.transaction().execute(async (trx) => {
		await q.lockIdea(trx, ideaId);
		const access = await requireIdeaAccess(trx, actor, ideaId, 'view');
		if (!kindsTeamMayAttach(access.facts).includes(row.kind as AttachmentKind)) {
			throw new DomainError('not_allowed_now', 'This file cannot be removed from the idea in its current state.', 409);
		}
		const deleted = await q.deleteAttachment(trx, attachmentId);
		if (!deleted.numDeletedRows) throw notFound();
		childKeys = deleted.childKeys;
		await q.insertAttachmentEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'attachment_removed',
			data: { attachmentId, fileName: row.fileName }
		});
	});
	await deleteStoredFiles(attachmentId, [row.storageKey, ...childKeys]);
	return { ideaId, fileName: row.fileName };
}

// ---------- knowledge-base entries ----------

/**
 * Adds one file to an entry (KB_ATTACHMENT_KINDS), filed as an idea's is (storeUpload):
 * nothing is read for someone who may not add, and the right is checked again under a lock
 * on the entry. The idea's timeline records it; an organiser's upload is audited. The
 * attachment's name joins the entry's search text.
 */
export async function addKbAttachment(
	db: Database,
	actor: Actor,
	entryId: number,
	upload: UploadSource
): Promise<{ id: number; fileName: string; kind: AttachmentKind }> {
	if (!(await mayAttachToEntry(db, actor, entryId)))
		throw new DomainError('not_allowed_now', 'Files cannot be added to this entry now.', 409);
	const file = await upload({ kinds: KB_ATTACHMENT_KINDS });
	const kind = ordinaryKind(file);
	const row = await storeUpload(db, actor, file, {
		owner: { kbEntryId: entryId },
		recheck: async (trx) => {
			const entry = await lockEntryForFiles(trx, actor, entryId);
			if (!entry.mayAttach) throw kindNotAllowedNow(kind, [], file.fileName);
			return entry.ideaId;
		},
		record: async (trx, attachmentId, ideaId) => {
			if (ideaId)
				await q.insertAttachmentEvent(trx, {
					ideaId,
					actorId: actor.id,
					kind: 'attachment_added',
					data: { attachmentId, fileName: file.fileName, kbEntryId: entryId }
				});
			if (hasRole(actor, 'organiser')) {
				await recordAudit(trx, {
					actorId: actor.id,
					action: 'kb_entry.attach',
					objectType: 'kb_entry',
					objectId: entryId,
					data: { attachmentId, fileName: file.fileName }
				});
			}
		}
	});
	return { id: row.id, fileName: file.fileName, kind };
}

/** Removes a file from an entry, under the same rule as adding one. The stored file goes after the commit. */
export async function removeKbAttachment(db: Database, actor: Actor, entryId: number, attachmentId: number): Promise<void> {
	const row = await q.findAttachment(db, attachmentId);
	if (!row || row.kbEntryId !== entryId) throw notFound();
	let childKeys: string[] = [];
	await db.transaction().execute(async (trx) => {
		const entry = await lockEntryForFiles(trx, actor, entryId);
		if (!entry.mayAttach) throw new DomainError('not_allowed_now', 'Files cannot be removed from this entry now.', 409);
		childKeys = (await q.deleteAttachment(trx, attachmentId)).childKeys;
		if (entry.ideaId)
			await q.insertAttachmentEvent(trx, {
				ideaId: entry.ideaId,
				actorId: actor.id,
				kind: 'attachment_removed',
				data: { attachmentId, fileName: row.fileName, kbEntryId: entryId }
			});
		if (hasRole(actor, 'organiser')) {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'kb_entry.detach',
				objectType: 'kb_entry',
				objectId: entryId,
				data: { attachmentId, fileName: row.fileName }
			});
		}
	});
	await deleteStoredFiles(attachmentId, [row.storageKey, ...childKeys]);
}

/** The same, from the implementation page, which knows the idea. */
export async function removeKbAttachmentOfIdea(db: Database, actor: Actor, ideaId: number, attachmentId: number): Promise<void> {
	await removeKbAttachment(db, actor, await requireEntryIdOfIdea(db, ideaId), attachmentId);
}

/**
 * Deletes the stored files of a removed attachment (a video's with its captions and poster),
 * after the commit: a failure leaves an orphan file, logged, never a row without its file.
 */
export async function deleteStoredFiles(attachmentId: number, keys: readonly string[]): Promise<void> {
	for (const key of keys) {
		await fileStore()
			.delete(key)
			.catch((error: unknown) => {
				console.error(`[attachments] could not delete a file of removed attachment ${attachmentId}:`, (error as Error).message);
			});
	}
}

// ---------- a video's captions and poster frame ----------

/**
 * Whether this person may change the files of the attachment's owner as one who adds a video
 * there: an idea's team while videos may be added to it (kindsTeamMayAttach), an entry's by
 * canOnKbEntry 'attach', an instruction's by canOnInstruction 'draft'. A report has no videos.
 */
function mayChangeVideosOf(actor: Actor, row: q.AttachmentForActor): boolean {
	if (row.ideaId !== null) return kindsTeamMayAttach({ status: row.ideaStatus ?? '', isMember: Boolean(row.isMember) }).includes('video');
	if (row.kbEntryId !== null) return canOnKbEntry(actor, 'attach', { status: row.kbStatus ?? '', isTeam: Boolean(row.isEntryTeam) });
	if (row.instructionId !== null) return canOnInstruction(actor, 'draft', instructionFacts(row));
	return false;
}

const isVideo = (row: q.AttachmentForActor) => row.parentId === null && mediaPresentation(row.mediaType) === 'video';

/** The video for one who may add captions or a poster to it: not-found if they may not see it (or it is no video), a conflict if they may not change it now. */
async function requireChangeableVideo(db: Db, actor: Actor, videoId: number): Promise<q.AttachmentForActor> {
	const row = await requireVisibleAttachment(db, actor, videoId);
	if (!isVideo(row)) throw notFound();
	if (!mayChangeVideosOf(actor, row))
		throw new DomainError('not_allowed_now', 'The captions and poster of this video cannot be changed now.', 409);
	return row;
}

function ownerOf(row: q.AttachmentForActor) {
	if (row.ideaId !== null) return { ideaId: row.ideaId };
	if (row.kbEntryId !== null) return { kbEntryId: row.kbEntryId };
	if (row.instructionId !== null) return { instructionId: row.instructionId };
	return { reportId: row.reportId! };
}

/** The idea's timeline (an idea's file, or an entry's that came from an idea) and, for an organiser, the audit log, as for other attachment changes. */
async function recordMediaChange(
	trx: Trx,
	actor: Actor,
	video: q.AttachmentForActor,
	change: { kind: 'attachment_added' | 'attachment_removed'; attachmentId: number; fileName: string }
): Promise<void> {
	const ideaId = video.ideaId ?? (video.kbEntryId !== null ? video.entryIdeaId : null);
	if (ideaId !== null)
		await q.insertAttachmentEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: change.kind,
			data: {
				attachmentId: change.attachmentId,
				fileName: change.fileName,
				videoId: video.parentId ?? video.id,
				...(video.kbEntryId !== null ? { kbEntryId: video.kbEntryId } : {})
			}
		});
	if (hasRole(actor, 'organiser') && video.ideaId === null) {
		const [objectType, objectId] = video.kbEntryId !== null ? ['kb_entry', video.kbEntryId] : ['work_instruction', video.instructionId!];
		await recordAudit(trx, {
			actorId: actor.id,
			action: `${objectType}.${change.kind === 'attachment_added' ? 'attach' : 'detach'}`,
			objectType,
			objectId,
			data: { attachmentId: change.attachmentId, fileName: change.fileName, videoId: video.parentId ?? video.id }
		});
	}
}

/**
 * Files a video's captions or poster frame, replacing the one before it (per language for
 * captions): checked before anything is read, then again in the transaction that removes
 * the old one and inserts the new (q.recheckVideoAndClearSlot); the old file goes after the
 * commit. Statements: the video with its facts; then the recheck with the removal, the
 * insert and the event (no event for an entry without an idea).
 */
async function fileVideoChild(
	db: Database,
	actor: Actor,
	video: q.AttachmentForActor,
	file: ReceivedUpload,
	slot: q.ChildSlot
): Promise<{ id: number; fileName: string; replaced: boolean }> {
	let replaced: { id: number; key: string } | null = null;
	const inserted = await storeUpload(db, actor, file, {
		owner: { ...ownerOf(video), parentId: video.id, ...(slot.kind === 'captions' ? { lang: slot.lang } : {}) },
		recheck: async (trx) => {
			const now = await q.recheckVideoAndClearSlot(trx, video.id, actor.id, slot);
			if (!now || !mayView(actor, now)) throw notFound();
			if (!mayChangeVideosOf(actor, now))
				throw new DomainError('not_allowed_now', 'The captions and poster of this video cannot be changed now.', 409);
			replaced = now.replacedId !== null && now.replacedKey !== null ? { id: now.replacedId, key: now.replacedKey } : null;
			return now;
		},
		record: (trx, attachmentId, now) =>
			recordMediaChange(trx, actor, now, { kind: 'attachment_added', attachmentId, fileName: file.fileName })
	});
	// Set in the committed transaction; TypeScript cannot see through the callback.
	const old = replaced as { id: number; key: string } | null;
	if (old) await deleteStoredFiles(old.id, [old.key]);
	return { id: inserted.id, fileName: file.fileName, replaced: !!old };
}

/**
 * Captions for a video in one language (the form's `lang`: en or nl), WebVTT judged by its
 * content (rules.judgeCaptions), replacing that language's captions before them.
 */
export async function addVideoCaptions(
	db: Database,
	actor: Actor,
	videoId: number,
	upload: UploadSource
): Promise<{ id: number; fileName: string; lang: CaptionLang; replaced: boolean }> {
	const video = await requireChangeableVideo(db, actor, videoId);
	const file = await upload({ kinds: [], accept: 'captions', fields: 4 });
	const lang = file.fields.lang?.trim();
	if (!isCaptionLang(lang)) {
		await deleteTempFile(file.tempPath).catch(() => {});
		throw new AttachmentRefused('invalid_lang', 'Choose the language of the captions: English or Dutch.');
	}
	const filed = await fileVideoChild(db, actor, video, file, { kind: 'captions', lang });
	return { ...filed, lang };
}

/** A video's poster frame: a picture every browser shows (JPEG, PNG, WebP, GIF), replacing the one before. */
export async function addVideoPoster(
	db: Database,
	actor: Actor,
	videoId: number,
	upload: UploadSource
): Promise<{ id: number; fileName: string; replaced: boolean }> {
	const video = await requireChangeableVideo(db, actor, videoId);
	const file = await upload({ kinds: ['photo'], fields: 4 });
	if (mediaPresentation(file.mediaType) !== 'image') {
		await deleteTempFile(file.tempPath).catch(() => {});
		throw new AttachmentRefused('type_not_allowed', `${file.fileName}: a poster must be JPEG, PNG, WebP or GIF.`, {
			fileName: file.fileName,
			kind: 'photo',
			detected: file.mediaType === 'image/heic' || file.mediaType === 'image/heif' ? 'HEIC' : file.mediaType,
			accepted: 'JPEG, PNG, WebP, GIF'
		});
	}
	return fileVideoChild(db, actor, video, file, { kind: 'photo' });
}

/**
 * Removes a video's captions or poster frame, under the same rule as adding them. Its file
 * goes after the commit. Statements: the child with its owner's facts, the removal, the event.
 */
export async function removeVideoChild(
	db: Database,
	actor: Actor,
	childId: number
): Promise<{ videoId: number; kind: 'captions' | 'poster' }> {
	const row = await requireVisibleAttachment(db, actor, childId);
	if (row.parentId === null) throw notFound();
	if (!mayChangeVideosOf(actor, row))
		throw new DomainError('not_allowed_now', 'The captions and poster of this video cannot be changed now.', 409);
	await db.transaction().execute(async (trx) => {
		const deleted = await q.deleteAttachment(trx, childId);
		if (!deleted.numDeletedRows) throw notFound();
		await recordMediaChange(trx, actor, row, { kind: 'attachment_removed', attachmentId: childId, fileName: row.fileName });
	});
	await deleteStoredFiles(childId, [row.storageKey]);
	return { videoId: row.parentId, kind: row.kind === 'captions' ? 'captions' : 'poster' };
}
