import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { askHelpSchema } from '$lib/server/ideas/quick-idea.schema';
import { askForHelp, getHelpPage } from '$lib/server/ideas/quick-idea.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'idea.create');
	return orNotFound(getHelpPage(db(), user, idParam(params.ideaId)));
};

export const actions: Actions = {
	ask: (event) =>
		formAction(event, {
			access: 'idea.create',
			action: 'ask',
			schema: askHelpSchema,
			run: async (input, user) => {
				const { added } = await askForHelp(db(), user, idParam(event.params.ideaId), input);
				return { asked: input.userId, added };
			}
		})
};
