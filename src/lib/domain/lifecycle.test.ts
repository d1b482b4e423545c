import { describe, expect, it } from 'vitest';
import { funnel, holderOf, isIdeaStatus } from './lifecycle';

describe('funnel', () => {
	it('counts an idea in every stage it passed', () => {
		// 2 submitted, 1 coaching, 1 winner: submitted 4, accepted 2, semi-final 1, final 1
		expect(funnel({ submitted: 2, coaching: 1, winner: 1 })).toEqual({
			draft: 0, submitted: 4, accepted: 2, semi_final: 1, final: 1, implemented: 0
		});
	});
	it('keeps drafts apart from the submitted stages', () => {
		expect(funnel({ draft: 3 })).toEqual({ draft: 3, submitted: 0, accepted: 0, semi_final: 0, final: 0, implemented: 0 });
	});
	it('counts declined, withdrawn and merged ideas up to submitted only', () => {
		expect(funnel({ declined: 2, withdrawn: 1, merged: 1 }).submitted).toBe(4);
		expect(funnel({ declined: 2 }).accepted).toBe(0);
	});
	it('counts a published idea in every stage through implemented', () => {
		expect(funnel({ published: 1 })).toEqual({ draft: 0, submitted: 1, accepted: 1, semi_final: 1, final: 1, implemented: 1 });
	});
	it('ignores unknown statuses and zero counts', () => {
		expect(funnel({ bogus: 5, submitted: 0 })).toEqual({ draft: 0, submitted: 0, accepted: 0, semi_final: 0, final: 0, implemented: 0 });
	});
});

describe('holderOf', () => {
	it('names who holds the idea', () => {
		expect(holderOf('draft')).toBe('team');
		expect(holderOf('returned')).toBe('team');
		expect(holderOf('submitted')).toBe('organiser');
		expect(holderOf('coaching')).toBe('mentor');
		expect(holderOf('semi_final')).toBe('jury');
		expect(holderOf('declined')).toBe('nobody');
	});
	it('recognises statuses', () => {
		expect(isIdeaStatus('semi_final')).toBe(true);
		expect(isIdeaStatus('semi-final')).toBe(false);
	});
});
