import { describe, expect, it } from 'vitest';
import { funnel, holderOf, isIdeaStatus } from './lifecycle';

describe('funnel', () => {
	it('counts an idea in every stage it passed', () => {
		// 2 submitted, 1 coaching, 1 winner: submitted 4, accepted 2, semi-final 1, final 1
		expect(funnel({ submitted: 2, coaching: 1, winner: 1 })).toEqual({
			draft: 0,
			submitted: 4,
			accepted: 2,
			semi_final: 1,
			final: 1,
			implemented: 0
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

import { availableTransitions, decideTransition, IDEA_STATUSES, TRANSITIONS, type TransitionName } from './lifecycle';

describe('the idea state machine', () => {
	const allowed: Array<[string, TransitionName, string, string]> = [
		['draft', 'submit', 'team', 'submitted'],
		['returned', 'resubmit', 'team', 'submitted'],
		['submitted', 'withdraw', 'team', 'withdrawn'],
		['returned', 'withdraw', 'team', 'withdrawn'],
		['submitted', 'startScreening', 'organiser', 'screening'],
		['submitted', 'return', 'organiser', 'returned'],
		['screening', 'return', 'organiser', 'returned'],
		['submitted', 'decline', 'organiser', 'declined'],
		['screening', 'decline', 'organiser', 'declined'],
		['submitted', 'accept', 'organiser', 'accepted'],
		['screening', 'accept', 'organiser', 'accepted'],
		['submitted', 'merge', 'organiser', 'merged'],
		['accepted', 'startCoaching', 'mentor', 'coaching'],
		['accepted', 'enterSemiFinal', 'organiser', 'semi_final'],
		['coaching', 'enterSemiFinal', 'organiser', 'semi_final'],
		['semi_final', 'advance', 'organiser', 'finalist'],
		['semi_final', 'stop', 'organiser', 'not_advanced'],
		['finalist', 'win', 'organiser', 'winner'],
		['finalist', 'runnerUp', 'organiser', 'runner_up'],
		['winner', 'implement', 'team', 'implemented'],
		['coaching', 'implement', 'organiser', 'implemented'],
		['implemented', 'publish', 'organiser', 'published'],
		['published', 'unpublish', 'organiser', 'implemented']
	];
	for (const [from, name, actor, to] of allowed) {
		it(`${actor} may ${name} from ${from} to ${to}`, () => {
			expect(decideTransition(from, name, { actor: actor as 'team', reason: 'because', windowOpen: true })).toEqual({ ok: true, from, to });
		});
	}

	it('refuses every transition from a state it does not start from', () => {
		let refused = 0;
		for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
			const from: readonly string[] = TRANSITIONS[name].from;
			for (const status of IDEA_STATUSES) {
				if (from.includes(status)) continue;
				expect(decideTransition(status, name, { actor: ['team', 'organiser', 'mentor', 'system'], reason: 'x', windowOpen: true })).toEqual(
					{
						ok: false,
						reason: 'wrong_state'
					}
				);
				refused++;
			}
		}
		// 17 transitions x 16 statuses, less the 32 (transition, from-state) pairs:
		// 1+1+2+1+2+2+2+5+1+2+1+1+1+1+7+1+1 = 32
		expect(refused).toBe(17 * 16 - 32);
	});

	it('refuses the wrong actor', () => {
		expect(decideTransition('submitted', 'accept', { actor: 'team' })).toEqual({ ok: false, reason: 'not_allowed' });
		expect(decideTransition('draft', 'submit', { actor: 'organiser', windowOpen: true })).toEqual({ ok: false, reason: 'not_allowed' });
		expect(decideTransition('implemented', 'publish', { actor: 'team' })).toEqual({ ok: false, reason: 'not_allowed' });
	});

	it('requires a reason to return, decline, merge or stop, and blanks do not count', () => {
		for (const name of ['return', 'decline', 'merge'] as const) {
			expect(decideTransition('submitted', name, { actor: 'organiser' })).toEqual({ ok: false, reason: 'reason_required' });
			expect(decideTransition('submitted', name, { actor: 'organiser', reason: '   ' })).toEqual({ ok: false, reason: 'reason_required' });
		}
		expect(decideTransition('semi_final', 'stop', { actor: 'organiser', reason: '' })).toEqual({ ok: false, reason: 'reason_required' });
	});

	it('submits only while the window is open, but a returned idea may come back after it', () => {
		expect(decideTransition('draft', 'submit', { actor: 'team', windowOpen: false })).toEqual({ ok: false, reason: 'window_closed' });
		expect(decideTransition('returned', 'resubmit', { actor: 'team', windowOpen: false })).toEqual({
			ok: true,
			from: 'returned',
			to: 'submitted'
		});
	});

	it('offers the buttons an actor may press now', () => {
		expect(availableTransitions('submitted', ['organiser'])).toEqual(['startScreening', 'return', 'decline', 'accept', 'merge']);
		expect(availableTransitions('submitted', ['team'])).toEqual(['withdraw']);
		expect(availableTransitions('declined', ['team', 'organiser'])).toEqual([]);
		expect(availableTransitions('bogus', ['organiser'])).toEqual([]);
	});
});
