/**
 * The live pitch session's rules (issue 14), pure so the server, the browser and the tests
 * read them the same way:
 * - the stage: the slot on stage, the pitch on deck and the breaks before it (breaks are
 *   announced, never scored);
 * - the phase timer: a pitch, then questions, each from the session's minutes;
 * - tap ordering: per juror, idea and criterion the tap with the highest device_seq wins,
 *   and a tap sent again (same client id) counts once;
 * - each viewer's view of one loaded state: a juror sees only their own taps (or
 *   "recused", without a sheet); the chair sees who has scored the idea on stage and,
 *   when `mayViewOtherScores` allows, the running tally.
 */
import { mayViewOtherScores, weightedScore, type Criterion, type RoundStatus, type ScoreVisibility } from './scoring.js';

export type SlotKind = 'pitch' | 'break';
export type SessionStatus = 'planned' | 'live' | 'ended';
export type Phase = 'pitch' | 'questions' | 'scoring';

export type StageSlot = {
	id: number;
	position: number;
	kind: SlotKind;
	ideaId: number | null;
	title: string | null;
	departmentName: string | null;
	team: string[];
	startsAt: string | Date;
	endsAt: string | Date;
};

export type Stage<S extends StageSlot = StageSlot> = {
	/** The slot on stage (a pitch); null before the start and after the end. */
	current: S | null;
	/** The next pitch after the one on stage (the first one before the start). */
	onDeck: S | null;
	/** The breaks between the slot on stage and the one on deck, in order. */
	breaksBefore: S[];
	/** Pitches still to come after the one on stage. */
	pitchesLeft: number;
};

const byPosition = <S extends StageSlot>(slots: readonly S[]) => [...slots].sort((a, b) => a.position - b.position);

/**
 * The stage from the session's slots and the slot on stage.
 *
 * Example: slots 1 pitch A, 2 pitch B, 3 break, 4 pitch C. Nothing on stage: current null,
 * on deck A. A on stage: on deck B, no break between. B on stage: on deck C, the break
 * (slot 3) announced before it, 1 pitch left. C on stage: nothing on deck.
 */
export function stageOf<S extends StageSlot>(slots: readonly S[], currentSlotId: number | null): Stage<S> {
	const ordered = byPosition(slots);
	const at = currentSlotId === null ? -1 : ordered.findIndex((s) => s.id === currentSlotId);
	const current = at >= 0 ? ordered[at] : null;
	const after = ordered.slice(at + 1);
	const deckAt = after.findIndex((s) => s.kind === 'pitch');
	return {
		current,
		onDeck: deckAt >= 0 ? after[deckAt] : null,
		breaksBefore: deckAt >= 0 ? after.slice(0, deckAt).filter((s) => s.kind === 'break') : after.filter((s) => s.kind === 'break'),
		pitchesLeft: after.filter((s) => s.kind === 'pitch').length
	};
}

/** The pitch "Next" moves to: the first pitch after the one on stage (breaks skipped); null at the end. */
export function nextPitch<S extends StageSlot>(slots: readonly S[], currentSlotId: number | null): S | null {
	return stageOf(slots, currentSlotId).onDeck;
}

export type PhaseClock = {
	phase: Phase | null;
	phaseStartedAt: string | Date | null;
	pitchMinutes: number;
	questionsMinutes: number;
};

export type PhaseTimer = {
	phase: Phase | null;
	/** The phase's length in seconds; null for scoring (no limit) or no phase. */
	limitSeconds: number | null;
	elapsedSeconds: number;
	/** Seconds left, 0 once over. */
	remainingSeconds: number | null;
	/** Seconds past the limit, 0 while in time. */
	overrunSeconds: number;
};

/**
 * The phase timer at `now`: the pitch runs `pitchMinutes`, the questions `questionsMinutes`
 * (whole seconds, rounded down; a clock that is behind the start counts as 0 elapsed).
 *
 * Example: pitch of 10 minutes started at 10:00:00; at 10:07:30 elapsed 450, remaining 150,
 * overrun 0; at 10:11:05 elapsed 665, remaining 0, overrun 65.
 */
