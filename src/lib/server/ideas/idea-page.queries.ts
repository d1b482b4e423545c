/** The idea page: the idea with its team, benefits and tags; its timeline, comments and merge candidates. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import { NOT_MERGE_TARGETS } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';
import { IDEA_ATTACHMENT_COLUMNS } from '../attachments/attachments.queries.js';
import type { AttachmentKind } from '../../domain/attachment-kinds.js';

/** The idea in one round trip: fields, team, benefits, tags. */
export function findIdeaDetail(db: Db, ideaId: number) {
	return ideaDetail(db, ideaId).executeTakeFirst();
}

/**
 * The edit page's idea in one round trip: as `findIdeaDetail`, with its attachments (oldest
 * first, their times turned back into dates from JSON).
 */
export async function findIdeaForEdit(db: Db, ideaId: number) {
	const row = await ideaDetail(db, ideaId)
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('attachment as a')
					.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
					.select(IDEA_ATTACHMENT_COLUMNS)
					.whereRef('a.ideaId', '=', 'i.id')
					.orderBy('a.createdAt')
					.orderBy('a.id')
			).as('attachments')
		)
		.executeTakeFirst();
	if (!row) return undefined;
	return { ...row, attachments: row.attachments.map((a) => ({ ...a, kind: a.kind as AttachmentKind, createdAt: new Date(a.createdAt) })) };
}

function ideaDetail(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.leftJoin('processArea as pa', 'pa.id', 'i.processAreaId')
		.leftJoin('idea as target', 'target.id', 'i.mergedIntoId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.problem',
			'i.proposal',
			'i.status',
			'i.award',
			'i.version',
			'i.departmentId',
			'i.competitionId',
			'i.processAreaId',
			'i.createdBy',
			'i.createdAt',
			'i.updatedAt',
			'i.submittedAt',
			'i.firstSubmittedAt',
			'i.answeredAt',
			'i.mergedIntoId',
			'target.title as mergedIntoTitle',
			'd.name as departmentName',
			'c.name as competitionName',
			'c.submissionOpensAt',
			'c.submissionClosesAt',
			'c.responseDays',
			'c.status as competitionStatus',
			'pa.nameEn as processAreaEn',
			'pa.nameNl as processAreaNl',
			eb.selectFrom('kbEntry as k').select('k.id').whereRef('k.ideaId', '=', 'i.id').where('k.status', '=', 'published').as('kbEntryId'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.innerJoin('department as ud', 'ud.id', 'u.departmentId')
					.select(['u.id', 'u.name', 'u.jobTitle', 'ud.name as departmentName', 'm.role'])
					.whereRef('m.ideaId', '=', 'i.id')
					.orderBy('m.role', 'desc')
					.orderBy('u.name')
			).as('team'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaBenefit as b')
					.select(['b.kind', 'b.description', 'b.estimate', 'b.unit'])
					.whereRef('b.ideaId', '=', 'i.id')
					.orderBy('b.id')
			).as('benefits'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaTag as it')
					.innerJoin('tag as t', 't.id', 'it.tagId')
					.select('t.name')
					.whereRef('it.ideaId', '=', 'i.id')
					.orderBy('t.name')
			).as('tags')
		])
		.where('i.id', '=', ideaId);
}

type Stamped<T> = Omit<T, 'createdAt'> & { createdAt: Date };

/**
 * The idea page's reads in one statement: the idea (as `findIdeaDetail`), its timeline, the
 * comments of these visibilities and, for an organiser (`mergeFrom` the statuses a merge may
 * start from), the ideas it could be merged into (as `findMergeCandidates`).
 */
export async function findIdeaPage(db: Db, ideaId: number, visibilities: string[], mergeFrom: readonly string[] | null, mergeLimit = 10) {
	const row = await ideaDetail(db, ideaId)
		.select((eb) => [
			jsonArrayFrom(
				eb
					.selectFrom('ideaEvent as e')
					.leftJoin('appUser as eu', 'eu.id', 'e.actorId')
					.select(['e.id', 'e.kind', 'e.fromStatus', 'e.toStatus', 'e.reason', 'e.data', 'e.createdAt', 'eu.name as actorName'])
					.whereRef('e.ideaId', '=', 'i.id')
					.orderBy('e.createdAt')
					.orderBy('e.id')
			).as('events'),
			jsonArrayFrom(
				eb
					.selectFrom('comment as cm')
					.innerJoin('appUser as cu', 'cu.id', 'cm.authorId')
					.select(['cm.id', 'cm.body', 'cm.visibility', 'cm.createdAt', 'cu.name as authorName', 'cu.id as authorId'])
					.whereRef('cm.ideaId', '=', 'i.id')
					.where('cm.visibility', 'in', visibilities)
					.orderBy('cm.createdAt')
					.orderBy('cm.id')
			).as('comments'),
			jsonArrayFrom(
				eb
					.selectFrom('idea as other')
					.select(['other.id', 'other.title', 'other.status'])
					.where(sql<boolean>`${mergeFrom !== null && mergeFrom.length > 0} and i.status = any(${[...(mergeFrom ?? [])]}::text[])`)
					.whereRef('other.id', '<>', 'i.id')
					.where((w) => w.or([w('i.competitionId', 'is', null), w('other.competitionId', '=', w.ref('i.competitionId'))]))
					.where('other.status', 'not in', NOT_MERGE_TARGETS)
					.orderBy(sql`similarity(other.title, i.title)`, 'desc')
					.orderBy('other.id')
					.limit(mergeLimit)
			).as('mergeCandidates')
		])
		.executeTakeFirst();
	if (!row) return undefined;
	// JSON carries timestamps as text: the page gets the Dates the separate reads gave.
	const stamp = <T extends { createdAt: unknown }>(r: T): Stamped<T> => ({ ...r, createdAt: new Date(r.createdAt as string) });
	return { ...row, events: row.events.map(stamp), comments: row.comments.map(stamp) };
}
