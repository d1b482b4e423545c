import { describe, expect, it } from 'vitest';
import { countByStatus, totalResults } from './rollup';

describe('totalResults', () => {
	it('adds the original team and each adopting department per kind', () => {
		const totals = totalResults(
			[{ kind: 'hours', value: 120 }],
			[
				{ status: 'adopted', results: [{ kind: 'hours', value: 40 }] },
				{
					status: 'piloting',
					results: [
						{ kind: 'hours', value: 18 },
						{ kind: 'euros', value: 2500 }
					]
				}
			]
		);
		expect(totals).toEqual([
			{ kind: 'hours', original: 120, adoptions: 58, adoptingDepartments: 2, total: 178 },
			{ kind: 'euros', original: 0, adoptions: 2500, adoptingDepartments: 1, total: 2500 }
		]);
	});

	it('leaves out departments that found it not suitable', () => {
		const totals = totalResults([], [{ status: 'not_suitable', results: [{ kind: 'hours', value: 10 }] }]);
		expect(totals).toEqual([]);
	});

	it('counts a department once per kind even with two lines of that kind', () => {
		const [hours] = totalResults(
			[],
			[
				{
					status: 'adopted',
					results: [
						{ kind: 'hours', value: 1.25 },
						{ kind: 'hours', value: 2.5 }
					]
				}
			]
		);
		expect(hours).toEqual({ kind: 'hours', original: 0, adoptions: 3.75, adoptingDepartments: 1, total: 3.75 });
	});
});

describe('countByStatus', () => {
	it('counts every status, zero when absent', () => {
		expect(countByStatus([{ status: 'adopted' }, { status: 'adopted' }, { status: 'not_suitable' }])).toEqual({
			considering: 0,
			piloting: 0,
			adopted: 2,
			not_suitable: 1
		});
	});
});
