import { describe, expect, it } from 'vitest';
import { ATTACHMENT_KINDS, MB } from '../../domain/attachment-kinds.js';
import {
	AttachmentRefused,
	chooseKind,
	createTextCheck,
	judgeCaptions,
	judgeFile,
	startsAsWebVtt,
	kindsTeamMayAttach,
	nameForContent,
	sanitizeFileName,
	streamLimit,
	type FileFacts
} from './rules.js';

const PNG = 'image/png';
const PDF = 'application/pdf';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ALL = [...ATTACHMENT_KINDS];

function judge(f: Partial<FileFacts>) {
	return judgeFile({ fileName: 'file', detected: PNG, sizeBytes: 1000, chosenKind: null, allowedKinds: ALL, ...f });
}

function refusal(f: Partial<FileFacts>): AttachmentRefused {
	try {
		judge(f);
	} catch (error) {
		if (error instanceof AttachmentRefused) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('limits per kind', () => {
	it('cuts a stream off at the chosen kind, or at the largest kind allowed now', () => {
		expect(streamLimit('photo', ALL)).toBe(20 * MB);
		expect(streamLimit(null, ALL)).toBe(200 * MB);
		expect(streamLimit(null, ['photo', 'slides'])).toBe(50 * MB);
	});
});

describe('who may attach what, when', () => {
	it('the team adds anything to a draft or returned idea', () => {
		expect(kindsTeamMayAttach({ status: 'draft', isMember: true })).toEqual(ALL);
		expect(kindsTeamMayAttach({ status: 'returned', isMember: true })).toEqual(ALL);
	});

	it('after acceptance the team adds only presentation and roll-out material', () => {
		for (const status of ['accepted', 'coaching', 'semi_final', 'finalist', 'winner', 'runner_up', 'implemented']) {
			expect(kindsTeamMayAttach({ status, isMember: true })).toEqual(['slides', 'video', 'work_instruction']);
		}
	});

	it('nothing while the organisers have it, nothing once closed, nothing for non-members', () => {
		for (const status of ['submitted', 'screening', 'declined', 'withdrawn', 'merged', 'not_advanced', 'published']) {
			expect(kindsTeamMayAttach({ status, isMember: true })).toEqual([]);
		}
		expect(kindsTeamMayAttach({ status: 'draft', isMember: false })).toEqual([]);
	});
});

describe('choosing the kind from the content', () => {
	it('images are photos, videos videos, PPTX slides, a PDF a document', () => {
		expect(chooseKind(PNG, ALL)).toBe('photo');
		expect(chooseKind('video/quicktime', ALL)).toBe('video');
		expect(chooseKind('video/mp4', ALL)).toBe('video');
		expect(chooseKind(PPTX, ALL)).toBe('slides');
		expect(chooseKind(PDF, ALL)).toBe('document');
		expect(chooseKind('text/plain', ALL)).toBe('document');
	});

	it('after acceptance a PDF becomes slides and a DOCX a work instruction', () => {
		const late = kindsTeamMayAttach({ status: 'coaching', isMember: true });
		expect(chooseKind(PDF, late)).toBe('slides');
		expect(chooseKind(DOCX, late)).toBe('work_instruction');
		expect(chooseKind(PNG, late)).toBeNull();
	});
});

describe('judging a file by its content', () => {
	it('accepts a PNG as a photo, chosen or not', () => {
		expect(judge({ fileName: 'line.png' })).toEqual({ kind: 'photo', mediaType: PNG, fileName: 'line.png' });
		expect(judge({ fileName: 'line.png', chosenKind: 'photo' }).kind).toBe('photo');
	});

	it('refuses a PNG named .pdf sent as slides, naming both', () => {
		const e = refusal({ fileName: 'photo.pdf', chosenKind: 'slides' });
		expect(e.code).toBe('type_not_allowed');
		expect(e.message).toBe('photo.pdf is a PNG image, not a PDF. Slides must be PDF or PPTX.');
		expect(e.details).toMatchObject({ detected: 'PNG', claimed: 'PDF', accepted: 'PDF, PPTX' });
		expect(e.status).toBe(400);
	});

	it('refuses content that fits no kind, and content nothing recognises', () => {
		const zip = refusal({ fileName: 'stuff.zip', detected: 'application/zip' });
		expect(zip.code).toBe('type_not_allowed');
		expect(zip.message).toMatch(/^stuff\.zip is a file of type application\/zip\. Accepted: JPEG/);
		const unknown = refusal({ fileName: 'report.pdf', detected: null });
		expect(unknown.message).toMatch(/^report\.pdf is not a PDF, nor any other file type we accept\./);
		expect(unknown.details.detected).toBe('unknown');
		expect(refusal({ fileName: 'blob.bin', detected: null }).message).toMatch(/^blob\.bin is not a file type we accept\./);
	});

	it('accepts a PNG named .pdf as a photo and stores it as .png', () => {
		expect(judge({ fileName: 'photo.pdf' })).toEqual({ kind: 'photo', mediaType: PNG, fileName: 'photo.png' });
	});

	it('refuses a file over its kind limit, and takes one exactly at it', () => {
		expect(judge({ fileName: 'a.png', sizeBytes: 20 * MB }).kind).toBe('photo');
		const e = refusal({ fileName: 'a.png', sizeBytes: 20 * MB + 1 });
		expect(e.code).toBe('too_large');
		expect(e.httpStatus).toBe(413);
		expect(e.message).toBe('a.png is 20.0 MB; photos may be up to 20 MB.');
		expect(e.details.limitBytes).toBe(20 * MB);
	});

	it('refuses a kind that is not allowed now, whether chosen or picked from the content', () => {
		const late = kindsTeamMayAttach({ status: 'accepted', isMember: true });
		const chosen = refusal({ fileName: 'a.png', chosenKind: 'photo', allowedKinds: late });
		expect(chosen.code).toBe('kind_not_allowed_now');
		expect(chosen.status).toBe(409);
		const picked = refusal({ fileName: 'a.png', allowedKinds: late });
		expect(picked.code).toBe('kind_not_allowed_now');
		expect(picked.message).toContain('Now you can add slides, videos or work instructions.');
	});

	it('refuses an empty file', () => {
		expect(refusal({ sizeBytes: 0 }).code).toBe('empty_file');
	});

	it('only documents take plain text; work instructions take PDF, DOCX and MP4', () => {
		expect(judge({ fileName: 'data.csv', detected: 'text/plain' })).toMatchObject({ kind: 'document', fileName: 'data.csv' });
		expect(refusal({ fileName: 'data.csv', detected: 'text/plain', chosenKind: 'slides' }).code).toBe('type_not_allowed');
		for (const t of [PDF, DOCX, 'video/mp4'])
			expect(judge({ fileName: 'wi', detected: t, chosenKind: 'work_instruction' }).kind).toBe('work_instruction');
		expect(refusal({ fileName: 'wi.mov', detected: 'video/quicktime', chosenKind: 'work_instruction' }).code).toBe('type_not_allowed');
	});
});

describe('file names', () => {
	it('keeps only the last path part', () => {
		expect(sanitizeFileName('C:\\fakepath\\Line 3.jpg')).toBe('Line 3.jpg');
		expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
	});

	it('strips control and direction characters and trailing dots', () => {
		expect(sanitizeFileName('evil\u202Egpj.exe')).toBe('evilgpj.exe');
		expect(sanitizeFileName('a\u0000b\nc.txt')).toBe('abc.txt');
		expect(sanitizeFileName('  notes.txt.. ')).toBe('notes.txt');
	});

	it('is never empty', () => {
		expect(sanitizeFileName('')).toBe('file');
		expect(sanitizeFileName('..')).toBe('file');
		expect(sanitizeFileName('/\u0001')).toBe('file');
	});

	it('limits a name to 200 characters and keeps the extension', () => {
		const long = sanitizeFileName(`${'é'.repeat(300)}.pptx`);
		expect(Array.from(long)).toHaveLength(200);
		expect(long.endsWith('é.pptx')).toBe(true);
	});

	it('gives the name the extension of its content', () => {
		expect(nameForContent('photo.pdf', PNG)).toBe('photo.png');
		expect(nameForContent('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
		expect(nameForContent('report.v2', PDF)).toBe('report.v2.pdf');
		expect(nameForContent('clip', 'video/quicktime')).toBe('clip.mov');
	});
});

describe('plain text has no magic number', () => {
	const check = (...chunks: (string | number[])[]) => {
		const t = createTextCheck(1000);
		for (const c of chunks) t.push(typeof c === 'string' ? new TextEncoder().encode(c) : new Uint8Array(c));
		return t.finish();
	};

	it('takes UTF-8 text, also split inside a character', () => {
		expect(check('name;score\nAnneke;4\n')).toBe(true);
		const bytes = Array.from(new TextEncoder().encode('Sla gestroomlijnd – ëën'));
		expect(check(bytes.slice(0, 20), bytes.slice(20))).toBe(true);
	});

	it('refuses NULs, invalid UTF-8, a cut-off character, emptiness and anything over the limit', () => {
		expect(check('a\u0000b')).toBe(false);
		expect(check([0xff, 0xfe, 0x41, 0x00])).toBe(false);
		expect(check([0xc3])).toBe(false);
		expect(check()).toBe(false);
		expect(check('x'.repeat(1001))).toBe(false);
	});
});

describe('captions (judgeCaptions)', () => {
	const enc = (s: string) => new TextEncoder().encode(s);
	const facts = (text: string, over: Partial<Parameters<typeof judgeCaptions>[0]> = {}) => ({
		fileName: 'subs.vtt',
		detected: null,
		isText: true,
		head: enc(text).subarray(0, 16),
		sizeBytes: enc(text).length,
		...over
	});

	it.each([
		['WEBVTT', true],
		['WEBVTT\n\n00:00.000 --> 00:01.000', true],
		['WEBVTT - Torque', true],
		['WEBVTT\tx', true],
		['\ufeffWEBVTT\r\n', true],
		['WEBVTTX', false],
		['webvtt\n', false],
		[' WEBVTT\n', false],
		['1\n00:00:01,000 --> 00:00:02,000', false]
	])('%j starts as WebVTT: %s', (text, ok) => {
		expect(startsAsWebVtt(enc(text).subarray(0, 16))).toBe(ok);
	});

	it('accepts WebVTT whatever file-type calls it, and gives the name .vtt', () => {
		expect(judgeCaptions(facts('WEBVTT\n'))).toEqual({ kind: 'captions', mediaType: 'text/vtt', fileName: 'subs.vtt' });
		expect(judgeCaptions(facts('WEBVTT\n', { detected: 'text/vtt', fileName: 'subs.txt' })).fileName).toBe('subs.vtt');
		expect(judgeCaptions(facts('WEBVTT\n', { fileName: 'subs.en' })).fileName).toBe('subs.en.vtt');
	});

	it('refuses a PNG named .vtt, binary bytes, SubRip text, an empty file and more than 1 MB', () => {
		expect(() => judgeCaptions(facts('x', { detected: 'image/png', isText: false }))).toThrow(
			'subs.vtt is a PNG image, not WebVTT captions.'
		);
		expect(() => judgeCaptions(facts('WEBVTT', { isText: false }))).toThrow('subs.vtt is binary data, not WebVTT captions.');
		expect(() => judgeCaptions(facts('1\n00:00:01,000 --> 00:00:02,000\n'))).toThrow(expect.objectContaining({ code: 'not_webvtt' }));
		expect(() => judgeCaptions(facts('', { sizeBytes: 0 }))).toThrow(expect.objectContaining({ code: 'empty_file' }));
		expect(() => judgeCaptions(facts('WEBVTT', { sizeBytes: MB + 1 }))).toThrow(expect.objectContaining({ code: 'too_large' }));
	});
});
