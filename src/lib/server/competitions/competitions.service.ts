/**
 * Judging, seen from the organiser: the rounds of a competition (ASML's template: a
 * semi-final per department judged by its MT, a final by higher management), their
 * settings, criteria, juries and entries; opening, progress, results, closing (locks the
 * scores), reopening, confirming who advances, publishing, exports. Every write is audited.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { moveIdea } from '../ideas/ideas.service.js';
import { insertEvent } from '../ideas/ideas.queries.js';
import { weightedScore } from '../../domain/scoring.js';
import { computeResults, type Outcome } from '../scoring/results.js';
import { rubricOf } from '../scoring/scoring.service.js';
import * as sq from '../scoring/scoring.queries.js';
import { DEFAULT_CRITERIA } from '../../domain/criteria.js';
import * as q from './competitions.queries.js';
import type { CriterionForm, RoundSettingsInput } from './competitions.schema.js';

function requireOrganiser(actor: Actor) {
	if (!can(actor, 'competition.manage')) throw notFound();
}

const refuse = (code: string, message: string, status: 400 | 409 = 409) => new DomainError(code, message, status);

/** ASML's default criteria: roll-out potential first (it also breaks ties), weights summing to 100. */

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
	return { competition };
}

/**
 * ASML's template: a semi-final per eligible department, judged by that department's MT
 * (its managers and directors, editable afterwards), top 3 per department advancing; then a
 * final over the whole competition judged by higher management, decided by the organiser.
 * Both rounds get the default criteria. Appended after any existing rounds.
 */
export async function createRoundsFromTemplate(db: Database, actor: Actor, competitionId: number) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		if (!(await q.lockCompetition(trx, competitionId))) throw notFound();
		const start = (await q.maxRoundPosition(trx, competitionId)).n;
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

async function loadRound(db: Database | Transaction<DB>, roundId: number) {
	const round = await sq.findRound(db, roundId);
	if (!round) throw notFound();
	const [criteria, juries, entries, sheets, conflicts, scores] = await Promise.all([
		sq.listCriteria(db, roundId),
		sq.listJuries(db, roundId),
		sq.listEntries(db, roundId),
		sq.listRoundSheets(db, roundId),
		sq.listConflictPairs(db, roundId),
		sq.countScoresInRound(db, roundId)
	]);
	const results = computeResults({ round, criteria, juries, entries, sheets, conflicts });
	return { round, criteria, juries, entries, sheets, conflicts, results, criteriaLocked: scores.n > 0 };
}

/** Everything the round page shows an organiser: settings, criteria, juries, entries, progress and the ranking. */
export async function getRoundAdmin(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	const data = await loadRound(db, roundId);
	const statuses = data.round.kind === 'final' ? ['finalist'] : ['accepted', 'coaching', 'semi_final'];
	const [candidates, people] = await Promise.all([
		data.round.status === 'draft' || data.round.status === 'open'
			? q.listEntryCandidates(db, data.round.competitionId, roundId, statuses)
			: Promise.resolve([]),
		q.listPeopleForJury(db)
	]);
	const totalWeight = data.criteria.reduce((n, c) => n + Number(c.weight), 0);
	const entryByIdea = new Map(data.entries.map((e) => [e.ideaId, e]));
	return {
		round: data.round,
		criteria: data.criteria.map((c) => ({
			...c,
			weight: Number(c.weight),
			weightPercent: totalWeight ? Math.round((1000 * Number(c.weight)) / totalWeight) / 10 : 0,
			rubric: rubricOf(c.rubric)
		})),
		criteriaLocked: data.criteriaLocked,
		juries: data.juries.map((j) => ({ ...j, entries: data.entries.filter((e) => e.juryId === j.id).length })),
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
		decided: data.entries.length > 0 && data.entries.every((e) => e.outcome !== null),
		anyDecided: data.entries.some((e) => e.outcome !== null),
		candidates,
		people
	};
}

export async function updateRoundSettings(db: Database, actor: Actor, roundId: number, input: RoundSettingsInput) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const round = await sq.lockRound(trx, roundId, 'update');
		if (!round) throw notFound();
		if (round.status === 'published')
			throw refuse('round_published', 'The results of this round are published; its settings no longer change.');
		await q.updateRoundSettings(trx, roundId, input);
		await recordAudit(trx, { actorId: actor.id, action: 'round.settings', objectType: 'round', objectId: roundId, data: { ...input } });
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
		const round = await sq.lockRound(trx, roundId, 'update');
		if (!round) throw notFound();
		if ((await sq.countScoresInRound(trx, roundId)).n > 0)
			throw refuse('criteria_locked', 'Scores exist in this round: its criteria can no longer change.');
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

