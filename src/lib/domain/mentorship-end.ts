/** Why an organiser ends a mentorship: the mentor is ill, changed job, has no time, or it did not work out. */
export const END_REASONS = ['illness', 'job_change', 'workload', 'mismatch', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
