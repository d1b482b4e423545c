/**
 * The juries dashboard (organisers only): progress per round, per juror leniency, spread,
 * agreement and time to score with outliers flagged, and agreement per jury (Kendall's W).
 * Two statements whatever the number of rounds, jurors and sheets (juries.queries.ts); the
 * arithmetic is domain/insight-jury.ts.
 */
import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDecimal } from '$lib/format.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, InsightTable } from '../../domain/insight-table.js';
import { rate, round } from '../../domain/insight-stats.js';
import {
	agreementReading,
	juryAgreement,
	jurorRoundStats,
	leniencySd,
	medianDaysToScore,
	outliers,
	type Outlier,
	type OutlierReason,
	type ScoredSheet
} from '../../domain/insight-jury.js';
import type { InsightFilter } from './filter.js';
import { listJuries, listSubmittedSheets, type JuryRow, type SheetRow } from './juries.queries.js';

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const flagWords: Record<OutlierReason, () => string> = {
	lenient: m.insight_jury_flag_lenient,
	strict: m.insight_jury_flag_strict,
	disagrees: m.insight_jury_flag_disagrees,
	flat: m.insight_jury_flag_flat,
	slow: m.insight_jury_flag_slow
};

function reasonText(o: Outlier): string {
	const n = (v: number, decimals = 1) => formatDecimal(round(Math.abs(v), decimals) ?? 0, getLocale());
	switch (o.reason) {
		case 'lenient':
			return m.insight_jury_reason_lenient({ value: n(o.value), threshold: n(o.threshold) });
		case 'strict':
			return m.insight_jury_reason_strict({ value: n(o.value), threshold: n(o.threshold) });
		case 'disagrees':
			return m.insight_jury_reason_disagrees({ value: formatDecimal(round(o.value, 2) ?? 0, getLocale()), threshold: n(o.threshold) });
		case 'flat':
			return m.insight_jury_reason_flat({ value: n(o.value), threshold: n(o.threshold) });
		case 'slow':
			return o.threshold < 0 ? m.insight_jury_reason_slow_past({ missing: o.value }) : m.insight_jury_reason_slow({ missing: o.value });
	}
}

const readingWords = {
	strong: m.insight_jury_reading_strong,
	moderate: m.insight_jury_reading_moderate,
	weak: m.insight_jury_reading_weak
};

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

type RoundGroup = { roundId: number; label: string; open: boolean; closesAt: Date | null; juries: JuryRow[] };

export async function loadJuriesDashboard(db: Kysely<DB>, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	const [juries, sheetRows] = await Promise.all([listJuries(db, filter), listSubmittedSheets(db, filter)]);
	return juriesDashboard(juries, sheetRows, filter, at.now);
}

