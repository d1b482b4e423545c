/**
 * The team's side of pitch day (issue 14): when and where they present, as they were told
 * (the last published plan), a calendar file of it, and "When can't you present?" — the
 * times the organiser's "Plan for me" keeps clear of.
 */
import type { Database } from '../db/index.js';
import { can, canOnTeamPitch, type Actor, type TeamPitchAction } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { renderIcs, slotUid, type IcsEvent } from './ics.js';
import type { UnavailabilityInput } from './team-pitch.schema.js';
import * as q from './team-pitch.queries.js';
import type { OpenEntryRow } from './team-pitch.queries.js';

/** Statuses in which an idea is on its way to a pitch (or presenting): its team may say when it cannot. */
export const PITCH_STATUSES = ['accepted', 'coaching', 'semi_final', 'finalist'] as const;

/**
 * Why the unavailable times can no longer change, or null while they can. They matter only
 * until the idea has presented: refused once its session in a running round is live or over,
 * once the semi-final it is in has closed (status still semi_final, no round running), or
 * when the idea is out of the running (not advanced, winner, withdrawn, ...).
 *
 * Example: a finalist whose semi-final closed and who is not yet entered in the final may
 * still change them (the final is planned next); a semi-finalist whose session is live may not.
 */
export function unavailabilityLock(status: string, openEntries: readonly Pick<OpenEntryRow, 'sessionStatus'>[]): string | null {
	if (!(PITCH_STATUSES as readonly string[]).includes(status)) return 'pitch_team_not_in_play';
	if (openEntries.some((e) => e.sessionStatus === 'live' || e.sessionStatus === 'ended')) return 'pitch_team_session_started';
	if (status === 'semi_final' && openEntries.length === 0) return 'pitch_team_round_closed';
	return null;
}

const at = (value: Date | string) => new Date(value);
const atOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

async function loadTeamPitch(db: Database, actor: Actor, ideaId: number, action: TeamPitchAction, lock = false) {
	const row = await q.findTeamPitch(db, ideaId, actor.id, lock);
	if (!row || !canOnTeamPitch(actor, 'view', row)) throw notFound();
	if (!canOnTeamPitch(actor, action, row)) throw new DomainError('not_allowed', 'Only the team and its mentor change these times.', 403);
	return row;
}

/**
 * The page: the idea's slots as the team was told them (a slot never published shows as "not
 * published yet"; an organiser also sees where the plan moved since), the unavailable times
 * and whether they may still change. One statement.
 */
export async function getTeamPitch(db: Database, actor: Actor, ideaId: number) {
	const row = await loadTeamPitch(db, actor, ideaId, 'view');
	const lock = unavailabilityLock(row.status, row.openEntries);
	const organiser = can(actor, 'competition.manage');
	return {
		idea: { id: row.id, title: row.title, status: row.status, competitionName: row.competitionName },
		slots: row.slots.map((s) => {
			const told = s.toldAt !== null && s.toldStartsAt !== null && s.toldEndsAt !== null;
			return {
				id: s.id,
				sessionId: s.sessionId,
				roundName: s.roundName,
				juryName: s.juryName,
				sessionStatus: s.sessionStatus,
				pitchMinutes: s.pitchMinutes,
				questionsMinutes: s.questionsMinutes,
				published: told,
				toldAt: atOrNull(s.toldAt),
				startsAt: told ? at(s.toldStartsAt!) : null,
				endsAt: told ? at(s.toldEndsAt!) : null,
				location: told ? (s.toldLocation ?? '') : null,
				/** Where the plan has it now, when that differs from what the team was told (organisers only). */
				planned:
					organiser && (!told || at(s.startsAt).getTime() !== at(s.toldStartsAt!).getTime() || s.location !== s.toldLocation)
						? { startsAt: at(s.startsAt), endsAt: at(s.endsAt), location: s.location }
						: null
			};
		}),
		unavailable: row.unavailable.map((u) => ({
			id: u.id,
			startsAt: at(u.startsAt),
			endsAt: at(u.endsAt),
			note: u.note,
			createdByName: u.createdByName
		})),
		can: { edit: canOnTeamPitch(actor, 'editUnavailability', row) && lock === null },
		lock,
		hasCalendar: row.slots.some((s) => s.toldAt !== null)
	};
}

export type TeamPitch = Awaited<ReturnType<typeof getTeamPitch>>;

/**
 * A time the team cannot present. In one transaction with the idea's row locked: the same
 * range twice (a double click, a second tab) is stored once; a range that overlaps another is
 * refused beside the field; the until must be in the future. Two statements: the idea with its
 * lock, then the row and its timeline event together.
 */
export async function addUnavailability(db: Database, actor: Actor, ideaId: number, input: UnavailabilityInput, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const row = await loadTeamPitch(trx, actor, ideaId, 'editUnavailability', true);
		const lock = unavailabilityLock(row.status, row.openEntries);
		if (lock) throw new DomainError(lock, 'These times can no longer change.', 409);
		if (input.endsAt.getTime() <= now.getTime()) throw new FieldErrors({ endsAt: ['pitch_team_in_past'] });
		const same = row.unavailable.find(
			(u) => at(u.startsAt).getTime() === input.startsAt.getTime() && at(u.endsAt).getTime() === input.endsAt.getTime()
		);
		if (same) return { id: same.id, created: false };
		const overlap = row.unavailable.some((u) => at(u.startsAt) < input.endsAt && at(u.endsAt) > input.startsAt);
		if (overlap) throw new FieldErrors({ startsAt: ['pitch_team_overlap'] });
		return q.insertUnavailability(trx, { ideaId, ...input, createdBy: actor.id });
	});
}

/** Removes one unavailable time. Gone already (a double click, another tab): nothing changes, and that is fine. */
export async function removeUnavailability(db: Database, actor: Actor, ideaId: number, unavailabilityId: number) {
	return db.transaction().execute(async (trx) => {
		const row = await loadTeamPitch(trx, actor, ideaId, 'editUnavailability', true);
		const lock = unavailabilityLock(row.status, row.openEntries);
		if (lock) throw new DomainError(lock, 'These times can no longer change.', 409);
		return { removed: await q.deleteUnavailability(trx, ideaId, unavailabilityId, actor.id) };
	});
}

/**
 * The calendar file of the idea's slots as published (METHOD PUBLISH: a copy for the team's
 * own calendar, updated in place by a later download since UID and SEQUENCE are the slot's).
 * Not found while nothing has been published. One statement.
 */
export async function getTeamPitchIcs(
	db: Database,
	actor: Actor,
	ideaId: number,
	words: {
		summary: (s: { title: string; roundName: string }) => string;
		description: (s: { pitchMinutes: number; questionsMinutes: number; juryName: string }) => string;
	},
	origin: string
): Promise<{ fileName: string; body: string }> {
	const row = await loadTeamPitch(db, actor, ideaId, 'view');
	const events: IcsEvent[] = row.slots
		.filter((s) => s.toldAt !== null && s.toldStartsAt !== null && s.toldEndsAt !== null)
		.map((s) => ({
			uid: slotUid(s.id),
			sequence: s.icsSequence,
			startsAt: at(s.toldStartsAt!),
			endsAt: at(s.toldEndsAt!),
			summary: words.summary({ title: row.title, roundName: s.roundName }),
			description: words.description(s),
			location: s.toldLocation ?? '',
			url: `${origin}/ideas/${row.id}/pitch`
		}));
	if (!events.length) throw notFound();
	return { fileName: `pitch-${row.id}.ics`, body: renderIcs(events, 'PUBLISH') };
}
