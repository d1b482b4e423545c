/**
 * Where every mark of an insight chart goes, computed on the server (d3-scale, d3-shape) so
 * the SVG is complete without JavaScript. Chart.svelte only draws what this returns. Two
 * layouts: 'wide' (category labels left of the bars, for screens from 640 px and print) and
 * 'narrow' (labels above the bars, for phones), both with a fixed viewBox.
 */
import { scaleLinear, scalePoint, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Cell, ColumnKind, InsightTable } from '$lib/domain/insight-table';
import { formatCell, formatTick } from './format';

export type ChartKind = 'bar' | 'stacked' | 'line' | 'diverging';
export type ChartLayout = 'wide' | 'narrow';

/**
 * Okabe-Ito (colour-blind safe), darkened so each colour has at least 4.5:1 contrast with
 * white: the marks pass WCAG 1.4.11 (3:1) and white labels inside a bar stay readable.
 */
export const PALETTE = ['#0072B2', '#B34F00', '#00785A', '#A1487A', '#8F5C00', '#595959'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
export type Marker = (typeof MARKERS)[number];
/** Fills beside colour, so series differ in print and for colour-blind readers: the first is solid. */
export const PATTERNS = ['solid', 'diagonal', 'dots', 'crosshatch', 'horizontal', 'vertical'] as const;
export type Pattern = (typeof PATTERNS)[number];

export type Series = { key: string; label: string; kind: ColumnKind; colour: string; marker: Marker; pattern: Pattern; index: number };

export type Mark = { x: number; y: number; w: number; h: number; series: number; title: string };
export type Label = {
	x: number;
	y: number;
	text: string;
	anchor: 'start' | 'middle' | 'end';
	/** category | value | tick | inside (white on a bar) | axis */
	role: 'category' | 'value' | 'tick' | 'inside' | 'axis';
	/** the full text when `text` was cut */
	title?: string;
	bold?: boolean;
	/** drawn in this series' colour (line ends) or with its colour as halo (inside a bar) */
	series?: number;
};
export type Rule = { x1: number; y1: number; x2: number; y2: number; strong?: boolean };
export type LinePath = { d: string; series: number };
export type Point = { x: number; y: number; series: number; title: string };

export type ChartModel = {
	width: number;
	height: number;
	fontSize: number;
	series: Series[];
	rules: Rule[];
	bars: Mark[];
	lines: LinePath[];
	points: Point[];
	labels: Label[];
};

export type ChartInput = {
	table: InsightTable;
	kind: ChartKind;
	x: string;
	y: string[];
	max?: number;
	locale: string;
	/** the words on the zero line of a diverging chart and either side of it */
	words: { total: string; zero: string; below: string; above: string };
};

const SIZES = {
	wide: { width: 520, fontSize: 13, labelWidth: 150 },
	narrow: { width: 340, fontSize: 13, labelWidth: 0 }
} as const;

/** Roughly how wide a text is: good enough to decide wrapping and whether a label fits inside a bar. */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

/** Cuts a text to `chars` characters with an ellipsis. */
export function truncate(text: string, chars: number): string {
	return text.length <= chars ? text : text.slice(0, Math.max(1, chars - 1)).trimEnd() + '…';
}

/** Wraps a label on spaces into at most `lines` lines of `chars` characters; the last line ends in … when cut. */
export function wrap(text: string, chars: number, lines = 2): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		const next = current ? `${current} ${word}` : word;
		if (next.length <= chars) {
			current = next;
			continue;
		}
		if (current) out.push(current);
		current = word;
		if (out.length === lines - 1) {
			const rest = words.slice(i).join(' ');
			out.push(truncate(rest, chars));
			return out;
		}
	}
	if (current) out.push(truncate(current, chars));
	return out.length ? out : [''];
}

