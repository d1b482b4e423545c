import { describe, expect, it } from 'vitest';
import { toSegments, countMarks, MARK_START as S, MARK_STOP as E } from './highlight.js';

describe('toSegments', () => {
	it('splits a headline into plain and marked text', () => {
		expect(toSegments(`Fewer ${S}torque${E} errors`)).toEqual([
			{ text: 'Fewer ', mark: false },
			{ text: 'torque', mark: true },
			{ text: ' errors', mark: false }
		]);
	});

	it('keeps HTML in user text as text', () => {
		expect(toSegments(`<script>${S}x${E}`)).toEqual([
			{ text: '<script>', mark: false },
			{ text: 'x', mark: true }
		]);
	});

	it('joins adjacent marked words and counts marks', () => {
		expect(toSegments(`${S}a${E}${S}b${E}`)).toEqual([{ text: 'ab', mark: true }]);
		expect(countMarks(`${S}a${E} ${S}b${E}`)).toBe(2);
		expect(toSegments('')).toEqual([]);
	});
});
