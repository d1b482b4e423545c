/**
 * The live session (issue 14): the chair runs it (start, questions, scoring, next, end),
 * jurors follow and tap their scores, every screen sees the same state.
 *
 * - Who: `canOnSession` (policy.ts): 'chair' for organisers and the jury's chair, 'follow'
 *   for the jury's members; anyone else gets 404.
 * - Chair moves: one transaction each, version-checked (the live_version the chair read: a
 *   double click or a second tab gets "changed elsewhere", never a second "next"), audited.
 * - Taps: one statement per batch (live.queries.ts applyTapBatch), under a per-juror lock.
 * - Blind: a juror's view carries only their own values (domain/live-session.ts viewFor).
 */
import type { Database } from '../db/index.js';
import { can, canOnSession, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { rubricOf } from '../../domain/rubric.js';
import {
	viewFor,
	type LiveState,
	type Phase,
	type SessionStatus,
	type SlotKind,
	type StageSlot,
	type Viewer
} from '../../domain/live-session.js';
import type { RoundStatus, ScoreVisibility } from '../../domain/scoring.js';
import { announceCommitted } from './bus.js';
import * as q from './live.queries.js';

export const liveStale = () =>
	new DomainError('live_stale', 'The session was moved on from another screen (or a second click). It now shows where it is.', 409);
const roundLocked = () => new DomainError('round_locked', 'This round is closed: its scores are locked.', 409);
const noPitch = () => new DomainError('live_no_pitch', 'This session has no pitch to start with.', 409);
const noNext = () => new DomainError('live_no_next', 'This is the last pitch of the session: end the session instead.', 409);

/** The state as the domain reads it, from the one-statement row. */
export function toLiveState(row: q.LiveStateRow): LiveState {
	return {
		session: {
			id: row.id,
			status: row.status as SessionStatus,
			currentSlotId: row.currentSlotId,
			phase: row.phase as Phase | null,
			phaseStartedAt: row.phaseStartedAt === null ? null : new Date(row.phaseStartedAt).toISOString(),
			liveVersion: row.liveVersion,
			pitchMinutes: row.pitchMinutes,
			questionsMinutes: row.questionsMinutes,
			startsAt: new Date(row.startsAt).toISOString(),
			room: row.room
		},
		round: {
			id: row.roundId,
			name: row.roundName,
			status: row.roundStatus as RoundStatus,
			scoresVisible: row.scoresVisible as ScoreVisibility,
			competitionName: row.competitionName
		},
		jury: { id: row.juryId, name: row.juryName },
		criteria: row.criteria.map((c) => ({
			id: c.id,
			code: c.code,
			name: c.name,
			weight: Number(c.weight),
			scaleMin: c.scaleMin,
			scaleMax: c.scaleMax,
			isRollOut: c.isRollOut,
			rubric: rubricOf(c.rubric)
		})),
		slots: row.slots.map((s): StageSlot => ({
			id: s.id,
			position: s.position ?? 0,
			kind: s.kind as SlotKind,
			ideaId: s.ideaId,
			title: s.title,
			departmentName: s.departmentName,
			team: s.team ?? [],
			startsAt: new Date(s.startsAt).toISOString(),
			endsAt: new Date(s.endsAt).toISOString()
		})),
		members: row.members.map((m) => ({ userId: m.userId, name: m.name, isChair: m.isChair, conflicted: !!m.conflicted })),
		sheets: row.sheets.map((h) => ({
			jurorId: h.jurorId,
			version: h.version,
			submittedAt: h.submittedAt === null ? null : new Date(h.submittedAt).toISOString(),
			scores: h.scores
		}))
	};
}

/** The whole state of one session, one statement; undefined when there is no such session. */
export async function loadLiveState(db: Database, sessionId: number): Promise<LiveState | undefined> {
	const row = await q.loadLiveStateRow(db, sessionId);
	return row && toLiveState(row);
}

/** Who this actor is to the session, through the policy; null for a stranger (404). */
export function viewerOf(actor: Actor, state: LiveState): (Viewer & { mayChair: boolean; mayFollow: boolean }) | null {
	const me = state.members.find((m) => m.userId === actor.id);
	const facts = { onJury: !!me, isJuryChair: !!me?.isChair };
	const mayChair = canOnSession(actor, 'chair', facts);
	const mayFollow = canOnSession(actor, 'follow', facts);
	if (!mayChair && !mayFollow) return null;
	return { userId: actor.id, isOrganiser: canOnSession(actor, 'chair', { onJury: false, isJuryChair: false }), mayChair, mayFollow };
}

/** The session page: the state (one statement) and this actor's view of it. */
export async function getLiveSession(db: Database, actor: Actor, sessionId: number) {
	const state = await loadLiveState(db, sessionId);
	if (!state) throw notFound();
	const viewer = viewerOf(actor, state);
	if (!viewer) throw notFound();
	const view = viewFor(state, viewer)!;
	return { state, viewer, view, criteria: state.criteria };
}

export type LivePageData = Awaited<ReturnType<typeof getLiveSession>>;

/**
 * One chair move in one transaction: the facts (session, round, the actor's seat), the
 * version-checked update (which also announces the change on commit) and the audit line.
 * Three statements (a fourth, on refusal only, to say why). A stale version, a wrong state or a closed round changes nothing.
 */
export async function moveLiveSession(db: Database, actor: Actor, sessionId: number, move: q.ChairMove, expectedVersion: number) {
	const done = await db.transaction().execute(async (tx) => {
		const facts = await q.findSessionFacts(tx, sessionId, actor.id);
		if (!facts || !canOnSession(actor, 'chair', { onJury: facts.onJury, isJuryChair: facts.isJuryChair })) throw notFound();
		const moved = await q.moveSession(tx, sessionId, move, expectedVersion);
		if (!moved) {
			// Why: read again, since a concurrent move (a second tab) may have committed while this one waited.
			const now = (await q.findSessionFacts(tx, sessionId, actor.id)) ?? facts;
			if (now.liveVersion !== expectedVersion) throw liveStale();
			if (move === 'start' && now.roundStatus !== 'open') throw roundLocked();
			if (move === 'start' && now.status === 'planned') throw noPitch();
			if (move === 'next' && now.status === 'live') throw noNext();
			throw liveStale();
		}
		await recordAudit(tx, {
			actorId: actor.id,
			action: `live.${move}`,
			objectType: 'pitch_session',
			objectId: sessionId,
			data: { version: moved.liveVersion, slotId: moved.currentSlotId }
		});
		return moved;
	});
	announceCommitted(sessionId);
	return done;
}

export type ChairMove = q.ChairMove;

export type TapBatch = { taps: q.TapInput[]; submits: number[] };

/**
 * A juror's batch of taps and submits: one transaction of two statements (the juror's tap
 * lock, then applyTapBatch, which checks every fact itself and announces a change); on the
 * embedded database (`oneConnection`) the one statement alone. A
 * refused tap is answered (and acknowledged) with its reason; a session the actor does not
 * sit on is 404.
 */
export async function sendTaps(db: Database, actor: Actor, sessionId: number, batch: TapBatch, options: { oneConnection?: boolean } = {}) {
	// On the embedded database (one connection, every statement in turn) the batch's one
	// statement is already alone: no transaction, no lock.
	const result = options.oneConnection
		? await q.applyTapBatch(db, sessionId, actor.id, batch.taps, batch.submits)
		: await db.transaction().execute(async (tx) => {
				await q.lockJurorTaps(tx, actor.id);
				return q.applyTapBatch(tx, sessionId, actor.id, batch.taps, batch.submits);
			});
	if (result.roundStatus === null) throw notFound();
	const notOnJury = [...result.taps, ...result.submits].some((t) => t.reason === 'not_on_jury');
	if (notOnJury && !canOnSession(actor, 'follow', { onJury: false, isJuryChair: false })) throw notFound();
	if (result.changed) announceCommitted(sessionId);
	return result;
}

/**
 * The juror's pitch sessions for the jury home: live ones and those planned from today on,
 * each with whether the juror chairs its jury. One statement; none for someone who is not a juror.
 */
export async function listJurorSessions(db: Database, actor: Actor) {
	if (!can(actor, 'jury.score')) return [];
	return q.listJurorSessions(db, actor.id);
}
