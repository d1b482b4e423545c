/**
 * Judging, seen from the organiser, once scoring is under way: closing the round (locks the
 * scores; the ranks are stored), reopening it, confirming who advances (each idea moves on
 * through the ideas service), publishing, and the export of every score. Every write is
 * audited.
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertNotificationRows } from '../notifications/notifications.queries.js';
import { moveIdeas, recordAwards, recordIdeaEvents } from '../ideas/ideas.service.js';
import { weightedScore } from '../../domain/scoring.js';
import type { Outcome } from '../scoring/results.js';
import { loadRoundRecord } from '../scoring/round-record.js';
import { recordAutoConflicts } from '../scoring/jury-sheet.service.js';
import * as rq from '../scoring/round.queries.js';
import type { Decision } from './round-results.schema.js';
import * as q from './round-results.queries.js';

function requireOrganiser(actor: Actor) {
	if (!can(actor, 'competition.manage')) throw notFound();
}

const refuse = (code: string, message: string, status: 400 | 409 = 409) => new DomainError(code, message, status);

/**
 * Close the round: scores are locked from this moment. Allowed when every non-conflicted
 * juror-idea pair is complete, or with an override and a reason (recorded). The round row
 * is locked FOR UPDATE, so a save racing the close either lands before it (and counts) or
 * finds the round closed and is refused.
 */
export async function closeRound(db: Database, actor: Actor, roundId: number, input: { override: boolean; reason: string }) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		const locked = await rq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'open') throw refuse('wrong_round_state', 'Only an open round can be closed.');
		const data = await loadRoundRecord(trx, roundId);
		const complete = data.results.canClose;
		if (!complete && !input.override)
			throw refuse('round_incomplete', 'Not every juror has submitted every sheet. Close with an override and a reason, or wait.');
		if (!complete && !input.reason.trim()) throw new FieldErrors({ reason: ['reason_required'] });
		await q.updateRoundStatus(
			trx,
			roundId,
			{ status: 'closed', closed: true, closedBy: actor.id, closeReason: complete ? null : input.reason.trim() },
			{
				actorId: actor.id,
				action: 'round.close',
				data: {
					complete: data.results.complete,
					pairs: data.results.pairs,
					override: !complete,
					reason: complete ? null : input.reason.trim()
				}
			}
		);
		await q.updateEntryRanks(
			trx,
			roundId,
			data.results.scopes.flatMap((s) =>
				s.rows.map((r) => ({ ideaId: r.ideaId, rank: r.rank, score: r.score, tieBrokenBy: r.tieBrokenBy }))
			)
		);
		return { complete };
	});
}

/** Reopen a closed round (scores can change again) with a reason, audited; not once ideas have moved on. */
export async function reopenRound(db: Database, actor: Actor, roundId: number, reason: string) {
	requireOrganiser(actor);
	if (!reason.trim()) throw new FieldErrors({ reason: ['reason_required'] });
	await db.transaction().execute(async (trx) => {
		const locked = await rq.lockRound(trx, roundId, 'update');
		if (!locked) throw notFound();
		if (locked.status !== 'closed') throw refuse('wrong_round_state', 'Only a closed round can be reopened.');
		const entries = await rq.listEntries(trx, roundId);
		if (entries.some((e) => e.outcome !== null))
			throw refuse('already_decided', 'Ideas of this round have already moved on; it cannot be reopened.');
		await q.updateRoundStatus(
			trx,
			roundId,
			{ status: 'open', closed: false },
			{ actorId: actor.id, action: 'round.reopen', data: { reason: reason.trim() } }
		);
	});
}

const SEMI_OUTCOMES: Outcome[] = ['advanced', 'stopped'];
const FINAL_OUTCOMES: Outcome[] = ['winner', 'runner_up', 'finalist'];

/**
 * Where the ideas that advance go in the next round of the competition: the one jury of a
 * competition-wide round, or the jury of the idea's department. Refused, naming the reason,
 * when that round no longer takes ideas (closed or published) or lacks a jury for a scope.
 */
