/**
 * The ideas wall: every idea of every department the actor may see by the stage-gated rule
 * (drafts never), filtered, sorted and paged, each card with what it may offer (support,
 * follow) as the policy says. Two statements: the choices, and the page with its total.
 */
import type { Database } from '../db/index.js';
import { can, canOnIdea, hasRole, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { toIdeaVoice } from './voice.queries.js';
import { PRIVATE_STAGES, WALL_PAGE_SIZE, WALL_STAGE_NAMES, WALL_STAGES, type WallQuery } from './wall.schema.js';
import * as q from './wall.queries.js';

export async function getWall(db: Database, actor: Actor, query: WallQuery, pageSize = WALL_PAGE_SIZE) {
	if (!can(actor, 'idea.wall')) throw notFound();
	const organiser = hasRole(actor, 'organiser');
	const [choices, rows] = await Promise.all([
		q.findWallChoices(db),
		q.listWall(
			db,
			{ id: actor.id, organiser },
			{
				departmentId: query.department,
				processAreaId: query.area,
				competitionId: query.edition,
				statuses: query.stage ? WALL_STAGES[query.stage] : undefined,
				q: query.q || undefined,
				sort: query.sort,
				limit: pageSize,
				offset: (query.page - 1) * pageSize
			}
		)
	]);
	const ideas = rows.map((r) => {
		const facts = {
			status: r.status,
			isMember: Boolean(r.isMember),
			isMentor: Boolean(r.isMentor),
			isJuror: Boolean(r.isJuror),
			submissionClosed: Boolean(r.submissionClosed)
		};
		return {
			id: r.id,
			title: r.title,
			status: r.status,
			departmentId: r.departmentId,
			department: { name: r.departmentName, nameNl: r.departmentNameNl },
			area: r.areaNameEn ? { nameEn: r.areaNameEn, nameNl: r.areaNameNl ?? r.areaNameEn } : null,
			edition: r.edition,
			team: r.team ?? '',
			excerpt: r.excerpt,
			commentCount: Number(r.commentCount ?? 0),
			voice: toIdeaVoice({ ...r, supportDepartments: [] }),
			canSupport: canOnIdea(actor, 'support', facts),
			canFollow: canOnIdea(actor, 'follow', facts)
		};
	});
	return {
		ideas,
		total: Number(rows[0]?.total ?? 0),
		pageSize,
		// organisers (and a team, for its own) see ideas before acceptance; everyone filters by the public stages
		stages: organiser ? WALL_STAGE_NAMES : WALL_STAGE_NAMES.filter((s) => !PRIVATE_STAGES.includes(s)),
		departments: choices.departments,
		areas: choices.areas,
		editions: choices.editions
	};
}
