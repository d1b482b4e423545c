import { describe, expect, it } from 'vitest';
import { conflictReasons, conflictSources, conflictSet, rawScores, roundCompletion, type Criterion } from './scoring';

/**
 * A hand-made chart (who reports to whom):
 *
 *              1 director
 *            /            \
 *        2 manager       3 manager
 *        /      \             \
 *   4 lead      5 lead         6 lead
 *    /   \        |              |
 *  10    11      12             13
 *
 * 20 reports to nobody. Idea: team [10, 21] (21 reports to 5), mentor 7, declared by 30.
 */
const managerOf = new Map<number, number | null>([
	[1, null],
	[2, 1],
	[3, 1],
	[4, 2],
	[5, 2],
	[6, 3],
	[10, 4],
	[11, 4],
	[12, 5],
	[13, 6],
	[20, null],
	[21, 5]
]);
const idea = { teamIds: [10, 21], mentorIds: [7], declaredBy: [30] };
const org = { managerOf };
const withPeers = { managerOf, peerConflicts: true };

describe('conflictSources', () => {
	it('excludes a juror on the team, the mentor and one who declared', () => {
		expect(conflictSources(10, idea, org)).toEqual(['team']);
		expect(conflictSources(7, idea, org)).toEqual(['mentor']);
		expect(conflictSources(30, idea, org)).toEqual(['declared']);
	});

	it("a team member's manager is one level above them", () => {
		expect(conflictReasons(4, idea, org)).toEqual([{ source: 'manager', personId: 10, levels: 1 }]);
		expect(conflictReasons(5, idea, org)).toEqual([{ source: 'manager', personId: 21, levels: 1 }]);
	});

	it('the manager of a manager, two levels up, conflicts too', () => {
		expect(conflictReasons(2, idea, org)).toEqual([{ source: 'manager', personId: 10, levels: 2 }]);
	});

	it('the whole way up: the director is three levels above both members, the lowest id is named', () => {
		expect(conflictReasons(1, idea, org)).toEqual([{ source: 'manager', personId: 10, levels: 3 }]);
	});

	it('the nearest member is named when the juror is above several at different levels', () => {
		const mixed = { teamIds: [12, 10], mentorIds: [] };
		// 2 is two levels above 10 (via 4) and two above 12 (via 5): a tie, the lower id.
		expect(conflictReasons(2, mixed, org)).toEqual([{ source: 'manager', personId: 10, levels: 2 }]);
		// 5 is one level above 12 only.
		expect(conflictReasons(5, mixed, org)).toEqual([{ source: 'manager', personId: 12, levels: 1 }]);
	});

	it('a manager on another branch (3, 6) is not above anyone on the team', () => {
		expect(conflictSources(3, idea, org)).toEqual([]);
		expect(conflictSources(6, idea, org)).toEqual([]);
	});

	it('a peer (same direct manager) conflicts only when the competition counts peers', () => {
		expect(conflictSources(11, idea, org)).toEqual([]);
		expect(conflictReasons(11, idea, withPeers)).toEqual([{ source: 'peer', personId: 10 }]);
		expect(conflictReasons(12, idea, withPeers)).toEqual([{ source: 'peer', personId: 21 }]);
	});

	it('a cousin (managers who are peers) is no peer', () => {
		expect(conflictSources(13, idea, withPeers)).toEqual([]);
		// 12 and 11 are cousins: 5 and 4 share manager 2, they do not.
		expect(conflictSources(11, { teamIds: [12], mentorIds: [] }, withPeers)).toEqual([]);
	});

	it('two people without a manager are no peers', () => {
		expect(conflictSources(20, { teamIds: [1], mentorIds: [] }, withPeers)).toEqual([]);
	});

	it('a juror on the team is not their own peer, but is the peer of a teammate', () => {
		expect(conflictSources(10, { teamIds: [10], mentorIds: [] }, withPeers)).toEqual(['team']);
		expect(conflictSources(10, { teamIds: [10, 11], mentorIds: [] }, withPeers)).toEqual(['team', 'peer']);
	});

	it('lists every reason that applies, in order, and none for an unrelated juror', () => {
		expect(conflictSources(4, { teamIds: [4, 5, 10], mentorIds: [4], declaredBy: [4] }, withPeers)).toEqual([
			'team',
			'mentor',
			'manager',
			'peer',
			'declared'
		]);
		expect(conflictSources(20, idea, withPeers)).toEqual([]);
		expect(conflictSources(11, { teamIds: [], mentorIds: [] }, withPeers)).toEqual([]);
	});

	it('a loop in bad data ends: nobody is above themselves', () => {
		const loop = new Map<number, number | null>([
			[1, 2],
			[2, 1]
		]);
		expect(conflictReasons(2, { teamIds: [1], mentorIds: [] }, { managerOf: loop })).toEqual([
			{ source: 'manager', personId: 1, levels: 1 }
		]);
		expect(conflictSources(1, { teamIds: [1], mentorIds: [] }, { managerOf: loop })).toEqual(['team']);
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
