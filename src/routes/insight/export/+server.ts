import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { resolveInsight } from '$lib/server/insight/scope';
import { loadDashboard } from '$lib/server/insight/dashboards';
import { dashboardWorkbook, filterLines, tableCsv } from '$lib/server/insight/export';
import { download } from '$lib/server/http';
import { DASHBOARDS, type DashboardName } from '$lib/domain/insight-table';

const querySchema = z.object({
	dashboard: z.enum(DASHBOARDS),
	chart: z
		.string()
		.regex(/^[a-z0-9-]{1,64}$/)
		.optional(),
	format: z.enum(['csv', 'xlsx'])
});

const dashboardLabel: Record<DashboardName, () => string> = {
	summary: m.insight_tab_summary,
	participation: m.insight_tab_participation,
	flow: m.insight_tab_flow,
	mentoring: m.insight_tab_mentoring,
	juries: m.insight_tab_juries,
	results: m.insight_tab_results
};

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * One chart's data (?chart=) as CSV or Excel, or a whole dashboard as one workbook, with
 * the same filters and the same service as the page: a dashboard the reader may not open,
 * or a chart it does not have, is 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const parsed = querySchema.safeParse({
		dashboard: url.searchParams.get('dashboard') ?? undefined,
		chart: url.searchParams.get('chart') || undefined,
		format: url.searchParams.get('format') ?? undefined
	});
	if (!parsed.success) error(parsed.error.issues.some((i) => i.path[0] === 'format') ? 400 : 404, 'Not found');
	const { dashboard, chart, format } = parsed.data;
	if (format === 'csv' && !chart) error(400, 'A CSV holds one chart: add chart=');

	const now = new Date();
	const resolved = await resolveInsight(db(), user, url.searchParams, dashboard, now);
	if (!resolved || !resolved.access.dashboards.includes(dashboard)) error(404, 'Not found');
	const data = await loadDashboard(db(), dashboard, resolved.filter, { now });
	const tables = chart ? data.tables.filter((t) => t.id === chart) : data.tables;
	if (chart && tables.length === 0) error(404, 'Not found');

	const stem = `ideacup-${dashboard}${chart ? `-${chart}` : ''}-${dayFormat.format(now)}`;
	if (format === 'csv') return download(tableCsv(tables[0]), `${stem}.csv`, 'text/csv; charset=utf-8');
	const body = await dashboardWorkbook(tables, {
		dashboard: dashboardLabel[dashboard](),
		filters: filterLines(resolved, { locale: getLocale(), withDepartment: dashboard !== 'summary' }),
		generatedAt: now
	});
	return download(body, `${stem}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
};
