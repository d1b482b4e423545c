/**
 * Files attached to ideas (and read from knowledge-base entries). Who may add what and when
 * is `kindsTeamMayAttach` in rules.ts; who may download is whoever may see the idea
 * (policy.ts), or any employee for a published knowledge-base entry.
 */
import type { Database } from '../db/index.js';
import { can, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { requireIdeaAccess } from '../ideas/ideas.access.js';
import * as q from './attachments.queries.js';
import { kindNotAllowedNow, kindsTeamMayAttach, type AttachmentKind } from './rules.js';
import { deleteStoredFile, deleteTempFile, moveIntoPlace, newStorageKey, openStoredFile } from './storage.js';
import type { ReceivedUpload, UploadLimits } from './upload.js';

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
 * Adds one file to an idea for a team member (see kindsTeamMayAttach): checks access, reads
 * the upload, then in one transaction re-checks (the idea may have been submitted during a
 * long upload), inserts the row and an `attachment_added` event and moves the file into
 * place. On any failure no row and no file remain.
 */
export async function addIdeaAttachment(db: Database, actor: Actor, ideaId: number, upload: UploadSource): Promise<AttachmentView> {
	const access = await requireIdeaAccess(db, actor, ideaId, 'view');
	const kinds = kindsTeamMayAttach(access.facts);
	if (!kinds.length) throw new DomainError('not_allowed_now', 'Files cannot be added to this idea in its current state.', 409);

	const file = await upload({ kinds });
	const storageKey = newStorageKey();
	let moved = false;
	try {
		const inserted = await db.transaction().execute(async (trx) => {
			await q.lockIdea(trx, ideaId);
			const now = await requireIdeaAccess(trx, actor, ideaId, 'view');
			const allowed = kindsTeamMayAttach(now.facts);
			if (!allowed.includes(file.kind)) throw kindNotAllowedNow(file.kind, allowed, file.fileName);
			const row = await q.insertAttachment(trx, {
				ideaId,
				kind: file.kind,
				fileName: file.fileName,
				mediaType: file.mediaType,
				sizeBytes: file.sizeBytes,
				sha256: file.sha256,
				storageKey,
				uploadedBy: actor.id
			});
			await q.insertAttachmentEvent(trx, {
				ideaId,
				actorId: actor.id,
				kind: 'attachment_added',
				data: { attachmentId: row.id, fileName: file.fileName }
			});
			// Last step inside the transaction: if the rename fails, the row is rolled back.
			await moveIntoPlace(file.tempPath, storageKey);
			moved = true;
			return row;
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
	} catch (error) {
		await deleteTempFile(file.tempPath).catch(() => {});
		// Moved but the commit failed: the file has no row, so it goes too.
		if (moved) await deleteStoredFile(storageKey).catch(() => {});
		throw error;
	}
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
	const file = await openStoredFile(row.storageKey);
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
 * `attachment_removed` event. The file on disk goes after the commit.
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
	await deleteStoredFile(row.storageKey).catch((error) => {
		console.error(`[attachments] could not delete the file of removed attachment ${attachmentId}:`, (error as Error).message);
	});
	return { ideaId, fileName: row.fileName };
}
