/** The insight chart on the server-rendered HTML: an accessible SVG with every value printed, the data table and the downloads. */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import type { InsightFigure, InsightTable } from '$lib/domain/insight-table';
import Chart from './Chart.svelte';
import Figures from './Figures.svelte';

vi.mock('$app/state', () => ({
	page: { url: new URL('http://localhost/insight/participation?edition=3&department=7&from=2026-01-01&to=2026-06-30&other=x') }
}));

const table: InsightTable = {
	id: 'by-department',
	title: 'Submitters per department',
	description: 'People who submitted an idea, per department.',
	columns: [
		{ key: 'department', label: 'Department', kind: 'text' },
		{ key: 'first', label: 'First time', kind: 'count' },
		{ key: 'repeat', label: 'Repeat', kind: 'count' },
		{ key: 'share', label: 'Share of staff', kind: 'share' }
	],
	rows: [
		{ department: 'Production', first: 1200, repeat: 30, share: 0.425 },
		{ department: 'Quality and Regulatory Affairs for Operations Support Europe', first: 8, repeat: null, share: null }
	],
	note: 'Groups of fewer than 5 people are merged into Other.'
};

const svgs = (body: string) => body.match(/<svg[^>]*role="img"[\s\S]*?<\/svg>/g) ?? [];
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('Chart', () => {
	const bar = render(Chart, { props: { table, kind: 'bar', x: 'department', y: ['first', 'repeat'], dashboard: 'participation' } }).body;

	it('draws an image with a title and a description, in a wide and a narrow layout with their own ids', () => {
		const [wide, narrow] = svgs(bar);
		expect(wide).toMatch(/viewBox="0 0 520 \d+"/);
		expect(narrow).toMatch(/viewBox="0 0 340 \d+"/);
		expect(wide).toContain('aria-labelledby="by-department-wide-title by-department-wide-desc"');
		expect(wide).toContain('<title id="by-department-wide-title">Submitters per department</title>');
		expect(wide).toContain('<desc id="by-department-wide-desc">People who submitted an idea, per department.</desc>');
		expect(narrow).toContain('id="by-department-narrow-title"');
		expect(bar).toContain('<figure id="by-department"');
	});

	it('draws one bar per value and prints each value at its bar, an empty one as a dash', () => {
		const wide = svgs(bar)[0]!;
		expect(count(wide, /<rect [^>]*data-series/g)).toBe(3);
		expect(wide).toContain('<title>Production, First time: 1,200</title>');
		for (const v of ['>1,200</text>', '>30</text>', '>8</text>', '>–</text>']) expect(wide).toContain(v);
	});

	it('with a limit draws and lists only the first rows, and says the downloads hold them all', () => {
		const limited = render(Chart, {
			props: { table, kind: 'bar', x: 'department', y: ['first', 'repeat'], dashboard: 'participation', limit: 1 }
		}).body;
		const wide = svgs(limited)[0]!;
		expect(count(wide, /<rect [^>]*data-series/g)).toBe(2);
		expect(wide).not.toContain('Quality and Regulatory');
		expect(count(limited, /<tr>/g)).toBe(2); // the header and one row
		expect(limited).toContain('Showing the first 1 of 2; the CSV and Excel hold all 2.');
		expect(bar).not.toContain('data-testid="chart-limited"');
	});

	it('wraps a long category label and keeps the full text in a title', () => {
		const wide = svgs(bar)[0]!;
		expect(wide).toContain('<title>Quality and Regulatory Affairs for Operations Support Europe</title>');
		expect(wide).toMatch(/>Quality and<\/text>/);
		expect(wide).toMatch(/>Regulatory Affairs<\/text>/);
		expect(wide).toMatch(/>for Operations Supp…<\/text>/);
	});

	it('gives the series a legend with a fill each; the second series is hatched, not only another colour', () => {
		expect(bar).toMatch(/<ul[^>]*aria-label="Legend"/);
		expect(bar).toContain('First time</li>');
		expect(svgs(bar)[0]).toContain('<pattern id="by-department-wide-p1"');
		expect(svgs(bar)[0]).toContain('fill="url(#by-department-wide-p1)"');
	});

	it('has the data table with a caption, column and row headers, every column formatted', () => {
		expect(bar).toContain('<summary class="link cursor-pointer">Show the data table</summary>');
		expect(bar).toContain('<caption class="sr-only">Submitters per department</caption>');
		expect(bar).toMatch(/<th scope="col"[^>]*>Share of staff<\/th>/);
		expect(bar).toMatch(/<th scope="row"[^>]*>Production<\/th>/);
		expect(bar).toContain('>42.5%</td>');
		expect(count(bar, /<tbody>[\s\S]*?<\/tbody>/g)).toBe(1);
		expect(count(bar.match(/<tbody>[\s\S]*?<\/tbody>/)![0], /<tr>/g)).toBe(2);
	});

	it('links the CSV and Excel download of this chart with the page filters', () => {
		expect(bar).toContain(
			'href="/insight/export?dashboard=participation&amp;chart=by-department&amp;edition=3&amp;department=7&amp;from=2026-01-01&amp;to=2026-06-30&amp;format=csv"'
		);
		expect(bar).toContain('format=xlsx"');
		expect(bar).not.toContain('other=x');
	});

	it('shows the note', () => {
		expect(bar).toContain('Groups of fewer than 5 people are merged into Other.');
	});

	it('says there is no data instead of drawing an empty chart', () => {
		const { body } = render(Chart, {
			props: { table: { ...table, rows: [] }, kind: 'bar', x: 'department', y: ['first'], dashboard: 'participation' }
		});
		expect(svgs(body)).toHaveLength(0);
		expect(body).toContain('No data for these filters.');
		expect(body).toContain('Show the data table');
	});

	it('stacks the series in one bar per row with the total at the end and labels inside segments that fit', () => {
		const { body } = render(Chart, {
			props: { table, kind: 'stacked', x: 'department', y: ['first', 'repeat'], dashboard: 'participation' }
		});
		const wide = svgs(body)[0]!;
		expect(count(wide, /<rect [^>]*data-series/g)).toBe(3);
		expect(wide).toContain('>1,230</text>');
		expect(wide).toMatch(/class="label-inside[^"]*"[^>]*>(<!--[^>]*-->)*1,200<\/text>/);
	});

	it('draws a line per series with a different marker per series and a direct label at the end', () => {
		const editions: InsightTable = {
			id: 'trend',
			title: 'Participation per edition',
			description: 'Share of staff who took part.',
			columns: [
				{ key: 'edition', label: 'Edition', kind: 'text' },
				{ key: 'mbo', label: 'MBO', kind: 'share' },
				{ key: 'hbo', label: 'HBO+', kind: 'share' }
			],
			rows: [
				{ edition: '2024', mbo: 0.05, hbo: 0.2 },
				{ edition: '2025', mbo: 0.08, hbo: 0.22 },
				{ edition: '2026', mbo: null, hbo: 0.25 }
			]
		};
		const { body } = render(Chart, {
			props: { table: editions, kind: 'line', x: 'edition', y: ['mbo', 'hbo'], dashboard: 'participation', max: 1 }
		});
		const wide = svgs(body)[0]!;
		expect(count(wide, /<path d="M[^"]*" fill="none"/g)).toBe(2);
		expect(count(wide, /<path [^>]*data-series="0"/g)).toBe(2);
		expect(count(wide, /<path [^>]*data-series="1"/g)).toBe(3);
		// the end label names the series, the value of its last point below it
		expect(wide).toMatch(/>MBO<\/text>(<!--[^>]*-->|<text[^>]*>)*8\.0%<\/text>/);
		expect(wide).toMatch(/>HBO\+<\/text>(<!--[^>]*-->|<text[^>]*>)*25\.0%<\/text>/);
		expect(wide).toContain('>100%</text>');
		expect(wide).toContain('>2025</text>');
	});

	it('draws a diverging chart around a labelled zero line, signed values, below-zero bars hatched', () => {
		const jurors: InsightTable = {
			id: 'leniency',
			title: 'Leniency per juror',
			description: 'Mean weighted score minus the jury mean.',
			columns: [
				{ key: 'juror', label: 'Juror', kind: 'text' },
				{ key: 'leniency', label: 'Leniency', kind: 'points' }
			],
			rows: [
				{ juror: 'A', leniency: 0.6 },
				{ juror: 'B', leniency: -0.4 }
			]
		};
		const { body } = render(Chart, { props: { table: jurors, kind: 'diverging', x: 'juror', y: ['leniency'], dashboard: 'juries' } });
		const wide = svgs(body)[0]!;
		expect(wide).toContain('>+0.6</text>');
		expect(wide).toContain('>-0.4</text>');
		expect(wide).toContain('>0 = average</text>');
		expect(wide).toMatch(/<rect [^>]*fill="url\(#leniency-wide-p1\)"[^>]*data-series="1"/);
		expect(body).toContain('Leniency: below average</li>');
	});

	it('draws only the narrow layout when compact', () => {
		const { body } = render(Chart, { props: { table, kind: 'bar', x: 'department', y: ['first'], dashboard: 'summary', compact: true } });
		expect(svgs(body)).toHaveLength(1);
		expect(svgs(body)[0]).toContain('data-layout="narrow"');
	});
});

describe('Figures', () => {
	const figures: InsightFigure[] = [
		{ key: 'ideas', label: 'Ideas submitted', value: 4120, kind: 'count', hint: '+12 on 2025' },
		{ key: 'wait', label: 'Median screening time', value: 12.25, kind: 'days', hint: 'target 10 days', warn: true },
		{ key: 'rate', label: 'Participation', value: null, kind: 'share' }
	];
	const { body } = render(Figures, { props: { figures } });

	it('shows each figure formatted with its label and hint', () => {
		expect(body).toContain('>4,120</dd>');
		expect(body).toContain('12.3 days');
		expect(body).toContain('+12 on 2025');
		expect(body).toContain('>–</dd>');
	});

	it('marks a figure worse than its target with a word, not colour alone', () => {
		const wait = body.slice(body.indexOf('data-figure="wait"'), body.indexOf('data-figure="rate"'));
		expect(wait).toContain('Needs attention');
		expect(body.slice(body.indexOf('data-figure="ideas"'), body.indexOf('data-figure="wait"'))).not.toContain('Needs attention');
	});
});

describe('axis ticks', () => {
	it('never prints two ticks alike, and a count axis has whole numbers only', async () => {
		const { scaleLinear } = await import('d3-scale');
		const { axisTicks } = await import('./geometry');
		const shares = axisTicks(scaleLinear().domain([0, 0.03]), 5, 'share', 'en').map((t) => t.text);
		expect(new Set(shares).size).toBe(shares.length);
		expect(shares).toContain('0.5%');
		expect(axisTicks(scaleLinear().domain([0, 2]), 5, 'count', 'en').map((t) => t.text)).toEqual(['0', '1', '2']);
	});
});
