/**
 * The feedback a team reads once the results of a round are published: per round the
 * outcome and its reason, the rule that applied and the tie-breaks that placed the idea,
 * the rank in its scope, the score and the distance to the cut line,
 * per criterion the mean and the jurors' comments, without names.
 */
import type { Database } from '../db/index.js';
import { canReadFeedback, hasRole, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { conflictSet, ruleSummary, tieBreaksAround } from '../../domain/scoring.js';
import { withWeightPercent } from '../../domain/rubric.js';
import { computeResults, criterionMeans } from './results.js';
import * as rq from './round.queries.js';
import * as q from './feedback.queries.js';

/**
 * What the team reads once the results of a round are published. Two statements: the idea
 * with its team and published rounds, then every published round as stored (one statement
 * for all of them).
 */
export async function getFeedback(db: Database, actor: Actor, ideaId: number) {
	const idea = await q.findIdeaForFeedback(db, ideaId);
	if (!idea) throw notFound();
	const isMember = idea.team.some((m) => m.userId === actor.id);
	const entries = idea.entries;
	if (!canReadFeedback(actor, { isMember, published: entries.length > 0 })) throw notFound();
	const records = await rq.findRoundRecordsRows(
		db,
		entries.map((e) => e.roundId)
	);
	const rounds = [];
	for (const e of entries) {
		const record = records.find((r) => r.round.id === e.roundId);
		if (!record) continue;
		const { round, criteria, juries, entries: allEntries, sheets, conflicts } = record;
		const results = computeResults({ round, criteria, juries, entries: allEntries, sheets, conflicts });
		const scope = results.scopes.find((s) => s.juryId === e.juryId);
		const row = scope?.rows.find((r) => r.ideaId === ideaId);
		const jury = juries.find((j) => j.id === e.juryId);
		const jurorIds = new Set(jury?.members.map((m) => m.userId) ?? []);
		const excluded = conflictSet(conflicts);
		const counted = sheets.filter(
			(s) => s.ideaId === ideaId && s.submittedAt && jurorIds.has(s.jurorId) && !excluded.has(`${s.jurorId}:${ideaId}`)
		);
		const means = criterionMeans({ criteria, sheets, conflicts }, ideaId, jurorIds);
		// The tie-breaks as stored when the round closed; a round closed before they were stored is ranked again.
		const stored = allEntries.filter((x) => x.juryId === e.juryId);
		const rank = e.rank ?? row?.rank ?? null;
		const tieBreaks = tieBreaksAround(stored.some((x) => x.score !== null) ? stored : (scope?.rows ?? []), rank);
		// Comments without names, in alphabetical order so the order tells nothing about who wrote them.
		const byText = (a: string, b: string) => a.localeCompare(b);
		rounds.push({
			roundId: e.roundId,
			roundName: e.roundName,
			kind: e.kind,
			competitionName: e.competitionName,
			scopeName: scope?.departmentName ?? scope?.name ?? '',
			scoreBasis: round.scoreBasis,
			outcome: e.outcome,
			outcomeReason: e.outcomeReason,
			rank,
			/** The rule that applied to the idea's scope, and the tie-breaks that placed it against its neighbours. */
			rule: ruleSummary(
				{
					rule: round.advancementRule,
					count: round.advancementCount,
					threshold: round.advancementThreshold,
					quotas: new Map(round.quotas.map((q) => [q.juryId, q.count])),
					scope: round.scope
				},
				e.juryId
			),
			tieBreaks,
			ofCount: scope?.rows.length ?? 0,
			raw: row?.raw ?? null,
			normalised: row?.normalised ?? null,
			score: row?.score ?? null,
			distanceToCut: row?.distanceToCut ?? null,
			jurors: row?.jurors ?? 0,
			criteria: withWeightPercent(criteria).map((c) => ({
				id: c.id,
				name: c.name,
				weightPercent: c.weightPercent,
				scaleMin: c.scaleMin,
				scaleMax: c.scaleMax,
				mean: means.find((m) => m.criterionId === c.id)?.mean ?? null,
				comments: counted
					.map((s) => s.scores.find((x) => x.criterionId === c.id)?.comment ?? '')
					.filter(Boolean)
					.sort(byText)
			})),
			overallComments: counted
				.map((s) => s.overallComment)
				.filter(Boolean)
				.sort(byText)
		});
	}
	return {
		idea: { id: idea.id, title: idea.title, status: idea.status, departmentName: idea.departmentName },
		rounds,
		isOrganiser: hasRole(actor, 'organiser')
	};
}

/**
 * For the idea page: may this reader open /ideas/[ideaId]/feedback now? (a published round
 * and the reader on the team, or an organiser). Cheap: one query.
 */
export async function feedbackAvailable(db: Database, actor: Actor, ideaId: number, isMember: boolean): Promise<boolean> {
	const entries = await q.listPublishedEntriesOfIdea(db, ideaId);
	return canReadFeedback(actor, { isMember, published: entries.length > 0 });
}
