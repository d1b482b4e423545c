import { describe, expect, it } from 'vitest';
import {
	conflictKey,
	conflictSet,
	formatScore,
	isComplete,
	mayViewOtherScores,
	normalisedScores,
	proposeAdvancement,
	rankIdeas,
	isTieBreakOrder,
	rawScores,
	rollOutMean,
	roundCompletion,
	ruleSummary,
	scopeRule,
	tieBreaksAround,
	weightedScore,
	type Criterion,
	type IdeaInfo,
	type RoundStatus,
	type ScoreVisibility,
	type Sheet
} from './scoring';

// The six criteria of a typical semi-final, 1..5: roll-out 25, quality 20, safety 15,
// savings 15, feasibility 15, knowledge sharing 10. With lo = 1, hi = 5 and sum(w) = 100,
// J = 100 * sum(w * (s - 1) / 4) / 100 = sum(w * (s - 1)) / 4.
const six: Criterion[] = [
	{ id: 1, weight: 25, scaleMin: 1, scaleMax: 5, isRollOut: true },
	{ id: 2, weight: 20, scaleMin: 1, scaleMax: 5, isRollOut: false },
	{ id: 3, weight: 15, scaleMin: 1, scaleMax: 5, isRollOut: false },
	{ id: 4, weight: 15, scaleMin: 1, scaleMax: 5, isRollOut: false },
	{ id: 5, weight: 15, scaleMin: 1, scaleMax: 5, isRollOut: false },
	{ id: 6, weight: 10, scaleMin: 1, scaleMax: 5, isRollOut: false }
];

// Two equal criteria on 1..5, roll-out first: J = 100 * ((a - 1)/4 + (b - 1)/4) / 2 = 12.5 * (a + b - 2).
const two: Criterion[] = [
	{ id: 1, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: true },
	{ id: 2, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: false }
];

// One criterion on 0..100: J is the value itself, which keeps normalisation sums readable.
const direct: Criterion[] = [{ id: 1, weight: 1, scaleMin: 0, scaleMax: 100, isRollOut: true }];

/** A sheet with the values in criterion-id order 1, 2, 3...; null leaves a criterion unscored. */
function sheet(jurorId: number, ideaId: number, values: (number | null)[]): Sheet {
	const scores: Record<number, number | null> = {};
	values.forEach((v, i) => (scores[i + 1] = v));
	return { jurorId, ideaId, scores };
}

const ideas = (...ids: number[]): IdeaInfo[] => ids.map((ideaId) => ({ ideaId, submittedAt: '2026-03-01T09:00:00Z' }));

describe('isComplete', () => {
	it('needs every criterion scored', () => {
		expect(isComplete(sheet(1, 1, [4, 3]), two)).toBe(true);
		expect(isComplete(sheet(1, 1, [4]), two)).toBe(false);
		expect(isComplete(sheet(1, 1, [4, null]), two)).toBe(false);
	});
	it('accepts scores as a Map', () => {
		expect(
			isComplete(
				{
					scores: new Map([
						[1, 4],
						[2, 3]
					])
				},
				two
			)
		).toBe(true);
		expect(isComplete({ scores: new Map([[1, 4]]) }, two)).toBe(false);
	});
	it('counts no sheet complete in a round without criteria', () => {
		expect(isComplete(sheet(1, 1, []), [])).toBe(false);
	});
});

describe('weightedScore', () => {
	it('weighs 25/20/15/15/15/10 on a 1..5 scale', () => {
		// (25*4 + 20*3 + 15*2 + 15*3 + 15*1 + 10*4) / 4 = (100 + 60 + 30 + 45 + 15 + 40) / 4 = 290 / 4 = 72.5
		expect(weightedScore(sheet(1, 1, [5, 4, 3, 4, 2, 5]), six)).toBe(72.5);
	});
	it('maps the lowest value to 0, the highest to 100 and the middle to 50', () => {
		expect(weightedScore(sheet(1, 1, [1, 1, 1, 1, 1, 1]), six)).toBe(0);
		expect(weightedScore(sheet(1, 1, [5, 5, 5, 5, 5, 5]), six)).toBe(100);
		expect(weightedScore(sheet(1, 1, [3, 3, 3, 3, 3, 3]), six)).toBe(50);
	});
	it('lets a heavier criterion count more', () => {
		// only roll-out at 5: 25*4/4 = 25; only knowledge sharing at 5: 10*4/4 = 10
		expect(weightedScore(sheet(1, 1, [5, 1, 1, 1, 1, 1]), six)).toBe(25);
		expect(weightedScore(sheet(1, 1, [1, 1, 1, 1, 1, 5]), six)).toBe(10);
	});
	it('works on a 0..10 scale', () => {
		const tenScale: Criterion[] = [
			{ id: 1, weight: 2, scaleMin: 0, scaleMax: 10, isRollOut: false },
			{ id: 2, weight: 1, scaleMin: 0, scaleMax: 10, isRollOut: false }
		];
		// 100 * (2 * 7/10 + 1 * 4/10) / 3 = 100 * 1.8 / 3 = 60
		expect(weightedScore(sheet(1, 1, [7, 4]), tenScale)).toBeCloseTo(60, 12);
		expect(weightedScore(sheet(1, 1, [0, 0]), tenScale)).toBe(0);
		expect(weightedScore(sheet(1, 1, [10, 10]), tenScale)).toBe(100);
	});
	it('mixes scales per criterion', () => {
		const mixed: Criterion[] = [
			{ id: 1, weight: 3, scaleMin: 1, scaleMax: 5, isRollOut: false },
			{ id: 2, weight: 1, scaleMin: 0, scaleMax: 10, isRollOut: false }
		];
		// 100 * (3 * 3/4 + 1 * 5/10) / 4 = 100 * 2.75 / 4 = 68.75
		expect(weightedScore(sheet(1, 1, [4, 5]), mixed)).toBe(68.75);
	});
	it('is null for an incomplete sheet', () => {
		expect(weightedScore(sheet(1, 1, [5, 4, 3]), six)).toBeNull();
		expect(weightedScore(sheet(1, 1, []), [])).toBeNull();
	});
	it('rejects a score outside the criterion scale', () => {
		expect(() => weightedScore(sheet(1, 1, [6, 4]), two)).toThrow(RangeError);
		expect(() => weightedScore(sheet(1, 1, [0, 4]), two)).toThrow(RangeError);
		expect(() => weightedScore(sheet(1, 1, [Number.NaN, 4]), two)).toThrow(RangeError);
		// even while the sheet is still incomplete
		expect(() => weightedScore(sheet(1, 1, [9]), two)).toThrow(RangeError);
	});
	it('rejects criteria that cannot be scored', () => {
		expect(() => weightedScore(sheet(1, 1, [3]), [{ id: 1, weight: 0, scaleMin: 1, scaleMax: 5, isRollOut: false }])).toThrow(RangeError);
		expect(() => weightedScore(sheet(1, 1, [3]), [{ id: 1, weight: 1, scaleMin: 5, scaleMax: 5, isRollOut: false }])).toThrow(RangeError);
		const twoRollOuts = two.map((c) => ({ ...c, isRollOut: true }));
		expect(() => weightedScore(sheet(1, 1, [3, 3]), twoRollOuts)).toThrow(RangeError);
	});
});

