import { describe, expect, it } from 'vitest';
import {
	ACCEPTED_AND_LATER,
	COACHING_ONGOING,
	IDEA_STATUSES,
	isIdeaStatus,
	NOT_MERGE_TARGETS,
	statusIn,
	TEAM_EDITS,
	UNANSWERED,
	type IdeaStatus
} from './idea-status';
import { TRANSITIONS, holderOf } from './lifecycle';

/** The statuses not in a set, in the order of IDEA_STATUSES. */
const outside = (set: readonly IdeaStatus[]) => IDEA_STATUSES.filter((s) => !set.includes(s));

describe('idea statuses', () => {
	it('knows the sixteen statuses of the lifecycle and nothing else', () => {
		expect(IDEA_STATUSES).toHaveLength(16);
		expect(isIdeaStatus('not_advanced')).toBe(true);
		expect(isIdeaStatus('runner_up')).toBe(true);
		expect(isIdeaStatus('not-advanced')).toBe(false);
		expect(isIdeaStatus('Accepted')).toBe(false);
		expect(isIdeaStatus('')).toBe(false);
	});

	it('asks a set with the plain string the database gives', () => {
		expect(statusIn('coaching', ACCEPTED_AND_LATER)).toBe(true);
		expect(statusIn('screening', ACCEPTED_AND_LATER)).toBe(false);
		expect(statusIn('nonsense', ACCEPTED_AND_LATER)).toBe(false);
		expect(statusIn('draft', [])).toBe(false);
	});

	it('builds every set from known statuses, each once', () => {
		for (const set of [TEAM_EDITS, UNANSWERED, ACCEPTED_AND_LATER, COACHING_ONGOING, NOT_MERGE_TARGETS]) {
			expect(set.every((s) => isIdeaStatus(s))).toBe(true);
			expect(new Set(set).size).toBe(set.length);
		}
	});
});

describe('accepted and later', () => {
	it('leaves out everything before acceptance and the ideas closed on the way', () => {
		expect(outside(ACCEPTED_AND_LATER)).toEqual(['draft', 'submitted', 'screening', 'returned', 'declined', 'withdrawn', 'merged']);
	});

	it('keeps ideas that did not advance, won, or were published', () => {
		for (const status of ['not_advanced', 'winner', 'runner_up', 'published'] as const)
			expect(statusIn(status, ACCEPTED_AND_LATER)).toBe(true);
	});

	it('is entered only by accepting an idea', () => {
		const ways = Object.entries(TRANSITIONS).filter(
			([, t]) => statusIn(t.to, ACCEPTED_AND_LATER) && t.from.some((from) => !statusIn(from, ACCEPTED_AND_LATER))
		);
		expect(ways.map(([name]) => name)).toEqual(['accept']);
	});

	it('is left only by a merge', () => {
		const ways = Object.entries(TRANSITIONS).filter(
			([, t]) => !statusIn(t.to, ACCEPTED_AND_LATER) && t.from.some((from) => statusIn(from, ACCEPTED_AND_LATER))
		);
		expect(ways.map(([name]) => name)).toEqual(['merge']);
	});
});

describe('the smaller sets', () => {
	it('lets the team edit a draft or a returned idea, both in its hands', () => {
		expect([...TEAM_EDITS]).toEqual(['draft', 'returned']);
		for (const status of TEAM_EDITS) expect(holderOf(status)).toBe('team');
	});

	it('calls submitted and screening ideas unanswered: the ones an organiser accepts, returns or declines', () => {
		expect([...UNANSWERED]).toEqual(['submitted', 'screening']);
		for (const name of ['accept', 'return', 'decline'] as const) expect([...TRANSITIONS[name].from]).toEqual([...UNANSWERED]);
		for (const status of UNANSWERED) expect(holderOf(status)).toBe('organiser');
	});

	it('coaches from acceptance to the last presentation, never after a result', () => {
		expect([...COACHING_ONGOING]).toEqual(['accepted', 'coaching', 'semi_final', 'finalist']);
		expect(COACHING_ONGOING.every((s) => statusIn(s, ACCEPTED_AND_LATER))).toBe(true);
		for (const status of ['not_advanced', 'winner', 'runner_up', 'implemented', 'published'])
			expect(statusIn(status, COACHING_ONGOING)).toBe(false);
	});

	it('merges into neither a draft nor a closed idea, but into a returned or accepted one', () => {
		expect([...NOT_MERGE_TARGETS].sort()).toEqual(['declined', 'draft', 'merged', 'withdrawn']);
		for (const status of ['submitted', 'screening', 'returned', 'accepted', 'winner'])
			expect(statusIn(status, NOT_MERGE_TARGETS)).toBe(false);
	});

	it('closes merged, withdrawn and declined ideas for good: no transition leaves them', () => {
		const closed = NOT_MERGE_TARGETS.filter((s) => s !== 'draft');
		const leaving = Object.values(TRANSITIONS).filter((t) => t.from.some((from) => statusIn(from, closed)));
		expect(leaving).toEqual([]);
	});
});
