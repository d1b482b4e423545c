/**
 * Planning pitch day (issue 14): a round's sessions, each one sitting of one jury, and the
 * planner of one session: its settings, the order of its pitches and breaks, "Plan for me",
 * and publishing the plan to the teams and the jurors with calendar invitations.
 *
 * Rules every change follows:
 * - organisers only (`canOnSession(actor, 'plan')`); anyone else finds nothing (404);
 * - one transaction that first locks the session's row, then reads the whole plan (a statement
 *   of its own: on PostgreSQL a read that waited for the lock would see the plan as it was
 *   before the change it waited for); the plan's
 *   fingerprint (`version`) must be the one the page read, else "the plan changed, reload"
 *   and nothing changes (two tabs, a double click);
 * - refused once the session is live or ended, or the round is closed;
 * - the order ends in one statement that writes every row's position (1..n) and times;
 * - audited, by the change's own last statement. At most four statements each: with the
 *   request's session lookup, five.
 * Publishing tells only what changed since the teams were last told (`told_*`), raising the
 * invitation's SEQUENCE; a told slot that is removed tells its team at once (CANCEL).
 */
import { createHash } from 'node:crypto';
import type { Database, Db } from '../db/index.js';
import { canOnSession, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { insertNotificationRows } from '../notifications/notifications.queries.js';
import { itemTimes, juryShort, moveItem, overlaps, planSession, type PlanIdea, type TimedItem } from '../../domain/pitch-plan.js';
import * as q from './sessions.queries.js';
import type { AddBreakInput, MoveInput, NewSessionInput, SessionSettingsInput } from './sessions.schema.js';
import { sessionUid, slotUid } from './ics.js';

const refuse = (code: string, message: string) => new DomainError(code, message, 409);

function requirePlanner(actor: Actor) {
	if (!canOnSession(actor, 'plan', { onJury: false, isJuryChair: false })) throw notFound();
}

const CLOSED_ROUND = ['closed', 'published'];

// ---------------------------------------------------------------- the round's sessions

/** The sessions page: the round, per jury its sessions. One statement. */
export async function listRoundSessions(db: Database, actor: Actor, roundId: number) {
	requirePlanner(actor);
	const data = await q.loadRoundSessions(db, roundId);
	if (!data) throw notFound();
	return {
		round: data.round,
		editable: !CLOSED_ROUND.includes(data.round.status),
		juries: data.juries.map((j) => ({ ...j, sessions: data.sessions.filter((s) => s.juryId === j.id) }))
	};
}

/**
 * A new session for one of the round's juries. The same jury at the same moment twice (a
 * double click, a second tab) gives the session made first. Three statements (the round's
 * facts, the jury locked, the session with its audit line).
 */
export async function createSession(db: Database, actor: Actor, roundId: number, input: NewSessionInput) {
	requirePlanner(actor);
	return db.transaction().execute(async (trx) => {
		const facts = await q.lockJury(trx, roundId, input.juryId);
		if (!facts) throw notFound();
		if (CLOSED_ROUND.includes(facts.roundStatus)) throw refuse('pitch_plan_round_closed', 'This round is closed.');
		if (!facts.isRounds) throw new FieldErrors({ juryId: ['pitch_plan_unknown_jury'] });
		return q.insertSession(
			trx,
			{ ...input, roundId, createdBy: actor.id },
			{
				action: 'pitch.session_created',
				data: { roundId, juryId: input.juryId, startsAt: input.startsAt.toISOString(), room: input.room }
			}
		);
	});
}

// ---------------------------------------------------------------- one session's planner

/** The plan's fingerprint: the settings, the publication and the order. A page posts it back. */
export function planVersion(plan: q.PlanRecord): string {
	const s = plan.session;
	const text = JSON.stringify([
		s.startsAt.toISOString(),
		s.room,
		s.slotMinutes,
		s.pitchMinutes,
		s.questionsMinutes,
		s.planVersion,
		s.status,
		plan.slots.map((p) => [p.id, p.kind, p.ideaId, p.startsAt.getTime(), p.endsAt.getTime(), p.toldAt?.getTime() ?? null])
	]);
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const minutesOf = (slot: { startsAt: Date; endsAt: Date }) => Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);

/** What a slot's team was told differs from the plan (or it was never told). */
function slotChange(slot: q.PlanSlot): 'new' | 'changed' | null {
	if (slot.kind !== 'pitch') return null;
	if (!slot.toldAt) return 'new';
	const same =
		slot.toldStartsAt?.getTime() === slot.startsAt.getTime() &&
		slot.toldEndsAt?.getTime() === slot.endsAt.getTime() &&
		slot.toldLocation === slot.location;
	return same ? null : 'changed';
}

const interval = (pair: [string, string]) => [new Date(pair[0]), new Date(pair[1])] as const;

/**
 * The planner page: the session, its ordered items with their warnings (the team cannot make
 * the time; the jury is short for the idea), the jury's ideas not yet planned (ready, or not
 * ready: "add anyway"), and what publishing would tell. Three statements.
 */
export async function getPlanner(db: Database, actor: Actor, sessionId: number) {
	requirePlanner(actor);
	const plan = await q.loadPlan(db, sessionId);
	if (!plan) throw notFound();
	const [candidates, conflicts] = await Promise.all([
		q.listCandidates(db, plan.session.roundId, plan.session.juryId),
		q.countConflicts(db, sessionId)
	]);
	const jurySize = plan.jury.members.length;
	const items = plan.slots.map((slot) => {
		const conflicted = slot.ideaId === null ? 0 : (conflicts.get(slot.ideaId) ?? 0);
		return {
			...slot,
			minutes: minutesOf(slot),
			unavailableNow: slot.unavailable.some((u) => overlaps(interval(u), [slot.startsAt, slot.endsAt])),
			conflicted,
			juryShort: slot.kind === 'pitch' && juryShort(jurySize, conflicted),
			change: slotChange(slot)
		};
	});
	const changes = items.filter((i) => i.change !== null).length;
	return {
		session: plan.session,
		round: plan.round,
		jury: { id: plan.jury.id, name: plan.jury.name, departmentId: plan.jury.departmentId, size: jurySize },
		items,
		ready: candidates.filter((c) => c.ready),
		notReady: candidates.filter((c) => !c.ready),
		version: planVersion(plan),
		locked: plan.session.status !== 'planned' ? 'session' : CLOSED_ROUND.includes(plan.round.status) ? 'round' : null,
		/** Slots whose team would be told (new or changed), and whether the jurors would be. */
		publish: {
			changes,
			removed: plan.removedSincePublished,
			pending: changes > 0 || plan.removedSincePublished || !plan.session.publishedAt
		}
	};
}

type Settings = { startsAt: Date; slotMinutes: number; room: string };

/** Positions 1..n and times for an order of existing rows (breaks keep their minutes). */
function timesFor(settings: Settings, order: readonly { id: number; kind: 'pitch' | 'break'; minutes: number }[]): q.SlotTimes[] {
	const times = itemTimes(
		settings.startsAt,
		settings.slotMinutes,
		order.map((o): TimedItem => (o.kind === 'pitch' ? { kind: 'pitch' } : { kind: 'break', minutes: o.minutes }))
	);
	return order.map((o, i) => ({ id: o.id, position: i + 1, ...times[i] }));
}

const orderOf = (plan: q.PlanRecord) => plan.slots.map((s) => ({ id: s.id, kind: s.kind, minutes: minutesOf(s) }));

/**
 * One change of a session's plan: organisers only, in a transaction, on the locked plan at
 * the version the page read, while the session is planned and the round not closed.
 */
async function change<T>(
	db: Database,
	actor: Actor,
	where: { roundId: number; sessionId: number; version: string },
	work: (trx: Db, plan: q.PlanRecord & { candidates: q.Candidate[] }) => Promise<T>,
	options: { candidates?: boolean } = {}
): Promise<T> {
	requirePlanner(actor);
	return db.transaction().execute(async (trx) => {
		if (!(await q.lockSession(trx, where.sessionId))) throw notFound();
		const plan = await q.loadPlan(trx, where.sessionId, options);
		if (!plan || plan.session.roundId !== where.roundId) throw notFound();
		if (plan.session.status !== 'planned') throw refuse('pitch_plan_session_started', 'This session is live or over.');
		if (CLOSED_ROUND.includes(plan.round.status)) throw refuse('pitch_plan_round_closed', 'This round is closed.');
		if (planVersion(plan) !== where.version) throw refuse('pitch_plan_stale', 'The plan changed in the meantime.');
		return work(trx, plan);
	});
}

/** The change's audit line, written by its last statement. */
const audit = (actor: Actor, sessionId: number, action: string, data: Record<string, unknown>): q.AuditLine => ({
	actorId: actor.id,
	action: `pitch.${action}`,
	sessionId,
	data
});

type Where = { roundId: number; sessionId: number };

export function updateSessionSettings(db: Database, actor: Actor, where: Where, input: SessionSettingsInput) {
	const { version, ...settings } = input;
	return change(db, actor, { ...where, version }, async (trx, plan) => {
		await q.writeOrder(trx, plan.session.id, timesFor(settings, orderOf(plan)), {
			settings,
			location: settings.room,
			audit: audit(actor, plan.session.id, 'session_updated', { ...settings, startsAt: settings.startsAt.toISOString() })
		});
	});
}

/**
 * Plan for me: the session's ideas and the jury's ready ideas not yet planned, ordered by the
 * pure planner (departments together, clear of the teams' unavailable times); breaks stay
 * after the same number of pitches. Four statements (lock, plan with candidates, place, order).
 */
export function planForMe(db: Database, actor: Actor, where: Where & { version: string }) {
	return change(
		db,
		actor,
		where,
		async (trx, plan) => {
			const candidates = plan.candidates;
			const placed: PlanIdea[] = plan.slots
				.filter((s) => s.kind === 'pitch' && s.ideaId !== null)
				.map((s) => ({ ideaId: s.ideaId!, departmentId: s.departmentId, ready: true, unavailable: s.unavailable.map(interval) }));
			const fresh: PlanIdea[] = candidates.map((c) => ({
				ideaId: c.ideaId,
				departmentId: c.departmentId,
				ready: c.ready,
				unavailable: c.unavailable.map(interval)
			}));
			let pitchesSoFar = 0;
			const breakRows: { id: number; afterPitches: number; minutes: number }[] = [];
			for (const s of plan.slots) {
				if (s.kind === 'pitch') pitchesSoFar++;
				else breakRows.push({ id: s.id, afterPitches: pitchesSoFar, minutes: minutesOf(s) });
			}
			const result = planSession([...placed, ...fresh], {
				startsAt: plan.session.startsAt,
				slotMinutes: plan.session.slotMinutes,
				breaks: breakRows
			});
			const slotByIdea = new Map(plan.slots.filter((s) => s.ideaId !== null).map((s) => [s.ideaId!, s.id]));
			const existing: q.SlotTimes[] = [];
			const added: { ideaId: number; position: number; startsAt: Date; endsAt: Date }[] = [];
			let b = 0;
			result.items.forEach((item, i) => {
				const row = { position: i + 1, startsAt: item.startsAt, endsAt: item.endsAt };
				if (item.kind === 'break') existing.push({ id: breakRows[b++].id, ...row });
				else if (slotByIdea.has(item.ideaId)) existing.push({ id: slotByIdea.get(item.ideaId)!, ...row });
				else added.push({ ideaId: item.ideaId, ...row });
			});
			const made = await q.placeIdeas(
				trx,
				{ id: plan.session.id, roundId: plan.session.roundId, juryId: plan.session.juryId, location: plan.session.room },
				added
			);
			if (made.length !== added.length) throw refuse('pitch_plan_stale', 'The plan changed in the meantime.');
			await q.writeOrder(trx, plan.session.id, existing, {
				audit: audit(actor, plan.session.id, 'planned_for_me', {
					order: result.order,
					added: added.map((a) => a.ideaId),
					notReady: result.notReady,
					warnings: result.warnings
				})
			});
			return { added: added.length, notReady: result.notReady.length, unavailable: result.warnings.length };
		},
		{ candidates: true }
	);
}

/** Earlier / later (one step) or to a position (drag and drop). Three statements (lock, plan, order). */
export function moveSlot(db: Database, actor: Actor, where: Where, input: MoveInput) {
	return change(db, actor, { ...where, version: input.version }, async (trx, plan) => {
		const order = orderOf(plan);
		if (!order.some((o) => o.id === input.slotId)) throw refuse('pitch_plan_stale', 'The plan changed in the meantime.');
		const ids = moveItem(
			order.map((o) => o.id),
			input.slotId,
			input.to
		);
		const byId = new Map(order.map((o) => [o.id, o]));
		await q.writeOrder(
			trx,
			plan.session.id,
			timesFor(
				plan.session,
				ids.map((id) => byId.get(id)!)
			),
			{ audit: audit(actor, plan.session.id, 'slot_moved', { slotId: input.slotId, to: input.to, order: ids }) }
		);
	});
}

/** A break after an item (or first). Four statements (lock, plan, break, order). */
export function addBreak(db: Database, actor: Actor, where: Where, input: AddBreakInput) {
	return change(db, actor, { ...where, version: input.version }, async (trx, plan) => {
		const order = orderOf(plan);
		const at = input.afterSlotId === null ? 0 : order.findIndex((o) => o.id === input.afterSlotId) + 1;
		if (at === 0 && input.afterSlotId !== null) throw refuse('pitch_plan_stale', 'The plan changed in the meantime.');
		const provisional = { startsAt: plan.session.startsAt, endsAt: new Date(plan.session.startsAt.getTime() + input.minutes * 60_000) };
		const made = await q.insertBreak(trx, {
			roundId: plan.session.roundId,
			sessionId: plan.session.id,
			position: order.length + 1,
			location: plan.session.room,
			...provisional
		});
		order.splice(at, 0, { id: made.id, kind: 'break', minutes: input.minutes });
		await q.writeOrder(trx, plan.session.id, timesFor(plan.session, order), {
			audit: audit(actor, plan.session.id, 'break_added', { slotId: made.id, afterSlotId: input.afterSlotId, minutes: input.minutes })
		});
	});
}

/**
 * A break or an idea out of the plan; the items after it move up. A slot its team was told
 * about is cancelled at once (their calendar's invitation, METHOD:CANCEL). Three statements, four with the cancellation.
 */
export function removeSlot(db: Database, actor: Actor, where: Where, input: { version: string; slotId: number }) {
	return change(db, actor, { ...where, version: input.version }, async (trx, plan) => {
		const slot = plan.slots.find((s) => s.id === input.slotId);
		if (!slot) throw refuse('pitch_plan_stale', 'The plan changed in the meantime.');
		const order = orderOf(plan).filter((o) => o.id !== slot.id);
		const told = slot.kind === 'pitch' && slot.toldAt !== null;
		await q.writeOrder(trx, plan.session.id, timesFor(plan.session, order), {
			deleteId: slot.id,
			audit: audit(actor, plan.session.id, 'slot_removed', { slotId: slot.id, kind: slot.kind, ideaId: slot.ideaId, told })
		});
		if (told && slot.ideaId !== null) {
			const params = {
				...slotParams(plan, slot, {
					startsAt: slot.toldStartsAt ?? slot.startsAt,
					endsAt: slot.toldEndsAt ?? slot.endsAt,
					location: slot.toldLocation ?? slot.location
				}),
				sequence: slot.icsSequence + 1,
				method: 'CANCEL'
			};
			await insertNotificationRows(
				trx,
				slot.team.map((userId) => ({ userId, kind: 'pitch_slot_cancelled', params, link: `/ideas/${slot.ideaId}/pitch` }))
			);
		}
	});
}

/** An idea of the jury that is not planned yet, at the end ("add anyway" for one not ready). Three statements. */
export function addIdea(db: Database, actor: Actor, where: Where, input: { version: string; ideaId: number }) {
	return change(db, actor, { ...where, version: input.version }, async (trx, plan) => {
		const last = plan.slots.at(-1);
		const startsAt = last ? last.endsAt : plan.session.startsAt;
		const made = await q.placeIdeas(
			trx,
			{ id: plan.session.id, roundId: plan.session.roundId, juryId: plan.session.juryId, location: plan.session.room },
			[
				{
					ideaId: input.ideaId,
					position: plan.slots.length + 1,
					startsAt,
					endsAt: new Date(startsAt.getTime() + plan.session.slotMinutes * 60_000)
				}
			],
			audit(actor, plan.session.id, 'idea_added', { ideaId: input.ideaId })
		);
		// Nothing placed: refused, and the transaction (with its audit line) rolls back.
		if (!made.length) throw refuse('pitch_plan_not_placeable', 'That idea is not an entry of this jury, or has a slot already.');
	});
}

/** What a slot's notification carries: everything its calendar invitation needs (rendered later). */
function slotParams(plan: q.PlanRecord, slot: q.PlanSlot, when: { startsAt: Date; endsAt: Date; location: string }) {
	return {
		title: slot.title ?? '',
		ideaId: slot.ideaId,
		round: plan.round.name,
		competition: plan.round.competitionName,
		sessionId: plan.session.id,
		slotId: slot.id,
		uid: slotUid(slot.id),
		startsAt: when.startsAt.toISOString(),
		endsAt: when.endsAt.toISOString(),
		location: when.location,
		pitchMinutes: plan.session.pitchMinutes,
		questionsMinutes: plan.session.questionsMinutes
	};
}

/**
 * Publish the plan: plan_version + 1; each pitch slot whose time or room differs from what its
 * team was told (or that was never told) tells its team (`pitch_slot_planned` the first time,
 * `pitch_slot_changed` after, SEQUENCE raised), and the jurors get the session's invitation
 * (`pitch_session_planned` / `pitch_session_changed`). Nothing changed: nothing is sent and
 * the version stays. Four statements, however many slots (lock, plan, told, notifications).
 */
export function publishPlan(db: Database, actor: Actor, where: Where & { version: string }) {
	return change(db, actor, where, async (trx, plan) => {
		const pitches = plan.slots.filter((s) => s.kind === 'pitch' && s.ideaId !== null);
		if (!pitches.length) throw refuse('pitch_plan_empty', 'There is nothing to publish yet.');
		const changed = pitches.map((slot) => ({ slot, change: slotChange(slot) })).filter((c) => c.change !== null);
		const first = plan.session.publishedAt === null;
		if (!first && !changed.length && !plan.removedSincePublished) return { teams: 0, jurors: 0, unchanged: true };

		const told = changed.map(({ slot, change }) => ({ id: slot.id, sequence: change === 'new' ? slot.icsSequence : slot.icsSequence + 1 }));
		const sequenceOf = new Map(told.map((t) => [t.id, t.sequence]));
		const rows: { userId: number; kind: string; params: Record<string, unknown>; link: string | null }[] = [];
		for (const { slot, change } of changed) {
			const params = { ...slotParams(plan, slot, slot), sequence: sequenceOf.get(slot.id)!, method: 'REQUEST' };
			const kind = change === 'new' ? 'pitch_slot_planned' : 'pitch_slot_changed';
			for (const userId of slot.team) rows.push({ userId, kind, params, link: `/ideas/${slot.ideaId}/pitch` });
		}
		const version = plan.session.planVersion + 1;
		const last = plan.slots.at(-1)!;
		const sessionParams = {
			round: plan.round.name,
			competition: plan.round.competitionName,
			jury: plan.jury.name,
			sessionId: plan.session.id,
			uid: sessionUid(plan.session.id),
			sequence: version,
			method: 'REQUEST',
			startsAt: plan.session.startsAt.toISOString(),
			endsAt: last.endsAt.toISOString(),
			location: plan.session.room,
			slots: plan.slots.map((s) => ({
				kind: s.kind,
				title: s.title ?? '',
				startsAt: s.startsAt.toISOString(),
				endsAt: s.endsAt.toISOString()
			}))
		};
		const jurorKind = first ? 'pitch_session_planned' : 'pitch_session_changed';
		for (const userId of plan.jury.members)
			rows.push({ userId, kind: jurorKind, params: sessionParams, link: `/sessions/${plan.session.id}` });

		await q.markPublished(
			trx,
			plan.session.id,
			told,
			audit(actor, plan.session.id, 'published', { planVersion: version, told: told.map((t) => t.id), jurors: plan.jury.members.length })
		);
		await insertNotificationRows(trx, rows);
		return { teams: changed.length, jurors: plan.jury.members.length, unchanged: false };
	});
}
