import { z } from 'zod';
import { idField, textField } from '../http/fields.js';

export const INSTRUCTION_LANGUAGES = ['en', 'nl'] as const;

const required = (max: number) => textField(max).min(1, { message: 'required' });

/** A new instruction on an entry: its code (e.g. WI-BO-0142), title, language and owner. */
export const newInstructionSchema = z.object({
	code: textField(40).default(''),
	title: required(200),
	language: z.enum(INSTRUCTION_LANGUAGES, { message: 'required' }),
	ownerId: idField
});
export type NewInstructionInput = z.infer<typeof newInstructionSchema>;

/** Which draft a form was made for: a second tab's or a repeated post finds it changed ("stale"). */
export const draftSchema = z.object({ draftVersion: idField });
export type DraftInput = z.infer<typeof draftSchema>;

const stepFields = {
	body: required(4000),
	tools: textField(500).default(''),
	safety: textField(1000).default('')
};

/** A new step at the end: `position` is where it lands, so a repeated post adds it once. */
export const addStepSchema = z.object({ ...stepFields, draftVersion: idField, position: idField });
export type AddStepInput = z.infer<typeof addStepSchema>;

export const editStepSchema = z.object({
	...stepFields,
	draftVersion: idField,
	stepId: idField,
	removeMedia: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false)
});
export type EditStepInput = z.infer<typeof editStepSchema>;

export const stepRefSchema = z.object({ draftVersion: idField, stepId: idField });
export type StepRefInput = z.infer<typeof stepRefSchema>;

/** Move a step one place: `position` is where the form saw it, so a repeated post moves it once. */
export const moveStepSchema = z.object({
	draftVersion: idField,
	stepId: idField,
	position: idField,
	direction: z.enum(['up', 'down'])
});
export type MoveStepInput = z.infer<typeof moveStepSchema>;

export const changeNoteSchema = z.object({ draftVersion: idField, changeNote: textField(2000).default('') });
export type ChangeNoteInput = z.infer<typeof changeNoteSchema>;

/**
 * Approve the draft the owner saw: a repeated or concurrent post approves it once. What
 * changed may come with it (the owner types it and approves in one go).
 */
export const approveSchema = z.object({ expectedVersion: idField, changeNote: textField(2000).optional() });
export type ApproveInput = z.infer<typeof approveSchema>;

/** "We work to version N now", for a department. */
export const confirmSchema = z.object({ departmentId: idField, version: idField });
export type ConfirmInput = z.infer<typeof confirmSchema>;

export const ownerQuerySchema = z.object({ q: z.string().trim().min(2, { message: 'too_short' }).max(100, { message: 'too_long' }) });

/** ?version=N on the instruction page: an older approved version. */
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1).max(100000).optional() });
