/**
 * What every insight chart is made of: one small table. The same table draws the chart
 * (server-rendered SVG), shows as the chart's data table, and downloads as CSV and Excel,
 * so what people see and what they download cannot differ.
 */

/** How a column's numbers read: a count, a share (0..1, shown as %), days, points, money. */
export type ColumnKind = 'text' | 'count' | 'share' | 'days' | 'points' | 'number';

export type InsightColumn = {
	key: string;
	/** already in the reader's language */
	label: string;
	kind: ColumnKind;
};

export type Cell = string | number | null;

export type InsightTable = {
	/** stable within a dashboard, used in ?chart= of the export and as the element id: [a-z0-9-]+ */
	id: string;
	/** already in the reader's language */
	title: string;
	/** one or two sentences: what it shows and how it was counted (also the SVG's <desc>) */
	description: string;
	columns: InsightColumn[];
	rows: Record<string, Cell>[];
	/** a line under the chart, e.g. "Groups of fewer than 5 people are merged into Other." */
	note?: string;
};

/** A headline number at the top of a dashboard ("Ideas submitted: 412"). */
export type InsightFigure = {
	key: string;
	label: string;
	value: number | null;
	kind: ColumnKind;
	/** optional smaller line: "+12 on 2025", "target 10 days" */
	hint?: string;
	/** true when the figure is worse than the programme's own target (shown with an icon and words, not colour alone) */
	warn?: boolean;
};

export const DASHBOARDS = ['summary', 'participation', 'flow', 'mentoring', 'juries', 'results'] as const;
export type DashboardName = (typeof DASHBOARDS)[number];

export type Dashboard = {
	figures: InsightFigure[];
	tables: InsightTable[];
};
