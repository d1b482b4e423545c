import { sql, type Insertable, type QueryCreator, type Transaction } from 'kysely';
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

/**
 * One attachment with every fact the policy needs to say whether this person may see it, in
 * one statement (so a video's range request costs the session's read and this one):
 * - an idea's file: the idea's status and the actor's place in it, as ideas.access's
 *   loadIdeaFacts reads them (kept equal: the same subqueries);
 * - an entry's file: the entry's status and whether the actor is on the team of its idea;
 * - an instruction's file: its entry's status and team, whether the actor owns the
 *   instruction or handles an open report on it;
 * - a report's photo: the report's status, whether the actor reported it, handles it, or owns
 *   its instruction.
 * Captions and a poster frame carry their video's owner, so the same facts apply.
 */
export function findAttachmentForActor(db: Db, attachmentId: number, actorId: number) {
	return attachmentForActor(db, attachmentId, actorId).executeTakeFirst();
}

function attachmentForActor(db: QueryCreator<DB>, attachmentId: number, actorId: number) {
	return db
		.selectFrom('attachment as a')
		.leftJoin('idea as i', 'i.id', 'a.ideaId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.leftJoin('instructionReport as r', 'r.id', 'a.reportId')
		.leftJoin('workInstruction as wi', (join) => join.on(sql<boolean>`wi.id = coalesce(a.instruction_id, r.instruction_id)`))
		.leftJoin('kbEntry as k', (join) => join.on(sql<boolean>`k.id = coalesce(a.kb_entry_id, wi.kb_entry_id)`))
		.select((eb) => [
			'a.id',
			'a.ideaId',
			'a.kbEntryId',
			'a.instructionId',
			'a.reportId',
			'a.parentId',
			'a.lang',
			'a.kind',
			'a.fileName',
			'a.mediaType',
			'a.sizeBytes',
			'a.sha256',
			'a.storageKey',
			'a.uploadedBy',
			'a.createdAt',
			'i.status as ideaStatus',
			sql<boolean>`coalesce(c.submission_closes_at <= now(), false)`.as('submissionClosed'),
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'a.ideaId').where('m.userId', '=', actorId).select('m.userId'))
				.as('isMember'),
			eb
				.exists(
					eb
						.selectFrom('mentorAssignment as ma')
						.whereRef('ma.ideaId', '=', 'a.ideaId')
						.where('ma.mentorId', '=', actorId)
						.where('ma.status', 'in', ['proposed', 'accepted'])
						.select('ma.id')
				)
				.as('isMentor'),
			eb
				.exists(
					eb
						.selectFrom('roundEntry as e')
						.innerJoin('juryMember as jm', 'jm.juryId', 'e.juryId')
						.whereRef('e.ideaId', '=', 'a.ideaId')
						.where('jm.userId', '=', actorId)
						.select('e.ideaId')
				)
				.as('isJuror'),
			'k.status as kbStatus',
			'k.ideaId as entryIdeaId',
			eb
				.exists(
					eb.selectFrom('ideaMember as km').whereRef('km.ideaId', '=', 'k.ideaId').where('km.userId', '=', actorId).select('km.userId')
				)
				.as('isEntryTeam'),
			sql<boolean>`coalesce(wi.owner_id = ${actorId}, false)`.as('isInstructionOwner'),
			eb
				.exists(
					eb
						.selectFrom('instructionReport as hr')
						.whereRef('hr.instructionId', '=', 'wi.id')
						.where('hr.handlerId', '=', actorId)
						.where('hr.status', '<>', 'closed')
						.select('hr.id')
				)
				.as('isInstructionHandler'),
			'r.status as reportStatus',
			sql<boolean>`coalesce(r.reporter_id = ${actorId}, false)`.as('isReporter'),
			sql<boolean>`coalesce(r.handler_id = ${actorId}, false)`.as('isReportHandler')
		])
		.where('a.id', '=', attachmentId);
}

export type AttachmentForActor = NonNullable<Awaited<ReturnType<typeof findAttachmentForActor>>>;

/** A video's place for one child: its captions in one language, or its poster frame. */
export type ChildSlot = { kind: 'captions'; lang: 'en' | 'nl' } | { kind: 'photo' };

