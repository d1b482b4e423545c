/**
 * Judging, seen from the organiser, up to the moment scoring opens: the rounds of a
 * competition (ASML's template: a semi-final per department judged by its MT, a final by
 * higher management), their settings, criteria, juries and entries, and opening the round.
 * Every write is audited. What follows (closing, advancement, publishing, the export) is
 * round-results.service.ts.
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { moveIdeas } from '../ideas/ideas.service.js';
import { DEFAULT_CRITERIA } from '../../domain/criteria.js';
import { roundTemplateAllowed } from '../../domain/competition-status.js';
import { rubricOf, withWeightPercent } from '../../domain/rubric.js';
import { loadRoundRecord } from '../scoring/round-record.js';
import { recordAutoConflicts } from '../scoring/jury-sheet.service.js';
import * as rq from '../scoring/round.queries.js';
import { updateRoundStatus } from './round-results.queries.js';
import * as q from './round-setup.queries.js';
import type { CriterionForm, RoundSettingsInput } from './round-setup.schema.js';

function requireOrganiser(actor: Actor) {
	if (!can(actor, 'competition.manage')) throw notFound();
}

const refuse = (code: string, message: string, status: 400 | 409 = 409) => new DomainError(code, message, status);

/** The ideas a round takes: a final its finalists; another round accepted, coached or already semi-final ideas. */
const entryStatuses = (kind: string) => (kind === 'final' ? ['finalist'] : ['accepted', 'coaching', 'semi_final']);

// ---------------------------------------------------------------- competitions and rounds

export async function listCompetitionsForOrganiser(db: Database, actor: Actor) {
	requireOrganiser(actor);
	return q.listCompetitionsWithRounds(db);
}

export async function getCompetitionRounds(db: Database, actor: Actor, competitionId: number) {
	requireOrganiser(actor);
	const all = await q.listCompetitionsWithRounds(db);
	const competition = all.find((c) => c.id === competitionId);
	if (!competition) throw notFound();
	return { competition, templateAllowed: roundTemplateAllowed({ status: competition.status, roundCount: competition.rounds.length }) };
}

/**
 * ASML's template: a semi-final per eligible department, judged by that department's MT
 * (its management team as recorded first, then its managers and directors; editable afterwards), top 3 per department advancing; then a
 * final over the whole competition judged by higher management, decided by the organiser.
 * Both rounds get the default criteria. Only for a competition without rounds (domain/competition-status.ts).
 */
export async function createRoundsFromTemplate(db: Database, actor: Actor, competitionId: number) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		const competition = await q.lockCompetition(trx, competitionId);
		if (!competition) throw notFound();
		// Locked: a second click waits here, then finds the rounds the first one made.
		const start = (await q.maxRoundPosition(trx, competitionId)).n;
		if (!roundTemplateAllowed({ status: competition.status, roundCount: start })) {
			throw new DomainError('template_not_available', 'This competition already has its rounds.', 409);
		}
		const departments = await q.listEligibleDepartments(trx, competitionId);
		const mt = await q.listManagementOf(
			trx,
			departments.map((d) => d.id)
		);
		const top = await q.listManagementOf(trx, 'top');
		const semi = await q.insertRound(trx, {
			competitionId,
			position: start + 1,
			name: 'Semi-final',
			kind: 'semi_final',
			scope: 'department',
			advancementRule: 'top_n',
			advancementCount: 3,
			scoringOpensAt: null,
			scoringClosesAt: null
		});
		const final = await q.insertRound(trx, {
			competitionId,
			position: start + 2,
			name: 'Final',
			kind: 'final',
			scope: 'competition',
			advancementRule: 'manual',
			advancementCount: null,
			scoringOpensAt: null,
			scoringClosesAt: null
		});
		for (const roundId of [semi.id, final.id]) await q.replaceCriteria(trx, roundId, DEFAULT_CRITERIA);
		for (const d of departments) {
			const jury = await q.insertJury(trx, { roundId: semi.id, departmentId: d.id, name: `${d.name} MT` });
			await q.insertJuryMembers(
				trx,
				jury.id,
				mt.filter((u) => u.departmentId === d.id).map((u) => u.id)
			);
		}
		const finalJury = await q.insertJury(trx, { roundId: final.id, departmentId: null, name: 'Higher management' });
		await q.insertJuryMembers(
			trx,
			finalJury.id,
			top.map((u) => u.id)
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.template',
			objectType: 'competition',
			objectId: competitionId,
			data: { rounds: [semi.id, final.id] }
		});
		return { semiFinalId: semi.id, finalId: final.id };
	});
}

