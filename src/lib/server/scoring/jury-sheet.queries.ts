/**
 * The juror's side of judging: their rounds and queue, their own sheet (read, written with
 * its version), the scores that count for an idea, and conflicts of interest. The round's
 * shared reads are in round.queries.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import { captionsOf, posterOf } from '../attachments/attachments.queries.js';
import { criteriaQuery, type listCriteria } from './round.queries.js';
import { AUTO_CONFLICT_SOURCES, conflictReasonsJson, conflictSources } from './conflict-sources.js';

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

// ---------------------------------------------------------------- the queue

/**
 * The juror's ideas in a round: those entered for their juries, in presentation order, each
 * with their own sheet's state and the reasons of a conflict with it (found live; the queue
 * leaves those out, the page says why). `roundId` is a round id or a reference to one.
 */
function jurorQueueQuery(db: Db, jurorId: number, roundId: number | RawBuilder<number>) {
	return db
		.selectFrom('roundEntry as e')
		.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'e.juryId').on('jm.userId', '=', jurorId))
		.innerJoin('idea as i', 'i.id', 'e.ideaId')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
		.leftJoin('scoreSheet as h', (jn) =>
			jn.onRef('h.roundId', '=', 'e.roundId').onRef('h.ideaId', '=', 'e.ideaId').on('h.jurorId', '=', jurorId)
		)
		.select([
			'e.roundId',
			'e.ideaId',
			'e.outcome',
			'e.outcomeReason',
			'i.title',
			'd.name as departmentName',
			'p.startsAt as slotStartsAt',
			'p.location as slotLocation',
			'h.submittedAt',
			'h.version',
			'h.updatedAt',
			conflictReasonsJson(sql.ref('jm.user_id'), sql.ref('e.idea_id')).as('conflicts')
		])
		.where('e.roundId', '=', roundId)
		.orderBy(sql`p.starts_at nulls last`)
		.orderBy('e.ideaId');
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof jurorQueueQuery>['execute']>>[number];

/**
 * The juror's jury home in one statement: each round they sit in, with their jury (one row
 * per jury: a juror may sit on two of a round), and, for rounds out of preparation, their queue in it (jurorQueueQuery, as JSON,
 * its times read back into dates).
 */
export async function listJuryHome(db: Db, jurorId: number) {
	const rows = await db
		.selectFrom('juryMember as jm')
		.innerJoin('jury as j', 'j.id', 'jm.juryId')
		.innerJoin('round as r', 'r.id', 'j.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select([
			'r.id as roundId',
			'r.name as roundName',
			'r.status',
			'r.kind',
			'r.scoringClosesAt',
			'r.scoresVisible',
			'c.name as competitionName',
			'j.id as juryId',
			'j.name as juryName',
			sql<
				QueueRow[]
			>`case when r.status <> 'draft' then (${jsonArrayFrom(jurorQueueQuery(db, jurorId, sql.ref<number>('r.id')))}) else '[]'::json end`.as(
				'queue'
			)
		])
		.where('jm.userId', '=', jurorId)
		.orderBy('r.competitionId', 'desc')
		.orderBy('r.position')
		.execute();
	return rows.map((m) => ({
		...m,
		queue: m.queue.map((e) => ({
			...e,
			slotStartsAt: toDate(e.slotStartsAt),
			submittedAt: toDate(e.submittedAt),
			updatedAt: toDate(e.updatedAt)
		}))
	}));
}

/**
 * The round as this juror sees it, in one statement: the round, whether they sit on one of
 * its juries, and their queue (the ideas entered for their juries, in presentation order)
 * with the conflicts of each, found live. The sheet takes its place, previous and next from
 * it; the offline sheet its rows.
 */
export function findJurorRound(db: Db, roundId: number, jurorId: number) {
	return jurorRoundQuery(db, roundId, jurorId).executeTakeFirst();
}

