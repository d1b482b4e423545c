import { describe, expect, it } from 'vitest';
import { conflictSources, conflictSet, rawScores, roundCompletion, type Criterion } from './scoring';

describe('conflictSources', () => {
	const idea = { teamIds: [4, 5], mentorIds: [7], teamManagerIds: [null, 9], declaredBy: [3] };

	it("excludes a juror on the team, the mentor and a team member's manager", () => {
		expect(conflictSources(5, idea)).toEqual(['team']);
		expect(conflictSources(7, idea)).toEqual(['mentor']);
		expect(conflictSources(9, idea)).toEqual(['manager']);
	});

	it('excludes a juror who declared a conflict', () => {
		expect(conflictSources(3, idea)).toEqual(['declared']);
	});

	it('lists every reason that applies, and none for an unrelated juror', () => {
		expect(conflictSources(4, { teamIds: [4], mentorIds: [4], teamManagerIds: [4], declaredBy: [4] })).toEqual([
			'team',
			'mentor',
			'manager',
			'declared'
		]);
		expect(conflictSources(11, idea)).toEqual([]);
		expect(conflictSources(11, { teamIds: [], mentorIds: [], teamManagerIds: [null] })).toEqual([]);
	});

	it('a conflicted pair counts nowhere: not in the score, not in the progress', () => {
		const criteria: Criterion[] = [{ id: 1, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: true }];
		const conflicts = conflictSet([{ jurorId: 9, ideaId: 20 }]);
		const raw = rawScores({
			criteria,
			ideas: [{ ideaId: 20 }],
			sheets: [
				{ jurorId: 8, ideaId: 20, scores: { 1: 5 } },
				{ jurorId: 9, ideaId: 20, scores: { 1: 1 } }
			],
			conflicts
		});
		expect(raw.get(20)).toEqual({ ideaId: 20, raw: 100, jurors: 1 });
		const progress = roundCompletion({ scopes: [{ jurorIds: [8, 9], ideaIds: [20] }], conflicts, completed: [{ jurorId: 8, ideaId: 20 }] });
		expect(progress.pairs).toBe(1);
		expect(progress.canClose).toBe(true);
	});
});
