/** The kinds of benefit an idea names, in the order the form shows them. */
export const BENEFIT_KINDS = ['quality', 'safety', 'time', 'money', 'other'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
