/** The idea page: the idea with its team, benefits and tags; its timeline, comments and merge candidates. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import { NOT_MERGE_TARGETS } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';
import { IDEA_ATTACHMENT_COLUMNS } from '../attachments/attachments.queries.js';
import type { AttachmentKind } from '../../domain/attachment-kinds.js';
import { ideaVoiceColumns } from './voice.queries.js';

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
		.select('i.location')
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('attachment as a')
					.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
					.select(IDEA_ATTACHMENT_COLUMNS)
					.whereRef('a.ideaId', '=', 'i.id')
					.where('a.parentId', 'is', null)
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

/** What the idea page reads for one reader. */
export type IdeaPageReader = {
	/** the reader: their support and follow of the idea */
	viewerId: number;
	/** the comment visibilities they may read ('team' always; 'organisers' for organisers) */
	visibilities: string[];
	/** hidden comments stay in (marked) only for organisers; everyone else never receives them */
	withHidden: boolean;
	/** for an organiser, the statuses a merge may start from (merge candidates are read only then) */
	mergeFrom: readonly string[] | null;
	mergeLimit?: number;
};

/**
 * The idea page's reads in one statement: the idea (as `findIdeaDetail`) with where it happens
 * and who entered it, its timeline, the comments this reader may read (each with its writer's
 * department and part in the idea: team, mentor, organiser), colleagues' voice (supports,
 * follows), the active departments (for "this would help us too in ...") and, for an organiser,
 * the ideas it could be merged into (as `findMergeCandidates`).
 */
export async function findIdeaPage(db: Db, ideaId: number, reader: IdeaPageReader) {
	const { visibilities, mergeFrom, mergeLimit = 10 } = reader;
	const row = await ideaDetail(db, ideaId)
		.select((eb) => [
			'i.location',
			'i.enteredBy',
			eb.selectFrom('appUser as enu').select('enu.name').whereRef('enu.id', '=', 'i.enteredBy').as('enteredByName'),
			...ideaVoiceColumns(eb, reader.viewerId),
			jsonArrayFrom(
				eb
					.selectFrom('department as ad')
					.select(['ad.id', 'ad.name', 'ad.nameNl'])
					.where('ad.retiredAt', 'is', null)
					.orderBy('ad.name')
					.orderBy('ad.id')
			).as('departments'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaEvent as e')
					.leftJoin('appUser as eu', 'eu.id', 'e.actorId')
					.select(['e.id', 'e.kind', 'e.fromStatus', 'e.toStatus', 'e.reason', 'e.data', 'e.createdAt', 'eu.name as actorName'])
					.whereRef('e.ideaId', '=', 'i.id')
					// "Comment added" only where the reader may read that comment (not an organisers' note, not a hidden one)
					.where((w) =>
						w.or([
							w('e.kind', '<>', 'commented'),
							w.exists(
								w
									.selectFrom('comment as ec')
									.select('ec.id')
									.where('ec.id', '=', sql<number>`(e.data->>'commentId')::int`)
									.where('ec.visibility', 'in', visibilities)
									.$if(!reader.withHidden, (h) => h.where('ec.hiddenAt', 'is', null))
							)
						])
					)
					.orderBy('e.createdAt')
					.orderBy('e.id')
			).as('events'),
			jsonArrayFrom(
				eb
					.selectFrom('comment as cm')
					.innerJoin('appUser as cu', 'cu.id', 'cm.authorId')
					.innerJoin('department as cd', 'cd.id', 'cu.departmentId')
					.leftJoin('appUser as hu', 'hu.id', 'cm.hiddenBy')
					.select((c) => [
						'cm.id',
						'cm.body',
						'cm.visibility',
						'cm.createdAt',
						'cu.name as authorName',
						'cu.id as authorId',
						'cd.name as authorDepartment',
						'cd.nameNl as authorDepartmentNl',
						c
							.exists(
								c
									.selectFrom('ideaMember as cmm')
									.select('cmm.userId')
									.whereRef('cmm.ideaId', '=', 'i.id')
									.whereRef('cmm.userId', '=', 'cm.authorId')
							)
							.as('byTeam'),
						c
							.exists(
								c
									.selectFrom('mentorAssignment as cma')
									.select('cma.id')
									.whereRef('cma.ideaId', '=', 'i.id')
									.whereRef('cma.mentorId', '=', 'cm.authorId')
									.where('cma.status', 'in', ['proposed', 'accepted'])
							)
							.as('byMentor'),
						c
							.exists(
								c
									.selectFrom('roleGrant as crg')
									.select('crg.userId')
									.whereRef('crg.userId', '=', 'cm.authorId')
									.where('crg.role', '=', 'organiser')
							)
							.as('byOrganiser'),
						'cm.hiddenAt',
						'cm.hiddenReason',
						'hu.name as hiddenByName'
					])
					.whereRef('cm.ideaId', '=', 'i.id')
					.where('cm.visibility', 'in', visibilities)
					.$if(!reader.withHidden, (w) => w.where('cm.hiddenAt', 'is', null))
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
	const comments = row.comments.map((c) => ({
		...stamp(c),
		byTeam: Boolean(c.byTeam),
		byMentor: Boolean(c.byMentor),
		byOrganiser: Boolean(c.byOrganiser),
		hiddenAt: c.hiddenAt === null ? null : new Date(c.hiddenAt)
	}));
	return { ...row, events: row.events.map(stamp), comments };
}
