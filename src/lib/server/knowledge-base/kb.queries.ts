import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { captionsOf, posterOf } from '../attachments/attachments.queries.js';
import type { DB } from '../db/schema.js';
import type { MeasuredResultInput } from './kb.schema.js';
import { instructionsOfEntry } from '../instructions/instructions.queries.js';

const resultColumns = ['r.id', 'r.kind', 'r.value', 'r.beforeValue', 'r.afterValue', 'r.note'] as const;

/**
 * An entry with what its page shows, in one round trip. Any status: the service decides who
 * sees it. Its work instructions say which version `viewerDepartmentId` confirmed.
 */
export function findEntry(db: Db, entryId: number, viewerDepartmentId: number | null = null) {
	return db
		.selectFrom('kbEntry as k')
		.innerJoin('department as d', 'd.id', 'k.departmentId')
		.leftJoin('processArea as pa', 'pa.id', 'k.processAreaId')
		.leftJoin('competition as c', 'c.id', 'k.competitionId')
		.leftJoin('appUser as pb', 'pb.id', 'k.publishedBy')
		.select((eb) => [
			'k.id',
			'k.ideaId',
			'k.title',
			'k.summary',
			'k.problem',
			'k.solution',
			'k.departmentId',
			'd.name as departmentName',
			'k.processAreaId',
			'pa.nameEn as processAreaEn',
			'pa.nameNl as processAreaNl',
			'k.competitionId',
			'c.name as competitionName',
			'k.award',
			'k.rollOutScore',
			'k.status',
			'k.publishedAt',
			'pb.name as publishedByName',
			'k.updatedAt',
			jsonArrayFrom(
				eb
					.selectFrom('kbEntryTag as kt')
					.innerJoin('tag as t', 't.id', 'kt.tagId')
					.select(['t.id', 't.name'])
					.whereRef('kt.kbEntryId', '=', 'k.id')
					.orderBy('t.name')
			).as('tags'),
			jsonArrayFrom(
				eb
					.selectFrom('kbEntryContact as kc')
					.innerJoin('appUser as u', 'u.id', 'kc.userId')
					.innerJoin('department as ud', 'ud.id', 'u.departmentId')
					.select(['u.id', 'u.name', 'u.email', 'u.jobTitle', 'ud.name as departmentName'])
					.whereRef('kc.kbEntryId', '=', 'k.id')
					.orderBy('u.name')
			).as('contacts'),
			jsonArrayFrom(
				eb
					.selectFrom('kbEntryCandidateDepartment as cd')
					.innerJoin('department as cdd', 'cdd.id', 'cd.departmentId')
					.select(['cdd.id', 'cdd.name'])
					.whereRef('cd.kbEntryId', '=', 'k.id')
					.orderBy('cdd.name')
			).as('candidates'),
			jsonArrayFrom(eb.selectFrom('measuredResult as r').select(resultColumns).whereRef('r.kbEntryId', '=', 'k.id').orderBy('r.id')).as(
				'results'
			),
			jsonArrayFrom(
				eb
					.selectFrom('attachment as a')
					.innerJoin('appUser as au', 'au.id', 'a.uploadedBy')
					.select(['a.id', 'a.kind', 'a.fileName', 'a.mediaType', 'a.sizeBytes', 'a.createdAt', 'au.name as uploaderName'])
					// a video's captions and poster come with it (attachments.queries), not as files of their own
					.select([captionsOf('a').as('captions'), posterOf('a').as('posterId')])
					.whereRef('a.kbEntryId', '=', 'k.id')
					.where('a.parentId', 'is', null)
					.orderBy('a.id')
			).as('attachments'),
			instructionsOfEntry(eb, viewerDepartmentId).as('instructions')
		])
		.where('k.id', '=', entryId)
		.executeTakeFirst();
}

export function findEntryByIdea(db: Db, ideaId: number) {
	return db.selectFrom('kbEntry').select(['id', 'status', 'title']).where('ideaId', '=', ideaId).executeTakeFirst();
}

/** The facts the policy needs about an entry and this person. */
export function findEntryFacts(db: Db, entryId: number, userId: number) {
	return db
		.selectFrom('kbEntry as k')
		.leftJoin('idea as i', 'i.id', 'k.ideaId')
		.select((eb) => [
			'k.id',
			'k.status',
			'k.title',
			'k.ideaId',
			'k.departmentId',
			'i.status as ideaStatus',
			eb
				.exists(eb.selectFrom('ideaMember as m').whereRef('m.ideaId', '=', 'k.ideaId').where('m.userId', '=', userId).select('m.userId'))
				.as('isTeam')
		])
		.where('k.id', '=', entryId)
		.executeTakeFirst();
}

