import { describe, expect, it } from 'vitest';
import { orderAsTree, subtreeOf } from './department-tree.js';

// CORP ─┬─ BO ── BO-A
//       └─ ENG
const chart = [
	{ id: 4, parentId: 2, name: 'Assembly' },
	{ id: 3, parentId: 1, name: 'Engineering' },
	{ id: 1, parentId: null, name: 'Company' },
	{ id: 2, parentId: 1, name: 'Build Operations' }
];

describe('orderAsTree', () => {
	it('puts each department after its parent, siblings by name, with its depth', () => {
		expect(orderAsTree(chart).map((n) => [n.id, n.depth])).toEqual([
			[1, 0],
			[2, 1],
			[4, 2],
			[3, 1]
		]);
	});

	it('starts a tree of its own for a department whose parent is not listed (e.g. retired)', () => {
		expect(orderAsTree(chart.filter((n) => n.id !== 2)).map((n) => [n.id, n.depth])).toEqual([
			[4, 0],
			[1, 0],
			[3, 1]
		]);
	});

	it('shows every department once even when the data holds a loop', () => {
		const loop = [
			{ id: 1, parentId: 2, name: 'A' },
			{ id: 2, parentId: 1, name: 'B' },
			{ id: 3, parentId: null, name: 'C' }
		];
		expect(orderAsTree(loop).map((n) => [n.id, n.depth])).toEqual([
			[3, 0],
			[1, 0],
			[2, 1]
		]);
	});
});

describe('subtreeOf', () => {
	it('is the department and all its descendants', () => {
		expect([...subtreeOf(chart, 2)].sort()).toEqual([2, 4]);
		expect([...subtreeOf(chart, 1)].sort()).toEqual([1, 2, 3, 4]);
		expect([...subtreeOf(chart, 4)]).toEqual([4]);
	});
});