/** The dashboard from the rows of the two statements. */
export function juriesDashboard(juries: JuryRow[], sheetRows: SheetRow[], filter: InsightFilter, now: Date): Dashboard {
	const rounds = new Map<number, RoundGroup>();
	for (const j of juries) {
		let group = rounds.get(j.roundId);
		if (!group) {
			group = {
				roundId: j.roundId,
				// With one edition chosen its name would only repeat on every line.
				label: filter.competitionId === null ? `${j.competitionName} · ${j.roundName}` : j.roundName,
				open: j.roundStatus === 'open',
				closesAt: j.scoringClosesAt === null ? null : toDate(j.scoringClosesAt),
				juries: []
			};
			rounds.set(j.roundId, group);
		}
		group.juries.push(j);
	}
	const roundOfJury = new Map(juries.map((j) => [j.juryId, rounds.get(j.roundId)!]));

	// Every submitted sheet's weighted score, grouped by round; with the times for days to score.
	const scored = new Map<number, (ScoredSheet & { days: number })[]>();
	const submittedCount = new Map<string, number>();
	for (const h of sheetRows) {
		const group = roundOfJury.get(h.juryId);
		if (!group) continue;
		const key = `${h.juryId}:${h.jurorId}`;
		submittedCount.set(key, (submittedCount.get(key) ?? 0) + 1);
		const score = h.score;
		if (score === null) continue;
		const list = scored.get(group.roundId) ?? [];
		list.push({
			juryId: h.juryId,
			jurorId: h.jurorId,
			ideaId: h.ideaId,
			score,
			days: h.days
		});
		scored.set(group.roundId, list);
	}

	const periodSet = filter.from !== null || filter.to !== null;
	const progressRows: InsightTable['rows'] = [];
	const jurorRows: InsightTable['rows'] = [];
	const agreementRows: InsightTable['rows'] = [];
	let totalSubmitted = 0;
	let totalExpected = 0;
	let flagged = 0;
	let roundsShown = 0;

	for (const group of rounds.values()) {
		const sheets = scored.get(group.roundId) ?? [];
		let submitted = 0;
		let expected = 0;
		for (const j of group.juries)
			for (const member of j.members) {
				submitted += submittedCount.get(`${j.juryId}:${member.userId}`) ?? 0;
				expected += Number(member.expected);
			}
		// With a period, a round without a sheet submitted in it is not about the period.
		if (periodSet && submitted === 0) continue;
		if (expected === 0 && submitted === 0) continue;
		roundsShown++;
		totalSubmitted += submitted;
		totalExpected += expected;
		progressRows.push({ round: group.label, submitted, expected, share: round(rate(submitted, expected), 3) });

		const stats = jurorRoundStats(sheets);
		const sheetsOfJuror = groupBy(sheets, (h) => h.jurorId);
		const sheetsOfJury = groupBy(sheets, (h) => h.juryId);
		const sd = leniencySd(stats.values());
		// One row per juror in the round; a juror in two juries of a round is one row naming both.
		const jurors = new Map<number, { name: string; juries: string[]; submitted: number; expected: number }>();
		for (const j of group.juries)
			for (const member of j.members) {
				const row = jurors.get(member.userId) ?? { name: member.name, juries: [], submitted: 0, expected: 0 };
				row.juries.push(j.juryName);
				row.submitted += submittedCount.get(`${j.juryId}:${member.userId}`) ?? 0;
				row.expected += Number(member.expected);
				jurors.set(member.userId, row);
			}
		const rowsOfRound: InsightTable['rows'] = [];
		for (const [jurorId, juror] of jurors) {
			if (juror.expected === 0 && juror.submitted === 0) continue; // a member whose jury has no ideas
			const s = stats.get(jurorId) ?? { sheets: 0, mean: null, leniency: null, spread: null, agreement: null, commonIdeas: 0 };
			const found = outliers({
				stats: s,
				submitted: juror.submitted,
				expected: juror.expected,
				leniencySd: sd,
				roundOpen: group.open,
				closesAt: group.closesAt,
				now
			});
			if (found.length) flagged++;
			rowsOfRound.push({
				juror: juror.name,
				jury: `${group.label} · ${juror.juries.join(', ')}`,
				submitted: juror.submitted,
				expected: juror.expected,
				mean: round(s.mean),
				leniency: round(s.leniency),
				spread: round(s.spread),
				agreement: round(s.agreement, 2),
				days: round(medianDaysToScore(sheetsOfJuror.get(jurorId) ?? [])),
				flag: found.map((o) => flagWords[o.reason]()).join(', '),
				reason: found.map(reasonText).join('; ')
			});
		}
		rowsOfRound.sort((a, b) => ((b.leniency as number | null) ?? -Infinity) - ((a.leniency as number | null) ?? -Infinity));
		jurorRows.push(...rowsOfRound);

		for (const j of group.juries) {
			const a = juryAgreement(sheetsOfJury.get(j.juryId) ?? []);
			const reading = agreementReading(a.w);
			agreementRows.push({
				jury: `${group.label} · ${j.juryName}`,
				w: round(a.w, 2),
				jurors: a.jurors,
				ideas: a.ideas,
				reading: reading ? readingWords[reading]() : m.insight_jury_reading_none()
			});
		}
	}

	return {
		figures: [
			{ key: 'rounds', label: m.insight_jury_fig_rounds(), value: roundsShown, kind: 'count' },
			{ key: 'submitted', label: m.insight_jury_fig_submitted(), value: totalSubmitted, kind: 'count' },
			{
				key: 'done',
				label: m.insight_jury_fig_done(),
				value: round(rate(totalSubmitted, totalExpected), 3),
				kind: 'share',
				hint: m.insight_jury_fig_done_hint({ submitted: totalSubmitted, expected: totalExpected })
			},
			{ key: 'flagged', label: m.insight_jury_fig_flagged(), value: flagged, kind: 'count', warn: flagged > 0 }
		],
		tables: [
			{
				id: 'progress',
				title: m.insight_jury_progress_title(),
				description: m.insight_jury_progress_desc(),
				columns: [
					{ key: 'round', label: m.insight_jury_col_round(), kind: 'text' },
					{ key: 'submitted', label: m.insight_jury_col_submitted(), kind: 'count' },
					{ key: 'expected', label: m.insight_jury_col_expected(), kind: 'count' },
					{ key: 'share', label: m.insight_jury_col_share(), kind: 'share' }
				],
				rows: progressRows
			},
			{
				id: 'jurors',
				title: m.insight_jury_jurors_title(),
				description: m.insight_jury_jurors_desc(),
				columns: [
					{ key: 'juror', label: m.insight_jury_col_juror(), kind: 'text' },
					{ key: 'jury', label: m.insight_jury_col_jury(), kind: 'text' },
					{ key: 'submitted', label: m.insight_jury_col_submitted(), kind: 'count' },
					{ key: 'expected', label: m.insight_jury_col_expected(), kind: 'count' },
					{ key: 'mean', label: m.insight_jury_col_mean(), kind: 'points' },
					{ key: 'leniency', label: m.insight_jury_col_leniency(), kind: 'points' },
					{ key: 'spread', label: m.insight_jury_col_spread(), kind: 'points' },
					{ key: 'agreement', label: m.insight_jury_col_agreement(), kind: 'number' },
					{ key: 'days', label: m.insight_jury_col_days(), kind: 'days' },
					{ key: 'flag', label: m.insight_jury_col_flag(), kind: 'text' },
					{ key: 'reason', label: m.insight_jury_col_reason(), kind: 'text' }
				],
				rows: jurorRows,
				note: m.insight_jury_thresholds()
			},
			{
				id: 'agreement',
				title: m.insight_jury_agreement_title(),
				description: m.insight_jury_agreement_desc(),
				columns: [
					{ key: 'jury', label: m.insight_jury_col_jury(), kind: 'text' },
					{ key: 'w', label: m.insight_jury_col_w(), kind: 'number' },
					{ key: 'jurors', label: m.insight_jury_col_jurors(), kind: 'count' },
					{ key: 'ideas', label: m.insight_jury_col_ideas(), kind: 'count' },
					{ key: 'reading', label: m.insight_jury_col_reading(), kind: 'text' }
				],
				rows: agreementRows
			}
		]
	};
}
