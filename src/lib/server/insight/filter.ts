/**
 * The filters every insight dashboard shares, read from the query string (zod) and resolved
 * against what the asker may see (scope.ts). Services receive the resolved InsightFilter.
 */
export type InsightFilter = {
	/** one edition (competition id); null = every edition */
	competitionId: number | null;
	/**
	 * the departments counted: the chosen department and all its sub-departments; null = the
	 * whole company. Already narrowed to the asker's scope (a department manager never gets null).
	 */
	departmentIds: number[] | null;
	/** ideas first submitted (drafts: created) on or after this date, YYYY-MM-DD, Europe/Amsterdam; null = open */
	from: string | null;
	/** ... on or before this date (inclusive), YYYY-MM-DD; null = open */
	to: string | null;
};