function placeInNextRound(
	next: NonNullable<Awaited<ReturnType<typeof rq.findNextRound>>>,
	advancing: { ideaId: number; departmentId: number; departmentName: string }[]
) {
	if (next.status !== 'draft' && next.status !== 'open')
		throw refuse(
			'next_round_locked',
			`The next round, ${next.name}, is closed: it cannot take the ideas that advance. Reopen it first; nothing was recorded.`
		);
	const rows: { ideaId: number; juryId: number }[] = [];
	const missing = new Set<string>();
	for (const idea of advancing) {
		const jury = next.scope === 'competition' ? next.juries[0] : next.juries.find((j) => j.departmentId === idea.departmentId);
		if (jury) rows.push({ ideaId: idea.ideaId, juryId: jury.id });
		else missing.add(next.scope === 'competition' ? next.name : idea.departmentName);
	}
	if (missing.size)
		throw refuse(
			'next_round_no_jury',
			`The next round, ${next.name}, has no jury for ${[...missing].join(', ')}. Add it there first; nothing was recorded.`
		);
	return rows;
}

/**
 * The organiser confirms who moves on, each with a reason the team will read. Semi-final:
 * advanced -> finalist, stopped -> not_advanced; the ideas that advance are entered into the
 * next round of the competition at once (to the jury of their scope there, noting where they
 * came from; entering twice changes nothing). Final: winner, runner-up or finalist, each
 * recorded as the idea's award. All in one transaction: a refusal changes nothing.
 */
export async function confirmAdvancement(db: Database, actor: Actor, roundId: number, decisions: Decision[]) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		// A constant number of statements whatever the number of ideas: the round held, read with
		// its entries, the next round held, the ideas moved (three), the finalists' events and
		// awards (a final), the outcomes, the entries carried and their conflicts, the audit.
		const locked = await rq.lockRound(trx, roundId, 'update');
		const held = locked && (await rq.findRoundWithEntries(trx, roundId));
		if (!held) throw notFound();
		const { round, entries } = held;
		if (round.status !== 'closed') throw refuse('wrong_round_state', 'Close the round before confirming who advances.');
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
		const advancing = open.filter((e) => byIdea.get(e.ideaId)!.outcome === 'advanced');
		const next = advancing.length ? await rq.findNextRound(trx, roundId) : undefined;
		const carried = next ? placeInNextRound(next, advancing) : [];
		const transitions = { advanced: 'advance', stopped: 'stop', winner: 'win', runner_up: 'runnerUp' } as const;
		const dataOf = (e: (typeof open)[number]) => ({
			roundId,
			roundName: round.name,
			rank: e.rank,
			...(next && byIdea.get(e.ideaId)!.outcome === 'advanced' ? { enteredRoundId: next.id, enteredRoundName: next.name } : {})
		});
		const finalists = open.filter((e) => byIdea.get(e.ideaId)!.outcome === 'finalist');
		if (finalists.some((e) => e.status !== 'finalist'))
			throw refuse('wrong_state', 'This idea is no longer a finalist; reload to see what changed.');
		await moveIdeas(
			trx,
			open
				.filter((e) => byIdea.get(e.ideaId)!.outcome !== 'finalist')
				.map((e) => {
					const d = byIdea.get(e.ideaId)!;
					return {
						ideaId: e.ideaId,
						actorId: actor.id,
						transition: transitions[d.outcome as keyof typeof transitions],
						as: ['organiser' as const],
						reason: d.reason.trim(),
						data: dataOf(e)
					};
				})
		);
		await recordIdeaEvents(
			trx,
			finalists.map((e) => ({
				ideaId: e.ideaId,
				actorId: actor.id,
				kind: 'award',
				reason: byIdea.get(e.ideaId)!.reason.trim(),
				data: { ...dataOf(e), award: 'finalist' }
			}))
		);
		if (round.kind === 'final')
			await recordAwards(
				trx,
				open.map((e) => ({ ideaId: e.ideaId, award: byIdea.get(e.ideaId)!.outcome as 'winner' | 'runner_up' | 'finalist' }))
			);
		const recorded = await q.setEntryOutcomes(
			trx,
			roundId,
			open.map((e) => ({ ideaId: e.ideaId, outcome: byIdea.get(e.ideaId)!.outcome, reason: byIdea.get(e.ideaId)!.reason.trim() }))
		);
		if (recorded.length !== open.length) throw refuse('already_decided', 'Someone recorded this outcome just now; reload.');
		// An idea the organiser already entered there by hand keeps that entry (entered counts the new ones).
		const entered = next && carried.length ? await q.insertCarriedEntries(trx, next.id, roundId, carried) : [];
		if (next && entered.length) await recordAutoConflicts(trx, next.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'round.advancement_confirmed',
			objectType: 'round',
			objectId: roundId,
			data: {
				decisions: open.map((e) => ({ ideaId: e.ideaId, outcome: byIdea.get(e.ideaId)!.outcome })),
				...(next ? { enteredInto: { roundId: next.id, ideaIds: entered.map((c) => c.ideaId) } } : {})
			}
		});
		return { decided: open.length, entered: entered.length, nextRound: next ? { id: next.id, name: next.name } : null };
	});
}

