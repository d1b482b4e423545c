/**
 * QR posters that open the one-minute idea with the department and place filled in: the
 * address they encode, a PNG of the code alone (with its quiet zone) and an A4 PDF, one page
 * per place. No database, no request: the service passes the words in the chosen language.
 */
import QRCode from 'qrcode';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

/** The one-minute idea's address for a poster: `<origin>/ideas/quick?department=<id>&place=<…>`. */
export function quickIdeaUrl(origin: string, departmentId: number, place: string): string {
	const url = new URL('/ideas/quick', origin);
	url.searchParams.set('department', String(departmentId));
	if (place) url.searchParams.set('place', place);
	return url.toString();
}

/** The address written under the code, for a phone without a camera: host and path only. */
export function shortAddress(origin: string): string {
	const url = new URL('/ideas/quick', origin);
	return `${url.host}${url.pathname}`;
}

/** Error correction M (15 %): still reads with a scratch or a glare on a laminated poster. */
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 4 };

/** The QR code as a PNG, 4 modules of quiet zone around it, `width` pixels wide. */
export function posterPng(url: string, width = 600): Promise<Buffer> {
	return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width });
}

export type PosterWords = {
	/** "Got an idea? Tell us in a minute." */
	heading: string;
	/** "Scan the code with your phone's camera." */
	scan: string;
	/** "Or open:" before the short address */
	orOpen: string;
};

export type PosterSheet = { departmentId: number; departmentName: string; places: readonly string[]; origin: string; words: PosterWords };

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.06, 0.2, 0.42);

/**
 * Text the standard font can write: Helvetica knows WinAnsi only, so a character outside it
 * (a Chinese place name, an emoji) becomes "?" instead of failing the whole poster.
 */
export function writable(font: PDFFont, text: string): string {
	let out = '';
	for (const ch of text) {
		try {
			font.encodeText(ch);
			out += ch;
		} catch {
			out += '?';
		}
	}
	return out;
}

/** Words broken into lines no wider than `width` (a word wider than a line stands alone). */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && font.widthOfTextAtSize(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * The PDF: one A4 page per place (one page for the department when no place is given): the
 * heading, the department and place, a large QR code drawn as vector squares (sharp at any
 * print size), how to scan it and the short address written out.
 */
export async function posterPdf(sheet: PosterSheet): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.setTitle(`IdeaCup · ${sheet.departmentName}`);
	pdf.setCreator('IdeaCup');
	pdf.setProducer('IdeaCup');
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const width = A4[0] - 2 * MARGIN;
	const places = sheet.places.length ? sheet.places : [''];
	for (const place of places) {
		const page = pdf.addPage(A4);
		let y = A4[1] - MARGIN;
		const center = (text: string, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.1)) => {
			for (const line of wrapText(font, writable(font, text), size, width)) {
				y -= size * 1.2;
				page.drawText(line, { x: (A4[0] - font.widthOfTextAtSize(line, size)) / 2, y, size, font, color });
			}
		};
		center(sheet.words.heading, bold, 30, BRAND);
		y -= 18;
		center(sheet.departmentName, bold, 20);
		if (place) center(place, regular, 20);
		y -= 24;

		const qr = QRCode.create(quickIdeaUrl(sheet.origin, sheet.departmentId, place), {
			errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel
		});
		const count = qr.modules.size;
		const side = Math.min(width, y - MARGIN - 90);
		const cell = side / (count + 2 * QR_OPTIONS.margin);
		const left = (A4[0] - side) / 2;
		const top = y;
		for (let row = 0; row < count; row++) {
			for (let col = 0; col < count; col++) {
				if (!qr.modules.get(row, col)) continue;
				page.drawRectangle({
					x: left + (col + QR_OPTIONS.margin) * cell,
					y: top - (row + QR_OPTIONS.margin + 1) * cell,
					width: cell + 0.2,
					height: cell + 0.2,
					color: rgb(0, 0, 0)
				});
			}
		}
		y = top - side - 8;
		center(sheet.words.scan, regular, 14);
		y -= 6;
		center(`${sheet.words.orOpen} ${shortAddress(sheet.origin)}`, bold, 16, BRAND);
	}
	return pdf.save();
}
