import { z } from 'zod';
import { blankToUndefined, idField, textField } from '../http/fields.js';

/** What a report on a step may say, and a note or a reason. */
export const REPORT_TEXT_MAX = 2000;

export const REPORT_KINDS = ['problem', 'better_way'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_RESOLUTIONS = ['new_version', 'not_needed', 'idea'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

const requiredText = textField(REPORT_TEXT_MAX).min(1, { message: 'required' });

/**
 * The report form from the floor: a problem or a better way, what happens (required), and the
 * form's key against a double tap (one report per key and reporter).
 */
export const reportFormSchema = z.object({
	kind: z.enum(REPORT_KINDS, { message: 'required' }),
	body: requiredText,
	clientKey: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()).transform((v) => v ?? null)
});
export type ReportFormInput = z.output<typeof reportFormSchema>;

/** Passing a report on: to whom. */
export const passOnSchema = z.object({ userId: idField });
export type PassOnInput = z.output<typeof passOnSchema>;

/** A note in the report's history. */
export const noteSchema = z.object({ text: requiredText });
export type NoteInput = z.output<typeof noteSchema>;

/**
 * Closing a report: with a newer approved version (`version`), not needed (`reason`,
 * required), or as an idea for the competition. Only the chosen way's field is read.
 */
export const closeSchema = z
	.object({
		resolution: z.enum(REPORT_RESOLUTIONS, { message: 'required' }),
		version: z.preprocess(blankToUndefined, idField.optional()),
		reason: textField(REPORT_TEXT_MAX).default('')
	})
	.superRefine((v, ctx) => {
		if (v.resolution === 'new_version' && v.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'required' });
		if (v.resolution === 'not_needed' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
	})
	.transform((v) => closeInput(v));

export type CloseInput =
	{ resolution: 'new_version'; version: number } | { resolution: 'not_needed'; reason: string } | { resolution: 'idea' };

function closeInput(v: { resolution: ReportResolution; version?: number; reason: string }): CloseInput {
	switch (v.resolution) {
		case 'new_version':
			return { resolution: 'new_version', version: v.version ?? 0 };
		case 'not_needed':
			return { resolution: 'not_needed', reason: v.reason };
		case 'idea':
			return { resolution: 'idea' };
	}
}

/** The reports list's query: `?instruction={id}` keeps one instruction's reports; `who` searches a person to pass to. */
export const reportListQuerySchema = z.object({
	instruction: z.preprocess(blankToUndefined, idField.optional()).catch(undefined)
});

/** The name typed to find a person to pass the report to (two characters or more). */
export const personQuerySchema = z.object({
	who: z
		.string()
		.transform((s) => s.replace(/\s+/g, ' ').trim().slice(0, 80))
		.default('')
		.catch('')
});

/**
 * Whether a version may close a report: approved, and newer than the version the report was
 * made on. `approved` lists the instruction's approved version numbers.
 */
export function mayCloseWithVersion(reportVersion: number, chosen: number, approved: readonly number[]): boolean {
	return chosen > reportVersion && approved.includes(chosen);
}

/**
 * The title of an idea made from a report: the instruction's step named, then the first words
 * of the report, at most 160 characters (an idea's title), cut on a word with "…".
 */
export function ideaTitleFromReport(instructionTitle: string, position: number, body: string, max = 160): string {
	const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
	const prefix = `${squash(instructionTitle)} #${position}: `;
	const full = `${prefix}${squash(body)}`;
	if (full.length <= max) return full;
	const room = full.slice(0, max);
	const space = room.lastIndexOf(' ', max - 1);
	// a cut inside the report's words, on a space when there is one there
	const cut = space >= prefix.length ? room.slice(0, space) : room.slice(0, max - 1);
	return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
