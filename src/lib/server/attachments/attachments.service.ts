/**
 * Files attached to ideas and to knowledge-base entries. Who may add what to an idea and
 * when is `kindsTeamMayAttach` in rules.ts; to an entry, canOnKbEntry's 'attach' in
 * policy.ts (asked through the knowledge base's kb.access.ts). Who may download is whoever
 * may see the idea (policy.ts), or any employee for a published knowledge-base entry.
 * Every upload is filed by one helper, storeUpload.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { requireIdeaAccess } from '../ideas/ideas.access.js';
import { lockEntryForFiles, mayAttachToEntry, requireEntryIdOfIdea } from '../knowledge-base/kb.access.js';
import { KB_ATTACHMENT_KINDS, type AttachmentKind } from '../../domain/attachment-kinds.js';
import * as q from './attachments.queries.js';
import { kindNotAllowedNow, kindsTeamMayAttach } from './rules.js';
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
	const inserted = await storeUpload(db, actor, file, {
		owner: { ideaId },
		recheck: async (trx) => {
			await q.lockIdea(trx, ideaId);
			const now = await requireIdeaAccess(trx, actor, ideaId, 'view');
			const allowed = kindsTeamMayAttach(now.facts);
			if (!allowed.includes(file.kind)) throw kindNotAllowedNow(file.kind, allowed, file.fileName);
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
		kind: file.kind,
		fileName: file.fileName,
		mediaType: file.mediaType,
		sizeBytes: file.sizeBytes,
		sha256: file.sha256,
		createdAt: inserted.createdAt,
		uploadedBy: actor.id,
		uploaderName: uploader?.name ?? ''
	};
}

/** An idea's files, oldest first. The caller has checked that the actor may view the idea (the idea page's load does). */
export async function listIdeaAttachments(db: Database, ideaId: number): Promise<AttachmentView[]> {
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
 * The file for one who may see it: an idea's attachment for whoever may view the idea (so
 * a draft's files only for its team, not even organisers); a knowledge-base entry's for
 * every employee while the entry is published, for organisers also when unpublished.
 * Anyone else gets not-found, as if the file did not exist.
 */
export async function openAttachmentForDownload(db: Database, actor: Actor, attachmentId: number): Promise<AttachmentDownload> {
	const row = await q.findAttachment(db, attachmentId);
	if (!row) throw notFound();
	if (row.ideaId !== null) {
		await requireIdeaAccess(db, actor, row.ideaId, 'view');
	} else {
		if (!can(actor, 'kb.read')) throw notFound();
		if (row.kbStatus !== 'published' && !hasRole(actor, 'organiser')) throw notFound();
	}
	const file = await fileStore().open(row.storageKey);
	if (!file) {
		console.error(`[attachments] file of attachment ${row.id} is missing (storage key ${row.storageKey})`);
		throw notFound();
	}
	return { fileName: row.fileName, mediaType: row.mediaType, size: file.size, sha256: row.sha256, stream: file.stream };
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
	await db.transaction().execute(async (trx) => {
		await q.lockIdea(trx, ideaId);
		const access = await requireIdeaAccess(trx, actor, ideaId, 'view');
		if (!kindsTeamMayAttach(access.facts).includes(row.kind as AttachmentKind)) {
			throw new DomainError('not_allowed_now', 'This file cannot be removed from the idea in its current state.', 409);
		}
		const deleted = await q.deleteAttachment(trx, attachmentId);
		if (!deleted.numDeletedRows) throw notFound();
		await q.insertAttachmentEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'attachment_removed',
			data: { attachmentId, fileName: row.fileName }
		});
	});
	await fileStore()
		.delete(row.storageKey)
		.catch((error: unknown) => {
			console.error(`[attachments] could not delete the file of removed attachment ${attachmentId}:`, (error as Error).message);
		});
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
	const row = await storeUpload(db, actor, file, {
		owner: { kbEntryId: entryId },
		recheck: async (trx) => {
			const entry = await lockEntryForFiles(trx, actor, entryId);
			if (!entry.mayAttach) throw kindNotAllowedNow(file.kind, [], file.fileName);
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
	return { id: row.id, fileName: file.fileName, kind: file.kind };
}

/** Removes a file from an entry, under the same rule as adding one. The stored file goes after the commit. */
export async function removeKbAttachment(db: Database, actor: Actor, entryId: number, attachmentId: number): Promise<void> {
	const row = await q.findAttachment(db, attachmentId);
	if (!row || row.kbEntryId !== entryId) throw notFound();
	await db.transaction().execute(async (trx) => {
		const entry = await lockEntryForFiles(trx, actor, entryId);
		if (!entry.mayAttach) throw new DomainError('not_allowed_now', 'Files cannot be removed from this entry now.', 409);
		await q.deleteAttachment(trx, attachmentId);
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
	await fileStore()
		.delete(row.storageKey)
		.catch((error: unknown) => {
			console.error(`[attachments] could not delete the file of removed attachment ${attachmentId}:`, (error as Error).message);
		});
}

/** The same, from the implementation page, which knows the idea. */
export async function removeKbAttachmentOfIdea(db: Database, actor: Actor, ideaId: number, attachmentId: number): Promise<void> {
	await removeKbAttachment(db, actor, await requireEntryIdOfIdea(db, ideaId), attachmentId);
}
