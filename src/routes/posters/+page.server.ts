import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, orNotFound } from '$lib/server/http';
import { posterFormSchema } from '$lib/server/posters/posters.schema';
import { getPosterChoices, previewPosters } from '$lib/server/posters/posters.service';
import { posterOrigin } from './origin';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const choices = await orNotFound(getPosterChoices(db(), user));
	const asked = Number(url.searchParams.get('department'));
	const selected = choices.departments.find((d) => d.id === asked)?.id ?? choices.departments[0]?.id ?? null;
	return { ...choices, selected, lang: locals.locale === 'nl' ? 'nl' : 'en' };
};

export const actions: Actions = {
	preview: (event) =>
		formAction(event, {
			access: 'idea.create',
			action: 'preview',
			schema: posterFormSchema,
			run: async (input, user, form) => ({
				preview: await previewPosters(db(), user, posterOrigin(event.url), input),
				values: {
					departmentId: String(input.departmentId),
					places: typeof form.get('places') === 'string' ? (form.get('places') as string) : '',
					lang: input.lang
				}
			})
		})
};
