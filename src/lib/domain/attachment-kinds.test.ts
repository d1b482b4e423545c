import { describe, expect, it } from 'vitest';
import {
	ATTACHMENT_KINDS,
	KB_ATTACHMENT_KINDS,
	KIND_RULES,
	MAX_UPLOAD_BYTES,
	MB,
	PICKER_ACCEPT,
	isAttachmentKind,
	mediaPresentation,
	CAPTIONS_KIND
} from './attachment-kinds';

describe('limits per kind', () => {
	it('states photos 20 MB, slides and documents 50 MB, videos and work instructions 200 MB', () => {
		expect(KIND_RULES.photo.maxBytes).toBe(20 * MB);
		expect(KIND_RULES.slides.maxBytes).toBe(50 * MB);
		expect(KIND_RULES.document.maxBytes).toBe(50 * MB);
		expect(KIND_RULES.video.maxBytes).toBe(200 * MB);
		expect(KIND_RULES.work_instruction.maxBytes).toBe(200 * MB);
		expect(MAX_UPLOAD_BYTES).toBe(200 * MB);
	});

	it('counts a megabyte as 1,048,576 bytes, so a file shown as "20 MB" is never too large for a photo', () => {
		expect(MB).toBe(1_048_576);
		expect(20_000_000).toBeLessThan(KIND_RULES.photo.maxBytes);
	});
});

describe('the kinds', () => {
	it('knows its five kinds by name, and nothing else', () => {
		for (const kind of ['slides', 'photo', 'document', 'video', 'work_instruction']) expect(isAttachmentKind(kind)).toBe(true);
		for (const other of ['auto', '', 'Photo', 'exe', 5, null, undefined]) expect(isAttachmentKind(other)).toBe(false);
	});

	it('a knowledge-base entry takes every kind, the work instruction first', () => {
		expect([...KB_ATTACHMENT_KINDS].sort()).toEqual([...ATTACHMENT_KINDS].sort());
		expect(KB_ATTACHMENT_KINDS[0]).toBe('work_instruction');
	});

	it('only documents take plain text; work instructions take PDF, DOCX and MP4 but no QuickTime', () => {
		const takingText = ATTACHMENT_KINDS.filter((k) => KIND_RULES[k].mediaTypes.includes('text/plain'));
		expect(takingText).toEqual(['document']);
		expect(KIND_RULES.work_instruction.mediaTypes).toContain('application/pdf');
		expect(KIND_RULES.work_instruction.mediaTypes).toContain('video/mp4');
		expect(KIND_RULES.work_instruction.mediaTypes).not.toContain('video/quicktime');
	});
});

describe('the file picker hint', () => {
	it('offers each kind its own formats by extension and media type', () => {
		expect(PICKER_ACCEPT.slides).toEqual([
			'.pdf',
			'application/pdf',
			'.pptx',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation'
		]);
		expect(PICKER_ACCEPT.photo).toContain('.heic');
		expect(PICKER_ACCEPT.document).toEqual(expect.arrayContaining(['.csv', 'text/plain']));
		expect(PICKER_ACCEPT.video).not.toContain('.pdf');
	});

	it('names every media type a kind accepts, by its type or (for the MP4 alias) its extension', () => {
		for (const kind of ATTACHMENT_KINDS) {
			for (const type of KIND_RULES[kind].mediaTypes) {
				expect(PICKER_ACCEPT[kind]).toContain(type === 'video/x-m4v' ? '.m4v' : type);
			}
		}
	});
});

describe('how a file is shown (mediaPresentation)', () => {
	it.each([
		['video/mp4', 'video'],
		['video/webm', 'video'],
		['video/quicktime', 'video'],
		['image/png', 'image'],
		['image/jpeg', 'image'],
		['image/heic', 'download'],
		['application/pdf', 'pdf'],
		['text/vtt', 'captions'],
		['text/vtt; charset=utf-8', 'captions'],
		['text/plain', 'download'],
		['text/html', 'download'],
		['image/svg+xml', 'download'],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'download']
	])('%s is shown as %s', (type, expected) => {
		expect(mediaPresentation(type)).toBe(expected);
	});

	it('never offers captions as a kind people choose', () => {
		expect((ATTACHMENT_KINDS as readonly string[]).includes(CAPTIONS_KIND)).toBe(false);
		expect(isAttachmentKind('captions')).toBe(false);
	});
});
