/** Lists of ideas: my ideas (with what happens next) and the organiser's list of all ideas. */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { holderOf } from '../../domain/lifecycle.js';
import { isIdeaStatus } from '../../domain/idea-status.js';
import { listOpenCalls } from './calls.queries.js';
import { type IdeaListQuery, IDEA_PAGE_SIZE } from './ideas.schema.js';
import * as q from './idea-lists.queries.js';

/** My ideas: every idea of mine or my team, with what happens next, and the calls I may enter. */
export async function listMyIdeas(db: Database, actor: Actor) {
	if (!can(actor, 'idea.listOwn')) throw notFound();
	const [rows, calls] = await Promise.all([q.listIdeasOfMember(db, actor.id, 200), listOpenCalls(db, actor.departmentId)]);
	return {
		ideas: rows.map((idea) => ({ ...idea, holder: isIdeaStatus(idea.status) ? holderOf(idea.status) : 'nobody' })),
		calls
	};
}

export async function listAllIdeas(db: Database, actor: Actor, query: IdeaListQuery, pageSize = IDEA_PAGE_SIZE) {
	if (!can(actor, 'idea.listAll')) throw notFound();
	const rows = await q.listIdeas(db, {
		competitionId: query.competition,
		departmentId: query.department,
		status: query.status && isIdeaStatus(query.status) ? query.status : undefined,
		tag: query.tag,
		q: query.q,
		sort: query.sort,
		dir: query.dir,
		limit: pageSize,
		offset: (query.page - 1) * pageSize
	});
	return { total: rows[0]?.total ?? 0, ideas: rows.map(({ total: _t, ...r }) => r) };
}
