import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../db/index.js';
import type { Attachment, DB } from '../db/schema.js';

export function insertAttachment(db: Db, row: Insertable<Attachment>) {
	return db.insertInto('attachment').values(row).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
}

/** One attachment with what the download check needs: its idea, or its entry's status. */
export function findAttachment(db: Db, attachmentId: number) {
	return db
		.selectFrom('attachment as a')
		.leftJoin('kbEntry as k', 'k.id', 'a.kbEntryId')
		.select([
			'a.id',
			'a.ideaId',
			'a.kbEntryId',
			'a.kind',
			'a.fileName',
			'a.mediaType',
			'a.sizeBytes',
			'a.sha256',
			'a.storageKey',
			'a.uploadedBy',
			'a.createdAt',
			'k.status as kbStatus'
		])
		.where('a.id', '=', attachmentId)
		.executeTakeFirst();
}

/** What a list of an idea's attachments shows (`attachment as a` joined with its uploader `appUser as u`). */
export const IDEA_ATTACHMENT_COLUMNS = [
	'a.id',
	'a.kind',
	'a.fileName',
	'a.mediaType',
	'a.sizeBytes',
	'a.sha256',
	'a.createdAt',
	'a.uploadedBy',
	'u.name as uploaderName'
] as const;

/** An idea's attachments with the uploader's name, oldest first. */
export function listAttachmentsOfIdea(db: Db, ideaId: number) {
	return db
		.selectFrom('attachment as a')
		.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
		.select(IDEA_ATTACHMENT_COLUMNS)
		.where('a.ideaId', '=', ideaId)
		.orderBy('a.createdAt')
		.orderBy('a.id')
		.execute();
}

export function deleteAttachment(db: Db, attachmentId: number) {
	return db.deleteFrom('attachment').where('id', '=', attachmentId).executeTakeFirst();
}

/** Holds the idea still until the transaction ends, so its status cannot change under an upload being filed. */
export function lockIdea(db: Transaction<DB>, ideaId: number) {
	return db.selectFrom('idea').select('id').where('id', '=', ideaId).forUpdate().executeTakeFirst();
}

export function findUserName(db: Db, userId: number) {
	return db.selectFrom('appUser').select('name').where('id', '=', userId).executeTakeFirst();
}

export function insertAttachmentEvent(
	db: Db,
	event: {
		ideaId: number;
		actorId: number;
		kind: 'attachment_added' | 'attachment_removed';
		data: { attachmentId: number; fileName: string; kbEntryId?: number };
	}
) {
	return db
		.insertInto('ideaEvent')
		.values({ ideaId: event.ideaId, actorId: event.actorId, kind: event.kind, data: JSON.stringify(event.data) })
		.execute();
}