/**
 * Everything the round page shows an organiser: settings, criteria, juries (each member and
 * suggested juror with load and conflicts), entries, progress and the ranking. Three
 * statements: the stored round, the pickers, the jurors with load and conflicts.
 */
export async function getRoundAdmin(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	const data = await loadRoundRecord(db, roundId);
	const statuses = entryStatuses(data.round.kind);
	// While the outcomes wait to be confirmed, the page says where the ideas that advance will go.
	const deciding = data.round.status === 'closed' && data.entries.some((e) => e.outcome === null) && data.round.kind !== 'final';
	const [{ candidates, people }, jurors, next] = await Promise.all([
		q.listRoundPickers(
			db,
			data.round.competitionId,
			roundId,
			data.round.status === 'draft' || data.round.status === 'open' ? statuses : null
		),
		q.listJuryCandidates(db, roundId),
		deciding ? rq.peekNextRound(db, roundId) : Promise.resolve(undefined)
	]);
	const nextRound = next && {
		id: next.id,
		name: next.name,
		status: next.status,
		takesIdeas: next.status === 'draft' || next.status === 'open',
		/** The scopes of this round whose ideas would find no jury there. */
		missing:
			next.scope === 'competition'
				? next.juries.length
					? []
					: [next.name]
				: [...new Set(data.entries.filter((e) => !next.juries.some((j) => j.departmentId === e.departmentId)).map((e) => e.departmentName))]
	};
	const entryByIdea = new Map(data.entries.map((e) => [e.ideaId, e]));
	return {
		round: data.round,
		criteria: withWeightPercent(data.criteria).map((c) => ({ ...c, rubric: rubricOf(c.rubric) })),
		criteriaLocked: data.criteriaLocked,
		juries: data.juries.map((j) => {
			const rows = jurors.filter((c) => c.juryId === j.id);
			return {
				...j,
				entries: data.entries.filter((e) => e.juryId === j.id).length,
				/** The members with their load, conflicts (with why) and whether they left the company. */
				seats: rows.filter((c) => c.member),
				suggestions: rows.filter((c) => !c.member)
			};
		}),
		loadCap: data.round.jurorLoadCap,
		flaggedSeats: jurors.filter((c) => c.member && c.disabled).length,
		entries: data.entries,
		conflictCount: new Set(data.conflicts.map((c) => `${c.jurorId}:${c.ideaId}`)).size,
		results: {
			...data.results,
			scopes: data.results.scopes.map((s) => ({
				...s,
				rows: s.rows.map((r) => ({
					...r,
					outcome: entryByIdea.get(r.ideaId)?.outcome ?? null,
					outcomeReason: entryByIdea.get(r.ideaId)?.outcomeReason ?? null,
					status: entryByIdea.get(r.ideaId)?.status ?? ''
				}))
			}))
		},
		nextRound: nextRound ?? null,
		decided: data.entries.length > 0 && data.entries.every((e) => e.outcome !== null),
		anyDecided: data.entries.some((e) => e.outcome !== null),
		candidates,
		people
	};
}

/**
 * The round's settings, until its results are published. Its quotas per jury (scope) decide
 * only the proposal, so they change while the round is in preparation or open: once it is
 * closed, a changed quota is refused beside its field (the same ones again are fine). Four
 * statements: the round held with its juries and quotas, the round, the quotas, the audit.
 */