function jurorRoundQuery(db: Db, roundId: number, jurorId: number) {
	return db
		.selectFrom('round as r')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.select((eb) => [
			'r.id',
			'r.name',
			'r.status',
			'r.scoresVisible',
			'r.scoringClosesAt',
			'c.name as competitionName',
			eb
				.exists(
					eb
						.selectFrom('juryMember as jm')
						.innerJoin('jury as j', 'j.id', 'jm.juryId')
						.whereRef('j.roundId', '=', 'r.id')
						.where('jm.userId', '=', jurorId)
						.select('jm.userId')
				)
				.as('isJuror'),
			jsonArrayFrom(
				eb
					.selectFrom('roundEntry as e')
					.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'e.juryId').on('jm.userId', '=', jurorId))
					.innerJoin('idea as i', 'i.id', 'e.ideaId')
					.leftJoin('presentationSlot as p', (jn) => jn.onRef('p.roundId', '=', 'e.roundId').onRef('p.ideaId', '=', 'e.ideaId'))
					.select(['e.ideaId', 'i.title', conflictReasonsJson(sql.ref('jm.user_id'), sql.ref('e.idea_id')).as('conflicts')])
					.whereRef('e.roundId', '=', 'r.id')
					.orderBy(sql`p.starts_at nulls last`)
					.orderBy('e.ideaId')
			).as('queue')
		])
		.where('r.id', '=', roundId);
}

/** What the final's jury reads of an idea's previous round (the semi-final), when the round shows it. */
export type CarriedRound = {
	roundId: number;
	roundName: string;
	kind: string;
	scoreBasis: string;
	/** The score it was ranked on and its rank in its scope, as stored when that round closed. */
	score: number | null;
	rank: number | null;
	ofCount: number;
	scopeName: string;
	jurors: number;
	criteria: { id: number; name: string; scaleMin: number; scaleMax: number; mean: number | null; comments: string[] }[];
	overallComments: string[];
};

/**
 * An idea's previous round as the next round's jury may read it, when that round shows it
 * (`round.show_previous_round`): the round it was carried from (or else its latest earlier
 * round in the competition), once closed; the score and rank stored at closing; per
 * criterion the mean and the comments of the sheets that counted (submitted, by the jury of
 * its scope, not conflicted); the overall comments. Never a juror's name; comments in
 * alphabetical order, so their order tells nothing about who wrote them. Null otherwise.
 */
function carriedRoundSql(ideaId: number) {
	return sql<CarriedRound | null>`case when r.show_previous_round then (
		with src as (
			select pe.round_id, pe.jury_id, pe.score, pe.rank, pr.name, pr.kind, pr.score_basis,
				coalesce(d.name, j.name) as scope_name,
				(select count(*)::int from round_entry x where x.round_id = pe.round_id and x.jury_id = pe.jury_id) as of_count
			from round_entry pe
			join round pr on pr.id = pe.round_id and pr.status in ('closed', 'published')
			join jury j on j.id = pe.jury_id
			left join department d on d.id = j.department_id
			where pe.idea_id = ${ideaId} and pe.round_id = coalesce(
				(select e.from_round_id from round_entry e where e.round_id = r.id and e.idea_id = ${ideaId}),
				(select p2.id from round p2 join round_entry e2 on e2.round_id = p2.id and e2.idea_id = ${ideaId}
					where p2.competition_id = r.competition_id and p2.position < r.position
					order by p2.position desc limit 1))
		), counted as (
			select h.id, h.overall_comment
			from src
			join score_sheet h on h.round_id = src.round_id and h.idea_id = ${ideaId} and h.submitted_at is not null
			join jury_member jm on jm.jury_id = src.jury_id and jm.user_id = h.juror_id
			where not exists (${conflictSources(sql.ref('h.juror_id'), sql`${ideaId}::int`, { recorded: true })})
		)
		select json_build_object(
			'roundId', src.round_id, 'roundName', src.name, 'kind', src.kind, 'scoreBasis', src.score_basis,
			'score', src.score::float8, 'rank', src.rank, 'ofCount', src.of_count, 'scopeName', src.scope_name,
			'jurors', (select count(*)::int from counted),
			'criteria', coalesce((
				select json_agg(json_build_object(
					'id', c.id, 'name', c.name, 'scaleMin', c.scale_min, 'scaleMax', c.scale_max,
					'mean', (select avg(s.value)::float8 from score s join counted k on k.id = s.sheet_id where s.criterion_id = c.id),
					'comments', coalesce((
						select json_agg(s.comment order by s.comment)
						from score s join counted k on k.id = s.sheet_id
						where s.criterion_id = c.id and s.comment <> ''), '[]'::json)
				) order by c.position)
				from round_criterion c where c.round_id = src.round_id), '[]'::json),
			'overallComments', coalesce((
				select json_agg(k.overall_comment order by k.overall_comment) from counted k where k.overall_comment <> ''), '[]'::json)
		) from src
	) end`;
}

