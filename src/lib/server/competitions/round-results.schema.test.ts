import { describe, expect, it } from 'vitest';
import { parseDecisions } from './round-results.schema';

const form = (entries: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
};

describe('parseDecisions', () => {
	it('takes each known outcome with its reason and ignores anything else', () => {
		const parsed = parseDecisions(form({ outcome_4: 'advanced', reason_4: ' Top 3 ', outcome_5: 'promoted', outcome_x: 'winner' }));
		expect(parsed).toEqual({ ok: true, data: { decisions: [{ ideaId: 4, outcome: 'advanced', reason: 'Top 3' }] } });
	});
});
