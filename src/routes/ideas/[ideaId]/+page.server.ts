import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { DomainError, FieldErrors } from '$lib/server/errors';
import { db } from '$lib/server/runtime';
import { attachmentIdSchema, formAction, idParam, orNotFound } from '$lib/server/http';
import {
	commentSchema,
	hideCommentSchema,
	mergeSchema,
	screeningSchema,
	showCommentSchema,
	versionSchema,
	withdrawSchema
} from '$lib/server/ideas/ideas.schema';
import { addComment, getIdeaPage, hideComment, showComment } from '$lib/server/ideas/idea-page.service';
import { mergeIdea, screenIdea, startScreening } from '$lib/server/ideas/screening.service';
import { submitIdea, withdrawIdea } from '$lib/server/ideas/idea-form.service';
import { listIdeaAttachments, removeIdeaAttachment } from '$lib/server/attachments/attachments.service';
import { feedbackAvailable } from '$lib/server/scoring/feedback.service';
import { kindsTeamMayAttach } from '$lib/server/attachments/rules';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const ideaId = idParam(params.ideaId);
	const page = await orNotFound(getIdeaPage(db(), user, ideaId));
	const [attachments, feedback] = await Promise.all([
		listIdeaAttachments(db(), ideaId),
		feedbackAvailable(db(), user, ideaId, page.isMember)
	]);
	return {
		...page,
		attachments,
		feedback,
		viewerDepartmentId: user.departmentId,
		attachKinds: kindsTeamMayAttach({ status: page.idea.status, isMember: page.isMember }),
		uploaded: url.searchParams.get('uploaded'),
		uploadError: url.searchParams.get('uploadError'),
		notice: url.searchParams.get('submitted') ? 'submitted' : url.searchParams.get('saved') ? 'saved' : null,
		// A fresh key per rendering of the comment form: a repeated post of it stores one comment.
		commentKey: randomUUID()
	};
};

const ideaOf = (event: RequestEvent) => idParam(event.params.ideaId);

export const actions: Actions = {
	submit: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: versionSchema,
			run: async (input, user) => {
				try {
					await submitIdea(db(), user, ideaOf(event), input.version);
				} catch (e) {
					// The page has no form fields to put these beside: say what is missing, once.
					if (e instanceof FieldErrors) throw new DomainError('not_ready_to_submit', 'Complete the draft before submitting it.');
					throw e;
				}
				return { done: 'submitted' };
			}
		}),
	withdraw: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'withdraw',
			schema: withdrawSchema,
			run: async (input, user) => {
				await withdrawIdea(db(), user, ideaOf(event), input.version, input.message);
				return { done: 'withdrawn' };
			}
		}),
	startScreening: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: versionSchema,
			run: async (input, user) => {
				await startScreening(db(), user, ideaOf(event), input.version);
				return { done: 'screening' };
			}
		}),
	screen: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'screen',
			schema: screeningSchema,
			run: async (input, user) => {
				await screenIdea(db(), user, ideaOf(event), input);
				return { done: input.decision };
			}
		}),
	merge: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'merge',
			schema: mergeSchema,
			run: async (input, user) => {
				await mergeIdea(db(), user, ideaOf(event), input);
				return { done: 'merged' };
			}
		}),
	removeAttachment: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: attachmentIdSchema,
			run: async (input, user) => {
				await removeIdeaAttachment(db(), user, input.attachmentId);
				return { done: 'attachmentRemoved' };
			}
		}),
	comment: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'comment',
			schema: commentSchema,
			run: async (input, user) => {
				await addComment(db(), user, ideaOf(event), input);
				return { done: 'commented' };
			}
		}),
	hideComment: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'hideComment',
			schema: hideCommentSchema,
			run: async (input, user) => {
				await hideComment(db(), user, ideaOf(event), input);
				return { done: 'commentHidden', commentId: input.commentId };
			}
		}),
	showComment: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'showComment',
			schema: showCommentSchema,
			run: async (input, user) => {
				await showComment(db(), user, ideaOf(event), input);
				return { done: 'commentShown', commentId: input.commentId };
			}
		})
};