/**
 * Inside the transaction that files a video's captions or poster: the video (held until the
 * transaction ends) with its owner's facts again, the upload having taken a while, and the
 * child it replaces removed in the same statement, its storage key returned so the caller
 * deletes that file after the commit. If the transaction then fails, the removal is undone.
 */
export function recheckVideoAndClearSlot(trx: Transaction<DB>, videoId: number, actorId: number, slot: ChildSlot) {
	const cleared = trx.with('replaced', (qc) => {
		let del = qc.deleteFrom('attachment').where('parentId', '=', videoId).where('kind', '=', slot.kind);
		if (slot.kind === 'captions') del = del.where('lang', '=', slot.lang);
		return del.returning(['id', 'storageKey']);
	});
	return attachmentForActor(cleared as unknown as QueryCreator<DB>, videoId, actorId)
		.select([
			sql<number | null>`(select id from replaced limit 1)`.as('replacedId'),
			sql<string | null>`(select storage_key from replaced limit 1)`.as('replacedKey')
		])
		.forUpdate(['a'])
		.executeTakeFirst();
}

/**
 * A video's captions, `[{ id, lang }]` by language, as a column of a list that reads
 * attachments under `alias` (e.g. `captionsOf('a').as('captions')`): lists show a video with
 * its captions and poster in the same statement, never a query per file.
 */
export function captionsOf(alias: string) {
	return sql<
		{ id: number; lang: 'en' | 'nl' }[]
	>`(select coalesce(json_agg(json_build_object('id', cap.id, 'lang', cap.lang) order by cap.lang), '[]') from attachment cap where cap.parent_id = ${sql.ref(`${alias}.id`)} and cap.kind = 'captions')`;
}

/** A video's poster frame's id (or null), the same way: `posterOf('a').as('posterId')`. */
export function posterOf(alias: string) {
	return sql<number | null>`(select po.id from attachment po where po.parent_id = ${sql.ref(`${alias}.id`)} and po.kind = 'photo' limit 1)`;
}

/** The captions and poster frame of a video, for removing them with it. */
export function findChildren(db: Db, videoId: number) {
	return db.selectFrom('attachment').select(['id', 'kind', 'lang', 'storageKey', 'fileName']).where('parentId', '=', videoId).execute();
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

/** An idea's files with the uploader's name, oldest first; a video's captions and poster come with it, not as files of their own. */
export function listAttachmentsOfIdea(db: Db, ideaId: number) {
	return db
		.selectFrom('attachment as a')
		.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
		.select(IDEA_ATTACHMENT_COLUMNS)
		.select([captionsOf('a').as('captions'), posterOf('a').as('posterId')])
		.where('a.ideaId', '=', ideaId)
		.where('a.parentId', 'is', null)
		.orderBy('a.createdAt')
		.orderBy('a.id')
		.execute();
}

/**
 * Deletes an attachment; a video's captions and poster frame go with it (ON DELETE CASCADE).
 * Returns whether it was there and the storage keys of those children, read in the same
 * statement, so the caller deletes their files after the commit too.
 */
export async function deleteAttachment(db: Db, attachmentId: number): Promise<{ numDeletedRows: bigint; childKeys: string[] }> {
	const row = await db
		.with('children', (qc) => qc.selectFrom('attachment').select('storageKey').where('parentId', '=', attachmentId))
		.with('gone', (qc) => qc.deleteFrom('attachment').where('id', '=', attachmentId).returning('id'))
		.selectNoFrom([
			sql<number>`(select count(*) from gone)::int`.as('deleted'),
			sql<string[]>`coalesce((select json_agg(storage_key) from children), '[]')`.as('childKeys')
		])
		.executeTakeFirstOrThrow();
	return { numDeletedRows: BigInt(row.deleted), childKeys: row.childKeys };
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
		/** `videoId`: captions or a poster frame of that video */
		data: { attachmentId: number; fileName: string; kbEntryId?: number; videoId?: number };
	}
) {
	return db
		.insertInto('ideaEvent')
		.values({ ideaId: event.ideaId, actorId: event.actorId, kind: event.kind, data: JSON.stringify(event.data) })
		.execute();
}
