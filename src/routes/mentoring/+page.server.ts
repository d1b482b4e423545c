import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idField, orNotFound } from '$lib/server/http';
import { answerSchema } from '$lib/server/mentoring/mentoring.schema';
import { answerProposal } from '$lib/server/mentoring/assignment.service';
import { getMentorHome } from '$lib/server/mentoring/mentor-home.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { home: await orNotFound(getMentorHome(db(), user)), notice: url.searchParams.get('done') === 'declined' ? 'declined' : null };
};

const answerForIdeaSchema = answerSchema.and(z.object({ ideaId: idField }));

export const actions: Actions = {
	/** Accept or decline a proposal, from the list of ideas waiting for my answer. */
	answer: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'answer',
			schema: answerForIdeaSchema,
			run: async (input, user) => {
				await answerProposal(db(), user, input.ideaId, input);
				return { done: input.decision === 'accept' ? 'accepted' : 'declined', ideaId: input.ideaId };
			}
		})
};
