import { describe, expect, it } from 'vitest';
import { COMPETITION_STATUSES, decideCompetitionStatus, nextCompetitionStatuses, roundTemplateAllowed } from './competition-status';

const none = { submittedIdeas: 0 };
const some = { submittedIdeas: 1 };

describe('decideCompetitionStatus', () => {
	it.each([
		['draft', 'open'],
		['open', 'judging'],
		['judging', 'closed'],
		['closed', 'archived']
	])('moves %s → %s, with or without ideas', (from, to) => {
		expect(decideCompetitionStatus(from, to, none)).toEqual({ ok: true, from, to });
		expect(decideCompetitionStatus(from, to, some)).toEqual({ ok: true, from, to });
	});

	it('takes an open competition back to draft while no idea was submitted', () => {
		expect(decideCompetitionStatus('open', 'draft', none)).toEqual({ ok: true, from: 'open', to: 'draft' });
	});

	it('keeps an open competition open once an idea was submitted', () => {
		expect(decideCompetitionStatus('open', 'draft', { submittedIdeas: 3 })).toEqual({ ok: false, reason: 'competition_has_ideas' });
	});

	it.each([
		['draft', 'judging'],
		['draft', 'closed'],
		['draft', 'archived'],
		['open', 'closed'],
		['judging', 'open'],
		['judging', 'draft'],
		['closed', 'judging'],
		['closed', 'open'],
		['archived', 'closed'],
		['archived', 'draft']
	])('refuses %s → %s', (from, to) => {
		expect(decideCompetitionStatus(from, to, none)).toEqual({ ok: false, reason: 'status_not_allowed' });
	});

	it('refuses staying where it is', () => {
		for (const s of COMPETITION_STATUSES) expect(decideCompetitionStatus(s, s, none)).toEqual({ ok: false, reason: 'same_status' });
	});

	it('refuses statuses it does not know', () => {
		expect(decideCompetitionStatus('open', 'paused', none)).toEqual({ ok: false, reason: 'unknown_status' });
		expect(decideCompetitionStatus('', 'open', none)).toEqual({ ok: false, reason: 'unknown_status' });
	});
});

describe('nextCompetitionStatuses', () => {
	it('lists the forward step first, then the way back', () => {
		expect(nextCompetitionStatuses('draft', none)).toEqual(['open']);
		expect(nextCompetitionStatuses('open', none)).toEqual(['judging', 'draft']);
		expect(nextCompetitionStatuses('open', some)).toEqual(['judging']);
		expect(nextCompetitionStatuses('judging', none)).toEqual(['closed']);
		expect(nextCompetitionStatuses('closed', none)).toEqual(['archived']);
		expect(nextCompetitionStatuses('archived', none)).toEqual([]);
	});
});

describe('the round template', () => {
	it('is offered while a competition has no rounds and is not closed', () => {
		for (const status of ['draft', 'open', 'judging']) expect(roundTemplateAllowed({ status, roundCount: 0 }), status).toBe(true);
	});

	it('is not offered once rounds exist, or after judging', () => {
		expect(roundTemplateAllowed({ status: 'judging', roundCount: 2 })).toBe(false);
		expect(roundTemplateAllowed({ status: 'open', roundCount: 1 })).toBe(false);
		expect(roundTemplateAllowed({ status: 'closed', roundCount: 0 })).toBe(false);
		expect(roundTemplateAllowed({ status: 'archived', roundCount: 0 })).toBe(false);
	});
});
