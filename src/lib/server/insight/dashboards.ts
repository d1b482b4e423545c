/**
 * Every insight dashboard by name: the pages, the export and the benchmark load a dashboard
 * through here, so a chart and its download are built by the same code.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Dashboard, DashboardName } from '../../domain/insight-table.js';
import type { InsightFilter } from './filter.js';
import { loadFlowDashboard } from './flow.service.js';
import { loadJuriesDashboard } from './juries.service.js';
import { loadMentoringDashboard } from './mentoring.service.js';
import { loadParticipationDashboard } from './participation.service.js';
import { loadResultsDashboard } from './results.service.js';
import { loadSummaryDashboard } from './summary.service.js';

export type DashboardLoader = (db: Kysely<DB>, filter: InsightFilter, at: { now: Date }) => Promise<Dashboard>;

const loaders: Record<DashboardName, DashboardLoader> = {
	summary: loadSummaryDashboard,
	participation: loadParticipationDashboard,
	flow: loadFlowDashboard,
	mentoring: loadMentoringDashboard,
	juries: loadJuriesDashboard,
	results: loadResultsDashboard
};

/**
 * The dashboard's figures and tables. Who may open it is the caller's question
 * (insightAccess through resolveInsight); this only builds it.
 */
export function loadDashboard(db: Kysely<DB>, name: DashboardName, filter: InsightFilter, at: { now: Date }): Promise<Dashboard> {
	return loaders[name](db, filter, at);
}
