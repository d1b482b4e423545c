import { describe, expect, it } from 'vitest';
import { checkScores, rubricOf, withWeightPercent } from './rubric';

describe('rubricOf', () => {
	it('reads the stored levels in ascending order', () => {
		expect(
			rubricOf([
				{ level: 5, text: 'everywhere' },
				{ level: 1, text: 'only here' },
				{ level: 3, text: 'the department' }
			])
		).toEqual([
			{ level: 1, text: 'only here' },
			{ level: 3, text: 'the department' },
			{ level: 5, text: 'everywhere' }
		]);
	});

	it('leaves out what is not a level, and reads anything but a list as no rubric', () => {
		expect(rubricOf([{ level: 2, text: 'some' }, 'junk', null, { level: '3', text: 'x' }, { level: 4 }])).toEqual([
			{ level: 2, text: 'some' }
		]);
		expect(rubricOf(null)).toEqual([]);
		expect(rubricOf('1: low')).toEqual([]);
		expect(rubricOf({ level: 1, text: 'one' })).toEqual([]);
	});
});

describe('withWeightPercent', () => {
	it('gives each criterion its share of the total weight, to one decimal', () => {
		expect(withWeightPercent([{ weight: 25 }, { weight: 20 }, { weight: 5 }]).map((c) => c.weightPercent)).toEqual([50, 40, 10]);
		expect(withWeightPercent([{ weight: 1 }, { weight: 2 }]).map((c) => c.weightPercent)).toEqual([33.3, 66.7]);
	});

	it('reads stored weights (numeric text) as numbers', () => {
		expect(withWeightPercent([{ weight: '12.5' }, { weight: '37.5' }])).toEqual([
			{ weight: 12.5, weightPercent: 25 },
			{ weight: 37.5, weightPercent: 75 }
		]);
	});

	it('gives 0 when there is no weight at all', () => {
		expect(withWeightPercent([{ weight: 0 }]).map((c) => c.weightPercent)).toEqual([0]);
		expect(withWeightPercent([])).toEqual([]);
	});
});

describe('checkScores', () => {
	const criteria = [
		{ id: 1, scaleMin: 1, scaleMax: 5 },
		{ id: 2, scaleMin: 0, scaleMax: 10 }
	];

	it('takes whole numbers on the scale, ends included, and keeps the comments', () => {
		expect(checkScores(criteria, { 1: { value: '5', comment: 'good' }, 2: { value: ' 0 ' } })).toEqual({
			values: [
				{ criterionId: 1, value: 5, comment: 'good' },
				{ criterionId: 2, value: 0, comment: '' }
			],
			refusals: []
		});
	});

	it('reads an empty or missing score as none (a draft)', () => {
		expect(checkScores(criteria, { 1: { value: '' } })).toEqual({
			values: [
				{ criterionId: 1, value: null, comment: '' },
				{ criterionId: 2, value: null, comment: '' }
			],
			refusals: []
		});
	});

	it('refuses a score outside the scale, and one that is not a whole number', () => {
		const { values, refusals } = checkScores(criteria, { 1: { value: '7' }, 2: { value: '3.5' } });
		expect(refusals).toEqual([
			{ field: 'score_1', code: 'outside_scale' },
			{ field: 'score_2', code: 'not_a_whole_number' }
		]);
		expect(values.map((v) => v.value)).toEqual([7, null]);
		expect(checkScores(criteria, { 1: { value: '0' } }).refusals).toEqual([{ field: 'score_1', code: 'outside_scale' }]);
		expect(checkScores(criteria, { 2: { value: '-1' } }).refusals).toEqual([{ field: 'score_2', code: 'outside_scale' }]);
		expect(checkScores(criteria, { 1: { value: 'four' } }).refusals).toEqual([{ field: 'score_1', code: 'not_a_whole_number' }]);
	});

	it('refuses a score for a criterion the round does not have, and a comment over 2000 characters', () => {
		expect(checkScores(criteria, { 9: { value: '3' }, 1: { value: '3', comment: 'x'.repeat(2001) } }).refusals).toEqual([
			{ field: 'score_9', code: 'unknown_criterion' },
			{ field: 'comment_1', code: 'too_long' }
		]);
		expect(checkScores(criteria, { 1: { value: '3', comment: 'x'.repeat(2000) } }).refusals).toEqual([]);
	});

	it('with complete (a submission), refuses every empty score as required, once per field', () => {
		expect(checkScores(criteria, { 1: { value: '4' } }, { complete: true }).refusals).toEqual([{ field: 'score_2', code: 'required' }]);
		expect(checkScores(criteria, { 1: { value: '3.5' } }, { complete: true }).refusals).toEqual([
			{ field: 'score_1', code: 'not_a_whole_number' },
			{ field: 'score_2', code: 'required' }
		]);
	});
});
