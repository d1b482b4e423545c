import { describe, expect, it } from 'vitest';
import { applyTaps, clockText, nextPitch, phaseTimer, stageOf, tallyOf, viewFor, type LiveState, type StageSlot } from './live-session.js';

const slot = (id: number, position: number, kind: 'pitch' | 'break', ideaId: number | null = null): StageSlot => ({
	id,
	position,
	kind,
	ideaId,
	title: ideaId ? `Idea ${ideaId}` : null,
	departmentName: ideaId ? 'Build Operations' : null,
	team: [],
	startsAt: '2026-03-02T09:00:00Z',
	endsAt: '2026-03-02T09:30:00Z'
});

// 1 pitch A(idea 11), 2 pitch B(12), 3 break, 4 pitch C(13); given out of order on purpose
const slots = [slot(104, 4, 'pitch', 13), slot(101, 1, 'pitch', 11), slot(103, 3, 'break'), slot(102, 2, 'pitch', 12)];

describe('stageOf', () => {
	it('puts the first pitch on deck before the start', () => {
		const s = stageOf(slots, null);
		expect(s.current).toBeNull();
		expect(s.onDeck?.id).toBe(101);
		expect(s.breaksBefore).toEqual([]);
		expect(s.pitchesLeft).toBe(3);
	});
	it('puts the next pitch on deck', () => {
		const s = stageOf(slots, 101);
		expect(s.current?.id).toBe(101);
		expect(s.onDeck?.id).toBe(102);
		expect(s.pitchesLeft).toBe(2);
	});
	it('announces a break between the pitch on stage and the one on deck, without scoring it', () => {
		const s = stageOf(slots, 102);
		expect(s.onDeck?.id).toBe(104);
		expect(s.breaksBefore.map((b) => b.id)).toEqual([103]);
		expect(s.pitchesLeft).toBe(1);
	});
	it('has nothing on deck at the last pitch', () => {
		const s = stageOf(slots, 104);
		expect(s.onDeck).toBeNull();
		expect(s.pitchesLeft).toBe(0);
	});
	it('Next skips the break', () => {
		expect(nextPitch(slots, 102)?.id).toBe(104);
		expect(nextPitch(slots, 104)).toBeNull();
		expect(nextPitch(slots, null)?.id).toBe(101);
	});
	it('a session that starts with a break still puts the first pitch on deck', () => {
		const s = stageOf([slot(1, 1, 'break'), slot(2, 2, 'pitch', 5)], null);
		expect(s.onDeck?.id).toBe(2);
		expect(s.breaksBefore.map((b) => b.id)).toEqual([1]);
	});
});

describe('phaseTimer', () => {
	const clock = { phase: 'pitch' as const, phaseStartedAt: '2026-03-02T10:00:00Z', pitchMinutes: 10, questionsMinutes: 5 };
	it('counts down the pitch', () => {
		expect(phaseTimer(clock, new Date('2026-03-02T10:07:30Z'))).toEqual({
			phase: 'pitch',
			limitSeconds: 600,
			elapsedSeconds: 450,
			remainingSeconds: 150,
			overrunSeconds: 0
		});
	});
	it('says how far a pitch ran over', () => {
		const t = phaseTimer(clock, new Date('2026-03-02T10:11:05Z'));
		expect(t.remainingSeconds).toBe(0);
		expect(t.overrunSeconds).toBe(65);
	});
	it('takes the questions minutes for the questions', () => {
		const t = phaseTimer({ ...clock, phase: 'questions' }, new Date('2026-03-02T10:04:00.900Z'));
		expect(t.limitSeconds).toBe(300);
		expect(t.elapsedSeconds).toBe(240);
		expect(t.remainingSeconds).toBe(60);
	});
	it('a clock behind the start counts 0, and scoring has no limit', () => {
		expect(phaseTimer(clock, new Date('2026-03-02T09:59:00Z')).elapsedSeconds).toBe(0);
		expect(phaseTimer({ ...clock, phase: 'scoring' }, new Date('2026-03-02T10:01:00Z')).limitSeconds).toBeNull();
		expect(phaseTimer({ ...clock, phase: null, phaseStartedAt: null }, 0).phase).toBeNull();
	});
	it('writes m:ss', () => {
		expect(clockText(65)).toBe('1:05');
		expect(clockText(600)).toBe('10:00');
		expect(clockText(-3)).toBe('0:00');
	});
});

describe('applyTaps', () => {
	const tap = (clientId: string, deviceSeq: number, value: number, criterionId = 1) => ({
		clientId,
		deviceSeq,
		ideaId: 7,
		criterionId,
		value
	});
	it('keeps the latest device_seq, whatever the order of arrival, and counts a repeat once', () => {
		const r = applyTaps([tap('a', 2, 4), tap('b', 1, 2), tap('a', 2, 4)]);
		expect(r.values.get('7:1')).toEqual({ deviceSeq: 2, value: 4 });
		expect(r.outcomes.map((o) => o.outcome)).toEqual(['applied', 'superseded', 'repeat']);
	});
	it('a newer tap replaces an older one', () => {
		const r = applyTaps([tap('a', 1, 2), tap('b', 5, 3), tap('c', 3, 1, 2)]);
		expect(r.values.get('7:1')?.value).toBe(3);
		expect(r.values.get('7:2')?.value).toBe(1);
	});
	it('an old tap does not beat a value already held', () => {
		const r = applyTaps([tap('x', 4, 1)], new Map([['7:1', { deviceSeq: 9, value: 5 }]]));
		expect(r.values.get('7:1')?.value).toBe(5);
		expect(r.outcomes[0].outcome).toBe('superseded');
	});
});

