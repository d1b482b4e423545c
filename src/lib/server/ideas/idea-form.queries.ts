/**
 * The idea form's reads and writes in as few statements as they can be: what a save must
 * check (department, process area, the call and its eligible departments, the team, the
 * people of an idea entered for a colleague) in one statement, and a new draft or an edit with
 * its team, benefits, tags and event in one statement each (data-modifying WITH queries), so
 * a save is three statements with the session and its access, whatever the form holds.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { IdeaFields } from './ideas.queries.js';

export type Benefit = { kind: string; description: string; estimate: number | null; unit: string | null };

/** Everything a save checks, in one statement. */
export async function checkIdeaReferences(
	db: Db,
	input: { departmentId: number; processAreaId: number | null; competitionId: number | null; memberIds: number[]; people: number[] }
) {
	const members = input.memberIds.length ? input.memberIds : [0];
	const people = input.people.length ? input.people : [0];
	const { rows } = await sql<{
		department: boolean;
		area: boolean;
		competition: boolean;
		eligible: boolean;
		members: number;
		people: { id: number; name: string; departmentId: number; disabledAt: string | null }[];
	}>`
		select
			exists (select 1 from department where id = ${input.departmentId}) as department,
			(${input.processAreaId}::int is null or exists (select 1 from process_area where id = ${input.processAreaId}::int)) as area,
			(${input.competitionId}::int is null or exists (select 1 from competition where id = ${input.competitionId}::int)) as competition,
			(${input.competitionId}::int is null
				or not exists (select 1 from competition_department where competition_id = ${input.competitionId}::int)
				or exists (select 1 from competition_department where competition_id = ${input.competitionId}::int and department_id = ${input.departmentId})
			) as eligible,
			(select count(*)::int from app_user where id = any(${members}::int[])) as members,
			coalesce((
				select json_agg(json_build_object('id', u.id, 'name', u.name, 'departmentId', u.department_id, 'disabledAt', u.disabled_at))
				from app_user u where u.id = any(${people}::int[])
			), '[]'::json) as people
	`.execute(db);
	const row = rows[0];
	return { ...row, members: input.memberIds.length ? Number(row.members) : 0 };
}

const benefitsJson = (benefits: readonly Benefit[]) => JSON.stringify(benefits);

/**
 * A new draft with its team (owner, members, an optional helper), benefits, tags and its
 * 'created' event, in one statement. With a client key already used by the owner, nothing is
 * written and the first idea's id comes back with `created: false`.
 */
export async function insertIdeaWithParts(
	db: Db,
	input: IdeaFields & {
		createdBy: number;
		clientKey: string | null;
		enteredBy: number | null;
		memberIds: number[];
		helperId: number | null;
		benefits: readonly Benefit[];
		tags: readonly string[];
		actorId: number;
		eventData: Record<string, unknown>;
	}
): Promise<{ id: number; created: boolean }> {
	const team = [
		{ userId: input.createdBy, role: 'owner' },
		...input.memberIds.filter((id) => id !== input.createdBy && id !== input.helperId).map((userId) => ({ userId, role: 'member' })),
		...(input.helperId !== null && input.helperId !== input.createdBy ? [{ userId: input.helperId, role: 'helper' }] : [])
	];
	const { rows } = await sql<{ id: number; created: boolean }>`
		with made as (
			insert into idea (title, problem, proposal, location, process_area_id, department_id, competition_id, created_by, client_key, entered_by, status)
			values (${input.title}, ${input.problem}, ${input.proposal}, ${input.location ?? ''}, ${input.processAreaId}, ${input.departmentId},
				${input.competitionId}, ${input.createdBy}, ${input.clientKey}, ${input.enteredBy}, 'draft')
			on conflict (created_by, client_key) do nothing
			returning id
		),
		team as (
			insert into idea_member (idea_id, user_id, role)
			select made.id, t.user_id, t.role
			from made, unnest(${team.map((t) => t.userId)}::int[], ${team.map((t) => t.role)}::text[]) as t(user_id, role)
		),
		benefits as (
			insert into idea_benefit (idea_id, kind, description, estimate, unit)
			select made.id, b.kind, b.description, b.estimate, b.unit
			from made, jsonb_to_recordset(${benefitsJson(input.benefits)}::jsonb) as b(kind text, description text, estimate numeric, unit text)
		),
		tags as (
			insert into tag (name) select name from made, unnest(${[...input.tags]}::text[]) as t(name)
			on conflict (name) do update set name = excluded.name
			returning id
		),
		tagged as (
			insert into idea_tag (idea_id, tag_id) select made.id, tags.id from made, tags
		),
		event as (
			insert into idea_event (idea_id, actor_id, kind, to_status, data)
			select made.id, ${input.actorId}, 'created', 'draft', ${JSON.stringify(input.eventData)}::jsonb from made
		)
		select id, true as created from made
		union all
		select id, false from idea
		where created_by = ${input.createdBy} and client_key = ${input.clientKey}::uuid and not exists (select 1 from made)
	`.execute(db);
	const row = rows[0];
	if (row) return { id: row.id, created: Boolean(row.created) };
	// The same form saved twice at once: the insert waited for the first and stood back, but this
	// statement's snapshot predates the first's commit. A new statement sees it (read committed).
	const first = await db
		.selectFrom('idea')
		.select('id')
		.where('createdBy', '=', input.createdBy)
		.where('clientKey', '=', input.clientKey)
		.executeTakeFirstOrThrow();
	return { id: first.id, created: false };
}

