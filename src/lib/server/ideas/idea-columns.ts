import { expressionBuilder, sql, type Expression } from 'kysely';
import type { DB } from '../db/schema.js';

const eb = expressionBuilder<DB, never>();

/**
 * The team's names as one line ("Sanne Bakker, Kees de Wit": the owner first), for any
 * query over ideas: `teamNames(eb.ref('i.id'))`. Helpers are not credited, so not named.
 */
export function teamNames(ideaId: Expression<number>) {
	return eb
		.selectFrom('ideaMember as m')
		.innerJoin('appUser as u', 'u.id', 'm.userId')
		.select(sql<string>`string_agg(u.name, ', ' order by m.role desc, u.name)`.as('names'))
		.where('m.ideaId', '=', ideaId)
		.where('m.role', '<>', 'helper')
		.as('team');
}
