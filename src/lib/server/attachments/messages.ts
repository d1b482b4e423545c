/** The user's language for an upload refusal, from its code and details (rules.ts). */
import { m } from '../../paraglide/messages.js';
import { DomainError } from '../errors.js';
import type { AttachmentKind } from '../../domain/attachment-kinds.js';
import { AttachmentRefused, formatMegabytes } from './rules.js';

const kindLabels: Record<AttachmentKind, () => string> = {
	slides: m.attachment_kind_slides,
	photo: m.attachment_kind_photo,
	document: m.attachment_kind_document,
	video: m.attachment_kind_video,
	work_instruction: m.attachment_kind_work_instruction
};

export const kindLabel = (kind: AttachmentKind): string => kindLabels[kind]();

const byCode: Record<string, () => string> = {
	type_not_allowed: m.attachment_error_type_not_allowed,
	too_large: m.attachment_error_too_large_generic,
	kind_not_allowed_now: m.attachment_error_kind_not_allowed_now,
	not_allowed_now: m.attachment_error_not_allowed_now,
	empty_file: m.attachment_error_empty_file,
	no_file: m.attachment_error_no_file,
	too_many_files: m.attachment_error_too_many_files,
	invalid_kind: m.attachment_error_invalid_kind,
	upload_aborted: m.attachment_error_upload_aborted,
	bad_request: m.attachment_error_bad_request,
	not_webvtt: m.media_error_not_webvtt,
	invalid_lang: m.media_error_lang
};

export function refusalMessage(error: DomainError): string {
	if (error instanceof AttachmentRefused) {
		const d = error.details;
		const name = d.fileName ?? '';
		if (error.code === 'type_not_allowed' && name) {
			const accepted = d.accepted ?? '';
			if (d.claimed) return m.attachment_error_type_mismatch({ name, detected: d.detected ?? '', claimed: d.claimed, accepted });
			if (d.detected && d.detected !== 'unknown') return m.attachment_error_type({ name, detected: d.detected, accepted });
			return m.attachment_error_type_unknown({ name, accepted });
		}
		if (error.code === 'too_large' && d.limitBytes && name) {
			return m.attachment_error_too_large({ name, limit: formatMegabytes(d.limitBytes) });
		}
		if (error.code === 'kind_not_allowed_now' && d.kind) return m.attachment_error_kind_not_allowed({ kind: kindLabel(d.kind) });
	}
	return byCode[error.code]?.() ?? error.message;
}
