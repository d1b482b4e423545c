/**
 * One idea's writes (the draft, its status, team, benefits, tags, events, comments) and the
 * lookups the ideas services share. What a page reads is idea-page.queries.ts; the lists of
 * ideas are idea-lists.queries.ts.
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { openCalls } from './calls.queries.js';

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
	/** where it happens ("Line 3"); left as it is when not given */
	location?: string;
};

/**
 * A new draft; with a client key, a repeated request returns the first one's id. `createdBy`
 * is the person credited (the owner); `enteredBy` the team leader or mentor who typed it in
 * for them, if not themselves.
 */
export async function insertDraft(db: Db, fields: IdeaFields & { createdBy: number; clientKey: string | null; enteredBy?: number | null }) {
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

/**
 * A status change guarded by the version read and the status expected, and its
 * 'status_changed' event, in one statement: the event is written only if the status changed.
 */
export async function updateIdeaStatus(
	db: Db,
	ideaId: number,
	expect: { version: number; status: string },
	set: { status: string; submittedAt?: boolean; answeredAt?: boolean; mergedIntoId?: number },
	event: { actorId: number | null; reason?: string | null; data?: Record<string, unknown> }
): Promise<{ id: number; version: number; followCount: number } | undefined> {
	return db
		.with('changed', (w) =>
			w
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
				.returning(['id', 'version', 'followCount'])
		)
		.with('event', (w) =>
			w
				.insertInto('ideaEvent')
				.columns(['ideaId', 'actorId', 'kind', 'fromStatus', 'toStatus', 'reason', 'data'])
				.expression((eb) =>
					eb
						.selectFrom('changed')
						.select([
							'changed.id',
							eb.val(event.actorId).as('actorId'),
							eb.val('status_changed').as('kind'),
							eb.val(expect.status).as('fromStatus'),
							eb.val(set.status).as('toStatus'),
							eb.val(event.reason ?? null).as('reason'),
							sql<string>`${JSON.stringify(event.data ?? {})}::jsonb`.as('data')
						])
				)
				.returning('ideaEvent.id')
		)
		.selectFrom('changed')
		.select(['changed.id', 'changed.version', 'changed.followCount'])
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

/**
 * A colleague who helps the team without being credited (a team leader who entered the idea,
 * a mentor or team leader asked to help develop it): on the team as `helper`. Someone already
 * on the team keeps their place. Returns whether they were added.
 */
export async function addHelper(db: Db, ideaId: number, userId: number): Promise<boolean> {
	const added = await db
		.insertInto('ideaMember')
		.values({ ideaId, userId, role: 'helper' })
		.onConflict((oc) => oc.columns(['ideaId', 'userId']).doNothing())
		.returning('userId')
		.executeTakeFirst();
	return added !== undefined;
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

/** Several ideas held FOR UPDATE in one statement, in id order (so two callers lock them in the same order). */
export function lockIdeas(db: Db, ideaIds: readonly number[]) {
	return db
		.selectFrom('idea')
		.select(['id', 'status', 'version', 'title'])
		.where('id', 'in', [...ideaIds])
		.orderBy('id')
		.forUpdate()
		.execute();
}

/** Moves several ideas each from the status and version read to a new status, in one statement; returns those that still matched. */
export function updateIdeaStatuses(db: Db, rows: readonly { ideaId: number; version: number; from: string; to: string }[]) {
	return sql<{ id: number; version: number; followCount: number }>`
		update idea i set status = v.to_status, version = i.version + 1, updated_at = now()
		from (values ${sql.join(rows.map((r) => sql`(${r.ideaId}::int, ${r.version}::int, ${r.from}::text, ${r.to}::text)`))})
			as v(id, version, from_status, to_status)
		where i.id = v.id and i.version = v.version and i.status = v.from_status
		returning i.id, i.version, i.follow_count as "followCount"
	`
		.execute(db)
		.then((r) => r.rows);
}

/** Events on several ideas' timelines in one statement (insertEvent of each). */
export function insertEvents(db: Db, events: readonly Parameters<typeof insertEvent>[1][]) {
	return db
		.insertInto('ideaEvent')
		.values(
			events.map((event) => ({
				ideaId: event.ideaId,
				actorId: event.actorId,
				kind: event.kind,
				fromStatus: event.fromStatus ?? null,
				toStatus: event.toStatus ?? null,
				reason: event.reason ?? null,
				data: JSON.stringify(event.data ?? {})
			}))
		)
		.execute();
}

/** The award of a final on several ideas in one statement (setIdeaAward of each). */
export function setIdeaAwards(db: Db, awards: readonly { ideaId: number; award: 'winner' | 'runner_up' | 'finalist' }[]) {
	return sql`
		update idea i set award = v.award, updated_at = now()
		from (values ${sql.join(awards.map((a) => sql`(${a.ideaId}::int, ${a.award}::text)`))}) as v(id, award)
		where i.id = v.id
	`.execute(db);
}

export function listTeamIds(db: Db, ideaId: number) {
	return db.selectFrom('ideaMember').select(['userId', 'role']).where('ideaId', '=', ideaId).execute();
}

/** The award of a final, on the idea itself. */
export function setIdeaAward(db: Db, ideaId: number, award: 'winner' | 'runner_up' | 'finalist') {
	return db
		.updateTable('idea')
		.set({ award, updatedAt: sql<Date>`now()` })
		.where('id', '=', ideaId)
		.execute();
}

/** A new comment, or undefined when this author already posted one with the same form key (a repeat). */
export function insertComment(db: Db, c: { ideaId: number; authorId: number; body: string; visibility: string; clientKey: string | null }) {
	return db
		.insertInto('comment')
		.values(c)
		.onConflict((oc) => oc.columns(['authorId', 'clientKey']).doNothing())
		.returning('id')
		.executeTakeFirst();
}

export function findCommentByClientKey(db: Db, authorId: number, clientKey: string) {
	return db
		.selectFrom('comment')
		.select('id')
		.where('authorId', '=', authorId)
		.where('clientKey', '=', clientKey)
		.executeTakeFirstOrThrow();
}

/**
 * Hides a comment of this idea that is not hidden yet; its author, or undefined when nothing
 * changed (already hidden, or not this idea's). The condition is re-checked on the locked row,
 * so of two organisers at once only one hides it.
 */
export function hideComment(db: Db, c: { ideaId: number; commentId: number; hiddenBy: number; reason: string }) {
	return db
		.updateTable('comment')
		.set({ hiddenAt: sql<Date>`now()`, hiddenBy: c.hiddenBy, hiddenReason: c.reason })
		.where('id', '=', c.commentId)
		.where('ideaId', '=', c.ideaId)
		.where('hiddenAt', 'is', null)
		.returning(['id', 'authorId'])
		.executeTakeFirst();
}

/** Shows a hidden comment of this idea again; undefined when nothing changed. */
export function showComment(db: Db, c: { ideaId: number; commentId: number }) {
	return db
		.updateTable('comment')
		.set({ hiddenAt: null, hiddenBy: null, hiddenReason: null })
		.where('id', '=', c.commentId)
		.where('ideaId', '=', c.ideaId)
		.where('hiddenAt', 'is not', null)
		.returning(['id', 'authorId'])
		.executeTakeFirst();
}

/** One comment of this idea, whether hidden or not (why a hide or show changed nothing). */
export function findIdeaComment(db: Db, ideaId: number, commentId: number) {
	return db.selectFrom('comment').select(['id', 'hiddenAt']).where('id', '=', commentId).where('ideaId', '=', ideaId).executeTakeFirst();
}

// ---------- lookups ----------

/** Whether the department and the process area an idea names exist: one statement. */
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

/** The process areas a form offers: those in use (a retired one is kept where it was chosen, never offered anew). */
export function listProcessAreas(db: Db) {
	return db.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl']).where('retiredAt', 'is', null).orderBy('nameEn').execute();
}

/**
 * The choices the idea form and the list of all ideas offer, in one statement: competitions
 * (newest first), departments, process areas in use, and known tag names.
 */
export async function listIdeaChoices(db: Db) {
	const row = await db
		.selectNoFrom((eb) => [
			jsonArrayFrom(eb.selectFrom('competition').select(['id', 'name', 'status']).orderBy('submissionOpensAt', 'desc')).as('competitions'),
			jsonArrayFrom(eb.selectFrom('department').select(['id', 'code', 'name', 'parentId', 'headcount']).orderBy('name')).as('departments'),
			jsonArrayFrom(
				eb.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl']).where('retiredAt', 'is', null).orderBy('nameEn')
			).as('processAreas'),
			jsonArrayFrom(eb.selectFrom('tag').select('name').orderBy('name')).as('tags')
		])
		.executeTakeFirstOrThrow();
	return { ...row, tags: row.tags.map((t) => t.name) };
}

/**
 * The idea form's choices in one statement: the open calls (those `departmentId` may enter),
 * the choices above, and the team members chosen so far (active people only).
 */
export async function findIdeaFormOptions(db: Db, memberIds: number[], departmentId?: number) {
	const row = await db
		.selectNoFrom((eb) => [
			jsonArrayFrom(openCalls(db, departmentId)).as('calls'),
			jsonArrayFrom(eb.selectFrom('competition').select(['id', 'name', 'status']).orderBy('submissionOpensAt', 'desc')).as('competitions'),
			jsonArrayFrom(eb.selectFrom('department').select(['id', 'code', 'name', 'parentId', 'headcount']).orderBy('name')).as('departments'),
			jsonArrayFrom(
				eb.selectFrom('processArea').select(['id', 'code', 'nameEn', 'nameNl']).where('retiredAt', 'is', null).orderBy('nameEn')
			).as('processAreas'),
			jsonArrayFrom(eb.selectFrom('tag').select('name').orderBy('name')).as('tags'),
			jsonArrayFrom(
				eb
					.selectFrom('appUser as u')
					.innerJoin('department as d', 'd.id', 'u.departmentId')
					.select(['u.id', 'u.name', 'u.jobTitle', 'd.name as departmentName'])
					.where('u.id', 'in', memberIds.length ? memberIds : [0])
					.where('u.disabledAt', 'is', null)
			).as('members')
		])
		.executeTakeFirstOrThrow();
	return {
		calls: row.calls.map((c) => ({
			...c,
			submissionOpensAt: new Date(c.submissionOpensAt),
			submissionClosesAt: new Date(c.submissionClosesAt)
		})),
		competitions: row.competitions,
		departments: row.departments,
		processAreas: row.processAreas,
		tags: row.tags.map((t) => t.name),
		members: row.members
	};
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