export function lockEntry(db: Transaction<DB>, entryId: number) {
	return db.selectFrom('kbEntry').select(['id', 'status', 'ideaId', 'title']).where('id', '=', entryId).forUpdate().executeTakeFirst();
}

/** Every department's adoption of an entry, with its own results. */
export function listAdoptions(db: Db, entryId: number) {
	return db
		.selectFrom('adoption as a')
		.innerJoin('department as d', 'd.id', 'a.departmentId')
		.leftJoin('appUser as o', 'o.id', 'a.ownerId')
		.select((eb) => [
			'a.id',
			'a.departmentId',
			'd.name as departmentName',
			'd.code as departmentCode',
			'a.status',
			'a.ownerId',
			'o.name as ownerName',
			'a.reason',
			'a.startedOn',
			'a.adoptedOn',
			'a.updatedAt',
			jsonArrayFrom(eb.selectFrom('measuredResult as r').select(resultColumns).whereRef('r.adoptionId', '=', 'a.id').orderBy('r.id')).as(
				'results'
			)
		])
		.where('a.kbEntryId', '=', entryId)
		.orderBy('d.name')
		.execute();
}

export function findAdoption(db: Db, entryId: number, departmentId: number) {
	return db
		.selectFrom('adoption')
		.select(['id', 'status', 'ownerId', 'createdBy'])
		.where('kbEntryId', '=', entryId)
		.where('departmentId', '=', departmentId)
		.forUpdate()
		.executeTakeFirst();
}

export async function upsertAdoption(
	db: Db,
	row: {
		kbEntryId: number;
		departmentId: number;
		status: string;
		ownerId: number | null;
		reason: string | null;
		startedOn: string | null;
		adoptedOn: string | null;
		createdBy: number;
	}
) {
	return db
		.insertInto('adoption')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['kbEntryId', 'departmentId']).doUpdateSet({
				status: row.status,
				ownerId: row.ownerId,
				reason: row.reason,
				startedOn: row.startedOn,
				adoptedOn: row.adoptedOn,
				updatedAt: sql`now()`
			})
		)
		.returning(['id', 'createdAt', 'updatedAt'])
		.executeTakeFirstOrThrow();
}

export async function replaceResults(
	db: Db,
	owner: { ideaId: number } | { kbEntryId: number } | { adoptionId: number },
	results: MeasuredResultInput[]
) {
	const [column, value] = Object.entries(owner)[0] as ['ideaId' | 'kbEntryId' | 'adoptionId', number];
	await db.deleteFrom('measuredResult').where(column, '=', value).execute();
	if (!results.length) return;
	await db
		.insertInto('measuredResult')
		.values(
			results.map((r) => ({
				[column]: value,
				kind: r.kind,
				value: r.value,
				beforeValue: r.beforeValue,
				afterValue: r.afterValue,
				note: r.note
			}))
		)
		.execute();
}

// ---------- implementation and publication ----------

export function upsertImplementation(db: Db, row: { ideaId: number; ownerId: number | null; status: string; doneOn: string | null }) {
	return db
		.insertInto('implementation')
		.values(row)
		.onConflict((oc) =>
			oc.column('ideaId').doUpdateSet({ ownerId: row.ownerId, status: row.status, doneOn: row.doneOn, updatedAt: sql`now()` })
		)
		.execute();
}

export type EntryFields = {
	title: string;
	summary: string;
	problem: string;
	solution: string;
	processAreaId: number | null;
};

