/**
 * The ideas wall in SQL: which ideas an actor sees (the twin of canOnIdea 'view', drafts
 * never), filtered, sorted and paged with its total in one statement; the filter choices in
 * another. wall.test.ts keeps `visibleOnWall` equal to the policy for every status and role.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { ACCEPTED_AND_LATER } from '../../domain/idea-status.js';
import { teamNames } from './idea-columns.js';
import type { WallSort } from './wall.schema.js';

type IdeaEb = ExpressionBuilder<DB & { i: DB['idea'] }, 'i'>;

const isMember = (eb: IdeaEb, userId: number) =>
	eb.exists(eb.selectFrom('ideaMember as m').select('m.userId').whereRef('m.ideaId', '=', 'i.id').where('m.userId', '=', userId));
const isMentor = (eb: IdeaEb, userId: number) =>
	eb.exists(
		eb
			.selectFrom('mentorAssignment as a')
			.select('a.id')
			.whereRef('a.ideaId', '=', 'i.id')
			.where('a.mentorId', '=', userId)
			.where('a.status', 'in', ['proposed', 'accepted'])
	);
const isJuror = (eb: IdeaEb, userId: number) =>
	eb.exists(
		eb
			.selectFrom('roundEntry as e')
			.innerJoin('juryMember as jm', 'jm.juryId', 'e.juryId')
			.select('e.ideaId')
			.whereRef('e.ideaId', '=', 'i.id')
			.where('jm.userId', '=', userId)
	);
/** isPublicIdea's twin: accepted or later, and its competition's submission deadline passed. */
const submissionClosed = (eb: IdeaEb) =>
	eb.exists(
		eb
			.selectFrom('competition as sc')
			.select('sc.id')
			.whereRef('sc.id', '=', 'i.competitionId')
			.where(sql<boolean>`sc.submission_closes_at <= now()`)
	);
export const isPublicIdeaSql = (eb: IdeaEb) => eb.and([eb('i.status', 'in', ACCEPTED_AND_LATER), submissionClosed(eb)]);

/**
 * What the actor sees on the wall: canOnIdea(actor, 'view') without drafts. Organisers see
 * every submitted idea; others the public ones and those they take part in (team, proposed
 * or accepted mentor, juror of a round it is entered in).
 */
export function visibleOnWall(eb: IdeaEb, actor: { id: number; organiser: boolean }) {
	const notDraft = eb('i.status', '<>', 'draft');
	if (actor.organiser) return notDraft;
	return eb.and([notDraft, eb.or([isPublicIdeaSql(eb), isMember(eb, actor.id), isMentor(eb, actor.id), isJuror(eb, actor.id)])]);
}

export type WallFilter = {
	departmentId?: number;
	processAreaId?: number;
	competitionId?: number;
	statuses?: readonly string[];
	q?: string;
	sort: WallSort;
	limit: number;
	offset: number;
};

/**
 * One page of the wall with its total, in one statement: the matching ids are paged first,
 * then only the page's rows read their department, area, edition, team, counts and the
 * actor's facts (so the service asks the policy what each card may offer).
 */
export function listWall(db: Db, actor: { id: number; organiser: boolean }, f: WallFilter) {
	let matches = db
		.selectFrom('idea as i')
		.select(['i.id', 'i.firstSubmittedAt', 'i.supportCount', 'i.followCount', sql<number>`count(*) over ()`.as('total')])
		.where((eb) => visibleOnWall(eb, actor));
	if (f.departmentId) matches = matches.where('i.departmentId', '=', f.departmentId);
	if (f.processAreaId) matches = matches.where('i.processAreaId', '=', f.processAreaId);
	if (f.competitionId) matches = matches.where('i.competitionId', '=', f.competitionId);
	if (f.statuses?.length) matches = matches.where('i.status', 'in', f.statuses);
	if (f.q) {
		const q = f.q;
		matches = matches.where((eb) =>
			eb.or([
				eb(sql`i.search_doc`, '@@', sql`plainto_tsquery('simple', ${q})`),
				eb('i.title', 'ilike', `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
			])
		);
	}
	const sortColumn = { newest: 'i.firstSubmittedAt', supported: 'i.supportCount', followed: 'i.followCount' } as const;
	const page = matches
		.orderBy(sortColumn[f.sort], (ob) => ob.desc().nullsLast())
		.orderBy('i.id', 'desc')
		.limit(f.limit)
		.offset(f.offset);
	const outer = { newest: 'p.firstSubmittedAt', supported: 'p.supportCount', followed: 'p.followCount' } as const;
	return db
		.selectFrom(page.as('p'))
		.innerJoin('idea as i', 'i.id', 'p.id')
		.innerJoin('department as d', 'd.id', 'i.departmentId')
		.leftJoin('processArea as pa', 'pa.id', 'i.processAreaId')
		.leftJoin('competition as c', 'c.id', 'i.competitionId')
		.select((eb) => [
			'i.id',
			'i.title',
			'i.status',
			'i.departmentId',
			'd.name as departmentName',
			'd.nameNl as departmentNameNl',
			'pa.nameEn as areaNameEn',
			'pa.nameNl as areaNameNl',
			'c.name as edition',
			'i.firstSubmittedAt',
			'i.supportCount',
			'i.followCount',
			'p.total',
			sql<string>`left(i.problem, 240)`.as('excerpt'),
			teamNames(eb.ref('i.id')),
			eb
				.selectFrom('comment as cm')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('cm.ideaId', '=', 'i.id')
				.where('cm.visibility', '=', 'team')
				.where('cm.hiddenAt', 'is', null)
				.as('commentCount'),
			eb
				.selectFrom('ideaSupport as s')
				.select(sql<number | null>`coalesce(s.department_id, 0)`.as('d'))
				.whereRef('s.ideaId', '=', 'i.id')
				.where('s.userId', '=', actor.id)
				.as('mySupport'),
			eb
				.exists(eb.selectFrom('ideaFollow as f').select('f.userId').whereRef('f.ideaId', '=', 'i.id').where('f.userId', '=', actor.id))
				.as('following'),
			isMember(eb, actor.id).as('isMember'),
			isMentor(eb, actor.id).as('isMentor'),
			isJuror(eb, actor.id).as('isJuror'),
			submissionClosed(eb).as('submissionClosed')
		])
		.orderBy(outer[f.sort], (ob) => ob.desc().nullsLast())
		.orderBy('i.id', 'desc')
		.execute();
}

/**
 * The wall's filter choices in one statement: departments, process areas (not retired) and
 * the editions (competitions that took ideas), and the departments a supporter may name.
 */
export function findWallChoices(db: Db) {
	return db
		.selectNoFrom((eb) => [
			jsonArrayFrom(
				eb.selectFrom('department as d').select(['d.id', 'd.name', 'd.nameNl']).where('d.retiredAt', 'is', null).orderBy('d.name')
			).as('departments'),
			jsonArrayFrom(
				eb.selectFrom('processArea as a').select(['a.id', 'a.nameEn', 'a.nameNl']).where('a.retiredAt', 'is', null).orderBy('a.nameEn')
			).as('areas'),
			jsonArrayFrom(
				eb
					.selectFrom('competition as c')
					.select(['c.id', 'c.name'])
					.where('c.status', '<>', 'draft')
					.orderBy('c.submissionOpensAt', 'desc')
					.orderBy('c.id', 'desc')
			).as('editions')
		])
		.executeTakeFirstOrThrow();
}