/** An SVG path for a marker of radius r centred on (x, y). */
export function markerPath(marker: Marker, x: number, y: number, r = 4.5): string {
	const f = (n: number) => Math.round(n * 100) / 100;
	switch (marker) {
		case 'circle':
			return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
		case 'square':
			return `M${f(x - r)},${f(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
		case 'triangle':
			return `M${f(x)},${f(y - r * 1.2)}L${f(x + r * 1.15)},${f(y + r * 0.8)}L${f(x - r * 1.15)},${f(y + r * 0.8)}Z`;
		case 'diamond':
			return `M${f(x)},${f(y - r * 1.3)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r * 1.3)}L${f(x - r)},${f(y)}Z`;
		case 'cross': {
			const t = r * 0.4;
			return `M${f(x - t)},${f(y - r)}h${f(2 * t)}v${f(r - t)}h${f(r - t)}v${f(2 * t)}h${f(t - r)}v${f(r - t)}h${f(-2 * t)}v${f(t - r)}h${f(t - r)}v${f(-2 * t)}h${f(r - t)}Z`;
		}
		case 'star': {
			const pts: string[] = [];
			for (let i = 0; i < 10; i++) {
				const a = (Math.PI / 5) * i - Math.PI / 2;
				const rr = i % 2 === 0 ? r * 1.3 : r * 0.55;
				pts.push(`${f(x + rr * Math.cos(a))},${f(y + rr * Math.sin(a))}`);
			}
			return `M${pts.join('L')}Z`;
		}
	}
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const r1 = (n: number) => Math.round(n * 10) / 10;

export function seriesOf(table: InsightTable, y: readonly string[]): Series[] {
	return y.map((key, index) => {
		const column = table.columns.find((c) => c.key === key);
		return {
			key,
			label: column?.label ?? key,
			kind: column?.kind ?? 'number',
			colour: PALETTE[index % PALETTE.length],
			marker: MARKERS[index % MARKERS.length],
			pattern: PATTERNS[index % PATTERNS.length],
			index
		};
	});
}

/** Whether the table has anything to draw: at least one row with a number in one of the series. */
export function hasData(table: InsightTable, y: readonly string[]): boolean {
	return table.rows.some((row) => y.some((key) => num(row[key]) !== null));
}

/** The geometry of one chart in one layout. */
export function chartModel(input: ChartInput, layout: ChartLayout): ChartModel {
	return input.kind === 'line' ? lineModel(input, layout) : barModel(input, layout);
}

/** The ticks of an axis with their texts; a count axis has whole numbers only. */
export function axisTicks(
	scale: ScaleLinear<number, number>,
	count: number,
	kind: ColumnKind,
	locale: string
): { value: number; text: string }[] {
	const ticks = scale.ticks(count).filter((t) => kind !== 'count' || Number.isInteger(t));
	const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
	return ticks.map((value) => ({ value, text: formatTick(value, kind, locale, step) }));
}

function categoryText(value: Cell | undefined): string {
	return value === null || value === undefined ? '–' : String(value);
}

function barModel(input: ChartInput, layout: ChartLayout): ChartModel {
	const { table, kind, locale } = input;
	const { width, fontSize, labelWidth } = SIZES[layout];
	const series = seriesOf(table, kind === 'diverging' ? input.y.slice(0, 1) : input.y);
	const stacked = kind === 'stacked';
	const diverging = kind === 'diverging';
	const wide = layout === 'wide';
	const lineHeight = fontSize + 3;

	const values = table.rows.map((row) => series.map((s) => num(row[s.key])));
	const totals = values.map((vs) => vs.reduce<number>((a, v) => a + (v ?? 0), 0));
	const all = stacked ? totals : values.flat().filter((v): v is number => v !== null);
	let lo = Math.min(0, ...all);
	let hi = Math.max(0, ...all, input.max ?? 0);
	if (diverging) {
		const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
		lo = -m;
		hi = m;
	}
	if (hi === lo) hi = lo + 1;

	const valueRoom = stacked ? 76 : 68;
	const left = wide ? labelWidth + 10 : 4;
	// a diverging chart prints values beyond both ends
	const x0 = diverging ? left + 44 : left;
	const x1 = diverging ? width - 44 : width - valueRoom;
	const scale = scaleLinear().domain([lo, hi]).range([x0, x1]);
	if (input.max === undefined) scale.nice(4);
	const zero = scale(0);

	const nBars = stacked ? 1 : series.length;
	const barHeight = nBars === 1 ? 20 : 15;
	const barGap = 2;
	const groupGap = wide ? 12 : 10;
	const top = fontSize + 10;
	const rules: Rule[] = [];
	const bars: Mark[] = [];
	const labels: Label[] = [];
	const tickKind = series[0]?.kind ?? 'number';

	let y = top + 4;
	table.rows.forEach((row, r) => {
		const name = categoryText(row[input.x]);
		let pad = 0;
		if (wide) {
			const lines = wrap(name, Math.floor(labelWidth / (fontSize * 0.56)), 3);
			const groupHeight = nBars * barHeight + (nBars - 1) * barGap;
			// a label taller than its bars gets room above and below them
			pad = Math.max(0, Math.ceil((lines.length * lineHeight - groupHeight - groupGap) / 2) + 2);
			y += pad;
			const firstLineY = y + groupHeight / 2 - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
			lines.forEach((text, i) =>
				labels.push({
					x: labelWidth,
					y: firstLineY + i * lineHeight,
					text,
					anchor: 'end',
					role: 'category',
					title: lines.join(' ') !== name ? name : undefined
				})
			);
		} else {
			const text = truncate(name, Math.floor((width - 8) / (fontSize * 0.56)));
			labels.push({
				x: left,
				y: y + fontSize,
				text,
				anchor: 'start',
				role: 'category',
				title: text !== name ? name : undefined,
				bold: true
			});
			y += lineHeight + 4;
		}

		if (stacked) {
			let acc = 0;
			series.forEach((s, i) => {
				const v = values[r][i] ?? null;
				if (v === null || v === 0) return;
				const a = scale(acc);
				const b = scale(acc + v);
				acc += v;
				const formatted = formatCell(v, s.kind, locale);
				bars.push({
					x: r1(Math.min(a, b)),
					y,
					w: r1(Math.abs(b - a)),
					h: barHeight,
					series: i,
					title: `${name}, ${s.label}: ${formatted}`
				});
				if (Math.abs(b - a) >= textWidth(formatted, fontSize - 1) + 8)
					labels.push({
						x: r1((a + b) / 2),
						y: y + barHeight / 2 + fontSize * 0.35,
						text: formatted,
						anchor: 'middle',
						role: 'inside',
						bold: true,
						series: i
					});
			});
			labels.push({
				x: r1(scale(Math.max(acc, 0)) + 5),
				y: y + barHeight / 2 + fontSize * 0.35,
				text: formatCell(totals[r], tickKind, locale),
				anchor: 'start',
				role: 'value',
				title: input.words.total,
				bold: true
			});
			y += barHeight;
		} else {
			series.forEach((s, i) => {
				const v = values[r][i] ?? null;
				const formatted = formatCell(v, s.kind, locale, { signed: diverging });
				const mid = y + barHeight / 2 + fontSize * 0.35;
				if (v === null) {
					labels.push({ x: r1(zero + 5), y: mid, text: formatted, anchor: 'start', role: 'value' });
				} else {
					const end = scale(v);
					// a diverging chart's below-zero bars are the second colour, hatched: the side is not told by colour alone
					const shown = diverging && v < 0 ? 1 : i;
					bars.push({
						x: r1(Math.min(zero, end)),
						y,
						w: Math.max(r1(Math.abs(end - zero)), v === 0 ? 0 : 1),
						h: barHeight,
						series: shown,
						title: `${name}, ${s.label}: ${formatted}`
					});
					labels.push({ x: r1(v < 0 ? end - 5 : end + 5), y: mid, text: formatted, anchor: v < 0 ? 'end' : 'start', role: 'value' });
				}
				y += barHeight + (i < series.length - 1 ? barGap : 0);
			});
		}
		y += pad + groupGap;
	});
	const bottom = y - groupGap + 6;

	for (const t of axisTicks(scale, layout === 'wide' ? 5 : 4, tickKind, locale)) {
		const tx = r1(scale(t.value));
		rules.push({ x1: tx, y1: top, x2: tx, y2: bottom, strong: t.value === 0 });
		labels.push({ x: tx, y: top - 6, text: t.text, anchor: 'middle', role: 'tick' });
	}
	if (lo < 0 || diverging) rules.push({ x1: r1(zero), y1: top - 2, x2: r1(zero), y2: bottom, strong: true });

	let height = bottom + 4;
	if (diverging) {
		const axisY = bottom + fontSize + 6;
		labels.push({ x: r1(zero), y: axisY, text: input.words.zero, anchor: 'middle', role: 'axis', bold: true });
		labels.push({ x: r1(x0), y: axisY + lineHeight, text: `← ${input.words.below}`, anchor: 'start', role: 'axis' });
		labels.push({ x: r1(x1), y: axisY + lineHeight, text: `${input.words.above} →`, anchor: 'end', role: 'axis' });
		height = axisY + lineHeight + 6;
		// the second series entry describes the below-zero bars (colour and hatching)
		const first = series[0];
		if (first) {
			series[0] = { ...first, label: `${first.label}: ${input.words.above}` };
			series.push({
				...first,
				label: `${first.label}: ${input.words.below}`,
				colour: PALETTE[1],
				pattern: PATTERNS[1],
				marker: MARKERS[1],
				index: 1
			});
		}
	}
	return { width, height: Math.ceil(height), fontSize, series, rules, bars, lines: [], points: [], labels };
}

function lineModel(input: ChartInput, layout: ChartLayout): ChartModel {
	const { table, locale } = input;
	const { width, fontSize } = SIZES[layout];
	const series = seriesOf(table, input.y);
	const categories = table.rows.map((row) => categoryText(row[input.x]));
	const values = table.rows.map((row) => series.map((s) => num(row[s.key])));
	const all = values.flat().filter((v): v is number => v !== null);
	const tickKind = series[0]?.kind ?? 'number';

	const endRoom = layout === 'wide' ? 130 : 96;
	const left = layout === 'wide' ? 52 : 44;
	const top = 16;
	const plotBottom = layout === 'wide' ? 230 : 210;
	const lo = Math.min(0, ...all);
	let hi = Math.max(lo, ...all, input.max ?? lo);
	if (hi <= lo) hi = lo + 1;
	const yScale = scaleLinear().domain([lo, hi]).range([plotBottom, top]);
	if (input.max === undefined) yScale.nice(4);
	const xScale = scalePoint<number>()
		.domain(categories.map((_, i) => i))
		.range([left + 12, width - endRoom])
		.padding(0.1);

	const rules: Rule[] = [];
	const labels: Label[] = [];
	for (const t of axisTicks(yScale, 4, tickKind, locale)) {
		const ty = r1(yScale(t.value));
		rules.push({ x1: left, y1: ty, x2: width - endRoom + 8, y2: ty, strong: t.value === 0 });
		labels.push({ x: left - 6, y: ty + fontSize * 0.35, text: t.text, anchor: 'end', role: 'tick' });
	}
	const step = categories.length > 1 ? xScale.step() : width - endRoom - left;
	const chars = Math.max(3, Math.floor(step / (fontSize * 0.56)));
	categories.forEach((name, i) => {
		const lines = wrap(name, chars, 2);
		lines.forEach((text, j) =>
			labels.push({
				x: r1(xScale(i)!),
				y: plotBottom + fontSize + 8 + j * (fontSize + 3),
				text,
				anchor: 'middle',
				role: 'category',
				title: lines.join(' ') !== name ? name : undefined
			})
		);
	});

	const lines: LinePath[] = [];
	const points: Point[] = [];
	const ends: { series: number; y: number; text: string; title: string; value: string | null }[] = [];
	series.forEach((s, i) => {
		const pts = values.map((vs, r) => ({ r, v: vs[i] ?? null }));
		const path = line<{ r: number; v: number | null }>()
			.defined((p) => p.v !== null)
			.x((p) => r1(xScale(p.r)!))
			.y((p) => r1(yScale(p.v ?? 0)))(pts);
		if (path) lines.push({ d: path, series: i });
		for (const p of pts) {
			if (p.v === null) continue;
			const formatted = formatCell(p.v, s.kind, locale);
			points.push({ x: r1(xScale(p.r)!), y: r1(yScale(p.v)), series: i, title: `${s.label}, ${categories[p.r]}: ${formatted}` });
			// one series: every point carries its value; several: the end label does
			if (series.length === 1)
				labels.push({ x: r1(xScale(p.r)!), y: r1(yScale(p.v) - 9), text: formatted, anchor: 'middle', role: 'value' });
		}
		const last = [...pts].reverse().find((p) => p.v !== null);
		if (last) {
			const chars = Math.floor((endRoom - 14) / ((fontSize - 1) * 0.56));
			const value = series.length === 1 ? null : formatCell(last.v, s.kind, locale);
			ends.push({ series: i, y: yScale(last.v!), text: truncate(s.label, chars), title: s.label, value });
		}
	});
	// direct labels at the line ends (the name, and with several series the last value below it), pushed apart so they never overlap
	ends.sort((a, b) => a.y - b.y);
	const gap = (series.length === 1 ? 1 : 2) * (fontSize + 2);
	for (let i = 1; i < ends.length; i++) if (ends[i].y - ends[i - 1].y < gap) ends[i].y = ends[i - 1].y + gap;
	const overflow = (ends.at(-1)?.y ?? 0) + gap - fontSize - 2 - plotBottom;
	if (overflow > 0) for (const e of ends) e.y -= overflow;
	for (const e of ends) {
		const x = width - endRoom + 14;
		const title = e.text !== e.title ? e.title : undefined;
		labels.push({ x, y: r1(e.y + fontSize * 0.35), text: e.text, anchor: 'start', role: 'value', bold: true, title, series: e.series });
		if (e.value !== null)
			labels.push({ x, y: r1(e.y + fontSize * 0.35 + fontSize + 2), text: e.value, anchor: 'start', role: 'value', series: e.series });
	}
	const height = plotBottom + fontSize + 8 + (fontSize + 3) + 8;
	return { width, height, fontSize, series, rules, bars: [], lines, points, labels };
}