/**
 * Everything the scoring sheet shows in one statement: the round as this juror sees it with
 * their queue (findJurorRound: the sheet's place, previous and next come from it), the
 * round's criteria, the idea with its team, benefits and attachments, and the juror's own
 * sheet. The nested rows come back as JSON; their times are read back into dates, so each
 * part has the shape of its own query (listCriteria, findIdeaForSheet, findSheet).
 */
export async function findSheetPage(db: Db, roundId: number, ideaId: number, jurorId: number) {
	const row = await jurorRoundQuery(db, roundId, jurorId)
		.select(() => [
			jsonArrayFrom(criteriaQuery(db, roundId)).as('criteria'),
			jsonObjectFrom(ideaForSheetQuery(db, ideaId)).as('idea'),
			jsonObjectFrom(sheetQuery(db, roundId, ideaId, jurorId)).as('sheet'),
			carriedRoundSql(ideaId).as('carried')
		])
		.executeTakeFirst();
	if (!row) return undefined;
	const { criteria, idea, sheet, carried, ...round } = row;
	type Sheet = NonNullable<Awaited<ReturnType<typeof findSheet>>>;
	type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];
	const ideaRow = idea;
	const sheetRow = sheet as unknown as Sheet | null;
	return {
		round,
		criteria: criteria as unknown as Criterion[],
		idea: ideaRow && { ...ideaRow, attachments: ideaRow.attachments.map((a) => ({ ...a, createdAt: toDate(a.createdAt)! })) },
		sheet: sheetRow && { ...sheetRow, submittedAt: toDate(sheetRow.submittedAt), updatedAt: toDate(sheetRow.updatedAt)! },
		carried: carried ?? null
	};
}

/**
 * The sheets that count for one idea, less one juror's own: submitted, by a member of the
 * idea's jury, not conflicted. Only the scores: what the sheet shows once the juror may see
 * the others (never their comments or names).
 */
export function listCountedScoresOfIdea(db: Db, roundId: number, ideaId: number, exceptJurorId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.innerJoin('roundEntry as e', (jn) => jn.onRef('e.roundId', '=', 'h.roundId').onRef('e.ideaId', '=', 'h.ideaId'))
		.innerJoin('juryMember as jm', (jn) => jn.onRef('jm.juryId', '=', 'e.juryId').onRef('jm.userId', '=', 'h.jurorId'))
		.select((eb) => [
			'h.jurorId',
			'h.ideaId',
			'h.submittedAt',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value']).whereRef('s.sheetId', '=', 'h.id')).as('scores')
		])
		.where('h.roundId', '=', roundId)
		.where('h.ideaId', '=', ideaId)
		.where('h.jurorId', '<>', exceptJurorId)
		.where('h.submittedAt', 'is not', null)
		.where(sql<boolean>`not exists (${conflictSources(sql.ref('jm.user_id'), sql.ref('e.idea_id'), { recorded: true })})`)
		.orderBy('h.id')
		.execute();
}