/**
 * An edit of a draft or returned idea, in one statement: the fields (only if nobody changed
 * the idea since `version` was read), the credited members (the owner and helpers keep their
 * places), the benefits and tags as the form holds them, and the 'edited' event. Nothing is
 * written when the version is stale; then `undefined` comes back.
 */
export async function updateIdeaWithParts(
	db: Db,
	ideaId: number,
	version: number,
	input: IdeaFields & { memberIds: number[]; benefits: readonly Benefit[]; tags: readonly string[]; actorId: number }
): Promise<{ version: number } | undefined> {
	const { rows } = await sql<{ version: number }>`
		with changed as (
			update idea set title = ${input.title}, problem = ${input.problem}, proposal = ${input.proposal},
				location = coalesce(${input.location ?? null}::text, location), process_area_id = ${input.processAreaId},
				department_id = ${input.departmentId}, competition_id = ${input.competitionId},
				version = version + 1, updated_at = now()
			where id = ${ideaId} and version = ${version}
			returning id, version
		),
		gone as (
			delete from idea_member m using changed
			where m.idea_id = changed.id and m.role = 'member' and m.user_id <> all(${input.memberIds}::int[])
		),
		joined as (
			insert into idea_member (idea_id, user_id, role)
			select changed.id, u, 'member' from changed, unnest(${input.memberIds}::int[]) as u
			on conflict (idea_id, user_id) do nothing
		),
		benefits_gone as (
			delete from idea_benefit b using changed
			where b.idea_id = changed.id and b.kind <> all(${input.benefits.map((b) => b.kind)}::text[])
		),
		benefits as (
			insert into idea_benefit (idea_id, kind, description, estimate, unit)
			select changed.id, b.kind, b.description, b.estimate, b.unit
			from changed, jsonb_to_recordset(${benefitsJson(input.benefits)}::jsonb) as b(kind text, description text, estimate numeric, unit text)
			on conflict (idea_id, kind) do update set description = excluded.description, estimate = excluded.estimate, unit = excluded.unit
		),
		tags as (
			insert into tag (name) select name from changed, unnest(${[...input.tags]}::text[]) as t(name)
			on conflict (name) do update set name = excluded.name
			returning id
		),
		tags_gone as (
			delete from idea_tag it using changed
			where it.idea_id = changed.id and it.tag_id not in (select id from tags)
		),
		tagged as (
			insert into idea_tag (idea_id, tag_id) select changed.id, tags.id from changed, tags
			on conflict do nothing
		),
		event as (
			insert into idea_event (idea_id, actor_id, kind) select changed.id, ${input.actorId}, 'edited' from changed
		)
		select version from changed
	`.execute(db);
	return rows[0];
}

/**
 * What a submission needs of the idea: its texts and call, whether its department may enter
 * that call, and whether the call's window is open. The call's row is held (FOR SHARE) for the
 * rest of the transaction, so it cannot close under a submission that saw it open.
 */
export function findSubmission(db: Db, ideaId: number, departmentId: number) {
	return (
		db
			.selectFrom('idea as i')
			// the call's row held in a lateral subquery: a lock cannot sit on an outer join's nullable side
			.leftJoinLateral(
				(eb) =>
					eb
						.selectFrom('competition as c')
						.select(sql<boolean>`c.status = 'open' and c.submission_opens_at <= now() and c.submission_closes_at > now()`.as('open'))
						.whereRef('c.id', '=', 'i.competitionId')
						.forShare()
						.as('w'),
				(join) => join.onTrue()
			)
			.select((eb) => [
				'i.problem',
				'i.proposal',
				'i.competitionId',
				sql<boolean>`coalesce(w.open, false)`.as('windowOpen'),
				eb
					.or([
						eb('i.competitionId', 'is', null),
						eb.not(
							eb.exists(
								eb.selectFrom('competitionDepartment as cd').select('cd.departmentId').whereRef('cd.competitionId', '=', 'i.competitionId')
							)
						),
						eb.exists(
							eb
								.selectFrom('competitionDepartment as cd')
								.select('cd.departmentId')
								.whereRef('cd.competitionId', '=', 'i.competitionId')
								.where('cd.departmentId', '=', departmentId)
						)
					])
					.as('eligible')
			])
			.where('i.id', '=', ideaId)
			.executeTakeFirst()
	);
}