describe('rawScores', () => {
	it('averages J over non-conflicted jurors with a complete sheet', () => {
		const sheets = [
			sheet(1, 10, [5, 4, 3, 4, 2, 5]), // J = 72.5
			sheet(2, 10, [3, 4, 3, 3, 3, 5]), // (50 + 60 + 30 + 30 + 30 + 40) / 4 = 240 / 4 = 60
			sheet(3, 10, [5, 5, 4, 5, 4, 4]), // (100 + 80 + 45 + 60 + 45 + 30) / 4 = 90, but conflicted
			sheet(4, 10, [5, 5, 5]) // incomplete
		];
		const raw = rawScores({ criteria: six, ideas: ideas(10), sheets, conflicts: new Set([conflictKey(3, 10)]) });
		// (72.5 + 60) / 2 = 66.25
		expect(raw.get(10)).toEqual({ ideaId: 10, raw: 66.25, jurors: 2 });
	});
	it('gives null to an idea without a complete sheet', () => {
		const raw = rawScores({ criteria: two, ideas: ideas(1, 2), sheets: [sheet(1, 1, [3, 3]), sheet(1, 2, [3])] });
		expect(raw.get(1)).toEqual({ ideaId: 1, raw: 50, jurors: 1 });
		expect(raw.get(2)).toEqual({ ideaId: 2, raw: null, jurors: 0 });
	});
	it('accepts conflicts as a predicate', () => {
		// juror 2 is conflicted everywhere: only juror 1's J = 12.5 * (5 + 5 - 2) = 100 counts
		const raw = rawScores({
			criteria: two,
			ideas: ideas(1),
			sheets: [sheet(1, 1, [5, 5]), sheet(2, 1, [1, 1])],
			conflicts: (jurorId) => jurorId === 2
		});
		expect(raw.get(1)).toEqual({ ideaId: 1, raw: 100, jurors: 1 });
	});
	it('ignores sheets for ideas outside the scope', () => {
		const raw = rawScores({ criteria: two, ideas: ideas(1), sheets: [sheet(1, 1, [3, 3]), sheet(1, 99, [5, 5])] });
		expect([...raw.keys()]).toEqual([1]);
	});
	it('refuses two sheets of one juror for one idea, and an idea listed twice', () => {
		expect(() => rawScores({ criteria: two, ideas: ideas(1), sheets: [sheet(1, 1, [3, 3]), sheet(1, 1, [4, 4])] })).toThrow(/two sheets/);
		expect(() => rawScores({ criteria: two, ideas: ideas(1, 1), sheets: [] })).toThrow(/twice/);
	});
});

