/**
 * What may be attached, judged by a file's content, never by its name. Pure: no I/O, so the
 * whole table is unit-tested (rules.test.ts). upload.ts feeds it the detected media type
 * (file-type's magic numbers), the size and the name the browser sent. The kinds, the
 * content each takes and their size limits are lib/domain/attachment-kinds.ts, which the
 * upload form reads too.
 *
 * The name only matters for messages and for the download name: a PNG called `photo.pdf`
 * is a PNG. Sent as slides it is refused ("photo.pdf is a PNG image, not a PDF"); sent as a
 * photo it is accepted and stored as `photo.png`, so the download opens in the right program.
 */
import { DomainError } from '../errors.js';
import {
	ATTACHMENT_KINDS,
	CAPTIONS_KIND,
	CAPTIONS_MAX_BYTES,
	CAPTIONS_MEDIA_TYPE,
	KIND_RULES,
	MB,
	TEXT_PLAIN,
	type AttachmentKind
} from '../../domain/attachment-kinds.js';

type Format = {
	/** In a sentence: "photo.pdf is a PNG image" */
	noun: string;
	/** Short and language-neutral, for translated messages and lists: "PNG" */
	short: string;
	/** Extensions a name may carry for this content; the first is used to correct a name. */
	extensions: readonly string[];
};

/** Every media type some kind accepts, as file-type reports it (plus text/plain). */
export const FORMATS: Readonly<Record<string, Format>> = {
	'image/jpeg': { noun: 'a JPEG image', short: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
	'image/png': { noun: 'a PNG image', short: 'PNG', extensions: ['png'] },
	'image/webp': { noun: 'a WebP image', short: 'WebP', extensions: ['webp'] },
	'image/heic': { noun: 'a HEIC photo', short: 'HEIC', extensions: ['heic', 'heif'] },
	// iPhones write `heic`; some cameras and converters write the generic `mif1` brand.
	'image/heif': { noun: 'a HEIF photo', short: 'HEIC', extensions: ['heif', 'heic'] },
	'image/gif': { noun: 'a GIF image', short: 'GIF', extensions: ['gif'] },
	'application/pdf': { noun: 'a PDF', short: 'PDF', extensions: ['pdf'] },
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
		noun: 'a PowerPoint presentation (PPTX)',
		short: 'PPTX',
		extensions: ['pptx']
	},
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
		noun: 'a Word document (DOCX)',
		short: 'DOCX',
		extensions: ['docx']
	},
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
		noun: 'an Excel workbook (XLSX)',
		short: 'XLSX',
		extensions: ['xlsx']
	},
	'application/vnd.oasis.opendocument.text': { noun: 'an OpenDocument text (ODT)', short: 'ODT', extensions: ['odt'] },
	[TEXT_PLAIN]: { noun: 'plain text', short: 'TXT', extensions: ['txt', 'csv', 'tsv', 'md', 'log'] },
	'video/mp4': { noun: 'an MP4 video', short: 'MP4', extensions: ['mp4', 'm4v'] },
	'video/x-m4v': { noun: 'an MP4 video', short: 'MP4', extensions: ['m4v', 'mp4'] },
	'video/quicktime': { noun: 'a QuickTime video (MOV)', short: 'MOV', extensions: ['mov', 'qt'] },
	'video/webm': { noun: 'a WebM video', short: 'WebM', extensions: ['webm'] }
};

/** When the user leaves the kind to us, the first kind (allowed now) that accepts the content wins: a PDF is a document, or slides after acceptance. */
const KIND_PREFERENCE: readonly AttachmentKind[] = ['photo', 'video', 'document', 'slides', 'work_instruction'];

/** Multipart framing and small fields around the file. */
export const MULTIPART_OVERHEAD_BYTES = 1 * MB;

const KIND_NOUN: Record<AttachmentKind, { one: string; many: string }> = {
	slides: { one: 'slides', many: 'slides' },
	photo: { one: 'a photo', many: 'photos' },
	document: { one: 'a document', many: 'documents' },
	video: { one: 'a video', many: 'videos' },
	work_instruction: { one: 'a work instruction', many: 'work instructions' }
};

