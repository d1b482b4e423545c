import { describe, expect, it } from 'vitest';
import { parseCriteriaForm, parseRoundSettingsForm, roundSettingsSchema, toRoundSettings } from './round-setup.schema';

const form = (entries: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
};

describe('parseCriteriaForm', () => {
	it('reads rows, the rubric lines and the roll-out choice; skips an empty new row and removed rows', () => {
		const result = parseCriteriaForm(
			form({
				c0_name: 'Roll-out potential',
				c0_weight: '25',
				c0_scaleMin: '1',
				c0_scaleMax: '5',
				c0_rubric: '1: only here\n5: everywhere',
				c1_name: 'Quality',
				c1_weight: '20,5',
				c1_scaleMin: '0',
				c1_scaleMax: '10',
				c1_rubric: '',
				c2_name: 'Old',
				c2_weight: '5',
				c2_scaleMin: '1',
				c2_scaleMax: '5',
				c2_remove: '1',
				c3_new: '1',
				c3_name: '',
				c3_weight: '10',
				c3_scaleMin: '1',
				c3_scaleMax: '5',
				rollOut: '0'
			})
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.data.map((c) => [c.code, c.weight, c.scaleMin, c.scaleMax, c.isRollOut])).toEqual([
			['roll_out', 25, 1, 5, true],
			['quality', 20.5, 0, 10, false]
		]);
		expect(result.data[0].rubric).toEqual([
			{ level: 1, text: 'only here' },
			{ level: 5, text: 'everywhere' }
		]);
	});

	it('reports a field error per row and keeps what was typed', () => {
		const result = parseCriteriaForm(
			form({ c0_name: '', c0_weight: '-1', c0_scaleMin: '1', c0_scaleMax: '5', c0_rubric: 'no level here' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.c0_name).toEqual(['required']);
		expect(result.errors.c0_weight).toEqual(['must_be_positive']);
		expect(result.values.c0_rubric).toBe('no level here');
	});
});

describe('round settings', () => {
	it('refuses a day that is not on the calendar, beside its field', () => {
		const base = { name: 'Semi', advancementRule: 'manual', scoreBasis: 'raw', scoresVisible: 'after_close' };
		for (const day of ['2027-13-45', '2027-02-30', '2026-04-31', '20270101']) {
			const parsed = roundSettingsSchema.safeParse({ ...base, scoringOpensOn: day });
			expect(parsed.success, day).toBe(false);
			if (!parsed.success)
				expect(
					parsed.error.issues.map((i) => [i.path.join('.'), i.message]),
					day
				).toEqual([['scoringOpensOn', 'not_a_date']]);
		}
		expect(roundSettingsSchema.safeParse({ ...base, scoringOpensOn: '2028-02-29' }).success).toBe(true);
	});

	it('top N needs a count; dates become the start and end of the day', () => {
		expect(
			roundSettingsSchema.safeParse({
				name: 'Semi',
				advancementRule: 'top_n',
				advancementCount: '',
				scoreBasis: 'raw',
				scoresVisible: 'after_close'
			}).success
		).toBe(false);
		const parsed = roundSettingsSchema.parse({
			name: 'Semi',
			scoringOpensOn: '2026-03-01',
			scoringClosesOn: '2026-03-14',
			advancementRule: 'top_n',
			advancementCount: '3',
			advancementThreshold: '60',
			scoreBasis: 'normalised',
			scoresVisible: 'after_own_sheet'
		});
		expect(toRoundSettings(parsed)).toMatchObject({
			scoringOpensAt: new Date('2026-03-01T00:00:00Z'),
			scoringClosesAt: new Date('2026-03-14T23:59:59Z'),
			advancementCount: 3,
			// Top N keeps a threshold beside it: within the quota and at least 60.
			advancementThreshold: 60
		});
		const manual = roundSettingsSchema.parse({
			name: 'Final',
			advancementRule: 'manual',
			advancementThreshold: '60',
			scoreBasis: 'raw',
			scoresVisible: 'after_close'
		});
		expect(toRoundSettings(manual).advancementThreshold).toBeNull();
	});

	it('keeps the default tie-break order, takes another one, and refuses a rule used twice', () => {
		const base = { name: 'Semi', advancementRule: 'manual', scoreBasis: 'raw', scoresVisible: 'after_close' };
		expect(toRoundSettings(roundSettingsSchema.parse(base)).tieBreaks).toEqual(['roll_out', 'jurors', 'submitted_at']);
		const reordered = roundSettingsSchema.parse({ ...base, tieBreak1: 'jurors', tieBreak2: 'submitted_at', tieBreak3: 'roll_out' });
		expect(toRoundSettings(reordered).tieBreaks).toEqual(['jurors', 'submitted_at', 'roll_out']);
		const twice = roundSettingsSchema.safeParse({ ...base, tieBreak1: 'jurors', tieBreak2: 'jurors', tieBreak3: 'roll_out' });
		expect(twice.success).toBe(false);
		expect(twice.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['tieBreak3', 'tie_break_twice']]);
	});
});

describe('parseRoundSettingsForm', () => {
	const base = { name: 'Semi-final', advancementRule: 'top_n', advancementCount: '1', scoreBasis: 'raw', scoresVisible: 'after_close' };

	it('reads a quota per jury (blank is the round count) and the previous-round switch', () => {
		const result = parseRoundSettingsForm(form({ ...base, quotasShown: '1', quota_7: '3', quota_8: '', showPreviousRound: 'on' }));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.data.quotas).toEqual([
			{ juryId: 7, count: 3 },
			{ juryId: 8, count: null }
		]);
		expect(result.data.showPreviousRound).toBe(true);
		expect(result.data.advancementCount).toBe(1);
	});

	it('leaves the quotas alone when the form did not show them', () => {
		const result = parseRoundSettingsForm(form(base));
		expect(result.ok && result.data.quotas).toBeUndefined();
		expect(result.ok && result.data.showPreviousRound).toBe(false);
	});

	it('refuses a quota that is no whole number from 0 to 1000 beside its field, with the other errors, keeping what was typed', () => {
		const result = parseRoundSettingsForm(form({ ...base, name: '', quotasShown: '1', quota_7: '-1', quota_8: '2.5', quota_9: 'three' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.name).toEqual(['required']);
		expect(result.errors.quota_7).toEqual(['quota_range']);
		expect(result.errors.quota_8).toEqual(['not_a_whole_number']);
		expect(result.errors.quota_9).toEqual(['not_a_number']);
		expect(result.values.quota_9).toBe('three');
		expect(parseRoundSettingsForm(form({ ...base, quotasShown: '1', quota_7: '0' })).ok).toBe(true);
	});
});