describe('normalisedScores', () => {
	it('evens out a strict juror against a lenient one', () => {
		// Juror 1: J 80, 60, 70 -> mean 70, sd sqrt((100 + 100 + 0) / 3) = sqrt(200/3), z = +sqrt(3/2), -sqrt(3/2), 0.
		// Juror 2: J 50, 50, 50 -> sd 0 -> z = 0.
		// All J: M = 360 / 6 = 60; S = sqrt((400 + 0 + 100 + 100 + 100 + 100) / 6) = sqrt(800/6).
		// Idea 1: mean z = sqrt(3/2) / 2; S * mean z = sqrt(800/6 * 3/2) / 2 = sqrt(200) / 2 = 7.0711 -> 67.0711.
		const result = normalisedScores({
			criteria: direct,
			ideas: ideas(1, 2, 3),
			sheets: [sheet(1, 1, [80]), sheet(1, 2, [60]), sheet(1, 3, [70]), sheet(2, 1, [50]), sheet(2, 2, [50]), sheet(2, 3, [50])]
		});
		expect(result.mean).toBe(60);
		expect(result.sd).toBeCloseTo(Math.sqrt(800 / 6), 12);
		expect(result.byIdea.get(1)?.normalised).toBeCloseTo(60 + Math.sqrt(200) / 2, 10);
		expect(result.byIdea.get(2)?.normalised).toBeCloseTo(60 - Math.sqrt(200) / 2, 10);
		expect(result.byIdea.get(3)?.normalised).toBeCloseTo(60, 10);
		expect(result.byJuror.get(1)).toMatchObject({ completed: 3, meanJ: 70, normalised: true });
		expect(result.byJuror.get(2)).toMatchObject({ completed: 3, meanJ: 50, sdJ: 0, normalised: false });
	});
	it('gives z = 0 to a juror who scored one idea only', () => {
		// Juror 1: 80, 60, 70 (z = +sqrt(3/2), -sqrt(3/2), 0); juror 3 only idea 1 with 100: z = 0.
		// All J: 80, 60, 70, 100 -> M = 310 / 4 = 77.5; S^2 = (2.5² + 17.5² + 7.5² + 22.5²) / 4 = 875 / 4 = 218.75.
		// Idea 1: mean z = sqrt(3/2) / 2 -> 77.5 + sqrt(218.75 * 1.5) / 2 = 77.5 + 9.0571.
		// Idea 2: mean z = -sqrt(3/2) -> 77.5 - sqrt(328.125) = 59.3858.
		const result = normalisedScores({
			criteria: direct,
			ideas: ideas(1, 2, 3),
			sheets: [sheet(1, 1, [80]), sheet(1, 2, [60]), sheet(1, 3, [70]), sheet(3, 1, [100])]
		});
		expect(result.byJuror.get(3)).toMatchObject({ completed: 1, normalised: false });
		expect(result.mean).toBe(77.5);
		expect(result.byIdea.get(1)?.normalised).toBeCloseTo(77.5 + Math.sqrt(328.125) / 2, 10);
		expect(result.byIdea.get(2)?.normalised).toBeCloseTo(77.5 - Math.sqrt(328.125), 10);
		expect(result.byIdea.get(3)?.normalised).toBeCloseTo(77.5, 10);
	});
	it('gives z = 0 to a juror with two completed ideas', () => {
		// Juror 1: 90 and 10 (only two ideas, so z = 0 although sd = 40): every idea gets M = 50.
		const result = normalisedScores({ criteria: direct, ideas: ideas(1, 2), sheets: [sheet(1, 1, [90]), sheet(1, 2, [10])] });
		expect(result.byJuror.get(1)?.normalised).toBe(false);
		expect(result.byIdea.get(1)?.normalised).toBe(50);
		expect(result.byIdea.get(2)?.normalised).toBe(50);
	});
	it('returns M for every idea when all scores are equal (sd 0)', () => {
		// every J is 75 (a + b = 8): M = 75, S = 0
		const sheets = [1, 2, 3].flatMap((juror) => [1, 2, 3, 4].map((idea) => sheet(juror, idea, [4, 4])));
		const result = normalisedScores({ criteria: two, ideas: ideas(1, 2, 3, 4), sheets });
		expect(result.mean).toBe(75);
		expect(result.sd).toBe(0);
		for (const id of [1, 2, 3, 4]) expect(result.byIdea.get(id)?.normalised).toBe(75);
	});
	it('treats equal J that differ only by float noise as sd 0', () => {
		// 0.1 on a 0..1 scale: J = 10 each time, but a float sum of 10s need not divide back exactly
		const tenth: Criterion[] = [{ id: 1, weight: 3, scaleMin: 0, scaleMax: 1, isRollOut: false }];
		const sheets = [1, 2, 3, 4, 5].map((idea) => sheet(1, idea, [0.1]));
		const result = normalisedScores({ criteria: tenth, ideas: ideas(1, 2, 3, 4, 5), sheets });
		expect(result.byJuror.get(1)?.sdJ).toBe(0);
		for (const id of [1, 2, 3, 4, 5]) expect(result.byIdea.get(id)?.meanZ).toBe(0);
	});
	it('leaves a conflicted pair out of raw, normalised, M and S', () => {
		// As in the first case, plus juror 1's sheet for idea 4 (J = 100), which is conflicted.
		// Counted, it would give juror 1 four ideas and move M to 460 / 7; excluded, nothing changes.
		const input = {
			criteria: direct,
			ideas: ideas(1, 2, 3, 4),
			sheets: [
				sheet(1, 1, [80]),
				sheet(1, 2, [60]),
				sheet(1, 3, [70]),
				sheet(1, 4, [100]),
				sheet(2, 1, [50]),
				sheet(2, 2, [50]),
				sheet(2, 3, [50])
			],
			conflicts: conflictSet([{ jurorId: 1, ideaId: 4 }])
		};
		const result = normalisedScores(input);
		expect(result.mean).toBe(60);
		expect(result.sd).toBeCloseTo(Math.sqrt(800 / 6), 12);
		expect(result.byJuror.get(1)?.completed).toBe(3);
		expect(result.byIdea.get(1)?.normalised).toBeCloseTo(60 + Math.sqrt(200) / 2, 10);
		expect(result.byIdea.get(4)).toEqual({ ideaId: 4, normalised: null, meanZ: null, jurors: 0 });
		expect(rawScores(input).get(4)?.raw).toBeNull();
	});
	it('ignores an incomplete sheet in the juror statistics', () => {
		// juror 1's third sheet is incomplete: two completed ideas only, so z = 0 and all ideas get M
		const result = normalisedScores({
			criteria: two,
			ideas: ideas(1, 2, 3),
			sheets: [sheet(1, 1, [5, 5]), sheet(1, 2, [1, 1]), sheet(1, 3, [5, null])]
		});
		expect(result.byJuror.get(1)?.completed).toBe(2);
		expect(result.mean).toBe(50);
		expect(result.byIdea.get(1)?.normalised).toBe(50);
		expect(result.byIdea.get(3)?.normalised).toBeNull();
	});
	it('clamps to 100 at the top', () => {
		// Juror 1: idea 1 100, ideas 2-4 0 -> mean 25, sd sqrt((75² + 3 * 25²) / 4) = sqrt(1875) = 25 * sqrt(3);
		//   z(idea 1) = 75 / (25 sqrt 3) = sqrt(3), z(others) = -1 / sqrt(3).
		// Juror 2: ideas 2-4 100 each -> sd 0, z = 0.
		// All J: four 100s, three 0s -> M = 400/7, S = 100 * sqrt(4/7 * 3/7) = 100 * sqrt(12) / 7.
		// Idea 1: 400/7 + (100 sqrt 12 / 7) * sqrt 3 = 400/7 + 600/7 = 1000/7 = 142.9 -> 100.
		// Idea 2: mean z = -1 / (2 sqrt 3) -> 400/7 - 100/7 = 300/7.
		const result = normalisedScores({
			criteria: direct,
			ideas: ideas(1, 2, 3, 4),
			sheets: [
				sheet(1, 1, [100]),
				sheet(1, 2, [0]),
				sheet(1, 3, [0]),
				sheet(1, 4, [0]),
				sheet(2, 2, [100]),
				sheet(2, 3, [100]),
				sheet(2, 4, [100])
			]
		});
		expect(result.byIdea.get(1)?.normalised).toBe(100);
		expect(result.byIdea.get(2)?.normalised).toBeCloseTo(300 / 7, 10);
	});
	it('clamps to 0 at the bottom', () => {
		// The mirror image: M = 300/7, idea 1 = 300/7 - 600/7 = -300/7 -> 0; idea 2 = 300/7 + 100/7 = 400/7.
		const result = normalisedScores({
			criteria: direct,
			ideas: ideas(1, 2, 3, 4),
			sheets: [
				sheet(1, 1, [0]),
				sheet(1, 2, [100]),
				sheet(1, 3, [100]),
				sheet(1, 4, [100]),
				sheet(2, 2, [0]),
				sheet(2, 3, [0]),
				sheet(2, 4, [0])
			]
		});
		expect(result.byIdea.get(1)?.normalised).toBe(0);
		expect(result.byIdea.get(2)?.normalised).toBeCloseTo(400 / 7, 10);
	});
	it('is null everywhere when nothing is complete', () => {
		const result = normalisedScores({ criteria: two, ideas: ideas(1), sheets: [] });
		expect(result).toMatchObject({ mean: null, sd: null });
		expect(result.byIdea.get(1)?.normalised).toBeNull();
	});
});