export async function addJuryMember(db: Database, actor: Actor, roundId: number, juryId: number, userId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const round = await sq.lockRound(trx, roundId, 'update');
		const jury = await q.findJury(trx, juryId);
		if (!round || !jury || jury.roundId !== roundId) throw notFound();
		if (round.status === 'closed' || round.status === 'published') throw refuse('round_locked', 'This round is closed.');
		await q.insertJuryMembers(trx, juryId, [userId]);
		await sq.recordAutoConflicts(trx, roundId);
		await recordAudit(trx, { actorId: actor.id, action: 'jury.member_added', objectType: 'jury', objectId: juryId, data: { userId } });
	});
}

export async function removeJuryMember(db: Database, actor: Actor, roundId: number, juryId: number, userId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const round = await sq.lockRound(trx, roundId, 'update');
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
		const locked = await sq.lockRound(trx, roundId, 'update');
		const round = await sq.findRound(trx, roundId);
		if (!locked || !round) throw notFound();
		if (round.status !== 'draft' && round.status !== 'open') throw refuse('round_locked', 'This round is closed.');
		const [ideas, juries] = await Promise.all([q.findIdeasForEntry(trx, ideaIds), sq.listJuries(trx, roundId)]);
		const rows: { ideaId: number; juryId: number }[] = [];
		const allowed = round.kind === 'final' ? ['finalist'] : ['accepted', 'coaching', 'semi_final'];
		for (const idea of ideas) {
			if (idea.competitionId !== round.competitionId || !allowed.includes(idea.status))
				throw new FieldErrors({ ideaIds: ['not_eligible_for_round'] });
			const jury = round.scope === 'competition' ? juries[0] : juries.find((j) => j.departmentId === idea.departmentId);
			if (!jury) throw new FieldErrors({ ideaIds: ['no_jury_for_department'] });
			if (round.kind !== 'final' && idea.status !== 'semi_final')
				await moveIdea(trx, { ideaId: idea.id, actorId: actor.id, transition: 'enterSemiFinal', as: ['organiser'], data: { roundId } });
			rows.push({ ideaId: idea.id, juryId: jury.id });
		}
		if (ideas.length !== new Set(ideaIds).size) throw new FieldErrors({ ideaIds: ['unknown'] });
		await q.insertEntries(trx, roundId, rows);
		await sq.recordAutoConflicts(trx, roundId);
		await recordAudit(trx, { actorId: actor.id, action: 'round.entries_added', objectType: 'round', objectId: roundId, data: { ideaIds } });
		return { entered: rows.length };
	});
}

/** Open scoring: criteria, entries and a jury member for every scope with ideas are needed. Jurors are told. */
export async function openRound(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const locked = await sq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'draft') throw refuse('wrong_round_state', 'Only a round in preparation can be opened.');
		const data = await loadRound(trx, roundId);
		if (!data.criteria.length) throw refuse('criteria_required', 'Add the criteria before opening the round.');
		if (!data.entries.length) throw refuse('entries_required', 'Enter ideas before opening the round.');
		if (data.juries.some((j) => !j.members.length && data.entries.some((e) => e.juryId === j.id)))
			throw refuse('jury_members_required', 'Every jury with ideas needs at least one member.');
		await sq.updateRoundStatus(trx, roundId, { status: 'open' });
		await sq.recordAutoConflicts(trx, roundId);
		const jurors = (await sq.listJurorIdsOfRound(trx, roundId)).map((j) => j.userId);
		await insertNotifications(trx, jurors, {
			kind: 'scoring_open',
			params: { round: `${data.round.competitionName} · ${data.round.name}`, roundId },
			link: '/jury'
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.open',
			objectType: 'round',
			objectId: roundId,
			data: { status: { from: 'draft', to: 'open' } }
		});
	});
}

/**
 * Close the round: scores are locked from this moment. Allowed when every non-conflicted
 * juror-idea pair is complete, or with an override and a reason (recorded). The round row
 * is locked FOR UPDATE, so a save racing the close either lands before it (and counts) or
 * finds the round closed and is refused.
 */
