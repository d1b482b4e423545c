/**
 * Every insight dashboard by name: the pages, the export and the benchmark load a dashboard
 * through here, so a chart and its download are built by the same code.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Dashboard, DashboardName } from '../../domain/insight-table.js';
import type { InsightFilter } from './filter.js';

export type DashboardLoader = (db: Kysely<DB>, filter: InsightFilter, at: { now: Date }) => Promise<Dashboard>;

const loaders: Partial<Record<DashboardName, DashboardLoader>> = {};

/** The dashboard's figures and tables, or null for a name that is not a dashboard. */
export async function loadDashboard(db: Kysely<DB>, name: DashboardName, filter: InsightFilter, at: { now: Date }): Promise<Dashboard | null> {
	const loader = loaders[name];
	return loader ? loader(db, filter, at) : null;
}
