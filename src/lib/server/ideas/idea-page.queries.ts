/** The idea page: the idea with its team, benefits and tags; its timeline, comments and merge candidates. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import { NOT_MERGE_TARGETS } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';

/** The idea page in one round trip: fields, team, benefits, tags, attachments. */
export function findIdeaDetail(db: Db, ideaId: number) {
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
		.where('i.id', '=', ideaId)
		.executeTakeFirst();
}

export function listEvents(db: Db, ideaId: number) {
	return db
		.selectFrom('ideaEvent as e')
		.leftJoin('appUser as u', 'u.id', 'e.actorId')
		.select(['e.id', 'e.kind', 'e.fromStatus', 'e.toStatus', 'e.reason', 'e.data', 'e.createdAt', 'u.name as actorName'])
		.where('e.ideaId', '=', ideaId)
		.orderBy('e.createdAt')
		.orderBy('e.id')
		.execute();
}

export function listComments(db: Db, ideaId: number, visibilities: string[]) {
	return db
		.selectFrom('comment as c')
		.innerJoin('appUser as u', 'u.id', 'c.authorId')
		.select(['c.id', 'c.body', 'c.visibility', 'c.createdAt', 'u.name as authorName', 'u.id as authorId'])
		.where('c.ideaId', '=', ideaId)
		.where('c.visibility', 'in', visibilities)
		.orderBy('c.createdAt')
		.orderBy('c.id')
		.execute();
}

/** For the organiser merging a duplicate: ideas of the same competition most alike by title. */
export function findMergeCandidates(db: Db, idea: { id: number; title: string; competitionId: number | null }, limit = 10) {
	return db
		.selectFrom('idea')
		.select(['id', 'title', 'status'])
		.where('id', '<>', idea.id)
		.$if(idea.competitionId !== null, (qb) => qb.where('competitionId', '=', idea.competitionId!))
		.where('status', 'not in', NOT_MERGE_TARGETS)
		.orderBy(sql`similarity(title, ${idea.title})`, 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
}