export async function closeRound(db: Database, actor: Actor, roundId: number, input: { override: boolean; reason: string }) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		const locked = await sq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'open') throw refuse('wrong_round_state', 'Only an open round can be closed.');
		const data = await loadRound(trx, roundId);
		const complete = data.results.canClose;
		if (!complete && !input.override)
			throw refuse('round_incomplete', 'Not every juror has submitted every sheet. Close with an override and a reason, or wait.');
		if (!complete && !input.reason.trim()) throw new FieldErrors({ reason: ['reason_required'] });
		await sq.updateRoundStatus(trx, roundId, {
			status: 'closed',
			closed: true,
			closedBy: actor.id,
			closeReason: complete ? null : input.reason.trim()
		});
		await sq.updateEntryRanks(
			trx,
			roundId,
			data.results.scopes.flatMap((s) => s.rows.map((r) => ({ ideaId: r.ideaId, rank: r.rank })))
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.close',
			objectType: 'round',
			objectId: roundId,
			data: {
				complete: data.results.complete,
				pairs: data.results.pairs,
				override: !complete,
				reason: complete ? null : input.reason.trim()
			}
		});
		return { complete };
	});
}

/** Reopen a closed round (scores can change again) with a reason, audited; not once ideas have moved on. */
export async function reopenRound(db: Database, actor: Actor, roundId: number, reason: string) {
	requireOrganiser(actor);
	if (!reason.trim()) throw new FieldErrors({ reason: ['reason_required'] });
	await db.transaction().execute(async (trx) => {
		const locked = await sq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'closed') throw refuse('wrong_round_state', 'Only a closed round can be reopened.');
		const entries = await sq.listEntries(trx, roundId);
		if (entries.some((e) => e.outcome !== null))
			throw refuse('already_decided', 'Ideas of this round have already moved on; it cannot be reopened.');
		await sq.updateRoundStatus(trx, roundId, { status: 'open', closed: false });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.reopen',
			objectType: 'round',
			objectId: roundId,
			data: { reason: reason.trim() }
		});
	});
}

export type Decision = { ideaId: number; outcome: Outcome; reason: string };

const SEMI_OUTCOMES: Outcome[] = ['advanced', 'stopped'];
const FINAL_OUTCOMES: Outcome[] = ['winner', 'runner_up', 'finalist'];

/**
 * The organiser confirms who moves on, each with a reason the team will read. Semi-final:
 * advanced -> finalist, stopped -> not_advanced. Final: winner, runner-up or finalist, each
 * recorded as the idea's award. All in one transaction: a refusal changes nothing.
 */
export async function confirmAdvancement(db: Database, actor: Actor, roundId: number, decisions: Decision[]) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		const locked = await sq.lockRound(trx, roundId, 'update');
		const round = await sq.findRound(trx, roundId);
		if (!locked || !round) throw notFound();
		if (locked.status !== 'closed') throw refuse('wrong_round_state', 'Close the round before confirming who advances.');
		const entries = await sq.listEntries(trx, roundId);
		const open = entries.filter((e) => e.outcome === null);
		if (!open.length) throw refuse('already_decided', 'The outcome of every idea in this round is already recorded.');
		const allowed = round.kind === 'final' ? FINAL_OUTCOMES : SEMI_OUTCOMES;
		const errors: Record<string, string[]> = {};
		const byIdea = new Map(decisions.map((d) => [d.ideaId, d]));
		for (const e of open) {
			const d = byIdea.get(e.ideaId);
			if (!d || !allowed.includes(d.outcome)) errors[`outcome_${e.ideaId}`] = ['required'];
			else if (!d.reason.trim()) errors[`reason_${e.ideaId}`] = ['reason_required'];
		}
		if (round.kind === 'final' && decisions.filter((d) => d.outcome === 'winner').length > 1) errors._form = ['one_winner'];
		if (Object.keys(errors).length) throw new FieldErrors(errors);
		for (const e of open) {
			const d = byIdea.get(e.ideaId)!;
			const reason = d.reason.trim();
			const data = { roundId, roundName: round.name, rank: e.rank };
			if (d.outcome === 'advanced')
				await moveIdea(trx, { ideaId: e.ideaId, actorId: actor.id, transition: 'advance', as: ['organiser'], reason, data });
			else if (d.outcome === 'stopped')
				await moveIdea(trx, { ideaId: e.ideaId, actorId: actor.id, transition: 'stop', as: ['organiser'], reason, data });
			else if (d.outcome === 'winner')
				await moveIdea(trx, { ideaId: e.ideaId, actorId: actor.id, transition: 'win', as: ['organiser'], reason, data });
			else if (d.outcome === 'runner_up')
				await moveIdea(trx, { ideaId: e.ideaId, actorId: actor.id, transition: 'runnerUp', as: ['organiser'], reason, data });
			else {
				if (e.status !== 'finalist') throw refuse('wrong_state', 'This idea is no longer a finalist; reload to see what changed.');
				await insertEvent(trx, { ideaId: e.ideaId, actorId: actor.id, kind: 'award', reason, data: { ...data, award: 'finalist' } });
			}
			if (round.kind === 'final') await sq.setIdeaAward(trx, e.ideaId, d.outcome as 'winner' | 'runner_up' | 'finalist');
			if (!(await sq.setEntryOutcome(trx, roundId, e.ideaId, d.outcome, reason)))
				throw refuse('already_decided', 'Someone recorded this outcome just now; reload.');
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.advancement_confirmed',
			objectType: 'round',
			objectId: roundId,
			data: { decisions: open.map((e) => ({ ideaId: e.ideaId, outcome: byIdea.get(e.ideaId)!.outcome })) }
		});
		return { decided: open.length };
	});
}

