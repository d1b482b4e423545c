import { describe, expect, it } from 'vitest';
import {
	agreementReading,
	averageRanks,
	juryAgreement,
	jurorRoundStats,
	kendallW,
	leniencySd,
	medianDaysToScore,
	outliers,
	spearman,
	type ScoredSheet
} from './insight-jury.js';

describe('averageRanks', () => {
	it('gives ties the mean of their positions', () => {
		expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
		expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
	});
});

describe('spearman', () => {
	it('60, 70, 80 against 1, 3, 2: ranks 1 2 3 and 1 3 2, r = 1 / 2', () => {
		expect(spearman([60, 70, 80], [1, 3, 2])).toBeCloseTo(0.5, 10);
	});
	it('with ties: 50, 50, 70, 90 against 10, 20, 30, 40 -> 4.5 / sqrt(4.5 * 5) = sqrt(0.9)', () => {
		expect(spearman([50, 50, 70, 90], [10, 20, 30, 40])).toBeCloseTo(Math.sqrt(0.9), 10);
	});
	it('is null under three ideas or when one side is flat', () => {
		expect(spearman([1, 2], [2, 1])).toBeNull();
		expect(spearman([5, 5, 5], [1, 2, 3])).toBeNull();
	});
});

describe('kendallW', () => {
	it('is 1 when every juror ranks alike', () => {
		expect(
			kendallW([
				[1, 2, 3],
				[10, 20, 30],
				[5, 6, 7]
			])
		).toBeCloseTo(1, 10);
	});
	it('rank sums 5, 7, 6 around 6: S = 2, W = 12 * 2 / (9 * 24) = 1 / 9', () => {
		expect(
			kendallW([
				[1, 2, 3],
				[1, 3, 2],
				[3, 2, 1]
			])
		).toBeCloseTo(1 / 9, 10);
	});
	it('corrects for ties: sums 2.5, 3.5, 6 around 4, S = 6.5, T = 6: W = 78 / (96 − 12) = 13 / 14', () => {
		expect(
			kendallW([
				[50, 50, 80],
				[40, 60, 80]
			])
		).toBeCloseTo(78 / 84, 10);
	});
	it('is null for one juror, one idea or all ties', () => {
		expect(kendallW([[1, 2, 3]])).toBeNull();
		expect(kendallW([[1], [2]])).toBeNull();
		expect(
			kendallW([
				[5, 5],
				[5, 5]
			])
		).toBeNull();
	});
	it('reads as strong from 0.7, moderate from 0.5, weak below', () => {
		expect(agreementReading(0.7)).toBe('strong');
		expect(agreementReading(0.69)).toBe('moderate');
		expect(agreementReading(0.5)).toBe('moderate');
		expect(agreementReading(0.2)).toBe('weak');
		expect(agreementReading(null)).toBeNull();
	});
});

/** Jury 1: jurors 1, 2, 3 score ideas 10..13. */
const jury1: ScoredSheet[] = [
	[1, [80, 60, 70, 90]],
	[2, [70, 50, 60, 80]],
	[3, [60, 70, 50, 40]]
].flatMap(([jurorId, scores]) =>
	(scores as number[]).map((score, i) => ({ juryId: 1, jurorId: jurorId as number, ideaId: 10 + i, score }))
);

