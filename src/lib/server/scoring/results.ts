/**
 * One round's results from its stored rows, through the arithmetic of domain/scoring.ts:
 * per jury scope the ranking (raw and normalised side by side), the proposed advancement
 * with its cut line, the progress, and per idea the criterion means. Only submitted sheets
 * count; conflicted pairs count nowhere.
 */
import {
	conflictSet,
	isTieBreakOrder,
	proposeAdvancement,
	rankIdeas,
	roundCompletion,
	scopeRule,
	type AdvancementRule,
	type Criterion,
	type ProposedRow,
	type RankedIdea,
	type Sheet
} from '../../domain/scoring.js';

export type ResultsInput = {
	round: {
		kind: string;
		advancementRule: string;
		advancementCount: number | null;
		advancementThreshold: number | string | null;
		scoreBasis: string;
		/** The round's tie-break order; the domain default when absent. */
		tieBreaks?: readonly string[];
		/** A top-N round's quotas per jury (scope), overriding its count there. */
		quotas?: readonly { juryId: number; count: number }[];
	};
	criteria: readonly { id: number; weight: number | string; scaleMin: number; scaleMax: number; isRollOut: boolean }[];
	juries: readonly { id: number; name: string; departmentName: string | null; members: readonly { userId: number; name: string }[] }[];
	entries: readonly {
		ideaId: number;
		juryId: number;
		title: string;
		submittedAt: Date | string | null;
		firstSubmittedAt: Date | string | null;
	}[];
	sheets: readonly {
		jurorId: number;
		ideaId: number;
		submittedAt: Date | string | null;
		scores: readonly { criterionId: number; value: number }[];
	}[];
	conflicts: readonly { jurorId: number; ideaId: number }[];
};

export type Outcome = 'advanced' | 'stopped' | 'winner' | 'runner_up' | 'finalist';

export type ScopeRow = ProposedRow<RankedIdea> & { title: string; proposedOutcome: Outcome | null };

export type ScopeResult = {
	juryId: number;
	name: string;
	departmentName: string | null;
	rows: ScopeRow[];
	/** The rule of this scope: its quota (or the round's count) and the threshold beside it. */
	rule: AdvancementRule;
	/** The quota set for this scope, if any. */
	quota: number | null;
	cutIndex: number | null;
	tieAtCut: boolean;
	progress: { pairs: number; complete: number; byJuror: { jurorId: number; name: string; pairs: number; complete: number }[] };
};

export function toCriteria(rows: ResultsInput['criteria']): Criterion[] {
	return rows.map((c) => ({ id: c.id, weight: Number(c.weight), scaleMin: c.scaleMin, scaleMax: c.scaleMax, isRollOut: c.isRollOut }));
}

/** The rule of one scope (jury) of the round: its quota where one is set, else the round's count; the threshold beside it. */
export function advancementRuleOf(round: ResultsInput['round'], juryId: number): AdvancementRule {
	return scopeRule(
		{
			rule: round.advancementRule,
			count: round.advancementCount,
			threshold: round.advancementThreshold,
			quotas: new Map((round.quotas ?? []).map((q) => [q.juryId, q.count]))
		},
		juryId
	);
}

function scoresOf(sheet: ResultsInput['sheets'][number]): Sheet['scores'] {
	return Object.fromEntries(sheet.scores.map((s) => [s.criterionId, s.value]));
}

/**
 * The final proposes its awards from the ranking (first the winner, second the runner-up,
 * the others finalist); other rounds propose "advanced" above the cut line, "stopped" below.
 * A manual rule proposes nothing: the organiser decides each idea.
 */
function proposedOutcome(kind: string, rank: number, proposed: boolean, manual: boolean, scored: boolean): Outcome | null {
	if (kind === 'final') return !scored ? 'finalist' : rank === 1 ? 'winner' : rank === 2 ? 'runner_up' : 'finalist';
	if (manual) return null;
	return proposed ? 'advanced' : 'stopped';
}

