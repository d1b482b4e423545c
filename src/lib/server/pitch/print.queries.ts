/** The printable agenda and jury booklet of one pitch session: everything in one statement. */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/index.js';

type Stamp = Date | string;

export type PrintSlotRow = {
	id: number;
	position: number;
	kind: string;
	startsAt: Stamp;
	endsAt: Stamp;
	ideaId: number | null;
	title: string | null;
	departmentName: string | null;
	departmentNameNl: string | null;
	processAreaEn: string | null;
	processAreaNl: string | null;
	problem: string | null;
	proposal: string | null;
	team: { name: string; role: string }[];
	mentorName: string | null;
	readyAt: Stamp | null;
};

/**
 * The session with its round, jury (members, chair first), whether `actorId` sits on that
 * jury (and chairs it), the ordered slots with their ideas (title, team, department, process
 * area, the mentor and when they marked it ready) and, for the booklet, each idea's problem
 * and proposal and the round's criteria with their rubric. One statement.
 */
export async function findSessionPrint(db: Db, sessionId: number, actorId: number, booklet: boolean) {
	const row = await db
		.selectFrom('pitchSession as s')
		.innerJoin('round as r', 'r.id', 's.roundId')
		.innerJoin('competition as c', 'c.id', 'r.competitionId')
		.innerJoin('jury as j', (jn) => jn.onRef('j.id', '=', 's.juryId').onRef('j.roundId', '=', 's.roundId'))
		.leftJoin('department as jd', 'jd.id', 'j.departmentId')
		.leftJoin('juryMember as me', (jn) => jn.onRef('me.juryId', '=', 'j.id').on('me.userId', '=', actorId))
		.select((eb) => [
			's.id',
			's.startsAt',
			's.room',
			's.slotMinutes',
			's.pitchMinutes',
			's.questionsMinutes',
			's.planVersion',
			's.publishedAt',
			's.status',
			'r.id as roundId',
			'r.name as roundName',
			'r.status as roundStatus',
			'c.id as competitionId',
			'c.name as competitionName',
			'j.name as juryName',
			'jd.name as juryDepartmentName',
			'jd.nameNl as juryDepartmentNameNl',
			sql<boolean>`me.user_id IS NOT NULL`.as('onJury'),
			sql<boolean>`coalesce(me.is_chair, false)`.as('isJuryChair'),
			jsonArrayFrom(
				eb
					.selectFrom('juryMember as jm')
					.innerJoin('appUser as u', 'u.id', 'jm.userId')
					.select(['u.id', 'u.name', 'u.jobTitle', 'jm.isChair'])
					.whereRef('jm.juryId', '=', 'j.id')
					.orderBy('jm.isChair', 'desc')
					.orderBy('u.name')
			).as('jurors'),
			jsonArrayFrom(
				eb
					.selectFrom('presentationSlot as p')
					.leftJoin('idea as i', 'i.id', 'p.ideaId')
					.leftJoin('department as d', 'd.id', 'i.departmentId')
					.leftJoin('processArea as pa', 'pa.id', 'i.processAreaId')
					// The mentor who coached it: the current one, or the last one (mentorships end once an idea is entered).
					.leftJoinLateral(
						(lb) =>
							lb
								.selectFrom('mentorAssignment as ma')
								.innerJoin('appUser as mu', 'mu.id', 'ma.mentorId')
								.select(['mu.name as mentorName', 'ma.readyAt'])
								.whereRef('ma.ideaId', '=', 'i.id')
								.where('ma.status', 'in', ['accepted', 'ended'])
								.orderBy(sql`ma.ready_at desc nulls last`)
								.orderBy('ma.createdAt', 'desc')
								.limit(1)
								.as('a'),
						(jn) => jn.onTrue()
					)
					.select((sb) => [
						'p.id',
						'p.position',
						'p.kind',
						'p.startsAt',
						'p.endsAt',
						'p.ideaId',
						'i.title',
						'd.name as departmentName',
						'd.nameNl as departmentNameNl',
						'pa.nameEn as processAreaEn',
						'pa.nameNl as processAreaNl',
						(booklet ? sql<string | null>`i.problem` : sql<string | null>`null`).as('problem'),
						(booklet ? sql<string | null>`i.proposal` : sql<string | null>`null`).as('proposal'),
						'a.mentorName',
						'a.readyAt',
						sb
							.selectFrom('ideaMember as m')
							.innerJoin('appUser as tu', 'tu.id', 'm.userId')
							.select(
								sql<
									{ name: string; role: string }[]
								>`coalesce(json_agg(json_build_object('name', tu.name, 'role', m.role) ORDER BY m.role DESC, tu.name), '[]')`.as('team')
							)
							.where('m.role', '<>', 'helper')
							.whereRef('m.ideaId', '=', 'i.id')
							.as('team')
					])
					.whereRef('p.sessionId', '=', 's.id')
					.orderBy('p.position')
			).as('slots'),
			jsonArrayFrom(
				eb
					.selectFrom('roundCriterion as rc')
					.select(['rc.id', 'rc.code', 'rc.name', 'rc.description', 'rc.weight', 'rc.scaleMin', 'rc.scaleMax', 'rc.rubric'])
					.whereRef('rc.roundId', '=', 'r.id')
					.where(sql<boolean>`${booklet}`)
					.orderBy('rc.position')
			).as('criteria')
		])
		.where('s.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		...row,
		slots: row.slots as unknown as PrintSlotRow[],
		onJury: Boolean(row.onJury),
		isJuryChair: Boolean(row.isJuryChair)
	};
}