/**
 * Publish: teams read their feedback, jurors see the outcomes of ideas they scored. Six
 * statements whatever the number of ideas and jurors: the round held, read with its entries,
 * the teams, the jurors' outcomes, its status with the audit line, every notification
 * (insertNotificationRows).
 */
export async function publishResults(db: Database, actor: Actor, roundId: number) {
	requireOrganiser(actor);
	await db.transaction().execute(async (trx) => {
		const locked = await rq.lockRound(trx, roundId, 'update');
		const held = locked && (await rq.findRoundWithEntries(trx, roundId));
		if (!held) throw notFound();
		const { round, entries } = held;
		if (round.status !== 'closed') throw refuse('wrong_round_state', 'Only a closed round can be published.');
		if (entries.some((e) => e.outcome === null)) throw refuse('not_decided', 'Confirm the outcome of every idea before publishing.');
		const team = await q.listTeamIds(
			trx,
			entries.map((e) => e.ideaId)
		);
		// Each juror who scored learns how the ideas they scored fared.
		const jurors = await q.listJurorOutcomes(trx, roundId);
		await q.updateRoundStatus(
			trx,
			roundId,
			{ status: 'published' },
			{ actorId: actor.id, action: 'round.publish', data: { ideas: entries.length, jurorsTold: jurors.length } }
		);
		await insertNotificationRows(trx, [
			...entries.flatMap((e) =>
				team
					.filter((t) => t.ideaId === e.ideaId)
					.map((t) => ({
						userId: t.userId,
						kind: 'results_published',
						params: { ideaId: e.ideaId, title: e.title, round: round.name, outcome: e.outcome },
						link: `/ideas/${e.ideaId}/feedback`
					}))
			),
			...jurors.map((j) => ({
				userId: j.jurorId,
				kind: 'jury_outcome',
				params: { roundId, round: round.name, roundKind: round.kind, scored: j.scored, advanced: j.advanced },
				link: `/jury#round-${roundId}-h`
			}))
		]);
	});
}

/**
 * The full score matrix (one row per sheet: juror, idea, every criterion, weighted score) and
 * the ranking per scope, for organisers only. Conflicted sheets are marked and do not count.
 */
/** A round's results as tables; the round must belong to the competition its address names. */
export async function exportRound(db: Database, actor: Actor, competitionId: number, roundId: number) {
	requireOrganiser(actor);
	const data = await loadRoundRecord(db, roundId);
	if (data.round.competitionId !== competitionId) throw notFound();
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