// Two criteria, weights 1 and 1, scale 1..5.
const criteria = [
	{ id: 1, code: 'a', name: 'A', weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: true, rubric: [] },
	{ id: 2, code: 'b', name: 'B', weight: 1, scaleMin: 1, scaleMax: 5, isRollOut: false, rubric: [] }
];

function state(overrides: Partial<LiveState> = {}): LiveState {
	return {
		session: {
			id: 1,
			status: 'live',
			currentSlotId: 101,
			phase: 'pitch',
			phaseStartedAt: '2026-03-02T10:00:00Z',
			liveVersion: 3,
			pitchMinutes: 10,
			questionsMinutes: 5,
			startsAt: '2026-03-02T09:00:00Z',
			room: 'Room 1'
		},
		round: { id: 9, name: 'Semi-final', status: 'open', scoresVisible: 'after_own_sheet', competitionName: 'Cup' },
		jury: { id: 4, name: 'MT BO' },
		criteria,
		slots,
		members: [
			{ userId: 1, name: 'Chair', isChair: true, conflicted: false },
			{ userId: 2, name: 'Two', isChair: false, conflicted: false },
			{ userId: 3, name: 'Three', isChair: false, conflicted: true }
		],
		sheets: [
			{
				jurorId: 2,
				version: 2,
				submittedAt: '2026-03-02T10:12:00Z',
				scores: [
					{ criterionId: 1, value: 2 },
					{ criterionId: 2, value: 3 }
				]
			},
			{ jurorId: 1, version: 1, submittedAt: null, scores: [{ criterionId: 1, value: 4 }] },
			// a conflicted juror's sheet never counts
			{
				jurorId: 3,
				version: 1,
				submittedAt: '2026-03-02T10:12:00Z',
				scores: [
					{ criterionId: 1, value: 5 },
					{ criterionId: 2, value: 5 }
				]
			}
		],
		...overrides
	};
}

describe('tallyOf', () => {
	it('is the mean weighted score and the criterion means of the counted sheets', () => {
		// Juror 2 only: J = 100 * (1*(2-1)/4 + 1*(3-1)/4) / 2 = 37.5
		expect(tallyOf(state())).toEqual({
			sheets: 1,
			mean: 37.5,
			criteria: [
				{ criterionId: 1, mean: 2 },
				{ criterionId: 2, mean: 3 }
			]
		});
	});
	it('averages over two sheets', () => {
		const s = state();
		s.sheets[1] = {
			jurorId: 1,
			version: 2,
			submittedAt: '2026-03-02T10:13:00Z',
			scores: [
				{ criterionId: 1, value: 4 },
				{ criterionId: 2, value: 5 }
			]
		};
		// J = 37.5 and 87.5 -> 62.5; criterion means (2+4)/2 = 3, (3+5)/2 = 4
		expect(tallyOf(s)).toEqual({
			sheets: 2,
			mean: 62.5,
			criteria: [
				{ criterionId: 1, mean: 3 },
				{ criterionId: 2, mean: 4 }
			]
		});
	});
});

describe('viewFor', () => {
	it('a stranger sees nothing', () => {
		expect(viewFor(state(), { userId: 99, isOrganiser: false })).toBeNull();
	});
	it('a juror sees only their own values', () => {
		const v = viewFor(state(), { userId: 2, isOrganiser: false })!;
		expect(v.chair).toBeNull();
		expect(v.juror).toEqual({ recused: false, values: { 1: 2, 2: 3 }, submitted: true, version: 2 });
		expect(JSON.stringify(v)).not.toContain('"value":4');
	});
	it('a conflicted juror sees "recused" and no sheet', () => {
		expect(viewFor(state(), { userId: 3, isOrganiser: false })!.juror).toEqual({ recused: true });
	});
	it('the jury chair sees who scored, but the tally only after their own sheet', () => {
		const v = viewFor(state(), { userId: 1, isOrganiser: false })!;
		expect(v.chair!.scored).toBe(1);
		expect(v.chair!.eligible).toBe(2);
		expect(v.chair!.jurors.map((j) => j.state)).toEqual(['scoring', 'submitted', 'recused']);
		expect(v.chair!.tally).toBeNull();
		expect(v.chair!.tallyHiddenBecause).toBe('own_sheet');
		expect(v.juror).toEqual({ recused: false, values: { 1: 4 }, submitted: false, version: 1 });
	});
	it('an after-close round hides the tally from the jury chair until it closes', () => {
		const s = state({ round: { ...state().round, scoresVisible: 'after_close' } });
		s.sheets[1].submittedAt = '2026-03-02T10:13:00Z';
		s.sheets[1].scores.push({ criterionId: 2, value: 5 });
		expect(viewFor(s, { userId: 1, isOrganiser: false })!.chair!.tallyHiddenBecause).toBe('after_close');
	});
	it('an organiser always sees the tally', () => {
		const v = viewFor(state(), { userId: 50, isOrganiser: true })!;
		expect(v.onJury).toBe(false);
		expect(v.juror).toBeNull();
		expect(v.chair!.tally!.mean).toBe(37.5);
	});
	it('before the start nobody has a sheet and the first pitch is on deck', () => {
		const s = state();
		s.session = { ...s.session, status: 'planned', currentSlotId: null, phase: null, phaseStartedAt: null };
		const v = viewFor(s, { userId: 2, isOrganiser: false })!;
		expect(v.juror).toBeNull();
		expect(v.stage.onDeck?.id).toBe(101);
	});
});