export async function updateRoundSettings(db: Database, actor: Actor, roundId: number, input: RoundSettingsInput) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const round = await q.lockRoundForSettings(trx, roundId);
		if (!round) throw notFound();
		if (round.status === 'published')
			throw refuse('round_published', 'The results of this round are published; its settings no longer change.');
		const { quotas, ...settings } = input;
		let quotaChange: { juryId: number; count: number }[] | null = null;
		if (quotas) {
			const juries = new Set(round.juries.map((j) => j.id));
			const errors: Record<string, string[]> = {};
			for (const quota of quotas) if (!juries.has(quota.juryId)) errors[`quota_${quota.juryId}`] = ['unknown_jury'];
			if (Object.keys(errors).length) throw new FieldErrors(errors);
			const wanted = quotas.filter((x): x is { juryId: number; count: number } => x.count !== null);
			const stored = new Map(round.quotas.map((x) => [x.juryId, x.count]));
			const changed = wanted.length !== stored.size || wanted.some((x) => stored.get(x.juryId) !== x.count);
			if (changed && round.status !== 'draft' && round.status !== 'open')
				throw new FieldErrors(Object.fromEntries(quotas.map((x) => [`quota_${x.juryId}`, ['quotas_locked']])));
			if (changed) quotaChange = wanted;
		}
		await q.updateRoundSettings(trx, roundId, settings);
		if (quotaChange) await q.replaceQuotas(trx, roundId, quotaChange);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.settings',
			objectType: 'round',
			objectId: roundId,
			data: { ...settings, ...(quotaChange ? { quotas: quotaChange } : {}) }
		});
	});
}

/**
 * Replace the round's criteria. Refused once any score exists in the round: the scores
 * would no longer mean what the jurors meant. The round row is locked FOR UPDATE, so a
 * save (which holds it FOR SHARE) cannot slip in between the check and the change.
 */
export async function saveCriteria(db: Database, actor: Actor, roundId: number, criteria: readonly CriterionForm[]) {
	requireOrganiser(actor);
	const errors: Record<string, string[]> = {};
	if (!criteria.length) errors._form = ['criteria_required'];
	if (criteria.filter((c) => c.isRollOut).length > 1) errors._form = ['one_roll_out'];
	const codes = new Set<string>();
	criteria.forEach((c, i) => {
		if (c.scaleMax <= c.scaleMin) errors[`c${i}_scaleMax`] = ['scale_empty'];
		if (codes.has(c.code)) errors[`c${i}_name`] = ['duplicate_criterion'];
		codes.add(c.code);
	});
	if (Object.keys(errors).length) throw new FieldErrors(errors);
	await db.transaction().execute(async (trx) => {
		const round = await rq.lockRoundWithScores(trx, roundId);
		if (!round) throw notFound();
		if (round.anyScore) throw refuse('criteria_locked', 'Scores exist in this round: its criteria can no longer change.');
		if (round.status === 'closed' || round.status === 'published') throw refuse('round_locked', 'This round is closed.');
		await q.replaceCriteria(trx, roundId, criteria);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.criteria',
			objectType: 'round',
			objectId: roundId,
			data: { criteria: criteria.map((c) => ({ code: c.code, weight: c.weight })) }
		});
	});
}

/**
 * Put a person on a jury. Refused for someone who left the company, and when their load
 * (ideas to score in rounds not yet closed, this jury's included) would pass the
 * competition's cap per juror. The person is told ('jury_added', to /jury).
 */
export async function addJuryMember(db: Database, actor: Actor, roundId: number, juryId: number, userId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		// Five statements: the round held with all it decides on, the seat, the conflicts, the word to the juror, the audit.
		const at = await q.lockJuryForMember(trx, roundId, juryId, userId);
		if (!at || at.juryRoundId !== roundId) throw notFound();
		if (at.status === 'closed' || at.status === 'published') throw refuse('round_locked', 'This round is closed.');
		if (at.personName === null || at.disabled) throw new FieldErrors({ userId: ['unknown_person'] });
		if (at.onJury) return;
		if (at.jurorLoadCap !== null && at.loadAfter !== null && at.loadAfter > at.jurorLoadCap)
			throw new DomainError(
				'juror_over_cap',
				`${at.personName} would have ${at.loadAfter} ideas to score in rounds not yet closed, above this competition's cap of ${at.jurorLoadCap} per juror.`,
				409
			);
		await q.insertJuryMembers(trx, juryId, [userId]);
		await recordAutoConflicts(trx, roundId);
		await insertNotifications(trx, [userId], {
			kind: 'jury_added',
			params: { round: `${at.competitionName} · ${at.roundName}` },
			link: '/jury'
		});
		await recordAudit(trx, { actorId: actor.id, action: 'jury.member_added', objectType: 'jury', objectId: juryId, data: { userId } });
	});
}

