import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { posterPdf, posterPng, quickIdeaUrl, shortAddress } from './poster-builder.js';
import { placeLines, posterFormSchema } from './posters.schema.js';

const words = { heading: 'Got an idea? Tell us in a minute.', scan: 'Scan the code.', orOpen: 'Or open' };
const origin = 'https://ideas.example.com';

/** The text drawn on the PDF's pages: pdf-lib writes standard-font text as hex strings in flate streams. */
async function textOf(bytes: Uint8Array): Promise<string> {
	const pdf = await PDFDocument.load(bytes);
	const out: string[] = [];
	for (const [, object] of pdf.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue;
		let content: string;
		try {
			content = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
		} catch {
			continue;
		}
		for (const match of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) out.push(Buffer.from(match[1], 'hex').toString('latin1'));
	}
	return out.join('\n');
}

describe('the address a poster encodes', () => {
	it('opens the one-minute idea with the department and the place', () => {
		const url = new URL(quickIdeaUrl(origin, 12, 'Line 3 / cell B'));
		expect(url.origin).toBe(origin);
		expect(url.pathname).toBe('/ideas/quick');
		expect(url.searchParams.get('department')).toBe('12');
		expect(url.searchParams.get('place')).toBe('Line 3 / cell B');
	});

	it('leaves the place out for a department poster', () => {
		expect(quickIdeaUrl('http://localhost:5173', 3, '')).toBe('http://localhost:5173/ideas/quick?department=3');
	});

	it('writes the short address as host and path', () => {
		expect(shortAddress(origin)).toBe('ideas.example.com/ideas/quick');
	});
});

describe('the PNG', () => {
	it('is a PNG of the size asked, the same image as the code of the address', async () => {
		const url = quickIdeaUrl(origin, 5, 'Press 2');
		const png = await posterPng(url, 400);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.readUInt32BE(16)).toBe(400); // IHDR width
		expect(png.readUInt32BE(20)).toBe(400); // IHDR height
		const same = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 4, type: 'png', width: 400 });
		expect(png.equals(same)).toBe(true);
		const other = await posterPng(quickIdeaUrl(origin, 5, 'Press 3'), 400);
		expect(png.equals(other)).toBe(false);
	});
});

describe('the PDF', () => {
	it('has one A4 page per place with the heading, department, place and short address', async () => {
		const bytes = await posterPdf({
			departmentId: 5,
			departmentName: 'Assembly',
			places: ['Line 1', 'Line 2', 'Cleanroom'],
			origin,
			words
		});
		const pdf = await PDFDocument.load(bytes);
		expect(pdf.getPageCount()).toBe(3);
		const { width, height } = pdf.getPage(0).getSize();
		expect(Math.round(width)).toBe(595);
		expect(Math.round(height)).toBe(842);
		const text = await textOf(bytes);
		expect(text.match(/Got an idea\? Tell us in a minute\./g)).toHaveLength(3);
		expect(text).toContain('Assembly');
		for (const place of ['Line 1', 'Line 2', 'Cleanroom']) expect(text).toContain(place);
		expect(text.match(/Or open ideas\.example\.com\/ideas\/quick/g)).toHaveLength(3);
	});

	it('makes one page for the department when no place is given', async () => {
		const pdf = await PDFDocument.load(await posterPdf({ departmentId: 5, departmentName: 'Assembly', places: [], origin, words }));
		expect(pdf.getPageCount()).toBe(1);
	});

	it('writes a character the standard font lacks as a question mark instead of failing', async () => {
		const bytes = await posterPdf({ departmentId: 5, departmentName: 'Assembly', places: ['Hal 3 组装'], origin, words });
		expect(await textOf(bytes)).toContain('Hal 3 ??');
	});

	it('wraps a long place over several lines', async () => {
		const place = 'Workstation '.repeat(16).trim();
		const text = await textOf(await posterPdf({ departmentId: 5, departmentName: 'Assembly', places: [place], origin, words }));
		expect(text.split('\n').filter((line) => line.startsWith('Workstation')).length).toBeGreaterThan(1);
	});
});

describe('the poster form', () => {
	it('reads places one per line, blank lines and repeats left out', () => {
		expect(placeLines('Line 1\r\n\n  Line  2 \nLine 1\n')).toEqual(['Line 1', 'Line 2']);
	});

	it('takes at most 50 places of at most 200 characters', () => {
		const many = Array.from({ length: 51 }, (_, i) => `Place ${i}`).join('\n');
		expect(posterFormSchema.safeParse({ departmentId: '1', places: many }).success).toBe(false);
		const fifty = Array.from({ length: 50 }, (_, i) => `Place ${i}`).join('\n');
		expect(posterFormSchema.parse({ departmentId: '1', places: fifty }).places).toHaveLength(50);
		const long = posterFormSchema.safeParse({ departmentId: '1', places: 'x'.repeat(201) });
		expect(long.success).toBe(false);
		expect(posterFormSchema.parse({ departmentId: '1' })).toEqual({ departmentId: 1, places: [], lang: 'en' });
	});
});
