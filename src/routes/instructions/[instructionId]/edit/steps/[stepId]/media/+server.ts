import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { idParam } from '$lib/server/http';
import { handleUpload } from '$lib/server/attachments/upload-route';
import { addStepMedia } from '$lib/server/instructions/instructions.service';

/** A photo or a short clip for one step of the draft; a plain form post comes back to the editor. */
export const POST: RequestHandler = (event) =>
	handleUpload(event, {
		ownerParam: 'instructionId',
		back: (instructionId) => `/instructions/${instructionId}/edit`,
		signInBack: `/instructions/${event.params.instructionId}/edit`,
		add: (user, instructionId, source) => addStepMedia(db(), user, instructionId, idParam(event.params.stepId), source),
		errorParam: 'message',
		hash: `#edit-step-${event.params.stepId}`
	});