export async function removeJuryMember(db: Database, actor: Actor, roundId: number, juryId: number, userId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const round = await rq.lockRound(trx, roundId, 'update');
		const jury = await q.findJury(trx, juryId);
		if (!round || !jury || jury.roundId !== roundId) throw notFound();
		if (round.status === 'closed' || round.status === 'published') throw refuse('round_locked', 'This round is closed.');
		await q.deleteJuryMember(trx, juryId, userId);
		await recordAudit(trx, { actorId: actor.id, action: 'jury.member_removed', objectType: 'jury', objectId: juryId, data: { userId } });
	});
}

/**
 * Enter ideas in a round, each to the jury of its scope (its department's, or the one
 * jury of a competition-wide round). A semi-final moves an accepted or coached idea to
 * semi_final (an event on its timeline); a final takes finalists as they are.
 */
export async function enterIdeas(db: Database, actor: Actor, roundId: number, ideaIds: number[]) {
	requireOrganiser(actor);
	if (!ideaIds.length) throw new FieldErrors({ ideaIds: ['required'] });
	return db.transaction().execute(async (trx) => {
		const locked = await rq.lockRound(trx, roundId, 'update');
		const round = await rq.findRound(trx, roundId);
		if (!locked || !round) throw notFound();
		if (round.status !== 'draft' && round.status !== 'open') throw refuse('round_locked', 'This round is closed.');
		const [ideas, juries] = await Promise.all([q.findIdeasForEntry(trx, ideaIds), rq.listJuries(trx, roundId)]);
		const rows: { ideaId: number; juryId: number }[] = [];
		const moving: number[] = [];
		const allowed = entryStatuses(round.kind);
		for (const idea of ideas) {
			if (idea.competitionId !== round.competitionId || !allowed.includes(idea.status))
				throw new FieldErrors({ ideaIds: ['not_eligible_for_round'] });
			const jury = round.scope === 'competition' ? juries[0] : juries.find((j) => j.departmentId === idea.departmentId);
			if (!jury) throw new FieldErrors({ ideaIds: ['no_jury_for_department'] });
			if (round.kind !== 'final' && idea.status !== 'semi_final') moving.push(idea.id);
			rows.push({ ideaId: idea.id, juryId: jury.id });
		}
		if (ideas.length !== new Set(ideaIds).size) throw new FieldErrors({ ideaIds: ['unknown'] });
		// every idea that enters a semi-final moves to semi_final: three statements whatever their number
		await moveIdeas(
			trx,
			moving.map((ideaId) => ({
				ideaId,
				actorId: actor.id,
				transition: 'enterSemiFinal' as const,
				as: ['organiser' as const],
				data: { roundId }
			}))
		);
		await q.insertEntries(trx, roundId, rows);
		await recordAutoConflicts(trx, roundId);
		await recordAudit(trx, { actorId: actor.id, action: 'round.entries_added', objectType: 'round', objectId: roundId, data: { ideaIds } });
		return { entered: rows.length };
	});
}

/** Open scoring: criteria, entries and a jury member for every scope with ideas are needed. Jurors are told. */
export async function openRound(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const locked = await rq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'draft') throw refuse('wrong_round_state', 'Only a round in preparation can be opened.');
		const data = await loadRoundRecord(trx, roundId);
		if (!data.criteria.length) throw refuse('criteria_required', 'Add the criteria before opening the round.');
		if (!data.entries.length) throw refuse('entries_required', 'Enter ideas before opening the round.');
		if (data.juries.some((j) => !j.members.length && data.entries.some((e) => e.juryId === j.id)))
			throw refuse('jury_members_required', 'Every jury with ideas needs at least one member.');
		await updateRoundStatus(
			trx,
			roundId,
			{ status: 'open' },
			{ actorId: actor.id, action: 'round.open', data: { status: { from: 'draft', to: 'open' } } }
		);
		await recordAutoConflicts(trx, roundId);
		// every member of the round's juries, as the record read them under the lock
		const jurors = [...new Set(data.juries.flatMap((j) => j.members.map((m) => m.userId)))];
		await insertNotifications(trx, jurors, {
			kind: 'scoring_open',
			params: { round: `${data.round.competitionName} · ${data.round.name}`, roundId },
			link: '/jury'
		});
	});
}
