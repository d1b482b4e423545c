import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { teamNames } from './idea-columns.js';
import { sql } from 'kysely';
import { NOT_MERGE_TARGETS, UNANSWERED } from '../../domain/idea-status.js';
import type { Db } from '../db/index.js';

/** Every idea the person is on the team of, newest activity first. */
export function listIdeasOfMember(db: Db, userId: number, limit = 50) {
	return db
		.selectFrom('idea as i')
		.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'i.id').on('m.userId', '=', userId))
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select(['i.id', 'i.title', 'i.status', 'i.updatedAt', 'i.submittedAt', 'm.role', 'c.name as competitionName'])
		.orderBy('i.updatedAt', 'desc')
		.orderBy('i.id', 'desc')
		.limit(limit)
		.execute();
}

/** Ideas per status in these competitions: one grouped query. */
export function countIdeasByStatus(db: Db, competitionIds: number[]) {
	if (competitionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('idea')
		.select(['competitionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('competitionId', 'in', competitionIds)
		.groupBy(['competitionId', 'status'])
		.execute();
}

/**
 * Submitted ideas still without an answer, per competition, with the oldest wait. The
 * response time is in working days; the exact count is made by the domain rule, this
 * query only narrows to candidates.
 */
export function listUnansweredSubmissions(db: Db, competitionIds: number[]) {
	if (competitionIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('idea')
		.select(['id', 'competitionId', 'submittedAt'])
		.where('competitionId', 'in', competitionIds)
		.where('status', 'in', UNANSWERED)
		.where('submittedAt', 'is not', null)
		.orderBy('submittedAt')
		.execute();
}

export function countIdeas(db: Db) {
	return db
		.selectFrom('idea')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
}

// ---------- writing ----------

/** The idea's status and version, locked for the rest of the transaction. */
export function lockIdea(db: Db, ideaId: number) {
	return db.selectFrom('idea').select(['id', 'status', 'version', 'title']).where('id', '=', ideaId).forUpdate().executeTakeFirst();
}

export type IdeaFields = {
	title: string;
	problem: string;
	proposal: string;
	processAreaId: number | null;
	departmentId: number;
	competitionId: number | null;
};

/** A new draft; with a client key, a repeated request returns the first one's id. */
export async function insertDraft(db: Db, fields: IdeaFields & { createdBy: number; clientKey: string | null }) {
	const inserted = await db
		.insertInto('idea')
		.values({ ...fields, status: 'draft' })
		.onConflict((oc) => oc.columns(['createdBy', 'clientKey']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return { id: inserted.id, created: true };
	const existing = await db
		.selectFrom('idea')
		.select('id')
		.where('createdBy', '=', fields.createdBy)
		.where('clientKey', '=', fields.clientKey)
		.executeTakeFirstOrThrow();
	return { id: existing.id, created: false };
}

/** Update only if nobody changed the idea since `version` was read; returns the new version or undefined. */
export function updateIdeaFields(db: Db, ideaId: number, version: number, fields: IdeaFields) {
	return db
		.updateTable('idea')
		.set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
		.where('id', '=', ideaId)
		.where('version', '=', version)
		.returning('version')
		.executeTakeFirst();
}

/** A status change guarded by the version read and the status expected. */
export function updateIdeaStatus(
	db: Db,
	ideaId: number,
	expect: { version: number; status: string },
	set: { status: string; submittedAt?: boolean; answeredAt?: boolean; mergedIntoId?: number }
) {
	return db
		.updateTable('idea')
		.set({
			status: set.status,
			version: sql<number>`version + 1`,
			updatedAt: sql<Date>`now()`,
			...(set.submittedAt
				? { submittedAt: sql<Date>`now()`, firstSubmittedAt: sql<Date>`coalesce(first_submitted_at, now())`, answeredAt: null }
				: {}),
			...(set.answeredAt ? { answeredAt: sql<Date>`now()` } : {}),
			...(set.mergedIntoId ? { mergedIntoId: set.mergedIntoId } : {})
		})
		.where('id', '=', ideaId)
		.where('version', '=', expect.version)
		.where('status', '=', expect.status)
		.returning(['id', 'version'])
		.executeTakeFirst();
}

export async function replaceTeam(db: Db, ideaId: number, ownerId: number, memberIds: number[]) {
	await db.deleteFrom('ideaMember').where('ideaId', '=', ideaId).where('role', '=', 'member').execute();
	await db
		.insertInto('ideaMember')
		.values({ ideaId, userId: ownerId, role: 'owner' })
		.onConflict((oc) => oc.columns(['ideaId', 'userId']).doNothing())
		.execute();
	const others = memberIds.filter((m) => m !== ownerId);
	if (others.length) {
		await db
			.insertInto('ideaMember')
			.values(others.map((userId) => ({ ideaId, userId, role: 'member' })))
			.onConflict((oc) => oc.columns(['ideaId', 'userId']).doNothing())
			.execute();
	}
}

export async function replaceBenefits(
	db: Db,
	ideaId: number,
	benefits: Array<{ kind: string; description: string; estimate: number | null; unit: string | null }>
) {
	await db.deleteFrom('ideaBenefit').where('ideaId', '=', ideaId).execute();
	if (benefits.length)
		await db
			.insertInto('ideaBenefit')
			.values(benefits.map((b) => ({ ...b, ideaId })))
			.execute();
}

export async function replaceTags(db: Db, ideaId: number, tags: string[]) {
	await db.deleteFrom('ideaTag').where('ideaId', '=', ideaId).execute();
	if (!tags.length) return;
	await db
		.insertInto('tag')
		.values(tags.map((name) => ({ name })))
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	await db
		.insertInto('ideaTag')
		.columns(['ideaId', 'tagId'])
		.expression((eb) =>
			eb
				.selectFrom('tag')
				.select([eb.val(ideaId).as('ideaId'), 'id'])
				.where('name', 'in', tags)
		)
		.execute();
}

export function insertEvent(
	db: Db,
	event: {
		ideaId: number;
		actorId: number | null;
		kind: string;
		fromStatus?: string | null;
		toStatus?: string | null;
		reason?: string | null;
		data?: Record<string, unknown>;
	}
) {
	return db
		.insertInto('ideaEvent')
		.values({
			ideaId: event.ideaId,
			actorId: event.actorId,
			kind: event.kind,
			fromStatus: event.fromStatus ?? null,
			toStatus: event.toStatus ?? null,
			reason: event.reason ?? null,
			data: JSON.stringify(event.data ?? {})
		})
		.execute();
}

export function listTeamIds(db: Db, ideaId: number) {
	return db.selectFrom('ideaMember').select(['userId', 'role']).where('ideaId', '=', ideaId).execute();
}

export function insertComment(db: Db, c: { ideaId: number; authorId: number; body: string; visibility: string }) {
	return db.insertInto('comment').values(c).returning('id').executeTakeFirstOrThrow();
}

// ---------- reading ----------

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

/** Ideas waiting for an organiser's answer, oldest first, with their team's names. */
export function listScreeningQueue(db: Db) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.innerJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.version',
			'i.submittedAt',
			'i.firstSubmittedAt',
			'd.name as departmentName',
			'c.name as competitionName',
			'c.responseDays',
			teamNames(eb.ref('i.id'))
		])
		.where('i.status', 'in', UNANSWERED)
		.orderBy('i.submittedAt')
		.orderBy('i.id')
		.execute();
}

export type IdeaListFilter = {
	competitionId?: number;
	departmentId?: number;
	status?: string;
	tag?: string;
	q?: string;
	sort: 'submitted' | 'updated' | 'title' | 'status';
	dir: 'asc' | 'desc';
	limit: number;
	offset: number;
};

/** The organiser's list of all ideas (drafts excepted): filtered, sorted and paged in one query. */
export function listIdeas(db: Db, f: IdeaListFilter) {
	let query = db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.submittedAt',
			'i.updatedAt',
			'd.name as departmentName',
			'c.name as competitionName',
			teamNames(eb.ref('i.id')),
			eb
				.selectFrom('ideaTag as it')
				.innerJoin('tag as t', 't.id', 'it.tagId')
				.select(sql<string>`string_agg(t.name, ', ' order by t.name)`.as('names'))
				.whereRef('it.ideaId', '=', 'i.id')
				.as('tags'),
			sql<number>`count(*) over ()`.as('total')
		])
		.where('i.status', '<>', 'draft');
	if (f.competitionId) query = query.where('i.competitionId', '=', f.competitionId);
	if (f.departmentId) query = query.where('i.departmentId', '=', f.departmentId);
	if (f.status) query = query.where('i.status', '=', f.status);
	if (f.tag) {
		const tag = f.tag;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('ideaTag as it')
					.innerJoin('tag as t', 't.id', 'it.tagId')
					.whereRef('it.ideaId', '=', 'i.id')
					.where('t.name', '=', tag)
					.select('it.ideaId')
			)
		);
	}
	if (f.q) {
		const q = f.q;
		query = query.where((eb) =>
			eb.or([
				eb(sql`i.search_doc`, '@@', sql`plainto_tsquery('simple', ${q})`),
				eb('i.title', 'ilike', `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
			])
		);
	}
	const column = { submitted: 'i.submittedAt', updated: 'i.updatedAt', title: 'i.title', status: 'i.status' } as const;
	return query
		.orderBy(column[f.sort], (ob) => (f.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
		.orderBy('i.id', f.dir)
		.limit(f.limit)
		.offset(f.offset)
		.execute();
}

/**
 * "Solved before?": published knowledge-base entries and ideas the reader may already see,
 * by word match or trigram similarity to what they are typing.
 */
export async function findSimilar(db: Db, text: string, visibleIdeaStatuses: readonly string[], excludeIdeaId: number | null, limit = 5) {
	const [kb, ideas] = await Promise.all([
		db
			.selectFrom('kbEntry as k')
			.select([
				'k.id',
				'k.title',
				'k.summary',
				sql<number>`greatest(similarity(k.title, ${text}), ts_rank(k.search_doc, websearch_to_tsquery('simple', ${text})))`.as('score')
			])
			.where('k.status', '=', 'published')
			.where(sql<boolean>`(k.title % ${text} or k.search_doc @@ plainto_tsquery('simple', ${text}))`)
			.orderBy('score', 'desc')
			.limit(limit)
			.execute(),
		db
			.selectFrom('idea as i')
			.innerJoin('competition as c', 'c.id', 'i.competitionId')
			.select([
				'i.id',
				'i.title',
				'i.status',
				sql<number>`greatest(similarity(i.title, ${text}), ts_rank(i.search_doc, plainto_tsquery('simple', ${text})))`.as('score')
			])
			.where('i.status', 'in', [...visibleIdeaStatuses])
			.where('c.submissionClosesAt', '<=', sql<Date>`now()`)
			.$if(excludeIdeaId !== null, (qb) => qb.where('i.id', '<>', excludeIdeaId!))
			.where(sql<boolean>`(i.title % ${text} or i.search_doc @@ plainto_tsquery('simple', ${text}))`)
			.orderBy('score', 'desc')
			.limit(limit)
			.execute()
	]);
	return { kb, ideas };
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

export function searchColleagues(db: Db, q: string, limit = 10) {
	const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.jobTitle', 'd.name as departmentName'])
		.where('u.disabledAt', 'is', null)
		.where(sql<boolean>`(u.name ilike ${like} or u.name % ${q})`)
		.orderBy(sql`similarity(u.name, ${q})`, 'desc')
		.orderBy('u.name')
		.limit(limit)
		.execute();
}

export function findUsersByIds(db: Db, ids: number[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('appUser as u')
		.innerJoin('department as d', 'd.id', 'u.departmentId')
		.select(['u.id', 'u.name', 'u.jobTitle', 'd.name as departmentName'])
		.where('u.id', 'in', ids)
		.where('u.disabledAt', 'is', null)
		.execute();
}

export function listProcessAreas(db: Db) {
	return db.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl']).orderBy('nameEn').execute();
}

export function listTagNames(db: Db) {
	return db.selectFrom('tag').select('name').orderBy('name').execute();
}

export function listOrganiserIds(db: Db) {
	return db
		.selectFrom('roleGrant as g')
		.innerJoin('appUser as u', 'u.id', 'g.userId')
		.select('u.id')
		.where('g.role', '=', 'organiser')
		.where('u.disabledAt', 'is', null)
		.execute();
}
