/** Wording of advancement (issue 14): the rule that applied to a scope, the tie-breaks around an idea, refusals. */
import { m } from '$lib/paraglide/messages.js';
import { formatScore, type RuleSummary } from '$lib/domain/scoring';
import { judgingErrorText, tieBreakLabel } from './labels';

/**
 * The rule as the team and the organiser read it: "Top 3 of Build Operations", "Top 1 per
 * department and at least 70", "Threshold 65", "Decided by the organisers".
 */
export function ruleText(rule: RuleSummary, scope: string, locale = 'en'): string {
	if (rule.kind === 'manual') return m.advancement_rule_manual();
	if (rule.kind === 'threshold') return m.advancement_rule_threshold({ min: formatMin(rule.min, locale) });
	const count = String(rule.count);
	if (rule.min === null) {
		if (rule.kind === 'top_scope') return m.advancement_rule_top_scope({ count, scope });
		if (rule.kind === 'top_each') return m.advancement_rule_top_each({ count });
		return m.advancement_rule_top({ count });
	}
	const min = formatMin(rule.min, locale);
	if (rule.kind === 'top_scope') return m.advancement_rule_top_scope_min({ count, scope, min });
	if (rule.kind === 'top_each') return m.advancement_rule_top_each_min({ count, min });
	return m.advancement_rule_top_min({ count, min });
}

/** A threshold as typed: 70 stays "70", 65.5 reads "65.5" (or "65,5"). */
function formatMin(min: number, locale: string): string {
	return Number.isInteger(min) ? String(min) : formatScore(min, locale);
}

/** The sentences naming the tie-breaks that placed an idea against its neighbours with equal scores. */
export function tieBreakTexts(around: { above: string | null; below: string | null }): string[] {
	const texts: string[] = [];
	if (around.above) texts.push(m.advancement_fb_tie_above({ rule: tieBreakLabel(around.above) }));
	if (around.below) texts.push(m.advancement_fb_tie_below({ rule: tieBreakLabel(around.below) }));
	return texts;
}

const errors: Record<string, () => string> = {
	quota_range: m.advancement_error_quota_range,
	quotas_locked: m.advancement_error_quotas_locked,
	unknown_jury: m.advancement_error_unknown_jury,
	next_round_locked: m.advancement_error_next_round_locked,
	next_round_no_jury: m.advancement_error_next_round_no_jury
};

/** Judging's wording, with advancement's own codes. */
export const advancementErrorText = (code: string): string => errors[code]?.() ?? judgingErrorText(code);