/** What a juror reads beside the criteria: the idea, its team's names, benefits and attachments. */
export function findIdeaForSheet(db: Db, ideaId: number) {
	return ideaForSheetQuery(db, ideaId).executeTakeFirst();
}

function ideaForSheetQuery(db: Db, ideaId: number) {
	return db
		.selectFrom('idea as i')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.problem',
			'i.proposal',
			'd.name as departmentName',
			jsonArrayFrom(
				eb
					.selectFrom('ideaMember as m')
					.innerJoin('appUser as u', 'u.id', 'm.userId')
					.select(['u.name'])
					.whereRef('m.ideaId', '=', 'i.id')
					.where('m.role', '<>', 'helper')
					.orderBy('m.role', 'desc')
					.orderBy('u.name')
			).as('team'),
			jsonArrayFrom(
				eb
					.selectFrom('ideaBenefit as b')
					.select(['b.kind', 'b.description', 'b.estimate', 'b.unit'])
					.whereRef('b.ideaId', '=', 'i.id')
					.orderBy('b.kind')
			).as('benefits'),
			jsonArrayFrom(
				eb
					.selectFrom('attachment as a')
					.innerJoin('appUser as u', 'u.id', 'a.uploadedBy')
					.select(['a.id', 'a.kind', 'a.fileName', 'a.mediaType', 'a.sizeBytes', 'a.createdAt', 'u.name as uploaderName'])
					// a video's captions and poster come with it (attachments.queries), not as files of their own
					.select([captionsOf('a').as('captions'), posterOf('a').as('posterId')])
					.whereRef('a.ideaId', '=', 'i.id')
					.where('a.parentId', 'is', null)
					.orderBy('a.createdAt')
			).as('attachments')
		])
		.where('i.id', '=', ideaId);
}

// ---------------------------------------------------------------- the juror's own sheet

export function findSheet(db: Db, roundId: number, ideaId: number, jurorId: number) {
	return sheetQuery(db, roundId, ideaId, jurorId).executeTakeFirst();
}

function sheetQuery(db: Db, roundId: number, ideaId: number, jurorId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.select((eb) => [
			'h.id',
			'h.overallComment',
			'h.submittedAt',
			'h.version',
			'h.updatedAt',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value', 's.comment']).whereRef('s.sheetId', '=', 'h.id')).as(
				'scores'
			)
		])
		.where('h.roundId', '=', roundId)
		.where('h.ideaId', '=', ideaId)
		.where('h.jurorId', '=', jurorId);
}

/** The juror's own sheets of a round (never anyone else's). */
export function listOwnSheets(db: Db, roundId: number, jurorId: number) {
	return ownSheetsQuery(db, roundId, jurorId).execute();
}

function ownSheetsQuery(db: Db, roundId: number, jurorId: number) {
	return db
		.selectFrom('scoreSheet as h')
		.select((eb) => [
			'h.id',
			'h.ideaId',
			'h.overallComment',
			'h.submittedAt',
			'h.version',
			jsonArrayFrom(eb.selectFrom('score as s').select(['s.criterionId', 's.value', 's.comment']).whereRef('s.sheetId', '=', 'h.id')).as(
				'scores'
			)
		])
		.where('h.roundId', '=', roundId)
		.where('h.jurorId', '=', jurorId);
}

/**
 * What the offline sheet needs in one statement: the round as this juror sees it with their
 * queue (findJurorRound), the round's criteria and the juror's own sheets of it.
 */
