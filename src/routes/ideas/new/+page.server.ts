import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { getIdeaFormOptions, mayEnterOnBehalf } from '$lib/server/ideas/idea-form.service';
import { ideaFormActions } from '$lib/server/ideas/idea-form.actions';
import { blankIdeaValues } from '$lib/forms/idea-values';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const [options, onBehalf] = await Promise.all([getIdeaFormOptions(db(), [], user.departmentId), mayEnterOnBehalf(db(), user)]);
	return { options, onBehalf, values: blankIdeaValues(user.departmentId, options.calls[0]?.id ?? null, randomUUID()) };
};

export const actions: Actions = ideaFormActions(() => null);