// ---------- who may attach what, when ----------

/** The idea is the team's to change: everything may be added or removed. */
const EDITABLE = new Set(['draft', 'returned']);
/** From acceptance to implementation the team prepares pitches and roll-out material. */
const PRESENTING = new Set(['accepted', 'coaching', 'semi_final', 'finalist', 'winner', 'runner_up', 'implemented']);
const PRESENTING_KINDS: readonly AttachmentKind[] = ['slides', 'video', 'work_instruction'];

/**
 * Kinds the team may add (and remove) now, in the spirit of policy.ts: the team edits a draft
 * or returned idea, so it may attach anything then. While the idea is with the organisers
 * (submitted, screening) it is frozen. After acceptance the pitch and the roll-out still need
 * material, so slides, videos and work instructions may be added (and the team's own wrong
 * upload replaced) until the idea is implemented; never photos or documents, which change
 * what was judged. Closed ideas (declined, withdrawn, merged, not advanced, published) take
 * nothing: a published idea's material lives on its knowledge-base entry.
 *
 * Only team members; organisers, mentors and jurors do not upload to an idea.
 */
export function kindsTeamMayAttach(idea: { status: string; isMember: boolean }): AttachmentKind[] {
	if (!idea.isMember) return [];
	if (EDITABLE.has(idea.status)) return [...ATTACHMENT_KINDS];
	if (PRESENTING.has(idea.status)) return [...PRESENTING_KINDS];
	return [];
}

// ---------- checking one file ----------

export type RefusalCode =
	| 'type_not_allowed'
	| 'too_large'
	| 'kind_not_allowed_now'
	| 'invalid_kind'
	| 'empty_file'
	| 'no_file'
	| 'too_many_files'
	| 'bad_request'
	| 'upload_aborted'
	| 'not_webvtt'
	| 'invalid_lang';

export type RefusalDetails = {
	fileName?: string;
	kind?: AttachmentKind | null;
	/** short name of the detected content, e.g. "PNG"; "unknown" when nothing matched */
	detected?: string;
	/** what the name claims when it disagrees with the content, e.g. "PDF" for a PNG named photo.pdf */
	claimed?: string;
	/** short names the kind accepts, e.g. "PDF, PPTX" */
	accepted?: string;
	limitBytes?: number;
	sizeBytes?: number;
};

/** An upload refused by a rule. `too_large` answers 413, `kind_not_allowed_now` 409, the rest 400. */
export class AttachmentRefused extends DomainError {
	constructor(
		readonly code: RefusalCode,
		message: string,
		readonly details: RefusalDetails = {}
	) {
		super(code, message, code === 'kind_not_allowed_now' ? 409 : 400);
	}
	get httpStatus(): 400 | 409 | 413 {
		return this.code === 'too_large' ? 413 : this.code === 'kind_not_allowed_now' ? 409 : 400;
	}
}

/**
 * Bytes after which the upload is cut off while it streams: the chosen kind's limit, or,
 * when the kind is left to us, the largest limit among the kinds allowed now.
 */
export function streamLimit(chosenKind: AttachmentKind | null, allowedKinds: readonly AttachmentKind[]): number {
	if (chosenKind) return KIND_RULES[chosenKind].maxBytes;
	const limits = allowedKinds.map((k) => KIND_RULES[k].maxBytes);
	return limits.length ? Math.max(...limits) : 0;
}

/** The kind for content when the user did not choose: the first allowed kind that takes it. */
export function chooseKind(mediaType: string, allowedKinds: readonly AttachmentKind[]): AttachmentKind | null {
	return KIND_PREFERENCE.find((k) => allowedKinds.includes(k) && KIND_RULES[k].mediaTypes.includes(mediaType)) ?? null;
}