export function insertEntry(
	db: Db,
	row: EntryFields & {
		ideaId: number;
		departmentId: number;
		competitionId: number | null;
		award: string | null;
		rollOutScore: number | null;
		requestedBy: number;
	}
) {
	return db
		.insertInto('kbEntry')
		.values({ ...row, status: 'pending' })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export function updateEntryFields(db: Db, entryId: number, fields: EntryFields & { requestedBy?: number }) {
	return db
		.updateTable('kbEntry')
		.set({ ...fields, updatedAt: sql`now()` })
		.where('id', '=', entryId)
		.execute();
}

export function setEntryStatus(db: Db, entryId: number, status: 'pending' | 'published' | 'unpublished', publishedBy?: number) {
	return db
		.updateTable('kbEntry')
		.set({
			status,
			updatedAt: sql`now()`,
			...(status === 'published' ? { publishedAt: sql`now()`, publishedBy } : {})
		})
		.where('id', '=', entryId)
		.execute();
}

export async function replaceEntryTags(db: Db, entryId: number, tags: string[]) {
	await db.deleteFrom('kbEntryTag').where('kbEntryId', '=', entryId).execute();
	if (!tags.length) return;
	await db
		.insertInto('tag')
		.values(tags.map((name) => ({ name })))
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	await db
		.insertInto('kbEntryTag')
		.columns(['kbEntryId', 'tagId'])
		.expression((eb) =>
			eb
				.selectFrom('tag')
				.select([eb.val(entryId).as('kbEntryId'), 'id'])
				.where('name', 'in', tags)
		)
		.execute();
}

export async function replaceEntryContacts(db: Db, entryId: number, userIds: number[]) {
	await db.deleteFrom('kbEntryContact').where('kbEntryId', '=', entryId).execute();
	if (userIds.length)
		await db
			.insertInto('kbEntryContact')
			.values(userIds.map((userId) => ({ kbEntryId: entryId, userId })))
			.execute();
}

export async function replaceEntryCandidates(db: Db, entryId: number, departmentIds: number[]) {
	await db.deleteFrom('kbEntryCandidateDepartment').where('kbEntryId', '=', entryId).execute();
	if (departmentIds.length) {
		await db
			.insertInto('kbEntryCandidateDepartment')
			.values(departmentIds.map((departmentId) => ({ kbEntryId: entryId, departmentId })))
			.execute();
	}
}

/**
 * The mean roll-out criterion score of the idea in rounds whose results are published,
 * on 0-100 (scale minimum 0, maximum 100). Only complete, submitted sheets count; nothing
 * of a round still being judged is read.
 */
export async function findRollOutScore(db: Db, ideaId: number): Promise<number | null> {
	const row = await db
		.selectFrom('score as s')
		.innerJoin('scoreSheet as ss', 'ss.id', 's.sheetId')
		.innerJoin('roundCriterion as rc', 'rc.id', 's.criterionId')
		.innerJoin('round as r', 'r.id', 'ss.roundId')
		.select(sql<number | null>`round(avg(100.0 * (s.value - rc.scale_min) / (rc.scale_max - rc.scale_min)), 2)::float8`.as('score'))
		.where('ss.ideaId', '=', ideaId)
		.where('rc.isRollOut', '=', true)
		.where('ss.submittedAt', 'is not', null)
		.where('r.status', '=', 'published')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('conflictOfInterest as ci')
						.select('ci.id')
						.whereRef('ci.ideaId', '=', 'ss.ideaId')
						.whereRef('ci.userId', '=', 'ss.jurorId')
				)
			)
		)
		.executeTakeFirst();
	return row?.score ?? null;
}

/** The idea's last final outcome on its timeline (winner, runner-up or finalist), if any. */
export async function findFinalOutcome(db: Db, ideaId: number): Promise<string | null> {
	const row = await db
		.selectFrom('ideaEvent')
		.select('toStatus')
		.where('ideaId', '=', ideaId)
		.where('toStatus', 'in', ['winner', 'runner_up', 'finalist'])
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row?.toStatus ?? null;
}

export function findIdeaForPublication(db: Db, ideaId: number) {
	return ideaForPublication(db, ideaId).executeTakeFirst();
}

/** An idea as publication reads it: its fields, tag names and team. */
function ideaForPublication(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.select(['i.id', 'i.title', 'i.problem', 'i.proposal', 'i.status', 'i.award', 'i.departmentId', 'i.processAreaId', 'i.competitionId'])
		.select((eb) => [
			jsonArrayFrom(
				eb.selectFrom('ideaTag as it').innerJoin('tag as t', 't.id', 'it.tagId').select('t.name').whereRef('it.ideaId', '=', 'i.id')
			).as('tags'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['u.id', 'u.name', 'm.role'])
					.whereRef('m.ideaId', '=', 'i.id')
					// the credited team (contacts are chosen from it): not its helpers
					.where('m.role', '<>', 'helper')
					.orderBy('u.name')
			).as('team')
		])
		.where('i.id', '=', ideaId);
}

/**
 * The implementation page in one statement: the idea (tags, team), its implementation record,
 * its measured results, the id of its knowledge-base entry, and the choices the page's forms
 * offer (process areas in use, departments).
 */