export function phaseTimer(clock: PhaseClock, now: Date | number): PhaseTimer {
	if (!clock.phase || !clock.phaseStartedAt)
		return { phase: null, limitSeconds: null, elapsedSeconds: 0, remainingSeconds: null, overrunSeconds: 0 };
	const nowMs = typeof now === 'number' ? now : now.getTime();
	const elapsed = Math.max(0, Math.floor((nowMs - new Date(clock.phaseStartedAt).getTime()) / 1000));
	const minutes = clock.phase === 'pitch' ? clock.pitchMinutes : clock.phase === 'questions' ? clock.questionsMinutes : null;
	if (minutes === null)
		return { phase: clock.phase, limitSeconds: null, elapsedSeconds: elapsed, remainingSeconds: null, overrunSeconds: 0 };
	const limit = minutes * 60;
	return {
		phase: clock.phase,
		limitSeconds: limit,
		elapsedSeconds: elapsed,
		remainingSeconds: Math.max(0, limit - elapsed),
		overrunSeconds: Math.max(0, elapsed - limit)
	};
}

/** "m:ss" for a number of seconds (negative counts as 0). Example: 65 -> "1:05", 600 -> "10:00". */
export function clockText(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export type Tap = { clientId: string; deviceSeq: number; ideaId: number; criterionId: number; value: number };

const tapKey = (t: Pick<Tap, 'ideaId' | 'criterionId'>) => `${t.ideaId}:${t.criterionId}`;

/**
 * One juror's taps applied in any order of arrival: per idea and criterion the value of the
 * tap with the highest device_seq; a client id seen before is a repeat and changes nothing.
 * Returns the values (key "ideaId:criterionId") and, per tap, what it did.
 *
 * Example: taps a (seq 2, value 4), b (seq 1, value 2) for the same criterion, then a
 * again: value 4; a 'applied', b 'superseded' (an old tap arriving late), a 'repeat'.
 */
export function applyTaps(taps: readonly Tap[], known: ReadonlyMap<string, { deviceSeq: number; value: number }> = new Map()) {
	const values = new Map(known);
	const seen = new Set<string>();
	const outcomes: { clientId: string; outcome: 'applied' | 'superseded' | 'repeat' }[] = [];
	for (const t of taps) {
		if (seen.has(t.clientId)) {
			outcomes.push({ clientId: t.clientId, outcome: 'repeat' });
			continue;
		}
		seen.add(t.clientId);
		const key = tapKey(t);
		const held = values.get(key);
		if (held && held.deviceSeq > t.deviceSeq) {
			outcomes.push({ clientId: t.clientId, outcome: 'superseded' });
			continue;
		}
		values.set(key, { deviceSeq: t.deviceSeq, value: t.value });
		outcomes.push({ clientId: t.clientId, outcome: 'applied' });
	}
	return { values, outcomes };
}

// ---------------------------------------------------------------- views

export type LiveCriterion = Criterion & { code: string; name: string; rubric: { level: number; text: string }[] };

export type LiveMember = {
	userId: number;
	name: string;
	isChair: boolean;
	/** A conflict of interest with the idea on stage (recorded or found live). */
	conflicted: boolean;
};

export type LiveSheet = {
	jurorId: number;
	version: number;
	submittedAt: string | Date | null;
	scores: { criterionId: number; value: number }[];
};

/** One session's live state, loaded once per change and shared by every screen. */
export type LiveState<S extends StageSlot = StageSlot> = {
	session: {
		id: number;
		status: SessionStatus;
		currentSlotId: number | null;
		phase: Phase | null;
		phaseStartedAt: string | Date | null;
		liveVersion: number;
		pitchMinutes: number;
		questionsMinutes: number;
		startsAt: string | Date;
		room: string;
	};
	round: { id: number; name: string; status: RoundStatus; scoresVisible: ScoreVisibility; competitionName: string };
	jury: { id: number; name: string };
	criteria: LiveCriterion[];
	slots: S[];
	members: LiveMember[];
	/** The jury members' sheets of the idea on stage. */
	sheets: LiveSheet[];
};

export type Viewer = { userId: number; isOrganiser: boolean };

export type JurorPart =
	| { recused: true }
	| {
			recused: false;
			/** Own values only, criterion id -> value. */
			values: Record<number, number>;
			submitted: boolean;
			version: number;
	  };

export type ChairPart = {
	/** Members who may score the idea on stage (not conflicted). */
	eligible: number;
	/** Of those, how many submitted their sheet. */
	scored: number;
	jurors: { userId: number; name: string; state: 'submitted' | 'scoring' | 'waiting' | 'recused' }[];
	/** The running tally; null when the round's visibility rule does not allow it yet. */
	tally: null | {
		sheets: number;
		mean: number | null;
		criteria: { criterionId: number; mean: number | null }[];
	};
	/** Why there is no tally: the chair must first submit their own sheet, or wait for the round to close. */
	tallyHiddenBecause: null | 'own_sheet' | 'after_close';
};

export type LiveView<S extends StageSlot = StageSlot> = {
	session: LiveState<S>['session'];
	round: LiveState<S>['round'];
	jury: LiveState<S>['jury'];
	stage: Stage<S>;
	/** The viewer may run the session. */
	chair: ChairPart | null;
	/** The viewer sits on the jury: their own sheet of the idea on stage (null while nothing is on stage). */
	juror: JurorPart | null;
	onJury: boolean;
};

/**
 * The tally of the idea on stage: the submitted sheets of members without a conflict that
 * have every criterion; the mean of their weighted scores (weightedScore) and per criterion
 * the mean value. The same sheets computeResults counts for the idea.
 *
 * Example (weights 1 and 1, scale 1..5): sheets {4, 5} and {2, 3}: J = 87.5 and 37.5, mean
 * 62.5; criterion means 3 and 4.
 */
export function tallyOf(state: Pick<LiveState, 'criteria' | 'members' | 'sheets'>) {
	const eligible = new Set(state.members.filter((m) => !m.conflicted).map((m) => m.userId));
	const counted = state.sheets
		.filter((s) => s.submittedAt !== null && eligible.has(s.jurorId))
		.map((s) => ({
			sheet: s,
			j: weightedScore({ scores: Object.fromEntries(s.scores.map((x) => [x.criterionId, x.value])) }, state.criteria)
		}))
		.filter((s): s is { sheet: LiveSheet; j: number } => s.j !== null);
	const mean = counted.length ? counted.reduce((n, s) => n + s.j, 0) / counted.length : null;
	return {
		sheets: counted.length,
		mean,
		criteria: state.criteria.map((c) => {
			const values = counted.map((s) => s.sheet.scores.find((x) => x.criterionId === c.id)!.value);
			return { criterionId: c.id, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
		})
	};
}

/**
 * What one viewer sees of the state; null when they may not see the session at all (not an
 * organiser, not on the jury: the page answers 404). The chair part goes to organisers and
 * the jury's chair; the juror part to members. A juror never gets anyone else's values.
 */
export function viewFor<S extends StageSlot>(state: LiveState<S>, viewer: Viewer): LiveView<S> | null {
	const me = state.members.find((m) => m.userId === viewer.userId);
	const onJury = !!me;
	const mayChair = viewer.isOrganiser || !!me?.isChair;
	if (!onJury && !mayChair) return null;
	const stage = stageOf(state.slots, state.session.status === 'live' ? state.session.currentSlotId : null);
	const onStage = state.session.status === 'live' && stage.current?.kind === 'pitch';
	const own = me ? state.sheets.find((s) => s.jurorId === me.userId) : undefined;

	let juror: JurorPart | null = null;
	if (me && onStage) {
		juror = me.conflicted
			? { recused: true }
			: {
					recused: false,
					values: Object.fromEntries((own?.scores ?? []).map((s) => [s.criterionId, s.value])),
					submitted: !!own?.submittedAt,
					version: own?.version ?? 0
				};
	}

	let chair: ChairPart | null = null;
	if (mayChair) {
		const byJuror = new Map(state.sheets.map((s) => [s.jurorId, s]));
		const jurors = state.members.map((m) => {
			const sheet = byJuror.get(m.userId);
			const jState: 'submitted' | 'scoring' | 'waiting' | 'recused' = m.conflicted
				? 'recused'
				: sheet?.submittedAt
					? 'submitted'
					: sheet?.scores.length
						? 'scoring'
						: 'waiting';
			return { userId: m.userId, name: m.name, state: jState };
		});
		const eligible = jurors.filter((j) => j.state !== 'recused').length;
		const allowed =
			onStage &&
			mayViewOtherScores({
				visibility: state.round.scoresVisible,
				roundStatus: state.round.status,
				ownSheetComplete: !!own?.submittedAt,
				isOrganiser: viewer.isOrganiser
			});
		chair = {
			eligible: onStage ? eligible : 0,
			scored: onStage ? jurors.filter((j) => j.state === 'submitted').length : 0,
			jurors: onStage ? jurors : [],
			tally: allowed ? tallyOf(state) : null,
			tallyHiddenBecause: !onStage || allowed ? null : own?.submittedAt ? 'after_close' : 'own_sheet'
		};
	}
	return { session: state.session, round: state.round, jury: state.jury, stage, chair, juror, onJury };
}
