import { describe, expect, it } from 'vitest';
import { dashboardOfPath, departmentTree, resolveFilter, type InsightOptions } from './scope';
import type { InsightAccess } from '../auth/policy';

// Operations (1) has Build (2) and Logistics (3); Build has Cleanroom (4); IT (5) stands alone; Old (6) is retired under IT.
const options: InsightOptions = {
	editions: [
		{ id: 30, name: 'BIC 2027', opensAt: '2027-01-10T08:00:00.000Z', status: 'open', judged: false },
		{ id: 25, name: 'BIC 2026 autumn', opensAt: '2026-09-01T08:00:00.000Z', status: 'open', judged: false },
		{ id: 20, name: 'BIC 2026', opensAt: '2026-01-12T08:00:00.000Z', status: 'judging', judged: true },
		{ id: 10, name: 'BIC 2025', opensAt: '2025-01-13T08:00:00.000Z', status: 'archived', judged: true }
	],
	departments: [
		{ id: 1, name: 'Operations', nameNl: null, parentId: null, retired: false },
		{ id: 2, name: 'Build', nameNl: null, parentId: 1, retired: false },
		{ id: 3, name: 'Logistics', nameNl: null, parentId: 1, retired: false },
		{ id: 4, name: 'Cleanroom', nameNl: null, parentId: 2, retired: false },
		{ id: 5, name: 'IT', nameNl: null, parentId: null, retired: false },
		{ id: 6, name: 'Old', nameNl: null, parentId: 5, retired: true }
	]
};
const organiser: InsightAccess = { dashboards: ['summary', 'participation', 'flow', 'mentoring', 'juries', 'results'], departments: 'all' };
const buildManager: InsightAccess = { dashboards: ['summary', 'participation', 'flow', 'mentoring', 'results'], departments: [2] };
const now = new Date('2026-12-06T10:00:00Z');
const q = (s: string) => new URLSearchParams(s);

describe('insight filters', () => {
	it('a department counts with everything below it, each once, even in a loop', () => {
		expect(departmentTree(options.departments, [1])).toEqual([1, 2, 3, 4]);
		expect(departmentTree(options.departments, [2, 4])).toEqual([2, 4]);
		expect(departmentTree(options.departments, [5])).toEqual([5, 6]);
		expect(
			departmentTree(
				[
					{ id: 1, parentId: 2 },
					{ id: 2, parentId: 1 }
				],
				[1]
			)
		).toEqual([1, 2]);
	});

	it('defaults: the newest edition whose call opened (for the juries, whose judging began), the whole company, an open period', () => {
		const r = resolveFilter(organiser, options, q(''), now);
		expect(r.filter).toEqual({ competitionId: 25, departmentIds: null, from: null, to: null });
		expect(r.errors).toEqual({});
		expect(r.form.edition).toBe('');
		expect(resolveFilter(organiser, options, q(''), now, 'juries').filter.competitionId).toBe(20);
		expect(r.departmentChoices.map((d) => d.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it('an organiser picks any edition, all editions, a department tree and a period', () => {
		const r = resolveFilter(organiser, options, q('edition=all&department=1&from=2026-01-01&to=2026-06-30'), now);
		expect(r.filter).toEqual({ competitionId: null, departmentIds: [1, 2, 3, 4], from: '2026-01-01', to: '2026-06-30' });
		expect(resolveFilter(organiser, options, q('edition=10'), now).filter.competitionId).toBe(10);
		expect(resolveFilter(organiser, options, q('edition=10'), now).form.edition).toBe('10');
		expect(resolveFilter(organiser, options, q('edition=all'), now).form.edition).toBe('all');
	});

	it('a department manager stays inside their department tree', () => {
		const mine = resolveFilter(buildManager, options, q(''), now);
		expect(mine.filter.departmentIds).toEqual([2, 4]);
		expect(mine.departmentChoices.map((d) => d.id)).toEqual([2, 4]);
		expect(resolveFilter(buildManager, options, q('department=4'), now).filter.departmentIds).toEqual([4]);
		const other = resolveFilter(buildManager, options, q('department=3'), now);
		expect(other.filter.departmentIds).toEqual([2, 4]);
		expect(other.errors.department).toEqual(['insight_own_departments_only']);
		expect(other.form.department).toBe('');
	});

	it('bad input is named beside its field and replaced by the default', () => {
		const r = resolveFilter(organiser, options, q('edition=999&department=abc&from=2026-02-30&to=yesterday'), now);
		expect(r.filter).toEqual({ competitionId: 25, departmentIds: null, from: null, to: null });
		expect(r.errors).toEqual({
			edition: ['invalid_choice'],
			department: ['invalid_choice'],
			from: ['invalid_date'],
			to: ['invalid_date']
		});
		const reversed = resolveFilter(organiser, options, q('from=2026-06-01&to=2026-01-01'), now);
		expect(reversed.filter).toMatchObject({ from: '2026-06-01', to: null });
		expect(reversed.errors.to).toEqual(['insight_to_before_from']);
		const nul = resolveFilter(organiser, options, q('department=1%00'), now);
		expect(nul.errors.department).toEqual(['invalid_choice']);
		expect(nul.filter.departmentIds).toBeNull();
	});

	it('before any call opened the newest edition is the default; with none, every edition', () => {
		expect(resolveFilter(organiser, options, q(''), new Date('2024-01-01')).filter.competitionId).toBe(30);
		expect(resolveFilter(organiser, { editions: [], departments: [] }, q(''), now).filter.competitionId).toBeNull();
	});

	it('paths name their dashboard', () => {
		expect(dashboardOfPath('/insight')).toBe('summary');
		expect(dashboardOfPath('/insight/')).toBe('summary');
		expect(dashboardOfPath('/insight/juries')).toBe('juries');
		expect(dashboardOfPath('/insight/export')).toBeNull();
	});
});
