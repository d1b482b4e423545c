import { describe, expect, it } from 'vitest';
import { formatCell, formatTick } from './format';

describe('formatCell', () => {
	it('writes counts with the locale thousands separator', () => {
		expect(formatCell(12345, 'count', 'en')).toBe('12,345');
		expect(formatCell(12345, 'count', 'nl')).toBe('12.345');
		expect(formatCell(0, 'count', 'en')).toBe('0');
	});

	it('writes a share (0..1) as a percentage with one decimal', () => {
		expect(formatCell(0.425, 'share', 'en')).toBe('42.5%');
		expect(formatCell(0.425, 'share', 'nl')).toBe('42,5%');
		expect(formatCell(1, 'share', 'en')).toBe('100.0%');
		expect(formatCell(0.00049, 'share', 'en')).toBe('0.0%');
	});

	it('writes days with one decimal and the unit word', () => {
		expect(formatCell(3.25, 'days', 'en')).toBe('3.3 days');
		expect(formatCell(3.5, 'days', 'nl')).toBe('3,5 dagen');
		expect(formatCell(12, 'days', 'en')).toBe('12.0 days');
	});

	it('writes points with one decimal, signed when asked', () => {
		expect(formatCell(7.04, 'points', 'en')).toBe('7.0');
		expect(formatCell(-0.45, 'points', 'nl')).toBe('-0,5');
		expect(formatCell(0.4, 'points', 'en', { signed: true })).toBe('+0.4');
		expect(formatCell(-0.4, 'points', 'en', { signed: true })).toBe('-0.4');
		expect(formatCell(0, 'points', 'en', { signed: true })).toBe('0.0');
	});

	it('writes other numbers with at most two decimals', () => {
		expect(formatCell(1234.567, 'number', 'en')).toBe('1,234.57');
		expect(formatCell(1234.5, 'number', 'nl')).toBe('1.234,5');
	});

	it('writes a dash for an empty value, never 0', () => {
		expect(formatCell(null, 'count', 'en')).toBe('–');
		expect(formatCell(undefined, 'share', 'en')).toBe('–');
		expect(formatCell(Number.NaN, 'days', 'en')).toBe('–');
	});

	it('leaves text as it is', () => {
		expect(formatCell('Production', 'text', 'en')).toBe('Production');
		expect(formatCell(2025, 'text', 'en')).toBe('2025');
	});
});

describe('formatTick', () => {
	it('writes shares as percentages with the decimals the step needs, days without the unit word', () => {
		expect(formatTick(0.2, 'share', 'en', 0.2)).toBe('20%');
		expect(formatTick(0.005, 'share', 'en', 0.005)).toBe('0.5%');
		expect(formatTick(0.01, 'share', 'nl', 0.005)).toBe('1,0%');
		expect(formatTick(2.5, 'days', 'nl', 0.5)).toBe('2,5');
		expect(formatTick(1000, 'count', 'en', 200)).toBe('1,000');
	});
});
