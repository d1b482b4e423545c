/**
 * The kinds of file an idea or a knowledge-base entry takes, what content each accepts and
 * how large it may be. One module for the server (lib/server/attachments/rules.ts judges
 * every upload by it) and the upload form (which checks the size before a long upload, and
 * hints the file picker); the server decides.
 */

export const ATTACHMENT_KINDS = ['slides', 'photo', 'document', 'video', 'work_instruction'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export function isAttachmentKind(value: unknown): value is AttachmentKind {
	return typeof value === 'string' && (ATTACHMENT_KINDS as readonly string[]).includes(value);
}

/** Kinds a knowledge-base entry takes, in the order its upload form offers them: the new work instruction first. */
export const KB_ATTACHMENT_KINDS = [
	'work_instruction',
	'video',
	'slides',
	'photo',
	'document'
] as const satisfies readonly AttachmentKind[];

export const MB = 1024 * 1024;

/** Plain text has no magic number; the server recognises it by its bytes (rules.createTextCheck). */
export const TEXT_PLAIN = 'text/plain';

const PDF = 'application/pdf';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const MP4 = ['video/mp4', 'video/x-m4v'];

export type KindRule = { maxBytes: number; mediaTypes: readonly string[] };

/**
 * Per kind: the accepted content (media types as file-type detects them) and the largest
 * size. 1 MB here is 1 MiB (1,048,576 bytes), so a file the user's computer shows as
 * "20 MB" is never refused as too large.
 */
export const KIND_RULES: Readonly<Record<AttachmentKind, KindRule>> = {
	photo: { maxBytes: 20 * MB, mediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif'] },
	slides: { maxBytes: 50 * MB, mediaTypes: [PDF, PPTX] },
	document: { maxBytes: 50 * MB, mediaTypes: [PDF, DOCX, XLSX, ODT, TEXT_PLAIN] },
	video: { maxBytes: 200 * MB, mediaTypes: [...MP4, 'video/quicktime', 'video/webm'] },
	work_instruction: { maxBytes: 200 * MB, mediaTypes: [PDF, DOCX, ...MP4] }
};

/** Largest upload any kind accepts: 200 MB. The HTTP body limit must be a little above it. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(KIND_RULES).map((r) => r.maxBytes));

const PDF_HINT = ['.pdf', PDF];
const DOCX_HINT = ['.docx', DOCX];
const MP4_HINT = ['.mp4', '.m4v', 'video/mp4'];

/**
 * What the file picker offers per kind (its `accept` attribute): extensions and media types
 * as browsers know them. A hint only; the server judges the content.
 */
export const PICKER_ACCEPT: Readonly<Record<AttachmentKind, readonly string[]>> = {
	photo: [
		'.jpg',
		'.jpeg',
		'.png',
		'.webp',
		'.heic',
		'.heif',
		'.gif',
		'image/jpeg',
		'image/png',
		'image/webp',
		'image/heic',
		'image/heif',
		'image/gif'
	],
	slides: [...PDF_HINT, '.pptx', PPTX],
	document: [...PDF_HINT, ...DOCX_HINT, '.xlsx', XLSX, '.odt', ODT, '.txt', '.csv', TEXT_PLAIN, 'text/csv'],
	video: [...MP4_HINT, '.mov', 'video/quicktime', '.webm', 'video/webm'],
	work_instruction: [...PDF_HINT, ...DOCX_HINT, ...MP4_HINT]
};

// ---------- captions, poster frames and how a file is shown ----------

/**
 * Captions of a video: WebVTT, one per language, belonging to the video (attachment.parent_id)
 * and to its owner. Never a kind people choose in an upload form (ATTACHMENT_KINDS leaves it
 * out); the captions form files it.
 */
export const CAPTIONS_KIND = 'captions';
export const CAPTIONS_MEDIA_TYPE = 'text/vtt';
export const CAPTIONS_MAX_BYTES = 1 * MB;
export const CAPTION_LANGS = ['en', 'nl'] as const;
export type CaptionLang = (typeof CAPTION_LANGS)[number];

/** What an attachment row's kind may be: a kind people choose, or captions. */
export type StoredKind = AttachmentKind | typeof CAPTIONS_KIND;

export function isCaptionLang(value: unknown): value is CaptionLang {
	return typeof value === 'string' && (CAPTION_LANGS as readonly string[]).includes(value);
}

/** How a file is shown in the page: played, previewed, opened in the browser's viewer, or only downloaded. */
export type MediaPresentation = 'video' | 'image' | 'pdf' | 'captions' | 'download';

/** Images every current browser draws; HEIC/HEIF photos are only downloaded (Chromium and Firefox cannot show them). */
const PREVIEWABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
/** Videos a browser may play; a QuickTime file that Chromium cannot decode still has its download link. */
const PLAYABLE_VIDEOS = new Set(['video/mp4', 'video/x-m4v', 'video/webm', 'video/quicktime']);

/**
 * By content type, never by name: `/attachments/{id}/view` serves only these inline (anything
 * else is sent to the download), and MediaView picks its player or preview by the same rule.
 * Example: 'image/png' -> 'image'; 'image/heic' -> 'download'; 'application/pdf' -> 'pdf'.
 */
export function mediaPresentation(mediaType: string): MediaPresentation {
	const type = mediaType.split(';')[0].trim().toLowerCase();
	if (PLAYABLE_VIDEOS.has(type)) return 'video';
	if (PREVIEWABLE_IMAGES.has(type)) return 'image';
	if (type === 'application/pdf') return 'pdf';
	if (type === CAPTIONS_MEDIA_TYPE) return 'captions';
	return 'download';
}
