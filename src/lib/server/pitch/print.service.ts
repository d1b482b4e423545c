/**
 * The printable agenda and jury booklet of a pitch session (issue 14). Organisers (who plan
 * it) and the members of the session's jury (who follow it) may open them; anyone else gets
 * 404. A juror sees a session only once its plan is published: before that the order may
 * still change, and an organiser prints the draft (marked as one).
 */
import type { Database } from '../db/index.js';
import { canOnSession, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { rubricOf, withWeightPercent } from '../../domain/rubric.js';
import { findSessionPrint } from './print.queries.js';

export type PrintKind = 'agenda' | 'booklet';

const at = (value: Date | string | null) => (value === null ? null : new Date(value));

/** One statement: the session, its jury, its ordered slots and (booklet) the ideas' texts and the criteria. */
export async function getSessionPrint(db: Database, actor: Actor, sessionId: number, kind: PrintKind) {
	const row = await findSessionPrint(db, sessionId, actor.id, kind === 'booklet');
	if (!row) throw notFound();
	const facts = { onJury: row.onJury, isJuryChair: row.isJuryChair };
	const plans = canOnSession(actor, 'plan', facts);
	const follows = canOnSession(actor, 'follow', facts);
	if (!plans && !(follows && row.publishedAt)) throw notFound();
	const slots = row.slots.map((s) => ({
		id: s.id,
		position: s.position,
		kind: s.kind === 'break' ? ('break' as const) : ('pitch' as const),
		startsAt: new Date(s.startsAt),
		endsAt: new Date(s.endsAt),
		idea:
			s.ideaId === null
				? null
				: {
						id: s.ideaId,
						title: s.title ?? '',
						departmentName: s.departmentName ?? '',
						departmentNameNl: s.departmentNameNl ?? s.departmentName ?? '',
						processAreaEn: s.processAreaEn,
						processAreaNl: s.processAreaNl,
						team: s.team ?? [],
						mentorName: s.mentorName,
						readyAt: at(s.readyAt),
						problem: s.problem ?? '',
						proposal: s.proposal ?? ''
					}
	}));
	const last = slots.at(-1);
	return {
		kind,
		session: {
			id: row.id,
			startsAt: new Date(row.startsAt),
			endsAt: last ? last.endsAt : new Date(row.startsAt),
			room: row.room,
			slotMinutes: row.slotMinutes,
			pitchMinutes: row.pitchMinutes,
			questionsMinutes: row.questionsMinutes,
			planVersion: row.planVersion,
			publishedAt: at(row.publishedAt),
			status: row.status
		},
		round: {
			id: row.roundId,
			name: row.roundName,
			status: row.roundStatus,
			competitionId: row.competitionId,
			competitionName: row.competitionName
		},
		jury: {
			name: row.juryName,
			departmentName: row.juryDepartmentName,
			departmentNameNl: row.juryDepartmentNameNl ?? row.juryDepartmentName,
			members: row.jurors.map((j) => ({ id: j.id, name: j.name, jobTitle: j.jobTitle, isChair: Boolean(j.isChair) }))
		},
		slots,
		pitchCount: slots.filter((s) => s.kind === 'pitch').length,
		criteria:
			kind === 'booklet'
				? withWeightPercent(row.criteria).map((c) => ({
						...c,
						rubric: rubricOf(c.rubric)
					}))
				: [],
		can: { plan: plans },
		/** Where "back" leads: the round's page for whoever plans, the jury's home for a juror. */
		back: plans ? `/organise/competitions/${row.competitionId}/rounds/${row.roundId}` : '/jury'
	};
}

export type SessionPrint = Awaited<ReturnType<typeof getSessionPrint>>;
