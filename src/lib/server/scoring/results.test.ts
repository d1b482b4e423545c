import { describe, expect, it } from 'vitest';
import { computeResults, criterionMeans } from './results';
import { toSheetInput, sheetFormSchema } from './jury-sheet.schema';

const criteria = [
	{ id: 1, weight: 3, scaleMin: 1, scaleMax: 5, isRollOut: true },
	{ id: 2, weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: false }
];
const entry = (ideaId: number, juryId = 10) => ({
	ideaId,
	juryId,
	title: `Idea ${ideaId}`,
	submittedAt: null,
	firstSubmittedAt: `2026-01-0${ideaId}T00:00:00Z`
});
const sheet = (jurorId: number, ideaId: number, a: number, b: number, submitted = true) => ({
	jurorId,
	ideaId,
	submittedAt: submitted ? '2026-02-01T00:00:00Z' : null,
	scores: [
		{ criterionId: 1, value: a },
		{ criterionId: 2, value: b }
	]
});
const jury = {
	id: 10,
	name: 'BO MT',
	departmentName: 'Build Operations',
	members: [
		{ userId: 1, name: 'A' },
		{ userId: 2, name: 'B' }
	]
};

describe('computeResults', () => {
	it('ranks on submitted sheets only, proposes the top N and counts progress without conflicted pairs', () => {
		// Idea 1: J = 100 * (3*4/4 + 1*0/4) / 4 = 75 from both jurors; idea 2: 25; idea 3: juror 2 conflicted, juror 1 draft only.
		const results = computeResults({
			round: { kind: 'semi_final', advancementRule: 'top_n', advancementCount: 1, advancementThreshold: null, scoreBasis: 'raw' },
			criteria,
			juries: [jury],
			entries: [entry(1), entry(2), entry(3)],
			sheets: [sheet(1, 1, 5, 1), sheet(2, 1, 5, 1), sheet(1, 2, 2, 2), sheet(2, 2, 2, 2), sheet(1, 3, 5, 5, false), sheet(2, 3, 5, 5)],
			conflicts: [{ jurorId: 2, ideaId: 3 }]
		});
		const scope = results.scopes[0];
		expect(scope.rows.map((r) => [r.ideaId, r.raw, r.proposedOutcome])).toEqual([
			[1, 75, 'advanced'],
			[2, 25, 'stopped'],
			[3, null, 'stopped']
		]);
		expect(scope.cutIndex).toBe(1);
		expect(scope.rows[1].distanceToCut).toBe(-50);
		expect(results).toMatchObject({ pairs: 5, complete: 4, canClose: false });
	});

	it("proposes the final's awards from the ranking", () => {
		const results = computeResults({
			round: { kind: 'final', advancementRule: 'manual', advancementCount: null, advancementThreshold: null, scoreBasis: 'raw' },
			criteria,
			juries: [{ ...jury, departmentName: null }],
			entries: [entry(1), entry(2), entry(3)],
			sheets: [sheet(1, 1, 3, 3), sheet(1, 2, 5, 5), sheet(1, 3, 1, 1)],
			conflicts: []
		});
		expect(results.scopes[0].rows.map((r) => [r.ideaId, r.proposedOutcome])).toEqual([
			[2, 'winner'],
			[1, 'runner_up'],
			[3, 'finalist']
		]);
		expect(results.scopes[0].cutIndex).toBeNull();
	});

	it('criterion means leave out drafts, conflicts and non-members', () => {
		const means = criterionMeans(
			{
				criteria,
				sheets: [sheet(1, 1, 5, 1), sheet(2, 1, 3, 3), sheet(9, 1, 1, 1), sheet(1, 2, 1, 1)],
				conflicts: [{ jurorId: 2, ideaId: 1 }]
			},
			1,
			new Set([1, 2])
		);
		expect(means).toEqual([
			{ criterionId: 1, mean: 5, jurors: 1 },
			{ criterionId: 2, mean: 1, jurors: 1 }
		]);
	});
});

describe('toSheetInput', () => {
	it('collects score_<id> and comment_<id> fields, trimmed, and the intent', () => {
		const parsed = sheetFormSchema.parse({
			version: '3',
			intent: 'submit',
			overallComment: ' Good ',
			score_7: ' 4 ',
			comment_7: ' ok ',
			score_8: '',
			other: 'x'
		});
		expect(toSheetInput(parsed)).toEqual({
			version: 3,
			submit: true,
			overallComment: 'Good',
			scores: { 7: { value: '4', comment: 'ok' }, 8: { value: '', comment: '' } }
		});
	});
});