export async function findImplementationPage(db: Db, ideaId: number) {
	const row = await ideaForPublication(db, ideaId)
		.select((eb) => [
			jsonObjectFrom(
				eb
					.selectFrom('implementation as im')
					.leftJoin('appUser as o', 'o.id', 'im.ownerId')
					.select(['im.ideaId', 'im.ownerId', 'o.name as ownerName', 'im.status', 'im.doneOn', 'im.updatedAt'])
					.whereRef('im.ideaId', '=', 'i.id')
			).as('implementation'),
			jsonArrayFrom(eb.selectFrom('measuredResult as r').select(resultColumns).whereRef('r.ideaId', '=', 'i.id').orderBy('r.id')).as(
				'results'
			),
			eb.selectFrom('kbEntry as k').select('k.id').whereRef('k.ideaId', '=', 'i.id').limit(1).as('entryId'),
			jsonArrayFrom(
				eb.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl']).where('retiredAt', 'is', null).orderBy('nameEn')
			).as('processAreas'),
			jsonArrayFrom(eb.selectFrom('department').select(['id', 'name']).orderBy('name')).as('departments')
		])
		.executeTakeFirst();
	if (!row) return undefined;
	const impl = row.implementation;
	// JSON carries times as text; the page reads a Date as the separate query gave it.
	return { ...row, implementation: impl ? { ...impl, updatedAt: new Date(impl.updatedAt) } : null };
}

// ---------- people to notify ----------

export async function listTeamAndContactIds(db: Db, entryId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('kbEntry as k')
		.innerJoin('ideaMember as m', 'm.ideaId', 'k.ideaId')
		.select('m.userId as id')
		.where('k.id', '=', entryId)
		.union(db.selectFrom('kbEntryContact').select('userId as id').where('kbEntryId', '=', entryId))
		.execute();
	return rows.map((r) => r.id);
}

export async function listPeopleOfDepartments(db: Db, departmentIds: number[]): Promise<number[]> {
	if (!departmentIds.length) return [];
	const rows = await db
		.selectFrom('appUser')
		.select('id')
		.where('departmentId', 'in', departmentIds)
		.where('disabledAt', 'is', null)
		.execute();
	return rows.map((r) => r.id);
}

/** Subscribers to the entry's department, process area or any of its tags. */
export async function listSubscriberIds(db: Db, entryId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('subscription as s')
		.innerJoin('kbEntry as k', (join) => join.on('k.id', '=', entryId))
		.innerJoin('appUser as u', 'u.id', 's.userId')
		.select('s.userId')
		.distinct()
		.where('u.disabledAt', 'is', null)
		.where((eb) =>
			eb.or([
				eb('s.departmentId', '=', eb.ref('k.departmentId')),
				eb('s.processAreaId', '=', eb.ref('k.processAreaId')),
				eb('s.tagId', 'in', eb.selectFrom('kbEntryTag as kt').select('kt.tagId').where('kt.kbEntryId', '=', entryId))
			])
		)
		.execute();
	return rows.map((r) => r.userId);
}

// ---------- subscriptions ----------

export function listSubscriptions(db: Db, userId: number) {
	return db
		.selectFrom('subscription as s')
		.leftJoin('tag as t', 't.id', 's.tagId')
		.leftJoin('processArea as pa', 'pa.id', 's.processAreaId')
		.leftJoin('department as d', 'd.id', 's.departmentId')
		.select([
			's.id',
			's.tagId',
			't.name as tagName',
			's.processAreaId',
			'pa.nameEn as processAreaEn',
			'pa.nameNl as processAreaNl',
			's.departmentId',
			'd.name as departmentName',
			's.createdAt'
		])
		.where('s.userId', '=', userId)
		.orderBy('s.createdAt')
		.orderBy('s.id')
		.execute();
}

export async function insertSubscription(db: Db, row: { userId: number; tagId?: number; processAreaId?: number; departmentId?: number }) {
	await db
		.insertInto('subscription')
		.values(row)
		.onConflict((oc) => oc.constraint('subscription_unique').doNothing())
		.execute();
}

export function deleteSubscription(db: Db, userId: number, subscriptionId: number) {
	return db.deleteFrom('subscription').where('id', '=', subscriptionId).where('userId', '=', userId).executeTakeFirst();
}