/** Publish: teams read their feedback, jurors see the outcomes of ideas they scored. */
export async function publishResults(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const locked = await sq.lockRound(trx, roundId, 'update');
		const round = await sq.findRound(trx, roundId);
		if (!locked || !round) throw notFound();
		if (locked.status !== 'closed') throw refuse('wrong_round_state', 'Only a closed round can be published.');
		const entries = await sq.listEntries(trx, roundId);
		if (entries.some((e) => e.outcome === null)) throw refuse('not_decided', 'Confirm the outcome of every idea before publishing.');
		await sq.updateRoundStatus(trx, roundId, { status: 'published' });
		const team = await sq.listTeamIds(
			trx,
			entries.map((e) => e.ideaId)
		);
		for (const e of entries) {
			await insertNotifications(
				trx,
				team.filter((t) => t.ideaId === e.ideaId).map((t) => t.userId),
				{
					kind: 'results_published',
					params: { ideaId: e.ideaId, title: e.title, round: round.name, outcome: e.outcome },
					link: `/ideas/${e.ideaId}/feedback`
				}
			);
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.publish',
			objectType: 'round',
			objectId: roundId,
			data: { ideas: entries.length }
		});
	});
}

/**
 * The full score matrix (one row per sheet: juror, idea, every criterion, weighted score) and
 * the ranking per scope, for organisers only. Conflicted sheets are marked and do not count.
 */
export async function exportRound(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	const data = await loadRound(db, roundId);
	const criteria = data.criteria.map((c) => ({
		id: c.id,
		weight: Number(c.weight),
		scaleMin: c.scaleMin,
		scaleMax: c.scaleMax,
		isRollOut: c.isRollOut
	}));
	const conflicted = new Set(data.conflicts.map((c) => `${c.jurorId}:${c.ideaId}`));
	const entries = new Map(data.entries.map((e) => [e.ideaId, e]));
	const juryName = new Map(data.juries.map((j) => [j.id, j.departmentName ?? j.name]));
	const matrixHeader = [
		'scope',
		'idea_id',
		'idea_title',
		'juror',
		'submitted',
		'conflict',
		...data.criteria.map((c) => c.code),
		'weighted_score',
		'overall_comment'
	];
	const matrix = data.sheets
		.filter((s) => entries.has(s.ideaId))
		.map((s) => {
			const values = Object.fromEntries(s.scores.map((x) => [x.criterionId, x.value]));
			const j = weightedScore({ scores: values }, criteria);
			const e = entries.get(s.ideaId)!;
			return [
				juryName.get(e.juryId) ?? '',
				s.ideaId,
				e.title,
				s.jurorName,
				s.submittedAt ? 'yes' : 'no',
				conflicted.has(`${s.jurorId}:${s.ideaId}`) ? 'yes' : 'no',
				...data.criteria.map((c) => values[c.id] ?? ''),
				j === null ? '' : Math.round(j * 100) / 100,
				s.overallComment
			] as (string | number)[];
		});
	const rankingHeader = [
		'scope',
		'rank',
		'idea_id',
		'idea_title',
		'raw',
		'normalised',
		'score_basis',
		'jurors',
		'roll_out_mean',
		'tie_broken_by',
		'proposed',
		'outcome',
		'outcome_reason'
	];
	const ranking = data.results.scopes.flatMap((s) =>
		s.rows.map(
			(r) =>
				[
					s.departmentName ?? s.name,
					r.rank,
					r.ideaId,
					r.title,
					r.raw === null ? '' : Math.round(r.raw * 100) / 100,
					r.normalised === null ? '' : Math.round(r.normalised * 100) / 100,
					data.round.scoreBasis,
					r.jurors,
					r.rollOutMean === null ? '' : Math.round(r.rollOutMean * 100) / 100,
					r.tieBrokenBy ?? '',
					r.proposed ? 'yes' : 'no',
					entries.get(r.ideaId)?.outcome ?? '',
					entries.get(r.ideaId)?.outcomeReason ?? ''
				] as (string | number)[]
		)
	);
	return { round: data.round, matrix: { header: matrixHeader, rows: matrix }, ranking: { header: rankingHeader, rows: ranking } };
}