export async function findOfflineSheetData(db: Db, roundId: number, jurorId: number) {
	const row = await jurorRoundQuery(db, roundId, jurorId)
		.select(() => [jsonArrayFrom(criteriaQuery(db, roundId)).as('criteria'), jsonArrayFrom(ownSheetsQuery(db, roundId, jurorId)).as('own')])
		.executeTakeFirst();
	if (!row) return undefined;
	const { criteria, own, ...round } = row;
	type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];
	return {
		round,
		criteria: criteria as unknown as Criterion[],
		own: own.map((h) => ({ ...h, submittedAt: toDate(h.submittedAt) }))
	};
}

/** One sheet to write: the idea, the version the juror read (0 for none yet), and what it says. */
export type SheetWrite = {
	ideaId: number;
	expectedVersion: number;
	overallComment: string;
	submitted: 'now' | 'keep' | 'clear';
	scores: { criterionId: number; value: number; comment: string }[];
};

/**
 * A juror's sheets of one round written in one statement, atomic on its own (one sheet from
 * the scoring sheet, many from the offline sheet): under the round row held FOR SHARE
 * (closing and reopening take it FOR UPDATE, so a save is either before a close or refused
 * after it), the facts that allow each (round open, the idea in the juror's queue, no
 * conflict of interest, found live) and, only where they do, the sheet created (expected
 * version 0) or moved from the version the juror read to the next, and its scores made
 * these: the criteria given are upserted, the others deleted. The unique (round, idea,
 * juror) key makes a second insert a no-op instead of a duplicate; an update waits for a
 * concurrent one and then finds the version moved. Per idea, `written` is null when the
 * facts refuse or someone saved in between (a repeat of this same save, or a stale
 * version). Undefined when the round does not exist.
 */
export async function saveSheetRows(db: Db, roundId: number, jurorId: number, sheets: readonly SheetWrite[]) {
	const input = JSON.stringify(
		sheets.map((s) => ({
			idea_id: s.ideaId,
			expected: s.expectedVersion,
			overall_comment: s.overallComment,
			submitted: s.submitted,
			scores: s.scores.map((x) => ({ criterion_id: x.criterionId, value: x.value, comment: x.comment }))
		}))
	);
	const result = await sql<{
		status: string;
		ideaId: number | null;
		onJury: boolean | null;
		conflicted: boolean | null;
		id: number | null;
		version: number | null;
		submittedAt: Date | null;
	}>`
		with r as (
			select id, status from round where id = ${roundId} for share
		), input as (
			select x.idea_id, x.expected, x.overall_comment, x.submitted, x.scores
			from json_to_recordset(${input}::json) as x(idea_id int, expected int, overall_comment text, submitted text, scores json)
		), facts as (
			select given_idea.idea_id, r.status,
				exists (
					select 1 from round_entry e join jury_member jm on jm.jury_id = e.jury_id and jm.user_id = ${jurorId}
					where e.round_id = r.id and e.idea_id = given_idea.idea_id
				) as on_jury,
				exists (${conflictSources(sql`${jurorId}::int`, sql.ref('given_idea.idea_id'), { recorded: true })}) as conflicted
			from r cross join input given_idea
		), go as (
			select x.* from input x join facts f on f.idea_id = x.idea_id
			where f.status = 'open' and f.on_jury and not f.conflicted
		), created as (
			insert into score_sheet (round_id, idea_id, juror_id, overall_comment, submitted_at, version)
			select ${roundId}, g.idea_id, ${jurorId}, g.overall_comment, case when g.submitted = 'now' then now() end, 1
			from go g where g.expected = 0
			on conflict (round_id, idea_id, juror_id) do nothing
			returning id, idea_id, version, submitted_at
		), updated as (
			update score_sheet s set
				overall_comment = g.overall_comment,
				version = s.version + 1,
				updated_at = now(),
				submitted_at = case g.submitted when 'now' then coalesce(s.submitted_at, now()) when 'clear' then null else s.submitted_at end
			from go g
			where s.round_id = ${roundId} and s.idea_id = g.idea_id and s.juror_id = ${jurorId}
				and g.expected > 0 and s.version = g.expected
			returning s.id, s.idea_id, s.version, s.submitted_at
		), written as (
			select * from created union all select * from updated
		), given as (
			select w.id as sheet_id, x.criterion_id, x.value, x.comment
			from written w
			join go g on g.idea_id = w.idea_id
			cross join lateral json_to_recordset(g.scores) as x(criterion_id int, value int, comment text)
			join round_criterion c on c.id = x.criterion_id and c.round_id = ${roundId}
		), gone as (
			delete from score s using written w
			where s.sheet_id = w.id and not exists (select 1 from given g where g.sheet_id = s.sheet_id and g.criterion_id = s.criterion_id)
		), put as (
			insert into score (sheet_id, criterion_id, value, comment)
			select sheet_id, criterion_id, value, comment from given
			on conflict (sheet_id, criterion_id) do update set value = excluded.value, comment = excluded.comment, updated_at = now()
		)
		select r.status, f.idea_id as "ideaId", f.on_jury as "onJury", f.conflicted, w.id, w.version, w.submitted_at as "submittedAt"
		from r
		left join facts f on true
		left join written w on w.idea_id = f.idea_id
	`.execute(db);
	if (!result.rows.length) return undefined;
	return {
		status: result.rows[0].status,
		sheets: new Map(
			result.rows
				.filter((row) => row.ideaId !== null)
				.map((row) => [
					row.ideaId!,
					{
						onJury: !!row.onJury,
						conflicted: !!row.conflicted,
						written: row.id === null ? null : { id: row.id, version: row.version!, submittedAt: row.submittedAt }
					}
				])
		)
	};
}