export function computeResults(input: ResultsInput) {
	const criteria = toCriteria(input.criteria);
	const conflicts = conflictSet(input.conflicts);
	const submitted = input.sheets.filter((s) => s.submittedAt !== null);
	const basis = input.round.scoreBasis === 'normalised' ? 'normalised' : 'raw';
	const tieBreaks = input.round.tieBreaks && isTieBreakOrder(input.round.tieBreaks) ? input.round.tieBreaks : undefined;
	const scopes: ScopeResult[] = [];
	for (const jury of input.juries) {
		const entries = input.entries.filter((e) => e.juryId === jury.id);
		if (!entries.length && !jury.members.length) continue;
		const jurorIds = new Set(jury.members.map((m) => m.userId));
		const ideaIds = new Set(entries.map((e) => e.ideaId));
		const sheets: Sheet[] = submitted
			.filter((s) => ideaIds.has(s.ideaId) && jurorIds.has(s.jurorId))
			.map((s) => ({ jurorId: s.jurorId, ideaId: s.ideaId, scores: scoresOf(s) }));
		const ranked = criteria.length
			? rankIdeas({
					criteria,
					ideas: entries.map((e) => ({ ideaId: e.ideaId, submittedAt: e.firstSubmittedAt ?? e.submittedAt })),
					sheets,
					conflicts,
					basis,
					tieBreaks
				})
			: [];
		const rule = advancementRuleOf(input.round, jury.id);
		const advancement = proposeAdvancement(ranked, rule);
		const titles = new Map(entries.map((e) => [e.ideaId, e.title]));
		const completion = roundCompletion({
			scopes: [{ jurorIds: [...jurorIds], ideaIds: [...ideaIds] }],
			conflicts,
			completed: sheets.map((s) => ({ jurorId: s.jurorId, ideaId: s.ideaId }))
		});
		scopes.push({
			juryId: jury.id,
			name: jury.name,
			departmentName: jury.departmentName,
			rows: advancement.rows.map((r) => ({
				...r,
				title: titles.get(r.ideaId) ?? '',
				proposedOutcome: proposedOutcome(input.round.kind, r.rank, r.proposed, rule.kind === 'manual', r.score !== null)
			})),
			rule,
			quota: input.round.quotas?.find((q) => q.juryId === jury.id)?.count ?? null,
			cutIndex: advancement.cutIndex,
			tieAtCut: advancement.tieAtCut,
			progress: {
				pairs: completion.pairs,
				complete: completion.complete,
				byJuror: jury.members.map((m) => ({
					jurorId: m.userId,
					name: m.name,
					...(completion.byJuror.get(m.userId) ?? { pairs: 0, complete: 0 })
				}))
			}
		});
	}
	const pairs = scopes.reduce((n, s) => n + s.progress.pairs, 0);
	const complete = scopes.reduce((n, s) => n + s.progress.complete, 0);
	return { scopes, pairs, complete, canClose: complete === pairs };
}

export type RoundResults = ReturnType<typeof computeResults>;

/**
 * Per criterion, the mean value the counted jurors gave one idea (their submitted,
 * non-conflicted sheets), and how many counted.
 */
export function criterionMeans(
	input: Pick<ResultsInput, 'criteria' | 'sheets' | 'conflicts'>,
	ideaId: number,
	jurorIds: ReadonlySet<number>
) {
	const conflicts = conflictSet(input.conflicts);
	const counted = input.sheets.filter(
		(s) =>
			s.ideaId === ideaId &&
			s.submittedAt !== null &&
			jurorIds.has(s.jurorId) &&
			!conflicts.has(`${s.jurorId}:${s.ideaId}`) &&
			input.criteria.every((c) => s.scores.some((x) => x.criterionId === c.id))
	);
	return input.criteria.map((c) => {
		const values = counted.map((s) => s.scores.find((x) => x.criterionId === c.id)!.value);
		return { criterionId: c.id, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, jurors: values.length };
	});
}