export function findTagByName(db: Db, name: string) {
	return db.selectFrom('tag').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

// ---------- departments ----------

export function findDepartment(db: Db, departmentId: number) {
	return db.selectFrom('department').select(['id', 'code', 'name', 'headcount']).where('id', '=', departmentId).executeTakeFirst();
}

/** What a department contributed: its published entries, most adopted first. */
export function listContributed(db: Db, departmentId: number) {
	return db
		.selectFrom('kbEntry as k')
		.select((eb) => [
			'k.id',
			'k.title',
			'k.summary',
			'k.award',
			'k.publishedAt',
			'k.adoptionCount',
			eb
				.selectFrom('adoption as a')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('a.kbEntryId', '=', 'k.id')
				.where('a.status', 'in', ['considering', 'piloting'])
				.as('inProgressCount')
		])
		.where('k.departmentId', '=', departmentId)
		.where('k.status', '=', 'published')
		.orderBy('k.adoptionCount', 'desc')
		.orderBy('k.publishedAt', 'desc')
		.execute();
}

/** What a department took from others: its adoptions of published entries. */
export function listAdoptedByDepartment(db: Db, departmentId: number) {
	return db
		.selectFrom('adoption as a')
		.innerJoin('kbEntry as k', 'k.id', 'a.kbEntryId')
		.innerJoin('department as d', 'd.id', 'k.departmentId')
		.leftJoin('appUser as o', 'o.id', 'a.ownerId')
		.select((eb) => [
			'a.id',
			'a.status',
			'a.startedOn',
			'a.adoptedOn',
			'a.reason',
			'o.name as ownerName',
			'k.id as entryId',
			'k.title',
			'd.id as fromDepartmentId',
			'd.name as fromDepartmentName',
			jsonArrayFrom(eb.selectFrom('measuredResult as r').select(resultColumns).whereRef('r.adoptionId', '=', 'a.id').orderBy('r.id')).as(
				'results'
			)
		])
		.where('a.departmentId', '=', departmentId)
		.where('k.status', '=', 'published')
		.orderBy('a.updatedAt', 'desc')
		.execute();
}

export function listDepartmentsWithCounts(db: Db) {
	return db
		.selectFrom('department as d')
		.select((eb) => [
			'd.id',
			'd.code',
			'd.name',
			eb
				.selectFrom('kbEntry as k')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('k.departmentId', '=', 'd.id')
				.where('k.status', '=', 'published')
				.as('contributed'),
			eb
				.selectFrom('adoption as a')
				.innerJoin('kbEntry as k2', 'k2.id', 'a.kbEntryId')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('a.departmentId', '=', 'd.id')
				.where('a.status', '=', 'adopted')
				.where('k2.status', '=', 'published')
				.as('adopted')
		])
		.orderBy('d.name')
		.execute();
}

/**
 * An entry page's choices in one statement: every department (its roll-out map and the
 * adoption form) and, when `peopleOf` names a department, its active people (owner choices).
 */
export function findAdoptionChoices(db: Db, peopleOf: number | null) {
	return db
		.selectNoFrom((eb) => [
			jsonArrayFrom(eb.selectFrom('department').select(['id', 'code', 'name']).orderBy('name')).as('departments'),
			jsonArrayFrom(
				eb
					.selectFrom('appUser')
					.select(['id', 'name'])
					.where('departmentId', '=', peopleOf ?? 0)
					.where('disabledAt', 'is', null)
					.orderBy('name')
			).as('people')
		])
		.executeTakeFirstOrThrow();
}

export function listPeopleOfDepartment(db: Db, departmentId: number) {
	return db
		.selectFrom('appUser')
		.select(['id', 'name'])
		.where('departmentId', '=', departmentId)
		.where('disabledAt', 'is', null)
		.orderBy('name')
		.execute();
}

export function listPendingEntries(db: Db) {
	return db
		.selectFrom('kbEntry as k')
		.innerJoin('department as d', 'd.id', 'k.departmentId')
		.leftJoin('appUser as u', 'u.id', 'k.requestedBy')
		.select(['k.id', 'k.ideaId', 'k.title', 'd.name as departmentName', 'u.name as requestedByName', 'k.updatedAt'])
		.where('k.status', '=', 'pending')
		.orderBy('k.updatedAt')
		.execute();
}

/**
 * The departments (other than the idea's own, not retired) whose people said the idea would
 * help them too: the suggested candidate departments of its roll-out.
 */
export async function listSupportDepartmentIds(db: Db, ideaId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('ideaSupport as s')
		.innerJoin('idea as i', 'i.id', 's.ideaId')
		.innerJoin('department as d', 'd.id', 's.departmentId')
		.select('d.id')
		.distinct()
		.where('s.ideaId', '=', ideaId)
		.whereRef('d.id', '<>', 'i.departmentId')
		.where('d.retiredAt', 'is', null)
		.orderBy('d.id')
		.execute();
	return rows.map((r) => r.id);
}