// ---------------------------------------------------------------- conflicts

/**
 * Writes the automatic conflicts down again for the juror-idea pairs of some rounds, so every
 * screen that reads them (the home page, the knowledge base's roll-out score) agrees with
 * the live rule: new ones are added, team, manager and peer rows that no longer hold (a new
 * manager, a peer setting turned off) are removed. Mentor rows stay: once a mentor, always
 * conflicted. Declared ones are the juror's and stay. One statement.
 */
export async function recomputeAutoConflicts(db: Db, scope: { roundId: number } | { competitionId: number } | 'active') {
	const where =
		scope === 'active'
			? sql`r.status in ('draft', 'open')`
			: 'roundId' in scope
				? sql`r.id = ${scope.roundId}`
				: sql`r.competition_id = ${scope.competitionId} and r.status in ('draft', 'open')`;
	const recomputed = AUTO_CONFLICT_SOURCES.filter((s) => s !== 'mentor');
	await sql`
		with pairs as (
			select distinct jm.user_id, e.idea_id
			from round_entry e
			join round r on r.id = e.round_id
			join jury_member jm on jm.jury_id = e.jury_id
			where ${where}
		), live as (
			select distinct p.user_id, p.idea_id, s.source
			from pairs p
			join lateral (${conflictSources(sql.ref('p.user_id'), sql.ref('p.idea_id'), { recorded: false })}) s on true
		), gone as (
			delete from conflict_of_interest ci
			using pairs p
			where ci.user_id = p.user_id and ci.idea_id = p.idea_id
				and ci.source in (${sql.join(recomputed)})
				and not exists (select 1 from live l where l.user_id = ci.user_id and l.idea_id = ci.idea_id and l.source = ci.source)
		)
		insert into conflict_of_interest (user_id, idea_id, source)
		select user_id, idea_id, source from live
		on conflict (user_id, idea_id, source) do nothing
	`.execute(db);
}

export function insertDeclaredConflict(db: Db, row: { userId: number; ideaId: number; reason: string }) {
	return db
		.insertInto('conflictOfInterest')
		.values({ ...row, source: 'declared' })
		.onConflict((oc) => oc.columns(['userId', 'ideaId', 'source']).doUpdateSet({ reason: row.reason }))
		.execute();
}