describe('rollOutMean', () => {
	it('averages the roll-out value over the counted jurors only', () => {
		// roll-out 5 and 4 count; juror 3 is conflicted (1), juror 4 incomplete (1): (5 + 4) / 2 = 4.5
		const result = rollOutMean({
			criteria: two,
			ideas: ideas(1, 2),
			sheets: [sheet(1, 1, [5, 2]), sheet(2, 1, [4, 2]), sheet(3, 1, [1, 1]), sheet(4, 1, [1, null])],
			conflicts: new Set(['3:1'])
		});
		expect(result.get(1)).toBe(4.5);
		expect(result.get(2)).toBeNull();
	});
	it('is null when the round has no roll-out criterion', () => {
		const noRollOut = two.map((c) => ({ ...c, isRollOut: false }));
		expect(rollOutMean({ criteria: noRollOut, ideas: ideas(1), sheets: [sheet(1, 1, [5, 5])] }).get(1)).toBeNull();
	});
});

describe('rankIdeas', () => {
	it('ranks by raw score, highest first', () => {
		// J: idea 1 = 12.5 * (3 + 3 - 2) = 50, idea 2 = 12.5 * 8 = 100, idea 3 = 12.5 * 5 = 62.5
		const ranked = rankIdeas({
			criteria: two,
			ideas: ideas(1, 2, 3),
			sheets: [sheet(1, 1, [3, 3]), sheet(1, 2, [5, 5]), sheet(1, 3, [4, 3])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.rank, r.ideaId, r.score, r.tieBrokenBy])).toEqual([
			[1, 2, 100, null],
			[2, 3, 62.5, null],
			[3, 1, 50, null]
		]);
	});
	it('breaks a tie by the higher roll-out mean first', () => {
		// both J = 12.5 * (5 + 3 - 2) = 75; idea 2 scored roll-out 5, idea 1 roll-out 3.
		// Idea 1 was submitted earlier and has the lower id, so only roll-out can put idea 2 first.
		const ranked = rankIdeas({
			criteria: two,
			ideas: [
				{ ideaId: 1, submittedAt: '2026-03-01T09:00:00Z' },
				{ ideaId: 2, submittedAt: '2026-03-05T09:00:00Z' }
			],
			sheets: [sheet(1, 1, [3, 5]), sheet(1, 2, [5, 3])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.ideaId, r.score, r.rollOutMean, r.tieBrokenBy])).toEqual([
			[2, 75, 5, null],
			[1, 75, 3, 'roll_out']
		]);
	});
	it('then by more jurors', () => {
		// both raw 75 with roll-out 4; idea 2 has two jurors, idea 1 one
		const ranked = rankIdeas({
			criteria: two,
			ideas: [
				{ ideaId: 1, submittedAt: '2026-03-01T09:00:00Z' },
				{ ideaId: 2, submittedAt: '2026-03-05T09:00:00Z' }
			],
			sheets: [sheet(1, 1, [4, 4]), sheet(1, 2, [4, 4]), sheet(2, 2, [4, 4])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.ideaId, r.jurors, r.tieBrokenBy])).toEqual([
			[2, 2, null],
			[1, 1, 'jurors']
		]);
	});
	it('then by the earlier submission', () => {
		const ranked = rankIdeas({
			criteria: two,
			ideas: [
				{ ideaId: 1, submittedAt: new Date('2026-03-05T09:00:00Z') },
				{ ideaId: 2, submittedAt: new Date('2026-03-01T09:00:00Z') }
			],
			sheets: [sheet(1, 1, [4, 4]), sheet(1, 2, [4, 4])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.ideaId, r.tieBrokenBy])).toEqual([
			[2, null],
			[1, 'submitted_at']
		]);
	});
	it('then by the lower idea id', () => {
		const ranked = rankIdeas({
			criteria: two,
			ideas: ideas(8, 3),
			sheets: [sheet(1, 8, [4, 4]), sheet(1, 3, [4, 4])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.rank, r.ideaId, r.tieBrokenBy])).toEqual([
			[1, 3, null],
			[2, 8, 'idea_id']
		]);
	});
	it('compares unrounded: 72.54 beats 72.5 although both show 72.5', () => {
		const fine: Criterion[] = [{ id: 1, weight: 1, scaleMin: 0, scaleMax: 100, isRollOut: false }];
		const ranked = rankIdeas({ criteria: fine, ideas: ideas(1, 2), sheets: [sheet(1, 1, [72.5]), sheet(1, 2, [72.54])], basis: 'raw' });
		expect(ranked.map((r) => [r.ideaId, formatScore(r.score), r.tieBrokenBy])).toEqual([
			[2, '72.5', null],
			[1, '72.5', null]
		]);
	});
	it('treats float noise as a tie, so the tie-break decides', () => {
		// Three equal criteria on 1..5: J = 100 * sum((s - 1) / 4) / 3. Sheets 1,1,2 -> 25/3; 1,2,5 -> 125/3.
		// Both ideas get J 25/3, 25/3 and 125/3, so raw = 175/9 = 19.444... for both, but added in
		// another order the floats differ in the last digit (19.444444444444443 and ...446).
		const equal: Criterion[] = [1, 2, 3].map((id) => ({ id, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: false }));
		const ranked = rankIdeas({
			criteria: equal,
			ideas: ideas(1, 2),
			sheets: [
				sheet(1, 1, [1, 1, 2]),
				sheet(2, 1, [1, 1, 2]),
				sheet(3, 1, [1, 2, 5]),
				sheet(1, 2, [1, 2, 5]),
				sheet(2, 2, [1, 1, 2]),
				sheet(3, 2, [1, 1, 2])
			],
			basis: 'raw'
		});
		expect(ranked[0].score).not.toBe(ranked[1].score);
		expect(ranked.map((r) => [r.ideaId, r.tieBrokenBy])).toEqual([
			[1, null],
			[2, 'idea_id']
		]);
	});
	it('puts ideas without a score last, ordered by the same tie-breaks', () => {
		// ideas 1 and 2 have no complete sheet; idea 2 was submitted before idea 1; idea 5 is scored
		const ranked = rankIdeas({
			criteria: two,
			ideas: [
				{ ideaId: 1, submittedAt: '2026-02-02T09:00:00Z' },
				{ ideaId: 2, submittedAt: '2026-02-01T09:00:00Z' },
				{ ideaId: 5, submittedAt: '2026-03-01T09:00:00Z' }
			],
			sheets: [sheet(1, 1, [5, null]), sheet(1, 5, [1, 1])],
			basis: 'raw'
		});
		expect(ranked.map((r) => [r.rank, r.ideaId, r.score, r.tieBrokenBy])).toEqual([
			[1, 5, 0, null],
			[2, 2, null, null],
			[3, 1, null, 'submitted_at']
		]);
	});
	it('ranks by the normalised score when the round says so', () => {
		// Juror 1 (lenient) scores ideas 1-3: 100, 90, 80; juror 2 (strict) ideas 4-6: 60, 50, 40.
		// Both: mean 10 above the middle value, sd sqrt(200/3), z = +1.2247, 0, -1.2247.
		// M = 420 / 6 = 70, S = sqrt((900 + 400 + 100 + 100 + 400 + 900) / 6) = sqrt(2800/6) = 21.602.
		// Normalised: ideas 1 and 4 = 70 + 21.602 * 1.2247 = 96.458; 2 and 5 = 70; 3 and 6 = 43.542.
		// Equal pairs are separated by the roll-out mean (= J here): 1 before 4, 2 before 5, 3 before 6.
		const input = {
			criteria: direct,
			ideas: ideas(1, 2, 3, 4, 5, 6),
			sheets: [sheet(1, 1, [100]), sheet(1, 2, [90]), sheet(1, 3, [80]), sheet(2, 4, [60]), sheet(2, 5, [50]), sheet(2, 6, [40])]
		};
		const byNormalised = rankIdeas({ ...input, basis: 'normalised' });
		expect(byNormalised.map((r) => [r.ideaId, r.tieBrokenBy])).toEqual([
			[1, null],
			[4, 'roll_out'],
			[2, null],
			[5, 'roll_out'],
			[3, null],
			[6, 'roll_out']
		]);
		expect(byNormalised[0].score).toBeCloseTo(70 + Math.sqrt(2800 / 6) * Math.sqrt(1.5), 10);
		expect(byNormalised[0].raw).toBe(100);
		expect(byNormalised[1].raw).toBe(60);
		const byRaw = rankIdeas({ ...input, basis: 'raw' });
		expect(byRaw.map((r) => r.ideaId)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(byRaw[3].normalised).toBeCloseTo(byNormalised[1].score ?? Number.NaN, 10);
	});
	it('rejects a submission time that is not a date', () => {
		expect(() => rankIdeas({ criteria: two, ideas: [{ ideaId: 1, submittedAt: 'soon' }], sheets: [], basis: 'raw' })).toThrow(RangeError);
	});
});

describe('proposeAdvancement', () => {
	const rows = (...scores: (number | null)[]) => scores.map((score, i) => ({ ideaId: i + 1, score }));

	it('takes the top N and lets the tie-break decide a tie at the cut', () => {
		// 80, 75 | 75, 60: the two 75s were ordered by rankIdeas; distances 80-75, 75-75 | 75-75, 60-75
		const result = proposeAdvancement(rows(80, 75, 75, 60), { kind: 'top_n', count: 2 });
		expect(result.rows.map((r) => [r.ideaId, r.proposed, r.distanceToCut])).toEqual([
			[1, true, 5],
			[2, true, 0],
			[3, false, 0],
			[4, false, -15]
		]);
		expect(result.cutIndex).toBe(2);
		expect(result.tieAtCut).toBe(true);
	});
	it('decides a tie at the cut the same way every time, end to end', () => {
		// both raw 75; idea 2 has the better roll-out mean (5 against 3) so it takes the one place
		const ranked = rankIdeas({ criteria: two, ideas: ideas(1, 2), sheets: [sheet(1, 1, [3, 5]), sheet(1, 2, [5, 3])], basis: 'raw' });
		const result = proposeAdvancement(ranked, { kind: 'top_n', count: 1 });
		expect(result.rows.map((r) => [r.ideaId, r.proposed, r.tieBrokenBy])).toEqual([
			[2, true, null],
			[1, false, 'roll_out']
		]);
		expect(result.tieAtCut).toBe(true);
	});
	it('never proposes an idea without a score, even with places left', () => {
		const result = proposeAdvancement(rows(80, null), { kind: 'top_n', count: 3 });
		expect(result.rows.map((r) => [r.proposed, r.distanceToCut])).toEqual([
			[true, null],
			[false, null]
		]);
		expect(result.cutIndex).toBe(1);
		expect(result.tieAtCut).toBe(false);
	});
	it('proposes nobody with top 0', () => {
		const result = proposeAdvancement(rows(80, 70), { kind: 'top_n', count: 0 });
		expect(result.rows.every((r) => !r.proposed && r.distanceToCut === null)).toBe(true);
		expect(result.cutIndex).toBe(0);
	});
	it('takes every idea at or above a threshold', () => {
		// min 70: 80, 75, 70 advance; distances to the first out (69.9): 10.1, 5.1, 0.1; 69.9 - 70 = -0.1
		const result = proposeAdvancement(rows(80, 75, 70, 69.9, null), { kind: 'threshold', min: 70 });
		expect(result.rows.map((r) => r.proposed)).toEqual([true, true, true, false, false]);
		expect(result.cutIndex).toBe(3);
		const d = result.rows.map((r) => r.distanceToCut);
		expect(d[0]).toBeCloseTo(10.1, 10);
		expect(d[1]).toBeCloseTo(5.1, 10);
		expect(d[2]).toBeCloseTo(0.1, 10);
		expect(d[3]).toBeCloseTo(-0.1, 10);
		expect(d[4]).toBeNull();
	});
	it('counts a score a float hair below the threshold as reaching it', () => {
		expect(proposeAdvancement(rows(60 - 1e-12), { kind: 'threshold', min: 60 }).rows[0].proposed).toBe(true);
	});
	it('proposes nobody when no idea reaches the threshold', () => {
		const result = proposeAdvancement(rows(50, 40), { kind: 'threshold', min: 60 });
		expect(result.rows.map((r) => [r.proposed, r.distanceToCut])).toEqual([
			[false, null],
			[false, null]
		]);
		expect(result.cutIndex).toBe(0);
	});
	it('proposes nobody on a manual decision', () => {
		const result = proposeAdvancement(rows(90, 80), { kind: 'manual' });
		expect(result).toEqual({
			rows: [
				{ ideaId: 1, score: 90, proposed: false, distanceToCut: null },
				{ ideaId: 2, score: 80, proposed: false, distanceToCut: null }
			],
			cutIndex: null,
			tieAtCut: false
		});
	});
	it('refuses a list that is not in rank order, and a bad count', () => {
		expect(() => proposeAdvancement(rows(70, 80), { kind: 'top_n', count: 1 })).toThrow(/rank order/);
		expect(() => proposeAdvancement(rows(null, 80), { kind: 'top_n', count: 1 })).toThrow(/rank order/);
		expect(() => proposeAdvancement(rows(80), { kind: 'top_n', count: -1 })).toThrow(RangeError);
		expect(() => proposeAdvancement(rows(80), { kind: 'top_n', count: 1.5 })).toThrow(RangeError);
	});
});

describe('roundCompletion', () => {
	it('counts non-conflicted pairs and which are complete', () => {
		// jurors 1, 2 x ideas 10, 11, less 2:11 (conflict) = 3 pairs; 1:10 and 2:10 complete
		const result = roundCompletion({
			scopes: [{ jurorIds: [1, 2], ideaIds: [10, 11] }],
			conflicts: new Set(['2:11']),
			completed: [
				{ jurorId: 1, ideaId: 10 },
				{ jurorId: 2, ideaId: 10 }
			]
		});
		expect(result).toMatchObject({ pairs: 3, complete: 2, missing: [{ jurorId: 1, ideaId: 11 }], canClose: false });
		expect(result.byJuror.get(1)).toEqual({ pairs: 2, complete: 1 });
		expect(result.byJuror.get(2)).toEqual({ pairs: 1, complete: 1 });
	});
	it('can close when every pair is complete, ignoring sheets of conflicted or other pairs', () => {
		const result = roundCompletion({
			scopes: [
				{ jurorIds: [1], ideaIds: [10] },
				{ jurorIds: [2], ideaIds: [20, 21] }
			],
			conflicts: (jurorId, ideaId) => jurorId === 2 && ideaId === 21,
			completed: [
				{ jurorId: 1, ideaId: 10 },
				{ jurorId: 2, ideaId: 20 },
				{ jurorId: 2, ideaId: 21 }, // conflicted: not counted
				{ jurorId: 1, ideaId: 20 } // not juror 1's scope
			]
		});
		expect(result).toMatchObject({ pairs: 2, complete: 2, missing: [], canClose: true });
	});
	it('counts a pair once when scopes overlap', () => {
		const result = roundCompletion({
			scopes: [
				{ jurorIds: [1], ideaIds: [10] },
				{ jurorIds: [1], ideaIds: [10] }
			],
			completed: []
		});
		expect(result).toMatchObject({ pairs: 1, complete: 0, canClose: false });
	});
	it('lets a round without pairs close', () => {
		expect(roundCompletion({ scopes: [], completed: [] })).toMatchObject({ pairs: 0, complete: 0, canClose: true });
	});
});

describe('mayViewOtherScores', () => {
	const table: [ScoreVisibility, RoundStatus, boolean, boolean][] = [
		// visibility, status, own sheet complete, may view (as a juror)
		['after_own_sheet', 'open', false, false],
		['after_own_sheet', 'open', true, true],
		['after_own_sheet', 'closed', false, false],
		['after_own_sheet', 'closed', true, true],
		['after_own_sheet', 'published', false, false],
		['after_own_sheet', 'published', true, true],
		['after_close', 'draft', true, false],
		['after_close', 'open', false, false],
		['after_close', 'open', true, false],
		['after_close', 'closed', false, false],
		['after_close', 'closed', true, true],
		['after_close', 'published', false, false],
		['after_close', 'published', true, true]
	];
	it.each(table)('%s, round %s, own sheet %s: juror may view = %s', (visibility, roundStatus, ownSheetComplete, expected) => {
		expect(mayViewOtherScores({ visibility, roundStatus, ownSheetComplete, isOrganiser: false })).toBe(expected);
	});
	it('always lets an organiser see', () => {
		for (const [visibility, roundStatus, ownSheetComplete] of table)
			expect(mayViewOtherScores({ visibility, roundStatus, ownSheetComplete, isOrganiser: true })).toBe(true);
	});
});

describe('formatScore', () => {
	it('shows one decimal', () => {
		expect(formatScore(72.5)).toBe('72.5');
		expect(formatScore(72)).toBe('72.0');
		expect(formatScore(100)).toBe('100.0');
		expect(formatScore(0)).toBe('0.0');
		expect(formatScore(200 / 3)).toBe('66.7');
	});
	it('rounds half away from zero on the value as meant', () => {
		expect(formatScore(66.25)).toBe('66.3');
		expect(formatScore(0.35)).toBe('0.4'); // the float is 0.34999...
		expect(formatScore(-2.45)).toBe('-2.5');
		expect(formatScore(-0.04)).toBe('0.0');
	});
	it('shows a dash for no score', () => {
		expect(formatScore(null)).toBe('—');
		expect(formatScore(undefined)).toBe('—');
		expect(formatScore(Number.NaN)).toBe('—');
	});
	it('uses a decimal comma in Dutch', () => {
		expect(formatScore(72.5, 'nl')).toBe('72,5');
	});
});

/** mulberry32: a small deterministic generator, so every run checks the same cases. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	return { next, int };
}

function randomScope(seed: number, identicalPerJuror = false) {
	const g = generator(seed);
	const criteria: Criterion[] = [];
	const rollOut = g.int(-1, 5);
	for (let id = 1, n = g.int(1, 6); id <= n; id++) {
		const scaleMin = g.int(0, 1);
		criteria.push({ id, weight: g.int(1, 30), scaleMin, scaleMax: scaleMin + (g.next() < 0.5 ? 4 : 10), isRollOut: id - 1 === rollOut });
	}
	const ideaIds: number[] = [];
	for (let i = 0, id = 100, n = g.int(1, 9); i < n; i++) ideaIds.push((id += g.int(1, 3)));
	const ideaList: IdeaInfo[] = ideaIds.map((ideaId) => ({ ideaId, submittedAt: new Date(Date.UTC(2026, 2, g.int(1, 3))) }));
	const jurors = g.int(1, 6);
	const sheets: Sheet[] = [];
	const conflicts = new Set<string>();
	for (let jurorId = 1; jurorId <= jurors; jurorId++) {
		const fixed = criteria.map((c) => g.int(c.scaleMin, c.scaleMax));
		for (const ideaId of ideaIds) {
			if (g.next() < 0.1) conflicts.add(conflictKey(jurorId, ideaId));
			if (g.next() < 0.2) continue;
			const values = criteria.map((c, i) => (identicalPerJuror ? fixed[i] : g.next() < 0.05 ? null : g.int(c.scaleMin, c.scaleMax)));
			sheets.push(sheet(jurorId, ideaId, values));
		}
	}
	return { g, criteria, ideas: ideaList, sheets, conflicts };
}

function shuffled<T>(items: readonly T[], g: { int: (lo: number, hi: number) => number }): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = g.int(0, i);
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

describe('invariants over generated rounds', () => {
	const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

	it('ranks every idea exactly once, 1..n, in score order with null last', () => {
		for (const seed of seeds) {
			const scope = randomScope(seed);
			for (const basis of ['raw', 'normalised'] as const) {
				const ranked = rankIdeas({ ...scope, basis });
				expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
				expect([...ranked.map((r) => r.ideaId)].sort((a, b) => a - b)).toEqual([...scope.ideas.map((i) => i.ideaId)].sort((a, b) => a - b));
				for (let i = 1; i < ranked.length; i++) {
					const [above, row] = [ranked[i - 1], ranked[i]];
					if (above.score === null) expect(row.score).toBeNull();
					else if (row.score !== null) expect(row.score).toBeLessThanOrEqual(above.score + 1e-9);
					const equal =
						above.score === row.score || (above.score !== null && row.score !== null && Math.abs(above.score - row.score) <= 1e-9);
					expect(row.tieBrokenBy !== null).toBe(equal);
				}
			}
		}
	});

	it('keeps raw and normalised scores within 0..100', () => {
		for (const seed of seeds) {
			const scope = randomScope(seed);
			for (const r of rankIdeas({ ...scope, basis: 'raw' })) {
				for (const v of [r.raw, r.normalised]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
				expect(r.raw === null).toBe(r.jurors === 0);
			}
		}
	});

	it('does not depend on the order of the input', () => {
		for (const seed of seeds.slice(0, 100)) {
			const scope = randomScope(seed);
			const again = { ...scope, ideas: shuffled(scope.ideas, scope.g), sheets: shuffled(scope.sheets, scope.g) };
			const a = rankIdeas({ ...scope, basis: 'normalised' });
			const b = rankIdeas({ ...again, basis: 'normalised' });
			expect(b.map((r) => [r.ideaId, r.tieBrokenBy])).toEqual(a.map((r) => [r.ideaId, r.tieBrokenBy]));
			b.forEach((r, i) => {
				if (r.normalised === null) expect(a[i].normalised).toBeNull();
				else expect(r.normalised).toBeCloseTo(a[i].normalised ?? Number.NaN, 9);
			});
		}
	});

	it('returns M for every idea when each juror gives all ideas the same J', () => {
		for (const seed of seeds) {
			const scope = randomScope(seed, true);
			const result = normalisedScores(scope);
			const counted = scope.sheets.filter((s) => !scope.conflicts.has(conflictKey(s.jurorId, s.ideaId)));
			const js = counted.map((s) => weightedScore(s, scope.criteria) ?? Number.NaN);
			if (!js.length) {
				expect(result.mean).toBeNull();
				continue;
			}
			const m = js.reduce((x, y) => x + y, 0) / js.length;
			expect(result.mean).toBeCloseTo(m, 9);
			for (const idea of result.byIdea.values()) if (idea.jurors > 0) expect(idea.normalised).toBe(result.mean);
		}
	});

	it('proposes a prefix of scored ideas for any rule', () => {
		for (const seed of seeds) {
			const scope = randomScope(seed);
			const ranked = rankIdeas({ ...scope, basis: 'raw' });
			const scored = ranked.filter((r) => r.score !== null).length;
			const count = scope.g.int(0, 10);
			const min = scope.g.int(0, 100);
			for (const rule of [{ kind: 'top_n', count } as const, { kind: 'threshold', min } as const]) {
				const { rows, cutIndex } = proposeAdvancement(ranked, rule);
				const proposed = rows.filter((r) => r.proposed).length;
				expect(rows.map((r) => r.proposed)).toEqual(rows.map((_, i) => i < proposed));
				expect(cutIndex).toBe(proposed);
				expect(rows.every((r) => !r.proposed || r.score !== null)).toBe(true);
				if (rule.kind === 'top_n') expect(proposed).toBe(Math.min(count, scored));
				else expect(rows.every((r) => r.proposed === (r.score !== null && r.score >= min - 1e-9))).toBe(true);
			}
		}
	});
});

describe("a round's own tie-break order", () => {
	// Criteria 1 (roll-out) and 2, weight 1 each, scale 1..5.
	// Idea 1: juror 10 gives 5 and 1 -> J = 100 * (1 + 0) / 2 = 50; one juror, roll-out mean 5.
	// Idea 2: juror 10 gives 3 and 3 -> 50; juror 11 gives 1 and 5 -> 50; raw 50, two jurors, roll-out mean 2.
	const criteria = [
		{ id: 1, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: true },
		{ id: 2, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: false }
	];
	const ideas = [
		{ ideaId: 1, submittedAt: '2026-10-01T08:00:00Z' },
		{ ideaId: 2, submittedAt: '2026-10-02T08:00:00Z' }
	];
	const sheets = [
		{ jurorId: 10, ideaId: 1, scores: { 1: 5, 2: 1 } },
		{ jurorId: 10, ideaId: 2, scores: { 1: 3, 2: 3 } },
		{ jurorId: 11, ideaId: 2, scores: { 1: 1, 2: 5 } }
	];

	it('by default the roll-out criterion decides first', () => {
		const ranked = rankIdeas({ criteria, ideas, sheets, basis: 'raw' });
		expect(ranked.map((r) => [r.ideaId, r.rank, r.tieBrokenBy])).toEqual([
			[1, 1, null],
			[2, 2, 'roll_out']
		]);
	});

	it('with jurors first, the idea more jurors scored ranks higher', () => {
		const ranked = rankIdeas({ criteria, ideas, sheets, basis: 'raw', tieBreaks: ['jurors', 'roll_out', 'submitted_at'] });
		expect(ranked.map((r) => [r.ideaId, r.rank, r.tieBrokenBy])).toEqual([
			[2, 1, null],
			[1, 2, 'jurors']
		]);
	});

	it('with the earlier submission first, idea 1 (submitted a day earlier) ranks higher', () => {
		const ranked = rankIdeas({ criteria, ideas, sheets, basis: 'raw', tieBreaks: ['submitted_at', 'jurors', 'roll_out'] });
		expect(ranked.map((r) => [r.ideaId, r.tieBrokenBy])).toEqual([
			[1, null],
			[2, 'submitted_at']
		]);
	});

	it('refuses an order that names a rule twice or leaves one out', () => {
		expect(() => rankIdeas({ criteria, ideas, sheets, basis: 'raw', tieBreaks: ['jurors', 'jurors', 'roll_out'] })).toThrow(RangeError);
		expect(isTieBreakOrder(['roll_out', 'jurors'])).toBe(false);
		expect(isTieBreakOrder(['submitted_at', 'roll_out', 'jurors'])).toBe(true);
	});
});

describe('quotas per scope and a threshold beside top N', () => {
	const rows = (...scores: (number | null)[]) => scores.map((score, i) => ({ ideaId: i + 1, score }));
	const proposedIds = (r: { rows: { ideaId: number; proposed: boolean }[] }) => r.rows.filter((x) => x.proposed).map((x) => x.ideaId);
	// Build Operations is jury 7 with a quota of 3; every other department (jury 8) takes the round's count of 1.
	const round = { rule: 'top_n', count: 1, threshold: null, quotas: { 7: 3 } };

	it("gives each scope its own quota, the others the round's count", () => {
		expect(scopeRule(round, 7)).toEqual({ kind: 'top_n', count: 3, min: null });
		expect(scopeRule(round, 8)).toEqual({ kind: 'top_n', count: 1, min: null });
		expect(scopeRule({ ...round, quotas: new Map([[8, 0]]) }, 8)).toEqual({ kind: 'top_n', count: 0, min: null });
		// Quotas mean nothing to a threshold or a manual round.
		expect(scopeRule({ ...round, rule: 'threshold', threshold: '65.00' }, 7)).toEqual({ kind: 'threshold', min: 65 });
		expect(scopeRule({ ...round, rule: 'manual' }, 7)).toEqual({ kind: 'manual' });
	});

	it('lets the tie-break decide a tie at the quota cut, ranked end to end', () => {
		// Four ideas, two jurors, criteria a (roll-out) and b: J = 12.5 * (a + b - 2).
		// Idea 1: (5,5),(5,5) -> 100. Idea 2: (3,5),(3,5) -> 75, roll-out 3. Idea 3: (5,3),(5,3) -> 75,
		// roll-out 5. Idea 4: (4,4),(4,4) -> 75, roll-out 4. Order: 1 (100), 3 (75, r/o 5), 4 (75, r/o 4),
		// 2 (75, r/o 3). Quota 3 takes 1, 3, 4: idea 2 is out by the roll-out tie-break.
		const sheets = [
			sheet(1, 1, [5, 5]),
			sheet(2, 1, [5, 5]),
			sheet(1, 2, [3, 5]),
			sheet(2, 2, [3, 5]),
			sheet(1, 3, [5, 3]),
			sheet(2, 3, [5, 3]),
			sheet(1, 4, [4, 4]),
			sheet(2, 4, [4, 4])
		];
		const ranked = rankIdeas({ criteria: two, ideas: ideas(1, 2, 3, 4), sheets, basis: 'raw' });
		expect(ranked.map((r) => [r.ideaId, r.score, r.tieBrokenBy])).toEqual([
			[1, 100, null],
			[3, 75, null],
			[4, 75, 'roll_out'],
			[2, 75, 'roll_out']
		]);
		const result = proposeAdvancement(ranked, scopeRule(round, 7));
		expect(proposedIds(result)).toEqual([1, 3, 4]);
		expect(result.cutIndex).toBe(3);
		expect(result.tieAtCut).toBe(true);
		// The other department's count of 1 takes idea 1 only, no tie at its cut (100 against 75).
		const other = proposeAdvancement(ranked, scopeRule(round, 8));
		expect(proposedIds(other)).toEqual([1]);
		expect(other.tieAtCut).toBe(false);
	});

	it('proposes nobody with a quota of 0', () => {
		const result = proposeAdvancement(rows(90, 80), scopeRule({ ...round, quotas: { 8: 0 } }, 8));
		expect(proposedIds(result)).toEqual([]);
		expect(result.cutIndex).toBe(0);
		expect(result.rows.map((r) => r.distanceToCut)).toEqual([null, null]);
	});

	it('takes every scored idea when the quota is larger than the scope, never an unscored one', () => {
		const result = proposeAdvancement(rows(90, 80, null), scopeRule(round, 7));
		expect(proposedIds(result)).toEqual([1, 2]);
		expect(result.cutIndex).toBe(2);
	});

	it('cuts inside the quota where the threshold is not reached', () => {
		// Quota 3, at least 70: 82 and 70 advance (70 reaches it exactly), 69.5 does not though it is third.
		// Distances: 82 - 69.5 = 12.5, 70 - 69.5 = 0.5 | 69.5 - 70 = -0.5, 60 - 70 = -10.
		const result = proposeAdvancement(rows(82, 70, 69.5, 60), scopeRule({ ...round, threshold: 70 }, 7));
		expect(proposedIds(result)).toEqual([1, 2]);
		expect(result.cutIndex).toBe(2);
		expect(result.rows.map((r) => r.distanceToCut)).toEqual([12.5, 0.5, -0.5, -10]);
		expect(result.tieAtCut).toBe(false);
	});

	it('keeps the quota where every idea within it reaches the threshold', () => {
		// Quota 1, at least 70: 90 and 80 both reach it, the quota takes one.
		expect(proposedIds(proposeAdvancement(rows(90, 80), scopeRule({ ...round, threshold: 70 }, 8)))).toEqual([1]);
	});

	it('proposes nobody when the best idea is below the threshold, and stops at an unscored idea', () => {
		expect(proposeAdvancement(rows(65, 60), { kind: 'top_n', count: 3, min: 70 }).cutIndex).toBe(0);
		expect(proposedIds(proposeAdvancement(rows(75, null, null), { kind: 'top_n', count: 3, min: 70 }))).toEqual([1]);
		expect(() => proposeAdvancement(rows(75), { kind: 'top_n', count: 1, min: Number.NaN })).toThrow(RangeError);
	});

	it('says the rule that applied to a scope', () => {
		const dept = { ...round, scope: 'department' };
		expect(ruleSummary(dept, 7)).toEqual({ kind: 'top_scope', count: 3, min: null });
		expect(ruleSummary({ ...dept, threshold: '70.00' }, 8)).toEqual({ kind: 'top_each', count: 1, min: 70 });
		expect(ruleSummary({ rule: 'top_n', count: 5, threshold: null, scope: 'competition' }, 1)).toEqual({
			kind: 'top',
			count: 5,
			min: null
		});
		expect(ruleSummary({ rule: 'threshold', count: null, threshold: 65, scope: 'department' }, 7)).toEqual({ kind: 'threshold', min: 65 });
		expect(ruleSummary({ rule: 'manual', count: null, threshold: null, scope: 'competition' }, 1)).toEqual({ kind: 'manual' });
	});

	it('names the tie-breaks that placed an idea against the ones above and below', () => {
		const ranks = [
			{ rank: 1, tieBrokenBy: null },
			{ rank: 2, tieBrokenBy: 'roll_out' },
			{ rank: 3, tieBrokenBy: 'submitted_at' },
			{ rank: 4, tieBrokenBy: null }
		];
		expect(tieBreaksAround(ranks, 1)).toEqual({ above: null, below: 'roll_out' });
		expect(tieBreaksAround(ranks, 2)).toEqual({ above: 'roll_out', below: 'submitted_at' });
		expect(tieBreaksAround(ranks, 4)).toEqual({ above: null, below: null });
		expect(tieBreaksAround(ranks, null)).toEqual({ above: null, below: null });
		expect(tieBreaksAround([{ rank: 1, tieBrokenBy: 'nonsense' }], 1)).toEqual({ above: null, below: null });
	});
});
