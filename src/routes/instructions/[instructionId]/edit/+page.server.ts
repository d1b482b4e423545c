import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import {
	addStepSchema,
	approveSchema,
	changeNoteSchema,
	draftSchema,
	editStepSchema,
	moveStepSchema,
	stepRefSchema
} from '$lib/server/instructions/instructions.schema';
import {
	addStep,
	approveVersion,
	discardDraft,
	editStep,
	getDraftPage,
	moveStep,
	removeStep,
	saveChangeNote,
	startDraft
} from '$lib/server/instructions/instructions.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const page = await orNotFound(getDraftPage(db(), user, idParam(params.instructionId)));
	return {
		...page,
		existing: url.searchParams.has('existing'),
		uploaded: url.searchParams.get('uploaded'),
		uploadError: url.searchParams.get('uploadError')
	};
};

const instructionOf = (event: RequestEvent) => idParam(event.params.instructionId);

export const actions: Actions = {
	startDraft: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'startDraft',
			schema: noFields,
			run: async (_input, user) => {
				const draft = await startDraft(db(), user, instructionOf(event));
				return { done: draft.created ? 'draft_started' : 'draft_exists' };
			}
		}),
	addStep: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'addStep',
			schema: addStepSchema,
			run: async (input, user) => {
				await addStep(db(), user, instructionOf(event), input);
				return { done: 'step_added' };
			}
		}),
	editStep: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'editStep',
			schema: editStepSchema,
			run: async (input, user) => {
				await editStep(db(), user, instructionOf(event), input);
				return { done: 'step_saved', stepId: input.stepId };
			}
		}),
	removeStep: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'removeStep',
			schema: stepRefSchema,
			run: async (input, user) => {
				await removeStep(db(), user, instructionOf(event), input);
				return { done: 'step_removed' };
			}
		}),
	moveStep: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'moveStep',
			schema: moveStepSchema,
			run: async (input, user) => {
				await moveStep(db(), user, instructionOf(event), input);
				return { done: 'step_moved', stepId: input.stepId };
			}
		}),
	changeNote: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'changeNote',
			schema: changeNoteSchema,
			run: async (input, user) => {
				await saveChangeNote(db(), user, instructionOf(event), input);
				return { done: 'change_saved' };
			}
		}),
	approve: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'approve',
			schema: approveSchema,
			run: async (input, user) => {
				const id = instructionOf(event);
				await approveVersion(db(), user, id, input);
				redirect(303, `/instructions/${id}`);
			}
		}),
	discard: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'discard',
			schema: draftSchema,
			run: async (input, user) => {
				const id = instructionOf(event);
				await discardDraft(db(), user, id, input);
				redirect(303, `/instructions/${id}`);
			}
		})
};
