/**
 * A person's place in the organisation as the policy needs it (LeaderFacts): do they lead a
 * team (someone active reports to them), which departments' management teams they sit on,
 * and who their own team leader is. One statement.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { LeaderFacts } from '../auth/policy.js';

export type LeaderInfo = LeaderFacts & {
	/** the person's own team leader (app_user.manager_id), if set and active */
	teamLeader: { id: number; name: string } | null;
};

/** The actor's leader facts: from the session when it has them, else one statement. */
export async function leaderFactsOf(db: Db, actor: { id: number; leader?: LeaderFacts }): Promise<LeaderFacts> {
	return actor.leader ?? findLeaderFacts(db, actor.id);
}

export async function findLeaderFacts(db: Db, userId: number): Promise<LeaderInfo> {
	const row = await db
		.selectFrom('appUser as u')
		.leftJoin('appUser as boss', (j) => j.onRef('boss.id', '=', 'u.managerId').on('boss.disabledAt', 'is', null))
		.select((eb) => [
			'boss.id as leaderId',
			'boss.name as leaderName',
			eb
				.exists(eb.selectFrom('appUser as r').select('r.id').whereRef('r.managerId', '=', 'u.id').where('r.disabledAt', 'is', null))
				.as('leadsTeam'),
			eb
				.selectFrom('departmentMtMember as mt')
				.select(sql<number[]>`coalesce(array_agg(mt.department_id order by mt.department_id), '{}')`.as('ids'))
				.whereRef('mt.userId', '=', 'u.id')
				.as('managedDepartmentIds')
		])
		.where('u.id', '=', userId)
		.executeTakeFirst();
	return {
		leadsTeam: Boolean(row?.leadsTeam),
		managedDepartmentIds: (row?.managedDepartmentIds ?? []).map(Number),
		teamLeader: row?.leaderId != null && row.leaderName != null ? { id: row.leaderId, name: row.leaderName } : null
	};
}