/** Short names of the formats the kinds accept, in one fixed order: "PDF, PPTX". */
export function acceptedShortNames(...kinds: AttachmentKind[]): string {
	const types = new Set(kinds.flatMap((k) => KIND_RULES[k].mediaTypes));
	return [
		...new Set(
			Object.entries(FORMATS)
				.filter(([t]) => types.has(t))
				.map(([, f]) => f.short)
		)
	].join(', ');
}

export function formatMegabytes(bytes: number): string {
	const mb = bytes / MB;
	return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Lower-case extension of a name, without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function formatByExtension(ext: string): Format | undefined {
	return Object.values(FORMATS).find((f) => f.extensions.includes(ext));
}

export type FileFacts = {
	/** sanitised name as sent */
	fileName: string;
	/** media type detected from the content; null when nothing matched */
	detected: string | null;
	sizeBytes: number;
	/** the kind the user chose, or null for "choose from the content" */
	chosenKind: AttachmentKind | null;
	/** kinds the actor may add to this idea now (kindsTeamMayAttach) */
	allowedKinds: readonly AttachmentKind[];
};

export type Accepted = { kind: AttachmentKind; mediaType: string; fileName: string };

/**
 * Accepts a file (its kind, its media type and the name to store), or throws AttachmentRefused.
 * Example: `photo.pdf` holding PNG bytes, chosen as slides -> type_not_allowed,
 * "photo.pdf is a PNG image, not a PDF. Slides must be PDF or PPTX."
 */
export function judgeFile(f: FileFacts): Accepted {
	const base: RefusalDetails = { fileName: f.fileName, kind: f.chosenKind, sizeBytes: f.sizeBytes };
	if (f.chosenKind && !f.allowedKinds.includes(f.chosenKind)) throw kindNotAllowedNow(f.chosenKind, f.allowedKinds);
	if (f.sizeBytes === 0) throw new AttachmentRefused('empty_file', `${f.fileName} is empty.`, base);

	const format = f.detected ? FORMATS[f.detected] : undefined;
	const ext = extensionOf(f.fileName);
	const claimedFormat = formatByExtension(ext);
	const nameDisagrees = !!ext && !!claimedFormat && !(format?.extensions.includes(ext) ?? false);
	const detectedShort = format?.short ?? (f.detected ? f.detected : 'unknown');
	const details: RefusalDetails = { ...base, detected: detectedShort, claimed: nameDisagrees ? claimedFormat.short : undefined };

	const kind = f.chosenKind ?? (f.detected ? chooseKind(f.detected, f.allowedKinds) : null);
	if (!kind || !f.detected || !KIND_RULES[kind].mediaTypes.includes(f.detected)) {
		// Content some kind takes, but not one allowed now (a photo after acceptance).
		if (!f.chosenKind && f.detected && chooseKind(f.detected, ATTACHMENT_KINDS)) {
			throw kindNotAllowedNow(chooseKind(f.detected, ATTACHMENT_KINDS)!, f.allowedKinds, f.fileName);
		}
		const accepted = kind ? acceptedShortNames(kind) : acceptedShortNames(...f.allowedKinds);
		const rule = kind ? ` ${capitalise(KIND_NOUN[kind].many)} must be ${orList(accepted)}.` : ` Accepted: ${accepted}.`;
		const what = format ? format.noun : f.detected ? `a file of type ${f.detected}` : null;
		const sentence = what
			? `${f.fileName} is ${what}${nameDisagrees ? `, not ${claimedFormat.noun}` : ''}.`
			: nameDisagrees
				? `${f.fileName} is not ${claimedFormat.noun}, nor any other file type we accept.`
				: `${f.fileName} is not a file type we accept.`;
		throw new AttachmentRefused('type_not_allowed', `${sentence}${rule}`, { ...details, kind, accepted });
	}

	const limit = KIND_RULES[kind].maxBytes;
	if (f.sizeBytes > limit) {
		throw new AttachmentRefused(
			'too_large',
			`${f.fileName} is ${formatMegabytes(f.sizeBytes)}; ${KIND_NOUN[kind].many} may be up to ${formatMegabytes(limit)}.`,
			{ ...details, kind, limitBytes: limit }
		);
	}
	return { kind, mediaType: f.detected, fileName: nameForContent(f.fileName, f.detected) };
}

/** The refusal for a file cut off while streaming, before its content could be judged. */
export function tooLargeWhileStreaming(fileName: string, chosenKind: AttachmentKind | null, limitBytes: number): AttachmentRefused {
	const rule = chosenKind
		? `${KIND_NOUN[chosenKind].many} may be up to ${formatMegabytes(limitBytes)}`
		: `the largest file accepted is ${formatMegabytes(limitBytes)}`;
	return new AttachmentRefused('too_large', `${fileName || 'The upload'} is larger than ${formatMegabytes(limitBytes)}; ${rule}.`, {
		fileName: fileName || undefined,
		kind: chosenKind,
		limitBytes
	});
}

export function kindNotAllowedNow(kind: AttachmentKind, allowed: readonly AttachmentKind[], fileName?: string): AttachmentRefused {
	const now = allowed.length
		? ` Now you can add ${orList(allowed.map((k) => KIND_NOUN[k].many).join(', '))}.`
		: ' Nothing can be added to this idea now.';
	const subject = fileName ? `${fileName}: ${KIND_NOUN[kind].many}` : capitalise(KIND_NOUN[kind].many);
	return new AttachmentRefused('kind_not_allowed_now', `${subject} cannot be added to this idea in its current state.${now}`, {
		fileName,
		kind,
		accepted: allowed.join(', ')
	});
}

function orList(commaList: string): string {
	const parts = commaList.split(', ');
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : commaList;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------- captions ----------

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Whether a file begins as WebVTT must: an optional byte-order mark, "WEBVTT", then a space, a tab, a line end or nothing. */
export function startsAsWebVtt(head: Uint8Array): boolean {
	let i = UTF8_BOM.every((b, n) => head[n] === b) ? 3 : 0;
	for (const c of 'WEBVTT') if (head[i++] !== c.charCodeAt(0)) return false;
	return i >= head.length || [0x20, 0x09, 0x0a, 0x0d].includes(head[i]);
}

/**
 * Captions for a video, judged by content: WebVTT is UTF-8 text (no magic number file-type
 * knows, no NUL) that starts with "WEBVTT", at most 1 MB. The name gets `.vtt`.
 * Example: `subs.vtt` holding PNG bytes -> type_not_allowed ("subs.vtt is a PNG image, not
 * WebVTT captions"); a text file starting "1\n00:00:01,000 --> ..." (SubRip) -> not_webvtt.
 */
export function judgeCaptions(f: { fileName: string; detected: string | null; isText: boolean; head: Uint8Array; sizeBytes: number }): {
	kind: typeof CAPTIONS_KIND;
	mediaType: string;
	fileName: string;
} {
	const details: RefusalDetails = { fileName: f.fileName, sizeBytes: f.sizeBytes, accepted: 'WebVTT' };
	if (f.sizeBytes === 0) throw new AttachmentRefused('empty_file', `${f.fileName} is empty.`, details);
	if (f.sizeBytes > CAPTIONS_MAX_BYTES) {
		throw new AttachmentRefused('too_large', `${f.fileName} is ${formatMegabytes(f.sizeBytes)}; captions may be up to 1 MB.`, {
			...details,
			limitBytes: CAPTIONS_MAX_BYTES
		});
	}
	// file-type recognises WebVTT by its "WEBVTT" line; anything else it recognises is not captions.
	const detected = f.detected === CAPTIONS_MEDIA_TYPE ? null : f.detected;
	if (detected || !f.isText) {
		const format = detected ? FORMATS[detected] : undefined;
		const what = format ? format.noun : detected ? `a file of type ${detected}` : 'binary data';
		throw new AttachmentRefused('type_not_allowed', `${f.fileName} is ${what}, not WebVTT captions.`, {
			...details,
			detected: format?.short ?? detected ?? 'unknown',
			claimed: detected && extensionOf(f.fileName) === 'vtt' ? 'VTT' : undefined
		});
	}
	if (!startsAsWebVtt(f.head)) throw new AttachmentRefused('not_webvtt', `${f.fileName} does not start with WEBVTT.`, details);
	const ext = extensionOf(f.fileName);
	const base = ext && ext !== 'vtt' && formatByExtension(ext) ? f.fileName.slice(0, -(ext.length + 1)) : f.fileName;
	return {
		kind: CAPTIONS_KIND,
		mediaType: CAPTIONS_MEDIA_TYPE,
		fileName: ext === 'vtt' ? f.fileName : truncateName(`${base}.vtt`, MAX_NAME)
	};
}

// ---------- names ----------

const MAX_NAME = 200;
// C0/C1 controls, zero-width and bidirectional formatting characters (an RLO can make
// "gpj.exe" read as "exe.jpg"), and the byte-order mark.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A name safe to store and show: the last path part only (browsers on Windows used to send
 * `C:\fakepath\...`), no control or direction characters, spaces collapsed, no trailing dots,
 * at most 200 characters with the extension kept. Never empty: "file".
 */
export function sanitizeFileName(raw: string): string {
	let name = (raw ?? '').normalize('NFC');
	name = name.split(/[\\/]/).pop() ?? '';
	name = name
		.replace(UNSAFE_CHARS, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[. ]+$/, '');
	if (!name || /^\.+$/.test(name)) return 'file';
	return truncateName(name, MAX_NAME);
}

function truncateName(name: string, max: number): string {
	const chars = Array.from(name);
	if (chars.length <= max) return name;
	const ext = extensionOf(name);
	const suffix = ext && ext.length <= 12 ? `.${Array.from(ext).join('')}` : '';
	const keep = Array.from(name.slice(0, name.length - suffix.length)).slice(0, max - Array.from(suffix).length);
	return keep.join('').trimEnd() + suffix;
}

/**
 * The name to store for content of this media type: kept when its extension fits, the
 * extension replaced when it names another known format (`photo.pdf` with PNG content ->
 * `photo.png`), one appended otherwise (`report.v2` -> `report.v2.pdf`).
 */
export function nameForContent(fileName: string, mediaType: string): string {
	const format = FORMATS[mediaType];
	if (!format) return fileName;
	const ext = extensionOf(fileName);
	if (format.extensions.includes(ext)) return fileName;
	const base = ext && formatByExtension(ext) ? fileName.slice(0, -(ext.length + 1)) : fileName;
	return truncateName(`${base}.${format.extensions[0]}`, MAX_NAME);
}

// ---------- plain text ----------

/**
 * Plain text (.txt, .csv) has no magic number, so it is recognised by what it is not: it is
 * accepted as text/plain only when every byte is valid UTF-8 and none is NUL. That refuses
 * binaries file-type does not know, and also UTF-16 text (Windows "Unicode", full of NULs):
 * save as UTF-8. Fed chunk by chunk while the upload streams; stops looking once it fails
 * or passes `maxBytes`, so a 200 MB video costs nothing after its first bytes.
 */
export function createTextCheck(maxBytes = KIND_RULES.document.maxBytes) {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let ok = true;
	let seen = 0;
	return {
		push(chunk: Uint8Array): void {
			if (!ok) return;
			seen += chunk.length;
			if (seen > maxBytes || chunk.includes(0)) {
				ok = false;
				return;
			}
			try {
				decoder.decode(chunk, { stream: true });
			} catch {
				ok = false;
			}
		},
		/** Whether everything pushed was non-empty UTF-8 text without NULs. Call once, at the end. */
		finish(): boolean {
			if (!ok || seen === 0) return false;
			try {
				decoder.decode();
				return true;
			} catch {
				return false;
			}
		}
	};
}
