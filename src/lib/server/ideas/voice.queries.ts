/**
 * Colleagues' voice on one idea (supports, follows, the departments it would help too), as
 * columns of a query over `idea as i`, so the idea page reads them in its one statement:
 * `.select((eb) => ideaVoiceColumns(eb, actor.id))`, then `toIdeaVoice(row)`.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.js';

export function ideaVoiceColumns(eb: ExpressionBuilder<DB & { i: DB['idea'] }, 'i'>, userId: number) {
	return [
		'i.supportCount',
		'i.followCount',
		eb
			.selectFrom('ideaSupport as s')
			.select(sql<number | null>`coalesce(s.department_id, 0)`.as('d'))
			.whereRef('s.ideaId', '=', 'i.id')
			.where('s.userId', '=', userId)
			.as('mySupport'),
		eb
			.exists(eb.selectFrom('ideaFollow as f').select('f.userId').whereRef('f.ideaId', '=', 'i.id').where('f.userId', '=', userId))
			.as('following'),
		jsonArrayFrom(
			eb
				.selectFrom('ideaSupport as s')
				.innerJoin('department as sd', 'sd.id', 's.departmentId')
				.select(['sd.id', 'sd.name', 'sd.nameNl', sql<number>`count(*)::int`.as('supporters')])
				.whereRef('s.ideaId', '=', 'i.id')
				.whereRef('s.departmentId', '<>', 'i.departmentId')
				.groupBy(['sd.id', 'sd.name', 'sd.nameNl'])
				.orderBy(sql`count(*)`, 'desc')
				.orderBy('sd.name')
		).as('supportDepartments')
	] as const;
}

/** What the idea page and the wall show of colleagues' voice on one idea. */
export type IdeaVoice = {
	supportCount: number;
	followCount: number;
	/** null: I do not support it; 0: I support it without naming a department; else the department named */
	mySupport: number | null;
	following: boolean;
	/** departments (other than the idea's own) that said it would help them too: suggested for its roll-out */
	supportDepartments: { id: number; name: string; nameNl: string | null; supporters: number }[];
};

export function toIdeaVoice(row: {
	supportCount: number;
	followCount: number;
	mySupport: number | null;
	following: unknown;
	supportDepartments: { id: number; name: string; nameNl: string | null; supporters: number }[];
}): IdeaVoice {
	return {
		supportCount: row.supportCount,
		followCount: row.followCount,
		mySupport: row.mySupport === null ? null : Number(row.mySupport),
		following: Boolean(row.following),
		supportDepartments: row.supportDepartments
	};
}