describe('jurorRoundStats', () => {
	const stats = jurorRoundStats(jury1);
	it('leniency: juror mean minus the jury mean 780 / 12 = 65', () => {
		expect(stats.get(1)!.mean).toBe(75);
		expect(stats.get(1)!.leniency).toBeCloseTo(10, 10);
		expect(stats.get(2)!.leniency).toBeCloseTo(0, 10);
		expect(stats.get(3)!.leniency).toBeCloseTo(-10, 10);
	});
	it('spread: the sample sd, sqrt(500 / 3) for 80, 60, 70, 90', () => {
		expect(stats.get(1)!.spread).toBeCloseTo(Math.sqrt(500 / 3), 10);
	});
	it('agreement: Spearman against the others’ mean (65, 60, 55, 60): 1 / sqrt(10) for juror 1, −0.8 for juror 3', () => {
		expect(stats.get(1)!.agreement).toBeCloseTo(1 / Math.sqrt(10), 10);
		expect(stats.get(3)!.agreement).toBeCloseTo(-0.8, 10);
		expect(stats.get(3)!.commonIdeas).toBe(4);
	});
	it('a juror in two juries: (1 × +10 + 2 × −15) / 3 sheets', () => {
		const d: ScoredSheet[] = [
			{ juryId: 2, jurorId: 4, ideaId: 20, score: 90 },
			{ juryId: 2, jurorId: 5, ideaId: 20, score: 70 },
			{ juryId: 3, jurorId: 4, ideaId: 30, score: 50 },
			{ juryId: 3, jurorId: 4, ideaId: 31, score: 50 },
			{ juryId: 3, jurorId: 6, ideaId: 30, score: 80 },
			{ juryId: 3, jurorId: 6, ideaId: 31, score: 80 }
		];
		const s = jurorRoundStats(d).get(4)!;
		expect(s.leniency).toBeCloseTo(-20 / 3, 10);
		expect(s.sheets).toBe(3);
		// three ideas shared: 90, 50, 50 against the others' 70, 80, 80 rank exactly opposite
		expect(s.agreement).toBeCloseTo(-1, 10);
		expect(s.commonIdeas).toBe(3);
	});
	it('the leniencies 10, 0, −10 have sample sd 10', () => {
		expect(leniencySd(stats.values())).toBeCloseTo(10, 10);
	});
	it("the jury's W over its four ideas: rank sums 9, 6, 6, 9 around 7.5, S = 9, W = 108 / 540 = 0.2", () => {
		const a = juryAgreement(jury1);
		expect(a.w).toBeCloseTo(0.2, 10);
		expect(a).toMatchObject({ jurors: 3, ideas: 4 });
	});
	it('W only over ideas every juror scored', () => {
		const a = juryAgreement([...jury1, { juryId: 1, jurorId: 1, ideaId: 14, score: 50 }]);
		expect(a.ideas).toBe(4);
	});
});

describe('outliers', () => {
	const now = new Date('2026-12-01T12:00:00Z');
	const base = { sheets: 5, leniency: 0, spread: 10, agreement: 0.8, commonIdeas: 5 };
	const input = { submitted: 5, expected: 5, leniencySd: 3, roundOpen: true, closesAt: null, now };
	it('lenient above max(10 points, 2 sd): 12 > max(10, 6)', () => {
		expect(outliers({ ...input, stats: { ...base, leniency: 12 } })).toEqual([{ reason: 'lenient', value: 12, threshold: 10 }]);
		expect(outliers({ ...input, leniencySd: 7, stats: { ...base, leniency: 12 } })).toEqual([]);
		expect(outliers({ ...input, leniencySd: null, stats: { ...base, leniency: -11 } })).toEqual([
			{ reason: 'strict', value: -11, threshold: 10 }
		]);
	});
	it('disagrees below 0.2 over at least four common ideas', () => {
		expect(outliers({ ...input, stats: { ...base, agreement: -0.8, commonIdeas: 4 } })).toEqual([
			{ reason: 'disagrees', value: -0.8, threshold: 0.2 }
		]);
		expect(outliers({ ...input, stats: { ...base, agreement: -0.8, commonIdeas: 3 } })).toEqual([]);
	});
	it('flat under 2 points of spread over at least four sheets', () => {
		expect(outliers({ ...input, stats: { ...base, spread: 1.5, sheets: 4 } })).toEqual([{ reason: 'flat', value: 1.5, threshold: 2 }]);
		expect(outliers({ ...input, stats: { ...base, spread: 1.5, sheets: 3 } })).toEqual([]);
	});
	it('slow: sheets missing in an open round closing within two days or past', () => {
		const day = 86_400_000;
		const slow = { ...input, stats: base, submitted: 3 };
		expect(outliers({ ...slow, closesAt: new Date(now.getTime() + day) })).toEqual([{ reason: 'slow', value: 2, threshold: 1 }]);
		expect(outliers({ ...slow, closesAt: new Date(now.getTime() - day) })).toEqual([{ reason: 'slow', value: 2, threshold: -1 }]);
		expect(outliers({ ...slow, closesAt: new Date(now.getTime() + 3 * day) })).toEqual([]);
		expect(outliers({ ...slow, roundOpen: false, closesAt: new Date(now.getTime() - day) })).toEqual([]);
	});
});

describe('medianDaysToScore', () => {
	it('median of 1, 2 and 4 days is 2; a negative time counts as 0', () => {
		expect(medianDaysToScore([1, 4, 2].map((days) => ({ days })))).toBe(2);
		expect(medianDaysToScore([-3, -1, 5].map((days) => ({ days })))).toBe(0);
		expect(medianDaysToScore([])).toBeNull();
	});
});
